import VaultKit
import VaultLSP

/// `vault lsp`: the language server on standard input and output (VaultLSP does
/// the work). The project is the client's workspace root, else found from -C or
/// the current directory, else from the first document opened.
struct LSPCommand {
    var invocation: Invocation

    static let help = """
        Speaks the Language Server Protocol (3.17) on standard input and output, for
        an editor to start; it logs to standard error. Features so far: diagnostics
        (vault lint's findings for the open files, unsaved edits included),
        formatting (vault fmt), completion of kinds, fields and enum values, and
        hover on kinds and fields (their schema definition).
        See docs/editors.md for Neovim and VS Code.

        exit status: 0 after shutdown and exit, 1 on exit without shutdown or
        the end of input
        """

    func run() throws(UsageError) -> ExitStatus {
        let configuration = Server.Configuration(language: invocation.language, directory: invocation.workingDirectory,
                                                 version: CommandLineTool.version)
        return StdioServer.run(configuration) == 0 ? .clean : .findings
    }
}
