/// The field labels plans write before a colon, and what each one means.
public enum Label: Equatable, Sendable {
    case role(AgencyRole)
    /// "Trách nhiệm thực hiện": the lead where no other lead is named, else who carries it out.
    case carryOut
    case deadline
    /// "Nhiệm vụ", "Nội dung": the task's content follows; not a field.
    case content

    /// Every spelling seen in real plans, folded; longest first so the most specific wins.
    static let vocabulary: [(String, Label)] = [
        ("trach nhiem chi dao, thuc hien", .role(.lead)),
        ("trach nhiem chi dao thuc hien", .role(.lead)),
        ("trach nhiem phoi hop thuc hien", .role(.support)),
        ("trach nhiem phoi hop, thuc hien", .role(.support)),
        ("trach nhiem theo doi, tong hop", .role(.monitor)),
        ("trach nhiem theo doi", .role(.monitor)),
        ("lam dau moi theo doi", .role(.monitor)),
        ("trach nhiem tham muu", .role(.advise)),
        ("trach nhiem chi dao", .role(.lead)),
        ("trach nhiem thuc hien", .carryOut),
        ("trach nhiem phoi hop", .role(.support)),
        ("thoi gian hoan thanh", .deadline),
        ("thoi gian thuc hien", .deadline),
        ("co quan thuc hien", .carryOut),
        ("don vi thuc hien", .carryOut),
        ("co quan chu tri", .role(.lead)),
        ("don vi chu tri", .role(.lead)),
        ("co quan phoi hop", .role(.support)),
        ("don vi phoi hop", .role(.support)),
        ("chu tri", .role(.lead)),
        ("phoi hop", .role(.support)),
        ("thoi han", .deadline),
        ("tien do", .deadline),
        ("nhiem vu", .content),
        ("noi dung", .content),
    ]

    static let longestSpelling = vocabulary.map(\.0.count).max()!
    private static let spellingBytes = vocabulary.map { Array($0.0.utf8) }

    /// Reads "Label: value" (or a bare "Label") at the start of a line. The label must be followed
    /// by a colon or end the line, so "Chủ trì, phối hợp với …" in a sentence is not a label.
    static func read(_ text: String) -> (Label, value: String)? {
        // Most lines are not labels, and folding a whole paragraph to learn that cost more than
        // the rest of reading it. Folding keeps one character per character, so the first few
        // dozen folded alone show whether any spelling can start the line.
        let head = VietnameseText.foldedUTF8(String(text[..<text.characterPrefixEnd(longestSpelling).end]))
        let mayStart = head.withUnsafeBufferPointer { head in
            spellingBytes.contains { $0.withUnsafeBufferPointer { ByteSearch.hasPrefix(head, $0) } }
        }
        guard mayStart else { return nil }
        let folded = VietnameseText.fold(text)
        for (spelling, label) in vocabulary where folded.hasPrefix(spelling) {
            let rest = folded.dropFirst(spelling.count)
            let trimmed = rest.drop(while: { $0 == " " })
            guard trimmed.isEmpty || trimmed.first == ":" else { continue }
            // Folding keeps one character per character, so the offset carries over to the original.
            let afterLabel = text.dropFirst(spelling.count).drop(while: { $0 == " " })
            let value = afterLabel.first == ":" ? afterLabel.dropFirst() : afterLabel
            return (label, String(value).trimming())
        }
        return nil
    }
}

/// An outline number at the start of a line: "III.", "2.", "3.1.", "a)", "(4)".
public struct OutlineToken: Hashable, Sendable {
    public enum Kind: Int, Sendable {
        case roman, arabic, dotted, letter, parenthesised
        /// A bullet of an assignment list ("- <what>: <who> chủ trì"), numbered by PlanSite.
        case point
    }

    public var kind: Kind
    /// "III", "2", "3.1", "a", "4"
    public var value: String

    /// How deep the token sits in a plan's outline, for paragraphs: roman above arabic above
    /// dotted (deeper with each dot) above letters above (1).
    var rank: Int {
        switch kind {
        case .roman: return 0
        case .arabic: return 1
        case .dotted: return 1 + value.split(separator: ".").count - 1
        case .letter: return 6
        case .parenthesised: return 7
        case .point: return 8
        }
    }

    /// As printed in an outline path: "III", "3.1", "a)", "(4)".
    public var display: String {
        switch kind {
        case .letter: return "\(value))"
        case .parenthesised: return "(\(value))"
        case .point: return "ý \(value)"
        default: return value
        }
    }

