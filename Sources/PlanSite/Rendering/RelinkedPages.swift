import Foundation

/// The pages an edit to one plan's tasks or citations can change, once `SiteModel.relink` has
/// joined it again, rendered from the relinked site: the plan's page; of each agency and
/// document that lists it, the pages that show its province (a summary counts every province);
/// the deadline pages that list its tasks; the agency index, and the document index when a
/// document's count of citing plans moved. Pages a record or a quarter no longer has come back
/// as nil, to be removed.
struct RelinkedPages {
    var contexts: PageContexts
    var templates: TemplateSet
    var jobs = Workers.default

    /// What the site showed before the edit that these pages need: the records as they were,
    /// and the deadline pages, with those that listed the plan.
    struct Before {
        var agencies: [AgencyRecord]
        var documents: [DocumentRecord]
        var deadlineFiles: [String]
        var deadlineFilesListing: Set<String>

        init(agencies: [AgencyRecord], documents: [DocumentRecord], deadlines: [PageContexts.DeadlinePage], plan: String) {
            self.agencies = agencies
            self.documents = documents
            deadlineFiles = deadlines.map(\.planned.file)
            deadlineFilesListing = Set(deadlines.filter { $0.plans.contains { $0.slug == plan } }.map(\.planned.file))
        }
    }

    func files(_ edited: ExtractedPlan, _ relinked: SiteModel.Relinked, before: Before) -> [(path: String, data: Data?)] {
        let site = contexts.site
        let province = PageScope.province(ProvinceSplit.key(edited.plan))
        var files: [(path: String, data: Data?)] = [(SiteURLs.planFile(edited.plan.slug), render("plan", contexts.planPage(edited)))]
        // New pages, and those `shows` the plan on; old pages that are gone.
        func pages(_ template: String, now: [PlannedPage], was: [String],
                   shows: (PlannedPage) -> Bool = { $0.scope == .whole || $0.scope == .summary || $0.scope == province }) {
            let kept = Set(now.map(\.file)), old = Set(was)
            for page in now where shows(page) || !old.contains(page.file) {
                files.append((page.file, render(template, page.context())))
            }
            files += was.filter { !kept.contains($0) }.map { ($0, nil) }
        }
        for (index, old) in zip(relinked.agencies, before.agencies) {
            pages("agency", now: contexts.agencyPages(site.agencies[index]), was: contexts.agencyPages(old).map(\.file))
        }
        for (index, old) in zip(relinked.documents, before.documents) {
            let chain = contexts.chainDown(old.document.ref)
            pages("document", now: contexts.documentPages(site.documents[index], chain: chain),
                  was: contexts.documentPages(old, chain: chain).map(\.file))
        }
        let deadlines = contexts.deadlinePages(jobs: jobs)
        let listing = Set(deadlines.filter { $0.plans.contains { $0.slug == edited.plan.slug } }.map(\.planned.file)).union(before.deadlineFilesListing)
        pages("deadlines", now: deadlines.map(\.planned), was: before.deadlineFiles) { listing.contains($0.file) }
        files.append(("co-quan/index.html", render("agencies", contexts.agencyIndex())))
        if zip(relinked.documents, before.documents).contains(where: { site.documents[$0].citations.count != $1.citations.count }) {
            files += contexts.documentIndexPages().map { ($0.file, render("documents", $0.context)) }
        }
        return files
    }

    private func render(_ template: String, _ context: [String: TemplateValue]) -> Data {
        Data(templates.render(template, context))
    }
}
