import Foundation
import Testing
@testable import PlanSite

/// The hand-written replacements for Foundation and Character walks must give what the slow
/// ways gave, on Vietnamese text and on the odd characters PDF exports leave in it.
@Suite("Fast paths agree with the slow ones")
struct FastPathTests {
    /// Spaces of every kind, line breaks, a combining mark after a space, a stray mark at the
    /// start, letters outside the BMP.
    static let awkward = [
        "", " ", "\t\n", "Sở Tư pháp", "  Sở Tư pháp  ", "\u{A0}Sở Tư pháp\u{A0}", "\u{200B}Ủy ban\u{200B}",
        "\u{3000}tỉnh\u{2028}", "\u{85}Đảng ủy\u{85}", " \u{301}Sở ", "Sở \u{301}", "\u{301} (a) ", "\r\nNăm 2025.\r\n",
        "\u{2009}quý II/2023;\u{202F}", "\u{1F600} a \u{1F600}", "(hoàn thành trong quý II/2023).", " \u{FEFF}x\u{FEFF} ",
        "Nghị quyết\u{2029}số 27-NQ/TW,:", "e\u{301} ", "(\u{301}x) (y)", "a (b\u{301}) c)",
    ]

    @Test func whitespaceSetsAreFoundations() {
        for value in 0..<0x11_0000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(Whitespace.isSpace(scalar) == CharacterSet.whitespaces.contains(scalar), "U+\(String(value, radix: 16))")
            #expect(Whitespace.isSpaceOrNewline(scalar) == CharacterSet.whitespacesAndNewlines.contains(scalar), "U+\(String(value, radix: 16))")
        }
    }

    @Test(arguments: awkward)
    func trimmingIsFoundations(text: String) {
        let dots = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "."))
        #expect(text.trimming() == text.trimmingCharacters(in: .whitespaces))
        #expect(text.trimming(Whitespace.isSpaceOrNewline) == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(text.trimming { Whitespace.isSpaceOrNewline($0) || $0 == "." } == text.trimmingCharacters(in: dots))
        let inner = text.dropFirst()
        #expect(inner.trimming() == inner.trimmingCharacters(in: .whitespaces))
    }

    @Test(arguments: awkward + ["III. Nhiệm vụ, giải pháp", "Sở Tư pháp", "ĐẢNG ỦY – Ð", "***", "Cyrillic а о", "27-NQ/TW (Lào Cai)"])
    func slugKeepsWhatCharacterSetKept(text: String) {
        var slug = ""
        var pendingDash = false
        for scalar in VietnameseText.fold(text).unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                if pendingDash, !slug.isEmpty { slug.append("-") }
                slug.unicodeScalars.append(scalar)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        #expect(VietnameseText.slug(text) == slug)
    }

    @Test(arguments: awkward + ["a;b\u{37E}c;;", "\u{37E}", ";\u{301};", "x(;)y"])
    func asciiSearchFindsCharactersOnly(text: String) {
        for characters in ["(", ")", ";", ";()", ":"] {
            #expect(text.firstIndex(ofAnyASCII: characters) == text.firstIndex(where: { characters.contains($0) }))
            let rest = text.dropFirst()
            #expect(rest.firstIndex(ofAnyASCII: characters) == rest.firstIndex(where: { characters.contains($0) }))
        }
        #expect(text.split(atASCII: ";") == text.split(separator: ";"))
    }

    @Test(arguments: awkward + ["Sở Tư pháp tỉnh, về thực hiện", "ve ", " ve "])
    func byteSearchFindsWhatRangeOfFinds(text: String) {
        for needle in [" ", "ve ", " ve ", "Sở", "ở", "thực hiện", "\u{301}"] {
            #expect(text.byteRange(of: needle).map { text[$0] } == text.range(of: needle, options: .literal).map { text[$0] })
        }
        #expect(text.byteRange(of: "") == nil)
    }

    /// Lines around the 300-character cut, joined where a combining mark starts a line.
    static let snippets: [String] = {
        let a = { (count: Int) in String(repeating: "ạ", count: count) }
        return awkward + [a(299) + "\n\u{301}b", a(300) + "\n\u{301}b", a(298) + "\n\n\u{301}\u{301}bc", a(301), a(300), a(302) + "\r\n",
                          "\n\n" + a(150) + "\r\n\u{2028}" + a(150) + "\u{85}x", a(100) + "\n" + a(100) + "\n" + a(99) + "\n\u{301}" + a(5),
                          String(repeating: "x\n", count: 400), "🇻🇳\n🇻🇳🇻🇳\n" + a(297),
                          a(299) + "\nbc", a(299) + "\n\n", a(300) + "\n", a(300) + "\nb", a(298) + "\r\nb\nc", "\r\nx\r\n\r\ny\u{85}", a(5000)]
    }()

    @Test(arguments: snippets)
    func snippetIsTheJoinedLinesShortened(text: String) {
        let joined = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        #expect(Snippet.source(text) == (joined.count > 300 ? String(joined.prefix(300)) + "…" : joined))
        for prefix in [String(text.prefix(3)), String(text.unicodeScalars.prefix(3)), "ạ", "", text] {
            #expect(Snippet.hasPrefix(text, prefix) == text.hasPrefix(prefix))
        }
    }

    /// Every first scalar up to U+2000 and a few beyond, before ")", " ", a letter, a combining
    /// mark and nothing: what the first bytes rule out, the full reading finds no token in.
    @Test func outlineTokensAreRuledOutOnlyWhereThereAreNone() {
        let firsts = (0..<0x2000).compactMap(Unicode.Scalar.init) + ["\u{1F600}", "\u{FF11}", "\u{0661}"]
        for first in firsts {
            for rest in [") x", ") ", ". x", " x", "x", "\u{301}) x", "I. x", ""] {
                let text = String(first) + rest
                if !OutlineToken.mayStartToken(text) {
                    #expect(OutlineToken.tokenAtStart(text) == nil, "U+\(String(first.value, radix: 16)) + \(rest.debugDescription)")
                }
            }
        }
        #expect(OutlineToken.read("a) Nhiệm vụ")?.0 == OutlineToken(kind: .letter, value: "a"))
        #expect(OutlineToken.read("Sở Tư pháp") == nil && OutlineToken.read("2.1. Sở") != nil && OutlineToken.read("(3) Sở") != nil)
    }

    @Test func newlineCharactersStartWithNewlineScalars() {
        for value in 0..<0x11_0000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(Character(scalar).isNewline == [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029].contains(value))
        }
    }

    /// Folding lowers eight ASCII bytes at a time: it must give what folding each scalar alone
    /// gives, for every ASCII byte, at every offset, between Vietnamese letters.
    @Test func foldingEightBytesAtATimeFoldsEachScalar() {
        let ascii = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        for shift in 0..<8 {
            for text in [String(repeating: "x", count: shift) + ascii + "ĐẢNG ỦY tỉnh Lào Cai" + ascii.uppercased(),
                         "Ủy ban Nhân dân TỈNH" + String(repeating: "@[`{AZaz ", count: shift + 1) + "Ⱥ\u{301}Ð Sở"] {
                let alone = text.unicodeScalars.map { VietnameseText.fold(String($0)) }.joined()
                #expect(VietnameseText.fold(text) == alone)
            }
        }
    }

    /// `AgencyRegistry` keys a run of list pieces by joining the pieces' and separators' keys:
    /// that must be the key of the run as written, abbreviations and odd characters included.
    @Test(arguments: ["UBND tỉnh", "Sở Tư pháp.", "Mặt trận Tổ quốc Việt Nam tỉnh", "Ban Chỉ đạo 35", "Uỷ ban \u{1F600} nhân dân",
                      "Sở Nội vụ (Ban Thi đua)", "HĐND", "Cục Thuế\u{301}", ""])
    func aRunIsKeyedByItsPiecesKeys(piece: String) {
        for other in Self.awkward.prefix(6) + ["MTTQVN", "Ủy ban nhân dân cấp huyện"] {
            for separator in [", ", " và "] {
                let joined = [piece, separator, other].map(AgencyListText.key).filter { !$0.isEmpty }.joined(separator: " ")
                #expect(AgencyListText.key(piece + separator + other) == joined, "\(piece)|\(separator)|\(other)")
            }
        }
    }

    /// Plain scalars are read as Characters only where each scalar is one and folds to one.
    @Test func scalarsOfTheirOwnAreCharactersOfTheirOwn() {
        var scalars = (0..<0x2100).compactMap(Unicode.Scalar.init).filter { PlainScalars.standsAlone($0.value) }
        for scalar in scalars {
            let folded = VietnameseText.fold(String(scalar)).unicodeScalars
            #expect(folded.count == 1, "U+\(String(scalar.value, radix: 16))")
            // "Ⱥ" folds to "ⱥ", outside the set: it must still be a Character of its own.
            if let other = folded.first, !PlainScalars.standsAlone(other.value) { scalars.append(other) }
        }
        let pairs = scalars.lazy.flatMap { a in scalars.lazy.map { b in String(String.UnicodeScalarView([a, b])) } }
        #expect(pairs.allSatisfy { $0.count == 2 })
    }

    @Test(arguments: [
        "Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ và Sở Giáo dục và Đào tạo tổ chức thực hiện.",
        "Giao Sở Tư pháp; Ủy ban nhân dân cấp huyện chủ trì thực hiện. Chủ trì, phối hợp cùng Sở Nội vụ triển khai.",
        "Đề nghị Ban Nội chính Tỉnh ủy phối hợp theo dõi. “Sở Nội vụ” chủ trì – phối hợp với Sở Tư pháp: báo cáo.",
        "Sở Tư pha\u{301}p chủ trì, phối hợp với Sở Nội vụ.", "🇻🇳 Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ\r\n.",
    ])
    func sentenceRolesReadScalarsAsCharacters(text: String) {
        let roles = SentenceRoles(registry: ExtractionTests.registry)
        let folded = VietnameseText.fold(text)
        let byCharacters = roles.read(Array(text), folded: Array(folded), foldedText: folded, subject: ["Sở Nội vụ"])
        let found = roles.read(text, subject: ["Sở Nội vụ"])
        #expect(found.lead == byCharacters.lead)
        #expect(found.support == byCharacters.support)
    }

    /// Decoding skips Foundation's normalisation only where the standard library is sure it changes nothing.
    @Test(arguments: awkward + ["Tie\u{302}\u{301}n", "\u{212B}", "A\u{30A}", "ạ\u{323}", "Lào Cai", "Ω"])
    func knownNFCIsNFC(text: String) {
        if VietnameseText.isKnownNFC(text) {
            #expect(Array(text.precomposedStringWithCanonicalMapping.utf8) == Array(text.utf8))
        }
        let decoded = try? TextFile.decode(Data(text.utf8)).get()
        let unix = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        #expect(decoded.map { Array($0.utf8) } == Array(unix.precomposedStringWithCanonicalMapping.utf8))
    }

    /// Documents ranked by their names' ranks come in the order `<` on the names gives.
    @Test func documentsSortedByRanksAsByNames() {
        var refs = Set(RealPlanTests.site.model.documents.map(\.document.ref))
        for (province, number) in [("Lào Cai", "04-KH/TU"), ("Lao Cai", "04-KH/TU"), ("Đồng Nai", "04-KH/TU"), ("Đắk Lắk", "12/QĐ-UBND"),
                                   ("An Giang", "12/QĐ-UBND"), ("An Giang", "12/QD-UBND"), ("Ðồng Nai", "5-KH/BCSĐ")] {
            refs.insert(DocumentRef(number: DocumentNumber(number)!, citingProvince: province))
        }
        #expect(refs.count > 40)
        #expect(DocumentLinker.sorted(refs) == refs.sorted())
    }

    /// Text of the scalars `isPlainlyNFC` trusts is NFC: each is NFC alone and never reordered,
    /// and none is ever composed onto a scalar before it, as none follows the first scalar of
    /// any character's canonical decomposition.
    @Test func plainScalarsAreNFCInAnyOrder() {
        func isPlain(_ scalar: Unicode.Scalar) -> Bool {
            var text = String(scalar)
            return text.withUTF8 { VietnameseText.isPlainlyNFC($0) }
        }
        let plain = (0x80..<0x11_0000).compactMap(Unicode.Scalar.init).filter(isPlain)
        #expect(plain.count == 0x280 + 0x100 + 0x63)
        for scalar in plain {
            #expect(String(scalar).precomposedStringWithCanonicalMapping == String(scalar), "U+\(String(scalar.value, radix: 16))")
            #expect(scalar.properties.canonicalCombiningClass == .notReordered, "U+\(String(scalar.value, radix: 16))")
        }
        for value in 0x80..<0x11_0000 {
            guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .unassigned else { continue }
            let parts = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.dropFirst()
            #expect(!parts.contains(where: isPlain), "U+\(String(value, radix: 16))")
        }
        #expect(!"e\u{301}".withUTF8Bytes(VietnameseText.isPlainlyNFC) && !"\u{2000}".withUTF8Bytes(VietnameseText.isPlainlyNFC))
        #expect("Sở Tư pháp – “Đảng ủy”…".withUTF8Bytes(VietnameseText.isPlainlyNFC))
        // ASCII is skipped a word at a time: a mark anywhere in or after a word is still seen.
        let ascii = "Ke hoach thuc hien nghi quyet so 27", at = { (mark: String, split: String.Index) in ascii[..<split] + mark + ascii[split...] }
        #expect(ascii.indices.allSatisfy { !at("e\u{301}", $0).withUTF8Bytes(VietnameseText.isPlainlyNFC) })
        #expect(ascii.indices.allSatisfy { at("ế", $0).withUTF8Bytes(VietnameseText.isPlainlyNFC) })
    }

    /// The noise prefilter may skip Foundation's search only where that search cannot match:
    /// every scalar it trusts, put into, or in place of one or two letters of, each phrase.
    @Test func noisePrefilterNeverHidesAFoundationMatch() {
        let options: String.CompareOptions = [.caseInsensitive, .diacriticInsensitive]
        var checked = 0
        for phrase in AgencyListText.noise {
            let characters = Array(phrase)
            let foldedPhrase = VietnameseText.fold(phrase)
            for value in 0..<0x2100 {
                guard let scalar = Unicode.Scalar(value), AgencyListText.foldsLikeFoundation(scalar) else { continue }
                let inserted = String(String.UnicodeScalarView([scalar]))
                for k in 0..<characters.count {
                    let before = String(characters[..<k]) + inserted
                    for resume in [k, k + 1, min(k + 2, characters.count)] {
                        let text = before + String(characters[resume...])
                        guard text.range(of: phrase, options: options) != nil else { continue }
                        checked += 1
                        #expect(VietnameseText.fold(text).containsBytes(foldedPhrase), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
                    }
                }
            }
        }
        #expect(checked > 1000)
        #expect(AgencyListText.withoutNoise("Sở Tư pháp và các cơ quan Có Liên Quan") == "Sở Tư pháp và các cơ quan ")
        #expect(AgencyListText.withoutNoise("Sở Tư pháp li\u{1DC0}ên quan") == "Sở Tư pháp ", "outside the prefilter's scalars, Foundation decides")
    }

    /// Front matter used to be split into Characters on "\n", so "\r\n" never ended a line.
    @Test(arguments: [
        "---\ntitle: a\n---\nbody\n", "---\n---\n", "---\n---", "---", "---\n", "--- \t\ntitle: a\n---\r\nx", "---\r\ntitle: a\r\n---\r\nbody",
        "---\ntitle: a\n---\r", "---\ntitle: a\n  ---  \nbody\n\nmore", "\n---\n---\n", "---\na\n\n---\n\n", "---\n-\u{301}--\n---\nb",
        "---\na\n---\u{301}\n---\nb",
    ])
    func frontMatterSplitsWhereCharactersDid(text: String) {
        let expected = Self.characterSplit(text)
        switch FrontMatter.split(text) {
        case .success(let split):
            #expect(expected.map { [$0.yaml, $0.body, "\($0.bodyFirstLine)"] } == [split.yaml, split.body, "\(split.bodyFirstLine)"])
        case .failure(let error):
            #expect(expected == nil)
            #expect(error == (text.split(separator: "\n", omittingEmptySubsequences: false).first.map(Self.isFence) == true ? .unterminated : .missing))
        }
    }

    private static func characterSplit(_ text: String) -> (yaml: String, body: String, bodyFirstLine: Int)? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).makeIterator()
        guard let first = lines.next(), isFence(first) else { return nil }
        var yaml: [Substring] = []
        var lineNumber = 1
        while let line = lines.next() {
            lineNumber += 1
            if isFence(line) { return (yaml.joined(separator: "\n"), Array(IteratorSequence(lines)).joined(separator: "\n"), lineNumber + 1) }
            yaml.append(line)
        }
        return nil
    }

    private static func isFence(_ line: Substring) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == " " || last == "\t" || last == "\r" { trimmed.removeLast() }
        return trimmed == "---"
    }
}
