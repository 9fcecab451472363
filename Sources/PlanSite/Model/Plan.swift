/// The front matter of a plan: who issued it, what it carries out, who signed it.
public struct PlanMetadata: Hashable, Sendable, Codable {
    public var title: String
    public var issuer: String
    /// Document numbers (số hiệu) this plan carries out, as written in front matter.
    public var implements: [String]
    public var province: String?
    public var kind: String?
    public var number: String?
    public var date: CalendarDate?
    public var signer: String?
    public var signerTitle: String?
    public var recipients: [String]
    public var slug: String?

    public init(title: String, issuer: String, implements: [String], province: String? = nil,
                kind: String? = nil, number: String? = nil, date: CalendarDate? = nil,
                signer: String? = nil, signerTitle: String? = nil, recipients: [String] = [],
                slug: String? = nil) {
        self.title = title
        self.issuer = issuer
        self.implements = implements
        self.province = province
        self.kind = kind
        self.number = number
        self.date = date
        self.signer = signer
        self.signerTitle = signerTitle
        self.recipients = recipients
        self.slug = slug
    }
}

/// One heading of a plan's body, for its table of contents.
public struct Heading: Hashable, Sendable, Codable {
    public var level: Int
    public var text: String
    /// Stable, readable, unique within the plan: "iii-nhiem-vu-giai-phap".
    public var id: String
    /// 1-based line in the plan's file.
    public var line: Int

    public init(level: Int, text: String, id: String, line: Int) {
        self.level = level
        self.text = text
        self.id = id
        self.line = line
    }
}

/// A plan (kế hoạch, chương trình hành động …) as the site knows it.
public struct Plan: Sendable, Codable {
    public var slug: String
    /// Path relative to the content folder, used in every diagnostic about this plan.
    public var sourcePath: String
    public var metadata: PlanMetadata
    public var headings: [Heading]
    public var tasks: [PlanTask]
    /// Every numbered citation in the text, in order.
    public var citations: [Citation]
    /// Links written in the text, with where they are.
    public var links: [TextLink] = []

    public init(slug: String, sourcePath: String, metadata: PlanMetadata, headings: [Heading],
                tasks: [PlanTask] = [], citations: [Citation] = []) {
        self.slug = slug
        self.sourcePath = sourcePath
        self.metadata = metadata
        self.headings = headings
        self.tasks = tasks
        self.citations = citations
    }

    /// The documents the plan carries out, qualified by its province where local.
    public var implementedRefs: [DocumentRef] {
        metadata.implements.compactMap(DocumentNumber.init).map { DocumentRef(number: $0, citingProvince: metadata.province) }
    }
}

/// A Markdown link in a plan's text and where it is, so a broken one can be reported there.
public struct TextLink: Hashable, Sendable, Codable {
    public var destination: String
    public var line: Int
    public var column: Int
}
