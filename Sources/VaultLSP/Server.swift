import VaultKit

/// The language server's state and its answers, one message at a time: what it is
/// told comes in through `handle`, what it says goes out through `send`. No I/O of
/// its own (`StdioServer` runs it over standard input and output), so tests can
/// drive it directly.
public final class Server {
    public struct Configuration: Sendable {
        /// The language of findings, as the CLI chose it; `initializationOptions.lang` may override.
        public var language: Language
        /// Where to look for the project when the client names no workspace root.
        public var directory: String
        public var version: String

        public init(language: Language, directory: String, version: String) {
            self.language = language
            self.directory = directory
            self.version = version
        }
    }

    enum Phase { case waiting, running, shutDown }

    let configuration: Configuration
    let send: (JSON) -> Void
    let log: (String) -> Void
    var phase = Phase.waiting
    var encoding = PositionEncoding.utf16
    var language: Language
    var project: Project?
    var documents: [String: Document] = [:]
    /// Documents changed since diagnostics were last published.
    var stale: Set<String> = []
    /// Whether the open documents are to be checked again though none changed (one was closed).
    var recheck = false
    /// What was last published for each open document, so an unchanged list is not sent again.
    var published: [String: JSON] = [:]
    /// The status `exit` asked for; the read loop stops once it is set.
    public private(set) var exitStatus: Int32?

    public init(_ configuration: Configuration, send: @escaping (JSON) -> Void, log: @escaping (String) -> Void) {
        self.configuration = configuration
        self.send = send
        self.log = log
        language = configuration.language
    }

    /// Whether diagnostics wait to be published (`publishDiagnostics` sends them).
    public var hasStaleDocuments: Bool { !stale.isEmpty || recheck }

    /// The frames read in one go: requests that a later `$/cancelRequest` in the same
    /// batch names are answered RequestCancelled instead of being worked on.
    public func handle(_ frames: [MessageReader.Frame]) {
        var messages: [Incoming] = []
        for frame in frames {
            switch frame {
            case .skipped(let reason): log("skipped input: \(reason)")
            case .message(let body): messages.append(Incoming(body))
            }
        }
        var cancelled: [JSON] = []
        for case .notification("$/cancelRequest", let params) in messages {
            if let id = params["id"] { cancelled.append(id) }
        }
        for message in messages where exitStatus == nil {
            if case .request(let id, _, _) = message, cancelled.contains(id) {
                send(Outgoing.error(id, ResponseError(.requestCancelled, "cancelled by the client")))
                continue
            }
            handle(message)
        }
    }

    func handle(_ message: Incoming) {
        switch message {
        case .invalid(let id, let error):
            log(error.message)
            send(Outgoing.error(id, error))
        case .response(let id):
            log("an answer to no request of the server's (id \(String(decoding: id.bytes, as: UTF8.self))) ignored")
        case .request(let id, let method, let params):
            switch answer(method, params) {
            case .success(let result): send(Outgoing.result(id, result))
            case .failure(let error): send(Outgoing.error(id, error))
            }
        case .notification(let method, let params):
            notice(method, params)
        }
    }

    // MARK: Requests

    func answer(_ method: String, _ params: JSON) -> Result<JSON, ResponseError> {
        switch (phase, method) {
        case (.waiting, "initialize"): return .success(initialize(params))
        case (.waiting, _): return .failure(ResponseError(.serverNotInitialized, "the server is not initialized: send initialize first"))
        case (.shutDown, _): return .failure(ResponseError(.invalidRequest, "the server is shut down: only exit is accepted"))
        case (.running, "initialize"): return .failure(ResponseError(.invalidRequest, "the server is already initialized"))
        case (.running, "shutdown"):
            phase = .shutDown
            return .success(.null)
        case (.running, "textDocument/formatting"): return Result { () throws(ResponseError) in try formatting(params) }
        case (.running, "textDocument/completion"): return Result { () throws(ResponseError) in try completion(params) }
        case (.running, "textDocument/hover"): return Result { () throws(ResponseError) in try hover(params) }
        case (.running, _): return .failure(ResponseError(.methodNotFound, "the server does not do \(method)"))
        }
    }

