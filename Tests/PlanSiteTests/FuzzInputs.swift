import Foundation
import PropertyBased

/// One change to a plan file's bytes. Positions are large random numbers taken modulo the
/// file's length (or its line count), so they shrink towards the start of the file when a case fails.
enum Mutation: Sendable, CustomStringConvertible {
    case flip(at: Int, mask: UInt8)
    case truncate(at: Int)
    case duplicateLine(at: Int)
    case deleteLine(at: Int)
    case insert(at: Int, String)
    /// Replaces the next letter that has a lookalike ("a" → Cyrillic "а", "Đ" → "Ð").
    case lookalike(at: Int)

    var description: String {
        switch self {
        case .flip(let at, let mask): "flip(\(at), \(mask))"
        case .truncate(let at): "truncate(\(at))"
        case .duplicateLine(let at): "duplicateLine(\(at))"
        case .deleteLine(let at): "deleteLine(\(at))"
        case .insert(let at, let text): "insert(\(at), \(text.debugDescription))"
        case .lookalike(let at): "lookalike(\(at))"
        }
    }

    /// Syntax that changes how YAML or Markdown reads what follows, things writers paste from
    /// Word, and text that looks like what the extractor looks for.
    static let fragments = [
        "---\n", "\n---\n", ": ", ":", "- ", "\n- ", "#", "## ", "\n### ", "|", ">", "[", "]", "{", "}", "*", "**", "_",
        "&a ", "*a ", "!!binary ", "!!int ", "? ", "\t", "\"", "'", "`", "```", "\n```\n", "~~~", "<!--", "-->", "<div>",
        "</div>", "\\", "\n\n", "\r", "\r\n", "    ", "1.1. ", "1. ", "a) ", "III. ", "- Chủ trì: ", "- Phối hợp: ",
        "Chủ trì:", "Thời hạn: ", "Quý IV năm 2025", "trước ngày 31/12/", "Nghị quyết số ", "27-NQ/TW", "/QĐ-UBND",
        "số 12/2023/", "(", ")", ";", ",", " và ", "|---|---|\n", "[^1]", "[^1]: ", "<https://", "](#nv-", "ngày 32/13/2023",
        "\u{0301}", "\u{0323}", "\u{0309}", "\u{0303}", "\u{0300}", "\u{200B}", "\u{200D}", "\u{FEFF}", "\u{202E}", "\u{00A0}",
        "\u{2028}", "\u{0000}", "\u{FFFD}", "а", "е", "о", "р", "с", "Ð", "ǅ", "ﬁ", "Ｓ", "𝐒ở", "😀", "\u{1F1FB}\u{1F1F3}",
    ]

