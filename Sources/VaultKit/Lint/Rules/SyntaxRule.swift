/// Lines the grammar cannot read. Found by `LineParser`; the line is skipped and
/// the rest of the file is still checked.
public enum SyntaxRule: Rule {
    public static let description = RuleDescription(
        id: "syntax",
        summary: "a line does not follow the record grammar",
        rationale: "a record that cannot be read cannot be checked or scored; every such line is reported, and the rest of the file is still read",
        summaryZH: "一行不符合记录的写法",
        rationaleZH: "读不懂的记录既无法检查，也无法计分；每一行这样的问题都会报告，文件其余部分照常读取",
        severity: .error,
        triggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=↓\"第一次理事会\n"),
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=\"第一次↓\\q理事会\"\n"),
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council ↓=第一次理事会\n"),
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=\"A\" ↓type=secretariat\n"),
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=↓\n"),
            RuleExample("vault/alliances/示例/2023.txt", "↓Meeting type=council title=\"A\"\n"),
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council ↓第一次理事会\n"),
        ],
        nonTriggering: [
            RuleExample("vault/alliances/示例/2023.txt", "# 评价期内会议\n\n2023-03-01 meeting type=council title=\"第一次 \\\"扩大\\\" 理事会\"  # 线下\n"),
        ])

    // The line parser's findings (`LineParser`), built only when a line breaks the grammar.
    static let kindAfterDate = MessageTemplate(
        "syntax.kind-after-date", en: "expected a record kind after the date \"{date}\"", zh: "日期“{date}”后面缺少记录类型")
    static let kindAfterDateHint = MessageTemplate(
        "syntax.kind-after-date.hint", en: "write a kind after the date, e.g. \"2023-04-10 meeting type=council title=…\"",
        zh: "请在日期后写上记录类型，例如：2023-04-10 meeting type=council title=…")
    static let expectedKind = MessageTemplate(
        "syntax.kind", en: "expected a record kind, found \"{found}\"", zh: "此处应是记录类型，实际写的是“{found}”")
    static let expectedKindHint = MessageTemplate(
        "syntax.kind.hint", en: "a line starts with an optional date (YYYY-MM-DD) and a lower-case kind such as \"meeting\"",
        zh: "每行以日期（YYYY-MM-DD，可省略）和小写的记录类型开头，例如 meeting")
    static let kindCharacters = MessageTemplate(
        "syntax.kind-characters", en: "record kind \"{kind}\" may hold only lower-case letters, digits and \"-\"",
        zh: "记录类型“{kind}”只能由小写字母、数字和 - 组成")
    static let kindCharactersHint = MessageTemplate(
        "syntax.kind-characters.hint", en: "separate the kind from its fields with a space", zh: "记录类型与字段之间请用空格隔开")
    static let hashAfterValue = MessageTemplate(
        "syntax.hash-after-value", en: "\"#\" right after a value", zh: "取值后面紧跟着 #")
    static let hashAfterValueHint = MessageTemplate(
        "syntax.hash-after-value.hint", en: "put a space before a comment, or quote the value", zh: "请在注释的 # 前加一个空格，或给取值加上引号")
    static let strayEquals = MessageTemplate(
        "syntax.stray-equals", en: "stray \"=\" without a field name", zh: "“=”前面没有字段名")
    static let expectedField = MessageTemplate(
        "syntax.field", en: "expected key=value, found \"{found}\"", zh: "此处应是 key=value，实际写的是“{found}”")
    static let expectedFieldHint = MessageTemplate(
        "syntax.field.hint", en: "write fields as key=value; quote values that hold spaces: title=\"…\"",
        zh: "字段写作 key=value；含空格的取值请加引号：title=\"…\"")
    static let fieldTwice = MessageTemplate(
        "syntax.field-twice", en: "field \"{field}\" appears twice on this line", zh: "字段“{field}”在本行出现了两次")
    static let fieldTwiceHint = MessageTemplate(
        "syntax.field-twice.hint", en: "keep one \"{field}=\"; a record has at most one value per field",
        zh: "只保留一个 {field}=；一条记录的每个字段只能有一个取值")
    static let spaceAfterValue = MessageTemplate(
        "syntax.space-after-value", en: "expected a space after the value of \"{field}\", found \"{found}\"",
        zh: "字段“{field}”的取值后面应有空格，实际写的是“{found}”")
    static let spaceAfterValueHint = MessageTemplate(
        "syntax.space-after-value.hint", en: "separate fields with spaces", zh: "字段之间请用空格隔开")
    static let noValue = MessageTemplate(
        "syntax.no-value", en: "field \"{field}\" has no value", zh: "字段“{field}”没有取值")
    static let noValueHint = MessageTemplate(
        "syntax.no-value.hint", en: "write a value after \"=\", or {field}=\"\" for an empty text",
        zh: "请在 = 后写上取值；空文本写作 {field}=\"\"")
    static let unknownEscape = MessageTemplate(
        "syntax.escape", en: "unknown escape \"{escape}\" in the value of \"{field}\"", zh: "字段“{field}”的取值中有无法识别的转义“{escape}”")
    static let unknownEscapeHint = MessageTemplate(
        "syntax.escape.hint", en: "the escapes are \\\" \\\\ \\n \\t; write \\\\ for a backslash",
        zh: "可用的转义只有 \\\" \\\\ \\n \\t；反斜杠本身写作 \\\\")
    static let unclosedQuote = MessageTemplate(
        "syntax.unclosed-quote", en: "the value of \"{field}\" opens a quote that is never closed",
        zh: "字段“{field}”的取值以引号开头，但引号没有闭合")
    static let unclosedQuoteHint = MessageTemplate(
        "syntax.unclosed-quote.hint", en: "add the closing \" before the end of the line", zh: "请在行尾之前补上闭合的 \"")
    static let quoteInValue = MessageTemplate(
        "syntax.quote-in-value", en: "a quote inside the unquoted value of \"{field}\"", zh: "字段“{field}”的取值没有加引号，中间却出现了引号")
    static let quoteInValueHint = MessageTemplate(
        "syntax.quote-in-value.hint", en: "quote the whole value: {field}=\"…\", writing \\\" for a quote inside it",
        zh: "请给整个取值加上引号：{field}=\"…\"，其中的引号写作 \\\"")

    public static let messages = [
        kindAfterDate, kindAfterDateHint, expectedKind, expectedKindHint, kindCharacters, kindCharactersHint,
        hashAfterValue, hashAfterValueHint, strayEquals, expectedField, expectedFieldHint, fieldTwice, fieldTwiceHint,
        spaceAfterValue, spaceAfterValueHint, noValue, noValueHint, unknownEscape, unknownEscapeHint,
        unclosedQuote, unclosedQuoteHint, quoteInValue, quoteInValueHint,
    ]
}
