/// A schema with errors. Records of periods that use it are not checked against
/// it (only for syntax), so one mistake in a schema does not flood the output.
public enum SchemaRule: Rule {
    public static let description = RuleDescription(
        id: "schema",
        summary: "a schema file has an error",
        rationale: "records are checked against their period's schema; a broken schema is reported plainly and first, instead of as thousands of follow-on errors in records",
        severity: .error,
        triggering: [
            RuleExample("schemas/test.txt", """
                schema title="示例指标" total=10
                band id=high min=85 label=活跃度高
                group id=1 title=组织运行 max=10
                indicator id=1.1 group=1 title=理事会会议 max=10
                kind id=meeting title=会议
                field kind=meeting id=type ↓type=enumeration(council) required=yes

                """),
            RuleExample("schemas/test.txt", """
                schema title="示例指标" total=10
                band id=high min=85 label=活跃度高
                group id=1 title=组织运行 max=10
                indicator id=1.1 ↓group=2 title=理事会会议 max=10
                kind id=meeting
                field kind=meeting id=type type=enum(council,secretariat) required=yes
                field kind=meeting id=title type=text required=yes

                """),
            RuleExample("schemas/test.txt", """
                schema title="示例指标" total=10
                band id=high min=85 label=活跃度高
                group id=1 title=组织运行 ↓max=12
                indicator id=1.1 group=1 title=理事会会议 max=10
                kind id=meeting
                field kind=meeting id=type type=enum(council,secretariat) required=yes
                field kind=meeting id=title type=text required=yes

                """),
        ],
        nonTriggering: [
            RuleExample([:]),
        ])
}
