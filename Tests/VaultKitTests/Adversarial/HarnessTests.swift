import Foundation
import Testing
@testable import VaultKit

/// The adversarial harness itself: what it reports must be true, or every test
/// built on it proves nothing.
@Suite struct HarnessTests {
    @Test func aChangeOutsideTheProjectIsSeen() throws {
        let project = try HostileProject()
        try Data("changed\n".utf8).write(to: URL(fileURLWithPath: project.outside + "/secret.txt"))
        let now = try HostileProject.snapshot(project.outside)
        #expect(now["secret.txt"]?.data == Data("changed\n".utf8))
        #expect(try HostileProject.snapshot(project.outside) != HostileProject.snapshot(project.root))
    }

    @Test func aCleanProjectLintsCleanAndTouchesNothingOutside() throws {
        let project = try HostileProject()
        let run = try project.run(["lint"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(!run.crashed && !run.timedOut)
        try project.expectOutsideUnchanged()
        try project.expectNoSecretCopied()
    }
}
