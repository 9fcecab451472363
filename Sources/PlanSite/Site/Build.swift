import Foundation

/// What one build reports: every problem found, and how much it produced.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var pagesWritten: Int
    public var plans: Int
    /// Each stage's time and memory, in pipeline order.
    public var timings: [StageTiming] = []
    /// Files kept from the previous output because nothing they depend on changed.
    public var filesKept = 0
    /// Plans taken from the build cache instead of being parsed and extracted again.
    public var plansFromCache = 0

    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// The whole of PlanSite, top to bottom: load → parse → extract → link → render (pages, data,
/// search index) → write.
public struct Build {
    public var contentDirectory: URL
    public var templatesDirectory: URL
    public var outputDirectory: URL
    public var baseURL: String?
    /// Treat warnings as errors.
    public var strict = false
    /// The day deadlines are counted from.
    public var today: CalendarDate
    /// Where rebuilds find what earlier builds did; nil builds everything from scratch.
    public var cacheDirectory: URL?
    public var jobs: Int

    public init(content: URL, templates: URL, output: URL, baseURL: String? = nil, strict: Bool = false,
                today: CalendarDate = .buildDay(), cache: URL? = nil, jobs: Int = Workers.default) {
        contentDirectory = content
        templatesDirectory = templates
        outputDirectory = output
        self.baseURL = baseURL
        self.strict = strict
        self.today = today
        cacheDirectory = cache
        self.jobs = max(1, jobs)
    }

    public func run() -> BuildReport { run(linked: { _ in }, committed: { _ in }) }

    /// A build that takes the plans a session `held` instead of the cache's, hands what it linked
    /// to `linked` before rendering, the search index to `indexed` once its files are made, and
    /// once the output is in place, where each plan's parts of the data files lie to
    /// `committed`: what a session that stays running keeps.
    func run(holding held: HeldPlans? = nil, linked: (LinkedSite) -> Void, indexed: (SearchIndex) -> Void = { _ in },
             committed: ([String: [ExportItem]]) -> Void) -> BuildReport {
        let output = OutputFolder(url: outputDirectory)
        output.startCleanup(recycling: cacheDirectory != nil)
        defer { output.finishCleanup() }
        var timings: [StageTiming] = []
        let (loaded, loadProblems) = StageTiming.measure("load", into: &timings) {
            SiteLoader(contentDirectory: contentDirectory, templatesDirectory: templatesDirectory, jobs: jobs).load(baseURL: baseURL)
        }
        // Handed over, not copied: the build drops the plans' text once they are parsed.
        guard let sources = consume loaded else { return BuildReport(diagnostics: loadProblems, pagesWritten: 0, plans: 0) }
        let planCount = sources.plans.count

        let cache = cacheDirectory.map(BuildCache.init)
        let previous = cache?.previousOutput(output.url) ?? .none
        let writer = SiteWriter(output: output, previous: previous, caching: cache != nil)
        do {
            try output.begin()
            let spool = output.url.deletingLastPathComponent()
            var memory = cache.map { BuildMemory(cache: $0, previous: previous, spool: spool) } ?? .spooling(in: spool)
            if let held { memory = memory.holding(held) }
            let background = BackgroundWriter(threads: jobs, write: writer.write)
            let generated = Result { try Build.generate(consume sources, strict: strict, today: today, jobs: jobs, memory: memory,
                                                        linked: linked, indexed: indexed, write: background.enqueue) }
            try StageTiming.measure("write (rest)", into: &timings) { try background.finish() }
            var report = try generated.get()
            report.timings = timings.prefix(1) + report.timings + timings.dropFirst()
            report.diagnostics = (loadProblems + report.diagnostics).sortedForReport
            report.pagesWritten = writer.written
            report.filesKept = writer.kept
            if strict { report.diagnostics = report.diagnostics.map { var d = $0; d.severity = .error; return d } }
            guard report.succeeded else {
                output.abandon()
                return report
            }
            try StageTiming.measure("swap", into: &report.timings) {
                try output.sweep()
                try output.commit(deferringCleanup: cache != nil)
                cache?.record(writer.record, items: writer.items, committedTo: output.url)
                committed(writer.items)
                output.finishCleanup()
            }
            return report
        } catch {
            output.abandon()
            let problem = Diagnostic.error(SourceLocation(file: outputDirectory.lastPathComponent),
                                           "the site could not be written: \(error.localizedDescription)",
                                           hint: "check free disk space and the permissions of \(outputDirectory.deletingLastPathComponent().path)")
            return BuildReport(diagnostics: loadProblems + [problem], pagesWritten: 0, plans: planCount)
        }
    }

    /// Everything a build does except writing: `plansite check`.
    public func check() -> BuildReport {
        let (loaded, loadProblems) = SiteLoader(contentDirectory: contentDirectory, templatesDirectory: templatesDirectory)
            .load(baseURL: baseURL)
        guard let sources = loaded else { return BuildReport(diagnostics: loadProblems, pagesWritten: 0, plans: 0) }
        var report = Build.generate(sources, strict: false, today: today) { _ in }
        report.diagnostics = (loadProblems + report.diagnostics).sortedForReport
        return report
    }

