import Foundation
import VaultKit

/// The vault project the server checks: found as the CLI finds it (`ProjectLocator`,
/// from a directory upward), opened once.
struct Project: Sendable {
    /// The real (symlink-free) absolute path of the root.
    let root: String
    let disk: DiskFileSystem

    init(from directory: String) throws(FileSystemError) {
        let root = try ProjectLocator.findRoot(from: directory)
        disk = try DiskFileSystem(root: root)
        self.root = disk.root
    }

    /// The path relative to the root of a `file:` URI's file, or nil when it is not
    /// in the project (another scheme, another directory, a path through `..`).
    func path(of uri: String) -> String? {
        guard let absolute = Self.filePath(uri) else { return nil }
        if let relative = relative(absolute) { return relative }
        // The editor may name the file through a link to the project: resolve its directory.
        let url = URL(fileURLWithPath: absolute)
        guard let directory = DiskFileSystem.realPath(url.deletingLastPathComponent().path) else { return nil }
        return relative(directory + "/" + url.lastPathComponent)
    }

    private func relative(_ absolute: String) -> String? {
        let prefix = root == "/" ? "/" : root + "/"
        guard absolute.hasPrefix(prefix) else { return nil }
        let rest = String(absolute.dropFirst(prefix.count))
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        guard !rest.isEmpty, !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else { return nil }
        return rest
    }

    /// The file path of a `file:` URI, percent-decoded; nil for any other URI.
    static func filePath(_ uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        let path = url.path
        return path.isEmpty ? nil : path
    }

    /// The `file:` URI of a path relative to the root.
    func uri(of path: String) -> String { URL(fileURLWithPath: root + "/" + path).absoluteString }
}
