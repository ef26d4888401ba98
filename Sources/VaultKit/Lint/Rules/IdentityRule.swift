/// One identity per name, and one name per identity: ids not in Unicode NFC,
/// two names that are one in NFC or that a reader cannot tell apart (NFKC,
/// look-alike punctuation), one panel id listed twice, one person under two
/// ids, and two alliance directories that are one alliance.
public enum IdentityRule: VaultRule {
    public static let description = RuleDescription(
        id: "identity",
        summary: "two names are one identity, or one identity has two names",
        rationale: "ids are compared in Unicode NFC, so two spellings of one name would silently become one entry and one of them would vanish or take the other's place; names that differ only by compatibility characters or look-alike punctuation cannot be told apart by a reviewer; and a panel member or an alliance entered twice escapes the conflict-of-interest check. docs/format.md states the rule",
        summaryZH: "两个名称其实是同一身份，或同一身份有两个名称",
        rationaleZH: "标识按 Unicode NFC 比较，同一名称的两种写法会悄悄合并为一项，其中一项消失或顶替另一项；只差兼容字符或形近标点的名称，审阅人无法分辨；专家或联盟录入两次，就会逃过利益冲突核查。规则见 docs/format.md",
        severity: .error,
        triggering: [
            // A directory name in NFD (e + U+0301).
            RuleExample(["vault/alliances/e\u{301}/alliance.txt": "alliance name=\"示例二产业技术创新战略联盟\" note=\"无代码\"\n"],
                        expectedAt: "vault/alliances/e\u{301}:1:1"),
            // Two directories a reader cannot tell apart: full-width and ASCII brackets.
            RuleExample(["vault/alliances/示例(一)/alliance.txt": "alliance code=111 batch=1 name=\"示例一产业技术创新战略联盟\"\n",
                         "vault/alliances/示例（一）/alliance.txt": "alliance code=112 batch=1 name=\"示例甲产业技术创新战略联盟\"\n"],
                        expectedAt: "vault/alliances/示例（一）:1:1"),
            // One person under two ids.
            RuleExample(ExampleProject.reviewed(["vault/periods/2023.txt": """
                period start=2023-01-01 end=2023-12-31 schema=test roster=2 threshold=3
                expert id=E1 name=甲 group=A alliances=示例
                expert id=E2 name=乙 group=A
                expert id=E3 name=丙 group=B
                ↓expert id=E4 name=乙 group=B

                """])),
            // Two directories that are one alliance: the same full name and code.
            RuleExample(["vault/alliances/示例二/alliance.txt": "↓alliance name=\"示例产业技术创新战略联盟\" note=\"无代码\"\n"]),
        ],
        nonTriggering: [
            RuleExample(ExampleProject.reviewedPeriod),
            RuleExample(["vault/alliances/示例二/alliance.txt": "alliance code=111 batch=1 name=\"示例二产业技术创新战略联盟\"\n"]),
        ])

