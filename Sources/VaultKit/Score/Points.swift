/// Points in hundredths, so sums and means of scores are exact integers and
/// the same bytes come out on every machine.
///
/// Bounded: a schema's points are at most `Schema.maxTotal`, and lint refuses
/// scores outside an indicator's 0…max or the schema's 0…total (`score-range`,
/// `indicator-score`), so scoring stays far from 64 bits. Arithmetic saturates
/// anyway, so a value that slips past is wrong at worst, never a trap.
public struct Points: Hashable, Comparable, Sendable, CustomStringConvertible, AdditiveArithmetic {
    public var hundredths: Int64

    public init(hundredths: Int64) { self.hundredths = hundredths }

    /// Rounded half up to hundredths; a value beyond 64 bits of hundredths saturates (it
    /// was 0: a score of 10^17 counted as none). Comparisons with it stay right.
    public init(_ decimal: FixedDecimal) { self.hundredths = decimal.saturated(to: 2) }

    public static let zero = Points(hundredths: 0)

    public static func + (a: Points, b: Points) -> Points {
        let (sum, overflow) = a.hundredths.addingReportingOverflow(b.hundredths)
        return Points(hundredths: overflow ? (b.hundredths < 0 ? Int64.min + 1 : Int64.max) : sum)
    }
    public static func - (a: Points, b: Points) -> Points {
        let (difference, overflow) = a.hundredths.subtractingReportingOverflow(b.hundredths)
        return Points(hundredths: overflow ? (b.hundredths > 0 ? Int64.min + 1 : Int64.max) : difference)
    }
    public static func < (a: Points, b: Points) -> Bool { a.hundredths < b.hundredths }

    /// The mean, rounded half up to hundredths.
    public static func mean(_ values: [Points]) -> Points? {
        guard !values.isEmpty else { return nil }
        // The sum is wide and the rounding `RoundedFigure`'s: neither overflows.
        let sum = values.reduce(WideInt.zero) { $0 + WideInt($1.hundredths) }
        let mean = RoundedFigure(sum, over: Int64(values.count), scale: 0)
        // The mean lies between the smallest and the largest value, so it fits.
        let magnitude = Int64(mean.whole.1)
        return Points(hundredths: mean.negative ? -magnitude : magnitude)
    }

    public var magnitude: Points { Points(hundredths: hundredths == Int64.min ? Int64.max : abs(hundredths)) }

    public var decimal: FixedDecimal { FixedDecimal(mantissa: hundredths, scale: 2) }

    /// `96`, `95.5`, `95.33`: no trailing zeros, as the reports print scores.
    public var description: String {
        var text = decimal.description
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
