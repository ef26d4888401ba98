/// Turns a bound schema file into a `Schema`, checking what the line grammar
/// cannot: duplicate ids, unknown types, fields of undeclared kinds, indicators of
/// unknown groups, points that do not add up. Every problem is a `schema` finding.
enum SchemaBuilder {
    /// The longest run of periods an award may ask for.
    static let maxConsecutive: Int64 = 1000

    static func build(id: String, file: BoundFile) -> (Schema, [Diagnostic]) {
        var builder = State(file: file)
        for record in file.records { builder.add(record) }
        builder.finish()
        let schema = Schema(id: id, title: builder.title ?? id, total: builder.total ?? 0, note: builder.note,
                            bands: builder.bands.sorted { $1.min < $0.min }, groups: builder.groups,
                            indicators: builder.indicators, kinds: builder.kinds, awards: builder.awards)
        var measured = schema
        measured.measured = NegativeMeasureRule.measured(schema)
        return (measured, builder.diagnostics)
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
        var awards: [Award] = []
        /// Indicator records, kept to check their evidence once every kind is declared.
        var indicatorRecords: [Record] = []
        var diagnostics: [Diagnostic] = []
        var seen: [String: Set<String>] = [:]
        var firstLine: Record?

        init(file: BoundFile) { self.file = file }

        func text(_ record: Record, _ field: String) -> String { file.text(record, field) ?? "" }

        mutating func problem(_ record: Record, _ field: String, _ message: String, hint: String) {
            diagnostics.append(file.site(record).diagnostic(SchemaRule.description,
                                                            at: file.offset(of: field, in: record), message, hint: hint))
        }

        /// A point value (band minimum, maximum): not negative, at most the largest total,
        /// in hundredths, since scores are kept to hundredths (`Points`).
        mutating func checkPoints(_ record: Record, _ field: String, _ value: FixedDecimal, what: String) {
            if value.mantissa < 0 || FixedDecimal(Int(Schema.maxTotal)) < value {
                problem(record, field, "\(what) has \(field)=\(value), outside 0…\(Schema.maxTotal)",
                        hint: "points are never negative and at most the schema's total")
            } else if value.scale > 2, value.rescaled(to: 2).map({ FixedDecimal(mantissa: $0, scale: 2).sameValue(as: value) }) != true {
                problem(record, field, "\(what) has \(field)=\(value), finer than hundredths",
                        hint: "points are kept to hundredths: write at most two decimals")
            }
        }

        /// False (and a finding) when `id` was already declared for this kind of entry.
        mutating func fresh(_ record: Record, _ what: String, _ id: String) -> Bool {
            if seen[what, default: []].insert(id).inserted { return true }
            problem(record, "id", "\(what) \"\(id)\" is declared twice", hint: "give each \(what) its own id, or remove the second")
            return false
        }

        mutating func add(_ record: Record) {
            firstLine = firstLine ?? record
            switch file.kindID(of: record) {
            case "schema":
                title = text(record, "title")
                total = file.int(record, "total")
                note = file.text(record, "note")
                if let total, total < 0 || total > Schema.maxTotal {
                    problem(record, "total", "total=\(total) is outside 0…\(Schema.maxTotal)",
                            hint: "a schema's total is its maximum score, e.g. total=100")
                }
            case "band":
                let id = text(record, "id")
                guard fresh(record, "band", id) else { return }
                let min = file.decimal(record, "min")!
                checkPoints(record, "min", min, what: "band \"\(id)\"")
                bands.append(Band(id: id, min: min, label: text(record, "label")))
            case "group":
                let id = text(record, "id")
                guard fresh(record, "group", id) else { return }
                let max = file.decimal(record, "max")!
                checkPoints(record, "max", max, what: "group \"\(id)\"")
                groups.append(IndicatorGroup(id: id, title: text(record, "title"), max: max))
            case "indicator":
                let id = text(record, "id")
                guard fresh(record, "indicator", id) else { return }
                let group = text(record, "group")
                guard groups.contains(where: { $0.id == group }) else {
                    problem(record, "group", "indicator \"\(id)\" names group \"\(group)\", which is not declared above it",
                            hint: "declare \"group id=\(group) …\" before its indicators")
                    return
                }
                if Schema.reviewFields.contains(id) || id.isEmpty || !id.utf8.allSatisfy({ LineParser.isKeyByte($0) }) {
                    let reason = Schema.reviewFields.contains(id)
                        ? "is a field every review line has (\(Schema.reviewFields.joined(separator: ", ")))"
                        : "cannot be written as a key of a review line (letters, digits, \"_\", \"-\", \".\")"
                    problem(record, "id", "indicator id \"\(id)\" \(reason)", hint: "number indicators like their group, e.g. id=\(group).1")
                }
                let max = file.decimal(record, "max")!
                checkPoints(record, "max", max, what: "indicator \"\(id)\"")
                indicators.append(Indicator(id: id, group: group, title: text(record, "title"), max: max))
                indicatorRecords.append(record)
            case "award":
                let id = text(record, "id")
                guard fresh(record, "award", id) else { return }
                let consecutive = file.int(record, "consecutive") ?? 1
                if consecutive < 1 || consecutive > SchemaBuilder.maxConsecutive {
                    problem(record, "consecutive", "award \"\(id)\" has consecutive=\(consecutive): the band must be held in 1…\(SchemaBuilder.maxConsecutive) periods",
                            hint: "consecutive counts evaluation periods, e.g. consecutive=3")
                }
                awards.append(Award(id: id, label: text(record, "label"), band: text(record, "band"),
                                    consecutive: Int(Swift.max(1, Swift.min(consecutive, SchemaBuilder.maxConsecutive)))))
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

        /// Checks an indicator's evidence and rubric against the declared kinds.
        mutating func addEvidence(_ index: Int, _ record: Record) {
            guard let from = file.text(record, "from") else {
                if file.text(record, "rubric") != nil {
                    problem(record, "rubric", "indicator \"\(indicators[index].id)\" has a rubric but no evidence",
                            hint: "add from=KIND or from=KIND[FIELD=VALUE]")
                }
                return
            }
            var selectors: [EvidenceSelector] = []
            for part in from.split(separator: "|").map(String.init) {
                guard let selector = EvidenceSelector(part) else {
                    problem(record, "from", "\"\(part)\" is not KIND or KIND[FIELD=VALUE]", hint: "e.g. from=project[type=self-funded]")
                    return
                }
                guard let kind = kinds.first(where: { $0.id == selector.kind }) else {
                    let hint = Suggest.closest(to: selector.kind, in: kinds.map(\.id)).map { "did you mean \"\($0)\"?" }
                        ?? "declare \"kind id=\(selector.kind)\" in this schema"
                    problem(record, "from", "evidence kind \"\(selector.kind)\" is not declared", hint: hint)
                    return
                }
                if let field = selector.field {
                    guard let spec = kind.fields.first(where: { $0.id == field }) else {
                        problem(record, "from", "kind \"\(kind.id)\" has no field \"\(field)\"",
                                hint: "fields of \(kind.id): \(kind.fields.map(\.id).joined(separator: ", "))")
                        return
                    }
                    if case .enumeration(let cases) = spec.type, !cases.contains(selector.value ?? "") {
                        problem(record, "from", "\"\(selector.value ?? "")\" is not a value of \(kind.id).\(field)",
                                hint: "values: \(cases.joined(separator: ", "))")
                        return
                    }
                }
                selectors.append(selector)
            }
            indicators[index].evidence = selectors
            let rubricKind = file.text(record, "rubric").flatMap(Rubric.Kind.init(rawValue:)) ?? .presence
            let field = file.text(record, "field")
            var fieldType = FieldType.int
            if rubricKind == .sum {
                guard let field else {
                    problem(record, "rubric", "a sum rubric needs field=FIELD", hint: "e.g. rubric=sum field=funding")
                    return
                }
                let types = selectors.compactMap { s in kinds.first { $0.id == s.kind }?.fields.first { $0.id == field }?.type }
                guard types.count == selectors.count, let first = types.first, types.allSatisfy({ $0 == first }),
                      first == .int || first == .money else {
                    problem(record, "field", "field \"\(field)\" must be an int or money field of every evidence kind",
                            hint: "sum a whole-number or money field, e.g. field=funding")
                    return
                }
                fieldType = first
            }
            var tiers: [Rubric.Tier] = []
            for part in (file.text(record, "tiers") ?? "").split(separator: ",") {
                let pair = part.split(separator: ":")
                let threshold: Int64? = pair.count == 2
                    ? (fieldType == .money ? Money.parse(Array(pair[0].utf8)) : Int64(pair[0])) : nil
                guard let threshold, let points = FixedDecimal(String(pair[1])),
                      tiers.last.map({ $0.threshold < threshold }) ?? true else {
                    problem(record, "tiers", "tier \"\(part)\" is not THRESHOLD:POINTS in ascending order",
                            hint: fieldType == .money ? "e.g. tiers=100万元:2,1000万元:4" : "e.g. tiers=1:3,2:5,3:6")
                    return
                }
                if indicators[index].max < points {
                    problem(record, "tiers", "tier \"\(part)\" gives more than the indicator's max=\(indicators[index].max)",
                            hint: "lower the tier's points, or raise max")
                    return
                }
                if points.mantissa < 0 || points.scale > 2 && !(points.rescaled(to: 2).map { FixedDecimal(mantissa: $0, scale: 2).sameValue(as: points) } ?? false) {
                    problem(record, "tiers", "tier \"\(part)\" gives \(points) points: tier points lie in 0…max, in hundredths",
                            hint: "write the tier's points as 0 to \(indicators[index].max) with at most two decimals")
                    return
                }
                tiers.append(Rubric.Tier(threshold: threshold, text: String(pair[0]), points: points))
            }
            if rubricKind != .presence && tiers.isEmpty {
                problem(record, "rubric", "a \(rubricKind.rawValue) rubric needs tiers", hint: "e.g. tiers=1:3,2:5")
                return
            }
            indicators[index].rubric = Rubric(kind: rubricKind, field: field, tiers: tiers)
        }

        mutating func finish() {
            for (index, record) in indicatorRecords.enumerated() { addEvidence(index, record) }
            for award in awards where !bands.contains(where: { $0.id == award.band }) {
                let record = file.records.first { file.kindID(of: $0) == "award" && text($0, "id") == award.id }!
                problem(record, "band", "award \"\(award.id)\" names band \"\(award.band)\", which is not declared",
                        hint: "bands: \(bands.map(\.id).joined(separator: ", "))")
            }
            guard let first = firstLine else {
                diagnostics.append(SchemaRule.description.fileDiagnostic(file.path, "schema file \"\(file.path)\" declares nothing",
                                                                          hint: "start it with: schema title=\"…\" total=100"))
                return
            }
            if title == nil {
                problem(first, "", "schema file has no \"schema\" line", hint: "add: schema title=\"…\" total=100")
            }
            // Sums are exact (hundredths, wide): comparing doubles let 0.1 + 0.2 pass for 0.3
            // and could not tell large maxima apart.
            func hundredths(_ value: FixedDecimal) -> WideInt { WideInt(value.saturated(to: 2)) }
            func shown(_ sum: WideInt) -> String { RoundedFigure(sum, over: 100, scale: 2).description }
            for group in groups {
                let members = indicators.filter { $0.group == group.id }
                let sum = members.reduce(WideInt.zero) { $0 + hundredths($1.max) }
                if !members.isEmpty, sum != hundredths(group.max) {
                    let record = file.records.first { file.kindID(of: $0) == "group" && text($0, "id") == group.id }!
                    problem(record, "max", "group \"\(group.id)\" has max=\(group.max) but its indicators add up to \(shown(sum))",
                            hint: "make the indicators' max values add up to the group's max")
                }
            }
            if let total, !groups.isEmpty {
                let sum = groups.reduce(WideInt.zero) { $0 + hundredths($1.max) }
                let (expected, overflow) = total.multipliedReportingOverflow(by: 100)
                if overflow || sum != WideInt(expected), let record = file.records.first(where: { file.kindID(of: $0) == "schema" }) {
                    problem(record, "total", "schema total=\(total) but its groups add up to \(shown(sum))",
                            hint: "make the groups' max values add up to the total")
                }
            }
        }
    }
}
