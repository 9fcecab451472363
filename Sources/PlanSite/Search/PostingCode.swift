/// Posting lists written as short strings instead of JSON arrays of numbers, which halves the
/// bytes a query downloads. Each number is written in base 32, most significant digit first;
/// every digit but the last is drawn from the upper half of a 64-letter alphabet, so numbers
/// need no separators. `decodeNumbers` in search-core.js reads it back.
enum PostingCode {
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".utf8)

    static func encode(_ numbers: [Int]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(numbers.count * 2)
        var digits: [UInt8] = []
        for number in numbers {
            precondition(number >= 0, "posting numbers are never negative")
            var rest = number
            digits.removeAll(keepingCapacity: true)
            repeat {
                digits.append(UInt8(rest & 31))
                rest >>= 5
            } while rest > 0
            for (position, digit) in digits.enumerated().reversed() {
                bytes.append(alphabet[Int(digit) + (position == 0 ? 0 : 32)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
