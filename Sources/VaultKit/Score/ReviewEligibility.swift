/// Whether a review counts: the one decision the scorer and lint both ask, so a
/// review lint says is not counted is never counted, and one the scorer leaves
/// out is never left out silently.
///
/// A review does not count when its expert is not on the period's panel, or when
/// the vault holds evidence that the expert belongs to the reviewed alliance:
/// - the expert's `alliances=` lists it;
/// - the expert's `affiliation=` names it (its full name, short name or an alias name);
/// - the expert's `handle=` is one of the alliance's `maintainer handle=`s;
/// - any of these holds for another panel line of the same person: the same id
///   listed twice, or the same `name=` or `handle=` under another id;
/// - any of these holds for a twin of the alliance: another directory with the same
///   full name (and the same code, or none), which is one alliance.
public struct ReviewEligibility: Sendable {
    /// Why a review is left out of the score.
    public struct Exclusion: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            /// The review file's expert is not on the panel (`unknown-reference`).
            case notOnPanel
            /// The expert belongs to the alliance (`conflict-of-interest`).
            case conflict
            /// The expert's `alliances=` names an alliance the vault does not have (a typo,
            /// a look-alike, a link refused): whether the review is of it cannot be told
            /// (`unknown-reference`).
            case unresolvedMembership
        }
        public var kind: Kind
        /// What the vault holds that decides it, for the finding: "alliances= lists 示例".
        public var evidence: Message
        /// The panel line holding the evidence, if any.
        public var panelLine: Int32?
    }

    let periodID: String
    let panelPath: String
    /// Panel lines by expert id (ids compared in NFC, which String equality is).
    let lines: [String: [Int]]
    let experts: [Expert]
    /// For each panel line, the lines of the same person (itself included).
    let person: [[Int]]
    /// For each panel line, the alliances its affiliation names, with the name found.
    let affiliated: [[(alliance: String, name: String)]]
    /// Alliance ids by maintainer handle (normalised).
    let maintained: [String: [String]]
    /// For each alliance with a twin, the other directories of the same alliance.
    let twins: [String: [String]]
    /// The vault's alliances, to tell a membership that names none of them.
    let alliances: [String: Alliance]

    public init(_ period: Period, in vault: Vault) {
        periodID = period.id
        alliances = vault.alliances
        panelPath = period.file.path
        experts = period.experts
        var lines: [String: [Int]] = [:]
        for (index, expert) in experts.enumerated() { lines[expert.id, default: []].append(index) }
        self.lines = lines
        person = Self.persons(experts)
        twins = Self.twins(vault)
        var maintained: [String: [String]] = [:]
        let handles = Set(experts.compactMap { $0.handle.map(Self.handleKey) })
        if !handles.isEmpty {
            for alliance in vault.orderedAlliances {
                for handle in alliance.maintainers where handles.contains(Self.handleKey(handle)) {
                    maintained[Self.handleKey(handle), default: []].append(alliance.id)
                }
            }
        }
        self.maintained = maintained
        affiliated = Self.affiliations(experts, vault)
    }

    /// Whether `expertID` is on the period's panel (ids compared in NFC).
    public func isOnPanel(_ expertID: String) -> Bool { lines[expertID] != nil }

    /// Whether `expertID`'s review of `alliance` counts.
    public func counts(expert expertID: String, alliance: String) -> Bool {
        exclusions(expert: expertID, alliance: alliance).isEmpty
    }

    /// Every reason `expertID`'s review of `alliance` is left out; empty when it counts.
    public func exclusions(expert expertID: String, alliance: String) -> [Exclusion] {
        guard let own = lines[expertID] else {
            return [Exclusion(kind: .notOnPanel, evidence: Self.notOnPanel(["expert": .text(expertID), "period": .text(periodID)]), panelLine: nil)]
        }
        let targets = [alliance] + (twins[alliance] ?? [])
        func twinNote(_ target: String) -> MessageArgument {
            target == alliance ? .text("") : .message(Self.twinDirectory(["target": .text(target)]))
        }
        var seen = Set<Int>()
        var found: [Exclusion] = []
        for line in own {
            for other in person[line] where seen.insert(other).inserted {
                let expert = experts[other]
                let who: MessageArgument = expert.id == expertID
                    ? (own.count > 1 ? .message(Self.sameIDAgain(["line": .text("\(expert.record.number)")])) : .text(""))
                    : .message(Self.samePerson(["id": .text(expert.id), "by": .message(Self.sameBy(experts[line], expert))]))
                for unknown in expert.alliances where alliances[unknown] == nil {
                    found.append(Exclusion(kind: .unresolvedMembership,
                        evidence: Self.namesNoAlliance(["alliance": .text(unknown), "who": who]),
                        panelLine: expert.record.number))
                }
                for target in targets {
                    if expert.alliances.contains(target) {
                        found.append(Exclusion(kind: .conflict, evidence: Self.listsAlliance(["alliance": .text(target), "who": who, "twin": twinNote(target)]),
                                               panelLine: expert.record.number))
                    }
                    if let match = affiliated[other].first(where: { $0.alliance == target }) {
                        found.append(Exclusion(kind: .conflict, evidence: Self.affiliationNames(["name": .text(match.name), "who": who, "twin": twinNote(target)]),
                                               panelLine: expert.record.number))
                    }
                    if let handle = expert.handle, maintained[Self.handleKey(handle)]?.contains(target) == true {
                        found.append(Exclusion(kind: .conflict,
                            evidence: Self.handleMaintains(["handle": .text(handle), "alliance": .text(target), "who": who, "twin": twinNote(target)]),
                            panelLine: expert.record.number))
                    }
                }
            }
        }
        return found
    }

    /// A handle as a code host compares it: without `@`, case folded.
    static func handleKey(_ handle: String) -> String {
        let bare = handle.hasPrefix("@") ? String(handle.dropFirst()) : handle
        return Identity.nfc(bare).lowercased()
    }

    /// What two panel lines of one person share, for the message.
    static func sameBy(_ a: Expert, _ b: Expert) -> Message {
        if let x = a.handle, let y = b.handle, handleKey(x) == handleKey(y) { return byHandle(["handle": .text(y)]) }
        if !a.name.isEmpty, Identity.nfc(a.name) == Identity.nfc(b.name) { return byName(["name": .text(b.name)]) }
        return byOtherLine()
    }

    /// Panel lines grouped into persons: the same id, name or handle joins them
    /// (union-find, linear in the panel).
    static func persons(_ experts: [Expert]) -> [[Int]] {
        var parent = Array(experts.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        var firstBy: [String: Int] = [:]
        for (index, expert) in experts.enumerated() {
            var keys = ["id:" + expert.id]
            if !expert.name.isEmpty { keys.append("name:" + expert.name) }
            if let handle = expert.handle, !handle.isEmpty { keys.append("handle:" + handleKey(handle)) }
            for key in keys {
                if let first = firstBy[key] { parent[root(index)] = root(first) } else { firstBy[key] = index }
            }
        }
        var members: [Int: [Int]] = [:]
        for index in experts.indices { members[root(index), default: []].append(index) }
        return experts.indices.map { members[root($0)]! }
    }

    /// The key under which two directories are one alliance: the same full name in
    /// NFC (and the code, when both have one, must agree).
    static func twins(_ vault: Vault) -> [String: [String]] {
        var byName: [String: [Alliance]] = [:]
        for alliance in vault.orderedAlliances {
            guard let name = alliance.name, !name.isEmpty else { continue }
            byName[name, default: []].append(alliance)
        }
        var out: [String: [String]] = [:]
        for (_, group) in byName where group.count > 1 {
            for alliance in group {
                let others = group.filter { $0.id != alliance.id && ($0.code == nil || alliance.code == nil || $0.code == alliance.code) }
                if !others.isEmpty { out[alliance.id] = others.map(\.id) }
            }
        }
        return out
    }

    /// For each panel line, the alliances its affiliation text names. Each name of
    /// each alliance (full, short, alias) is looked up among the affiliation's
    /// substrings of that length: linear in the alliances plus the panel's text.
    static func affiliations(_ experts: [Expert], _ vault: Vault) -> [[(alliance: String, name: String)]] {
        let texts = experts.map { $0.affiliation.map { Array(Identity.nfc($0).unicodeScalars) } ?? [] }
        guard texts.contains(where: { !$0.isEmpty }) else { return experts.map { _ in [] } }
        var names: [String: [String]] = [:]
        var lengths = Set<Int>()
        for alliance in vault.orderedAlliances {
            // A short name of one character would be found in unrelated words.
            for name in [alliance.name, alliance.short].compactMap({ $0 }) + alliance.aliases {
                let scalars = Identity.nfc(name).unicodeScalars
                guard scalars.count >= 2 else { continue }
                names[String(scalars), default: []].append(alliance.id)
                lengths.insert(scalars.count)
            }
        }
        let sortedLengths = lengths.sorted()
        return texts.map { text in
            var found: [(alliance: String, name: String)] = []
            var seen = Set<String>()
            for length in sortedLengths.reversed() where length <= text.count {
                for start in 0...(text.count - length) {
                    var view = String.UnicodeScalarView()
                    view.append(contentsOf: text[start..<(start + length)])
                    let candidate = String(view)
                    for alliance in names[candidate] ?? [] where seen.insert(alliance).inserted {
                        found.append((alliance, candidate))
                    }
                }
            }
            return found
        }
    }
}

