/// A period that names a schema `schemas/` does not have.
public enum UnknownSchemaRule: Rule {
    public static let description = RuleDescription(
        id: "unknown-schema",
        summary: "a period names a schema that schemas/ does not have",
        rationale: "a period's schema gives its record kinds, indicators and bands; without it the period's records cannot be checked",
        summaryZH: "评价期所用的指标体系在 schemas/ 中不存在",
        rationaleZH: "评价期的指标体系规定了记录类型、指标和档次；找不到它，这个评价期的记录就无法检查",
        severity: .error,
        triggering: [
            RuleExample("vault/periods/2023.txt", "period start=2023-01-01 end=2023-12-31 ↓schema=tset\n"),
        ],
        nonTriggering: [
            RuleExample("vault/periods/2023.txt", "period start=2023-01-01 end=2023-12-31 schema=test\n"),
        ])

    static func diagnostic(_ file: BoundFile, _ record: Record, _ schema: String, known: [String]) -> Diagnostic {
        file.site(record).diagnostic(description, at: file.offset(of: "schema", in: record), unknownSchema(["schema": .text(schema)]),
                                     hint: Suggest.hint(for: schema, in: known, otherwise: addSchema(["schemas": .list(known), "schema": .text(schema)])))
    }

    static let unknownSchema = MessageTemplate(
        "unknown-schema.schema", en: "unknown schema \"{schema}\"", zh: "没有名为“{schema}”的指标体系")
    static let addSchema = MessageTemplate(
        "unknown-schema.schema.hint", en: "schemas known: {schemas}; add schemas/{schema}.txt",
        zh: "已有的指标体系：{schemas}；或新建 schemas/{schema}.txt")

    public static let messages = [unknownSchema, addSchema]
}
