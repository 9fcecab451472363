/// Where a block starts in the Markdown body (1-based), as cmark reports it.
public struct SourcePosition: Hashable, Sendable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool { (a.line, a.column) < (b.line, b.column) }
}

/// A block of text from the Markdown tree, flattened in document order: what extraction reads.
/// It keeps the text a reader sees (inline markup dropped) and where the block came from.
public struct MarkdownBlock: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case heading(level: Int)
        case paragraph
        case tableRow
    }

    /// The list item a paragraph sits in, if any.
    public struct ListItem: Hashable, Sendable {
        /// The item's number for an ordered list (`3.` → 3), nil for a bullet.
        public var number: Int?
        /// Where the item starts, so an anchor can be put on the `<li>`.
        public var position: SourcePosition
        /// How many lists enclose the item (1 for a top-level list).
        public var depth: Int
        /// True for the first paragraph of the item, the one that carries its marker.
        public var isFirstParagraph: Bool
    }

    public var kind: Kind
    public var text: String
    public var position: SourcePosition
    public var listItem: ListItem?

    public init(kind: Kind, text: String, position: SourcePosition, listItem: ListItem? = nil) {
        self.kind = kind
        self.text = text
        self.position = position
        self.listItem = listItem
    }
}

/// A link written in a plan, for checking that its target exists.
public struct MarkdownLink: Hashable, Sendable {
    public var destination: String
    public var position: SourcePosition
}

/// A Markdown body after cmark-gfm: its HTML (each block still carrying `data-sourcepos`,
/// which `AnchorRewriter` turns into ids), its blocks for extraction and its links.
public struct MarkdownDocument: Sendable {
    /// UTF-8, as cmark-gfm wrote it (it replaces invalid input; the input was a `String` anyway).
    /// Kept as bytes to the page: a plan's body is the largest text a build handles, and making
    /// it a `String` checks every byte again.
    public var html: [UInt8]
    public var blocks: [MarkdownBlock]
    public var links: [MarkdownLink] = []
}
