/// The type of a field's value, as a schema declares it (`type=money`).
public enum FieldType: Hashable, Sendable, CustomStringConvertible {
    case text
    case int
    case decimal
    case date
    case money
    case code
    case enumeration([String])
    case band
    case alliance
    case alliances

    /// The names a schema may write, in the order docs list them.
    public static let names = ["text", "int", "decimal", "date", "money", "code", "enum(…)", "band", "alliance", "alliances"]

    /// Parses a type as written in a schema: `int`, `enum(a,b,c)` …
    public init?(_ text: String) {
        switch text {
        case "text": self = .text
        case "int": self = .int
        case "decimal": self = .decimal
        case "date": self = .date
        case "money": self = .money
        case "code": self = .code
        case "band": self = .band
        case "alliance": self = .alliance
        case "alliances": self = .alliances
        default:
            guard text.hasPrefix("enum("), text.hasSuffix(")") else { return nil }
            let cases = text.dropFirst(5).dropLast().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard !cases.isEmpty, cases.allSatisfy({ !$0.isEmpty }), Set(cases).count == cases.count else { return nil }
            self = .enumeration(cases)
        }
    }

    public var description: String {
        switch self {
        case .text: "text"
        case .int: "int"
        case .decimal: "decimal"
        case .date: "date"
        case .money: "money"
        case .code: "code"
        case .enumeration(let cases): "enum(\(cases.joined(separator: ",")))"
        case .band: "band"
        case .alliance: "alliance"
        case .alliances: "alliances"
        }
    }
}

/// A field's value after its type has been checked. Text keeps its byte range
/// and is decoded only when asked for.
public enum Value: Hashable, Sendable {
    case text(Span)
    case int(Int64)
    case decimal(FixedDecimal)
    case date(Day)
    case money(fen: Int64)
    /// An alliance code as written (`110`, `D106`).
    case code(Span)
    /// The index of the case in the field's `enum(…)` list, or of the band in the schema.
    case choice(Int)
    /// One or more alliance ids (a comma-separated list for `alliances`).
    case references(Span)
}
