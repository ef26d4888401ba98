import VaultKit
import VaultLSP

/// `vault lsp`: the language server on standard input and output (VaultLSP does
/// the work). The project is the client's workspace root, else found from -C or
/// the current directory, else from the first document opened.
struct LSPCommand {
    var invocation: Invocation

    static let help = Text(
        en: """
            Speaks the Language Server Protocol (3.17) on standard input and output, for
            an editor to start; it logs to standard error. Features so far: diagnostics
            (vault lint's findings for the open files, unsaved edits included),
            formatting (vault fmt), completion of kinds, fields and enum values, and
            hover on kinds and fields (their schema definition).
            See docs/editors.md for Neovim and VS Code.

            exit status: 0 after shutdown and exit, 1 on exit without shutdown or
            the end of input
            """,
        zh: """
            在标准输入输出上讲语言服务器协议（LSP 3.17），由编辑器启动；日志写到标准错误。
            目前提供：诊断（打开的文件中 vault lint 报告的问题，含未保存的修改）、
            格式化（同 vault fmt）、记录类型、字段和枚举取值的补全，以及记录类型和字段的
            悬停说明（其在指标体系中的定义）。Neovim 和 VS Code 的设置见 docs/editors.md。

            退出状态：先 shutdown 再 exit 为 0；未 shutdown 就 exit 或输入结束为 1
            """)

    func run() throws(UsageError) -> ExitStatus {
        let configuration = Server.Configuration(language: invocation.language, directory: invocation.workingDirectory,
                                                 version: CommandLineTool.version)
        return StdioServer.run(configuration) == 0 ? .clean : .findings
    }
}