    /// Everything between reading and writing, as a function of values: tests build whole
    /// sites in memory through it. Files are handed to `write` only if nothing failed first.
    public static func generate(_ sources: consuming SiteSources, strict: Bool = false, today: CalendarDate = .buildDay(),
                                jobs: Int = Workers.default, memory: BuildMemory = .none, linked: (LinkedSite) -> Void = { _ in },
                                indexed: (SearchIndex) -> Void = { _ in }, write: (OutputFile) throws -> Void) rethrows -> BuildReport {
        var timings: [StageTiming] = []
        func timed<T>(_ stage: String, _ work: () throws -> T) rethrows -> T { try StageTiming.measure(stage, into: &timings, work) }
        let (registries, registryProblems) = Registries.decode(sources.registries)
        var diagnostics = registryProblems

        // Plans unchanged since the last build come from the cache. The others are parsed and
        // extracted each on its own, on every core; only linking sees them all.
        let bodies = memory.bodies ?? memory.spool.map(BodyStore.init(spoolingIn:)) ?? BodyStore()
        let keys: [Fingerprint]
        var known: [ExtractedPlan?]
        (keys, known) = timed("recall") {
            let keys = Build.planKeys(sources, jobs: jobs)
            return (keys, keys.parallelMap(jobs: jobs) { memory.recall($0, bodies) })
        }
        let parser = PlanParser(allowRawHTML: sources.config.allowRawHTML)
        let extractor = PlanExtractor(registry: registries.agencies)
        let changed = known.indices.filter { known[$0] == nil }
        // Each plan is extracted as soon as it is parsed, so only a few parsed Markdown trees
        // are alive at once, not one per plan.
        let fresh = timed("parse+extract") {
            changed.parallelMap(jobs: jobs) { index in
                parser.parse(sources.plans[index]).map { parsed in
                    let extracted = extractor.extract(parsed)
                    memory.remember(keys[index], extracted)
                    return bodies.takeBody(of: extracted)
                }
            }
        }
        let planCount = sources.plans.count
        let planKeys = Dictionary(zip(sources.plans.map(\.path), keys)) { first, _ in first }
        sources.plans = []
        // The plans' bytes were read on reader threads (`SiteLoader`), whose allocator arenas no
        // later stage allocates from: given back now, not when the allocator's decay gets to
        // them, which added 0.1 GB to a 10,000-plan build's peak.
        FreedMemory.release()
        memory.forget(Set(keys))
        for (index, outcome) in zip(changed, fresh) {
            switch outcome {
            case .success(let extracted): known[index] = extracted
            case .failure(let problems): diagnostics += problems
            }
        }
        // Consumed, here and below, so the site model is the only holder of the plans and the
        // search stage can let go of them.
        let extracted = (consume known).compactMap { $0 }
        diagnostics += extracted.flatMap(\.diagnostics)

        let (site, linkProblems) = timed("link") { SiteLinker(today: today, jobs: jobs).link(consume extracted, registries: registries, config: sources.config) }
        diagnostics += linkProblems

        let templates: TemplateSet
        switch TemplateSet.compile(sources.templates) {
        case .success(let compiled): templates = compiled
        case .failure(let problems): return BuildReport(diagnostics: diagnostics + problems, pagesWritten: 0, plans: planCount)
        }
        let blocking = strict ? !diagnostics.isEmpty : diagnostics.hasErrors
        guard !blocking else { return BuildReport(diagnostics: diagnostics, pagesWritten: 0, plans: planCount) }
        linked(LinkedSite(site: site, templates: templates, parser: parser, extractor: extractor, registries: registries, planKeys: planKeys, bodies: bodies))

        var pages = 0
        try timed("render") {
            try SiteRenderer(templates: templates, bodies: bodies, previous: memory.previous, planKeys: planKeys, jobs: jobs).render(site, assets: sources.assets) { file in
                try write(file)
                if file.part != .next { pages += 1 }
            }
        }
        let linkedPlans = site.plans.count
        var linked = Optional(consume site)
        try timed("search index") {
            let units = SearchUnit.all(linked!, planKeys: planKeys, jobs: jobs)
            // Gone with the site model, while the units are tokenized: what glibc keeps of it for
            // reuse goes back to the system, as the posting table's large arrays could not reuse it.
            // A rebuild reads most tokens back from the cache faster than the model is freed, and
            // would hold both at once (1.57 GB instead of 1.36 at 10,000 plans): it waits first.
            let freed = FreedMemory.release(dropping: linked.take())
            if memory.previous.folder != nil { freed.wait() }
            let index = try SearchIndexBuilder(site: consume units, jobs: jobs, previous: memory.previous, tokens: memory.tokens,
                                               tokenized: { freed.wait() }).write { file in
                try write(file)
                pages += 1
            }
            indexed(index)
            // Freeing a million units took a fifth of a second on one core at the end of every
            // build; on another thread it goes on while the last files are written.
            _ = FreedMemory.release(dropping: consume index)
        }
        return BuildReport(diagnostics: diagnostics, pagesWritten: pages, plans: linkedPlans, timings: timings,
                           plansFromCache: planCount - changed.count)
    }

    /// Everything each plan's parse and extraction depend on: its file, the registries, the
    /// setting for raw HTML, and PlanSite's version (inside `Fingerprint.of`).
    static func planKeys(_ sources: SiteSources, jobs: Int = Workers.default) -> [Fingerprint] {
        let shared = Fingerprint.of(["\(sources.config.allowRawHTML)"] + sources.registries.keys.sorted().flatMap { [$0, sources.registries[$0]!.text] })
        return sources.plans.parallelMap(jobs: jobs) { file in
            var key = shared
            key.add(file.path)
            file.fingerprint(into: &key)
            return key
        }
    }
}
