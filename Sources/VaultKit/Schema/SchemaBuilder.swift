/// Turns a bound schema file into a `Schema`, checking what the line grammar
/// cannot: duplicate ids, unknown types, fields of undeclared kinds, indicators of
/// unknown groups, points that do not add up. Every problem is a `schema` finding.
enum SchemaBuilder {
    static func build(id: String, file: BoundFile) -> (Schema, [Diagnostic]) {
        var builder = State(file: file)
        for record in file.records { builder.add(record) }
        builder.finish()
        let schema = Schema(id: id, title: builder.title ?? id, total: builder.total ?? 0, note: builder.note,
                            bands: builder.bands.sorted { $1.min < $0.min }, groups: builder.groups,
                            indicators: builder.indicators, kinds: builder.kinds)
        return (schema, builder.diagnostics)
    }

    private struct State {
        let file: BoundFile
        var title: String?
        var total: Int64?
        var note: String?
        var bands: [Band] = []
        var groups: [IndicatorGroup] = []
        var indicators: [Indicator] = []
        var kinds: [KindSpec] = []
        var diagnostics: [Diagnostic] = []
        var seen: [String: Set<String>] = [:]
        var firstLine: Record?

        init(file: BoundFile) { self.file = file }

        func text(_ record: Record, _ field: String) -> String { file.text(record, field) ?? "" }

        mutating func problem(_ record: Record, _ field: String, _ message: String, hint: String) {
            diagnostics.append(file.site(record).diagnostic(SchemaRule.description,
                                                            at: file.offset(of: field, in: record), message, hint: hint))
        }

        /// False (and a finding) when `id` was already declared for this kind of entry.
        mutating func fresh(_ record: Record, _ what: String, _ id: String) -> Bool {
            if seen[what, default: []].insert(id).inserted { return true }
            problem(record, "id", "\(what) \"\(id)\" is declared twice", hint: "give each \(what) its own id, or remove the second")
            return false
        }

        mutating func add(_ record: Record) {
            firstLine = firstLine ?? record
            switch file.kind(of: record).id {
            case "schema":
                title = text(record, "title")
                total = file.int(record, "total")
                note = file.text(record, "note")
            case "band":
                let id = text(record, "id")
                guard fresh(record, "band", id) else { return }
                bands.append(Band(id: id, min: file.decimal(record, "min")!, label: text(record, "label")))
            case "group":
                let id = text(record, "id")
                guard fresh(record, "group", id) else { return }
                groups.append(IndicatorGroup(id: id, title: text(record, "title"), max: file.decimal(record, "max")!))
            case "indicator":
                let id = text(record, "id")
                guard fresh(record, "indicator", id) else { return }
                let group = text(record, "group")
                guard groups.contains(where: { $0.id == group }) else {
                    problem(record, "group", "indicator \"\(id)\" names group \"\(group)\", which is not declared above it",
                            hint: "declare \"group id=\(group) …\" before its indicators")
                    return
                }
                indicators.append(Indicator(id: id, group: group, title: text(record, "title"), max: file.decimal(record, "max")!))
            case "kind":
                addKind(record)
            case "field":
                addField(record)
            default:
                break
            }
        }

        mutating func addKind(_ record: Record) {
            let id = text(record, "id")
            guard fresh(record, "kind", id) else { return }
            guard id.utf8.allSatisfy({ LineParser.isKindByte($0) }), let first = id.utf8.first, LineParser.isLower(first) else {
                problem(record, "id", "kind name \"\(id)\" is not lower-case letters, digits and \"-\"",
                        hint: "name kinds like \"meeting\" or \"ip-sharing\"")
                return
            }
            let role = file.text(record, "file").flatMap(FileRole.init(rawValue:)) ?? .records
            let dated = file.text(record, "dated").flatMap(KindSpec.Dating.init(rawValue:)) ?? .optional
            kinds.append(KindSpec(id: id, title: file.text(record, "title"), role: role,
                                  unique: file.text(record, "unique") == "yes", dated: dated))
        }

        mutating func addField(_ record: Record) {
            let kindID = text(record, "kind")
            let id = text(record, "id")
            guard let kindIndex = kinds.firstIndex(where: { $0.id == kindID }) else {
                let hint = Suggest.closest(to: kindID, in: kinds.map(\.id)).map { "did you mean \"\($0)\"?" }
                    ?? "declare \"kind id=\(kindID)\" before its fields"
                problem(record, "kind", "field \"\(id)\" belongs to kind \"\(kindID)\", which is not declared above it", hint: hint)
                return
            }
            guard fresh(record, "field", kindID + "." + id) else { return }
            guard !id.isEmpty, id.utf8.allSatisfy({ LineParser.isKeyByte($0) }) else {
                problem(record, "id", "field name \"\(id)\" may hold only letters, digits, \"_\", \"-\" and \".\"",
                        hint: "rename the field, e.g. \"attendees\"")
                return
            }
            let typeText = text(record, "type")
            guard let type = FieldType(typeText) else {
                let hint = Suggest.closest(to: typeText, in: FieldType.names).map { "did you mean \"\($0)\"?" }
                    ?? "types are \(FieldType.names.joined(separator: ", "))"
                problem(record, "type", "unknown field type \"\(typeText)\"", hint: hint)
                return
            }
            kinds[kindIndex].fields.append(FieldSpec(id: id, type: type, required: file.text(record, "required") == "yes",
                                                     title: file.text(record, "title")))
        }

        mutating func finish() {
            guard let first = firstLine else {
                diagnostics.append(Diagnostic(ruleID: SchemaRule.description.id, severity: SchemaRule.description.severity,
                                              location: .file(file.path), message: "schema file \"\(file.path)\" declares nothing",
                                              hint: "start it with: schema title=\"…\" total=100"))
                return
            }
            if title == nil {
                problem(first, "", "schema file has no \"schema\" line", hint: "add: schema title=\"…\" total=100")
            }
            for group in groups {
                let members = indicators.filter { $0.group == group.id }
                let sum = members.reduce(0.0) { $0 + $1.max.doubleValue }
                if !members.isEmpty, abs(sum - group.max.doubleValue) > 1e-9 {
                    let record = file.records.first { file.kind(of: $0).id == "group" && text($0, "id") == group.id }!
                    problem(record, "max", "group \"\(group.id)\" has max=\(group.max) but its indicators add up to \(FixedDecimal(mantissa: Int64((sum * 100).rounded()), scale: 2))",
                            hint: "make the indicators' max values add up to the group's max")
                }
            }
            if let total, !groups.isEmpty {
                let sum = groups.reduce(0.0) { $0 + $1.max.doubleValue }
                if abs(sum - Double(total)) > 1e-9, let record = file.records.first(where: { file.kind(of: $0).id == "schema" }) {
                    problem(record, "total", "schema total=\(total) but its groups add up to \(sum)",
                            hint: "make the groups' max values add up to the total")
                }
            }
        }
    }
}
