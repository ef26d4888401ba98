import Foundation
import Testing

/// Compares output with a committed golden file. `VAULT_RECORD_GOLDEN=1 swift test`
/// rewrites the files instead, and the recording run fails, so a golden file is
/// never changed by a run that passes.
func expectGolden(_ name: String, _ actual: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let path = Package.path("Tests/VaultKitTests/Golden/\(name)")
    if ProcessInfo.processInfo.environment["VAULT_RECORD_GOLDEN"] != nil {
        try? actual.write(toFile: path, atomically: true, encoding: .utf8)
        Issue.record("recorded \(name); run again without VAULT_RECORD_GOLDEN", sourceLocation: sourceLocation)
        return
    }
    guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
        Issue.record("no golden file \(name); record it with VAULT_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "output differs from Golden/\(name)", sourceLocation: sourceLocation)
}
