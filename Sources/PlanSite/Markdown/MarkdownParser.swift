import CMarkGFM
import Foundation

/// The one place PlanSite talks to libcmark-gfm.
///
/// Thread safety: cmark-gfm's strikethrough and autolink extensions edit a process-global
/// table of special characters while parsing inlines, so two threads using them garble
/// each other's output. Plans need tables (GFM) and footnotes, not strikethrough or
/// autolinks, so only `table` and `tagfilter` are attached; both are safe to run on many
/// threads at once, which lets the build parse plans in parallel without a lock.
public struct MarkdownParser: Sendable {
    public var allowRawHTML: Bool

    public init(allowRawHTML: Bool = false) {
        self.allowRawHTML = allowRawHTML
        _ = MarkdownParser.registerExtensions
    }

    /// Registration is guarded by a plain static int in C: do it exactly once, before any
    /// concurrency. Swift runs a static initialiser once, under a lock.
    private static let registerExtensions: Void = cmark_gfm_core_extensions_ensure_registered()

    static let extensionNames = ["table", "tagfilter"]

    public func parse(_ markdown: String) -> MarkdownDocument {
        // No CMARK_OPT_VALIDATE_UTF8: a String is valid UTF-8, and a plan's bytes were checked,
        // with the place of any bad byte reported, when it was decoded (`SourceFile`).
        var options = CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES
        if allowRawHTML { options |= CMARK_OPT_UNSAFE }
        guard let parser = cmark_parser_new(options) else { return MarkdownDocument(html: [], blocks: []) }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        markdown.withUTF8Bytes { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let root = cmark_parser_finish(parser) else { return MarkdownDocument(html: [], blocks: []) }
        defer { cmark_node_free(root) }

        var html: [UInt8] = []
        if let rendered = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser)) {
            html = Array(UnsafeRawBufferPointer(start: rendered, count: strlen(rendered)))
            free(rendered)
        }
        let (blocks, links) = BlockCollector.collect(root)
        return MarkdownDocument(html: html, blocks: blocks, links: links)
    }
}

/// Walks the cmark tree with its iterator (no recursion, so 10,000 nested lists cannot
/// overflow the stack) and flattens it into `MarkdownBlock`s.
private enum BlockCollector {
    struct OpenItem { var item: MarkdownBlock.ListItem; var paragraphs: Int }

    static func collect(_ root: OpaquePointer) -> ([MarkdownBlock], [MarkdownLink]) {
        var blocks: [MarkdownBlock] = []
        var links: [MarkdownLink] = []
        // Inline nodes carry no position of their own: a link is placed at its block.
        var blockPosition = SourcePosition(line: 1, column: 1)
        var lists: [(ordered: Bool, next: Int)] = []
        var items: [OpenItem] = []
        var text = ""
        var collecting = 0
        guard let iterator = cmark_iter_new(root) else { return ([], []) }
        defer { cmark_iter_free(iterator) }

        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let entering = event == CMARK_EVENT_ENTER
            let position = SourcePosition(line: Int(cmark_node_get_start_line(node)),
                                          column: Int(cmark_node_get_start_column(node)))
            switch type {
            case CMARK_NODE_LIST:
                if entering {
                    lists.append((cmark_node_get_list_type(node) == CMARK_ORDERED_LIST, Int(cmark_node_get_list_start(node))))
                } else {
                    lists.removeLast()
                }
            case CMARK_NODE_ITEM:
                if entering, let list = lists.last {
                    let number = list.ordered ? list.next : nil
                    lists[lists.count - 1].next += 1
                    items.append(OpenItem(item: .init(number: number, position: position, depth: lists.count, isFirstParagraph: true), paragraphs: 0))
                } else if !entering, !items.isEmpty {
                    items.removeLast()
                }
            case CMARK_NODE_LINK:
                if entering, let url = cmark_node_get_url(node) {
                    links.append(MarkdownLink(destination: String(cString: url), position: blockPosition))
                }
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                if entering {
                    blockPosition = position
                    collecting += 1
                    text = ""
                } else {
                    collecting -= 1
                    var listItem: MarkdownBlock.ListItem?
                    if type == CMARK_NODE_PARAGRAPH, !items.isEmpty {
                        listItem = items[items.count - 1].item
                        listItem?.isFirstParagraph = items[items.count - 1].paragraphs == 0
                        items[items.count - 1].paragraphs += 1
                    }
                    let kind: MarkdownBlock.Kind = type == CMARK_NODE_HEADING
                        ? .heading(level: Int(cmark_node_get_heading_level(node))) : .paragraph
                    blocks.append(MarkdownBlock(kind: kind, text: text, position: position, listItem: listItem))
                }
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if collecting > 0, let literal = cmark_node_get_literal(node) {
                    text += String(cString: literal)
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                if collecting > 0 { text += " " }
            default:
                collectTableRow(node, entering: entering, position: position, text: &text, collecting: &collecting, blocks: &blocks)
            }
        }
        return (blocks, links)
    }

    /// Table nodes come from an extension and have no public type constant; their type string names them.
    private static func typeName(_ node: OpaquePointer) -> String {
        cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
    }

    private static func collectTableRow(_ node: OpaquePointer, entering: Bool, position: SourcePosition,
                                        text: inout String, collecting: inout Int, blocks: inout [MarkdownBlock]) {
        switch typeName(node) {
        case "table_row":
            if entering {
                collecting += 1
                text = ""
            } else {
                collecting -= 1
                blocks.append(MarkdownBlock(kind: .tableRow, text: text.trimming(), position: position))
            }
        case "table_cell":
            if !entering { text += " | " }
        default:
            break
        }
    }
}
