import Foundation
import Testing
@testable import VaultKit

/// Every crash the fuzzers found (`Tests/Fuzz/crashes/`, `scripts/fuzz.sh`), kept as
/// the behaviour a user would have seen.
@Suite struct FuzzRegressionTests {
    /// pipeline-crash-493d76f4…: a schema whose last line ends in a CR without its LF.
    /// `vault fmt` turned it into a CRLF line, and the next `vault fmt` into an LF line:
    /// a file CI had just been told was canonical changed again.
    @Test func aLastLineEndingInACarriageReturnIsFormattedOnce() throws {
        for (path, content) in [
            ("schemas/test.txt", ExampleProject.base["schemas/test.txt"]! + "# (3 firs\r"),
            ("vault/alliances/示例/2023.txt", "participation status=evaluated group=A\n2023-03-01 meeting type=council title=A\r"),
        ] {
            let project = try HostileProject()
            try project.write(path, content)
            let first = try project.run(["fmt"])
            #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
            #expect(first.stdout.contains("formatted \(path)"))
            let once = try project.read(path)
            #expect(!once.contains(0x0D), "\(path) still holds a CR")
            let check = try project.run(["fmt", "--check"])
            #expect(check.status == 0, "fmt --check after fmt: \(check.stdout)")
            #expect(try project.read(path) == once)
            let lint = try project.run(["lint"])
            #expect(lint.status == 0, "\(lint.stdout)")
            try project.expectOutsideUnchanged()
        }
    }

    /// The crash file itself: its schema piece (before the first NUL byte) formats to a
    /// fixed point.
    @Test func theCrashFilesSchemaFormatsToAFixedPoint() throws {
        let crash = try Data(contentsOf: URL(fileURLWithPath: Package.path("Tests/Fuzz/crashes/pipeline-crash-493d76f48eb12b198e594c0a57a81ef850c907de")))
        let schema = Array(crash.split(separator: 0, omittingEmptySubsequences: false)[0])
        guard case .changed(let once) = Formatter.format(schema, path: "schemas/test.txt", table: MetaSchema.table, sort: false) else {
            Issue.record("the crash's schema was expected to need formatting")
            return
        }
        #expect(Formatter.format(once, path: "schemas/test.txt", table: MetaSchema.table, sort: false) == .unchanged)
    }
}
