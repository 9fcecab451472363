/// Which document a citation points at. A national number (27-NQ/TW) names one document
/// in the whole country; a local one (04-KH/TU) only within its province.
public struct DocumentRef: Hashable, Sendable, Comparable, Codable {
    public var number: DocumentNumber
    /// The province a local number belongs to; nil for national documents.
    public var province: String?

    public init(number: DocumentNumber, citingProvince: String?) {
        self.number = number
        province = number.isNational ? nil : citingProvince
    }

    /// "27-NQ/TW", or "04-KH/TU (Lào Cai)" for a local document.
    public var label: String {
        province.map { "\(number.canonical) (\($0))" } ?? number.canonical
    }

    /// The document page's folder: "27-nq-tw", "lao-cai-04-kh-tu".
    public var slug: String {
        VietnameseText.slug((province.map { $0 + " " } ?? "") + number.canonical)
    }

    // By bytes, as `DocumentNumber`: a province's name is NFC text too.
    public static func == (a: DocumentRef, b: DocumentRef) -> Bool {
        a.number == b.number && a.province.map(ExactText.init) == b.province.map(ExactText.init)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(number)
        hasher.combine(province.map(ExactText.init))
    }

    public static func < (a: DocumentRef, b: DocumentRef) -> Bool {
        ((a.province ?? ""), a.number) < ((b.province ?? ""), b.number)
    }
}

/// One place a plan cites a document, and what the words around it say about the document.
public struct Citation: Hashable, Sendable, Codable {
    public var ref: DocumentRef
    /// The citation as printed: "Nghị quyết số 27-NQ/TW ngày 09/11/2022".
    public var text: String
    /// The type word before the number: "Nghị quyết".
    public var typeWord: String?
    public var date: CalendarDate?
    /// "Ban Chấp hành Trung ương Đảng", from "của …".
    public var issuerPhrase: String?
    /// "tiếp tục xây dựng và hoàn thiện …", from "về …".
    public var subject: String?
    /// Documents this one says it carries out ("… về thực hiện Nghị quyết số 27-NQ/TW").
    public var carriesOut: [DocumentNumber]
    public var line: Int
    /// Where the task whose text holds the citation lies in its plan's tasks, if any: a
    /// resolution's page reads the cited tasks of ten thousand plans, each at once.
    public var taskIndex: Int?
}

/// A document as the site knows it after linking every citation of it.
public struct Document: Hashable, Sendable {
    public var ref: DocumentRef
    public var typeName: String
    public var date: CalendarDate?
    public var issuer: String?
    public var title: String?
    /// Documents this one carries out (up the chain toward the resolution).
    public var implements: [DocumentRef]
}
