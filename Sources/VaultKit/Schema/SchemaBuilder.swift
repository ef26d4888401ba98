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

        mutating func problem(_ record: Record, _ field: String, _ message: Message, hint: Message) {
            diagnostics.append(file.site(record).diagnostic(SchemaRule.description,
                                                            at: file.offset(of: field, in: record), message, hint: hint))
        }

        /// A point value (band minimum, maximum): not negative, at most the largest total,
        /// in hundredths, since scores are kept to hundredths (`Points`).
        /// `entry`, `id`: what holds the points (`SchemaRule.band`, "high").
        mutating func checkPoints(_ record: Record, _ field: String, _ value: FixedDecimal, entry: MessageTemplate, id: String) {
            func what() -> MessageArgument { .message(SchemaRule.named(["entry": .message(entry()), "id": .text(id)])) }
            if value.mantissa < 0 || FixedDecimal(Int(Schema.maxTotal)) < value {
                problem(record, field, SchemaRule.pointsRange(["what": what(), "field": .text(field), "value": .text("\(value)"),
                                                               "max": .text("\(Schema.maxTotal)")]),
                        hint: SchemaRule.pointsRangeHint())
            } else if value.scale > 2, value.rescaled(to: 2).map({ FixedDecimal(mantissa: $0, scale: 2).sameValue(as: value) }) != true {
                problem(record, field, SchemaRule.pointsFine(["what": what(), "field": .text(field), "value": .text("\(value)")]),
                        hint: SchemaRule.pointsFineHint())
            }
        }

        /// False (and a finding) when `id` was already declared for this kind of entry.
        mutating func fresh(_ record: Record, _ what: MessageTemplate, _ id: String) -> Bool {
            if seen[what.id, default: []].insert(id).inserted { return true }
            problem(record, "id", SchemaRule.declaredTwice(["what": .message(what()), "id": .text(id)]),
                    hint: SchemaRule.declaredTwiceHint(["what": .message(what())]))
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
                    problem(record, "total", SchemaRule.totalRange(["total": .text("\(total)"), "max": .text("\(Schema.maxTotal)")]),
                            hint: SchemaRule.totalRangeHint())
                }
            case "band":
                let id = text(record, "id")
                guard fresh(record, SchemaRule.band, id) else { return }
                let min = file.decimal(record, "min")!
                checkPoints(record, "min", min, entry: SchemaRule.band, id: id)
                bands.append(Band(id: id, min: min, label: text(record, "label")))
            case "group":
                let id = text(record, "id")
                guard fresh(record, SchemaRule.group, id) else { return }
                let max = file.decimal(record, "max")!
                checkPoints(record, "max", max, entry: SchemaRule.group, id: id)
                groups.append(IndicatorGroup(id: id, title: text(record, "title"), max: max))
            case "indicator":
                let id = text(record, "id")
                guard fresh(record, SchemaRule.indicator, id) else { return }
                let group = text(record, "group")
                guard groups.contains(where: { $0.id == group }) else {
                    problem(record, "group", SchemaRule.undeclaredGroup(["id": .text(id), "group": .text(group)]),
                            hint: SchemaRule.undeclaredGroupHint(["group": .text(group)]))
                    return
                }
                if Schema.reviewFields.contains(id) || id.isEmpty || !id.utf8.allSatisfy({ LineParser.isKeyByte($0) }) {
                    let message = Schema.reviewFields.contains(id)
                        ? SchemaRule.reviewFieldID(["id": .text(id), "fields": .list(Schema.reviewFields)])
                        : SchemaRule.notAKey(["id": .text(id)])
                    problem(record, "id", message, hint: SchemaRule.indicatorIDHint(["group": .text(group)]))
                }
                let max = file.decimal(record, "max")!
                checkPoints(record, "max", max, entry: SchemaRule.indicator, id: id)
                indicators.append(Indicator(id: id, group: group, title: text(record, "title"), max: max))
                indicatorRecords.append(record)
            case "award":
                let id = text(record, "id")
                guard fresh(record, SchemaRule.award, id) else { return }
                let consecutive = file.int(record, "consecutive") ?? 1
                if consecutive < 1 || consecutive > SchemaBuilder.maxConsecutive {
                    problem(record, "consecutive", SchemaRule.consecutive(["id": .text(id), "consecutive": .text("\(consecutive)"),
                                                                           "max": .text("\(SchemaBuilder.maxConsecutive)")]),
                            hint: SchemaRule.consecutiveHint())
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
            guard fresh(record, SchemaRule.kind, id) else { return }
            guard id.utf8.allSatisfy({ LineParser.isKindByte($0) }), let first = id.utf8.first, LineParser.isLower(first) else {
                problem(record, "id", SchemaRule.kindName(["id": .text(id)]), hint: SchemaRule.kindNameHint())
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
                problem(record, "kind", SchemaRule.undeclaredKind(["id": .text(id), "kind": .text(kindID)]),
                        hint: Suggest.hint(for: kindID, in: kinds.map(\.id), otherwise: SchemaRule.undeclaredKindHint(["kind": .text(kindID)])))
                return
            }
            guard fresh(record, SchemaRule.field, kindID + "." + id) else { return }
            guard !id.isEmpty, id.utf8.allSatisfy({ LineParser.isKeyByte($0) }) else {
                problem(record, "id", SchemaRule.fieldName(["id": .text(id)]), hint: SchemaRule.fieldNameHint())
                return
            }
            let typeText = text(record, "type")
            guard let type = FieldType(typeText) else {
                problem(record, "type", SchemaRule.fieldType(["type": .text(typeText)]),
                        hint: Suggest.hint(for: typeText, in: FieldType.names, otherwise: SchemaRule.fieldTypeHint(["types": .list(FieldType.names)])))
                return
            }
            kinds[kindIndex].fields.append(FieldSpec(id: id, type: type, required: file.text(record, "required") == "yes",
                                                     title: file.text(record, "title")))
        }

        /// Checks an indicator's evidence and rubric against the declared kinds.
        mutating func addEvidence(_ index: Int, _ record: Record) {
            guard let from = file.text(record, "from") else {
                if file.text(record, "rubric") != nil {
                    problem(record, "rubric", SchemaRule.noEvidence(["id": .text(indicators[index].id)]), hint: SchemaRule.noEvidenceHint())
                }
                return
            }
            var selectors: [EvidenceSelector] = []
            for part in from.split(separator: "|").map(String.init) {
                guard let selector = EvidenceSelector(part) else {
                    problem(record, "from", SchemaRule.selector(["part": .text(part)]), hint: SchemaRule.selectorHint())
                    return
                }
                guard let kind = kinds.first(where: { $0.id == selector.kind }) else {
                    problem(record, "from", SchemaRule.evidenceKind(["kind": .text(selector.kind)]),
                            hint: Suggest.hint(for: selector.kind, in: kinds.map(\.id),
                                               otherwise: SchemaRule.evidenceKindHint(["kind": .text(selector.kind)])))
                    return
                }
                if let field = selector.field {
                    guard let spec = kind.fields.first(where: { $0.id == field }) else {
                        problem(record, "from", SchemaRule.noSuchField(["kind": .text(kind.id), "field": .text(field)]),
                                hint: SchemaRule.noSuchFieldHint(["kind": .text(kind.id), "fields": .list(kind.fields.map(\.id))]))
                        return
                    }
                    if case .enumeration(let cases) = spec.type, !cases.contains(selector.value ?? "") {
                        problem(record, "from", SchemaRule.notACase(["value": .text(selector.value ?? ""), "kind": .text(kind.id), "field": .text(field)]),
                                hint: SchemaRule.notACaseHint(["values": .list(cases)]))
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
                    problem(record, "rubric", SchemaRule.sumField(), hint: SchemaRule.sumFieldHint())
                    return
                }
                let types = selectors.compactMap { s in kinds.first { $0.id == s.kind }?.fields.first { $0.id == field }?.type }
                guard types.count == selectors.count, let first = types.first, types.allSatisfy({ $0 == first }),
                      first == .int || first == .money else {
                    problem(record, "field", SchemaRule.sumType(["field": .text(field)]), hint: SchemaRule.sumTypeHint())
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
                    problem(record, "tiers", SchemaRule.tierForm(["tier": .text(String(part))]),
                            hint: fieldType == .money ? SchemaRule.moneyTiersHint() : SchemaRule.countTiersHint())
                    return
                }
                if indicators[index].max < points {
                    problem(record, "tiers", SchemaRule.tierOverMax(["tier": .text(String(part)), "max": .text("\(indicators[index].max)")]),
                            hint: SchemaRule.tierOverMaxHint())
                    return
                }
                if points.mantissa < 0 || points.scale > 2 && !(points.rescaled(to: 2).map { FixedDecimal(mantissa: $0, scale: 2).sameValue(as: points) } ?? false) {
                    problem(record, "tiers", SchemaRule.tierPoints(["tier": .text(String(part)), "points": .text("\(points)")]),
                            hint: SchemaRule.tierPointsHint(["max": .text("\(indicators[index].max)")]))
                    return
                }
                tiers.append(Rubric.Tier(threshold: threshold, text: String(pair[0]), points: points))
            }
            if rubricKind != .presence && tiers.isEmpty {
                problem(record, "rubric", SchemaRule.tiersNeeded(["rubric": .text(rubricKind.rawValue)]), hint: SchemaRule.tiersNeededHint())
                return
            }
            indicators[index].rubric = Rubric(kind: rubricKind, field: field, tiers: tiers)
        }

        mutating func finish() {
            for (index, record) in indicatorRecords.enumerated() { addEvidence(index, record) }
            for award in awards where !bands.contains(where: { $0.id == award.band }) {
                let record = file.records.first { file.kindID(of: $0) == "award" && text($0, "id") == award.id }!
                problem(record, "band", SchemaRule.awardBand(["id": .text(award.id), "band": .text(award.band)]),
                        hint: SchemaRule.awardBandHint(["bands": .list(bands.map(\.id))]))
            }
            guard let first = firstLine else {
                diagnostics.append(SchemaRule.description.fileDiagnostic(file.path, SchemaRule.empty(["path": .text(file.path)]),
                                                                          hint: SchemaRule.emptyHint()))
                return
            }
            if title == nil {
                problem(first, "", SchemaRule.noSchemaLine(), hint: SchemaRule.noSchemaLineHint())
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
                    problem(record, "max", SchemaRule.groupSum(["id": .text(group.id), "max": .text("\(group.max)"), "sum": .text(shown(sum))]),
                            hint: SchemaRule.groupSumHint())
                }
            }
            if let total, !groups.isEmpty {
                let sum = groups.reduce(WideInt.zero) { $0 + hundredths($1.max) }
                let (expected, overflow) = total.multipliedReportingOverflow(by: 100)
                if overflow || sum != WideInt(expected), let record = file.records.first(where: { file.kindID(of: $0) == "schema" }) {
                    problem(record, "total", SchemaRule.totalSum(["total": .text("\(total)"), "sum": .text(shown(sum))]),
                            hint: SchemaRule.totalSumHint())
                }
            }
        }
    }
}
