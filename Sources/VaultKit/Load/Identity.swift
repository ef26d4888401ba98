import Foundation

/// One identity per name. Ids (alliance directory names, expert ids, review and
/// schema file names, alliance references) are compared in Unicode normal form
/// NFC: Swift's `String` equality and hashing already treat canonically
/// equivalent spellings as one, so two files whose names normalise alike would
/// silently become one entry of a dictionary. The loader reports such names
/// instead (`identity`), and names that differ only by compatibility characters
/// (NFKC: full-width forms, CJK compatibility ideographs) or look-alike
/// punctuation are reported too. docs/format.md states the rule.
public enum Identity {
    /// `name` in NFC. ASCII is its own normal form (the common case, no copy).
    public static func nfc(_ name: String) -> String {
        isStable(name) ? name : name.precomposedStringWithCanonicalMapping
    }

    /// Whether `name`'s bytes are its NFC bytes.
    public static func isNFC(_ name: String) -> Bool {
        isStable(name) || name.utf8.elementsEqual(name.precomposedStringWithCanonicalMapping.utf8)
    }

    /// Whether every scalar of `name` is printable ASCII or a unified CJK ideograph
    /// (U+3400–U+4DBF, U+4E00–U+9FFF): no such character decomposes, composes or has a
    /// compatibility mapping, so the name is its own NFC, NFKC and skeleton. Nearly
    /// every id is so, and Foundation's normalisation is not called for it.
    static func isStable(_ name: String) -> Bool {
        name.unicodeScalars.allSatisfy { scalar in
            let value = scalar.value
            return (value >= 0x20 && value < 0x7F) || (value >= 0x4E00 && value <= 0x9FFF) || (value >= 0x3400 && value <= 0x4DBF)
        }
    }

    /// What a reader sees: NFKC, then look-alike punctuation mapped to one
    /// character each. Two names with the same skeleton but different NFC forms
    /// are two identities a reader cannot tell apart.
    public static func skeleton(_ name: String) -> String {
        if isStable(name) { return name }
        var scalars = String.UnicodeScalarView()
        for scalar in name.precomposedStringWithCompatibilityMapping.unicodeScalars {
            scalars.append(lookAlike[scalar.value].flatMap(Unicode.Scalar.init) ?? scalar)
        }
        return String(scalars)
    }

    /// Punctuation that NFKC keeps apart but a reader does not: dots, dashes, brackets.
    static let lookAlike: [UInt32: UInt32] = {
        var map: [UInt32: UInt32] = [:]
        for dot: UInt32 in [0x00B7, 0x2022, 0x2027, 0x2219, 0x22C5, 0x30FB, 0x0387, 0x16EB, 0x2E31] { map[dot] = 0x00B7 }
        for dash: UInt32 in [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x2E3A, 0x2E3B, 0xFE58, 0x2043] {
            map[dash] = 0x002D
        }
        for open: UInt32 in [0x3014, 0x3010, 0x3016, 0xFF3B, 0x2985] { map[open] = 0x0028 }
        for close: UInt32 in [0x3015, 0x3011, 0x3017, 0xFF3D, 0x2986] { map[close] = 0x0029 }
        map[0x3001] = 0x002C  // 、
        map[0x3002] = 0x002E  // 。
        map[0x2018] = 0x0027; map[0x2019] = 0x0027
        map[0x201C] = 0x0022; map[0x201D] = 0x0022
        return map
    }()

    /// A named thing of one kind (an alliance directory, a review file …).
    public struct Entry: Sendable {
        public var name: String
        /// Where to report it.
        public var path: String
        public init(name: String, path: String) {
            self.name = name
            self.path = path
        }
    }

    /// Problems among names of one kind.
    public struct Screening: Sendable {
        /// Entries that must not be loaded: a canonically equivalent name of
        /// another entry, which would take that entry's place.
        public var refused: Set<Int> = []
        public var diagnostics: [Diagnostic] = []
    }

