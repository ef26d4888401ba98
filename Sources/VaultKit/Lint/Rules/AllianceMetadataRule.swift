/// An alliance directory without usable metadata: no `alliance.txt`, no
/// `alliance` record in it, or a batch that disagrees with the code.
public enum AllianceMetadataRule: VaultRule {
    public static let description = RuleDescription(
        id: "alliance-metadata",
        summary: "an alliance's metadata is missing or contradicts itself",
        rationale: "statistics per batch and the checks on published codes need each alliance's code and batch; the batch is the code's first digit (D for later joiners)",
        summaryZH: "联盟的基本信息缺失或自相矛盾",
        rationaleZH: "按批次的统计和对公布编号的核对都要用到每个联盟的编号和批次；批次就是编号的首位数字（后续加入的联盟为 D）",
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
                found.append(description.fileDiagnostic(path, noFile(["id": .text(id)]), hint: createFile(["path": .text(path)])))
                continue
            }
            guard let record = file.records(of: "alliance").first else {
                if !file.writes(kind: "alliance") {
                    found.append(description.fileDiagnostic(path, noRecord(["path": .text(path)]), hint: addRecord()))
                }
                continue
            }
            if let code = alliance.code, let batch = alliance.batch, let implied = AllianceCode.batch(of: code), implied != batch {
                found.append(file.site(record).diagnostic(description, at: file.offset(of: "batch", in: record),
                    disagrees(["batch": .text(batch), "code": .text(code), "implied": .text(implied)]),
                    hint: writeBatch(["implied": .text(implied)])))
            }
        }
        return found
    }

    static let noFile = MessageTemplate(
        "alliance-metadata.file", en: "alliance \"{id}\" has no alliance.txt", zh: "联盟“{id}”没有 alliance.txt")
    static let createFile = MessageTemplate(
        "alliance-metadata.file.hint", en: "create {path} with: alliance code=… batch=… name=\"…\"",
        zh: "请新建 {path}，写上：alliance code=… batch=… name=\"…\"")
    static let noRecord = MessageTemplate(
        "alliance-metadata.record", en: "{path} has no \"alliance\" record", zh: "{path} 中没有 alliance 记录")
    static let addRecord = MessageTemplate(
        "alliance-metadata.record.hint", en: "add a line: alliance code=… batch=… name=\"…\"", zh: "请加上一行：alliance code=… batch=… name=\"…\"")
    static let disagrees = MessageTemplate(
        "alliance-metadata.batch", en: "batch={batch} disagrees with code {code}, which means batch {implied}",
        zh: "batch={batch} 与编号 {code} 不符：该编号对应的批次是 {implied}")
    static let writeBatch = MessageTemplate(
        "alliance-metadata.batch.hint", en: "write batch={implied}, or correct the code", zh: "请写 batch={implied}，或更正编号")

    public static let messages = [noFile, createFile, noRecord, addRecord, disagrees, writeBatch]
}