    public static func check(_ vault: Vault) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for periodID in vault.periodIDs {
            found += panel(vault.periods[periodID]!)
            found += references(vault.periods[periodID]!)
        }
        found += twins(vault)
        return found
    }

    /// The panel's ids in NFC, each once; look-alike ids; one name or handle under two ids.
    static func panel(_ period: Period) -> [Diagnostic] {
        let file = period.file
        var found: [Diagnostic] = []
        var byID: [String: Expert] = [:]
        var bySkeleton: [[UInt8]: Expert] = [:]
        var byName: [String: Expert] = [:]
        var byHandle: [String: Expert] = [:]
        func at(_ expert: Expert, _ field: String) -> Int { file.offset(of: field, in: expert.record) }
        func place(_ expert: Expert) -> String { "\(file.path):\(expert.record.number)" }
        for expert in period.experts {
            if !Identity.isNFC(expert.id) {
                found.append(file.site(expert.record).diagnostic(description, at: at(expert, "id"),
                    expertNotNFC(["id": .text(expert.id), "codePoints": .text(Identity.codePoints(expert.id))]),
                    hint: writeExpertNFC(["nfc": .text(Identity.codePoints(Identity.nfc(expert.id)))])))
            }
            if let first = byID[expert.id] {
                found.append(file.site(expert.record).diagnostic(description, at: at(expert, "id"),
                    listedTwice(["id": .text(expert.id), "period": .text(period.id), "place": .text(place(first)), "name": .text(first.name)]),
                    hint: mergePanelLines(["id": .text(expert.id)])))
                continue
            }
            byID[expert.id] = expert
            let skeleton = Array(Identity.skeleton(expert.id).utf8)
            if let first = bySkeleton[skeleton] {
                found.append(file.site(expert.record).diagnostic(description, at: at(expert, "id"),
                    expertLooksLike(["id": .text(expert.id), "other": .text(first.id), "place": .text(place(first))]),
                    hint: distinctIDs()))
            } else {
                bySkeleton[skeleton] = expert
            }
            if !expert.name.isEmpty {
                let key = Identity.nfc(expert.name)
                if let first = byName[key] {
                    found.append(file.site(expert.record).diagnostic(description, at: Int(expert.record.start),
                        sameName(["first": .text(first.id), "place": .text(place(first)), "id": .text(expert.id), "name": .text(expert.name)]),
                        hint: sameNameHint()))
                } else {
                    byName[key] = expert
                }
            }
            if let handle = expert.handle, !handle.isEmpty {
                let key = ReviewEligibility.handleKey(handle)
                if let first = byHandle[key], Identity.nfc(first.name) != Identity.nfc(expert.name) {
                    found.append(file.site(expert.record).diagnostic(description, at: at(expert, "handle"),
                        sameHandle(["first": .text(first.id), "place": .text(place(first)), "id": .text(expert.id), "handle": .text(handle)]),
                        hint: sameHandleHint()))
                } else if byHandle[key] == nil {
                    byHandle[key] = expert
                }
            }
        }
        return found
    }

    /// Alliance references not written in NFC: they resolve (ids are compared in NFC),
    /// but a reader searching for the id's bytes does not find them.
    static func references(_ period: Period) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func report(_ file: BoundFile, _ record: Record, _ field: String, _ reference: String) {
            found.append(file.site(record).diagnostic(description, at: file.offset(of: field, in: record),
                referenceNotNFC(["reference": .text(reference), "codePoints": .text(Identity.codePoints(reference))]),
                hint: writeReferenceNFC(["nfc": .text(Identity.codePoints(Identity.nfc(reference)))])))
        }
        for expert in period.experts {
            for reference in expert.alliances where !Identity.isNFC(reference) { report(period.file, expert.record, "alliances", reference) }
        }
        for expertID in period.reviews.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let file = period.reviews[expertID]!
            for record in file.records(of: "review") {
                if let reference = file.text(record, "alliance"), !Identity.isNFC(reference) { report(file, record, "alliance", reference) }
            }
        }
        return found
    }

    /// Two directories holding one alliance: the same full name, and the same code or none.
    static func twins(_ vault: Vault) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let twins = ReviewEligibility.twins(vault)
        for alliance in vault.orderedAlliances {
            guard let others = twins[alliance.id], let file = alliance.metadata,
                  let record = file.records(of: "alliance").first else { continue }
            // Reported on each but the first in byte order, naming the first.
            let earlier = others.filter { $0.utf8.lexicographicallyPrecedes(alliance.id.utf8) }
            guard let first = earlier.min(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) else { continue }
            let name = MessageArgument.text(alliance.name ?? "")
            found.append(file.site(record).diagnostic(description, at: Int(record.start),
                alliance.code.map { twinsWithCode(["id": .text(alliance.id), "first": .text(first), "name": name, "code": .text($0)]) }
                    ?? twinsByName(["id": .text(alliance.id), "first": .text(first), "name": name]),
                hint: mergeTwins(["id": .text(alliance.id), "first": .text(first)])))
        }
        return found
    }

    static let expertNotNFC = MessageTemplate(
        "identity.expert-nfc", en: "expert id \"{id}\" is not in Unicode normal form NFC ({codePoints})",
        zh: "专家编号“{id}”不是 Unicode NFC 规范形式（{codePoints}）")
    static let writeExpertNFC = MessageTemplate(
        "identity.expert-nfc.hint", en: "write it in NFC ({nfc}), as its review file is named", zh: "请按 NFC 书写（{nfc}），与其评审文件的文件名一致")
    static let listedTwice = MessageTemplate(
        "identity.expert-twice", en: "expert id {id} is listed twice on the panel of period {period}: here and at {place} ({name})",
        zh: "专家编号 {id} 在评价期 {period} 的专家名单中出现了两次：这里和 {place}（{name}）")
    static let mergePanelLines = MessageTemplate(
        "identity.expert-twice.hint", en: "one panel line per expert: merge the two lines; the conflicts of both apply to every review by {id}",
        zh: "每位专家在名单中只占一行：请把两行合并；两行所列的利益冲突都适用于 {id} 的每一条评审")
    static let expertLooksLike = MessageTemplate(
        "identity.expert-look-alike",
        en: "expert id \"{id}\" looks like \"{other}\" ({place}): they differ only by compatibility characters or look-alike punctuation",
        zh: "专家编号“{id}”看起来像“{other}”（{place}）：两者只差兼容字符或形近标点")
    static let distinctIDs = MessageTemplate(
        "identity.expert-look-alike.hint", en: "give each expert an id a reader can tell apart", zh: "请给每位专家一个一眼就能分辨的编号")
    static let sameName = MessageTemplate(
        "identity.same-name", en: "experts {first} ({place}) and {id} have the same name {name}: one person under two ids",
        zh: "专家 {first}（{place}）和 {id} 同名（{name}）：同一个人用了两个编号")
    static let sameNameHint = MessageTemplate(
        "identity.same-name.hint",
        en: "list each person once; if they are two people, tell them apart in name= (e.g. add the affiliation). Until then the conflicts of each apply to the reviews of both",
        zh: "每人只列一次；如果确是两个人，请在 name= 中加以区分（例如加上工作单位）。在此之前，两人的利益冲突同时适用于两人的评审")
    static let sameHandle = MessageTemplate(
        "identity.same-handle", en: "experts {first} ({place}) and {id} have the same handle {handle}: one person under two ids",
        zh: "专家 {first}（{place}）和 {id} 的账号相同（{handle}）：同一个人用了两个编号")
    static let sameHandleHint = MessageTemplate(
        "identity.same-handle.hint", en: "list each person once; the conflicts of each apply to the reviews of both",
        zh: "每人只列一次；两人的利益冲突同时适用于两人的评审")
    static let referenceNotNFC = MessageTemplate(
        "identity.reference-nfc", en: "alliance reference \"{reference}\" is not in Unicode normal form NFC ({codePoints})",
        zh: "联盟引用“{reference}”不是 Unicode NFC 规范形式（{codePoints}）")
    static let writeReferenceNFC = MessageTemplate(
        "identity.reference-nfc.hint", en: "write it as the directory is named, in NFC ({nfc})", zh: "请按目录名的 NFC 写法书写（{nfc}）")
    static let twinsByName = MessageTemplate(
        "identity.twins", en: "vault/alliances/{id} and vault/alliances/{first} are one alliance: the same name \"{name}\"",
        zh: "vault/alliances/{id} 和 vault/alliances/{first} 是同一个联盟：名称同为“{name}”")
    static let twinsWithCode = MessageTemplate(
        "identity.twins-code", en: "vault/alliances/{id} and vault/alliances/{first} are one alliance: the same name \"{name}\" and code {code}",
        zh: "vault/alliances/{id} 和 vault/alliances/{first} 是同一个联盟：名称同为“{name}”，编号同为 {code}")
    static let mergeTwins = MessageTemplate(
        "identity.twins.hint",
        en: "an alliance has one directory: merge vault/alliances/{id} into vault/alliances/{first}; reviews of either are checked against the conflicts of both",
        zh: "一个联盟只有一个目录：请把 vault/alliances/{id} 并入 vault/alliances/{first}；对其中任一目录的评审都按两者的利益冲突核查")

    public static let messages = [expertNotNFC, writeExpertNFC, listedTwice, mergePanelLines, expertLooksLike, distinctIDs,
                                  sameName, sameNameHint, sameHandle, sameHandleHint, referenceNotNFC, writeReferenceNFC,
                                  twinsByName, twinsWithCode, mergeTwins] + Identity.messages
}
