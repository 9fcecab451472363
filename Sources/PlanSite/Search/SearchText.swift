/// The one normalisation search uses, written twice: here for the index and in
/// `Templates/assets/search-core.js` for queries. `Tests/vectors/search-tokens.json` holds
/// input → tokens pairs that both must produce.
public enum SearchText {
    /// NFC, look-alike letters mapped, lower case, no diacritics, "đ" → "d".
    public static func normalize(_ text: String) -> String { VietnameseText.fold(text) }

    /// Syllables: runs of letters and digits of the normalised text.
    public static func syllables(_ text: String) -> [[String]] {
        var runs: [[String]] = []
        forEachRun(text) { folded, run in runs.append(run.map { string(folded, $0) }) }
        return runs
    }

    /// Index and query tokens: each syllable, each pair of adjacent syllables ("tu_phap"),
    /// and for each document number "#27-nq" and "#27-nq-tw".
    public static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        forEachToken(text) { tokens.append(String(decoding: $0, as: UTF8.self)) }
        return tokens
    }

    /// Which of `tokens` to give: syllables and their pairs, the "#…" tokens of document numbers, or both.
    enum Parts { case all, words, numbers }

    /// `tokens` as bytes, valid only during the call. (The index reads the same tokens through
    /// `forEachRun` and `forEachNumberToken`, to find each pair by its syllables' ids.)
    static func forEachToken(_ text: String, _ parts: Parts = .all, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        if parts != .numbers {
            forEachRun(text) { folded, run in
                for syllable in run { body(UnsafeBufferPointer(rebasing: folded[syllable])) }
                for index in run.indices.dropFirst() {
                    let pair = Array(folded[run[index - 1]]) + [UInt8(ascii: "_")] + folded[run[index]]
                    pair.withUnsafeBufferPointer(body)
                }
            }
        }
        guard parts != .words else { return }
        forEachNumberToken(text, body)
    }

    /// The "#…" tokens of the document numbers in `text`, in order.
    static func forEachNumberToken(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        for scanned in CitationScanner().scan(text, typeWords: false) {
            for var token in numberTokens(scanned.number) { token.withUTF8(body) }
        }
    }

    /// Calls `body` with the folded text and each of its runs of syllables: the index gives
    /// each syllable and then each pair of neighbours in a run, as `forEachToken` does.
    static func forEachRun(_ text: String, _ body: (UnsafeBufferPointer<UInt8>, [Range<Int>]) -> Void) {
        var room = Room()
        forEachRun(text, in: &room, body)
    }

    /// What `forEachRun` works in, kept by a caller that reads many texts, for its room.
    struct Room {
        fileprivate var folded: [UInt8] = []
        fileprivate var run: [Range<Int>] = []
    }

    static func forEachRun(_ text: String, in room: inout Room, _ body: (UnsafeBufferPointer<UInt8>, [Range<Int>]) -> Void) {
        VietnameseText.withFoldedUTF8(text, in: &room.folded) { folded in
            forEachRun(folded, run: &room.run) { body(folded, $0) }
        }
    }

    /// Calls `body` with each run of syllables, as ranges of the folded bytes: punctuation ends
    /// a run, so "tư pháp, giáo dục" has no pair "phap giao". Tokens are then cut straight
    /// out of the bytes.
    private static func forEachRun(_ folded: UnsafeBufferPointer<UInt8>, run: inout [Range<Int>], _ body: ([Range<Int>]) -> Void) {
        run.removeAll(keepingCapacity: true)
        var start: Int?
        var index = 0
        while index < folded.count {
            let (value, length) = UTF8Bytes.scalar(in: folded, at: index)
            let inWord = value < 0x80 ? (value >= 97 && value <= 122) || (value >= 48 && value <= 57)
                : Unicode.Scalar(value)!.properties.isAlphabetic
            if inWord {
                if start == nil { start = index }
            } else {
                if let begin = start { run.append(begin..<index); start = nil }
                if value != 32, !run.isEmpty {
                    body(run)
                    run.removeAll(keepingCapacity: true)
                }
            }
            index += length
        }
        if let begin = start { run.append(begin..<folded.count) }
        if !run.isEmpty { body(run) }
    }

    private static func string(_ folded: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: folded[range]), as: UTF8.self)
    }

    /// The whole title as one token, "=so tu phap": what an exact query matches.
    public static func exactTitleToken(_ title: String) -> String {
        "=" + syllables(title).flatMap { $0 }.joined(separator: " ")
    }

    /// The token whose shard holds a token: an exact title sits with its first pair, so
    /// looking it up costs no extra request (search-core.js's shardKey does the same).
    public static func shardKey(_ token: String) -> String {
        guard token.hasPrefix("=") else { return token }
        let words = token.dropFirst().split(separator: " ")
        return words.count > 1 ? "\(words[0])_\(words[1])" : String(words.first ?? "")
    }

    /// "27-NQ/TW" → ["#27-nq", "#27-nq-tw"]; "33/2021/QH15" → ["#33-2021", "#33-2021-qh15"].
    public static func numberTokens(_ number: DocumentNumber) -> [String] {
        numberTokenMemo.value(for: number) { makeNumberTokens(number) }
    }

    /// A few hundred numbers recur through a whole site, and normalising one costs thousands of instructions.
    private static let numberTokenMemo = Memo<DocumentNumber, [String]>()

    private static func makeNumberTokens(_ number: DocumentNumber) -> [String] {
        let head = number.shape == .legal ? "#\(number.serial)-\(number.year ?? 0)" : "#\(number.serial)-\(normalize(number.type))"
        let issuer = normalize(number.shape == .legal ? (number.type.isEmpty ? number.issuer : number.type + "-" + number.issuer) : number.issuer)
        // A valid number's "/" is always a Character of its own, so replacing scalars is enough.
        let dashed = String(String.UnicodeScalarView(issuer.unicodeScalars.map { $0 == "/" ? "-" : $0 }))
        return [head, head + "-" + dashed]
    }
}

