import VaultKit

/// The project on disk with the editor's open documents in place of their files:
/// what the server checks, so that unsaved edits are seen against the rest of the
/// vault as it is on disk. A document that is not on disk yet (a new file) is
/// listed in its directory; one deleted under the editor is still read from memory.
struct OverlayFileSystem: FileSystem {
    let disk: DiskFileSystem
    let open: MemoryFileSystem

    /// `documents`: paths relative to the project root, and their unsaved bytes.
    init(disk: DiskFileSystem, documents: [String: [UInt8]]) {
        self.disk = disk
        open = MemoryFileSystem(bytes: documents)
    }

    func entries(in directory: String) throws(FileSystemError) -> [(name: String, type: EntryType)] {
        let buffered = (try? open.entries(in: directory)) ?? []
        let listed: [(name: String, type: EntryType)]
        do throws(FileSystemError) {
            listed = try disk.entries(in: directory)
        } catch {
            if buffered.isEmpty { throw error }
            return buffered
        }
        guard !buffered.isEmpty else { return listed }
        let known = Set(listed.map { ByteKey($0.name) })
        let added = buffered.filter { !known.contains(ByteKey($0.name)) }
        guard !added.isEmpty else { return listed }
        return (listed + added).sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    func read(_ path: String, into arena: Arena?) throws(FileSystemError) -> Slab<UInt8> {
        if open.files[ByteKey(path)] != nil { return try open.read(path, into: arena) }
        return try disk.read(path, into: arena)
    }
}