extension ReviewEligibility {
    /// An exclusion in words, as `explain` prints it.
    public static func reason(_ exclusion: Exclusion) -> Message {
        switch exclusion.kind {
        case .notOnPanel, .unresolvedMembership: return exclusion.evidence
        case .conflict: return conflictOfInterest(["evidence": .message(exclusion.evidence)])
        }
    }

    static let notOnPanel = MessageTemplate(
        "eligibility.not-on-panel", en: "expert \"{expert}\" is not on the panel of period {period}",
        zh: "专家“{expert}”不在 {period} 评价期的评价专家组名单中")
    static let namesNoAlliance = MessageTemplate(
        "eligibility.unresolved",
        en: "alliances= names \"{alliance}\", which is not an alliance of the vault, so the conflict cannot be checked{who}",
        zh: "alliances= 中的“{alliance}”不是联盟目录中的联盟，无法核对是否回避{who}")
    static let listsAlliance = MessageTemplate(
        "eligibility.lists", en: "alliances= lists {alliance}{who}{twin}", zh: "alliances= 列有 {alliance}{who}{twin}")
    static let affiliationNames = MessageTemplate(
        "eligibility.affiliation", en: "affiliation names \"{name}\"{who}{twin}", zh: "affiliation 中写有“{name}”{who}{twin}")
    static let handleMaintains = MessageTemplate(
        "eligibility.maintainer", en: "handle {handle} maintains vault/alliances/{alliance}{who}{twin}",
        zh: "账号 {handle} 是 vault/alliances/{alliance} 的维护人{who}{twin}")
    static let sameIDAgain = MessageTemplate(
        "eligibility.same-id", en: " (panel line {line}, the same id listed again)", zh: "（专家名单第 {line} 行，同一编号重复列出）")
    static let samePerson = MessageTemplate(
        "eligibility.same-person", en: " (as {id}, the same person by {by})", zh: "（即 {id}，{by}，是同一人）")
    static let byHandle = MessageTemplate("eligibility.same-person.handle", en: "handle {handle}", zh: "账号同为 {handle}")
    static let byName = MessageTemplate("eligibility.same-person.name", en: "name {name}", zh: "姓名同为{name}")
    static let byOtherLine = MessageTemplate("eligibility.same-person.line", en: "another panel line", zh: "见另一条专家记录")
    static let twinDirectory = MessageTemplate(
        "eligibility.twin", en: " (the directory vault/alliances/{target} is the same alliance)",
        zh: "（目录 vault/alliances/{target} 是同一个联盟）")
    static let conflictOfInterest = MessageTemplate(
        "eligibility.conflict", en: "conflict of interest, {evidence}", zh: "需回避：{evidence}")

    /// The reasons a review is left out (`Catalogue`).
    static let messages = [notOnPanel, namesNoAlliance, listsAlliance, affiliationNames, handleMaintains, sameIDAgain, samePerson,
                           byHandle, byName, byOtherLine, twinDirectory, conflictOfInterest]
}
