/// The one normalisation search uses, written twice: here for the index and in
/// `Templates/assets/search-core.js` for queries. `Tests/vectors/search-tokens.json` holds
/// input → tokens pairs that both must produce.
public enum SearchText {
    /// NFC, look-alike letters mapped, lower case, no diacritics, "đ" → "d".
    public static func normalize(_ text: String) -> String { VietnameseText.fold(text) }

    /// Syllables: runs of letters and digits of the normalised text. Read from the folded
    /// bytes: a syllable is cut out of them without building the folded String first.
    public static func syllables(_ text: String) -> [[String]] {
        var runs: [[String]] = [[]]
        VietnameseText.foldedUTF8(text).withUnsafeBufferPointer { folded in
            var start: Int?
            var index = 0
            while index < folded.count {
                let (value, length) = UTF8Bytes.scalar(in: folded, at: index)
                let inWord = value < 0x80 ? (value >= 97 && value <= 122) || (value >= 48 && value <= 57)
                    : Unicode.Scalar(value)!.properties.isAlphabetic
                if inWord {
                    if start == nil { start = index }
                } else {
                    if let begin = start { runs[runs.count - 1].append(String(decoding: UnsafeBufferPointer(rebasing: folded[begin..<index]), as: UTF8.self)); start = nil }
                    // Punctuation ends a phrase: "tư pháp, giáo dục" has no pair "phap giao".
                    if value != 32, !runs[runs.count - 1].isEmpty { runs.append([]) }
                }
                index += length
            }
            if let begin = start { runs[runs.count - 1].append(String(decoding: UnsafeBufferPointer(rebasing: folded[begin...]), as: UTF8.self)) }
        }
        return runs.filter { !$0.isEmpty }
    }

    /// Index and query tokens: each syllable, each pair of adjacent syllables ("tu_phap"),
    /// and for each document number "#27-nq" and "#27-nq-tw".
    public static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        for run in syllables(text) {
            tokens += run
            if run.count > 1 { for index in 1..<run.count { tokens.append(run[index - 1] + "_" + run[index]) } }
        }
        for scanned in CitationScanner().scan(text) { tokens += numberTokens(scanned.number) }
        return tokens
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
        let head = number.shape == .legal ? "#\(number.serial)-\(number.year ?? 0)" : "#\(number.serial)-\(normalize(number.type))"
        let issuer = normalize(number.shape == .legal ? (number.type.isEmpty ? number.issuer : number.type + "-" + number.issuer) : number.issuer)
        // A valid number's "/" is always a Character of its own, so replacing scalars is enough.
        let dashed = String(String.UnicodeScalarView(issuer.unicodeScalars.map { $0 == "/" ? "-" : $0 }))
        return [head, head + "-" + dashed]
    }
}

