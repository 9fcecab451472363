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
///
/// A value whose fields live in one shared box (`SharedFields`), as `PlanTask`'s do: a national
/// site has a million citations, and each is copied into its document's record, its plan's
/// lists and the search units, where copying its seven strings and collections was a retain each.
public struct Citation: Hashable, Sendable, Codable {
    /// The stored fields, in the order they were declared before the box.
    fileprivate struct Fields: Hashable, Codable {
        var ref: DocumentRef
        var text: String
        var typeWord: String?
        var date: CalendarDate?
        var issuerPhrase: String?
        var subject: String?
        var carriesOut: [DocumentNumber]
        var line: Int
        var taskIndex: Int?
    }

    private var stored: SharedFields<Fields>

    public var ref: DocumentRef { _read { yield stored.fields.ref } _modify { yield &stored.fields.ref } }
    /// The citation as printed: "Nghị quyết số 27-NQ/TW ngày 09/11/2022".
    public var text: String { _read { yield stored.fields.text } _modify { yield &stored.fields.text } }
    /// The type word before the number: "Nghị quyết".
    public var typeWord: String? { _read { yield stored.fields.typeWord } _modify { yield &stored.fields.typeWord } }
    public var date: CalendarDate? { _read { yield stored.fields.date } _modify { yield &stored.fields.date } }
    /// "Ban Chấp hành Trung ương Đảng", from "của …".
    public var issuerPhrase: String? { _read { yield stored.fields.issuerPhrase } _modify { yield &stored.fields.issuerPhrase } }
    /// "tiếp tục xây dựng và hoàn thiện …", from "về …".
    public var subject: String? { _read { yield stored.fields.subject } _modify { yield &stored.fields.subject } }
    /// Documents this one says it carries out ("… về thực hiện Nghị quyết số 27-NQ/TW").
    public var carriesOut: [DocumentNumber] { _read { yield stored.fields.carriesOut } _modify { yield &stored.fields.carriesOut } }
    public var line: Int { _read { yield stored.fields.line } _modify { yield &stored.fields.line } }
    /// Where the task whose text holds the citation lies in its plan's tasks, if any: a
    /// resolution's page reads the cited tasks of ten thousand plans, each at once.
    public var taskIndex: Int? { _read { yield stored.fields.taskIndex } _modify { yield &stored.fields.taskIndex } }

    public init(ref: DocumentRef, text: String, typeWord: String?, date: CalendarDate?, issuerPhrase: String?,
                subject: String?, carriesOut: [DocumentNumber], line: Int, taskIndex: Int?) {
        stored = SharedFields(Fields(ref: ref, text: text, typeWord: typeWord, date: date, issuerPhrase: issuerPhrase,
                                     subject: subject, carriesOut: carriesOut, line: line, taskIndex: taskIndex))
    }

    /// Encoded as its fields alone, as the plain struct it was.
    public init(from decoder: Decoder) throws { stored = SharedFields(try Fields(from: decoder)) }
    public func encode(to encoder: Encoder) throws { try stored.fields.encode(to: encoder) }

    public static func == (a: Citation, b: Citation) -> Bool { a.stored.isShared(with: b.stored) || a.stored.fields == b.stored.fields }
    public func hash(into hasher: inout Hasher) { stored.fields.hash(into: &hasher) }
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
