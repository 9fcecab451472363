import Foundation

/// Vietnamese text as the site compares it: the one folding used for ids, matching and search.
public enum VietnameseText {
    /// Letters that OCR and mixed keyboards put in place of Latin ones, seen in real plans:
    /// Cyrillic look-alikes and the Icelandic eth used for "Đ".
    public static let lookalikes: [Character: Character] = [
        "ӑ": "ọ", "Ӑ": "Ọ",
        "а": "a", "А": "A", "е": "e", "Е": "E", "о": "o", "О": "O", "р": "p", "Р": "P",
        "с": "c", "С": "C", "у": "y", "У": "Y", "х": "x", "Х": "X", "і": "i", "І": "I",
        "Ð": "Đ",
    ]

    /// The text in NFC, as every text is from the moment it is read (`SourceFile`): from then on,
    /// equal text has equal bytes, and names can be compared and hashed by them (`ExactText`).
    static func composed(_ text: String) -> String {
        isKnownNFC(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// NFC with look-alike letters replaced: what every stage works on.
    public static func clean(_ text: String) -> String {
        let nfc = composed(text)
        // Each look-alike is a single scalar: most text has none of them, and no Character walk is needed.
        guard nfc.unicodeScalars.contains(where: lookalikeScalars.contains),
              nfc.contains(where: { lookalikes[$0] != nil }) else { return nfc }
        return String(nfc.map { lookalikes[$0] ?? $0 })
    }

    private static let lookalikeScalars = Set(lookalikes.keys.flatMap(\.unicodeScalars))

    /// True when the text is known to need no composing: its scalars are all of the kind
    /// Vietnamese text is written in (`isPlainlyNFC`), or else the standard library's NFC quick
    /// check can tell. False when neither can, and Foundation's normalisation (much slower) must decide.
    static func isKnownNFC(_ text: String) -> Bool {
        if text.withUTF8Bytes(isPlainlyNFC) { return true }
        guard #available(macOS 26, *) else { return false }
        var span = text.utf8Span
        return span.checkForNFC(quickCheck: true)
    }

    /// Whether every scalar of this UTF-8 is ASCII or lies in U+0080–U+02FF (Latin letters,
    /// "Ă", "Đ", "Ơ", "Ư"), U+1E00–U+1EFF (Vietnamese letters with tone marks) or U+2002–U+2064
    /// (dashes, quotes, "…"). Each of those is NFC alone, has combining class 0 and composes with
    /// nothing before it (Unicode's quick check says Yes), so text made of them is NFC. The
    /// standard library looks each non-ASCII scalar up in its tables: over half of decoding a plan.
    static func isPlainlyNFC(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < utf8.count {
            // The ASCII between two marked letters, eight bytes at a time, as `fold` reads it.
            if index + 8 <= utf8.count {
                let ascii = asciiPrefixLength(ByteSearch.word(utf8, at: index))
                if ascii > 0 {
                    index += ascii
                    continue
                }
            }
            let lead = utf8[index]
            if lead < 0x80 {
                index += 1
            } else if lead >= 0xC2, lead <= 0xCB {
                index += 2
            } else if index + 2 < utf8.count, lead == 0xE1, (0xB8...0xBB).contains(utf8[index + 1]) {
                index += 3
            } else if index + 2 < utf8.count, lead == 0xE2, (0x8082...0x81A4).contains(UInt16(utf8[index + 1]) << 8 | UInt16(utf8[index + 2])) {
                index += 3
            } else {
                return false
            }
        }
        return true
    }

    /// Lower case, no diacritics, "đ" as "d": "Sở Tư pháp" → "so tu phap".
    /// One character of NFC text gives one character, so offsets in the folded text are offsets
    /// in the original: extraction relies on that to cut the original at folded matches.
    ///
    /// Folded straight into the String's storage: by way of `foldedUTF8`, each text also made an
    /// array, and making one with `unsafeUninitializedCapacity` looks up its storage type in the
    /// runtime (the initializer is not specialized), a few hundred instructions a call.
    public static func fold(_ text: String) -> String {
        var text = text
        return text.withUTF8 { utf8 in
            String(unsafeUninitializedCapacity: foldedRoom(utf8.count)) { fold(utf8, into: $0.baseAddress!) }
        }
    }

    /// `fold` as UTF-8 bytes, for callers that go on to scan the folded text byte by byte.
    /// Its callers fold names and the starts of lines: folded on the stack and then copied, as
    /// an array made with `unsafeUninitializedCapacity` costs the runtime look-up `fold` avoids.
    static func foldedUTF8(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { utf8 in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: foldedRoom(utf8.count)) { buffer in
                Array(UnsafeBufferPointer(rebasing: buffer[..<fold(utf8, into: buffer.baseAddress!)]))
            }
        }
    }

    /// `foldedUTF8` into `buffer`, whose room is kept for the next text, and then `body` with
    /// the folded bytes: the search index folds a million texts, and a new array for each cost
    /// an allocation and a lookup of its type.
    static func withFoldedUTF8<Result>(_ text: String, in buffer: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var text = text
        return text.withUTF8 { utf8 in
            let room = foldedRoom(utf8.count)
            if buffer.count < room { buffer = [UInt8](repeating: 0, count: max(room, 2 * buffer.count)) }
            return buffer.withUnsafeMutableBufferPointer { out in
                let count = fold(utf8, into: out.baseAddress!)
                return body(UnsafeBufferPointer(rebasing: out[..<count]))
            }
        }
    }

    /// A scalar folds to at most half as many bytes again ("Ⱥ", two bytes, to "ⱥ", three),
    /// and eight bytes are stored at a time: room for both, not appends one by one.
    private static func foldedRoom(_ count: Int) -> Int { count + count / 2 + 8 }

    /// Folds `utf8` into `out`, which has `foldedRoom` bytes, and returns how many it wrote.
    private static func fold(_ utf8: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> Int {
        foldTable.withUnsafeBufferPointer { table in
            var index = 0
            var count = 0
            while index < utf8.count {
                if index + 8 <= utf8.count {
                    // Vietnamese has a letter with a mark every few bytes: the ASCII bytes
                    // before it are lowered eight at a time, and only those are kept.
                    let word = ByteSearch.word(utf8, at: index)
                    let ascii = Self.asciiPrefixLength(word)
                    if ascii > 0 {
                        UnsafeMutableRawPointer(out + count).storeBytes(of: Self.lowercasedASCII(word), as: UInt64.self)
                        count += ascii
                        index += ascii
                        continue
                    }
                } else if utf8[index] < 0x80 {
                    let byte = utf8[index]
                    out[count] = byte &- 65 < 26 ? byte &+ 32 : byte
                    count += 1
                    index += 1
                    continue
                }
                let (value, length) = UTF8Bytes.scalar(in: utf8, at: index)
                index += length
                let folded = value < UInt32(table.count) ? table[Int(value)] : value
                if folded == dropped { continue }
                count += UTF8Bytes.encode(folded, into: out + count)
            }
            return count
        }
    }

    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// How many of the eight bytes (in memory order, little-endian) come before the first non-ASCII one.
    static func asciiPrefixLength(_ word: UInt64) -> Int {
        (word & highBits).trailingZeroBitCount / 8
    }

    /// "A"–"Z" lowered in each byte below 0x80: a byte plus 0x3F has its high bit set from "A"
    /// on, plus 0x25 from past "Z", and no byte below 0x80 carries into the next.
    static func lowercasedASCII(_ word: UInt64) -> UInt64 {
        let ascii = word & ~highBits
        let upper = (ascii &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(ascii &+ 0x2525_2525_2525_2525) & highBits & ~word
        return word | upper >> 2
    }

    /// Combining marks (U+0300–U+036F) fold to nothing.
    private static let dropped: UInt32 = 0xFFFF_FFFF

    /// What each scalar below U+1F00 folds to (itself when folding changes nothing or gives
    /// more than one scalar): every precomposed Latin letter Vietnamese uses, and the look-alikes.
    private static let foldTable: [UInt32] = {
        var table = (0..<UInt32(0x1F00)).map { $0 }
        for value in 0x0300...0x036F { table[value] = dropped }
        let ranges: [ClosedRange<UInt32>] = [0x0080...0x024F, 0x1E00...0x1EFF, 0x0370...0x04FF]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let folded = slowFold(Character(scalar)).unicodeScalars
                if folded.count == 1 { table[Int(value)] = folded.first!.value }
            }
        }
        return table
    }()

    /// The definition: NFC, look-alikes, lower case, NFD without combining marks, đ → d.
    /// Only characters that fold to a single scalar go in the table; others pass through as they are.
    private static func slowFold(_ character: Character) -> String {
        var folded = ""
        for scalar in clean(String(character)).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue
            case 0x0111: folded.unicodeScalars.append("d")
            default: folded.unicodeScalars.append(scalar)
            }
        }
        return folded
    }

    /// A readable ASCII id: "III. Nhiệm vụ, giải pháp" → "iii-nhiem-vu-giai-phap".
    /// Only ASCII letters and digits are kept, so the folded bytes can be read one by one:
    /// every byte of a non-ASCII scalar is a separator, as the scalar is.
    public static func slug(_ text: String) -> String {
        var folded = foldedUTF8(text)
        // Kept in place, in the folded bytes: a dash is written only where a byte was dropped, so
        // the slug never overtakes what is still to be read.
        let count = folded.withUnsafeMutableBufferPointer { bytes in
            var count = 0
            var pendingDash = false
            for index in bytes.indices {
                let byte = bytes[index]
                guard isASCIIAlphanumeric(byte) else {
                    pendingDash = true
                    continue
                }
                if pendingDash, count > 0 {
                    bytes[count] = UInt8(ascii: "-")
                    count += 1
                }
                bytes[count] = byte
                count += 1
                pendingDash = false
            }
            return count
        }
        return String(decoding: folded[..<count], as: UTF8.self)
    }

    /// The ASCII part of `CharacterSet.alphanumerics`.
    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): true
        default: false
        }
    }
}

/// Hands out ids that are unique within one page: the second "1-muc-dich" becomes "1-muc-dich-2".
public struct UniqueIDs: Sendable {
    private var used: Set<String>

    public init(reserved: Set<String> = []) { used = reserved }

    public mutating func make(from text: String, fallback: String = "muc") -> String {
        let slug = VietnameseText.slug(text)
        let base = slug.isEmpty ? fallback : slug
        var candidate = base
        var counter = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }
}

/// Orders Vietnamese names the way a reader expects ("Đà Nẵng" before "Gia Lai") without
/// depending on the machine's locale: by folded text, then by the text itself.
public enum Collation {
    /// Each name is folded once, not at every comparison.
    public static func sorted<Item>(_ items: some Sequence<Item>, by name: (Item) -> String) -> [Item] {
        let keyed: [(folded: String, name: String, item: Item)] = items.map { item in
            let name = name(item)
            return (VietnameseText.fold(name), name, item)
        }
        return keyed.sorted { a, b in a.folded != b.folded ? a.folded < b.folded : a.name < b.name }.map(\.item)
    }

    public static func sorted(_ names: some Sequence<String>) -> [String] { sorted(names, by: { $0 }) }
}
