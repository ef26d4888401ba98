import Foundation
import Testing
@testable import VaultKit

/// Lines built to make per-line work quadratic: megabytes of fields, 100,000 bad
/// fields on one line, megabyte keys and dates. Each must lint in seconds, report
/// at most `Linter.findingsPerLine` findings on the line and one summary of the rest,
/// print a bounded excerpt, and still check the rest of the vault.
@Suite struct LinearTests {
    /// A generous bound for a debug build on a shared machine; the quadratic paths
    /// took minutes (100,000 findings on one 1 MB line: two minutes).
    static let bound: TimeInterval = 20

    /// `count` fields `k0=…` to `kN=…`, each value `width` bytes.
    static func fields(_ count: Int, width: Int = 1, key: String = "k") -> String {
        let value = String(repeating: "v", count: width)
        return (0..<count).map { "\(key)\($0)=\(value)" }.joined(separator: " ")
    }

    /// Runs `arguments` and returns the run with its elapsed time.
    static func timed(_ project: HostileProject, _ arguments: [String]) throws -> (Run, TimeInterval) {
        let start = Date()
        let run = try project.run(arguments, timeout: 120)
        return (run, Date().timeIntervalSince(start))
    }

    /// The findings of the text report on `path` line `line`.
    static func findings(_ out: String, _ path: String, line: Int) -> [Substring] {
        out.split(separator: "\n").filter { $0.hasPrefix("\(path):\(line):") }
    }

    static let records = "vault/alliances/示例/2023.txt"
    /// A finding planted on another line, to show the rest of the vault is still checked.
    static let elsewhere = "2023-04-01 meeting type=council title=B attendes=40\n"

    @Test func aTenMegabyteLineOfOneHundredThousandFieldsLintsInSeconds() throws {
        let project = try HostileProject()
        let line = "2023-03-01 meeting type=council title=t " + Self.fields(100_000, width: 94)
        #expect(line.utf8.count > 10_000_000)
        try project.write(Self.records, "participation status=evaluated group=A\n" + line + "\n" + Self.elsewhere)
        let (run, elapsed) = try Self.timed(project, ["lint"])
        #expect(elapsed < Self.bound, "lint took \(elapsed) s")
        #expect(run.status == 1, "\(run.stderr)")
        let onLine = Self.findings(run.stdout, Self.records, line: 2)
        #expect(onLine.count == Linter.findingsPerLine + 1)
        #expect(onLine.first?.contains("unknown field \"k0\" for record kind \"meeting\"") == true)
        #expect(onLine.last?.contains("99980 more problems on this line not shown [unknown-field]") == true)
        // The excerpt is a window around the caret, not the 10 MB line once per finding.
        #expect(run.stdout.utf8.count < 100_000)
        #expect(run.stdout.contains("| …"))
        #expect(run.stdout.contains("\(Self.records):3:41: error: unknown field \"attendes\""))
        #expect(run.stdout.contains("22 errors, 0 warnings; 4 files checked"))
        try project.expectOutsideUnchanged()
    }

    @Test func oneHundredThousandUnknownFieldsOnAMegabyteLineLintInSeconds() throws {
        let project = try HostileProject()
        let line = "2023-03-01 meeting type=council title=t " + Self.fields(100_000)
        #expect(line.utf8.count < 1_000_000)
        try project.write(Self.records, "participation status=evaluated group=A\n" + line + "\n" + Self.elsewhere)
        for format in ["text", "json"] {
            let (run, elapsed) = try Self.timed(project, ["lint", "--format", format])
            #expect(elapsed < Self.bound, "lint --format \(format) took \(elapsed) s")
            #expect(run.status == 1)
            #expect(run.stdout.utf8.count < 100_000, "\(format) output of \(run.stdout.utf8.count) bytes")
            #expect(run.stdout.contains("99980 more problems on this line not shown"))
            #expect(run.stdout.contains("attendes"))
        }
        try project.expectOutsideUnchanged()
    }

