import VaultKit

extension Server {
    /// `textDocument/formatting`: the document as `vault fmt` would write it, as one
    /// edit replacing the whole text; no edit when it is already in canonical form.
    /// A record file is formatted with its schema's kinds from the vault as the editor
    /// has it (unsaved documents included).
    func formatting(_ params: JSON) throws(ResponseError) -> JSON {
        let (document, path, table) = try recordFile(params)
        switch FormatRun.format(document.bytes, path: path, table: table) {
        case .unchanged:
            return []
        case .refused(let reason):
            throw ResponseError(.requestFailed, "\(path) not formatted: \(reason); mend the error (the diagnostics show it), then format again")
        case .changed(let bytes):
            let end = document.lines.position(ofOffset: document.bytes.count, encoding)
            return [[
                "range": ["start": Position(line: 0, character: 0).json, "end": end.json],
                "newText": .string(String(decoding: bytes, as: UTF8.self)),
            ]]
        }
    }

    /// The open document a request's `textDocument.uri` names, with its project path
    /// and its kind table in the vault as the editor has it (nil for a schema file),
    /// or the answer that says why there is none: not open, or outside the project.
    func recordFile(_ params: JSON) throws(ResponseError) -> (Document, String, KindTable?) {
        guard let uri = params["textDocument"]?["uri"]?.string else {
            throw ResponseError(.invalidParams, "the request names no textDocument.uri")
        }
        guard let document = documents[uri] else {
            throw ResponseError(.requestFailed, Self.notOpen(["uri": .text(uri)]).text(language))
        }
        guard let project, let path = document.path else {
            let answer = project.map { Self.outsideProject(["uri": .text(uri), "root": .text($0.root)]) } ?? Self.outsideAnyProject(["uri": .text(uri)])
            throw ResponseError(.requestFailed, answer.text(language))
        }
        let vault = Loader.load(overlay(project)).vault
        return (document, path, vault.boundFiles.first { $0.path == path }?.table)
    }
}
