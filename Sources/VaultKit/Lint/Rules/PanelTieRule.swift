/// A panel member whom another source ties to an alliance the panel scored, while the
/// panel line's `alliances=` does not list it: a possible conflict of interest that the
/// panel list alone would hide.
public enum PanelTieRule: ScoredRule {
    public static let description = RuleDescription(
        id: "panel-tie",
        summary: "another source ties a panel member to an alliance the panel scored",
        rationale: "an expert must never score their own alliance, and the panel list is not the only source of who works where: a `tie` line records an affiliation another source prints (a bulletin naming the expert an alliance's secretary-general). When the panel scored that alliance and the panel line does not list it, the possible conflict is shown with both sources; it is not used to exclude reviews until a source confirms it for the period.",
        severity: .warning,
        triggering: [
            RuleExample("vault/periods/2023.txt", """
                period start=2023-01-01 end=2023-12-31 schema=test roster=2
                expert id=E1 name=甲 affiliation=协发网秘书长
                ↓tie expert=E1 alliance=示例 role=示例联盟秘书长 source=bulletin:news

                """),
        ],
        nonTriggering: [
            // The panel line already lists the alliance, and the reviews are in the vault:
            // conflict-of-interest covers them.
            RuleExample(ExampleProject.reviewed([
                "vault/periods/2023.txt": """
                    period start=2023-01-01 end=2023-12-31 schema=test roster=2 threshold=3
                    expert id=E1 name=甲 group=A alliances=示例
                    expert id=E2 name=乙 group=A
                    expert id=E3 name=丙 group=B
                    tie expert=E1 alliance=示例 role=示例联盟秘书长 source=bulletin:news

                    """,
            ])),
        ])

    public static func check(_ vault: Vault, _ results: [String: PeriodResult]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for periodID in vault.periodIDs {
            let period = vault.periods[periodID]!
            let file = period.file
            for tie in file.records(of: "tie") {
                guard let expertID = file.text(tie, "expert"), let allianceID = file.text(tie, "alliance") else { continue }
                let site = file.site(tie)
                guard let expert = period.experts.first(where: { $0.id == expertID }) else {
                    found.append(site.diagnostic(description, at: file.offset(of: "expert", in: tie),
                        "tie names expert \(expertID), who is not on the panel of period \(periodID)",
                        hint: "use the id of an `expert` line of \(file.path)"))
                    continue
                }
                guard vault.alliances[allianceID] != nil else {
                    let near = Suggest.closest(to: allianceID, in: vault.allianceIDs)
                    found.append(site.diagnostic(description, at: file.offset(of: "alliance", in: tie),
                        "tie names alliance \(allianceID), which the vault does not hold",
                        hint: near.map { "did you mean \($0)?" } ?? "use an alliance id (a directory of vault/alliances/)"))
                    continue
                }
                guard !expert.alliances.contains(allianceID),
                      let scored = results[periodID]?.alliance(allianceID), scored.status == .evaluated else { continue }
                let panelLine = file.records(of: "expert").first { file.text($0, "id") == expertID }.map { Int($0.number) } ?? 1
                let role = file.text(tie, "role").map { " (\($0))" } ?? ""
                var scoredAt = ""
                if let records = vault.alliances[allianceID]?.records[periodID] {
                    let line = records.records(of: "published").first { records.text($0, "status") == "evaluated" }
                    scoredAt = " (\(records.path)\(line.map { ":\($0.number)" } ?? ""))"
                }
                let printed = expert.affiliation.map { "affiliation \"\($0)\"" } ?? "no affiliation"
                found.append(site.diagnostic(description, at: Int(tie.start),
                    "\(file.text(tie, "source") ?? "a source") ties expert \(expertID) (\(expert.name)) to \(allianceID)\(role), and the panel scored \(allianceID) in \(periodID)\(scoredAt); the panel line (\(file.path):\(panelLine)) gives \(printed) and does not list \(allianceID) in alliances=",
                    hint: "if a source confirms the tie for this period, add \(allianceID) to the expert's alliances=; if it reflects the published record, acknowledge it: # vault-allow panel-tie: REASON"))
            }
        }
        return found
    }

}
