#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The `vault` executable: arguments, output and exit status only. Everything it
// reports is computed by VaultKit.
// A write past the file-size limit then fails with EFBIG, which the writers report
// like a full disk, instead of the signal killing the process mid-write.
signal(SIGXFSZ, SIG_IGN)
let status = CommandLineTool(arguments: Array(CommandLine.arguments.dropFirst())).run()
exit(Terminal.finish(status).rawValue)
