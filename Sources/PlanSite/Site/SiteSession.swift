import Foundation

/// A build that stays running between edits (`plansite watch`), as `hugo server` and `zola serve`
/// do. It keeps the linked site in memory. An edit to a plan's prose that leaves its front
/// matter, tasks, citations and links as they were (`Plan.differsOnlyInPositions`) changes only
/// that plan's page and, as lines move, its tasks' line numbers in the data export: the session
/// writes those into the output in place, in milliseconds. An edit to its tasks or citations is
/// joined again into the records that list the plan (`SiteModel.relink`), whose pages, data
/// files and search files are written where they changed. Any other change (a plan added or
/// removed, its front matter, a new agency or document, a registry, a template, a problem in the
/// edited plan) runs a full build with the cache, which, like every build, replaces the output
/// only if it succeeds.
public final class SiteSession {
    public private(set) var build: Build
    /// The day deadlines are counted from, asked before each update: a session left running
    /// overnight builds again when the day changes, as tasks may have become overdue.
    private let today: () -> CalendarDate
    private var stamps = SourceStamps()
    private var started = false
    private var linked: LinkedSite?
    /// The plans of the last build, which the next one takes instead of reading the cache.
    private var held: HeldPlans?
    private var contexts: PageContexts?
    /// The output's search index, to put a relinked plan's units in (`SearchIndex.replace`).
    private var searchIndex: SearchIndex?
    /// The site's dated tasks by quarter, which the deadline pages list.
    private var deadlines: DeadlineBook?
    /// Each data export file's parts, by plan slug, where the output holds them now.
    private var exportParts: [String: [String: ExportItem]] = [:]

    /// What one update did.
    public struct Update {
        public var report: BuildReport
        /// Plans whose edit was written in place; empty when the site was built.
        public var editedInPlace: [String]
        /// Output files an in-place update wrote.
        public var filesWritten: [String]
        /// An in-place update made the search index whole instead of putting the edited plans'
        /// units into it, as the edit moved what every posting depends on (a year or province
        /// gained or lost, the site's statistics, the shard count).
        public var searchIndexMadeAgain = false
        public var seconds: Double
    }

    /// Edits are written in place only when `build` keeps a cache (`Build.cacheDirectory`),
    /// which records where each plan's parts of the data files lie; without one, every change
    /// builds the site. Without `today`, every build counts from `build.today`.
    public init(_ build: Build, today: (() -> CalendarDate)? = nil) {
        self.build = build
        self.today = today ?? { [day = build.today] in day }
    }

    /// Brings the output up to date with the content, the templates and the day: the first call
    /// builds the site; later calls return nil when none of them changed since the call before.
    public func update() -> Update? {
        let start = Date()
        // Read before the build reads the files: a file saved during the build is seen next time.
        let now = SourceStamps.scan([build.contentDirectory, build.templatesDirectory], like: stamps)
        let changed = now.changes(since: stamps)
        let day = today()
        guard !started || !changed.isEmpty || day != build.today else { return nil }
        defer { stamps = now }
        if started, day == build.today, let (report, written, madeAgain) = inPlace(changed, now) {
            return Update(report: report, editedInPlace: changed, filesWritten: written, searchIndexMadeAgain: madeAgain,
                          seconds: -start.timeIntervalSinceNow)
        }
        started = true
        build.today = day
        return Update(report: rebuild(), editedInPlace: [], filesWritten: [], seconds: -start.timeIntervalSinceNow)
    }

    private func rebuild() -> BuildReport {
        linked = nil
        contexts = nil
        searchIndex = nil
        deadlines = nil
        var captured: LinkedSite?
        var index: SearchIndex?
        var parts: [String: [ExportItem]] = [:]
        let report = build.run(holding: held, linked: { captured = $0 }, indexed: { index = $0 }, committed: { parts = $0 })
        held = report.succeeded ? captured?.held : nil
        if report.succeeded, let captured, build.cacheDirectory != nil {
            linked = captured
            searchIndex = index
            contexts = PageContexts(site: captured.site, bodies: BodyStore())
            deadlines = contexts.map { DeadlineBook($0, jobs: build.jobs) }
            exportParts = parts.mapValues { Dictionary($0.map { ($0.name, $0) }) { first, _ in first } }
        }
        return report
    }

