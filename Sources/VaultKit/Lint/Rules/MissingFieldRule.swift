/// A required field, date or record that is not there.
public enum MissingFieldRule: Rule {
    public static let description = RuleDescription(
        id: "missing-field",
        summary: "a required field, date or record is missing",
        rationale: "the schema marks what a record cannot do without (a meeting's type, a period's dates); a record without it is left out of scoring",
        summaryZH: "缺少必填的字段、日期或记录",
        rationaleZH: "指标体系标明了记录不可缺少的内容（会议的类型、评价期的起止日期）；缺了它，这条记录不计入评分",
        severity: .error,
        triggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 ↓meeting title=A\n"),
            RuleExample("vault/periods/2023.txt", "↓# 缺少 period 行\n"),
        ],
        nonTriggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=A\n"),
        ])

    static func diagnostic(site: DiagnosticSite, kind: KindSpec, field: FieldSpec, line: RawLine) -> Diagnostic {
        let example: String = switch field.type {
        case .enumeration(let cases): cases.first ?? "…"
        case .date: "YYYY-MM-DD"
        case .money: "100万元"
        case .int, .decimal: "0"
        default: "\"…\""
        }
        return site.diagnostic(description, at: Int(line.kind.start),
                               needsField(["kind": .term(kind.id, title: kind.title), "field": .term(field.id, title: field.title)]),
                               hint: addField(["field": .text(field.id), "example": .text(example), "type": .text("\(field.type)")]))
    }

    static func missingDate(site: DiagnosticSite, kind: KindSpec, at offset: Int) -> Diagnostic {
        site.diagnostic(description, at: offset, needsDate(["kind": .term(kind.id, title: kind.title)]),
                        hint: startWithDate(["kind": .text(kind.id)]))
    }

    static let needsField = MessageTemplate(
        "missing-field.field", en: "record kind {kind} needs field {field}", zh: "记录类型{kind}缺少字段{field}")
    static let addField = MessageTemplate(
        "missing-field.field.hint", en: "add {field}={example} ({type})", zh: "请补上 {field}={example}（{type}）")
    static let needsDate = MessageTemplate(
        "missing-field.date", en: "record kind {kind} needs a date", zh: "记录类型{kind}缺少日期")
    static let startWithDate = MessageTemplate(
        "missing-field.date.hint", en: "start the line with the date: YYYY-MM-DD {kind} …", zh: "请在行首写上日期：YYYY-MM-DD {kind} …")

    static let noPeriodRecord = MessageTemplate(
        "missing-field.period-record", en: "period file \"{path}\" has no \"period\" record", zh: "评价期文件“{path}”没有 period 记录")
    static let addPeriodRecord = MessageTemplate(
        "missing-field.period-record.hint", en: "add: period start=YYYY-MM-DD end=YYYY-MM-DD schema=ID",
        zh: "请加上一行：period start=YYYY-MM-DD end=YYYY-MM-DD schema=ID")

    public static let messages = [needsField, addField, needsDate, startWithDate, noPeriodRecord, addPeriodRecord]
}
