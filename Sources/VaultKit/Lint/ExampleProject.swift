import Foundation

/// The small project every rule example is written against: one schema, one
/// period, one alliance with one record. An example adds or replaces files.
public enum ExampleProject {
    public static let base: [String: String] = [
        "schemas/test.txt": """
            schema title="示例指标" total=10
            band id=high min=85 label=活跃度高
            band id=low min=0 label=不活跃
            group id=1 title=组织运行 max=10
            indicator id=1.1 group=1 title=理事会会议 max=10
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
            2023-03-01 meeting type=council title="第一次理事会"

            """,
    ]

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
