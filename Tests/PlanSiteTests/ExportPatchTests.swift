import Foundation
import Testing
@testable import PlanSite

/// `watch` replaces one plan's part of tasks.json and tasks.csv where the file lies: the file
/// must end up as if written whole, whichever way the part's length moved and however far the
/// parts after it reach, and a file that another site shares by a hard link must not change
/// under that other name.
@Suite("A plan's part of a data export file replaced")
struct ExportPatchTests {
    let folder: TemporaryFolder
    let path: String
    /// The last part is longer than the 8 MB moved at once, so it moves in several blocks.
    let parts: [(name: String, bytes: [UInt8])]

    init() throws {
        folder = try TemporaryFolder()
        path = folder.url.appendingPathComponent("tasks.json").path
        parts = [("first", Self.bytes(1_000, seed: 1)), ("middle", Self.bytes(300, seed: 2)),
                 ("last", Self.bytes(17_000_003, seed: 3))]
        try writeWhole()
    }

    func writeWhole() throws {
        try Self.whole(parts.map(\.bytes)).write(to: URL(fileURLWithPath: path))
    }

    /// Bytes that differ from one offset to the next, so a part moved by any distance shows.
    static func bytes(_ count: Int, seed: UInt8) -> [UInt8] {
        let pattern = (0..<4_099).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ Int(seed) &* 7 &+ $0 >> 9) }
        var bytes = [UInt8]()
        while bytes.count + pattern.count <= count { bytes.append(contentsOf: pattern) }
        return bytes + pattern[0..<(count - bytes.count)]
    }

    static func whole(_ parts: [[UInt8]]) -> Data {
        parts.reduce(into: Data()) { $0.append(contentsOf: $1) }
    }

    var items: [String: ExportItem] {
        var offset = 0
        return Dictionary(uniqueKeysWithValues: parts.map { part in
            defer { offset += part.bytes.count }
            return (part.name, ExportItem(name: part.name, key: Fingerprint(), offset: offset, length: part.bytes.count))
        })
    }

    /// Replaces `name` with `bytes` and checks the file, and each part's place, against the parts written whole.
    func expectReplaced(_ name: String, with bytes: [UInt8], _ comment: Comment) throws {
        let moved = try ExportPatch.replace(name, in: items, with: bytes, path: path)
        let expected = parts.map { $0.name == name ? ($0.name, bytes) : $0 }
        let file = try Data(contentsOf: URL(fileURLWithPath: path))
        // Compared to a Bool: a failed expectation on two 17 MB values would diff them for hours.
        let whole = Self.whole(expected.map(\.1))
        let same = file == whole
        #expect(same, "\(comment): \(file.count) bytes, \(whole.count) expected")
        for (part, content) in expected {
            let item = try #require(moved[part])
            let inPlace = item.offset + item.length <= file.count && file.subdata(in: item.offset..<(item.offset + item.length)) == Data(content)
            #expect(inPlace, "\(comment): \(part)")
        }
    }

    @Test func aPartThatGrowsMovesThePartsAfterIt() throws {
        try expectReplaced("middle", with: Self.bytes(4_321, seed: 9), "grown by 4,021 bytes")
    }

    @Test func aPartThatShrinksMovesThePartsAfterItBackAndTheFileIsCut() throws {
        try expectReplaced("middle", with: Self.bytes(7, seed: 9), "shrunk to 7 bytes")
    }

    @Test func aPartOfTheSameLengthIsWrittenOverAndTheLastPartAlone() throws {
        try expectReplaced("middle", with: Self.bytes(300, seed: 9), "the same length")
        try writeWhole()
        try expectReplaced("last", with: Self.bytes(12, seed: 9), "the last part, nothing after it")
        try writeWhole()
        try expectReplaced("first", with: [], "the first part emptied")
    }

    @Test func aFileWithAnotherNameIsWrittenAnewAndTheOtherNameKeepsTheOldFile() throws {
        let other = folder.url.appendingPathComponent("earlier-site-tasks.json").path
        #expect(link(path, other) == 0)
        try expectReplaced("middle", with: Self.bytes(4_321, seed: 9), "grown, with another name")
        let kept = try Data(contentsOf: URL(fileURLWithPath: other)) == Self.whole(parts.map(\.bytes))
        #expect(kept, "the earlier site's file changed")
    }
}
