/// A document number (số hiệu) in one of the three shapes Vietnamese documents use,
/// held in canonical form: Party `27-NQ/TW`, State `77/NQ-CP`, legal `33/2021/QH15`.
public struct DocumentNumber: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public enum Shape: String, Sendable, Codable {
        case legal, state, party

        /// Hashed and ordered by this, not by its raw value's String.
        var order: Int {
            switch self {
            case .legal: 0
            case .state: 1
            case .party: 2
            }
        }
    }

    public var shape: Shape
    public var serial: Int
    /// The year, for legal normative documents (`33/2021/QH15`).
    public var year: Int?
    /// The document type abbreviation: NQ, KH, CTr, QĐ …
    public var type: String
    /// The issuing body's code: TW, CP, TU, UBND, QH15 …
    public var issuer: String

    public init(shape: Shape, serial: Int, year: Int? = nil, type: String, issuer: String) {
        self.shape = shape
        self.serial = serial
        self.year = year
        self.type = type
        self.issuer = issuer
    }

    /// `init?(_:)`, remembered: a national site reads the same few hundred numbers millions of
    /// times (in citations, and in every plan's `implements` for each page and record that lists
    /// it), and reading one costs thousands of instructions.
    static func parsed(_ raw: String) -> DocumentNumber? {
        memo.value(for: ExactText(raw)) { DocumentNumber(raw) }
    }

    private static let memo = Memo<ExactText, DocumentNumber?>()

    /// Reads a number as a writer puts it in front matter, tolerating the variants plans print:
    /// spaces around separators and `35-CTr-TU` for `35-CTr/TU`.
    public init?(_ raw: String) {
        let text = VietnameseText.clean(raw).filter { !$0.isWhitespace }
        let slashParts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if let serial = Int(slashParts[0]), slashParts.count == 3, slashParts[1].count == 4, let year = Int(slashParts[1]) {
            // 33/2021/QH15, 30/2020/NĐ-CP: the symbol names type and issuer together.
            let symbol = slashParts[2]
            let pieces = symbol.split(separator: "-", maxSplits: 1).map(String.init)
            self.init(shape: .legal, serial: serial, year: year,
                      type: pieces.count == 2 ? pieces[0] : "", issuer: pieces.count == 2 ? pieces[1] : symbol)
        } else if let serial = Int(slashParts[0]), slashParts.count >= 2 {
            // 77/NQ-CP, 3133/QĐ-UBND; the issuer may itself hold a dash (QĐ-BNV-TCCB).
            let pieces = slashParts[1...].joined(separator: "/").split(separator: "-", maxSplits: 1).map(String.init)
            guard pieces.count == 2 else { return nil }
            self.init(shape: .state, serial: serial, type: pieces[0], issuer: pieces[1])
        } else {
            // 27-NQ/TW, and the misprint 35-CTr-TU.
            let dashParts = text.split(separator: "-", maxSplits: 1).map(String.init)
            guard dashParts.count == 2, let serial = Int(dashParts[0]) else { return nil }
            let pieces = dashParts[1].split(maxSplits: 1, whereSeparator: { $0 == "/" || $0 == "-" }).map(String.init)
            guard pieces.count == 2 else { return nil }
            self.init(shape: .party, serial: serial, type: pieces[0], issuer: pieces[1])
        }
        guard serial > 0, type.isEmpty || Self.isSymbol(type), Self.isSymbol(issuer) else { return nil }
    }

    private static func isSymbol(_ text: String) -> Bool {
        guard let first = text.first, first.isUppercase else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "/" }
    }

    /// Written at its exact length (`StringWriter`): numbers are printed and made into slugs a
    /// million times in a national site.
    public var canonical: String {
        var length = UTF8Bytes.decimalLength(serial) + type.utf8.count + issuer.utf8.count + 2
        if shape == .legal { length += UTF8Bytes.decimalLength(year ?? 0) + (type.isEmpty ? 0 : 1) }
        return StringWriter.make(length: length) { text in
            let (slash, dash) = (UInt8(ascii: "/"), UInt8(ascii: "-"))
            text.put(serial)
            switch shape {
            case .legal:
                text.put(slash)
                text.put(year ?? 0)
                text.put(slash)
                if !type.isEmpty { text.put(type); text.put(dash) }
            case .state: text.put(slash); text.put(type); text.put(dash)
            case .party: text.put(dash); text.put(type); text.put(slash)
            }
            text.put(issuer)
        }
    }

    public var description: String { canonical }

    /// National bodies number their documents once for the whole country; a local number
    /// (…/TU, …-UBND) only identifies a document together with its province.
    public var isNational: Bool {
        let head = issuer.split(separator: "-").first.map(String.init) ?? issuer
        if head.hasPrefix("QH") { return true }
        return Self.nationalIssuers.contains(head)
    }

    static let nationalIssuers: Set<String> = [
        "TW", "CP", "TTg", "VPTW", "BCĐTW", "BNCTW", "BTCTW", "BTGTW", "BDVTW", "UBKTTW", "ĐUQSTW", "ĐUCA",
        "BTP", "BNV", "BCA", "BQP", "BTC", "BKHĐT", "BGDĐT", "BYT", "BTTTT", "BCT", "BNG", "BVHTTDL",
        "BTNMT", "BXD", "BGTVT", "BLĐTBXH", "BNNPTNT", "BKHCN", "TTCP", "NHNN", "VPCP", "UBTVQH",
        "TANDTC", "VKSNDTC", "KTNN", "HĐTP",
    ]

    /// The type's name in words, for headings: NQ → "Nghị quyết".
    public var typeName: String {
        if shape == .legal, type.isEmpty { return issuer.hasPrefix("QH") ? "Luật" : "Văn bản" }
        return Self.typeNames[type] ?? "Văn bản"
    }

    static let typeNames: [String: String] = [
        "NQ": "Nghị quyết", "KH": "Kế hoạch", "CTr": "Chương trình", "CTHĐ": "Chương trình hành động",
        "QĐ": "Quyết định", "QĐi": "Quy định", "QyĐ": "Quy định", "HD": "Hướng dẫn", "KL": "Kết luận",
        "CT": "Chỉ thị", "TB": "Thông báo", "TTr": "Tờ trình", "QC": "Quy chế", "NĐ": "Nghị định",
        "TT": "Thông tư", "ĐA": "Đề án", "BC": "Báo cáo", "CV": "Công văn",
    ]

    /// "Nghị quyết số 27-NQ/TW"
    public var citation: String { "\(typeName) số \(canonical)" }

    // By bytes: its codes are NFC (`VietnameseText.clean`), where equal text has equal bytes,
    // and a String hashes its NFC form, composing it again each time. A national site looks
    // documents up by number a million times while linking, on one core.
    public static func == (a: DocumentNumber, b: DocumentNumber) -> Bool {
        a.serial == b.serial && a.year == b.year && a.shape == b.shape
            && ExactText(a.type) == ExactText(b.type) && ExactText(a.issuer) == ExactText(b.issuer)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(serial)
        hasher.combine(year)
        hasher.combine(shape.order)
        hasher.combine(ExactText(type))
        hasher.combine(ExactText(issuer))
    }

    public static func < (a: DocumentNumber, b: DocumentNumber) -> Bool {
        // The shape last, so that numbers which differ only in it ("27-NQ/TW", "27/NQ-TW") are
        // not equal here while unequal by `==`.
        (a.issuer, a.type, a.year ?? 0, a.serial, a.shape.order) < (b.issuer, b.type, b.year ?? 0, b.serial, b.shape.order)
    }
}
