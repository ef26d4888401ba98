/// A required field, date or record that is not there.
public enum MissingFieldRule: Rule {
    public static let description = RuleDescription(
        id: "missing-field",
        summary: "a required field, date or record is missing",
        rationale: "the schema marks what a record cannot do without (a meeting's type, a period's dates); a record without it is left out of scoring",
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
                               "record kind \"\(kind.id)\" needs field \"\(field.id)\"",
                               hint: "add \(field.id)=\(example) (\(field.type))")
    }

    static func missingDate(site: DiagnosticSite, kind: KindSpec, at offset: Int) -> Diagnostic {
        site.diagnostic(description, at: offset, "record kind \"\(kind.id)\" needs a date",
                        hint: "start the line with the date: YYYY-MM-DD \(kind.id) …")
    }
}
