import Foundation

/// The small project every rule example is written against: one schema, one
/// period, one alliance with one record. An example adds or replaces files.
public enum ExampleProject {
    public static let base: [String: String] = [
        "schemas/test.txt": """
            schema title="示例指标" total=100
            band id=high min=85 label=活跃度高
            band id=low min=0 label=不活跃
            group id=1 title=组织运行 max=10
            group id=2 title=协同创新 max=90
            indicator id=1.1 group=1 title=理事会会议 max=10 from=meeting[type=council] rubric=count tiers=1:6,2:10
            kind id=meeting title=会议
            field kind=meeting id=type type=enum(council,secretariat) required=yes
            field kind=meeting id=title type=text required=yes
            field kind=meeting id=attendees type=int
            field kind=meeting id=funding type=money

            """,
        "vault/periods/2023.txt": """
            period start=2023-01-01 end=2023-12-31 schema=test roster=2

            """,
        "vault/alliances/示例/alliance.txt": """
            alliance code=110 batch=1 name="示例产业技术创新战略联盟" short=示例

            """,
        "vault/alliances/示例/2023.txt": """
            participation status=evaluated group=A
            2023-03-01 meeting type=council title="第一次理事会"

            """,
    ]

    /// A period with a panel of three experts (E1 belongs to 示例) and a threshold of 3
    /// points, and reviews of 示例 at the initial and cross stages that agree.
    public static let reviewedPeriod: [String: String] = [
        "vault/periods/2023.txt": """
            period start=2023-01-01 end=2023-12-31 schema=test roster=2 threshold=3
            expert id=E1 name=甲 group=A alliances=示例
            expert id=E2 name=乙 group=A
            expert id=E3 name=丙 group=B

            """,
        "vault/reviews/2023/E2.txt": "review alliance=示例 stage=initial\n",
        "vault/reviews/2023/E3.txt": "review alliance=示例 stage=cross\n",
    ]

    /// `reviewedPeriod` with some files replaced.
    public static func reviewed(_ files: [String: String]) -> [String: String] {
        reviewedPeriod.merging(files) { _, new in new }
    }

    /// The base project with an example's files laid over it, markers removed.
    public static func files(for example: RuleExample) -> [String: String] {
        var files = base
        for path in example.removing { files[path] = nil }
        for (path, content) in example.files {
            files[path] = content.replacingOccurrences(of: RuleExample.marker, with: "")
        }
        return files
    }

    /// Where the example's marker is: path, 1-based line, 1-based character column.
    public static func markedLocation(in example: RuleExample) -> SourceLocation? {
        for (path, content) in example.files.sorted(by: { $0.key < $1.key }) {
            var line = 1
            var column = 1
            for character in content.unicodeScalars {
                if String(character) == RuleExample.marker {
                    return SourceLocation(path: path, line: line, column: column)
                }
                if character == "\n" { line += 1; column = 1 } else { column += 1 }
            }
        }
        return nil
    }
}