    /// Reports names not in NFC, names equal in NFC (the one not in NFC, or the
    /// later in byte order, is refused) and names a reader cannot tell apart
    /// (the same skeleton). Linear: each name is normalised once and bucketed.
    /// `what` names the kind in messages (`Identity.allianceDirectory`).
    static let allianceDirectory = MessageTemplate("identity.what.alliance", en: "alliance directory", zh: "联盟目录")
    static let schemaFile = MessageTemplate("identity.what.schema", en: "schema file", zh: "指标体系文件")
    static let reviewFile = MessageTemplate("identity.what.review", en: "review file", zh: "评审文件")
    static let oneInNFC = MessageTemplate(
        "identity.nfc-twins",
        en: "{what} \"{path}\" and \"{kept}\" are one name in Unicode NFC ({codePoints} and {keptCodePoints}); \"{path}\" is not loaded",
        zh: "{what}“{path}”和“{kept}”在 Unicode NFC 下是同一个名称（{codePoints} 与 {keptCodePoints}）；“{path}”不予读取")
    static let mergeSpellings = MessageTemplate(
        "identity.nfc-twins.hint", en: "an id has one spelling: merge the two into \"{kept}\" and delete the other",
        zh: "一个标识只有一种写法：请把两者合并到“{kept}”，删除另一个")
    static let notNFC = MessageTemplate(
        "identity.name-nfc", en: "{what} name \"{name}\" is not in Unicode normal form NFC ({codePoints})",
        zh: "{what}名称“{name}”不是 Unicode NFC 规范形式（{codePoints}）")
    static let renameNFC = MessageTemplate(
        "identity.name-nfc.hint", en: "rename it to its NFC spelling ({nfc}): ids are compared in NFC", zh: "请改为 NFC 写法（{nfc}）：标识按 NFC 比较")
    static let looksLike = MessageTemplate(
        "identity.look-alike",
        en: "{what} \"{path}\" looks like \"{other}\": the names differ only by compatibility characters or look-alike punctuation ({codePoints} and {otherCodePoints})",
        zh: "{what}“{path}”看起来像“{other}”：两个名称只差兼容字符或形近标点（{codePoints} 与 {otherCodePoints}）")
    static let oneName = MessageTemplate(
        "identity.look-alike.hint", en: "one thing has one name: merge them, or give one a name a reader can tell apart",
        zh: "同一事物只用一个名称：请合并，或给其中一个改一个能分辨的名称")

    static let messages = [allianceDirectory, schemaFile, reviewFile, oneInNFC, mergeSpellings, notNFC, renameNFC, looksLike, oneName]

    public static func screen(_ entries: [Entry], what: MessageTemplate, rule: RuleDescription = IdentityRule.description) -> Screening {
        var out = Screening()
        guard entries.count > 0 else { return out }
        // Canonical equivalence is String equality: the dictionary buckets by NFC.
        var byNFC: [String: [Int]] = [:]
        var nfcIsSelf = [Bool](repeating: true, count: entries.count)
        for (index, entry) in entries.enumerated() {
            nfcIsSelf[index] = isNFC(entry.name)
            byNFC[entry.name, default: []].append(index)
        }
        func bytesFirst(_ a: Int, _ b: Int) -> Bool { entries[a].name.utf8.lexicographicallyPrecedes(entries[b].name.utf8) }
        var kept: [Int] = []
        for (_, members) in byNFC {
            let ordered = members.sorted(by: bytesFirst)
            let keep = ordered.first { nfcIsSelf[$0] } ?? ordered[0]
            kept.append(keep)
            for index in ordered where index != keep {
                out.refused.insert(index)
                out.diagnostics.append(rule.fileDiagnostic(entries[index].path,
                    oneInNFC(["what": .message(what()), "path": .text(entries[index].path), "kept": .text(entries[keep].path),
                              "codePoints": .text(codePoints(entries[index].name)), "keptCodePoints": .text(codePoints(entries[keep].name))]),
                    hint: mergeSpellings(["kept": .text(entries[keep].path)])))
            }
            if !nfcIsSelf[keep] {
                out.diagnostics.append(rule.fileDiagnostic(entries[keep].path,
                    notNFC(["what": .message(what()), "name": .text(entries[keep].name), "codePoints": .text(codePoints(entries[keep].name))]),
                    hint: renameNFC(["nfc": .text(codePoints(nfc(entries[keep].name)))])))
            }
        }
        // Look-alikes among the names that stay: bucketed by skeleton.
        var bySkeleton: [[UInt8]: [Int]] = [:]
        for index in kept { bySkeleton[Array(skeleton(entries[index].name).utf8), default: []].append(index) }
        for (_, members) in bySkeleton where members.count > 1 {
            let ordered = members.sorted(by: bytesFirst)
            for index in ordered.dropFirst() {
                let first = ordered[0]
                out.diagnostics.append(rule.fileDiagnostic(entries[index].path,
                    looksLike(["what": .message(what()), "path": .text(entries[index].path), "other": .text(entries[first].path),
                               "codePoints": .text(codePoints(entries[index].name)), "otherCodePoints": .text(codePoints(entries[first].name))]),
                    hint: oneName()))
            }
        }
        return out
    }

    /// The non-ASCII code points of `name`, for a message that must show what the eye cannot.
    public static func codePoints(_ name: String) -> String {
        let shown = name.unicodeScalars.map { $0.isASCII ? String($0) : "U+" + String($0.value, radix: 16, uppercase: true) }
        return shown.joined(separator: " ")
    }
}

/// A string compared and hashed by its UTF-8 bytes, for keys that must never merge
/// canonically equivalent spellings: the paths of an in-memory or git file system,
/// where two such names are two files (the loader then reports them, `Identity`).
public struct ByteKey: Hashable, Sendable {
    public let text: String
    public init(_ text: String) { self.text = text }

    public static func == (a: ByteKey, b: ByteKey) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }

    public func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
