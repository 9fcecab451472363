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

    /// What the site showed before the edit that these pages need: the records as they were,
    /// and the deadline pages of the quarters the plan has tasks in, before or after.
    struct Before {
        var agencies: [AgencyRecord] = []
        var documents: [DocumentRecord] = []
        var quarters: Set<DeadlineBook.Quarter>
        /// Those pages by file and scope, without their contexts: a context holds the site,
        /// which relinking then could not change in place.
        var deadlinePages: [PlannedPage]
        var deadlinePagesListingPlan: Set<String>
        var deadlinesOnOnePage: Bool

        init(_ contexts: PageContexts, deadlines: DeadlineBook, old: Plan, new: Plan) {
            quarters = DeadlineBook.quarters(of: old).union(DeadlineBook.quarters(of: new))
            let pages = contexts.deadlinePages(deadlines, only: quarters)
            deadlinePages = pages.map { PlannedPage(file: $0.planned.file, scope: $0.planned.scope) { [:] } }
            deadlinePagesListingPlan = Set(pages.filter { $0.plans.contains { $0.slug == old.slug } }.map(\.planned.file))
            deadlinesOnOnePage = deadlines.taskCount <= ProvinceSplit.maxRows
        }

        /// Whether the deadlines are still on one page, or still a page per quarter, as they
        /// were: a change between the two changes every quarter's pages.
        func keepsDeadlineLayout(_ deadlines: DeadlineBook) -> Bool {
            (deadlines.taskCount <= ProvinceSplit.maxRows) == deadlinesOnOnePage
        }
    }

    /// The pages, with the deadlines `deadlines` holds after the edit, which must have kept
    /// their layout (`Before.keepsDeadlineLayout`).
    func files(_ edited: ExtractedPlan, _ relinked: SiteModel.Relinked, before: Before, deadlines: DeadlineBook) -> [(path: String, bytes: [UInt8]?)] {
        let site = contexts.site
        let province = PageScope.province(ProvinceSplit.key(edited.plan))
        func showsPlan(_ page: PlannedPage) -> Bool { page.scope == .whole || page.scope == .summary || page.scope == province }
        var files: [(path: String, bytes: [UInt8]?)] = [(SiteURLs.planFile(edited.plan.slug), render("plan", contexts.planPage(edited)))]
        // Pages that are new or at another file than before (a province's page takes the address
        // another spelling of it had), those `shows` the plan on, and old pages that are gone.
        func pages(_ template: String, now: [PlannedPage], was: [PlannedPage],
                   shows: (PlannedPage) -> Bool) {
            let kept = Set(now.map(\.file))
            let old = Dictionary(was.map { ($0.file, $0.scope) }) { first, _ in first }
            for page in now where shows(page) || old[page.file] != page.scope {
                files.append((page.file, render(template, page.context())))
            }
            files += was.filter { !kept.contains($0.file) }.map { ($0.file, nil) }
        }
        for (index, old) in zip(relinked.agencies, before.agencies) {
            pages("agency", now: contexts.agencyPages(site.agencies[index]), was: contexts.agencyPages(old), shows: showsPlan)
        }
        for (index, old) in zip(relinked.documents, before.documents) {
            let chain = contexts.chainDown(old.document.ref)
            let record = site.documents[index]
            // Every page of a document carries its count of citing plans, which templates may print.
            let counted = record.citations.count != old.citations.count
            pages("document", now: contexts.documentPages(record, chain: chain), was: contexts.documentPages(old, chain: chain)) {
                counted || showsPlan($0)
            }
        }
        let now = contexts.deadlinePages(deadlines, only: before.quarters)
        let listing = Set(now.filter { $0.plans.contains { $0.slug == edited.plan.slug } }.map(\.planned.file)).union(before.deadlinePagesListingPlan)
        pages("deadlines", now: now.map(\.planned), was: before.deadlinePages) { listing.contains($0.file) }
        files.append(("co-quan/index.html", render("agencies", contexts.agencyIndex())))
        if zip(relinked.documents, before.documents).contains(where: { site.documents[$0].citations.count != $1.citations.count }) {
            files += contexts.documentIndexPages().map { ($0.file, render("documents", $0.context())) }
        }
        return files
    }

    private func render(_ template: String, _ context: [TemplateKey: TemplateValue]) -> [UInt8] {
        templates.render(template, context)
    }
}
