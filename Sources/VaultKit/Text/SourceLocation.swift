/// A place in the project: a path relative to the project root, a 1-based line
/// and a 1-based column counted in Unicode characters (scalar values).
///
/// Locations order by path, then line, then column, which is the order every
/// report prints them in: the same vault always gives the same bytes out.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// A location for a whole file (used when no line applies: a missing file, an unreadable one).
    public static func file(_ path: String) -> SourceLocation {
        SourceLocation(path: path, line: 1, column: 1)
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        if a.path != b.path { return a.path.utf8.lexicographicallyPrecedes(b.path.utf8) }
        if a.line != b.line { return a.line < b.line }
        return a.column < b.column
    }

    public var description: String { "\(path):\(line):\(column)" }
}
