/// An alliance directory without usable metadata: no `alliance.txt`, no
/// `alliance` record in it, or a batch that disagrees with the code.
public enum AllianceMetadataRule: VaultRule {
    public static let description = RuleDescription(
        id: "alliance-metadata",
        summary: "an alliance's metadata is missing or contradicts itself",
        rationale: "statistics per batch and the checks on published codes need each alliance's code and batch; the batch is the code's first digit (D for later joiners)",
        severity: .error,
        triggering: [
            RuleExample("vault/alliances/示例/alliance.txt", "alliance code=110 ↓batch=2 name=示例\n"),
            RuleExample("vault/alliances/示例/alliance.txt", "↓alias name=示例联盟 source=report-2023\n"),
            RuleExample([:], removing: ["vault/alliances/示例/alliance.txt"], expectedAt: "vault/alliances/示例/alliance.txt:1:1"),
        ],
        nonTriggering: [
            RuleExample("vault/alliances/示例/alliance.txt", "alliance code=D106 batch=later name=示例\n"),
        ])

    public static func check(_ vault: Vault) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for alliance in vault.orderedAlliances {
            let id = alliance.id
            let path = "vault/alliances/\(id)/alliance.txt"
            guard let file = alliance.metadata else {
                found.append(description.fileDiagnostic(path, "alliance \"\(id)\" has no alliance.txt",
                    hint: "create \(path) with: alliance code=… batch=… name=\"…\""))
                continue
            }
            guard let record = file.records(of: "alliance").first else {
                if !file.writes(kind: "alliance") {
                    found.append(description.fileDiagnostic(path, "\(path) has no \"alliance\" record",
                        hint: "add a line: alliance code=… batch=… name=\"…\""))
                }
                continue
            }
            if let code = alliance.code, let batch = alliance.batch, let implied = AllianceCode.batch(of: code), implied != batch {
                found.append(file.site(record).diagnostic(description, at: file.offset(of: "batch", in: record),
                    "batch=\(batch) disagrees with code \(code), which means batch \(implied)",
                    hint: "write batch=\(implied), or correct the code"))
            }
        }
        return found
    }
}
