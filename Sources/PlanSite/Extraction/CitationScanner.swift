/// A document number found in running text.
public struct ScannedNumber: Sendable {
    public var number: DocumentNumber
    /// The number as printed, e.g. "35-CTr-TU" or "1206 /QĐ-HVTC".
    public var range: Range<String.Index>
    /// Where the citation starts: at its type word ("Nghị quyết số …") if it has one.
    public var citationStart: String.Index
    public var typeWord: String?
}

/// Finds document numbers in the three shapes (27-NQ/TW, 77/NQ-CP, 33/2021/QH15) in text,
/// tolerating spaces and line breaks around the separators ("27-⏎⏎NQ/TW", "1206 /QĐ-HVTC").
/// A hand-written scanner: it runs over every paragraph of every plan, and a number must
/// never be read out of a longer one ("2712" is not "27"). It walks Unicode scalars, not
/// Characters: text is NFC by then, and grapheme breaking was most of the scanner's time.
public struct CitationScanner: Sendable {
    public init() {}

    /// The numbers in `text`. Without `typeWords`, each citation starts at its number: search
    /// reads only the numbers, and looking back for type words was half of scanning.
    public func scan(_ text: String, typeWords: Bool = true) -> [ScannedNumber] {
        guard Self.mayHoldNumber(text) else { return [] }
        let (scalars, offsets) = Self.scalars(of: text)
        func index(_ i: Int) -> String.Index { text.utf8.index(text.utf8.startIndex, offsetBy: offsets[i]) }

        // Read through a buffer pointer: an array checks its bounds at every look.
        return scalars.withUnsafeBufferPointer { chars in
            var found: [ScannedNumber] = []
            var i = 0
            while i < chars.count {
                guard chars[i].isDigit, i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber || chars[i - 1] == "/" || chars[i - 1] == "-") else {
                    i += 1
                    continue
                }
                if let (number, end) = readNumber(chars, from: i) {
                    let (start, typeWord) = typeWords ? typeWordBefore(chars, numberStart: i) : (i, nil)
                    found.append(ScannedNumber(number: number, range: index(i)..<index(end),
                                               citationStart: index(start), typeWord: typeWord))
                    i = end
                } else {
                    i += 1
                }
            }
            return found
        }
    }

    /// The text's scalars, as the scanner reads them.
    private typealias Scalars = UnsafeBufferPointer<Unicode.Scalar>

    /// Every number has a digit followed, within a few spaces, by "-" or "/": most paragraphs
    /// have none, and checking bytes is far cheaper than walking characters.
    static func mayHoldNumber(_ text: String) -> Bool {
        text.withUTF8Bytes(mayHoldNumber)
    }

    static func mayHoldNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var sawDigit = false
        var gap = 0
        var index = 0
        var byByte = 0
        while index < bytes.count {
            // With no digit seen, only a digit changes anything: words without one are skipped.
            if !sawDigit {
                index = ByteSearch.skipWords(in: bytes, from: index, byByte: &byByte) { ByteSearch.hasByte($0, between: 0x2F, and: 0x3A) }
                guard index < bytes.count else { break }
            }
            let byte = bytes[index]
            index += 1
            if byte >= 48 && byte <= 57 {
                sawDigit = true
                gap = 0
            } else if sawDigit, byte == 45 || byte == 47 {
                return true
            } else if sawDigit, (byte == 32 || byte == 10) && gap < 6 {
                gap += 1
            } else {
                sawDigit = false
            }
        }
        return false
    }

    /// The text's scalars, with the UTF-8 offset of each and of the end: the scanner walks the
    /// scalars and turns the few offsets it reports into String indices.
    private static func scalars(of text: String) -> (scalars: [Unicode.Scalar], offsets: [Int]) {
        text.withUTF8Bytes { bytes in
            // Written in place, both in one pass, rather than appended: every paragraph with a
            // number comes here, and a task's text is scanned again for the search index.
            var scalars: [Unicode.Scalar] = []
            let offsets = [Int](unsafeUninitializedCapacity: bytes.count + 1) { offsets, written in
                var count = 0
                scalars = [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { scalars, decoded in
                    var offset = 0
                    while offset < bytes.count {
                        let scalar = UTF8Bytes.scalar(in: bytes, at: offset)
                        offsets[count] = offset
                        scalars[count] = Unicode.Scalar(scalar.value)!
                        count += 1
                        offset += scalar.length
                    }
                    decoded = count
                }
                offsets[count] = bytes.count
                written = count + 1
            }
            return (scalars, offsets)
        }
    }

    /// Reads one number starting at a digit; returns it and the index just past it.
    private func readNumber(_ c: Scalars, from start: Int) -> (DocumentNumber, Int)? {
        var i = start
        let serial = digits(c, &i)
        guard !serial.isEmpty, serial.count <= 5 else { return nil }
        let value = serial.reduce(0) { $0 * 10 + Int(c[$1].value - 48) }
        skipSpaces(c, &i)
        guard i < c.count, c[i] == "/" || c[i] == "-" else { return nil }
        let firstSeparator = c[i]
        i += 1
        skipSpaces(c, &i)
        if firstSeparator == "/" {
            var probe = i
            let year = digits(c, &probe)
            if year.count == 4 {
                let year = PlainScalars.string(Scalars(rebasing: c[year]))
                skipSpaces(c, &probe)
                if probe < c.count, c[probe] == "/" {
                    probe += 1
                    skipSpaces(c, &probe)
                    guard let symbol = symbolGroups(c, &probe) else { return nil }
                    return finish(number("\(value)/\(year)/\(symbol)"), c, probe)
                }
                return nil
            }
            guard let type = typeCode(c, &i) else { return nil }
            skipSpaces(c, &i)
            guard i < c.count, c[i] == "-" else { return nil }
            i += 1
            skipSpaces(c, &i)
            guard let issuer = symbolGroups(c, &i) else { return nil }
            return finish(number("\(value)/\(type)-\(issuer)"), c, i)
        }
        guard let type = typeCode(c, &i) else { return nil }
        skipSpaces(c, &i)
        guard i < c.count, c[i] == "/" || c[i] == "-" else { return nil }
        i += 1
        skipSpaces(c, &i)
        guard let issuer = upperCode(c, &i) else { return nil }
        return finish(number("\(value)-\(type)/\(issuer)"), c, i)
    }

    private func number(_ text: String) -> DocumentNumber? { DocumentNumber.parsed(text) }

    private func finish(_ number: DocumentNumber?, _ c: Scalars, _ end: Int) -> (DocumentNumber, Int)? {
        guard let number, end >= c.count || !(c[end].isLetter || c[end].isNumber) else { return nil }
        return (number, end)
    }

    /// Where the ASCII digits from `i` lie. The codes below are read as ranges too, and a
    /// string is made only of what a number keeps: appending scalar by scalar cost more than scanning.
    private func digits(_ c: Scalars, _ i: inout Int) -> Range<Int> {
        let start = i
        while i < c.count, c[i].isDigit { i += 1 }
        return start..<i
    }

    /// Spaces and line breaks that extraction from PDF leaves inside a number.
    private func skipSpaces(_ c: Scalars, _ i: inout Int) {
        var j = i
        while j < c.count, c[j].isWhitespace { j += 1 }
        if j - i <= 6 { i = j }
    }

    /// A type code: an upper-case letter, then letters of either case (NQ, CTr, QĐi, TTr).
    private func typeCode(_ c: Scalars, _ i: inout Int) -> String? {
        guard i < c.count, c[i].isUppercase else { return nil }
        let start = i
        while i < c.count, c[i].isLetter, i - start < 6 { i += 1 }
        return PlainScalars.string(Scalars(rebasing: c[start..<i]))
    }

    /// An issuer code: upper-case letters and digits (TW, UBND, BCSĐ, QH15).
    private func upperCode(_ c: Scalars, _ i: inout Int) -> String? {
        guard i < c.count, c[i].isUppercase else { return nil }
        let start = i
        while i < c.count, c[i].isUppercase || c[i].isDigit { i += 1 }
        return i - start <= 10 ? PlainScalars.string(Scalars(rebasing: c[start..<i])) : nil
    }

    /// Issuer codes joined by dashes: UBND, QH15, NĐ-CP, BNV-TCCB.
    private func symbolGroups(_ c: Scalars, _ i: inout Int) -> String? {
        guard i < c.count, c[i].isUppercase else { return nil }
        let start = i
        while i < c.count, c[i].isLetter || c[i].isDigit, i - start < 10 { i += 1 }
        var text = PlainScalars.string(Scalars(rebasing: c[start..<i]))
        while i + 1 < c.count, c[i] == "-", c[i + 1].isUppercase {
            i += 1
            guard let next = upperCode(c, &i) else { break }
            text += "-" + next
        }
        return text
    }

    /// Type words that introduce a number, longest first so "Chương trình hành động" wins over "Chương trình".
    static let typeWords: [String] = [
        "chương trình hành động", "chương trình", "nghị quyết", "kế hoạch", "quyết định", "quy định", "hướng dẫn",
        "kết luận", "chỉ thị", "thông báo", "tờ trình", "quy chế", "nghị định", "thông tư", "thông tri", "đề án",
        "báo cáo", "luật", "công văn", "văn bản",
    ]

    /// Looks back from a number for "<type word> [số]" so the citation's link covers it,
    /// comparing scalars backwards (case-insensitively; any run of spaces matches one) within
    /// the 30 characters before the number.
    private func typeWordBefore(_ c: Scalars, numberStart: Int) -> (Int, String?) {
        var i = numberStart
        while i > 0, c[i - 1].isWhitespace { i -= 1 }
        let limit = max(0, i - 30)
        var end = i
        if end - 2 >= limit, c[end - 2].lowercased == "s", c[end - 1].lowercased == "ố" {
            end -= 2
            while end > limit, c[end - 1].isWhitespace { end -= 1 }
        }
        guard end > limit else { return (numberStart, nil) }
        // Most numbers have no type word before them: the letter before them ends few words, or none.
        let last = c[end - 1].lowercased
        for (scalars, name) in Self.typeWordScalars where scalars.last == last {
            guard let start = Self.match(scalars, endingAt: end, in: c, limit: limit) else { continue }
            guard start == 0 || c[start - 1].isWhitespace || c[start - 1] == "(" || c[start - 1] == "," else { continue }
            return (start, name)
        }
        return (numberStart, nil)
    }

    /// Each type word's scalars, and the word as a citation names it ("Nghị quyết").
    private static let typeWordScalars = typeWords.map { (Array($0.unicodeScalars), $0.prefix(1).uppercased() + $0.dropFirst()) }

    /// Where `word` starts if it ends at `end`; a space in `word` matches a run of whitespace.
    private static func match(_ word: [Unicode.Scalar], endingAt end: Int, in c: Scalars, limit: Int) -> Int? {
        var j = end
        var k = word.count
        while k > 0 {
            guard j > limit else { return nil }
            if word[k - 1] == " " {
                guard c[j - 1].isWhitespace else { return nil }
                while j > limit, c[j - 1].isWhitespace { j -= 1 }
            } else {
                guard c[j - 1].lowercased == word[k - 1] else { return nil }
                j -= 1
            }
            k -= 1
        }
        return j
    }
}