    /// The update for edits to plans, or nil when a build is needed. An edit to a plan's prose
    /// swaps the plan into the site (`SiteModel.replace`); one to its tasks or citations joins
    /// them again (`SiteModel.relink`), and the pages that list the plan (`RelinkedPages`), the
    /// records' data files and the search index are made again. Nothing is written unless every
    /// edited plan was read, parsed and relinked, and every data file holds the plan's old parts
    /// where the last build put them.
    private func inPlace(_ changed: [String], _ now: SourceStamps) -> (BuildReport, [String], searchIndexMadeAgain: Bool)? {
        let contentName = build.contentDirectory.lastPathComponent
        guard let parser = linked?.parser, let extractor = linked?.extractor, contexts != nil, !changed.isEmpty,
              changed.allSatisfy({ $0.hasPrefix(contentName + "/") && $0.hasSuffix(".md") && now.edited($0, since: stamps) }) else { return nil }
        var timings: [StageTiming] = []
        func timed<T>(_ stage: String, _ work: () throws -> T) rethrows -> T { try StageTiming.measure(stage, into: &timings, work) }
        var edited: [ExtractedPlan] = []
        for path in changed {
            let url = build.contentDirectory.appendingPathComponent(String(path.dropFirst(contentName.count + 1)))
            guard let bytes = try? Data(contentsOf: url),
                  case .success(let parsed) = timed("parse+extract", { parser.parse(SourceFile(path: path, unchecked: bytes)) }) else { return nil }
            let extracted = timed("parse+extract") { extractor.extract(parsed) }
            guard !extracted.diagnostics.hasErrors, !(build.strict && !extracted.diagnostics.isEmpty) else { return nil }
            edited.append(extracted)
        }
        // The session lets go of the site while the plans are swapped into it, so that its records
        // are changed in place instead of copied; if anything fails, the build that follows links
        // the site again.
        guard var linked = linked.take(), var contexts = contexts.take(), var deadlines = deadlines.take() else { return nil }
        var site = linked.site
        linked.site = contexts.site.emptied
        var patches: [(file: String, slug: String, bytes: [UInt8])] = []
        var pages: [(path: String, bytes: [UInt8]?)] = []
        var relinkedPlans: [RelinkedPlan] = []
        var records = RecordPatch()
        var linkProblems: [Diagnostic] = []
        for entry in edited {
            var light = entry
            light.bodyHTML = []
            guard let old = site.plan(light.plan.slug) else { return nil }
            let before = DataExport(site: site).parts(of: ExtractedPlan(plan: old, bodyHTML: [], diagnostics: []))
            contexts.bodies.store(entry.bodyHTML, for: entry.plan.slug)
            if site.replace(light) {
                contexts.site = site
                timed("render") { deadlines.replace(old, with: light.plan, contexts) }
                timed("render") { pages.append((SiteURLs.planFile(entry.plan.slug), linked.templates.render("plan", contexts.planPage(entry)))) }
            } else {
                var was = timed("render") { RelinkedPages.Before(contexts, deadlines: deadlines, old: old, new: light.plan) }
                // Held by the session alone, the site's records are changed in place, not copied.
                contexts.site = linked.site
                guard let relinked = timed("link", { site.relink(light, registries: linked.registries) }),
                      !(build.strict && !relinked.diagnostics.isEmpty) else { return nil }
                (was.agencies, was.documents) = (relinked.agenciesBefore, relinked.documentsBefore)
                records.note(relinked)
                contexts.agencyRows.forget(relinked.agencies)
                linkProblems += relinked.diagnostics
                contexts.site = site
                timed("render") { deadlines.replace(old, with: light.plan, contexts) }
                guard was.keepsDeadlineLayout(deadlines) else { return nil }
                relinkedPlans.append((entry, relinked, was))
            }
            contexts.site = linked.site
            // Its key names the file as the last build read it: the next build must not take the edit for that.
            linked.planKeys[light.plan.sourcePath] = nil
            for ((file, was), (_, bytes)) in timed("data", { zip(before, DataExport(site: site).parts(of: light)) }) where was != bytes {
                guard let item = exportParts[file]?[old.slug],
                      ExportPatch.holds(was, at: item, path: output(file)) else { return nil }
                patches.append((file, old.slug, bytes))
            }
        }
        contexts.site = site
        // The data and search files on this thread, the pages on another: each only reads the
        // site, and the largest files are copied while pages render. Pages of relinked plans are
        // rendered from the site with every edit in it.
        let (dataWork, pageWork) = concurrently(jobs: build.jobs, {
            Result { try self.writeData(site, relinkedPlans.map(\.entry.plan.slug), records, patches, planKeys: linked.planKeys) }
        }, {
            Result { try self.writePages(pages, relinkedPlans, RelinkedPages(contexts: contexts, templates: linked.templates), deadlines) }
        })
        guard case .success(let pagesWritten) = pageWork, case .success(let data) = dataWork else { return nil }
        exportParts.merge(data.exportParts) { _, new in new }
        let written = Self.once(pagesWritten.files + data.files)
        linked.site = site
        self.linked = linked
        self.contexts = contexts
        self.deadlines = deadlines
        return (BuildReport(diagnostics: (edited.flatMap(\.diagnostics) + linkProblems).sortedForReport,
                            pagesWritten: written.count, plans: site.plans.count,
                            timings: StageTiming.merged(timings + pagesWritten.timings + data.timings)),
                written, data.indexMadeAgain)
    }

