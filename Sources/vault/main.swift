#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The `vault` executable: arguments, output and exit status only. Everything it
// reports is computed by VaultKit.
let status = CommandLineTool(arguments: Array(CommandLine.arguments.dropFirst())).run()
exit(status.rawValue)
