/// JSON-RPC 2.0's and the Language Server Protocol's error codes.
public enum ErrorCode: Int, Sendable {
    case parseError = -32700
    case invalidRequest = -32600
    case methodNotFound = -32601
    case invalidParams = -32602
    case internalError = -32603
    case serverNotInitialized = -32002
    case requestFailed = -32803
    case requestCancelled = -32800
}

/// An error answer: its code and the words a user needs.
struct ResponseError: Error, Sendable {
    var code: ErrorCode
    var message: String
    init(_ code: ErrorCode, _ message: String) {
        self.code = code
        self.message = message
    }
}

/// One message from the client, as JSON-RPC 2.0 tells them apart.
enum Incoming: Sendable {
    /// A request: it has an `id` and a `method`, and is answered.
    case request(id: JSON, method: String, params: JSON)
    /// A notification: a `method` and no `id`, never answered.
    case notification(method: String, params: JSON)
    /// An answer to a request of the server's (it sends none yet): logged.
    case response(id: JSON)
    /// Not a JSON-RPC message: answered with this error (`id` when one could be read, else null).
    case invalid(id: JSON, ResponseError)

    init(_ body: [UInt8]) {
        guard let json = JSON.parse(body) else {
            self = .invalid(id: .null, ResponseError(.parseError, "the message is not JSON"))
            return
        }
        guard case .object(let members) = json else {
            self = .invalid(id: .null, ResponseError(.invalidRequest, "a message must be a JSON object (batches are not supported)"))
            return
        }
        let id = members["id"]
        let validID: Bool = switch id {
        case .string?, .int?, nil: true
        default: false
        }
        guard members["jsonrpc"] == "2.0" else {
            self = .invalid(id: validID ? id ?? .null : .null, ResponseError(.invalidRequest, "the message lacks \"jsonrpc\": \"2.0\""))
            return
        }
        guard validID else {
            self = .invalid(id: .null, ResponseError(.invalidRequest, "a message id must be a number or a string"))
            return
        }
        guard let methodValue = members["method"] else {
            if let id, members["result"] != nil || members["error"] != nil {
                self = .response(id: id)
            } else {
                self = .invalid(id: id ?? .null, ResponseError(.invalidRequest, "the message has no \"method\""))
            }
            return
        }
        guard let method = methodValue.string else {
            self = .invalid(id: id ?? .null, ResponseError(.invalidRequest, "\"method\" must be a string"))
            return
        }
        let params = members["params"] ?? .null
        if let id { self = .request(id: id, method: method, params: params) }
        else { self = .notification(method: method, params: params) }
    }
}

enum Outgoing {
    static func result(_ id: JSON, _ result: JSON) -> JSON {
        ["jsonrpc": "2.0", "id": id, "result": result]
    }

    static func error(_ id: JSON, _ error: ResponseError) -> JSON {
        ["jsonrpc": "2.0", "id": id, "error": ["code": .int(error.code.rawValue), "message": .string(error.message)]]
    }

    static func notification(_ method: String, _ params: JSON) -> JSON {
        ["jsonrpc": "2.0", "method": .string(method), "params": params]
    }
}
