/// The one registry of lint rules. Tests check that ids are unique kebab-case,
/// that every rule's examples behave, and that docs/rules.md matches.
public enum Rules {
    public static let all: [any Rule.Type] = [
        SyntaxRule.self,
        EncodingRule.self,
        TextConventionRule.self,
        IORule.self,
        InterruptedWriteRule.self,
        LayoutRule.self,
        SchemaRule.self,
        UnknownSchemaRule.self,
        UnknownPeriodRule.self,
        UnknownKindRule.self,
        UnknownFieldRule.self,
        MissingFieldRule.self,
        BadValueRule.self,
        DateOutsidePeriodRule.self,
        DuplicateRecordRule.self,
        AllianceMetadataRule.self,
        BadHandleRule.self,
        CodeCollisionRule.self,
        UnknownReferenceRule.self,
        IdentityRule.self,
        IndicatorScoreRule.self,
        ConflictOfInterestRule.self,
        ParticipationRule.self,
        MissingStageRule.self,
        MissingRecheckRule.self,
        StaleResultRule.self,
        BandMismatchRule.self,
        ScoreRangeRule.self,
        NegativeMeasureRule.self,
        CodeDriftRule.self,
        ListedTwiceRule.self,
        RepeatedRowRule.self,
        DesignationRule.self,
        AssertionRule.self,
        RosterSumRule.self,
        PanelTieRule.self,
        PanelOwnAllianceRule.self,
        BadSuppressionRule.self,
        UnusedSuppressionRule.self,
    ]

    /// Rules that check one file at a time (run in parallel).
    /// Each rule says which it is (`Rule.stage`): a cast (`as? any FileRule.Type`) makes
    /// the runtime scan every conformance of the binary, 117 scans costing more than
    /// linting 5,000 record lines.
    static let fileRules: [any FileRule.Type] = all.compactMap { if case .file(let rule) = $0.stage { rule } else { nil } }
    /// Rules that need the scores.
    static let scoredRules: [any ScoredRule.Type] = all.compactMap { if case .scored(let rule) = $0.stage { rule } else { nil } }
    /// Rules that check the vault as a whole.
    static let vaultRules: [any VaultRule.Type] = all.compactMap { if case .vault(let rule) = $0.stage { rule } else { nil } }

    public static var ids: Set<String> { Set(all.map { $0.description.id }) }

    public static func description(of id: String) -> RuleDescription? {
        all.first { $0.description.id == id }?.description
    }
}
