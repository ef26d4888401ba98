/// Checks a raw value against its field type, on bytes. A failure says what was
/// expected, so the `bad-value` finding can name the offending text and the fix.
enum ValueParser {
    struct Failure: Error {
        var expected: String
        var hint: String
    }

    /// The value of a raw field as its spec's type, or nil when it is not one.
    /// `buffer` is the file's bytes (`file.text.bytes`), passed in so the hot path does
    /// no copying; the words of a failure are built apart (`failure`), only when needed.
    /// `negative` is set when the value is a negative int, so that `negative-measure`
    /// visits only the files that hold one.
    @inline(__always) static func value(_ field: RawField, as spec: UnsafePointer<FieldSpec>,
                      buffer: UnsafeBufferPointer<UInt8>, bands: [Band], negative: inout Bool) -> Value? {
        let span = field.value
        let bytes = buffer[Int(span.start)..<Int(span.end)]
        switch spec.pointee.type {
        case .text:
            return .text(span)
        case .int:
            guard let number = FixedDecimal(bytes: bytes, maxDigits: FixedDecimal.maxIntDigits), number.scale == 0 else { return nil }
            if number.mantissa < 0 { negative = true }
            return .int(number.mantissa)
        case .decimal:
            guard let number = FixedDecimal(bytes: bytes), Slot.holds(number) else { return nil }
            return .decimal(number)
        case .date:
            return Day(buffer, span).map { .date($0) }
        case .money:
            return Money.parse(bytes).map { .money(fen: $0) }
        case .code:
            return AllianceCode.isValid(bytes) ? .code(span) : nil
        case .enumeration:
            // The cases are bound only for the message: binding them on the hot path retained the array.
            return spec.pointee.caseNames.withUnsafeBufferPointer { cases in
                var index = 0
                while index < cases.count, !cases[index].matches(buffer, span) { index += 1 }
                return index < cases.count ? .choice(index) : nil
            }
        case .band:
            return bands.firstIndex { $0.id.utf8.elementsEqual(bytes) }.map { .choice($0) }
        case .alliance, .alliances:
            return bytes.isEmpty || bytes.contains(0x2F) ? nil : .references(span)
        }
    }

    /// What a value that `value(_:as:buffer:bands:)` refused should have been, and how to write it.
    static func failure(_ field: RawField, as spec: FieldSpec, in file: ParsedFile, bands: [Band]) -> Failure {
        let text = file.string(field.value)
        switch spec.type {
        case .text:
            preconditionFailure("every text is a text value")
        case .int:
            return Failure(expected: "a whole number of at most \(FixedDecimal.maxIntDigits) digits",
                           hint: "write digits only, e.g. 42 (docs/format.md gives each type's bounds)")
        case .decimal:
            return Failure(expected: "a number of at most \(FixedDecimal.maxDigits) digits, \(FixedDecimal.maxScale) after the point",
                           hint: "write digits with an optional decimal point, e.g. 86.5 (docs/format.md gives each type's bounds)")
        case .date:
            return Failure(expected: "a date (YYYY-MM-DD) that exists", hint: "write the date as YYYY-MM-DD, e.g. 2023-04-10")
        case .money:
            return Money.failure(Array(text.utf8))
        case .code:
            return Failure(expected: "an alliance code (1xx, 2xx, 3xx or Dxxx)",
                           hint: "codes are three digits starting with the batch (110, 233, 320) or D and three digits (D106)")
        case .enumeration(let cases):
            return Failure(expected: "one of \(cases.joined(separator: ", "))",
                           hint: Suggest.closest(to: text, in: cases).map { "did you mean \"\($0)\"?" }
                               ?? "use one of: \(cases.joined(separator: ", "))")
        case .band:
            let ids = bands.map(\.id)
            return Failure(expected: "a band of this period's schema (\(ids.joined(separator: ", ")))",
                           hint: Suggest.closest(to: text, in: ids).map { "did you mean \"\($0)\"?" }
                               ?? "use one of: \(ids.joined(separator: ", "))")
        case .alliance, .alliances:
            return Failure(expected: "an alliance id (a directory name in vault/alliances)",
                           hint: "write the alliance's directory name, e.g. 半导体照明")
        }
    }
}

