/// A signed 128-bit integer for sums of values read from the vault: a sum of
/// 64-bit values cannot overflow it before 2^63 of them are added, far more than
/// any vault holds, so totals over every file of a period are exact, never a trap.
/// (The standard library's `Int128` needs macOS 15; this needs nothing.)
public struct WideInt: Hashable, Sendable, Comparable, LosslessStringConvertible, ExpressibleByIntegerLiteral {
    var high: Int64
    var low: UInt64

    public static let zero = WideInt(0)

    public init(_ value: Int64) {
        high = value < 0 ? -1 : 0
        low = UInt64(bitPattern: value)
    }

    public init(integerLiteral value: Int64) { self.init(value) }

    init(high: Int64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Parses an optional `-` and decimal digits; nil when malformed or beyond 127 bits.
    public init?(_ description: String) {
        var bytes = Substring(description).utf8[...]
        let negative = bytes.first == 0x2D
        if negative { bytes = bytes.dropFirst() }
        guard !bytes.isEmpty else { return nil }
        var magnitude: (UInt64, UInt64) = (0, 0)
        for byte in bytes {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            let (carry, low) = magnitude.1.multipliedFullWidth(by: 10)
            let (high, o1) = magnitude.0.multipliedReportingOverflow(by: 10)
            let (high2, o2) = high.addingReportingOverflow(carry)
            let (low2, c) = low.addingReportingOverflow(UInt64(byte - 0x30))
            let (high3, o3) = high2.addingReportingOverflow(c ? 1 : 0)
            guard !o1, !o2, !o3, high3 >> 63 == 0 else { return nil }
            magnitude = (high3, low2)
        }
        self.init(high: Int64(bitPattern: magnitude.0), low: magnitude.1)
        if negative { self = .zero - self }
    }

    public static func + (a: WideInt, b: WideInt) -> WideInt {
        let (low, carry) = a.low.addingReportingOverflow(b.low)
        return WideInt(high: a.high &+ b.high &+ (carry ? 1 : 0), low: low)
    }

    public static func - (a: WideInt, b: WideInt) -> WideInt {
        let (low, borrow) = a.low.subtractingReportingOverflow(b.low)
        return WideInt(high: a.high &- b.high &- (borrow ? 1 : 0), low: low)
    }

    public static func += (a: inout WideInt, b: Int64) { a = a + WideInt(b) }

    public static func < (a: WideInt, b: WideInt) -> Bool {
        a.high != b.high ? a.high < b.high : a.low < b.low
    }

    public var isNegative: Bool { high < 0 }

    /// The value as an `Int64`, when it fits.
    public var int64: Int64? {
        if high == 0, low >> 63 == 0 { return Int64(low) }
        if high == -1, low >> 63 == 1 { return Int64(bitPattern: low) }
        return nil
    }

    /// The absolute value as (high, low) unsigned words.
    var magnitude: (UInt64, UInt64) {
        guard isNegative else { return (UInt64(bitPattern: high), low) }
        let low = ~self.low &+ 1
        return (~UInt64(bitPattern: high) &+ (low == 0 ? 1 : 0), low)
    }

    /// `value` divided by `divisor` (not 0): quotient and remainder.
    static func divide(_ value: (UInt64, UInt64), by divisor: UInt64) -> (quotient: (UInt64, UInt64), remainder: UInt64) {
        let (high, carried) = value.0.quotientAndRemainder(dividingBy: divisor)
        let (low, remainder) = divisor.dividingFullWidth((carried, value.1))
        return ((high, low), remainder)
    }

    /// The decimal digits of an unsigned 128-bit value.
    static func digits(_ value: (UInt64, UInt64)) -> String {
        let chunk: UInt64 = 1_000_000_000_000_000_000
        var rest = value
        var chunks: [UInt64] = []
        repeat {
            let (quotient, remainder) = divide(rest, by: chunk)
            chunks.append(remainder)
            rest = quotient
        } while rest != (0, 0)
        var text = String(chunks.removeLast())
        for part in chunks.reversed() {
            let digits = String(part)
            text += String(repeating: "0", count: 18 - digits.count) + digits
        }
        return text
    }

    public var description: String { (isNegative ? "-" : "") + Self.digits(magnitude) }
}

/// A figure computed from the vault, rounded half up (away from zero) to a number
/// of decimals: its whole part can exceed 64 bits, so it is kept apart from the fraction.
public struct RoundedFigure: Equatable, Sendable, CustomStringConvertible {
    public var negative: Bool
    var whole: (UInt64, UInt64)
    var fraction: UInt64
    public var scale: Int

    public static func == (a: RoundedFigure, b: RoundedFigure) -> Bool {
        a.negative == b.negative && a.whole == b.whole && a.fraction == b.fraction && a.scale == b.scale
    }

    /// `numerator / denominator` (denominator > 0) rounded to `scale` decimals (at most 18).
    init(_ numerator: WideInt, over denominator: Int64, scale: Int) {
        precondition(denominator > 0 && (0...18).contains(scale))
        let d = UInt64(denominator)
        let (quotient, remainder) = WideInt.divide(numerator.magnitude, by: d)
        var whole = quotient
        var factor: UInt64 = 1
        for _ in 0..<scale { factor *= 10 }
        // Half up: floor((2·remainder·factor + d) / 2d). remainder < d < 2^63 and
        // factor ≤ 10^18, so the product has at most 123 bits and the quotient ≤ factor.
        let (high, low) = remainder.multipliedFullWidth(by: factor)
        let doubledHigh = high << 1 | low >> 63
        let (sum, carry) = (low << 1).addingReportingOverflow(d)
        var fraction = (2 * d).dividingFullWidth((doubledHigh + (carry ? 1 : 0), sum)).quotient
        if fraction == factor {
            fraction = 0
            let (next, overflow) = whole.1.addingReportingOverflow(1)
            whole = (whole.0 + (overflow ? 1 : 0), next)
        }
        self.negative = numerator.isNegative && (whole != (0, 0) || fraction != 0)
        self.whole = whole
        self.fraction = fraction
        self.scale = scale
    }

    /// Whether this is `printed` exactly, at `printed`'s precision.
    func equals(_ printed: FixedDecimal) -> Bool {
        guard printed.scale == scale else { return false }
        var factor: UInt64 = 1
        for _ in 0..<scale { factor *= 10 }
        let magnitude = printed.mantissa.magnitude
        let isZero = magnitude == 0
        return whole == (0, magnitude / factor) && fraction == magnitude % factor
            && (negative == (printed.mantissa < 0) || isZero)
    }

    public var description: String {
        var text = (negative ? "-" : "") + WideInt.digits(whole)
        if scale > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: scale - digits.count) + digits
        }
        return text
    }
}
