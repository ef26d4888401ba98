/// A schema summarised for people: bands, indicators with points, kinds with fields.
public enum SchemaPrinter {
    public static func text(_ schema: Schema) -> String {
        var out = "schema \(schema.id): \(schema.title) (total \(schema.total))\n"
        if let note = schema.note { out += "  \(note)\n" }
        out += "\nbands:\n"
        for band in schema.bands { out += "  \(band.id)  ≥ \(band.min)  \(band.label)\n" }
        out += "\nindicators:\n"
        for group in schema.groups {
            out += "  \(group.id) \(group.title) (\(group.max))\n"
            for indicator in schema.indicators where indicator.group == group.id {
                out += "    \(indicator.id) \(indicator.title) (\(indicator.max))\n"
            }
        }
        out += "\nrecord kinds:\n"
        for kind in schema.kinds {
            out += "  \(kind.id)\(kind.title.map { " (\($0))" } ?? "")\n"
            for field in kind.fields {
                out += "    \(field.id)\(field.required ? "*" : "") \(field.type)\n"
            }
        }
        return out
    }
}
