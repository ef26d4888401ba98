/// A negative value where a rubric counts or sums: `count=-3` on an aggregate
/// record, or a negative figure in a field a `sum` rubric adds up.
public enum NegativeMeasureRule: FileRule {
    public static let description = RuleDescription(
        id: "negative-measure",
        summary: "a value a rubric counts or sums is negative",
        rationale: "a count of records or a summed figure (staff, patents) is never below 0; a negative one would silently cancel other evidence, so it is reported and counted as 0",
        summaryZH: "评分细则计数或求和所用的取值为负数",
        rationaleZH: "记录的数量或求和的数字（人员、专利）不会小于 0；负数会悄悄抵消其他佐证，因此报告出来，并按 0 计",
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
    /// Worked out once per schema (`Schema.measured`), in a fixed order.
    static func measured(_ schema: Schema) -> [MeasuredFields] {
        var fields: [String: Set<String>] = [:]
        for kind in schema.kinds where kind.role == .records && kind.fields.contains(where: { $0.id == "count" && $0.type == .int }) {
            fields[kind.id, default: []].insert("count")
        }
        for indicator in schema.indicators {
            guard let rubric = indicator.rubric, rubric.kind == .sum, let field = rubric.field else { continue }
            for selector in indicator.evidence {
                guard schema.kinds.first(where: { $0.id == selector.kind })?.fields.contains(where: { $0.id == field && $0.type == .int }) == true else { continue }
                fields[selector.kind, default: []].insert(field)
            }
        }
        return fields.keys.sorted().map { MeasuredFields(kind: $0, fields: fields[$0]!.sorted()) }
    }

    public static func check(_ file: BoundFile, in vault: Vault) -> [Diagnostic] {
        // The file's table holds the fields to check, resolved once per period (`KindTable.measuredSlots`):
        // only alliance record files have them.
        // Only alliance record files have them, and the binder says whether the file holds a negative int at all.
        guard file.holdsNegativeInt, !file.table.measuredSlots.isEmpty else { return [] }
        var found: [Diagnostic] = []
        for (kind, fields) in file.table.measuredSlots {
            for record in KindRecords(file: file, range: Int(file.kindStarts[kind])..<Int(file.kindStarts[kind + 1])) {
                for (field, slot) in fields {
                    guard case .int(let value)? = file.value(record, at: slot), value < 0 else { continue }
                    found.append(file.site(record).diagnostic(description, at: file.offset(of: field, in: record),
                        negative(["field": .text(field), "value": .text("\(value)"), "kind": .text(file.table.ids[kind])]),
                        hint: zeroOrMore()))
                }
            }
        }
        return found
    }

    static let negative = MessageTemplate(
        "negative-measure.negative", en: "{field}={value} is negative: {kind} records are counted or summed by it, and it counts as 0",
        zh: "{field}={value} 是负数：{kind} 记录按它计数或求和，它按 0 计")
    static let zeroOrMore = MessageTemplate(
        "negative-measure.negative.hint", en: "write the number of records or the figure, 0 or more", zh: "请填写记录的数量或数字，不小于 0")

    public static let messages = [negative, zeroOrMore]
}
