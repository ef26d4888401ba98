import Foundation
import Testing
import VaultKit

/// `vault lsp` started as a process and spoken to over pipes, as an editor does.
@Suite struct LSPServerTests {
    static let recordPath = "vault/alliances/示例/2023.txt"
    /// A record whose enum value is misspelt after CJK text and a character outside
    /// the Basic Multilingual Plane, so UTF-8, UTF-16 and vault's columns all differ there.
    static let mistaken = """
        participation status=evaluated group=A
        2023-03-01 meeting title="第一次理事会𝄞" type=councel

        """
    static let fixed = mistaken.replacingOccurrences(of: "councel", with: "council")

    func project() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        try dir.writeExampleProject()
        return dir
    }

    func uri(_ dir: TemporaryDirectory, _ path: String = recordPath) -> String {
        URL(fileURLWithPath: dir.path + "/" + path).absoluteString
    }

    func open(_ client: LSPClient, _ uri: String, _ text: String, version: Int = 1) {
        client.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "vault", "version": version, "text": text]])
    }

    /// The protocol position of vault's 1-based line and scalar column in `text`, counted here by Swift's views.
    static func position(line: Int, column: Int, in text: String, utf8: Bool) -> (Int, Int) {
        let lineText = text.split(separator: "\n", omittingEmptySubsequences: false)[line - 1]
        let prefix = String(String.UnicodeScalarView(lineText.unicodeScalars.prefix(column - 1)))
        return (line - 1, utf8 ? prefix.utf8.count : prefix.utf16.count)
    }

    @Test(arguments: [false, true])
    func initializeNegotiatesTheEncodingAndAdvertisesOnlyWhatWorks(utf8: Bool) throws {
        let dir = try project()
        let client = try LSPClient(directory: dir.path)
        let answer = client.initialize(root: dir.path, encodings: utf8 ? ["utf-16", "utf-8"] : ["utf-16"])
        let capabilities = (answer?["result"] as? [String: Any])?["capabilities"] as? [String: Any]
        #expect(capabilities?["positionEncoding"] as? String == (utf8 ? "utf-8" : "utf-16"))
        #expect(Set(capabilities?.keys.map { $0 } ?? []) == ["positionEncoding", "textDocumentSync", "documentFormattingProvider", "completionProvider", "hoverProvider"])
        client.request("shutdown")
        client.notify("exit")
        #expect(client.waitForExit() == 0)
    }

    @Test func withoutEncodingsOfferedTheServerCountsUTF16() throws {
        let dir = try project()
        let client = try LSPClient(directory: dir.path)
        let answer = client.initialize(root: dir.path)
        #expect(((answer?["result"] as? [String: Any])?["capabilities"] as? [String: Any])?["positionEncoding"] as? String == "utf-16")
    }

    /// The findings of an unsaved buffer are those `vault lint --format json` gives for
    /// the same text on disk: rule, severity, message, hint, place.
    @Test(arguments: [false, true])
    func diagnosticsOfAnUnsavedBufferAreThoseOfLint(utf8: Bool) throws {
        let dir = try project()
        try dir.write(Self.recordPath, Self.mistaken)
        let lint = try Run(["lint", "--format", "json"], in: dir.path)
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(lint.stdout.utf8)) as? [String: Any])["diagnostics"] as? [[String: Any]]
        let forFile = try #require(expected).filter { $0["path"] as? String == Self.recordPath }
        #expect(!forFile.isEmpty)
        // The disk goes back to the clean file: only the buffer holds the mistake.
        try dir.write(Self.recordPath, ExampleProject.base[Self.recordPath]!)

        let client = try LSPClient(directory: dir.path)
        _ = client.initialize(root: dir.path, encodings: utf8 ? ["utf-8"] : nil)
        open(client, uri(dir), Self.mistaken)
        let published = try #require(client.diagnostics(for: uri(dir)))
        #expect(published.count == forFile.count)
        for (got, want) in zip(published, forFile) {
            #expect(got["code"] as? String == want["rule"] as? String)
            let severity = ["error": 1, "warning": 2, "info": 3][want["severity"] as! String]
            #expect(got["severity"] as? Int == severity)
            let hint = (want["hint"] as? String).map { "\nhint: " + $0 } ?? ""
            #expect(got["message"] as? String == (want["message"] as! String) + hint)
            let start = (got["range"] as? [String: Any])?["start"] as? [String: Int]
            let (line, character) = Self.position(line: want["line"] as! Int, column: want["column"] as! Int, in: Self.mistaken, utf8: utf8)
            #expect(start?["line"] == line && start?["character"] == character)
        }
        client.notify("textDocument/didChange", ["textDocument": ["uri": uri(dir), "version": 2], "contentChanges": [["text": Self.fixed]]])
        #expect(client.diagnostics(for: uri(dir))?.isEmpty == true)
    }

    /// An incremental change whose range is counted in the negotiated encoding lands on
    /// the right bytes of a line holding CJK text and a character outside the BMP.
    @Test(arguments: [false, true])
    func incrementalChangeOnACJKLine(utf8: Bool) throws {
        let dir = try project()
        let client = try LSPClient(directory: dir.path)
        _ = client.initialize(root: dir.path, encodings: utf8 ? ["utf-8"] : ["utf-16"])
        open(client, uri(dir), Self.mistaken)
        let before = try #require(client.diagnostics(for: uri(dir)))
        #expect(before.map { $0["code"] as? String } == ["bad-value"])
        // Replace "councel" by "council": the range is counted as the client counts.
        let line = Self.mistaken.split(separator: "\n")[1]
        let head = String(line[..<line.range(of: "councel")!.lowerBound])
        let start = utf8 ? head.utf8.count : head.utf16.count
        let change: [String: Any] = ["range": ["start": ["line": 1, "character": start], "end": ["line": 1, "character": start + 7]], "text": "council"]
        client.notify("textDocument/didChange", ["textDocument": ["uri": uri(dir), "version": 2], "contentChanges": [change]])
        #expect(client.diagnostics(for: uri(dir))?.isEmpty == true)
        // And the server holds exactly the fixed text: formatting it gives what vault fmt writes for it.
        let id = client.request("textDocument/formatting", ["textDocument": ["uri": uri(dir)], "options": ["tabSize": 4, "insertSpaces": true]])
        let edits = try #require(client.response(to: id)?["result"] as? [[String: Any]])
        let formatted = try project()
        try formatted.write(Self.recordPath, Self.fixed)
        _ = try Run(["fmt"], in: formatted.path)
        let canonical = try String(contentsOfFile: formatted.path + "/" + Self.recordPath, encoding: .utf8)
        #expect(canonical != Self.fixed)
        #expect(edits.first?["newText"] as? String == canonical)
    }

    /// An unsaved edit to the schema re-checks the open record file against it: the
    /// record file's findings are published though the record file did not change.
    @Test func anEditToTheSchemaRechecksTheOpenRecordFiles() throws {
        let dir = try project()
        let client = try LSPClient(directory: dir.path)
        _ = client.initialize(root: dir.path)
        open(client, uri(dir), Self.fixed)
        #expect(client.diagnostics(for: uri(dir))?.isEmpty == true)
        let schema = ExampleProject.base["schemas/test.txt"]!
        open(client, uri(dir, "schemas/test.txt"), schema)
        #expect(client.diagnostics(for: uri(dir, "schemas/test.txt"))?.isEmpty == true)
        // "council" is no longer a value of meeting's type.
        let narrowed = schema.replacingOccurrences(of: "enum(council,secretariat)", with: "enum(secretariat)")
            .replacingOccurrences(of: "meeting[type=council]", with: "meeting[type=secretariat]")
        client.notify("textDocument/didChange", ["textDocument": ["uri": uri(dir, "schemas/test.txt"), "version": 2], "contentChanges": [["text": narrowed]]])
        let published = try #require(client.diagnostics(for: uri(dir)))
        #expect(published.contains { $0["code"] as? String == "bad-value" })
        // Closing the schema puts the file on disk back: the record file is clean again.
        client.notify("textDocument/didClose", ["textDocument": ["uri": uri(dir, "schemas/test.txt")]])
        #expect(client.diagnostics(for: uri(dir))?.isEmpty == true)
    }

    @Test func malformedInputIsAnsweredAndTheServerGoesOn() throws {
        let dir = try project()
        let client = try LSPClient(directory: dir.path)
        _ = client.initialize(root: dir.path)
        // Not JSON: a parse error with a null id.
        client.sendRaw(Array("Content-Length: 9\r\n\r\n{\"jsonrpc".utf8))
        let parse = client.receive()
        #expect((parse?["error"] as? [String: Any])?["code"] as? Int == -32700)
        #expect(parse?["id"] is NSNull)
        // A Content-Length that understates the body: the cut body is a parse error, the rest is skipped.
        let body = #"{"jsonrpc":"2.0","id":50,"method":"shutdown"}"#
        client.sendRaw(Array("Content-Length: 10\r\n\r\n\(body)".utf8))
        #expect((client.receive()?["error"] as? [String: Any])?["code"] as? Int == -32700)
        // JSON nested 100,000 deep: refused by the decoder's depth limit, not a stack overflow.
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        client.sendRaw(Array("Content-Length: \(deep.utf8.count)\r\n\r\n\(deep)".utf8))
        #expect((client.receive()?["error"] as? [String: Any])?["code"] as? Int == -32700)
        // A header without a Content-Length is skipped (and logged).
        client.sendRaw(Array("Content-Type: x\r\n\r\n".utf8))
        // An unknown method: MethodNotFound, and the server still answers.
        let unknown = client.request("textDocument/teleport", [:])
        #expect(((client.response(to: unknown)?["error"]) as? [String: Any])?["code"] as? Int == -32601)
        let id = client.request("shutdown")
        #expect(client.response(to: id)?.keys.contains("result") == true)
        client.notify("exit")
        #expect(client.waitForExit() == 0)
    }

    @Test func requestsBeforeInitializeAreRefusedAndExitWithoutShutdownIsOne() throws {
        let dir = try project()
        let client = try LSPClient(directory: dir.path)
        let id = client.request("textDocument/formatting", ["textDocument": ["uri": uri(dir)]])
        #expect(((client.response(to: id)?["error"]) as? [String: Any])?["code"] as? Int == -32002)
        client.notify("exit")
        #expect(client.waitForExit() == 1)
    }

    @Test func aDocumentOutsideTheProjectGetsNoDiagnosticsAndRequestsSaySo() throws {
        let dir = try project()
        let other = try TemporaryDirectory()
        let client = try LSPClient(directory: dir.path)
        _ = client.initialize(root: dir.path)
        let outside = URL(fileURLWithPath: other.path + "/notes.txt").absoluteString
        open(client, outside, Self.mistaken)
        let id = client.request("textDocument/formatting", ["textDocument": ["uri": outside]])
        let answer = try #require(client.receive())
        // The answer comes first: nothing was published for the outside document.
        #expect(answer["id"] as? Int == id)
        let error = answer["error"] as? [String: Any]
        #expect(error?["code"] as? Int == -32803)
        #expect((error?["message"] as? String)?.contains("outside the vault project") == true)
    }

    @Test func formattingGivesTheTextVaultFmtWrites() throws {
        let dir = try project()
        let messy = "participation   status=evaluated group=A\n2023-03-01 meeting type=council title=\"第一次理事会\"\n"
        try dir.write(Self.recordPath, messy)
        _ = try Run(["fmt"], in: dir.path)
        let canonical = try String(contentsOfFile: dir.path + "/" + Self.recordPath, encoding: .utf8)
        #expect(canonical != messy)
        let client = try LSPClient(directory: dir.path)
        _ = client.initialize(root: dir.path)
        open(client, uri(dir), messy)
        let id = client.request("textDocument/formatting", ["textDocument": ["uri": uri(dir)], "options": ["tabSize": 4, "insertSpaces": true]])
        let edits = try #require(client.response(to: id)?["result"] as? [[String: Any]])
        #expect(edits.count == 1)
        #expect(edits.first?["newText"] as? String == canonical)
        let end = (edits.first?["range"] as? [String: Any])?["end"] as? [String: Int]
        #expect(end == ["line": 2, "character": 0])
    }

    @Test func messagesFollowInitializationOptionsLang() throws {
        let dir = try project()
        try dir.write(Self.recordPath, Self.mistaken)
        let lint = try Run(["--lang", "zh", "lint", "--format", "json"], in: dir.path)
        let expected = try #require((try JSONSerialization.jsonObject(with: Data(lint.stdout.utf8)) as? [String: Any])?["diagnostics"] as? [[String: Any]])
        let client = try LSPClient(directory: dir.path, environment: ["VAULT_LANG": "en"])
        _ = client.initialize(root: dir.path, options: ["lang": "zh"])
        open(client, uri(dir), Self.mistaken)
        let published = try #require(client.diagnostics(for: uri(dir)))
        let message = (published.first?["message"] as? String)?.split(separator: "\n").first.map(String.init)
        #expect(message == expected.first { $0["path"] as? String == Self.recordPath }?["message"] as? String)
    }

    /// Completion at the end of `line` (the second line of the document, after a participation line).
    func complete(_ client: LSPClient, _ dir: TemporaryDirectory, _ line: String, utf8: Bool = false) throws -> [[String: Any]] {
        let text = "participation status=evaluated group=A\n" + line + "\n"
        client.notify("textDocument/didChange", ["textDocument": ["uri": uri(dir), "version": 9], "contentChanges": [["text": text]]])
        let character = utf8 ? line.utf8.count : line.utf16.count
        let id = client.request("textDocument/completion", ["textDocument": ["uri": uri(dir)], "position": ["line": 1, "character": character]])
        return try #require(client.response(to: id)?["result"] as? [[String: Any]])
    }

    func labels(_ items: [[String: Any]]) -> [String] { items.compactMap { $0["label"] as? String } }

    func editStart(_ item: [String: Any]?) -> Int? {
        (((item?["textEdit"] as? [String: Any])?["range"] as? [String: Any])?["start"] as? [String: Int])?["character"]
    }

    @Test(arguments: [false, true])
    func completionOffersKindsFieldsAndEnumValues(utf8: Bool) throws {
        let dir = try project()
        let client = try LSPClient(directory: dir.path)
        _ = client.initialize(root: dir.path, encodings: utf8 ? ["utf-8"] : nil)
        open(client, uri(dir), Self.fixed)
        // The kinds of an alliance's period file, the typed part replaced.
        let kinds = try complete(client, dir, "2023-03-01 mee", utf8: utf8)
        #expect(labels(kinds).contains("meeting") && labels(kinds).contains("participation"))
        #expect(editStart(kinds.first) == 11)
        // The fields of the kind not yet on the line, after CJK text and a non-BMP character.
        let head = "2023-03-01 meeting title=\"第一次理事会𝄞\" "
        let fields = try complete(client, dir, head + "ty", utf8: utf8)
        #expect(Set(labels(fields)) == ["type", "attendees", "funding"])
        let typeItem = fields.first { $0["label"] as? String == "type" }
        #expect(editStart(typeItem) == (utf8 ? head.utf8.count : head.utf16.count))
        #expect((typeItem?["textEdit"] as? [String: Any])?["newText"] as? String == "type=")
        // An enum field's values.
        let values = try complete(client, dir, head + "type=co", utf8: utf8)
        #expect(labels(values) == ["council", "secretariat"])
        #expect(editStart(values.first) == (utf8 ? head.utf8.count : head.utf16.count) + 5)
        // Nothing inside a quoted value or a comment.
        #expect(try complete(client, dir, "2023-03-01 meeting title=\"第一", utf8: utf8).isEmpty)
        #expect(try complete(client, dir, "# a note mee", utf8: utf8).isEmpty)
    }

    @Test(arguments: [false, true])
    func hoverShowsTheSchemaDefinitionOfAKindOrAField(utf8: Bool) throws {
        let dir = try project()
        let client = try LSPClient(directory: dir.path)
        _ = client.initialize(root: dir.path, encodings: utf8 ? ["utf-8"] : nil)
        open(client, uri(dir), Self.fixed)
        func answer(_ character: Int) -> [String: Any]? {
            let id = client.request("textDocument/hover", ["textDocument": ["uri": uri(dir)], "position": ["line": 1, "character": character]])
            return client.response(to: id)
        }
        func hover(_ character: Int) -> [String: Any]? { answer(character)?["result"] as? [String: Any] }
        let kind = (hover(13)?["contents"] as? [String: Any])?["value"] as? String
        #expect(kind == """
            kind id=meeting title=会议
            field kind=meeting id=type type=enum(council,secretariat) required=yes
            field kind=meeting id=title type=text required=yes
            field kind=meeting id=attendees type=int
            field kind=meeting id=funding type=money
            """)
        // The key "type" after the CJK title and the non-BMP character, in the client's units.
        let line = Self.fixed.split(separator: "\n")[1]
        let head = String(line[..<line.range(of: "type=")!.lowerBound])
        let at = utf8 ? head.utf8.count : head.utf16.count
        let field = hover(at + 2)
        #expect((field?["contents"] as? [String: Any])?["value"] as? String == "field kind=meeting id=type type=enum(council,secretariat) required=yes")
        let range = field?["range"] as? [String: [String: Int]]
        #expect(range?["start"]?["character"] == at && range?["end"]?["character"] == at + 4)
        // A value and the date show nothing.
        #expect(answer(at + 6)?["result"] is NSNull)
        #expect(answer(3)?["result"] is NSNull)
    }

    @Test func aRequestCancelledBeforeItRunsIsAnsweredCancelled() throws {
        let dir = try project()
        let client = try LSPClient(directory: dir.path)
        _ = client.initialize(root: dir.path)
        open(client, uri(dir), Self.fixed)
        let request = LSPClient.framed(["id": 77, "method": "textDocument/formatting", "params": ["textDocument": ["uri": uri(dir)]]])
        let cancel = LSPClient.framed(["method": "$/cancelRequest", "params": ["id": 77]])
        client.sendRaw(request + cancel)
        #expect(((client.response(to: 77)?["error"]) as? [String: Any])?["code"] as? Int == -32800)
        // A document that is not open: the answer says so.
        let id = client.request("textDocument/formatting", ["textDocument": ["uri": uri(dir, "vault/periods/2023.txt")]])
        let error = client.response(to: id)?["error"] as? [String: Any]
        #expect(error?["code"] as? Int == -32803)
        #expect((error?["message"] as? String)?.contains("is not open") == true)
    }

    /// A long session of edits: the server's resident memory levels off. The document
    /// holds 500 records (some 40 KB), so a check whose model were kept would show;
    /// edits come ten to a write, as a fast typist's do, and the last of each is checked.
    @Test func memoryStaysBoundedOverAThousandEdits() throws {
        let records = (1...500).map { "2023-03-01 meeting type=secretariat title=\"秘书处会议\($0)\"\n" }.joined()
        let fixed = Self.fixed + records, mistaken = Self.mistaken + records
        let dir = try project()
        let client = try LSPClient(directory: dir.path)
        _ = client.initialize(root: dir.path)
        open(client, uri(dir), fixed)
        #expect(client.diagnostics(for: uri(dir))?.isEmpty == true)
        var baseline = 0
        for burst in 1...100 {
            var bytes: [UInt8] = []
            for edit in 1...10 {
                let params: [String: Any] = ["textDocument": ["uri": uri(dir), "version": burst * 10 + edit],
                                             "contentChanges": [["text": edit % 2 == 0 ? fixed : mistaken]]]
                bytes += LSPClient.framed(["method": "textDocument/didChange", "params": params])
            }
            client.sendRaw(bytes)
            let published = try #require(client.diagnostics(for: uri(dir), version: burst * 10 + 10))
            #expect(published.isEmpty)
            if burst == 20 { baseline = try #require(client.residentKiB()) }
        }
        let final = try #require(client.residentKiB())
        #expect(final - baseline < 4_096, "resident memory grew from \(baseline) KiB to \(final) KiB over 800 edits")
        let id = client.request("shutdown")
        _ = client.response(to: id)
        client.notify("exit")
        #expect(client.waitForExit() == 0)
    }
}
