/// Files and directories the tool cannot or must not read: unreadable files,
/// dangling links, links leading outside the project (refused, never followed).
public enum IORule: Rule {
    public static let description = RuleDescription(
        id: "io",
        summary: "a file cannot be read, or a link leads outside the project",
        rationale: "the vault is checked from its own files only; a link outside the project could make lint read, or a writer change, files nobody reviews",
        summaryZH: "文件无法读取，或链接指向项目之外",
        rationaleZH: "vault 只依据项目自身的文件检查；指向项目之外的链接可能让 lint 读到、或让写入程序改动无人审阅的文件",
        severity: .error,
        triggering: [],
        nonTriggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=A\n"),
        ])

    // Said by `Discovery` and `Loader`; the reason is the file system's (`FileSystemError`).
    static let cannotRead = MessageTemplate("io.read", en: "cannot read \"{path}\": {reason}", zh: "无法读取“{path}”：{reason}")
    static let cannotList = MessageTemplate("io.directory", en: "cannot read directory \"{path}\": {reason}", zh: "无法读取目录“{path}”：{reason}")
    static let projectHolds = MessageTemplate("io.directory.hint", en: "a project holds {expecting} here", zh: "项目的这个位置应放{expecting}")
    static let refused = MessageTemplate("io.entry", en: "\"{path}\": {reason}", zh: "“{path}”：{reason}")
    static let periodFiles = MessageTemplate("io.expecting.periods", en: "period files", zh: "评价期文件")
    static let allianceDirectories = MessageTemplate("io.expecting.alliances", en: "alliance directories", zh: "联盟目录")
    static let allianceFiles = MessageTemplate("io.expecting.alliance-files", en: "alliance.txt and PERIOD.txt files", zh: "alliance.txt 和 PERIOD.txt 文件")
    static let reviewDirectories = MessageTemplate("io.expecting.review-periods", en: "period directories of review files", zh: "存放评审文件的评价期目录")
    static let resultTables = MessageTemplate("io.expecting.results", en: "result tables (PERIOD.tsv)", zh: "结果表（PERIOD.tsv）")
    static let reviewFiles = MessageTemplate("io.expecting.reviews", en: "review files (EXPERT.txt)", zh: "评审文件（EXPERT.txt）")
    static let schemaFiles = MessageTemplate("io.expecting.schemas", en: "schema files (ID.txt)", zh: "指标体系文件（ID.txt）")
    static let vaultDirectories = MessageTemplate(
        "io.expecting.vault", en: "periods/, alliances/, reviews/ and results/", zh: "periods/、alliances/、reviews/ 和 results/")

    public static let messages = [
        cannotRead, cannotList, projectHolds, refused, periodFiles,
        allianceDirectories, allianceFiles, reviewDirectories, resultTables, reviewFiles, schemaFiles, vaultDirectories,
    ]
}
