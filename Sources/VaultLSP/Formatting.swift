import VaultKit

extension Server {
    /// `textDocument/formatting`: the document as `vault fmt` would write it, as one
    /// edit replacing the whole text; no edit when it is already in canonical form.
    /// A record file is formatted with its schema's kinds from the vault as the editor
    /// has it (unsaved documents included).
    func formatting(_ params: JSON) -> Result<JSON, ResponseError> {
        let document: Document
        let path: String
        let project: Project
        switch openDocument(params) {
        case .failure(let error): return .failure(error)
        case .success(let found): (document, path, project) = found
        }
        let vault = Loader.load(overlay(project)).vault
        let table = vault.boundFiles.first { $0.path == path }?.table
        switch FormatRun.format(document.bytes, path: path, table: table) {
        case .unchanged:
            return .success([])
        case .refused(let reason):
            return .failure(ResponseError(.requestFailed, "\(path) not formatted: \(reason); mend the error (the diagnostics show it), then format again"))
        case .changed(let bytes):
            let end = document.lines.position(ofOffset: document.bytes.count, encoding)
            return .success([[
                "range": ["start": Position(line: 0, character: 0).json, "end": end.json],
                "newText": .string(String(decoding: bytes, as: UTF8.self)),
            ]])
        }
    }

    /// The open document a request's `textDocument.uri` names, with its project path,
    /// or the answer that says why there is none: not open, or outside the project.
    func openDocument(_ params: JSON) -> Result<(Document, String, Project), ResponseError> {
        guard let uri = params["textDocument"]?["uri"]?.string else {
            return .failure(ResponseError(.invalidParams, "the request names no textDocument.uri"))
        }
        guard let document = documents[uri] else {
            return .failure(ResponseError(.requestFailed, "\(uri) is not open: send textDocument/didOpen first"))
        }
        guard let project, let path = document.path else {
            let place = project.map { "the vault project at \($0.root)" } ?? "a vault project (a directory holding vault/ and schemas/)"
            return .failure(ResponseError(.requestFailed, "\(uri) is outside \(place): the server checks only the project's files"))
        }
        return .success((document, path, project))
    }
}
