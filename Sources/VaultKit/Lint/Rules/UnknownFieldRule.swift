/// A field its record kind does not declare.
public enum UnknownFieldRule: Rule {
    public static let description = RuleDescription(
        id: "unknown-field",
        summary: "a record has a field its kind does not declare",
        rationale: "a misspelt field would be ignored by the scorer; the schema lists every field a kind takes",
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
            return site.diagnostic(description, at: Int(field.key.start), "unknown field \"\(key)\" for record kind \"owed\"",
                                   hint: "an owed line is a review not yet filled in: change `owed` to `review` on this line to give scores")
        }
        let hint = Suggest.closest(to: key, in: known).map { "did you mean \"\($0)\"?" }
            ?? "\"\(kind.id)\" takes: \(known.joined(separator: ", "))"
        return site.diagnostic(description, at: Int(field.key.start),
                               "unknown field \"\(key)\" for record kind \"\(kind.id)\"", hint: hint)
    }
}
