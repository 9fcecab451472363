/// A string as a dictionary key compared by its UTF-8 bytes. Swift hashes and compares
/// non-ASCII strings through Unicode normalisation on every lookup, which for Vietnamese
/// names cost several times the rest of a lookup. Every text is NFC from the moment it is
/// read (`SourceFile`, `VietnameseText.composed`), so equal names have equal bytes.
struct ExactText: Hashable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: ExactText, b: ExactText) -> Bool {
        var (first, second) = (a.text, b.text)
        return first.withUTF8 { x in second.withUTF8 { y in ByteSearch.equal(x, y) } }
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// As a key of its own, without a `Hasher`: agencies' names are looked up for every row
    /// that prints them.
    func _rawHashValue(seed: Int) -> Int {
        var text = text
        return ByteHash.seeded(text.withUTF8(ByteHash.of), seed)
    }
}
