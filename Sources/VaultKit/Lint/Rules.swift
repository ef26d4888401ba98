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
    static let fileRules: [any FileRule.Type] = all.compactMap { $0 as? any FileRule.Type }
    /// Rules that need the scores.
    static let scoredRules: [any ScoredRule.Type] = all.compactMap { $0 as? any ScoredRule.Type }
    /// Rules that check the vault as a whole.
    static let vaultRules: [any VaultRule.Type] = all.compactMap { $0 as? any VaultRule.Type }

    public static var ids: Set<String> { Set(all.map { $0.description.id }) }

    public static func description(of id: String) -> RuleDescription? {
        all.first { $0.description.id == id }?.description
    }
}
