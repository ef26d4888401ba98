/// A calendar date (`YYYY-MM-DD`), checked to exist: 2023-02-30 is not a day.
public struct Day: Hashable, Comparable, Sendable, BitwiseCopyable, CustomStringConvertible {
    // Packed small so that records and values stay compact in memory.
    private let y: Int16
    private let m: UInt8
    private let d: UInt8

    public var year: Int { Int(y) }
    public var month: Int { Int(m) }
    public var day: Int { Int(d) }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.y = Int16(year)
        self.m = UInt8(month)
        self.d = UInt8(day)
    }

    /// The day in 32 bits (year, month, day from the top), for a value `Slot`; years are 1–9999.
    var packed: UInt32 { UInt32(UInt16(bitPattern: y)) << 16 | UInt32(m) << 8 | UInt32(d) }

    init(packed: UInt32) {
        y = Int16(bitPattern: UInt16(truncatingIfNeeded: packed >> 16))
        m = UInt8(truncatingIfNeeded: packed >> 8)
        d = UInt8(truncatingIfNeeded: packed)
    }

    /// Parses exactly `YYYY-MM-DD` from bytes.
    public init?<C: Collection<UInt8>>(bytes: C) where C.Index == Int {
        guard bytes.count == 10 else { return nil }
        let s = bytes.startIndex
        guard bytes[s + 4] == 0x2D, bytes[s + 7] == 0x2D else { return nil }
        func number(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for k in from..<(from + count) {
                let c = bytes[s + k]
                guard c >= 0x30, c <= 0x39 else { return nil }
                value = value * 10 + Int(c - 0x30)
            }
            return value
        }
        guard let y = number(0, 4), let m = number(5, 2), let d = number(8, 2) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Parses exactly `YYYY-MM-DD` from a file's bytes: the binder's path, taken for
    /// every dated record, so written out digit by digit with no generic collection.
    init?(_ b: UnsafeBufferPointer<UInt8>, _ span: Span) {
        guard span.count == 10 else { return nil }
        let p = b.baseAddress! + Int(span.start)
        guard p[4] == 0x2D, p[7] == 0x2D else { return nil }
        // Each byte's digit value; a byte that is not a digit wraps to 10 or more.
        let y0 = p[0] &- 0x30, y1 = p[1] &- 0x30, y2 = p[2] &- 0x30, y3 = p[3] &- 0x30
        let m0 = p[5] &- 0x30, m1 = p[6] &- 0x30, d0 = p[8] &- 0x30, d1 = p[9] &- 0x30
        guard y0 < 10, y1 < 10, y2 < 10, y3 < 10, m0 < 10, m1 < 10, d0 < 10, d1 < 10 else { return nil }
        self.init(year: Int(y0) * 1000 + Int(y1) * 100 + Int(y2) * 10 + Int(y3),
                  month: Int(m0) * 10 + Int(m1), day: Int(d0) * 10 + Int(d1))
    }

    public init?(_ text: String) { self.init(bytes: Array(text.utf8)) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.y, a.m, a.d) < (b.y, b.m, b.d)
    }

    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}