import Foundation

/// The character tests the scanner needs, on scalars. NFC text has one scalar per letter.
/// Most of what it looks at is ASCII, where each test is a comparison, not a table look-up.
private extension Unicode.Scalar {
    var isDigit: Bool { value >= 48 && value <= 57 }
    var isWhitespace: Bool { value < 0x80 ? value == 32 || (9...13).contains(value) : properties.isWhitespace }
    var isUppercase: Bool { value < 0x80 ? value >= 65 && value <= 90 : properties.isUppercase }
    var isNumber: Bool { value < 0x80 ? isDigit : properties.numericType != nil }
    /// The lower-case letter, for the letters type words use (one scalar in NFC). Vietnamese
    /// letters lie below U+2000, where a table answers without Unicode's case mappings.
    var lowercased: Unicode.Scalar {
        if value < 0x80 { return value >= 65 && value <= 90 ? Unicode.Scalar(value + 32)! : self }
        if value < 0x2000 { return lowercaseBelow2000[Int(value)] }
        return lowercaseMapped
    }

    var lowercaseMapped: Unicode.Scalar {
        let mapped = properties.lowercaseMapping.unicodeScalars
        return mapped.count == 1 ? mapped.first! : self
    }
    var isLetter: Bool {
        if value < 0x80 { return (value | 0x20) >= 97 && (value | 0x20) <= 122 }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }
}

private let lowercaseBelow2000: [Unicode.Scalar] = (0..<0x2000).map { Unicode.Scalar(UInt32($0))!.lowercaseMapped }
