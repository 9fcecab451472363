import Foundation

/// A file of the generated site: its path under the output folder and its bytes.
public struct OutputFile: Sendable {
    public var path: String
    public var data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }
}

/// Render stage: turns the linked site into files, handing each to `emit` as soon as it is
/// ready so a large site never sits in memory whole.
public struct SiteRenderer {
    public var templates: TemplateSet

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    public func render(_ site: SiteModel, assets: [String: Data], emit: (OutputFile) throws -> Void) rethrows {
        let contexts = PageContexts(site: site)
        try emit(page("index.html", "home", contexts.home(site)))
        for entry in site.plans {
            try emit(page(SiteURLs.planFile(entry.plan.slug), "plan", contexts.plan(entry)))
        }
        try emit(page("co-quan/index.html", "agencies", contexts.agencyIndex()))
        for record in site.agencies {
            try emit(page(SiteURLs.agencyFile(record.agency), "agency", contexts.agency(record)))
        }
        try emit(page("van-ban/index.html", "documents", contexts.documentIndex()))
        for record in site.documents {
            try emit(page(SiteURLs.documentFile(record.document.ref), "document", contexts.document(record)))
        }
        try emit(page("thoi-han/index.html", "deadlines", contexts.deadlines()))
        try emit(page("404.html", "404", contexts.notFound()))
        try emit(page("tim-kiem/index.html", "search", contexts.page(title: "Tìm kiếm", extra: ["isSearch": true])))
        for file in DataExport(site: site).files() { try emit(file) }
        for path in assets.keys.sorted() {
            try emit(OutputFile(path: "assets/\(path)", data: assets[path]!))
        }
    }

    private func page(_ path: String, _ template: String, _ context: [String: Any]) -> OutputFile {
        OutputFile(path: path, data: Data(templates.render(template, context).utf8))
    }
}
