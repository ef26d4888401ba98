/// Checks a raw value against its field type, on bytes. A failure says what was
/// expected, so the `bad-value` finding can name the offending text and the fix.
enum ValueParser {
    struct Failure: Error {
        var expected: Message
        var hint: Message
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
            return Failure(expected: wholeNumber(["digits": .count(FixedDecimal.maxIntDigits)]), hint: wholeNumberHint())
        case .decimal:
            return Failure(expected: decimal(["digits": .count(FixedDecimal.maxDigits), "scale": .count(FixedDecimal.maxScale)]),
                           hint: decimalHint())
        case .date:
            return Failure(expected: date(), hint: dateHint())
        case .money:
            return Money.failure(Array(text.utf8))
        case .code:
            return Failure(expected: code(), hint: codeHint())
        case .enumeration(let cases):
            return Failure(expected: oneOf(["cases": .list(cases)]),
                           hint: Suggest.hint(for: text, in: cases, otherwise: useOneOf(["cases": .list(cases)])))
        case .band:
            let ids = bands.map(\.id)
            return Failure(expected: band(["bands": .list(ids)]),
                           hint: Suggest.hint(for: text, in: ids, otherwise: useOneOf(["cases": .list(ids)])))
        case .alliance, .alliances:
            return Failure(expected: alliance(), hint: allianceHint())
        }
    }

    // What a value should have been (`bad-value`): the end of "FIELD="VALUE" is not …".
    static let wholeNumber = MessageTemplate(
        "bad-value.int", en: "a whole number of at most {digits} digits", zh: "不超过 {digits} 位的整数")
    static let wholeNumberHint = MessageTemplate(
        "bad-value.int.hint", en: "write digits only, e.g. 42 (docs/format.md gives each type's bounds)",
        zh: "只写数字，例如 42（各类型的取值范围见 docs/format.md）")
    static let decimal = MessageTemplate(
        "bad-value.decimal", en: "a number of at most {digits} digits, {scale} after the point",
        zh: "不超过 {digits} 位、小数点后不超过 {scale} 位的数")
    static let decimalHint = MessageTemplate(
        "bad-value.decimal.hint", en: "write digits with an optional decimal point, e.g. 86.5 (docs/format.md gives each type's bounds)",
        zh: "请写数字，可带小数点，例如 86.5（各类型的取值范围见 docs/format.md）")
    static let date = MessageTemplate(
        "bad-value.date-type", en: "a date (YYYY-MM-DD) that exists", zh: "存在的日期（YYYY-MM-DD）")
    static let dateHint = MessageTemplate(
        "bad-value.date.hint", en: "write the date as YYYY-MM-DD, e.g. 2023-04-10", zh: "日期请写作 YYYY-MM-DD，例如 2023-04-10")
    static let code = MessageTemplate(
        "bad-value.code", en: "an alliance code (1xx, 2xx, 3xx or Dxxx)", zh: "联盟编号（1xx、2xx、3xx 或 Dxxx）")
    static let codeHint = MessageTemplate(
        "bad-value.code.hint", en: "codes are three digits starting with the batch (110, 233, 320) or D and three digits (D106)",
        zh: "编号是以批次开头的三位数字（110、233、320），或 D 加三位数字（D106）")
    static let oneOf = MessageTemplate("bad-value.enum", en: "one of {cases}", zh: "以下之一：{cases}")
    static let useOneOf = MessageTemplate("bad-value.enum.hint", en: "use one of: {cases}", zh: "请使用以下之一：{cases}")
    static let band = MessageTemplate(
        "bad-value.band", en: "a band of this period's schema ({bands})", zh: "本评价期指标体系中的档次（{bands}）")
    static let alliance = MessageTemplate(
        "bad-value.alliance", en: "an alliance id (a directory name in vault/alliances)", zh: "联盟标识（vault/alliances 下的目录名）")
    static let allianceHint = MessageTemplate(
        "bad-value.alliance.hint", en: "write the alliance's directory name, e.g. 半导体照明", zh: "请写联盟的目录名，例如 半导体照明")

    static let messages = [wholeNumber, wholeNumberHint, decimal, decimalHint, date, dateHint, code, codeHint, oneOf, useOneOf,
                           band, alliance, allianceHint] + Money.messages
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
        guard let (unit, exponent) = units.first(where: { bytes.count > $0.0.count && bytes.suffix($0.0.count).elementsEqual($0.0) }) else {
            return .init(expected: withUnit(), hint: unitHint())
        }
        let name = String(decoding: unit, as: UTF8.self)
        guard let number = FixedDecimal(bytes: Array(bytes.dropLast(unit.count))) else {
            return .init(expected: amount(["digits": .count(FixedDecimal.maxDigits)]), hint: unitHint())
        }
        if number.mantissa < 0 {
            return .init(expected: notNegative(), hint: notNegativeHint())
        }
        if number.scale > exponent {
            return .init(expected: wholeFen(["decimals": .count(exponent), "unit": .text(name)]), hint: wholeFenHint())
        }
        return .init(expected: belowLimit(), hint: belowLimitHint())
    }

    static let withUnit = MessageTemplate(
        "bad-value.money", en: "an amount with its unit (元, 万元 or 亿元)", zh: "带单位（元、万元或亿元）的金额")
    static let unitHint = MessageTemplate(
        "bad-value.money.hint", en: "write the unit after the number, e.g. 1200万元 or 14.63亿元", zh: "请在数字后写上单位，例如 1200万元 或 14.63亿元")
    static let amount = MessageTemplate(
        "bad-value.money-number", en: "an amount: a number of at most {digits} digits and its unit", zh: "金额：不超过 {digits} 位的数字加单位")
    static let notNegative = MessageTemplate(
        "bad-value.money-negative", en: "an amount that is not negative", zh: "非负的金额")
    static let notNegativeHint = MessageTemplate(
        "bad-value.money-negative.hint", en: "write the amount without a sign; funding is never negative", zh: "金额不要带正负号；经费不会是负数")
    static let wholeFen = MessageTemplate(
        "bad-value.money-fen", en: "an amount in whole fen (at most {decimals} decimals in {unit})",
        zh: "精确到分的金额（以{unit}计最多 {decimals} 位小数）")
    static let wholeFenHint = MessageTemplate(
        "bad-value.money-fen.hint", en: "round the amount to 0.01 元, or write it in a smaller unit", zh: "请把金额四舍五入到 0.01 元，或改用更小的单位")
    static let belowLimit = MessageTemplate(
        "bad-value.money-limit", en: "an amount below 10^16 元 (1 亿亿元)", zh: "小于 10^16 元（1 亿亿元）的金额")
    static let belowLimitHint = MessageTemplate(
        "bad-value.money-limit.hint", en: "check the unit: 1200万元 is 0.12亿元", zh: "请检查单位：1200万元 即 0.12亿元")

    static let messages = [withUnit, unitHint, amount, notNegative, notNegativeHint, wholeFen, wholeFenHint, belowLimit, belowLimitHint]

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
