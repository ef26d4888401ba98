import Testing
import VaultLSP

/// Conversions between protocol positions (UTF-8 or UTF-16), byte offsets and
/// vault's columns (1-based Unicode scalars), on lines of CJK text and characters
/// outside the Basic Multilingual Plane.
@Suite struct LSPPositionTests {
    // "a示𝄞b": a (1 byte, 1 unit), 示 (3 bytes, 1 unit), 𝄞 (4 bytes, 2 units), b.
    let lines = LineIndex(Array("first\r\na示𝄞b\nlast".utf8))

    @Test func theNegotiationPrefersUTF8AndFallsBackToUTF16() {
        #expect(PositionEncoding.negotiate(offered: ["utf-16", "utf-8"]) == .utf8)
        #expect(PositionEncoding.negotiate(offered: ["utf-32", "utf-16"]) == .utf16)
        #expect(PositionEncoding.negotiate(offered: nil) == .utf16)
    }

    @Test func positionsBecomeByteOffsets() {
        let line = 7  // "first\r\n"
        #expect(lines.offset(of: Position(line: 1, character: 2), .utf16) == line + 4)  // before 𝄞
        #expect(lines.offset(of: Position(line: 1, character: 4), .utf16) == line + 8)  // before b
        #expect(lines.offset(of: Position(line: 1, character: 4), .utf8) == line + 4)
        #expect(lines.offset(of: Position(line: 1, character: 8), .utf8) == line + 8)
    }

    @Test func insideACharacterIsItsStartAndPastTheLineItsEnd() {
        #expect(lines.offset(of: Position(line: 1, character: 3), .utf16) == 7 + 4)  // between the surrogates
        #expect(lines.offset(of: Position(line: 1, character: 2), .utf8) == 7 + 1)  // inside 示
        #expect(lines.offset(of: Position(line: 0, character: 99), .utf16) == 5)  // before \r\n
        #expect(lines.offset(of: Position(line: 9, character: 0), .utf16) == lines.bytes.count)
    }

    @Test func byteOffsetsBecomePositions() {
        #expect(lines.position(ofOffset: 7 + 8, .utf16) == Position(line: 1, character: 4))
        #expect(lines.position(ofOffset: 7 + 8, .utf8) == Position(line: 1, character: 8))
        #expect(lines.position(ofOffset: lines.bytes.count, .utf16) == Position(line: 2, character: 4))
    }

    @Test func vaultColumnsCountScalars() {
        #expect(lines.offset(line: 2, column: 4) == 7 + 8)  // b is the 4th scalar
        #expect(lines.offset(line: 2, column: 99) == 7 + 9)  // clamped to the line
        for encoding in [PositionEncoding.utf8, .utf16] {
            let offset = lines.offset(line: 2, column: 3)
            #expect(lines.offset(of: lines.position(ofOffset: offset, encoding), encoding) == offset)
        }
    }
}
