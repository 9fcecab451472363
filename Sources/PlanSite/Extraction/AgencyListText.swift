import Foundation

/// The text work behind `AgencyRegistry`: the key that names are compared by, and the parts
/// of a written list that are not names (asides in parentheses, phrases like "có liên quan").
/// Every list of every plan passes through here, so each step has a fast path for the usual
/// text and keeps the general one for the rest.
enum AgencyListText {
    /// Abbreviations plans use inside agency names, expanded before comparing.
    static let abbreviations: [String: String] = [
        "ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan", "mttq": "mat tran to quoc",
        "mttqvn": "mat tran to quoc viet nam", "tand": "toa an nhan dan", "vksnd": "vien kiem sat nhan dan",
        "ct": "chinh tri", "xh": "xa hoi", "bch": "ban chap hanh", "btv": "ban thuong vu", "vptu": "van phong tinh uy",
        "cctp": "cai cach tu phap", "pctnlptc": "phong chong tham nhung lang phi tieu cuc",
    ]

    /// How names are compared: folded, punctuation dropped, abbreviations expanded.
    /// "UBND tỉnh", "Uỷ ban nhân dân Tỉnh" and "Ủy ban nhân dân tỉnh" share one key.
    static func key(_ name: String) -> String {
        let folded = VietnameseText.foldedUTF8(name)
        // Vietnamese folds to ASCII, where a letter or digit is one byte and so is every separator.
        guard folded.allSatisfy({ $0 < 0x80 }) else { return characterKey(String(decoding: folded, as: UTF8.self)) }
        var key: [UInt8] = []
        var start = 0
        while start < folded.count {
            guard VietnameseText.isASCIIAlphanumeric(folded[start]) else { start += 1; continue }
            var end = start
            while end < folded.count, VietnameseText.isASCIIAlphanumeric(folded[end]) { end += 1 }
            let word = String(decoding: folded[start..<end], as: UTF8.self)
            if !key.isEmpty { key.append(UInt8(ascii: " ")) }
            key += (abbreviations[word] ?? word).utf8
            start = end
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// `key` for folded text that is not all ASCII, where words are runs of Characters.
    private static func characterKey(_ folded: String) -> String {
        folded.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
            .map { abbreviations[String($0)] ?? String($0) }
            .joined(separator: " ")
    }

    /// Phrases around names that are not part of them.
    static let noise = ["có liên quan", "liên quan", "là đầu mối tham mưu", "là cơ quan thường trực", "là đầu mối", "theo chức năng, nhiệm vụ"]
    private static let foldedNoise = noise.map(VietnameseText.fold)

    /// Removes the noise phrases wherever Foundation's case- and diacritic-insensitive search
    /// finds them. That search is slow and most lists hold no such phrase. When every scalar
    /// of the text is one that folding treats at least as loosely as Foundation's comparison,
    /// a phrase missing from the folded text cannot be there, and is not searched for.
    static func withoutNoise(_ list: String) -> String {
        var text = list
        let prefilter = text.unicodeScalars.allSatisfy(foldsLikeFoundation)
        var folded = prefilter ? VietnameseText.fold(text) : ""
        for (phrase, foldedPhrase) in zip(noise, foldedNoise) where !prefilter || folded.containsBytes(foldedPhrase) {
            text = text.replacingOccurrences(of: phrase, with: "", options: [.caseInsensitive, .diacriticInsensitive])
            if prefilter { folded = VietnameseText.fold(text) }
        }
        return text
    }

    /// ASCII, Latin and Vietnamese letters, combining diacritics (which both drop) and
    /// punctuation; `FastPathTests` checks every one of them against Foundation.
    static func foldsLikeFoundation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x250, 0x300..<0x370, 0x1E00..<0x1F00, 0x2010..<0x2028, 0x2030..<0x205F: true
        default: false
        }
    }

    /// "UBND các huyện, thành phố (sau đây gọi tắt là UBND cấp huyện)": the aside is not a name.
    static func withoutParentheses(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") }) else { return text }
        var result = ""
        var depth = 0
        for character in text {
            if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) } else if depth == 0 { result.append(character) }
        }
        return result
    }

    struct Piece {
        var separator: String
        var text: String
    }

    /// Cuts a group at ", " and " và ", keeping each separator so pieces can be re-joined as written.
    static func pieces(_ group: String) -> [Piece] {
        let trimmed = group.trimming(Whitespace.isSpaceOrNewline)
        if trimmed.unicodeScalars.allSatisfy({ PlainScalars.standsAlone($0.value) }) { return plainPieces(trimmed) }
        var pieces: [Piece] = []
        var separator = ""
        var current = ""
        var rest = Substring(trimmed)
        func flush(_ next: String) {
            let text = current.trimming { Whitespace.isSpaceOrNewline($0) || $0 == "." }
            if !text.isEmpty { pieces.append(Piece(separator: separator, text: text)) }
            separator = next
            current = ""
        }
        while let character = rest.first {
            if character == "," {
                flush(", ")
                rest = rest.dropFirst()
            } else if character == " ", rest.hasPrefix(" và ") {
                flush(" và ")
                rest = rest.dropFirst(4)
            } else {
                current.append(character)
                rest = rest.dropFirst()
            }
        }
        flush("")
        return pieces
    }

    /// `pieces` of plain text (`PlainScalars`), cut at the separators' bytes.
    private static func plainPieces(_ text: String) -> [Piece] {
        let bytes = Array(text.utf8)
        let and = Array(" và ".utf8)
        var pieces: [Piece] = []
        var separator = ""
        var start = 0
        func flush(to end: Int, _ next: String) {
            let piece = String(decoding: bytes[start..<end], as: UTF8.self).trimming { Whitespace.isSpaceOrNewline($0) || $0 == "." }
            if !piece.isEmpty { pieces.append(Piece(separator: separator, text: piece)) }
            separator = next
        }
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: ",") {
                flush(to: index, ", ")
                index += 1
                start = index
            } else if bytes[index] == UInt8(ascii: " "), bytes[index...].starts(with: and) {
                flush(to: index, " và ")
                index += and.count
                start = index
            } else {
                index += 1
            }
        }
        flush(to: bytes.count, "")
        return pieces
    }
}
