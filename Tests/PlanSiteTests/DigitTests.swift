import Testing
@testable import PlanSite

/// Numbers, dates and document numbers written digit by digit, and folded text written in
/// place, must be what the standard library's slower ways wrote: each one is part of a page's,
/// a record's or a search shard's bytes.
@Suite("Numbers written by hand")
struct DigitTests {
    static let numbers = [0, 1, 9, 10, 31, 32, 99, 100, 1023, 1024, 65_535, 1 << 52, (1 << 60) - 1, 1 << 60, Int.max]

    @Test func decimalsAreWhatStringWrites() {
        for number in Self.numbers.flatMap({ [$0, -$0] }) + [Int.min] {
            for digits in [1, 2] where digits == 1 || number >= 0 {
                let expected = digits == 2 && number < 10 ? "0\(number)" : "\(number)"
                let written = [UInt8](unsafeUninitializedCapacity: 24) { out, count in
                    UTF8Bytes.writeDecimal(number, digits: digits, into: out, at: &count)
                }
                #expect(String(decoding: written, as: UTF8.self) == expected)
                #expect(UTF8Bytes.decimalLength(number, digits: digits) == expected.utf8.count)
            }
        }
    }

    /// Inline strings (up to 15 bytes) and heap strings both.
    @Test func datesPrintAsInterpolationDid() {
        let dates = [(2023, 5, 15), (2023, 12, 1), (7, 1, 31), (-5, 2, 28), (-44, 3, 15), (0, 6, 30), (123_456, 10, 9),
                     (Int.max, 1, 1), (Int.min, 12, 31)]
        for (year, month, day) in dates {
            let date = CalendarDate(year: year, month: month, day: day)!
            #expect(date.iso == "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)")
            #expect(date.vietnamese == "\(day)/\(month)/\(year)")
        }
    }

    @Test(arguments: ["27-NQ/TW", "77/NQ-CP", "33/2021/QH15", "30/2020/NĐ-CP", "3133/QĐ-UBND", "1/QĐ-BNV-TCCB", "99999-CTr/TU",
                      "12345/QĐ-BCĐTWPCTNTC", "2024/2021/NĐ-CPQUYĐỊNHTHIHÀNH"])
    func numbersPrintAsInterpolationDid(_ raw: String) throws {
        let number = try #require(DocumentNumber(raw))
        #expect(number.canonical == Self.interpolated(number))
        #expect(number.canonical == raw)
    }

    /// Numbers no text reads, made directly: a legal number without its year, a negative serial.
    @Test func numbersMadeDirectlyPrintAsInterpolationDid() {
        let numbers = [DocumentNumber(shape: .legal, serial: 5, year: nil, type: "", issuer: "QH15"),
                       DocumentNumber(shape: .legal, serial: 5, year: -3, type: "NĐ", issuer: "CP"),
                       DocumentNumber(shape: .party, serial: -5, type: "NQ", issuer: "TW"),
                       DocumentNumber(shape: .state, serial: Int.max, type: "QĐ", issuer: "UBND")]
        for number in numbers { #expect(number.canonical == Self.interpolated(number)) }
    }

    private static func interpolated(_ number: DocumentNumber) -> String {
        switch number.shape {
        case .legal: "\(number.serial)/\(number.year ?? 0)/\(number.type.isEmpty ? "" : number.type + "-")\(number.issuer)"
        case .state: "\(number.serial)/\(number.type)-\(number.issuer)"
        case .party: "\(number.serial)-\(number.type)/\(number.issuer)"
        }
    }

    /// Folded on the stack (`foldedUTF8`) or into a String's own storage (`fold`), short texts
    /// held inline and long ones on the heap, around the eight bytes folded at once.
    @Test func bothFoldsFoldAlike() {
        let texts = FastPathTests.awkward + ["Sở", "Sở T", "Sở Tư", "Sở Tư p", "ABCDEFGH", "ABCDEFGHI", "ĐẢNG ỦY TỈNH LÀO CAI",
                                             String(repeating: "Ủy ban nhân dân tỉnh ", count: 40)]
        for text in texts { #expect(VietnameseText.foldedUTF8(text) == Array(VietnameseText.fold(text).utf8), "\(text)") }
    }

    /// The loop the inlined writer replaced, as it was.
    private static func postingDigits(_ number: Int) -> [UInt8] {
        let alphabet = Array(String(describing: PostingCode.alphabet).utf8)
        var digits: [UInt8] = []
        var shift = 0
        while number >> (shift + 5) > 0 { shift += 5 }
        while shift > 0 {
            digits.append(alphabet[32 + (number >> shift) & 31])
            shift -= 5
        }
        digits.append(alphabet[number & 31])
        return digits
    }

    /// Beyond the vectors search-core.js shares, which stop where JavaScript's numbers do.
    @Test func postingNumbersAreWrittenAsTheLoopWroteThem() {
        for number in Self.numbers { #expect(Array(PostingCode.encode([number]).utf8) == Self.postingDigits(number), "\(number)") }
    }

    /// An impact rounded another way would change a posting's code, and every shard with it.
    @Test func impactsRoundAsTheStandardLibraryDoes() {
        var values: [Double] = [0, 0.5, 1, 254.5, 255, 255.5, 300, 0x1p52, 0x1p52 + 1, 0x1p53, 1e15 + 0.5, 4503599627370495.5]
        for whole in 0...300 {
            let half = Double(whole) + 0.5
            values += [half, half.nextDown, half.nextUp, Double(whole).nextUp, Double(whole + 1).nextDown]
        }
        values += (0..<10_000).map { Double($0) * 0.0301 }
        for value in values { #expect(Impacts.rounded(value) == Int(value.rounded()), "\(value)") }
    }
}
