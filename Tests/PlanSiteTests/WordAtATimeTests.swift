import Foundation
import Testing
@testable import PlanSite

/// The escapers and the citation prefilter test eight bytes at a time and look
/// at bytes one by one only where a test found one that matters: they must give what a test
/// per byte or per character gives.
@Suite("Eight bytes at a time agree with one at a time")
struct WordAtATimeTests {
    /// Every byte at every place among fillers of each kind, then random words.
    static var words: [UInt64] {
        var words: [UInt64] = []
        for filler in [0x61, 0x20, 0x00, 0x7F, 0x80, 0xC3, 0xE1, 0xFF] as [UInt64] {
            for byte in 0...255 as ClosedRange<UInt64> {
                for place in 0..<8 {
                    var word: UInt64 = 0
                    for index in 0..<8 { word |= (index == place ? byte : filler) << (8 * UInt64(index)) }
                    words.append(word)
                }
            }
        }
        var random = SplitMix(seed: 8)
        for _ in 0..<100_000 { words.append(random.next()) }
        return words
    }

    static func bytes(_ word: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) } }

    @Test func wordTestsSeeWhatByteTestsSee() {
        for word in Self.words {
            let bytes = Self.bytes(word)
            #expect(HTML.mayReplace(word) == bytes.contains { (0x22...0x27).contains($0) || (0x3C...0x3E).contains($0) },
                    "\(String(word, radix: 16))")
            #expect(JSONWriter.anyMayEscape(word) == bytes.contains {
                $0 < 0x20 || (0x22...0x26).contains($0) || (0x3C...0x3E).contains($0) || $0 == 0x5C || $0 == 0xE2
            }, "\(String(word, radix: 16))")
        }
    }

    static let pieces = ["a", "Sở", " ", "\"", "&", "'", "<", ">", "#", "=", "\\", "\n", "\r", "\t", "\u{1}", "\u{1F}", "–", "…",
                         "\u{2028}", "\u{2029}", "ế", "đ", "\u{1F600}", "abcdefgh"]

    @Test func escapedTextIsEscapedCharacterByCharacter() throws {
        var random = SplitMix(seed: 20)
        for _ in 0..<3_000 {
            let text = (0..<Int(random.next() % 40)).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            #expect(HTML.escape(text) == Self.htmlEscaped(text))
            var json = JSONWriter()
            json.writeString(text)
            #expect(String(decoding: json.bytes, as: UTF8.self) == "\"" + Self.jsonEscaped(text) + "\"")
            #expect(try JSONSerialization.jsonObject(with: Data(json.bytes), options: .fragmentsAllowed) as? String == text)
        }
    }

    static let numberPieces = ["27", "1", " ", "  ", "\n", "-", "/", "NQ", "TW", "ngày", "a", "–", "\u{301}", "abcdefghij", "\u{2000}", "ế"]

    @Test func citationPrefilterFindsTheShapeOfANumber() {
        // A digit, up to six spaces or line breaks, "-" or "/".
        let shape = try! Regex("[0-9][ \\n]{0,6}[-/]").matchingSemantics(.unicodeScalar)
        var random = SplitMix(seed: 35)
        for _ in 0..<20_000 {
            let text = (0..<Int(random.next() % 24)).map { _ in Self.numberPieces.randomElement(using: &random)! }.joined()
            text.withUTF8Bytes { bytes in
                #expect(CitationScanner.mayHoldNumber(bytes) == text.contains(shape), "\(text.debugDescription)")
            }
        }
    }

    static func htmlEscaped(_ text: String) -> String {
        let entities: [Unicode.Scalar: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"]
        return text.unicodeScalars.map { entities[$0] ?? String($0) }.joined()
    }

    static func jsonEscaped(_ text: String) -> String {
        let escapes: [Unicode.Scalar: String] = ["\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "<": "\\u003c",
                                                 ">": "\\u003e", "&": "\\u0026", "\u{2028}": "\\u2028", "\u{2029}": "\\u2029"]
        return text.unicodeScalars.map { scalar in
            if let escape = escapes[scalar] { return escape }
            if scalar.value < 0x20 { return "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16) }
            return String(scalar)
        }.joined()
    }
}
