/// A review of an alliance the vault does not have, a review file of an expert
/// who is not on the period's panel, or a panel member belonging to an unknown alliance.
public enum UnknownReferenceRule: VaultRule {
    public static let description = RuleDescription(
        id: "unknown-reference",
        summary: "a review or panel entry names an alliance or expert the vault does not have",
        rationale: "a review that cannot be traced to an alliance and a panel member cannot be counted, and a conflict of interest cannot be checked",
        severity: .error,
        triggering: [
            RuleExample(ExampleProject.reviewed(["vault/reviews/2023/E3.txt": "review alliance=示例 stage=cross\nreview ↓alliance=示列 stage=cross\n"])),
            RuleExample(ExampleProject.reviewed(["vault/reviews/2023/E9.txt": "↓review alliance=示例 stage=cross\n"])),
        ],
        nonTriggering: [
            RuleExample(ExampleProject.reviewedPeriod),
        ])

    public static func check(_ vault: Vault) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let alliances = vault.allianceIDs
        // Made on the first unknown reference only.
        var skeletons: [String: String]? = nil
        for periodID in vault.periodIDs {
            let period = vault.periods[periodID]!
            for expert in period.experts {
                for alliance in expert.alliances where vault.alliances[alliance] == nil {
                    found.append(period.file.site(expert.record).diagnostic(description,
                        at: period.file.offset(of: "alliances", in: expert.record),
                        "expert \(expert.id) belongs to unknown alliance \"\(alliance)\"\(lookAlikeNote(alliance, &skeletons, vault)); the reviews by \(expert.id) are not counted until it names an alliance of the vault",
                        hint: hint(alliance, alliances)))
                }
            }
            guard !period.reviews.isEmpty else { continue }
            let eligibility = ReviewEligibility(period, in: vault)
            for expertID in period.reviews.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                let file = period.reviews[expertID]!
                // Whether the expert's reviews count is the scorer's decision too.
                if !eligibility.isOnPanel(expertID), let first = file.records.first {
                    let known = period.experts.map(\.id).sorted()
                    found.append(file.site(first).diagnostic(description, at: Int(first.start),
                        "\(file.path) holds reviews of expert \"\(expertID)\", who is not on the panel of period \(periodID); they are not counted",
                        hint: Suggest.closest(to: expertID, in: known).map { "did you mean \($0).txt?" }
                            ?? "add an expert line to vault/periods/\(periodID).txt"))
                }
                for record in file.records {
                    guard let alliance = file.text(record, "alliance") else { continue }
                    let unresolved = eligibility.exclusions(expert: expertID, alliance: alliance).filter { $0.kind == .unresolvedMembership }
                    if let first = unresolved.first {
                        found.append(file.site(record).diagnostic(description, at: file.offset(of: "alliance", in: record),
                            "review of \(alliance) by \(expertID) is not counted: \(first.evidence) (\(period.file.path):\(first.panelLine ?? 1))",
                            hint: "correct alliances= of \(expertID) in \(period.file.path) to the alliances' directory names"))
                    }
                    guard vault.alliances[alliance] == nil else { continue }
                    found.append(file.site(record).diagnostic(description, at: file.offset(of: "alliance", in: record),
                        "review of unknown alliance \"\(alliance)\"\(lookAlikeNote(alliance, &skeletons, vault)); it is not counted",
                        hint: hint(alliance, alliances)))
                }
            }
        }
        return found
    }

    static func lookAlikeNote(_ reference: String, _ skeletons: inout [String: String]?, _ vault: Vault) -> String {
        if skeletons == nil { skeletons = Self.skeletons(vault) }
        return lookAlike(reference, in: skeletons!).map {
            " (it looks like alliance \"\($0)\" but differs by compatibility characters or look-alike punctuation: \(Identity.codePoints(reference)))"
        } ?? ""
    }

    static func hint(_ alliance: String, _ known: [String]) -> String {
        Suggest.closest(to: alliance, in: known).map { "did you mean \"\($0)\"?" }
            ?? "alliance ids are the directory names in vault/alliances/"
    }

    /// The alliance `reference` looks like, when it differs from one only by
    /// compatibility characters or look-alike punctuation (a reference is compared in NFC).
    static func lookAlike(_ reference: String, in skeletons: [String: String]) -> String? {
        let skeleton = Identity.skeleton(reference)
        guard skeleton != reference || !Identity.isNFC(reference) else { return nil }
        return skeletons[skeleton]
    }

    /// Alliance ids by skeleton, the first in byte order for each.
    static func skeletons(_ vault: Vault) -> [String: String] {
        var out: [String: String] = [:]
        for id in vault.allianceIDs where out[Identity.skeleton(id)] == nil { out[Identity.skeleton(id)] = id }
        return out
    }
}