    /// A plan whose tasks or citations were joined again, with what its pages showed before.
    private typealias RelinkedPlan = (entry: ExtractedPlan, relinked: SiteModel.Relinked, before: RelinkedPages.Before)

    /// What one side of an update wrote, and its steps' times.
    private struct Written {
        var files: [String] = []
        var timings: [StageTiming] = []
        var indexMadeAgain = false
        var exportParts: [String: [String: ExportItem]] = [:]
    }

    /// The pages an edit changed: `rendered` already, and those of each relinked plan.
    private func writePages(_ rendered: [(path: String, bytes: [UInt8]?)],
                            _ relinked: [RelinkedPlan],
                            _ renderer: RelinkedPages, _ deadlines: DeadlineBook) throws -> Written {
        var done = Written()
        let pages = rendered + StageTiming.measure("render", into: &done.timings) {
            relinked.flatMap { renderer.files($0.entry, $0.relinked, before: $0.before, deadlines: deadlines) }
        }
        try StageTiming.measure("write pages", into: &done.timings) {
            for (path, bytes) in pages where try OutputPatch.write(bytes, to: build.outputDirectory, path) { done.files.append(path) }
        }
        return done
    }

    /// The records' data files and the search index after a relink, then each plan's parts of
    /// the data export files: at national scale these are the largest files.
    private func writeData(_ site: SiteModel, _ relinkedPlans: [String], _ records: RecordPatch,
                           _ patches: [(file: String, slug: String, bytes: [UInt8])], planKeys: [String: Fingerprint]) throws -> Written {
        var done = Written()
        if !relinkedPlans.isEmpty {
            (done.files, done.indexMadeAgain) = try relinkedData(site, relinkedPlans, records, planKeys: planKeys, timings: &done.timings)
        }
        try StageTiming.measure("data", into: &done.timings) {
            // The next build must not copy other plans' parts from offsets this moves.
            if !patches.isEmpty { build.cacheDirectory.map(BuildCache.init)?.forgetItems(of: build.outputDirectory) }
            // Each file on its own core: copying tasks.json need not wait for tasks.csv.
            let files = Self.once(patches.map(\.file))
            let patched = files.parallelMap(jobs: build.jobs) { file in
                Result { try patches.filter { $0.file == file }.reduce(exportParts[file]!) { items, patch in
                    try ExportPatch.replace(patch.slug, in: items, with: patch.bytes, path: output(file))
                } }
            }
            for (file, items) in zip(files, patched) {
                done.exportParts[file] = try items.get()
                done.files.append(file)
            }
        }
        return done
    }

