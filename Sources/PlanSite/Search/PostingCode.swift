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
        for number in numbers { append(number, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func append(_ number: Int, to bytes: inout [UInt8]) {
        appendDigits(of: [number][...], to: &bytes)
    }

    /// A posting's three numbers, appended to `bytes` at once instead of digit by digit: the
    /// commonest tokens' lists are half a million postings each.
    static func append(_ first: Int, _ second: Int, _ third: Int, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 3) { numbers in
            (numbers[0], numbers[1], numbers[2]) = (first, second, third)
            appendDigits(of: numbers[...], to: &bytes)
        }
    }

    private static func appendDigits(of numbers: some Collection<Int>, to bytes: inout [UInt8]) {
        // Thirteen base-32 digits hold any 64-bit number.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 13 * numbers.count) { buffer in
            let digits = alphabet.utf8Start
            var count = 0
            for number in numbers {
                precondition(number >= 0, "posting numbers are never negative")
                var shift = 0
                while number >> (shift + 5) > 0 { shift += 5 }
                while shift > 0 {
                    buffer[count] = digits[32 + (number >> shift) & 31]
                    count += 1
                    shift -= 5
                }
                buffer[count] = digits[number & 31]
                count += 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
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
