import Foundation
import Testing

extension LSPServerTests {
    /// The server's own words follow the language: the hint line under a finding, and
    /// the answer for a document that is not open; English stays as it was.
    @Test func hintsAndAnswersInChinese() throws {
        let dir = try project()
        try dir.write(Self.recordPath, Self.mistaken)
        let client = try LSPClient(directory: dir.path, environment: ["VAULT_LANG": "en"])
        _ = client.initialize(root: dir.path, options: ["lang": "zh"])
        open(client, uri(dir), Self.mistaken)
        let published = try #require(client.diagnostics(for: uri(dir)))
        let withHint = try #require(published.first { ($0["data"] as? [String: Any])?["hint"] is String })
        let hint = try #require((withHint["data"] as? [String: Any])?["hint"] as? String)
        #expect((withHint["message"] as? String)?.hasSuffix("\n提示：" + hint) == true, "\(withHint)")
        let id = client.request("textDocument/formatting", ["textDocument": ["uri": uri(dir, "vault/periods/2023.txt")]])
        let error = client.response(to: id)?["error"] as? [String: Any]
        #expect((error?["message"] as? String)?.hasSuffix("没有打开：请先发送 textDocument/didOpen") == true, "\(String(describing: error))")
    }
}
