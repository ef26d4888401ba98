/// A decimal number as printed: an integer mantissa and the number of digits
/// after the point. `51.14` is (5114, 2); the printed precision is kept, since
/// a published percentage agrees with the data only to the precision printed.
public struct FixedDecimal: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var mantissa: Int64
    /// At most 11 (the parser refuses more), so a value slot packs it in four bits.
    private var digits: Int8
    public var scale: Int { Int(digits) }

    public init(mantissa: Int64, scale: Int) {
        self.mantissa = mantissa
        self.digits = Int8(clamping: scale)
    }

    public init(_ integer: Int) { self.init(mantissa: Int64(integer), scale: 0) }

    /// The most digits a `decimal` value may have (docs/format.md), and after the point.
    /// A mantissa of 17 digits is below 2^57: it fits a value slot (`Slot.holds`) and
    /// rescales to hundredths (`Points`) without overflow.
    public static let maxDigits = 17
    public static let maxScale = 11
    /// The most digits an `int` value may have: below 10^18, so that two of them, or a
    /// roster doubled in a percentage's rounding, never overflow 64 bits.
    public static let maxIntDigits = 18

    /// Parses `-?digits(.digits)?` from bytes; nil when malformed, with more than
    /// `maxDigits` digits or more than `maxScale` after the point.
    public init?<C: Collection<UInt8>>(bytes: C, maxDigits: Int = FixedDecimal.maxDigits) where C.Index == Int {
        var i = bytes.startIndex
        let end = bytes.endIndex
        guard i < end else { return nil }
        let negative = bytes[i] == 0x2D
        if negative { i += 1 }
        var mantissa: Int64 = 0
        var scale = 0
        var digits = 0
        var sawPoint = false
        while i < end {
            let c = bytes[i]
            if c == 0x2E {
                guard !sawPoint, digits > 0 else { return nil }
                sawPoint = true
            } else if c >= 0x30 && c <= 0x39 {
                let (times, o1) = mantissa.multipliedReportingOverflow(by: 10)
                let (plus, o2) = times.addingReportingOverflow(Int64(c - 0x30))
                guard !o1, !o2 else { return nil }
                mantissa = plus
                digits += 1
                if sawPoint { scale += 1 }
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0, !(sawPoint && scale == 0), digits <= maxDigits, scale <= Self.maxScale else { return nil }
        self.init(mantissa: negative ? -mantissa : mantissa, scale: scale)
    }

    public init?(_ text: String) { self.init(bytes: Array(text.utf8)) }

    public var doubleValue: Double {
        var divisor = 1.0
        for _ in 0..<scale { divisor *= 10 }
        return Double(mantissa) / divisor
    }

    /// The value rescaled to `digits` places, rounding half away from zero, saturating at
    /// the bounds of `Int64` (a comparison with a bounded value stays right).
    public func saturated(to digits: Int) -> Int64 {
        rescaled(to: digits) ?? (mantissa < 0 ? Int64.min + 1 : Int64.max)
    }

    /// The value rescaled to `digits` places, rounding half away from zero; nil on overflow.
    public func rescaled(to digits: Int) -> Int64? {
        var m = mantissa
        var s = scale
        while s < digits {
            let (r, o) = m.multipliedReportingOverflow(by: 10)
            if o { return nil }
            m = r
            s += 1
        }
        // Rounded once, on everything dropped: rounding digit by digit rounded twice
        // (0.2645 became 0.265, then 0.27).
        if s > digits {
            var divisor: Int64 = 1
            for _ in 0..<(s - digits) where divisor <= Int64.max / 10 { divisor *= 10 }
            let (quotient, remainder) = m.quotientAndRemainder(dividingBy: divisor)
            m = quotient
            if remainder.magnitude >= (divisor.magnitude + 1) / 2 { m += remainder < 0 ? -1 : 1 }
        }
        return m
    }

    public static func < (a: FixedDecimal, b: FixedDecimal) -> Bool {
        let digits = max(a.scale, b.scale)
        guard let x = a.rescaled(to: digits), let y = b.rescaled(to: digits) else {
            return a.doubleValue < b.doubleValue
        }
        return x < y
    }

    /// Equal in value, whatever the printed precision (`85` and `85.0`).
    public func sameValue(as other: FixedDecimal) -> Bool { !(self < other) && !(other < self) }

    public var description: String {
        guard scale > 0 else { return String(mantissa) }
        let negative = mantissa < 0
        var digits = String(mantissa.magnitude)
        while digits.count <= scale { digits = "0" + digits }
        let point = digits.index(digits.endIndex, offsetBy: -scale)
        return (negative ? "-" : "") + digits[..<point] + "." + digits[point...]
    }
}
