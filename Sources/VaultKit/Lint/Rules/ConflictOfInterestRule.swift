/// An expert reviewing an alliance they belong to, by any evidence the vault holds
/// (`ReviewEligibility`, which the scorer asks too), and a panel line whose
/// affiliation names an alliance its `alliances=` leaves out.
public enum ConflictOfInterestRule: VaultRule {
    public static let description = RuleDescription(
        id: "conflict-of-interest",
        summary: "an expert reviews an alliance they belong to",
        rationale: "panel members come from alliances, and the evaluation's rules forbid scoring one's own alliance; the review is left out of the score. Membership is read from every place the vault records it: the expert's alliances= and affiliation=, the alliance's maintainer handles, the other panel lines of the same person, and the alliance's twin directories",
        severity: .error,
        triggering: [
            RuleExample(ExampleProject.reviewed(["vault/reviews/2023/E1.txt": "review ↓alliance=示例 stage=initial\n"])),
            // Membership written only in the affiliation.
            RuleExample(ExampleProject.reviewed([
                "vault/periods/2023.txt": """
                    period start=2023-01-01 end=2023-12-31 schema=test roster=2 threshold=3
                    expert id=E1 name=甲 group=A ↓affiliation=示例产业技术创新战略联盟秘书长
                    expert id=E2 name=乙 group=A
                    expert id=E3 name=丙 group=B

                    """,
            ])),
            // The expert maintains the alliance's files.
            RuleExample(ExampleProject.reviewed([
                "vault/periods/2023.txt": """
                    period start=2023-01-01 end=2023-12-31 schema=test roster=2 threshold=3
                    expert id=E1 name=甲 group=A handle=@jia
                    expert id=E2 name=乙 group=A
                    expert id=E3 name=丙 group=B

                    """,
                "vault/alliances/示例/alliance.txt": "alliance code=110 batch=1 name=\"示例产业技术创新战略联盟\" short=示例\nmaintainer handle=@jia\n",
                "vault/reviews/2023/E1.txt": "review ↓alliance=示例 stage=initial\n",
            ])),
        ],
        nonTriggering: [
            RuleExample(ExampleProject.reviewedPeriod),
        ])

    public static func check(_ vault: Vault) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for periodID in vault.periodIDs {
            let period = vault.periods[periodID]!
            guard !period.experts.isEmpty else { continue }
            let eligibility = ReviewEligibility(period, in: vault)
            found += omittedAffiliations(period, eligibility)
            for expertID in period.reviews.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                let file = period.reviews[expertID]!
                // An owed line (`vault review assign` never writes one) is checked too: filled in, it would not count.
                for record in Array(file.records(of: "review")) + Array(file.records(of: "owed")) {
                    guard let alliance = file.text(record, "alliance") else { continue }
                    let conflicts = eligibility.exclusions(expert: expertID, alliance: alliance).filter { $0.kind == .conflict }
                    guard !conflicts.isEmpty else { continue }
                    let name = period.experts.first { $0.id == expertID }.map { " (\($0.name))" } ?? ""
                    // Evidence from one panel line is said once with its place.
                    var evidence: [String] = []
                    var index = 0
                    while index < conflicts.count {
                        var end = index + 1
                        while end < conflicts.count, conflicts[end].panelLine == conflicts[index].panelLine { end += 1 }
                        let words = conflicts[index..<end].map(\.evidence).joined(separator: " and ")
                        evidence.append("\(words) (\(period.file.path):\(conflicts[index].panelLine ?? 1))")
                        index = end
                    }
                    found.append(file.site(record).diagnostic(description, at: file.offset(of: "alliance", in: record),
                        "expert \(expertID)\(name) reviews \(alliance), an alliance they belong to: \(evidence.joined(separator: "; "))",
                        hint: "give this review to an expert of another group and delete this line; it is not counted"))
                }
            }
        }
        return found
    }

    /// A panel line whose affiliation names an alliance that its `alliances=` does not
    /// list: the vault holds the membership, the panel line hides it.
    static func omittedAffiliations(_ period: Period, _ eligibility: ReviewEligibility) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (index, expert) in period.experts.enumerated() {
            for (alliance, name) in eligibility.affiliated[index] where !expert.alliances.contains(alliance) {
                let at = period.file.offset(of: "affiliation", in: expert.record)
                found.append(period.file.site(expert.record).diagnostic(description, at: at,
                    "expert \(expert.id) (\(expert.name)) has affiliation \"\(expert.affiliation ?? "")\", which names alliance \(alliance) (\"\(name)\"), but alliances= does not list it; reviews of \(alliance) by \(expert.id) are not counted",
                    hint: "add \(alliance) to alliances= of this line (alliances=\((expert.alliances + [alliance]).joined(separator: ",")))"))
            }
        }
        return found
    }
}
