/// A record kind the file's place does not allow: not in the core kinds for that
/// file, nor in the period's schema.
public enum UnknownKindRule: Rule {
    public static let description = RuleDescription(
        id: "unknown-kind",
        summary: "a record's kind is not declared for this file",
        rationale: "a misspelt kind would otherwise be evidence that silently never counts",
        summaryZH: "记录类型不是本文件可用的类型",
        rationaleZH: "记录类型拼错了，这条材料就会悄无声息地永远不计分",
        severity: .error,
        triggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 ↓meting type=council title=A\n"),
            RuleExample("vault/alliances/示例/alliance.txt", "alliance code=110 batch=1 name=示例\n↓published status=evaluated source=x\n"),
        ],
        nonTriggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=A\npublished status=evaluated score=90 source=report:annex\n"),
        ])

    static func diagnostic(site: DiagnosticSite, kind: Span, parsed: ParsedFile, known: [String], place: Place) -> Diagnostic {
        let name = parsed.text.excerpt(kind)
        return site.diagnostic(description, at: Int(kind.start), unknownKind(["kind": .text(name), "place": .message(place.message)]),
                               hint: Suggest.hint(for: name, in: known,
                                                  otherwise: kindsAllowed(["place": .message(place.message), "kinds": .list(known.sorted())])))
    }

    /// The kind of file a line is in, as the finding names it.
    public enum Place: Sendable {
        case schema, period, review, allianceMetadata, allianceRecords

        var message: Message {
            switch self {
            case .schema: inSchema()
            case .period: inPeriod()
            case .review: inReview()
            case .allianceMetadata: inAllianceMetadata()
            case .allianceRecords: inAllianceRecords()
            }
        }
    }

    static let unknownKind = MessageTemplate(
        "unknown-kind.kind", en: "unknown record kind \"{kind}\" in {place}", zh: "{place}中没有记录类型“{kind}”")
    static let kindsAllowed = MessageTemplate(
        "unknown-kind.kind.hint", en: "kinds allowed in {place}: {kinds}", zh: "{place}中可用的记录类型：{kinds}")
    static let inSchema = MessageTemplate("unknown-kind.place.schema", en: "a schema file", zh: "指标体系文件")
    static let inPeriod = MessageTemplate("unknown-kind.place.period", en: "a period file", zh: "评价期文件")
    static let inReview = MessageTemplate("unknown-kind.place.review", en: "a review file", zh: "评审文件")
    static let inAllianceMetadata = MessageTemplate("unknown-kind.place.alliance", en: "an alliance.txt file", zh: "alliance.txt 文件")
    static let inAllianceRecords = MessageTemplate("unknown-kind.place.records", en: "an alliance's period file", zh: "联盟的评价期记录文件")

    public static let messages = [unknownKind, kindsAllowed, inSchema, inPeriod, inReview, inAllianceMetadata, inAllianceRecords]
}
