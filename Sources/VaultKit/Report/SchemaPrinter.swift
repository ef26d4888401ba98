/// A schema summarised for people: bands, indicators with points, kinds with fields.
public enum SchemaPrinter {
    /// Every id, title and note is shown terminal-escaped.
    public static func text(_ schema: Schema) -> String {
        let t = Escape.terminal
        var out = "schema \(t(schema.id)): \(t(schema.title)) (total \(schema.total))\n"
        if let note = schema.note { out += "  \(t(note))\n" }
        out += "\nbands:\n"
        for band in schema.bands { out += "  \(t(band.id))  ≥ \(band.min)  \(t(band.label))\n" }
        out += "\nindicators:\n"
        for group in schema.groups {
            out += "  \(t(group.id)) \(t(group.title)) (\(group.max))\n"
            for indicator in schema.indicators where indicator.group == group.id {
                out += "    \(t(indicator.id)) \(t(indicator.title)) (\(indicator.max))\n"
            }
        }
        out += "\nrecord kinds:\n"
        for kind in schema.kinds {
            out += "  \(t(kind.id))\(kind.title.map { " (\(t($0)))" } ?? "")\n"
            for field in kind.fields {
                out += "    \(t(field.id))\(field.required ? "*" : "") \(t("\(field.type)"))\n"
            }
        }
        return out
    }
}
