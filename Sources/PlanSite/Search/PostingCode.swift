/// Posting lists written as short strings instead of JSON arrays of numbers, which halves the
/// bytes a query downloads. Each number is written in base 32, most significant digit first;
/// every digit but the last is drawn from the upper half of a 64-letter alphabet, so numbers
/// need no separators. `decodeNumbers` in search-core.js reads it back.
enum PostingCode {
    /// A static string, not an array: read through its pointer, with no lazy initialisation or
    /// bounds check for each of the hundred million digits of a national site's index.
    static var alphabet: StaticString { "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_" }

    static func encode(_ numbers: [Int]) -> String {
        var bytes: [UInt8] = []
        appending(room: numbers.count, to: &bytes) { digits in for number in numbers { digits.append(number) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func append(_ number: Int, to bytes: inout [UInt8]) {
        appending(room: 1, to: &bytes) { $0.append(number) }
    }

    /// Calls `body` with room for `numbers` numbers' digits, then appends what it wrote to
    /// `bytes` at once: the commonest tokens' lists are half a million postings each, and
    /// appending each posting's few bytes to a growing array cost more than making them.
    static func appending(room numbers: Int, to bytes: inout [UInt8], _ body: (inout Digits) -> Void) {
        // Thirteen base-32 digits hold any 64-bit number.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, 13 * numbers)) { buffer in
            var digits = Digits(buffer: buffer)
            body(&digits)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<digits.count]))
        }
    }

    /// Numbers written as digits into memory `appending` sized for them.
    struct Digits {
        fileprivate let buffer: UnsafeMutableBufferPointer<UInt8>
        fileprivate var count = 0

        /// Inlined, with a number below 32 written at once: a national site's index writes three
        /// numbers a posting, a few hundred million, and most of them are one digit.
        @inline(__always)
        mutating func append(_ number: Int) {
            precondition(number >= 0, "posting numbers are never negative")
            precondition(count + 13 <= buffer.count, "more numbers than the room made for them")
            let digits = alphabet.utf8Start
            guard number >= 32 else {
                buffer[count] = digits[number]
                count += 1
                return
            }
            var shift = 5 * ((Int.bitWidth - number.leadingZeroBitCount - 1) / 5)
            while shift > 0 {
                buffer[count] = digits[32 + (number >> shift) & 31]
                count += 1
                shift -= 5
            }
            buffer[count] = digits[number & 31]
            count += 1
        }

        /// A posting: its unit's distance from the previous one's, its impact and its facet.
        @inline(__always)
        mutating func append(_ first: Int, _ second: Int, _ third: Int) {
            append(first)
            append(second)
            append(third)
        }
    }

    /// Reads numbers back from codes, as `decodeNumbers` in search-core.js does.
    struct Reader {
        private let codes: ArraySlice<UInt8>
        private(set) var position: Int

        init(_ codes: ArraySlice<UInt8>) {
            self.codes = codes
            position = codes.startIndex
        }

        var atEnd: Bool { position == codes.endIndex }

        /// The next number; nil at the end or at a byte that is not a digit.
        mutating func next() -> Int? {
            var number = 0
            while position < codes.endIndex {
                let digit = PostingCode.values[Int(codes[position])]
                position += 1
                guard digit < 64 else { return nil }
                number = number << 5 | Int(digit & 31)
                if digit < 32 { return number }
            }
            return nil
        }
    }

    /// Each byte's place in `alphabet`, 255 for bytes not in it.
    private static let values: [UInt8] = {
        var values = [UInt8](repeating: 255, count: 256)
        for (place, byte) in UnsafeBufferPointer(start: alphabet.utf8Start, count: alphabet.utf8CodeUnitCount).enumerated() {
            values[Int(byte)] = UInt8(place)
        }
        return values
    }()
}
