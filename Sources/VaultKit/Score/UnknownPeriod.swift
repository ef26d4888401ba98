/// A period whose band the vault does not know, in an award's window: a period of the
/// vault without results, or periods before the vault's first one. Said in either
/// language (`explain`, `stats`, the designation rule's info); written as the period id
/// in code and tests (`.unknown(["2021"])`).
public enum UnknownPeriod: Sendable, Hashable, Comparable, ExpressibleByStringLiteral {
    case period(String)
    /// `count` periods before the vault's first period of the window, `first`.
    case before(count: Int, first: String)

    public init(stringLiteral value: String) { self = .period(value) }

    /// The period's id, when it is a period of the vault.
    public var period: String? {
        if case .period(let id) = self { id } else { nil }
    }

    public var message: Message {
        switch self {
        case .period(let id): Self.named(["id": .text(id)])
        case .before(let count, let first): Self.before(["count": .count(count), "first": .text(first)])
        }
    }

    /// In the order the English reads, as the ids were sorted before they were messages.
    public static func < (a: UnknownPeriod, b: UnknownPeriod) -> Bool { a.message.text(.en) < b.message.text(.en) }

    static let named = MessageTemplate("status.unknown-period", en: "{id}", zh: "{id}")
    static let before = MessageTemplate(
        "status.unknown-period.before", en: "{count} period(s) before {first}", zh: "{first} 之前的 {count} 个评价期")
    static let messages = [named, before]
}
