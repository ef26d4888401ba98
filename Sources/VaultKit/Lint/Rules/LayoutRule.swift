/// Files and directories where the layout has no place for them.
public enum LayoutRule: Rule {
    public static let description = RuleDescription(
        id: "layout",
        summary: "a file or directory breaks the vault's layout",
        rationale: "a file in the wrong place is never read, so its data would silently not count; the layout is in docs/format.md",
        summaryZH: "文件或目录不符合 vault 的目录结构",
        rationaleZH: "放错位置的文件永远不会被读取，其中的数据会悄无声息地不计分；目录结构见 docs/format.md",
        severity: .error,
        triggering: [
            RuleExample("vault/notes.txt", "↓随手记\n"),
            RuleExample("vault/alliances/示例/2023年.txt", "↓2023-03-01 meeting type=council title=A\n"),
            RuleExample(["vault/alliances/示例/2023.txt/x.txt": "\n"], removing: ["vault/alliances/示例/2023.txt"],
                        expectedAt: "vault/alliances/示例/2023.txt:1:1"),
            RuleExample(["vault/alliances/README.txt": "↓\n"]),
        ],
        nonTriggering: [
            RuleExample("vault/alliances/示例/README.md", "# 说明\n"),
            RuleExample("vault/alliances/示例/.2023.txt.swp", "x"),
        ])

    // Said by `Discovery`.
    static let directoryForFile = MessageTemplate("layout.directory", en: "directory \"{path}\" where a file belongs", zh: "此处应是文件，却是目录“{path}”")
    static let onlySchemaFiles = MessageTemplate("layout.directory.hint-schemas", en: "only schema files (NAME.txt) belong in {directory}/", zh: "{directory}/ 中只能放指标体系文件（NAME.txt）")
    static let onlyRecordFiles = MessageTemplate("layout.directory.hint-records", en: "only record files (NAME.txt) belong in {directory}/", zh: "{directory}/ 中只能放记录文件（NAME.txt）")
    static let unexpectedFile = MessageTemplate("layout.file", en: "unexpected file \"{path}\"", zh: "多余的文件“{path}”")
    static let textFilesOnly = MessageTemplate("layout.file.hint", en: "files in {directory}/ are NAME.txt; move other files out of the vault", zh: "{directory}/ 中的文件都是 NAME.txt；其他文件请移出 vault")
    static let notAPeriod = MessageTemplate("layout.period-name", en: "\"{name}\" is not named after a period (YYYY.txt or YYYY-YYYY.txt)", zh: "“{name}”不是按评价期命名的（YYYY.txt 或 YYYY-YYYY.txt）")
    static let nameRecordFiles = MessageTemplate("layout.period-name.hint-records", en: "name an alliance's record files after their period, e.g. 2017.txt", zh: "联盟的记录文件请按评价期命名，例如 2017.txt")
    static let namePeriodFiles = MessageTemplate("layout.period-name.hint", en: "name period files YYYY.txt or YYYY-YYYY.txt", zh: "评价期文件请命名为 YYYY.txt 或 YYYY-YYYY.txt")
    static let unexpectedDirectory = MessageTemplate("layout.vault-directory", en: "unexpected directory \"{path}\"", zh: "多余的目录“{path}”")
    static let vaultHolds = MessageTemplate("layout.vault-entry.hint", en: "vault/ holds only periods/, alliances/, reviews/ and results/", zh: "vault/ 下只能有 periods/、alliances/、reviews/ 和 results/")
    static let unexpectedResult = MessageTemplate("layout.results", en: "unexpected \"{path}\"", zh: "多余的“{path}”")
    static let resultsHold = MessageTemplate("layout.results.hint", en: "vault/results/ holds only PERIOD.tsv tables written by `vault score --write`", zh: "vault/results/ 中只能放 `vault score --write` 写出的 PERIOD.tsv 结果表")
    static let fileForAlliance = MessageTemplate("layout.alliance", en: "file \"{path}\" where an alliance directory belongs", zh: "此处应是联盟目录，却是文件“{path}”")
    static let allianceIsDirectory = MessageTemplate("layout.alliance.hint", en: "each alliance is a directory: vault/alliances/ID/alliance.txt and ID/PERIOD.txt", zh: "每个联盟是一个目录：vault/alliances/ID/alliance.txt 和 ID/PERIOD.txt")
    static let notReviewPeriod = MessageTemplate("layout.reviews", en: "\"{path}\" is not a period directory of reviews", zh: "“{path}”不是存放评审的评价期目录")
    static let reviewsGo = MessageTemplate("layout.reviews.hint", en: "reviews go in vault/reviews/PERIOD/EXPERT.txt", zh: "评审文件放在 vault/reviews/PERIOD/EXPERT.txt")

    public static let messages = [
        directoryForFile, onlySchemaFiles, onlyRecordFiles, unexpectedFile, textFilesOnly,
        notAPeriod, nameRecordFiles, namePeriodFiles, unexpectedDirectory, vaultHolds,
        unexpectedResult, resultsHold, fileForAlliance, allianceIsDirectory, notReviewPeriod,
        reviewsGo,
    ]
}
