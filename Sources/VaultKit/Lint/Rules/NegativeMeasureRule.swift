/// A negative value where a rubric counts or sums: `count=-3` on an aggregate
/// record, or a negative figure in a field a `sum` rubric adds up.
public enum NegativeMeasureRule: FileRule {
    public static let description = RuleDescription(
        id: "negative-measure",
        summary: "a value a rubric counts or sums is negative",
        rationale: "a count of records or a summed figure (staff, patents) is never below 0; a negative one would silently cancel other evidence, so it is reported and counted as 0",
        severity: .error,
        triggering: [
            RuleExample([
                "schemas/test.txt": ExampleProject.base["schemas/test.txt"]! + "field kind=meeting id=count type=int\n",
                "vault/alliances/示例/2023.txt": "participation status=evaluated group=A\n2023-03-01 meeting type=council title=A ↓count=-3\n",
            ]),
        ],
        nonTriggering: [
            RuleExample([
                "schemas/test.txt": ExampleProject.base["schemas/test.txt"]! + "field kind=meeting id=count type=int\n",
                "vault/alliances/示例/2023.txt": "participation status=evaluated group=A\n2023-03-01 meeting type=council title=A count=3\n",
            ]),
            RuleExample("vault/alliances/示例/2023.txt", "participation status=evaluated group=A\n2023-03-01 meeting type=council title=A attendees=-3\n"),
        ])

    /// The int fields of each kind whose values a rubric or the statistics add up:
    /// `count` (aggregate records) and every `sum` rubric's field on its evidence kinds.
    static func measured(_ schema: Schema) -> [String: Set<String>] {
        var fields: [String: Set<String>] = [:]
        for kind in schema.kinds where kind.fields.contains(where: { $0.id == "count" && $0.type == .int }) {
            fields[kind.id, default: []].insert("count")
        }
        for indicator in schema.indicators {
            guard let rubric = indicator.rubric, rubric.kind == .sum, let field = rubric.field else { continue }
            for selector in indicator.evidence {
                guard schema.kinds.first(where: { $0.id == selector.kind })?.fields.contains(where: { $0.id == field && $0.type == .int }) == true else { continue }
                fields[selector.kind, default: []].insert(field)
            }
        }
        return fields
    }

    public static func check(_ file: BoundFile, in vault: Vault) -> [Diagnostic] {
        guard file.path.hasPrefix("vault/alliances/"), let schema = vault.periods[file.stem]?.schema else { return [] }
        var found: [Diagnostic] = []
        for (kind, fields) in measured(schema).sorted(by: { $0.key < $1.key }) {
            for record in file.records(of: kind) {
                for field in fields.sorted() {
                    guard let value = file.int(record, field), value < 0 else { continue }
                    found.append(file.site(record).diagnostic(description, at: file.offset(of: field, in: record),
                        "\(field)=\(value) is negative: \(kind) records are counted or summed by it, and it counts as 0",
                        hint: "write the number of records or the figure, 0 or more"))
                }
            }
        }
        return found
    }
}
