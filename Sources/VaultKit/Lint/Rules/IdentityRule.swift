/// One identity per name, and one name per identity: ids not in Unicode NFC,
/// two names that are one in NFC or that a reader cannot tell apart (NFKC,
/// look-alike punctuation), one panel id listed twice, one person under two
/// ids, and two alliance directories that are one alliance.
public enum IdentityRule: VaultRule {
    public static let description = RuleDescription(
        id: "identity",
        summary: "two names are one identity, or one identity has two names",
        rationale: "ids are compared in Unicode NFC, so two spellings of one name would silently become one entry and one of them would vanish or take the other's place; names that differ only by compatibility characters or look-alike punctuation cannot be told apart by a reviewer; and a panel member or an alliance entered twice escapes the conflict-of-interest check. docs/format.md states the rule",
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
                    "expert id \"\(expert.id)\" is not in Unicode normal form NFC (\(Identity.codePoints(expert.id)))",
                    hint: "write it in NFC (\(Identity.codePoints(Identity.nfc(expert.id)))), as its review file is named"))
            }
            if let first = byID[expert.id] {
                found.append(file.site(expert.record).diagnostic(description, at: at(expert, "id"),
                    "expert id \(expert.id) is listed twice on the panel of period \(period.id): here and at \(place(first)) (\(first.name))",
                    hint: "one panel line per expert: merge the two lines; the conflicts of both apply to every review by \(expert.id)"))
                continue
            }
            byID[expert.id] = expert
            let skeleton = Array(Identity.skeleton(expert.id).utf8)
            if let first = bySkeleton[skeleton] {
                found.append(file.site(expert.record).diagnostic(description, at: at(expert, "id"),
                    "expert id \"\(expert.id)\" looks like \"\(first.id)\" (\(place(first))): they differ only by compatibility characters or look-alike punctuation",
                    hint: "give each expert an id a reader can tell apart"))
            } else {
                bySkeleton[skeleton] = expert
            }
            if !expert.name.isEmpty {
                let key = Identity.nfc(expert.name)
                if let first = byName[key] {
                    found.append(file.site(expert.record).diagnostic(description, at: Int(expert.record.start),
                        "experts \(first.id) (\(place(first))) and \(expert.id) have the same name \(expert.name): one person under two ids",
                        hint: "list each person once; if they are two people, tell them apart in name= (e.g. add the affiliation). Until then the conflicts of each apply to the reviews of both"))
                } else {
                    byName[key] = expert
                }
            }
            if let handle = expert.handle, !handle.isEmpty {
                let key = ReviewEligibility.handleKey(handle)
                if let first = byHandle[key], Identity.nfc(first.name) != Identity.nfc(expert.name) {
                    found.append(file.site(expert.record).diagnostic(description, at: at(expert, "handle"),
                        "experts \(first.id) (\(place(first))) and \(expert.id) have the same handle \(handle): one person under two ids",
                        hint: "list each person once; the conflicts of each apply to the reviews of both"))
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
                "alliance reference \"\(reference)\" is not in Unicode normal form NFC (\(Identity.codePoints(reference)))",
                hint: "write it as the directory is named, in NFC (\(Identity.codePoints(Identity.nfc(reference))))"))
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
            found.append(file.site(record).diagnostic(description, at: Int(record.start),
                "vault/alliances/\(alliance.id) and vault/alliances/\(first) are one alliance: the same name \"\(alliance.name ?? "")\"\(alliance.code.map { " and code \($0)" } ?? "")",
                hint: "an alliance has one directory: merge vault/alliances/\(alliance.id) into vault/alliances/\(first); reviews of either are checked against the conflicts of both"))
        }
        return found
    }
}