    /// After a relink, the data files made of records and the search index, written where they
    /// changed: the records' members patched, or the files written whole; the relinked plans'
    /// units put into the index the session keeps, or where that reaches too far, the index made again.
    private func relinkedData(_ site: SiteModel, _ plans: [String], _ records: RecordPatch, planKeys: [String: Fingerprint],
                              timings: inout [StageTiming]) throws -> (written: [String], indexMadeAgain: Bool) {
        var written = try StageTiming.measure("data (records)", into: &timings) {
            if let patched = try records.write(site, into: build.outputDirectory, jobs: build.jobs) { return patched }
            var files: [String: [UInt8]] = [:]
            DataExport(site: site, jobs: build.jobs).writeRecords { files[$0.path, default: []] += $0.bytes }
            return try files.keys.sorted().filter { try OutputPatch.write(files[$0], to: build.outputDirectory, $0) }
        }
        if try StageTiming.measure("search index", into: &timings, { try putIntoIndex(plans, of: site, planKeys: planKeys, written: &written) }) {
            return (Self.once(written), false)
        }
        return try StageTiming.measure("search index (whole)", into: &timings) { try wholeIndex(site, planKeys: planKeys, written: written) }
    }

    /// The index made again from every unit, its files written where they changed and those it no longer has removed.
    private func wholeIndex(_ site: SiteModel, planKeys: [String: Fingerprint], written: [String]) throws -> (written: [String], indexMadeAgain: Bool) {
        var written = written
        let cache = BuildCache(folder: build.cacheDirectory!)
        var made: Set<String> = []
        searchIndex = try SearchIndexBuilder(site: SearchUnit.all(site, planKeys: planKeys, jobs: build.jobs), jobs: build.jobs,
                                             previous: cache.previousOutput(build.outputDirectory), tokens: cache.tokens).write { file in
            made.insert(file.path)
            if !file.reused, try OutputPatch.write(file.bytes, to: build.outputDirectory, file.path) { written.append(file.path) }
        }
        written += try OutputPatch.removeAll(under: ["search/i", "search/j", "search/d", "search/p"], except: made, in: build.outputDirectory)
        return (Self.once(written), true)
    }

    /// Plans edited together share shards, and an index made again after a plan or two were
    /// put in writes some files twice: each path is counted once.
    private static func once(_ paths: [String]) -> [String] {
        var seen: Set<String> = []
        return paths.filter { seen.insert($0).inserted }
    }

    /// Puts the relinked plans' units into the index the session keeps, writing the files that
    /// changed; false, with the index let go, when that reaches further than their own files.
    private func putIntoIndex(_ plans: [String], of site: SiteModel, planKeys: [String: Fingerprint], written: inout [String]) throws -> Bool {
        guard var index = searchIndex.take() else { return false }
        let urls = SiteURLs(base: site.config.baseURL)
        for slug in plans {
            guard let plan = site.plan(slug),
                  let edit = index.replace(plan: slug, with: SearchUnit.of(plan, urls: urls, key: planKeys[plan.sourcePath]), jobs: build.jobs,
                                           previous: { FileManager.default.contents(atPath: self.output($0)) })
            else { return false }
            for file in edit.files where try OutputPatch.write(file.bytes, to: build.outputDirectory, file.path) { written.append(file.path) }
            for path in edit.gone where try OutputPatch.write(nil, to: build.outputDirectory, path) { written.append(path) }
        }
        searchIndex = index
        return true
    }

    private func output(_ file: String) -> String { build.outputDirectory.appendingPathComponent(file).path }
}