    @Test func aRepeatedKeyAfterOneHundredThousandFieldsIsFoundInSeconds() throws {
        let project = try HostileProject()
        // Every key distinct until the last, which repeats the first: a scan of the
        // earlier fields for each key was quadratic in the line.
        let line = "2023-03-01 meeting type=council title=t " + Self.fields(100_000, key: "attendees") + " attendees0=2"
        try project.write(Self.records, "participation status=evaluated group=A\n" + line + "\n" + Self.elsewhere)
        let (run, elapsed) = try Self.timed(project, ["lint"])
        #expect(elapsed < Self.bound, "lint took \(elapsed) s")
        #expect(run.status == 1)
        let onLine = Self.findings(run.stdout, Self.records, line: 2)
        #expect(onLine.count == 1)
        #expect(onLine.first?.contains("field \"attendees0\" appears twice on this line [syntax]") == true)
        #expect(onLine.first?.hasPrefix("\(Self.records):2:\(line.unicodeScalars.count - 11):") == true)
        #expect(run.stdout.contains("attendes"))
        try project.expectOutsideUnchanged()
    }

    @Test func megabyteKeysAndDatesAreQuotedInPart() throws {
        let project = try HostileProject()
        let huge = String(repeating: "k", count: 2_000_000)
        try project.write(Self.records, """
            participation status=evaluated group=A
            2023-03-01 meeting type=council title=t \(huge)=v
            2\(String(repeating: "0", count: 2_000_000)) meeting type=council title=t
            2023-03-01 meeting type=council title=t \(huge)=v \(huge)=w
            2023-03-01 meeting title=t type=\(huge)
            \(Self.elsewhere)
            """)
        let (run, elapsed) = try Self.timed(project, ["lint"])
        #expect(elapsed < Self.bound, "lint took \(elapsed) s")
        #expect(run.status == 1)
        #expect(run.stdout.utf8.count < 20_000, "\(run.stdout.utf8.count) bytes of findings")
        let sixty = String(repeating: "k", count: 60) + "…"
        #expect(run.stdout.contains("unknown field \"\(sixty)\" for record kind \"meeting\""))
        #expect(run.stdout.contains("\"2\(String(repeating: "0", count: 59))…\" is not a date"))
        #expect(run.stdout.contains("field \"\(sixty)\" appears twice on this line"))
        #expect(run.stdout.contains("type=\"\(sixty)\" is not one of council, secretariat"))
        #expect(run.stdout.contains("\(Self.records):6:41: error: unknown field \"attendes\""))
        try project.expectOutsideUnchanged()
    }

    @Test func aHugeSchemaLineIsCappedAndTheCoreFilesStillChecked() throws {
        let project = try HostileProject()
        let schema = ExampleProject.base["schemas/test.txt"]! + "kind id=extra title=X " + Self.fields(100_000, width: 90) + "\n"
        try project.write("schemas/test.txt", schema)
        try project.write("vault/alliances/示例/alliance.txt", "alliance code=110 batch=1 name=示例 short=示例 nmae=x\n")
        let (run, elapsed) = try Self.timed(project, ["lint"])
        #expect(elapsed < Self.bound, "lint took \(elapsed) s")
        #expect(run.status == 1)
        let hugeLine = ExampleProject.base["schemas/test.txt"]!.split(separator: "\n", omittingEmptySubsequences: false).count
        let onLine = Self.findings(run.stdout, "schemas/test.txt", line: hugeLine)
        #expect(onLine.count == Linter.findingsPerLine + 1)
        #expect(onLine.last?.contains("99980 more problems on this line not shown") == true)
        #expect(run.stdout.contains("vault/alliances/示例/alliance.txt:1:"))
        #expect(run.stdout.contains("unknown field \"nmae\""))
        #expect(run.stdout.utf8.count < 100_000)
        try project.expectOutsideUnchanged()
    }

