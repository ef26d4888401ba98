#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall time per stage on stderr when `VAULT_TIMINGS` is set, for performance
/// work (docs/performance.md). Off by default: output stays byte-for-byte stable.
enum StageTimer {
    static let enabled = getenv("VAULT_TIMINGS") != nil

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Runs `body` and, when timings are on, prints how long it took.
    static func measure<T, E: Error>(_ stage: String, _ body: () throws(E) -> T) throws(E) -> T {
        guard enabled else { return try body() }
        let start = now()
        let result = try body()
        let line = Array("vault: \(stage) \(Int((now() - start) * 1000)) ms\n".utf8)
        _ = line.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
        return result
    }
}