    static let lookalikes: [Character: Character] = ["a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "Đ": "Ð", "đ": "ð", "S": "Ѕ", "i": "і"]

    /// A kind of mutation and the values it may use, picked together: the library's `oneOf` is
    /// not available to a package in the Swift 5 language mode.
    static let generator = zip(
        Gen.int(in: 0...6), Gen.int(in: 0...1_000_000), Gen<UInt8>.value(in: 1...255), Gen.element(of: fragments),
        Gen<UInt32>.value(in: 0...0x10FFFF).array(of: 1...3)
    ).map { (kind: Int, at: Int, mask: UInt8, fragment: String?, codes: [UInt32]) -> Mutation in
        switch kind {
        case 0: return .flip(at: at, mask: mask)
        case 1: return .truncate(at: at)
        case 2: return .duplicateLine(at: at)
        case 3: return .deleteLine(at: at)
        case 4: return .insert(at: at, fragment ?? "")
        case 5:
            // Any scalar, two times in three from below U+2000, where Latin, Vietnamese, combining
            // marks, Greek and Cyrillic live; surrogate codes are not scalars and are dropped.
            let scalars = codes.compactMap { UnicodeScalar($0 % 3 == 0 ? $0 : $0 % 0x2000) }
            return .insert(at: at, String(String.UnicodeScalarView(scalars)))
        default: return .lookalike(at: at)
        }
    }

    /// Half the positions fall in the first 800 bytes or 20 lines, where the front matter is: a
    /// mutation there changes what the whole file means, one in the body mostly changes a sentence.
    static func place(_ at: Int, in count: Int, head: Int = 800) -> Int {
        at < 500_000 ? at % min(count, head) : at % count
    }

    func apply(to bytes: inout [UInt8]) {
        guard !bytes.isEmpty else {
            if case .insert(_, let text) = self { bytes = Array(text.utf8) }
            return
        }
        switch self {
        case .flip(let at, let mask): bytes[Self.place(at, in: bytes.count)] ^= mask
        case .truncate(let at): bytes.removeSubrange((at % bytes.count)...)
        case .insert(let at, let text): bytes.insert(contentsOf: Array(text.utf8), at: Self.place(at, in: bytes.count + 1))
        case .duplicateLine(let line), .deleteLine(let line):
            var lines = bytes.split(separator: 10, omittingEmptySubsequences: false)
            let index = Self.place(line, in: lines.count, head: 20)
            if case .duplicateLine = self { lines.insert(lines[index], at: index) } else { lines.remove(at: index) }
            bytes = Array(lines.joined(separator: [10]))
        case .lookalike(let at):
            // Lookalikes are swapped on text, not bytes: a swap must not split a character.
            var text = String(decoding: bytes, as: UTF8.self)
            let start = text.index(text.startIndex, offsetBy: Self.place(at, in: text.count))
            if let index = text[start...].firstIndex(where: { Self.lookalikes[$0] != nil }) {
                text.replaceSubrange(index...index, with: String(Self.lookalikes[text[index]]!))
            }
            bytes = Array(text.utf8)
        }
    }
}

/// Plan-shaped text from random pieces: front matter keys and values that are right, wrong or
/// malformed, then Markdown lines of the kinds plans have.
enum RandomPlan {
    static let frontMatterLines = [
        "title: \"Kế hoạch thực hiện Nghị quyết số 27-NQ/TW\"", "title: Kế hoạch: thử", "title:", "title: [a, b]",
        "issuer: \"Ủy ban nhân dân tỉnh Lào Cai\"", "issuer: 12", "implements: [\"27-NQ/TW\"]", "implements: []",
        "implements:\n  - \"35-CTr/TU\"\n  - 27/NQ-TW", "implements: \"27-NQ/TW\"", "province: \"Lào Cai\"", "date: 2023-05-15",
        "date: 15/5/2023", "date: 2023-02-30", "slug: lao-cai", "slug: ../x", "recipients: [\"Lưu: VT\"]", "signer: ~",
        "kind: \"Kế hoạch\"", "number: \"120/KH-UBND\"", "unknown_key: 1", "  nested: true", "- list", "&anchor x: *anchor", "\t",
    ]
    static let bodyLines = [
        "## I. MỤC ĐÍCH, YÊU CẦU", "## II. NHIỆM VỤ, GIẢI PHÁP", "### 1. Rà soát văn bản", "1.1. Rà soát, hoàn thiện văn bản.",
        "a) Tuyên truyền, phổ biến Nghị quyết số 27-NQ/TW ngày 09/11/2022.", "- Chủ trì: Sở Tư pháp", "- Phối hợp: Các sở, ban, ngành; UBND cấp huyện",
        "- Thời hạn: Quý IV năm 2024", "- Thời gian thực hiện: trước ngày 31/12/2025", "Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ tham mưu.",
        "Thực hiện Quyết định số 3133/QĐ-UBND ngày 01/02/2023 của UBND tỉnh.", "| STT | Nhiệm vụ | Chủ trì |", "|---|---|---|",
        "| 1 | Rà soát | Sở Tư pháp |", "> Trích dẫn", "```", "<script>alert(1)</script>", "[liên kết](../khong-co/)", "[^1]: Ghi chú",
        "- - - -", "* * *", "", "", "III. TỔ CHỨC THỰC HIỆN", "1. Sở Tư pháp: chủ trì theo dõi.", "Đ\u{0323}", String(repeating: "- ", count: 40) + "x",
    ]

    static let generator = zip(
        Gen.element(of: frontMatterLines).array(of: 0...8),
        Gen.element(of: bodyLines).array(of: 0...40),
        Gen.bool(0.8)
    ).map { front, body, closed in
        "---\n" + front.compactMap { $0 }.joined(separator: "\n") + (closed ? "\n---\n" : "\n") + body.compactMap { $0 }.joined(separator: "\n")
    }
}
