import Foundation
import Testing
@testable import VaultKit

/// Paths of the package, found from this file so tests run from any directory.
enum Package {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}

/// Lints an in-memory project.
func lint(_ files: [String: String], suppressions: Bool = true) -> Linter.Result {
    Linter.lint(MemoryFileSystem(files: files), options: Linter.Options(suppressions: suppressions))
}

/// Lints the base example project with `path` replaced by `content`.
func lintExample(_ path: String, _ content: String) -> Linter.Result {
    var files = ExampleProject.base
    files[path] = content
    return lint(files)
}

/// The base example project over `years` (one period file each, schema `test`) with
/// an award for `consecutive` periods in band high, and no records yet.
func awardProject(consecutive: Int, years: [String]) -> [String: String] {
    var files = ExampleProject.base
    files["schemas/test.txt"]! += "award id=a-level label=A级 band=high consecutive=\(consecutive)\n"
    files["vault/periods/2023.txt"] = nil
    files["vault/alliances/示例/2023.txt"] = nil
    for year in years {
        files["vault/periods/\(year).txt"] = "period start=\(year)-01-01 end=\(year)-12-31 schema=test\n"
    }
    return files
}

/// A scratch directory removed when the test ends.
final class TemporaryDirectory {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vault-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    func write(_ relative: String, _ content: String) throws {
        try write(relative, Data(content.utf8))
    }

    func write(_ relative: String, _ data: Data) throws {
        let url = URL(fileURLWithPath: path).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Writes the base example project.
    func writeExampleProject() throws {
        for (relative, content) in ExampleProject.base { try write(relative, content) }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

extension Diagnostic {
    /// A finding with words of the test's own (`Message.verbatim`), for reporters'
    /// tests: what `vault` says always comes from the catalogue.
    init(ruleID: String, severity: Severity, location: VaultKit.SourceLocation,
         message: String, hint: String? = nil, lineText: String? = nil, lineTextColumn: Int = 1) {
        self.init(ruleID: ruleID, severity: severity, location: location, message: Message.verbatim(message),
                  hint: hint.map(Message.verbatim), lineText: lineText, lineTextColumn: lineTextColumn)
    }
}
