import Foundation

/// A file of the generated site: its path under the output folder and its bytes.
///
/// Bytes, not `Data`: pages and data files are made as `[UInt8]`, and copying each into `Data` on
/// its way to the writer copied the whole site once more, a hundred thousand fresh buffers.
public struct OutputFile: Sendable {
    public var path: String
    public var bytes: [UInt8]
    /// For a rendered page, a fingerprint of its template context; files without one are
    /// compared by their bytes.
    public var fingerprint: Fingerprint?
    /// The previous build's file is current: `bytes` is empty and the writer keeps the old file.
    public var reused = false
    /// Which part of its file `bytes` is: files of hundreds of megabytes are handed over in parts.
    public var part = Part.whole
    /// On a file's last part, for a file made of items (`ExportItem`): each item's place in it.
    var items: [ExportItem]?

    public enum Part: Sendable {
        case whole
        /// The start of a file whose next parts follow in order.
        case first
        case next
    }

    public init(path: String, bytes: [UInt8], fingerprint: Fingerprint? = nil) {
        self.path = path
        self.bytes = bytes
        self.fingerprint = fingerprint
    }

    static func reusing(_ path: String, _ fingerprint: Fingerprint) -> OutputFile {
        var file = OutputFile(path: path, bytes: [], fingerprint: fingerprint)
        file.reused = true
        return file
    }
}

/// Render stage: turns the linked site into files, handing each to `emit` as soon as it is
/// ready so a large site never sits in memory whole.
public struct SiteRenderer {
    public var templates: TemplateSet
    var bodies: BodyStore
    /// Pages whose context is unchanged since this output was built are not rendered again.
    public var previous: PreviousOutput
    /// Each plan's source key by source path, for judging agency and document pages by what
    /// they are made from (`PageInputs`).
    var planKeys: [String: Fingerprint]
    public var jobs: Int

    init(templates: TemplateSet, bodies: BodyStore, previous: PreviousOutput = .none, planKeys: [String: Fingerprint] = [:],
         jobs: Int = Workers.default) {
        self.templates = templates
        self.bodies = bodies
        self.previous = previous
        self.planKeys = planKeys
        self.jobs = jobs
    }

    public func render(_ site: SiteModel, assets: [String: Data], emit: (OutputFile) throws -> Void) rethrows {
        let contexts = PageContexts(site: site, bodies: bodies)
        let inputs = PageInputs(contexts: contexts, salt: templates.fingerprint, planKeys: planKeys)
        for home in contexts.homePages() { try emit(page(home.file, "home", home.context)) }
        let documentPages = Fingerprint.of(site.documents.map(\.document.ref.slug))
        // A kept plan page needs neither its body read back nor its citations linked, the costly part.
        try renderAll(site.plans, emit) { entry in
            pages("plan", [PlannedPage(file: SiteURLs.planFile(entry.plan.slug)) { contexts.planPage(entry) }]) {
                { _ in inputs.plan(entry.plan, documentPages: documentPages) }
            }
        }
        try emit(page("co-quan/index.html", "agencies", contexts.agencyIndex()))
        try renderAll(site.agencies, emit) { record in pages("agency", contexts.agencyPages(record)) { inputs.agency(record).callAsFunction } }
        try renderAll(contexts.documentIndexPages(), emit) { index in [page(index.file, "documents", index.context())] }
        try renderAll(site.documents, emit) { record in
            let chain = contexts.chainDown(record.document.ref)
            return pages("document", contexts.documentPages(record, chain: chain)) { inputs.document(record, chain: chain).callAsFunction }
        }
        try renderAll(contexts.deadlinePages(jobs: jobs), emit) { page in pages("deadlines", [page.planned]) { { _ in inputs.deadlines(page.plans) } } }
        try emit(page("404.html", "404", contexts.notFound()))
        try emit(page("tim-kiem/index.html", "search", contexts.page(title: "Tìm kiếm", extra: ["isSearch": true])))
        try DataExport(site: site, jobs: jobs, previous: previous, planKeys: planKeys).write(emit)
        for path in assets.keys.sorted() {
            try emit(OutputFile(path: "assets/\(path)", bytes: [UInt8](assets[path]!)))
        }
    }

    /// Renders pages on every core, a batch at a time so memory stays bounded, and hands them
    /// to `emit` in order. One item may make several pages (a summary and its province pages).
    private func renderAll<T>(_ items: [T], _ emit: (OutputFile) throws -> Void, _ make: (T) -> [OutputFile]) rethrows {
        try items.forEachTransformed(jobs: jobs, batch: 256, make) { files in
            for file in files { try emit(file) }
        }
    }

    /// One record's pages (a plan's, an agency's, a document's), each kept when nothing it is made
    /// from has changed, else rendered with the fingerprint of those inputs for the next build.
    /// `inputs` is asked only when there is a previous build to compare with.
    private func pages(_ template: String, _ planned: [PlannedPage], inputs: () -> (PageScope) -> Fingerprint?) -> [OutputFile] {
        guard previous.folder != nil else { return planned.map { page($0.file, template, $0.context()) } }
        let fingerprint = inputs()
        return planned.map { planned in
            guard let fingerprint = fingerprint(planned.scope) else { return page(planned.file, template, planned.context()) }
            if previous.isCurrent(planned.file, fingerprint) { return .reusing(planned.file, fingerprint) }
            return OutputFile(path: planned.file, bytes: templates.render(template, planned.context()), fingerprint: fingerprint)
        }
    }

    private func page(_ path: String, _ template: String, _ context: [TemplateKey: TemplateValue]) -> OutputFile {
        guard previous.folder != nil else { return OutputFile(path: path, bytes: templates.render(template, context)) }
        let fingerprint = Fingerprint.of(template: template, context: context, salt: templates.fingerprint)
        if previous.isCurrent(path, fingerprint) { return .reusing(path, fingerprint) }
        return OutputFile(path: path, bytes: templates.render(template, context), fingerprint: fingerprint)
    }
}
