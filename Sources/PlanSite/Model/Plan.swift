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
///
/// A value like any other, but its fields live in one shared box: every page, record and
/// assignment that lists a plan holds a copy of it, and copying a dozen strings and arrays cost
/// a tenth of a national site's render (a resolution's 64 province pages each filtering ten
/// thousand plans). A copy is one reference; a change copies the box first if it is shared.
public struct Plan: Sendable, Codable {
    /// The stored fields, in the order the build cache encodes them.
    fileprivate struct Fields: Codable, Equatable {
        var slug: String
        var sourcePath: String
        var metadata: PlanMetadata
        var headings: [Heading]
        var tasks: [PlanTask]
        var citations: [Citation]
        var links: [TextLink]
    }

    private var stored: SharedFields<Fields>

    public var slug: String { _read { yield stored.fields.slug } _modify { yield &stored.fields.slug } }
    /// Path relative to the content folder, used in every diagnostic about this plan.
    public var sourcePath: String { _read { yield stored.fields.sourcePath } _modify { yield &stored.fields.sourcePath } }
    public var metadata: PlanMetadata { _read { yield stored.fields.metadata } _modify { yield &stored.fields.metadata } }
    public var headings: [Heading] { _read { yield stored.fields.headings } _modify { yield &stored.fields.headings } }
    public var tasks: [PlanTask] { _read { yield stored.fields.tasks } _modify { yield &stored.fields.tasks } }
    /// Every numbered citation in the text, in order.
    public var citations: [Citation] { _read { yield stored.fields.citations } _modify { yield &stored.fields.citations } }
    /// Links written in the text, with where they are.
    public var links: [TextLink] { _read { yield stored.fields.links } _modify { yield &stored.fields.links } }

    public init(slug: String, sourcePath: String, metadata: PlanMetadata, headings: [Heading],
                tasks: [PlanTask] = [], citations: [Citation] = []) {
        stored = SharedFields(Fields(slug: slug, sourcePath: sourcePath, metadata: metadata, headings: headings, tasks: tasks,
                                     citations: citations, links: []))
    }

    /// Encoded as its fields alone, so the cache's bytes are those of the plain struct it was.
    public init(from decoder: Decoder) throws { stored = SharedFields(try Fields(from: decoder)) }
    public func encode(to encoder: Encoder) throws { try stored.fields.encode(to: encoder) }

    /// Whether `other` is this plan with at most its prose and line numbers changed: every page
    /// but the plan's own shows only what is the same in both.
    public func differsOnlyInPositions(from other: Plan) -> Bool {
        stored.isShared(with: other.stored) || stored.fields.withoutPositions == other.stored.fields.withoutPositions
    }

    /// Whether the two are copies of one value, not merely equal: a linked site's records hold
    /// copies of its plans, and a plan replaced in it is found by this.
    func isCopy(of other: Plan) -> Bool { stored.isShared(with: other.stored) }

    /// The documents the plan carries out, qualified by its province where local.
    public var implementedRefs: [DocumentRef] {
        metadata.implements.compactMap(DocumentNumber.parsed).map { DocumentRef(number: $0, citingProvince: metadata.province) }
    }

    /// The document the plan is, by its own number (`number:` in its front matter), if it has one.
    public var ownRef: DocumentRef? {
        metadata.number.flatMap(DocumentNumber.parsed).map { DocumentRef(number: $0, citingProvince: metadata.province) }
    }
}

fileprivate extension Plan.Fields {
    var withoutPositions: Self {
        var fields = self
        fields.headings = headings.map { var heading = $0; heading.line = 0; return heading }
        fields.tasks = tasks.map { var task = $0; task.line = 0; return task }
        fields.citations = citations.map { var citation = $0; citation.line = 0; return citation }
        fields.links = links.map { var link = $0; link.line = 0; link.column = 0; return link }
        return fields
    }
}

/// A Markdown link in a plan's text and where it is, so a broken one can be reported there.
public struct TextLink: Hashable, Sendable, Codable {
    public var destination: String
    public var line: Int
    public var column: Int
}
