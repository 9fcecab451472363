/// A plan file after the parse stage: typed front matter and the cmark-gfm document.
public struct ParsedPlan: Sendable {
    public var slug: String
    public var sourcePath: String
    public var metadata: PlanMetadata
    public var document: MarkdownDocument
    /// Line of the file where the Markdown body starts; block positions count from it.
    public var bodyFirstLine: Int

    /// Turns a position inside the body into a line of the file.
    public func fileLine(_ position: SourcePosition) -> Int { position.line + bodyFirstLine - 1 }
}

/// Parse stage: front matter through Yams, body through cmark-gfm. One plan at a time and
/// nothing shared, so plans can be parsed in parallel.
public struct PlanParser: Sendable {
    public var markdown: MarkdownParser
    public var decoder = FrontMatterDecoder()

    public init(allowRawHTML: Bool) {
        markdown = MarkdownParser(allowRawHTML: allowRawHTML)
    }

    /// Real plans are 40–100 KB; a file hundreds of times larger is a mistake (a merged export,
    /// an embedded scan), and refusing it keeps every build bounded in time and memory.
    public static let maximumBytes = 10_000_000

    public func parse(_ file: SourceFile) -> Result<ParsedPlan, [Diagnostic]> {
        let start = SourceLocation(file: file.path)
        let text: String
        switch file.decoded() {
        case .success(let decoded): text = decoded
        case .failure(let location): return .failure([TextFile.problem(location, in: file.path)])
        }
        let size = text.utf8.count
        if size > Self.maximumBytes {
            return .failure([.error(start, "the file is \(size / 1_000_000) MB; a plan may be at most \(Self.maximumBytes / 1_000_000) MB",
                                    hint: "split it into several plans, or remove pasted images and scans")])
        }
        if text.allSatisfy(\.isWhitespace) {
            return .failure([.error(start, "the file is empty", hint: "start it with front matter: a line '---', 'title: …', 'issuer: …', 'implements: [...]', and '---'")])
        }
        let frontMatter: FrontMatter
        switch FrontMatter.split(text) {
        case .success(let split): frontMatter = split
        case .failure(.missing):
            return .failure([.error(start, "the file does not start with front matter",
                                    hint: "put a line '---' first, then 'title: …', 'issuer: …', 'implements: [...]', then '---'")])
        case .failure(.unterminated):
            return .failure([.error(start, "front matter is not closed",
                                    hint: "add a line '---' after the last front matter field, before the text of the plan")])
        }
        let metadata: PlanMetadata
        switch decoder.decode(frontMatter, file: file.path) {
        case .success(let decoded): metadata = decoded
        case .failure(let problems): return .failure(problems)
        }
        // A declared slug was checked by the decoder; one made from the file name is safe by construction.
        let fileName = file.path.split(separator: "/").last.map(String.init) ?? file.path
        let slug = metadata.slug ?? VietnameseText.slug(fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName)
        if slug.isEmpty {
            return .failure([.error(start, "no address can be made from the file name '\(fileName)'",
                                    hint: "rename the file with letters or digits, or add a line slug: lao-cai-27-nq-tw")])
        }
        let document = markdown.parse(frontMatter.body)
        return .success(ParsedPlan(slug: slug, sourcePath: file.path, metadata: metadata,
                                   document: document, bodyFirstLine: frontMatter.bodyFirstLine))
    }
}