    func initialize(_ params: JSON) -> JSON {
        phase = .running
        encoding = PositionEncoding.negotiate(offered: params["capabilities"]?["general"]?["positionEncodings"]?.array?.compactMap(\.string))
        if let lang = params["initializationOptions"]?["lang"] {
            if let chosen = lang.string.flatMap(Language.init(rawValue:)) { language = chosen }
            else { log("initializationOptions.lang takes \(Language.accepted.joined(separator: ", ")); kept \(language.rawValue)") }
        }
        let root = params["rootUri"]?.string.flatMap(Project.filePath)
            ?? params["workspaceFolders"]?.array?.first?["uri"]?.string.flatMap(Project.filePath)
            ?? params["rootPath"]?.string
        locateProject(from: root ?? configuration.directory)
        return [
            "capabilities": [
                "positionEncoding": .string(encoding.rawValue),
                "textDocumentSync": ["openClose": true, "change": 2],
                "documentFormattingProvider": true,
                "completionProvider": ["triggerCharacters": [" ", "="]],
                "hoverProvider": true,
            ],
            "serverInfo": ["name": "vault", "version": .string(configuration.version)],
        ]
    }

    /// Opens the project found from `directory`, if none is open yet; says where it looked when none is found.
    func locateProject(from directory: String) {
        guard project == nil else { return }
        do throws(FileSystemError) {
            project = try Project(from: directory)
            log("checking the project at \(project!.root)")
        } catch {
            log("\(error.message)\(error.hint.map { "; \($0)" } ?? "")")
        }
    }

    // MARK: Notifications

    func notice(_ method: String, _ params: JSON) {
        if method == "exit" {
            exitStatus = phase == .shutDown ? 0 : 1
            return
        }
        guard phase == .running else { return }
        switch method {
        case "initialized", "$/cancelRequest": return  // cancels are taken in `handle(_:)` before their request runs
        case "textDocument/didOpen": didOpen(params)
        case "textDocument/didChange": didChange(params)
        case "textDocument/didClose": didClose(params)
        default:
            // `$/` notifications may be ignored by the protocol; others are logged.
            if !method.hasPrefix("$/") { log("notification \(method) ignored: the server does not do it") }
        }
    }

    func didOpen(_ params: JSON) {
        guard let item = params["textDocument"], let uri = item["uri"]?.string, let text = item["text"]?.string else {
            return log("textDocument/didOpen without a textDocument's uri and text ignored")
        }
        if project == nil, let file = Project.filePath(uri) {
            locateProject(from: String(file[..<(file.lastIndex(of: "/") ?? file.startIndex)]))
        }
        let path = project?.path(of: uri)
        if path == nil { log("\(uri) is outside the vault project: it gets no diagnostics") }
        documents[uri] = Document(uri: uri, path: path, version: item["version"]?.int, text: text)
        if path != nil { stale.insert(uri) }
    }

    func didChange(_ params: JSON) {
        guard let uri = params["textDocument"]?["uri"]?.string, let changes = params["contentChanges"]?.array else {
            return log("textDocument/didChange without a textDocument's uri and contentChanges ignored")
        }
        guard var document = documents[uri] else { return log("textDocument/didChange for \(uri), which is not open, ignored") }
        do throws(Document.ChangeError) {
            try document.apply(changes, encoding: encoding)
        } catch {
            return log("textDocument/didChange for \(uri) ignored: \(error.message)")
        }
        document.version = params["textDocument"]?["version"]?.int ?? document.version
        documents[uri] = document
        if document.path != nil { stale.insert(uri) }
    }

    func didClose(_ params: JSON) {
        guard let uri = params["textDocument"]?["uri"]?.string, let document = documents.removeValue(forKey: uri) else { return }
        stale.remove(uri)
        // The file on disk is checked again without the buffer; its findings leave the editor with it.
        if published.removeValue(forKey: uri) != nil, document.path != nil {
            send(Outgoing.notification("textDocument/publishDiagnostics", ["uri": .string(uri), "diagnostics": []]))
        }
        recheck = documents.values.contains { $0.path != nil }
    }
}