    static let romans: Set<String> = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]

    /// Splits a leading outline token off a line.
    static func read(_ text: String) -> (OutlineToken, rest: String)? {
        mayStartToken(text) ? tokenAtStart(text) : nil
    }

    /// `read` without the quick test of the first bytes.
    static func tokenAtStart(_ text: String) -> (OutlineToken, rest: String)? {
        let (chars, offsets) = leadingCharacters(text, 16)
        var i = 0
        func rest(_ from: Int) -> String {
            let start = offsets.map { text.utf8.index(text.startIndex, offsetBy: $0[from]) } ?? text.index(text.startIndex, offsetBy: from)
            return text[start...].trimming()
        }
        if chars.first == "(" {
            i = 1
            var number = ""
            while i < chars.count, chars[i].isNumber { number.append(chars[i]); i += 1 }
            if !number.isEmpty, i < chars.count, chars[i] == ")" { return (OutlineToken(kind: .parenthesised, value: number), rest(i + 1)) }
            return nil
        }
        if let first = chars.first, first.isLowercase, chars.count > 2, chars[1] == ")", chars[2] == " " {
            return (OutlineToken(kind: .letter, value: String(first)), rest(2))
        }
        var word = ""
        while i < chars.count, chars[i].isUppercase, "IVX".contains(chars[i]) { word.append(chars[i]); i += 1 }
        if romans.contains(word), i + 1 < chars.count, chars[i] == ".", chars[i + 1] == " " {
            return (OutlineToken(kind: .roman, value: word), rest(i + 1))
        }
        i = 0
        var number = ""
        while i < chars.count, chars[i].isNumber || (chars[i] == "." && i + 1 < chars.count && chars[i + 1].isNumber) {
            number.append(chars[i]); i += 1
        }
        guard !number.isEmpty, i < chars.count else { return nil }
        // "1." and "1.1." are outline numbers; "1.1 " may drop its last dot; "2023 là …" is a sentence.
        let dotted = number.utf8.contains(UInt8(ascii: "."))
        if chars[i] == "." { i += 1 } else if !dotted { return nil }
        guard i < chars.count, chars[i] == " " else { return nil }
        return (OutlineToken(kind: dotted ? .dotted : .arabic, value: number), rest(i))
    }

    /// The first `count` Characters of a text and, where the scalars up to there are plain (as in
    /// nearly every plan), the byte offset each starts at: then they are read from the bytes.
    private static func leadingCharacters(_ text: String, _ count: Int) -> ([Character], offsets: [Int]?) {
        let plain: ([Character], [Int])? = text.withUTF8Bytes { bytes in
            var characters: [Character] = []
            var offsets = [0]
            characters.reserveCapacity(count + 1)
            offsets.reserveCapacity(count + 2)
            var offset = 0
            // One scalar past the last: a combining mark there would join the last Character.
            while offset < bytes.count, characters.count <= count {
                let (value, length) = UTF8Bytes.scalar(in: bytes, at: offset)
                guard PlainScalars.standsAlone(value), let scalar = Unicode.Scalar(value) else { return nil }
                characters.append(Character(scalar))
                offset += length
                offsets.append(offset)
            }
            if characters.count > count {
                characters.removeLast()
                offsets.removeLast()
            }
            return (characters, offsets)
        }
        return plain ?? (Array(text.prefix(count)), nil)
    }

    /// False for most paragraphs, by their first bytes: a token starts with "(", a digit, a roman
    /// numeral's letter, or a lower-case letter followed by ")". A letter (ASCII or Vietnamese,
    /// never a number) before an ASCII byte other than ")" starts none; anything else is read.
    static func mayStartToken(_ text: String) -> Bool {
        text.withUTF8Bytes { bytes in
            guard !bytes.isEmpty else { return false }
            let (value, length) = UTF8Bytes.scalar(in: bytes, at: 0)
            let next = length < bytes.count ? bytes[length] : nil
            let nextIsNotParenthesis = next.map { $0 < 0x80 && $0 != UInt8(ascii: ")") } ?? true
            switch value {
            case 0x28, 0x30...0x39, 0x49, 0x56, 0x58: return true
            case 0x61...0x7A: return !nextIsNotParenthesis
            case 0xC0..<0x250 where value != 0xD7 && value != 0xF7, 0x1E00..<0x1F00: return !nextIsNotParenthesis
            case ..<0x80: return false
            default: return true
            }
        }
    }
}

import Foundation
