/// A field its record kind does not declare.
public enum UnknownFieldRule: Rule {
    public static let description = RuleDescription(
        id: "unknown-field",
        summary: "a record has a field its kind does not declare",
        rationale: "a misspelt field would be ignored by the scorer; the schema lists every field a kind takes",
        summaryZH: "记录中有其记录类型未声明的字段",
        rationaleZH: "拼错的字段会被评分程序忽略；指标体系列出了每种记录类型可用的全部字段",
        severity: .error,
        triggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=A ↓attendes=40\n"),
        ],
        nonTriggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=A attendees=40\n"),
        ])

    static func diagnostic(site: DiagnosticSite, field: RawField, kind: KindSpec, parsed: ParsedFile) -> Diagnostic {
        let key = parsed.text.excerpt(field.key)
        // In a review, a key that looks like an indicator id is an indicator the schema lacks.
        if kind.id == "review", let first = key.unicodeScalars.first, ("0"..."9").contains(first) {
            return IndicatorScoreRule.unknownIndicator(site: site, field: field, kind: kind, parsed: parsed)
        }
        let known = kind.fields.map(\.id)
        // An expert filling in an owed line sets scores before changing its kind.
        if kind.id == "owed", key == "note" || key.unicodeScalars.first.map({ ("0"..."9").contains($0) }) == true {
            return site.diagnostic(description, at: Int(field.key.start), unknownField(["field": .text(key), "kind": .term(kind.id, title: kind.title)]),
                                   hint: fillInOwed())
        }
        return site.diagnostic(description, at: Int(field.key.start), unknownField(["field": .text(key), "kind": .term(kind.id, title: kind.title)]),
                               hint: Suggest.hint(for: key, in: known,
                                                  otherwise: fieldsTaken(["kind": .term(kind.id, title: kind.title), "fields": .list(known)])))
    }

    static let unknownField = MessageTemplate(
        "unknown-field.field", en: "unknown field \"{field}\" for record kind {kind}", zh: "记录类型{kind}没有字段“{field}”")
    static let fieldsTaken = MessageTemplate(
        "unknown-field.field.hint", en: "{kind} takes: {fields}", zh: "记录类型{kind}可用的字段：{fields}")
    static let fillInOwed = MessageTemplate(
        "unknown-field.owed.hint", en: "an owed line is a review not yet filled in: change `owed` to `review` on this line to give scores",
        zh: "owed 行是尚未填写的评审：要打分，请把本行的 `owed` 改为 `review`")

    public static let messages = [unknownField, fieldsTaken, fillInOwed]
}
