import Foundation
import Testing
@testable import VaultKit

/// A project an attacker could submit, in a scratch directory beside an
/// `outside/` directory that stands for the rest of the machine: the adversarial
/// tests plant links, FIFOs and hostile values in the project, run a command, and
/// assert the finding or refusal, the exit status, that nothing outside changed
/// and that the rest of the vault was still checked.
final class HostileProject {
    private let sandbox: TemporaryDirectory
    /// The project root (holds `vault/` and `schemas/`).
    let root: String
    /// A directory outside the project, holding a secret file the tool must never
    /// copy into the vault, overwrite or follow a link into.
    let outside: String
    static let secret = "outside-secret-do-not-copy\n"

    /// A copy of the scored fixture (`from: Fixture.root`) or, by default, of the
    /// example project every rule example is written against.
    init(from fixture: String? = nil) throws {
        sandbox = try TemporaryDirectory()
        root = sandbox.path + "/project"
        outside = sandbox.path + "/outside"
        let manager = FileManager.default
        if let fixture {
            try manager.copyItem(atPath: fixture, toPath: root)
        } else {
            try manager.createDirectory(atPath: root, withIntermediateDirectories: true)
            for (relative, content) in ExampleProject.base {
                let url = URL(fileURLWithPath: root).appendingPathComponent(relative)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(content.utf8).write(to: url)
            }
        }
        try manager.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try Data(Self.secret.utf8).write(to: URL(fileURLWithPath: outside + "/secret.txt"))
        before = try Self.snapshot(outside)
    }

    private var before: [String: Entry]

    /// Writes `content` at `relative` inside the project, creating directories.
    func write(_ relative: String, _ content: String) throws { try write(relative, Data(content.utf8)) }

    func write(_ relative: String, _ data: Data) throws {
        let url = URL(fileURLWithPath: root).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Appends a line to a project file.
    func append(_ relative: String, _ line: String) throws {
        let url = URL(fileURLWithPath: root).appendingPathComponent(relative)
        var data = try Data(contentsOf: url)
        data.append(contentsOf: Array(line.utf8))
        try data.write(to: url)
    }

    func read(_ relative: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: root).appendingPathComponent(relative))
    }

    func remove(_ relative: String) throws {
        try FileManager.default.removeItem(atPath: root + "/" + relative)
    }

    /// Plants a symbolic link at `relative` (inside the project) pointing to `target`
    /// (an absolute path, or relative to the link's directory).
    func link(_ relative: String, to target: String) throws {
        let path = root + "/" + relative
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
    }

    /// Plants a FIFO at `relative`.
    func fifo(_ relative: String) throws {
        let path = root + "/" + relative
        try? FileManager.default.removeItem(atPath: path)
        #expect(mkfifo(path, 0o644) == 0)
    }

    /// Runs `vault -C ROOT ARGUMENTS…` with a time limit: a command that hangs is
    /// killed and reported as status -1 (`Run.timedOut`).
    func run(_ arguments: [String], timeout: TimeInterval = 60, environment: [String: String] = [:],
             standardOutput: FileHandle? = nil) throws -> Run {
        try Run(["-C", root] + arguments, environment: environment, timeout: timeout, standardOutput: standardOutput)
    }

    /// Every file under `vault/` and `schemas/` with its bytes, to compare before and after
    /// (the writers' lock file, which holds the last writer's pid, aside).
    func contents() throws -> [String: Entry] { try Self.snapshot(root).filter { $0.key != ".vault.lock" } }

    /// Expects that nothing outside the project was created, changed or removed
    /// since the project was made.
    func expectOutsideUnchanged(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let now = try Self.snapshot(outside)
        #expect(now == before, "a file outside the project changed", sourceLocation: sourceLocation)
    }

    /// Expects that no file in the project holds the outside secret.
    func expectNoSecretCopied(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        for (path, entry) in try contents() where entry.kind == "file" {
            #expect(!entry.data.contains(Data(Self.secret.utf8)), "\(path) holds the outside secret", sourceLocation: sourceLocation)
        }
    }

    struct Entry: Equatable {
        var kind: String
        var mode: mode_t
        var data: Data
    }

    /// Files, links and FIFOs under `directory`, never following a link and never
    /// opening a special file.
    static func snapshot(_ directory: String) throws -> [String: Entry] {
        var out: [String: Entry] = [:]
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return out }
        while let relative = walker.nextObject() as? String {
            let path = directory + "/" + relative
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFREG: out[relative] = Entry(kind: "file", mode: info.st_mode, data: try Data(contentsOf: URL(fileURLWithPath: path)))
            case S_IFLNK:
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? ""
                out[relative] = Entry(kind: "link", mode: info.st_mode, data: Data(target.utf8))
            case S_IFDIR: out[relative] = Entry(kind: "directory", mode: info.st_mode, data: Data())
            default: out[relative] = Entry(kind: "special", mode: info.st_mode, data: Data())
            }
        }
        return out
    }
}
