/// A value that is not of its field's type: a date that does not exist, money
/// without a unit, a word outside an enum, a number too large.
public enum BadValueRule: Rule {
    public static let description = RuleDescription(
        id: "bad-value",
        summary: "a value does not have its field's type",
        rationale: "typed values are what make scores computable; each type's form is in docs/format.md",
        summaryZH: "取值不符合字段的类型",
        rationaleZH: "取值有类型，得分才算得出来；各类型的写法见 docs/format.md",
        severity: .error,
        triggering: [
            RuleExample("vault/alliances/示例/2023.txt", "↓2023-02-30 meeting type=council title=A\n"),
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=A attendees=↓四十\n"),
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=A funding=↓1200\n"),
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=↓councl title=A\n"),
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=A attendees=↓99999999999999999999\n"),
            RuleExample("vault/alliances/示例/2023.txt", "published status=evaluated score=90 band=↓top source=x\n"),
            RuleExample("vault/alliances/示例/alliance.txt", "alliance code=↓1100 batch=1 name=示例\n"),
        ],
        nonTriggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-02-28 meeting type=council title=A funding=14.63亿元\n"),
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=A funding=1200.5万元 attendees=40\n"),
        ])

    static func diagnostic(site: DiagnosticSite, field: RawField, spec: FieldSpec, failure: ValueParser.Failure,
                           parsed: ParsedFile) -> Diagnostic {
        site.diagnostic(description, at: Int(field.value.start),
                        notOfType(["field": .text(spec.id), "value": .text(parsed.excerpt(field)), "expected": .message(failure.expected)]),
                        hint: failure.hint)
    }

    static let notOfType = MessageTemplate(
        "bad-value.type", en: "{field}=\"{value}\" is not {expected}", zh: "取值 {field}=\"{value}\" 不是{expected}")
    // Said by the binder: a date where the kind takes none, or one that does not exist.
    static let undatedKind = MessageTemplate(
        "bad-value.date-not-taken", en: "record kind {kind} takes no date, found \"{date}\"", zh: "记录类型{kind}不带日期，这里却写了“{date}”")
    static let removeDate = MessageTemplate(
        "bad-value.date-not-taken.hint", en: "remove the date: a {kind} record is about the whole period or file",
        zh: "请删去日期：{kind}记录针对的是整个评价期或整个文件")
    static let noSuchDate = MessageTemplate(
        "bad-value.date", en: "\"{date}\" is not a date (YYYY-MM-DD) that exists", zh: "“{date}”不是存在的日期（YYYY-MM-DD）")
    // Said by the loader of a period's counts.
    static let negative = MessageTemplate(
        "bad-value.negative", en: "{field}={value} is negative: it is {what}", zh: "{field}={value} 是负数，而它表示{what}")
    static let notNegativeHint = MessageTemplate(
        "bad-value.negative.hint", en: "write 0 or more", zh: "请写 0 或更大的数")
    static let allianceCount = MessageTemplate("bad-value.negative.alliances", en: "a number of alliances", zh: "联盟数量")
    static let pointDifference = MessageTemplate("bad-value.negative.points", en: "a difference in points", zh: "分差")

    public static let messages = [notOfType, undatedKind, removeDate, noSuchDate, negative, notNegativeHint, allianceCount, pointDifference]
        + ValueParser.messages
}
