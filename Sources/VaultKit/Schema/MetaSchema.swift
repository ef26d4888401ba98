/// The kinds a schema file is written with. They are built in code because
/// everything else (the core schema included) is parsed with them.
enum MetaSchema {
    static let table = KindTable([
        KindSpec(id: "schema", role: .schema, unique: true, dated: .no, fields: [
            FieldSpec(id: "title", type: .text, required: true),
            FieldSpec(id: "total", type: .int, required: true),
            FieldSpec(id: "note", type: .text),
        ]),
        KindSpec(id: "band", role: .schema, dated: .no, fields: [
            FieldSpec(id: "id", type: .text, required: true),
            FieldSpec(id: "min", type: .decimal, required: true),
            FieldSpec(id: "label", type: .text, required: true),
        ]),
        KindSpec(id: "group", role: .schema, dated: .no, fields: [
            FieldSpec(id: "id", type: .text, required: true),
            FieldSpec(id: "title", type: .text, required: true),
            FieldSpec(id: "max", type: .decimal, required: true),
        ]),
        KindSpec(id: "indicator", role: .schema, dated: .no, fields: [
            FieldSpec(id: "id", type: .text, required: true),
            FieldSpec(id: "group", type: .text, required: true),
            FieldSpec(id: "title", type: .text, required: true),
            FieldSpec(id: "max", type: .decimal, required: true),
            FieldSpec(id: "from", type: .text),
            FieldSpec(id: "rubric", type: .enumeration(["count", "sum", "presence"])),
            FieldSpec(id: "field", type: .text),
            FieldSpec(id: "tiers", type: .text),
        ]),
        KindSpec(id: "award", role: .schema, dated: .no, fields: [
            FieldSpec(id: "id", type: .text, required: true),
            FieldSpec(id: "label", type: .text, required: true),
            FieldSpec(id: "band", type: .text, required: true),
            FieldSpec(id: "consecutive", type: .int, required: true),
        ]),
        KindSpec(id: "kind", role: .schema, dated: .no, fields: [
            FieldSpec(id: "id", type: .text, required: true),
            FieldSpec(id: "title", type: .text),
            FieldSpec(id: "file", type: .enumeration(["records", "alliance", "period", "review"])),
            FieldSpec(id: "unique", type: .enumeration(["yes", "no"])),
            FieldSpec(id: "dated", type: .enumeration(["yes", "no", "optional"])),
        ]),
        KindSpec(id: "field", role: .schema, dated: .no, fields: [
            FieldSpec(id: "kind", type: .text, required: true),
            FieldSpec(id: "id", type: .text, required: true),
            FieldSpec(id: "type", type: .text, required: true),
            FieldSpec(id: "required", type: .enumeration(["yes", "no"])),
            FieldSpec(id: "title", type: .text),
        ]),
    ])
}