    @Test func aHugeReviewLineAndAHugePeriodLineAreCapped() throws {
        let project = try HostileProject()
        try project.write("vault/periods/2023.txt", ExampleProject.reviewedPeriod["vault/periods/2023.txt"]!
                          + "expert id=E9 name=丁 group=B " + Self.fields(100_000) + "\n")
        try project.write("vault/reviews/2023/E2.txt", "review alliance=示例 stage=initial " + Self.fields(100_000, key: "9.") + "\n")
        try project.write("vault/reviews/2023/E3.txt", ExampleProject.reviewedPeriod["vault/reviews/2023/E3.txt"]!)
        try project.append(Self.records, Self.elsewhere)
        for command in [["lint"], ["score", "2023"]] {
            let (run, elapsed) = try Self.timed(project, command)
            #expect(elapsed < Self.bound, "\(command) took \(elapsed) s")
            #expect(!run.crashed && !run.timedOut)
            if command == ["lint"] {
                #expect(run.status == 1)
                let period = Self.findings(run.stdout, "vault/periods/2023.txt", line: 5)
                #expect(period.count == Linter.findingsPerLine + 1)
                #expect(period.last?.contains("99980 more problems on this line not shown [unknown-field]") == true)
                let review = Self.findings(run.stdout, "vault/reviews/2023/E2.txt", line: 1)
                #expect(review.count == Linter.findingsPerLine + 1)
                #expect(review.first?.contains("unknown indicator \"9.0\" in a review") == true)
                #expect(review.last?.contains("99980 more problems on this line not shown [\(IndicatorScoreRule.description.id)]") == true)
                #expect(run.stdout.contains("\(Self.records):3:41: error: unknown field \"attendes\""))
                #expect(run.stdout.utf8.count < 100_000)
            }
        }
        try project.expectOutsideUnchanged()
    }

    /// The excerpt of a finding far along a long line is a window that starts with
    /// `…`, and the caret stands under the finding's first character.
    @Test func theCaretStandsUnderTheFindingInAWindowOfALongLine() {
        let line = "2023-03-01 meeting type=council title=\"" + String(repeating: "题", count: 5_000) + "\" attendes=40"
        let files = ExampleProject.base.merging([Self.records: "participation status=evaluated group=A\n" + line + "\n"]) { $1 }
        let result = Linter.lint(MemoryFileSystem(files: files))
        let finding = try! #require(result.diagnostics.first { $0.ruleID == "unknown-field" })
        #expect(finding.location.column == line.unicodeScalars.count - 10)
        let text = DiagnosticTextReporter(color: false).render(finding)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let source = String(lines[1].dropFirst("2 | ".count))
        let caret = lines[2].dropFirst("  | ".count)
        #expect(source.hasPrefix("…"))
        #expect(source.utf8.count <= UTF8Columns.excerptLimit + 8)
        let pad = caret.count - 1
        // Display cells before the caret: wide characters take two.
        var cells = 0
        var index = source.unicodeScalars.startIndex
        while cells < pad { cells += UTF8Columns.cells(source.unicodeScalars[index].value); index = source.unicodeScalars.index(after: index) }
        #expect(cells == pad)
        #expect(source.unicodeScalars[index...].starts(with: "attendes=40".unicodeScalars))
    }

    /// The cap counts findings of every rule on a line, and a line under it is untouched.
    @Test func theCapFoldsFindingsOfAnyRuleIntoOneSummary() {
        let site = DiagnosticSite(text: SourceText(path: "f.txt", text: String(repeating: "x ", count: 40)), line: 1, lineStart: 0)
        let many = (0..<30).map { site.diagnostic($0 % 2 == 0 ? TextConventionRule.description : SyntaxRule.description, at: $0 * 2, Message.verbatim("finding \($0)")) }
        let capped = Linter.capped(many.sorted(by: Diagnostic.ordered))
        #expect(capped.count == Linter.findingsPerLine + 1)
        #expect(capped.last?.message.text(.en) == "10 more problems on this line not shown")
        #expect(capped.last?.hidden == 10)
        #expect(capped.last?.severity == .error)
        #expect(capped.last?.location.column == 41)
        let few = Array(many.prefix(5))
        #expect(Linter.capped(few) == few)
    }
}
