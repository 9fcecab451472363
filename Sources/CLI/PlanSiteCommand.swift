import ArgumentParser
import Foundation
import PlanSite

@main
struct PlanSiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plansite",
        abstract: "Generates a static website from Vietnamese implementation plans written in Markdown.",
        discussion: """
        Plans are Markdown files with YAML front matter in the content folder; the look comes \
        from Mustache templates and assets in the templates folder. The site is written to the \
        output folder, which is replaced only when the whole build succeeds.
        """,
        subcommands: [BuildCommand.self, CheckCommand.self, WatchCommand.self],
        defaultSubcommand: BuildCommand.self)
}

struct SiteOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Folder holding the plans (*.md) and registries (site.yml …).", valueName: "folder"))
    var content = "Content"

    @Option(help: ArgumentHelp("Folder holding the Mustache templates and the assets/ folder.", valueName: "folder"))
    var templates = "Templates"

    @Flag(help: "Treat warnings as errors: fail when any problem is found.")
    var strict = false
}

/// Where and how a site is written: shared by `build` and `watch`.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Folder to write the generated site to.", valueName: "folder"))
    var output = "Public"

    @Option(help: ArgumentHelp("Folder where rebuilds find earlier work (default: .plansite-cache beside the output).", valueName: "folder"))
    var cache: String?

    @Option(name: [.short, .long], help: ArgumentHelp("Plans and pages worked on at once (default: one per core).", valueName: "n"))
    var jobs = Workers.default

    @Option(name: .customLong("base-url"),
            help: ArgumentHelp("Path the site is served under, e.g. /kehoach/ (default: from site.yml, else /).", valueName: "path"))
    var baseURL: String?

    func build(_ site: SiteOptions, caching: Bool = true) -> Build {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let outputURL = URL(fileURLWithPath: output, relativeTo: cwd).standardizedFileURL
        let cacheURL = !caching ? nil
            : cache.map { URL(fileURLWithPath: $0, relativeTo: cwd) } ?? outputURL.deletingLastPathComponent().appendingPathComponent(".plansite-cache")
        return Build(content: URL(fileURLWithPath: site.content, relativeTo: cwd),
                     templates: URL(fileURLWithPath: site.templates, relativeTo: cwd),
                     output: outputURL, baseURL: baseURL, strict: site.strict, cache: cacheURL, jobs: jobs)
    }
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: """
        The new site is written into a temporary folder beside the output and swapped in only \
        when every page was written. On any error the previous output stays as it was, every \
        problem is listed as file:line:column, and the exit status is 1.
        """)

    @OptionGroup var site: SiteOptions
    @OptionGroup var destination: OutputOptions

    @Flag(help: "Print how long each stage of the build took.")
    var timings = false

    @Flag(name: .customLong("no-cache"), help: "Build everything from scratch, without reading or writing the cache.")
    var noCache = false

    func run() throws {
        let report = destination.build(site, caching: !noCache).run()
        Report.print(report.diagnostics)
        guard report.succeeded else {
            Report.line("Build failed; \(destination.output)/ was left as it was.", toError: true)
            throw ExitCode(1)
        }
        Report.built(report, into: destination.output)
        if timings { Report.timings(report) }
    }
}

enum Report {
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { line(diagnostic.formatted, toError: true) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        if !diagnostics.isEmpty { line("\(errors) error(s), \(warnings) warning(s)", toError: true) }
    }

    static func built(_ report: BuildReport, into output: String, suffix: String = "") {
        let unchanged = report.filesKept > 0 ? " (\(report.filesKept) unchanged; \(report.plansFromCache) plans from the cache)" : ""
        line("Built \(report.plans) plans, \(report.pagesWritten) files into \(output)/\(unchanged)\(suffix).")
    }

    /// Each stage's wall and CPU time and the peak memory after it, on standard error.
    static func timings(_ report: BuildReport) {
        for timing in report.timings {
            line("  " + timing.stage.padding(toLength: 20, withPad: " ", startingAt: 0)
                 + String(format: "%8.3f s  (CPU %.3f s, peak %.0f MB)", timing.seconds, timing.cpu, timing.peakMegabytes), toError: true)
        }
    }

    static func line(_ text: String, toError: Bool = false) {
        let data = Data((text + "\n").utf8)
        (toError ? FileHandle.standardError : FileHandle.standardOutput).write(data)
    }
}
