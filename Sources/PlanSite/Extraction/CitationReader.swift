import Foundation

/// Reads the citations of one block of text, with what the words around each say about the
/// document: "Kế hoạch số 11-KH/TW ngày 28/11/2022 của Bộ Chính trị về thực hiện Nghị quyết số 27-NQ/TW".
struct CitationReader {
    var scanner = CitationScanner()

    func read(_ text: String, province: String?, line: Int, taskIndex: Int?) -> [Citation] {
        read(text, numbers: scanner.scan(text), province: province, line: line, taskIndex: taskIndex)
    }

    /// The citations of the `numbers` the scanner found in `text`.
    func read(_ text: String, numbers found: [ScannedNumber], province: String?, line: Int, taskIndex: Int?) -> [Citation] {
        found.enumerated().map { index, scanned in
            let nextStart = index + 1 < found.count ? found[index + 1].citationStart : text.endIndex
            let clause = String(text[scanned.range.upperBound..<nextStart])
            var citation = Citation(ref: DocumentRef(number: scanned.number, citingProvince: province),
                                    text: String(text[scanned.citationStart..<scanned.range.upperBound]),
                                    typeWord: scanned.typeWord, date: nil, issuerPhrase: nil, subject: nil,
                                    carriesOut: [], line: line, taskIndex: taskIndex)
            readContext(clause, into: &citation)
            // "… về thực hiện <next citation>": this document carries the next one out.
            if index + 1 < found.count, clause.characterPrefixEnd(400).count < 400, !clause.utf8.contains(UInt8(ascii: ";")),
               VietnameseText.fold(clause).trimming().hasSuffix("thuc hien") {
                citation.carriesOut.append(found[index + 1].number)
            }
            return citation
        }
    }

    /// Date, issuer and subject, in the order plans write them after the number.
    private func readContext(_ clause: String, into citation: inout Citation) {
        var rest = Substring(clause).drop(while: { $0 == "," || $0 == " " })
        guard let first = rest.first, first != ")" else { return }
        // A date is in the first 40 characters, and folding keeps one character per character:
        // the rest of the clause, which can be the rest of a paragraph, need not be folded for it.
        let folded = VietnameseText.fold(String(rest[..<rest.characterPrefixEnd(40).end]))
        if folded.hasPrefix("ngay ") {
            let tokens = DeadlineToken.tokenize(String(folded.prefix(40)))
            if let date = Self.date(tokens) {
                citation.date = date
                rest = rest.dropFirst(Self.dateLength(folded))
            }
        }
        rest = rest.drop(while: { $0 == "," || $0 == " " })
        let end = rest.firstIndex(ofAnyASCII: ";()") ?? rest.endIndex
        let sentence = String(rest[..<end])
        let foldedSentence = VietnameseText.fold(sentence)
        if foldedSentence.hasPrefix("cua ") {
            let body = sentence.dropFirst(4)
            let foldedBody = VietnameseText.fold(String(body))
            // Folding keeps one Character per Character: a count in the folded text is one in the original.
            let stop = [" ve ", " thuc hien ", " ban hanh ", ", "].compactMap { foldedBody.byteRange(of: $0) }
                .map { Self.characterCount(foldedBody, before: $0.lowerBound) }.min() ?? .max
            citation.issuerPhrase = String(body[..<body.characterPrefixEnd(stop).end]).trimming()
        }
        if let about = foldedSentence.hasPrefix("ve ") ? foldedSentence.byteRange(of: "ve ") : foldedSentence.byteRange(of: " ve ") {
            let offset = Self.characterCount(foldedSentence, before: about.upperBound)
            var subject = String(sentence[sentence.characterPrefixEnd(offset).end...]).trimming()
            // The clause ends where the next citation starts: drop the joining word left behind.
            for tail in [",", ".", " và", " và các", " và Kế hoạch", ","] where subject.hasSuffix(tail) {
                subject = String(subject.dropLast(tail.count)).trimming()
            }
            // "… về thực hiện <next citation>" names the chain, not a subject.
            if VietnameseText.fold(subject).hasSuffix("thuc hien") { subject = String(subject.dropLast("thực hiện".count)).trimming() }
            let length = subject.characterPrefixEnd(300).count
            if length > 3, length < 300 { citation.subject = subject }
        }
    }

    /// How many Characters of `text` come before `index`, as `distance(from:to:)` counts them (an
    /// index inside a Character, say a joiner after "về ", counts from that Character's start),
    /// but plain text counted by scalar (`characterPrefixEnd`), not walked Character by Character.
    private static func characterCount(_ text: String, before index: String.Index) -> Int {
        let start = text.isCharacterStart(index) ? index : text.index(before: text.index(after: index))
        return text[..<start].characterPrefixEnd(.max).count
    }

    private static func date(_ tokens: [DeadlineToken]) -> CalendarDate? {
        if tokens.count >= 6, case .number(let d) = tokens[1], tokens[2] == .slash, case .number(let m) = tokens[3],
           tokens[4] == .slash, case .number(let y) = tokens[5] {
            return CalendarDate(year: y, month: m, day: d)
        }
        if tokens.count >= 6, case .number(let d) = tokens[1], tokens[2] == .word("thang"), case .number(let m) = tokens[3],
           tokens[4] == .word("nam"), case .number(let y) = tokens[5] {
            return CalendarDate(year: y, month: m, day: d)
        }
        return nil
    }

    /// How many characters "ngày 09/11/2022" or "ngày 09 tháng 11 năm 2022" takes: up to the end of the year.
    static func dateLength(_ folded: String) -> Int {
        // Where the first 41 bytes are ASCII but "\r", each of the first 40 is a Character and a
        // number is a digit: folded text nearly always is, and is read without grapheme breaking.
        let ascii = folded.withUTF8Bytes { bytes -> Int? in
            let window = bytes.prefix(41)
            guard !window.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: "\r") }) else { return nil }
            return yearEnd(in: window.prefix(40)) { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        }
        return ascii ?? yearEnd(in: Array(folded.prefix(40)), isNumber: \.isNumber)
    }

    /// The end of the first run of four numbers, counted from the start; 0 if there is none.
    private static func yearEnd<Characters: RandomAccessCollection>(in characters: Characters,
                                                                    isNumber: (Characters.Element) -> Bool) -> Int {
        var i = characters.startIndex
        while i < characters.endIndex {
            guard isNumber(characters[i]) else { i = characters.index(after: i); continue }
            var j = i
            while j < characters.endIndex, isNumber(characters[j]) { j = characters.index(after: j) }
            if characters.distance(from: i, to: j) == 4 { return characters.distance(from: characters.startIndex, to: j) }
            i = j
        }
        return 0
    }
}
