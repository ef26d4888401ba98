/// One field's value as a bound file stores it: eight bytes, where `Value?` took
/// sixteen (a payload of eight and a tag, rounded up). The field's type, which the
/// kind table knows, says how to read the bytes, so no tag is stored.
///
/// Why: value slots were a third of the model (4.4 per record line, 700 MB at
/// 10,000 alliances), and on this machine each megabyte the process touches costs
/// CPU time to fault in (docs/performance.md).
///
/// Every packing leaves the top bit pattern `absent` unused: spans have a
/// non-negative end, dates and choices are small, `Int64.min` is never parsed
/// (a number's digits are read as a positive value, then negated), and a decimal's
/// mantissa is kept below 2^59 (`holds`), which the parser of decimals enforces.
struct Slot: BitwiseCopyable, Equatable {
    let raw: UInt64

    /// A field the record does not write.
    static let absent = Slot(raw: 1 << 63)

    private init(raw: UInt64) { self.raw = raw }

    init(_ value: Value) {
        switch value {
        case .text(let span), .code(let span), .references(let span):
            raw = UInt64(UInt32(bitPattern: span.start)) | UInt64(UInt32(bitPattern: span.end)) << 32
        case .int(let number), .money(fen: let number):
            raw = UInt64(bitPattern: number)
        case .decimal(let number):
            raw = UInt64(bitPattern: number.mantissa << 4) | UInt64(number.scale)
        case .date(let day):
            raw = UInt64(day.packed)
        case .choice(let index):
            raw = UInt64(index)
        }
    }

    init(_ value: Value?) { self = value.map(Slot.init) ?? .absent }

    /// Whether a decimal fits a slot: a mantissa of at most 59 bits (17 digits always do).
    static func holds(_ number: FixedDecimal) -> Bool {
        number.mantissa > -(1 << 59) && number.mantissa < 1 << 59
    }

    /// The value, read as the type of the field the slot belongs to.
    func value(as kind: Kind) -> Value? {
        guard self != .absent else { return nil }
        switch kind {
        case .text, .code, .references:
            let span = Span(start: Int(Int32(truncatingIfNeeded: raw)), end: Int(Int32(truncatingIfNeeded: raw >> 32)))
            return kind == .text ? .text(span) : kind == .code ? .code(span) : .references(span)
        case .int: return .int(Int64(bitPattern: raw))
        case .money: return .money(fen: Int64(bitPattern: raw))
        case .decimal: return .decimal(FixedDecimal(mantissa: Int64(bitPattern: raw) >> 4, scale: Int(raw & 0xF)))
        case .date: return .date(Day(packed: UInt32(truncatingIfNeeded: raw)))
        case .choice: return .choice(Int(raw))
        }
    }

    /// How a field's slot is read: one per shape of `Value`.
    enum Kind: UInt8, BitwiseCopyable {
        case text, code, references, int, money, decimal, date, choice

        init(_ type: FieldType) {
            switch type {
            case .text: self = .text
            case .code: self = .code
            case .alliance, .alliances: self = .references
            case .int: self = .int
            case .money: self = .money
            case .decimal: self = .decimal
            case .date: self = .date
            case .enumeration, .band: self = .choice
            }
        }
    }
}
