import VaultKit

extension Server {
    /// The vault as the editor has it: the project on disk with the open documents'
    /// unsaved text in place of their files.
    func overlay(_ project: Project) -> OverlayFileSystem {
        var buffers: [String: [UInt8]] = [:]
        for document in documents.values { if let path = document.path { buffers[path] = document.bytes } }
        return OverlayFileSystem(disk: project.disk, documents: buffers)
    }

    /// Checks the vault with the open documents in it, as `vault lint` would, and
    /// publishes each open document's findings: always for one that changed, for the
    /// others when their findings moved (an edit to one file can change another's).
    public func publishDiagnostics() {
        defer {
            stale = []
            recheck = false
        }
        guard let project, documents.values.contains(where: { $0.path != nil }) else { return }
        let result = Linter.lint(overlay(project))
        var byPath: [String: [Diagnostic]] = [:]
        for diagnostic in result.diagnostics { byPath[diagnostic.location.path, default: []].append(diagnostic) }
        for (uri, document) in documents.sorted(by: { $0.key < $1.key }) {
            guard let path = document.path else { continue }
            let items = JSON.array((byPath[path] ?? []).map { self.json($0, in: document.lines) })
            guard stale.contains(uri) || published[uri] != items else { continue }
            published[uri] = items
            var params: [String: JSON] = ["uri": .string(uri), "diagnostics": items]
            if let version = document.version { params["version"] = .int(version) }
            send(Outgoing.notification("textDocument/publishDiagnostics", .object(params)))
        }
    }

    /// A finding as the protocol's `Diagnostic`: the rule id as `code`, the message
    /// and its hint in the server's language, the range from the finding's place to
    /// the end of the word there, in the negotiated encoding.
    func json(_ diagnostic: Diagnostic, in lines: LineIndex) -> JSON {
        let start = lines.offset(line: diagnostic.location.line, column: diagnostic.location.column)
        let end = Self.wordEnd(from: start, in: lines, line: diagnostic.location.line - 1)
        let message = (diagnostic.hint.map { Self.withHint(["message": .message(diagnostic.message), "hint": .message($0)]) }
            ?? diagnostic.message).text(language)
        let severity: Int = switch diagnostic.severity {
        case .error: 1
        case .warning: 2
        case .info: 3
        }
        return [
            "range": ["start": lines.position(ofOffset: start, encoding).json, "end": lines.position(ofOffset: end, encoding).json],
            "severity": .int(severity),
            "code": .string(diagnostic.ruleID),
            "source": "vault",
            "message": .string(message),
            "data": ["messageId": .string(diagnostic.message.id), "hint": diagnostic.hint.map { .string($0.text(language)) } ?? .null],
        ]
    }

    /// Where the word starting at `offset` ends: at the next space or tab, or the line's
    /// end. A finding at a space or at the line's end covers one character, or none.
    static func wordEnd(from offset: Int, in lines: LineIndex, line: Int) -> Int {
        let limit = lines.content(line).upperBound
        var end = offset
        while end < limit, lines.bytes[end] != 0x20, lines.bytes[end] != 0x09 { end = lines.scalarEnd(end, limit) }
        return end == offset && offset < limit ? lines.scalarEnd(offset, limit) : end
    }
}
