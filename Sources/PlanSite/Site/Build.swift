import Foundation

/// What one build reports: every problem found, and how much it produced.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var pagesWritten: Int
    public var plans: Int
    /// Wall and CPU seconds spent in each stage, in pipeline order, for `plansite build --timings`.
    public var timings: [(stage: String, seconds: Double, cpu: Double)] = []

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

    public init(content: URL, templates: URL, output: URL, baseURL: String? = nil, strict: Bool = false,
                today: CalendarDate = .buildDay()) {
        contentDirectory = content
        templatesDirectory = templates
        outputDirectory = output
        self.baseURL = baseURL
        self.strict = strict
        self.today = today
    }

    public func run() -> BuildReport {
        let (loaded, loadProblems) = SiteLoader(contentDirectory: contentDirectory, templatesDirectory: templatesDirectory)
            .load(baseURL: baseURL)
        guard let sources = loaded else { return BuildReport(diagnostics: loadProblems, pagesWritten: 0, plans: 0) }

        let output = OutputFolder(url: outputDirectory)
        var written = 0
        do {
            try output.begin()
            var report = try Build.generate(sources, strict: strict, today: today) { file in
                try output.write(file.data, to: file.path)
                written += 1
            }
            report.diagnostics = (loadProblems + report.diagnostics).sortedForReport
            report.pagesWritten = written
            if strict { report.diagnostics = report.diagnostics.map { var d = $0; d.severity = .error; return d } }
            guard report.succeeded else {
                output.abandon()
                return report
            }
            try output.commit()
            return report
        } catch {
            output.abandon()
            let problem = Diagnostic.error(SourceLocation(file: outputDirectory.lastPathComponent),
                                           "the site could not be written: \(error.localizedDescription)",
                                           hint: "check free disk space and the permissions of \(outputDirectory.deletingLastPathComponent().path)")
            return BuildReport(diagnostics: loadProblems + [problem], pagesWritten: 0, plans: sources.plans.count)
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
    public static func generate(_ sources: SiteSources, strict: Bool = false, today: CalendarDate = .buildDay(),
                                write: (OutputFile) throws -> Void) rethrows -> BuildReport {
        var timings: [(stage: String, seconds: Double, cpu: Double)] = []
        func timed<T>(_ stage: String, _ work: () throws -> T) rethrows -> T {
            let start = DispatchTime.now().uptimeNanoseconds, startCPU = Self.processorSeconds()
            defer { timings.append((stage, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, Self.processorSeconds() - startCPU)) }
            return try work()
        }
        let (registries, registryProblems) = Registries.decode(sources.registries)
        var diagnostics = registryProblems

        let parser = PlanParser(allowRawHTML: sources.config.allowRawHTML)
        // Each plan is parsed and extracted on its own, on every core; only linking sees them all.
        let parsedResults = timed("parse") { sources.plans.parallelMap(parser.parse) }
        var parsed: [ParsedPlan] = []
        for result in parsedResults {
            switch result {
            case .success(let plan): parsed.append(plan)
            case .failure(let problems): diagnostics += problems
            }
        }

        let extractor = PlanExtractor(registry: registries.agencies)
        let extracted = timed("extract") { parsed.parallelMap(extractor.extract) }
        diagnostics += extracted.flatMap(\.diagnostics)

        let (site, linkProblems) = timed("link") { SiteLinker(today: today).link(extracted, registries: registries, config: sources.config) }
        diagnostics += linkProblems

        let templates: TemplateSet
        switch TemplateSet.compile(sources.templates) {
        case .success(let compiled): templates = compiled
        case .failure(let problems): return BuildReport(diagnostics: diagnostics + problems, pagesWritten: 0, plans: sources.plans.count)
        }
        let blocking = strict ? !diagnostics.isEmpty : diagnostics.hasErrors
        guard !blocking else { return BuildReport(diagnostics: diagnostics, pagesWritten: 0, plans: sources.plans.count) }

        var pages = 0
        try timed("render") {
            try SiteRenderer(templates: templates).render(site, assets: sources.assets) { file in
                try write(file)
                pages += 1
            }
        }
        try timed("search index") {
            for file in SearchIndexBuilder(site: site).files() {
                try write(file)
                pages += 1
            }
        }
        return BuildReport(diagnostics: diagnostics, pagesWritten: pages, plans: site.plans.count, timings: timings)
    }

    /// CPU time of the whole process, all threads: with wall time it shows how busy the cores were.
    private static func processorSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
