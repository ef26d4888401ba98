import VaultKit

/// What the server says to the person at the editor, in the server's language: a
/// finding with its hint (the editor shows it as one text), and why a request about
/// a document cannot be answered. The protocol's own errors (a malformed message)
/// are for the client's author and stay English. Listed by `vault __catalogue`.
extension Server {
    static let withHint = MessageTemplate("lsp.finding-with-hint", en: "{message}\nhint: {hint}", zh: "{message}\n提示：{hint}")
    static let notOpen = MessageTemplate(
        "lsp.not-open", en: "{uri} is not open: send textDocument/didOpen first", zh: "{uri} 没有打开：请先发送 textDocument/didOpen")
    static let outsideProject = MessageTemplate(
        "lsp.outside-project", en: "{uri} is outside the vault project at {root}: the server checks only the project's files",
        zh: "{uri} 不在 {root} 项目中：服务器只检查该项目的文件")
    static let outsideAnyProject = MessageTemplate(
        "lsp.outside-any-project",
        en: "{uri} is outside a vault project (a directory holding vault/ and schemas/): the server checks only the project's files",
        zh: "{uri} 不在任何项目中（项目是含 vault/ 和 schemas/ 的目录）：服务器只检查项目中的文件")
    public static let messages = [withHint, notOpen, outsideProject, outsideAnyProject]
}