/// Money amounts: a decimal with the unit 元, 万元 or 亿元, normalised to fen (0.01 元).
public enum Money {
    static let yuan: [UInt8] = Array("元".utf8)
    static let wan: [UInt8] = Array("万元".utf8)
    static let yi: [UInt8] = Array("亿元".utf8)
    /// Each unit with its power of ten in fen; longest first, since 元 ends the other two.
    static let units: [([UInt8], Int)] = [(wan, 6), (yi, 10), (yuan, 2)]

    /// Amounts are below this many fen (10^16 元, 1 亿亿元): a sum of a billion of
    /// them still fits in 64 bits only with care, so sums are checked (`WideInt`),
    /// but one amount, or two, never overflows.
    public static let limitFen: Int64 = 1_000_000_000_000_000_000

    /// The amount in fen, or nil when the unit is missing, the number is malformed,
    /// negative, has more precision than a fen, or is not below `limitFen`.
    static func parse<C: BidirectionalCollection<UInt8>>(_ bytes: C) -> Int64? where C.SubSequence.Index == Int {
        for (unit, exponent) in units where bytes.count > unit.count && bytes.suffix(unit.count).elementsEqual(unit) {
            guard let number = FixedDecimal(bytes: bytes.dropLast(unit.count)),
                  number.scale <= exponent,
                  let fen = number.rescaled(to: exponent),
                  fen >= 0, fen < limitFen else { return nil }
            return fen
        }
        return nil
    }

    /// Why `parse` refused `bytes`.
    static func failure(_ bytes: [UInt8]) -> ValueParser.Failure {
        let unitHint = "write the unit after the number, e.g. 1200万元 or 14.63亿元"
        guard let (unit, exponent) = units.first(where: { bytes.count > $0.0.count && bytes.suffix($0.0.count).elementsEqual($0.0) }) else {
            return .init(expected: "an amount with its unit (元, 万元 or 亿元)", hint: unitHint)
        }
        let name = String(decoding: unit, as: UTF8.self)
        guard let number = FixedDecimal(bytes: Array(bytes.dropLast(unit.count))) else {
            return .init(expected: "an amount: a number of at most \(FixedDecimal.maxDigits) digits and its unit", hint: unitHint)
        }
        if number.mantissa < 0 {
            return .init(expected: "an amount that is not negative", hint: "write the amount without a sign; funding is never negative")
        }
        if number.scale > exponent {
            return .init(expected: "an amount in whole fen (at most \(exponent) decimals in \(name))",
                         hint: "round the amount to 0.01 元, or write it in a smaller unit")
        }
        return .init(expected: "an amount below 10^16 元 (1 亿亿元)", hint: "check the unit: 1200万元 is 0.12亿元")
    }

    /// `fen` shown in 亿元 with two decimals (rounded half up), as the reports print aggregate funding.

    /// A sum of amounts in fen shown in 亿元 (the sum of a period's funding can exceed 64 bits).
    public static func yiYuan(_ fen: WideInt) -> String {
        RoundedFigure(fen, over: 10_000_000_000, scale: 2).description
    }
}

/// The shape of an alliance code: `1xx`, `2xx`, `3xx` (batch and position) or `Dxxx` (later joiners).
public enum AllianceCode {
    static func isValid<C: Collection<UInt8>>(_ bytes: C) -> Bool where C.Index == Int {
        let s = bytes.startIndex
        func digit(_ k: Int) -> Bool { bytes[s + k] >= 0x30 && bytes[s + k] <= 0x39 }
        if bytes.count == 3 { return bytes[s] >= 0x31 && bytes[s] <= 0x33 && digit(1) && digit(2) }
        if bytes.count == 4 { return bytes[s] == 0x44 && digit(1) && digit(2) && digit(3) }
        return false
    }

    public static func isValid(_ text: String) -> Bool { isValid(Array(text.utf8)) }

    /// The batch a code means: "1", "2", "3" or "later"; nil for a malformed code.
    public static func batch(of code: String) -> String? {
        guard isValid(code) else { return nil }
        return code.hasPrefix("D") ? "later" : String(code.prefix(1))
    }
}
