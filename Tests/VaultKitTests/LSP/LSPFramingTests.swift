import Testing
import VaultLSP

/// The base protocol's framing, fed as standard input gives it: in any pieces.
@Suite struct LSPFramingTests {
    func frames(_ input: String, pieces: Int = 1, bodyLimit: Int = MessageReader.bodyLimit) -> [MessageReader.Frame] {
        var reader = MessageReader(bodyLimit: bodyLimit)
        var out: [MessageReader.Frame] = []
        let bytes = Array(input.utf8)
        let size = max(1, (bytes.count + pieces - 1) / pieces)
        var start = 0
        while start < bytes.count {
            reader.append(bytes[start..<min(start + size, bytes.count)])
            while let frame = reader.next() { out.append(frame) }
            start += size
        }
        return out
    }

    func message(_ text: String) -> MessageReader.Frame { .message(Array(text.utf8)) }

    @Test(arguments: [1, 3, 100])
    func bodiesAreCountedInBytesWhateverThePieces(pieces: Int) {
        // 11 bytes of body, 5 characters: a reader counting characters or lines would be wrong.
        let input = "Content-Length: 11\r\n\r\n\"示例一\"" + "content-type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length:2\r\n\r\n{}"
        #expect(frames(input, pieces: pieces) == [message("\"示例一\""), message("{}")])
    }

    @Test func aHeaderWithoutALengthIsSkippedAndTheNextMessageRead() {
        let got = frames("Content-Type: x\r\n\r\nContent-Length: 2\r\n\r\n{}")
        #expect(got.count == 2)
        guard case .skipped(let reason) = got.first else { Issue.record("no skip"); return }
        #expect(reason.contains("without a valid Content-Length"))
        #expect(got.last == message("{}"))
    }

    @Test(arguments: ["Content-Length: -5", "Content-Length: 5x", "Content-Length: 99999999999999999999", "Content-Length: 2\r\nContent-Length: 3"])
    func aLengthThatIsNotOneNumberIsRefused(header: String) {
        let got = frames(header + "\r\n\r\nContent-Length: 2\r\n\r\n[]")
        #expect(got.last == message("[]"))
        #expect(got.dropLast().allSatisfy { if case .skipped = $0 { true } else { false } })
    }

    @Test func anUnderstatedLengthCutsTheBodyAndTheReaderFindsTheNextHeader() {
        let got = frames("Content-Length: 3\r\n\r\n{\"a\":1}Content-Length: 2\r\n\r\n{}")
        #expect(got.first == message("{\"a"))
        #expect(got.last == message("{}"))
        #expect(got.count == 3)
    }

    @Test func anOverLongHeaderIsDroppedWithoutWaitingForItsEnd() {
        var reader = MessageReader()
        reader.append(Array(repeating: UInt8(ascii: "x"), count: MessageReader.headerLimit + 100))
        guard case .skipped = reader.next() else { Issue.record("the long header was not skipped"); return }
        #expect(reader.buffered < 100)
        reader.append(Array("Content-Length: 2\r\n\r\n{}".utf8))
        var last: MessageReader.Frame?
        while let frame = reader.next() { last = frame }
        #expect(last == message("{}"))
    }

    @Test func aBodyOverTheLimitIsDiscardedAsItArrives() {
        let got = frames("Content-Length: 50\r\n\r\n" + String(repeating: "y", count: 50) + "Content-Length: 2\r\n\r\n{}", pieces: 7, bodyLimit: 10)
        #expect(got.count == 2)
        #expect(got.last == message("{}"))
    }

    @Test func aPartialMessageWaitsForItsRest() {
        var reader = MessageReader()
        reader.append(Array("Content-Length: 4\r\n\r\n{}".utf8))
        #expect(reader.next() == nil)
        reader.append(Array("  ".utf8))
        #expect(reader.next() == message("{}  "))
        #expect(reader.next() == nil)
    }

    @Test func framingWritesTheByteLength() {
        #expect(MessageReader.frame(Array("\"示\"".utf8)) == Array("Content-Length: 5\r\n\r\n\"示\"".utf8))
    }
}
