/// Points in hundredths, so sums and means of scores are exact integers and
/// the same bytes come out on every machine.
public struct Points: Hashable, Comparable, Sendable, CustomStringConvertible, AdditiveArithmetic {
    public var hundredths: Int64

    public init(hundredths: Int64) { self.hundredths = hundredths }

    public init(_ decimal: FixedDecimal) { self.hundredths = decimal.rescaled(to: 2) ?? 0 }

    public static let zero = Points(hundredths: 0)

    public static func + (a: Points, b: Points) -> Points { Points(hundredths: a.hundredths + b.hundredths) }
    public static func - (a: Points, b: Points) -> Points { Points(hundredths: a.hundredths - b.hundredths) }
    public static func < (a: Points, b: Points) -> Bool { a.hundredths < b.hundredths }

    /// The mean, rounded half up to hundredths.
    public static func mean(_ values: [Points]) -> Points? {
        guard !values.isEmpty else { return nil }
        let sum = values.reduce(Int64(0)) { $0 + $1.hundredths }
        let n = Int64(values.count)
        let rounded = sum >= 0 ? (2 * sum + n) / (2 * n) : -((2 * -sum + n) / (2 * n))
        return Points(hundredths: rounded)
    }

    public var magnitude: Points { Points(hundredths: abs(hundredths)) }

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
