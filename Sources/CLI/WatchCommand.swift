import ArgumentParser
import Foundation
import PlanSite

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Build the site, then again whenever a plan, registry or template is saved.",
        discussion: """
        Stays running until stopped with Ctrl-C. An edit to one plan's text, tasks or citations \
        is written straight into the output: that plan's page, the pages of the agencies, \
        documents and deadlines that list it, data/ and the search files that hold its words. \
        A change that reaches further (a plan added, removed or renamed, its front matter, an \
        agency or document no plan named before, a registry, a template) builds the site again \
        with the cache, and the output is replaced only if that build succeeds. Serve the \
        output folder with any web server to see the pages, e.g. `python3 -m http.server -d Public`.
        """)

    @OptionGroup var site: SiteOptions
    @OptionGroup var destination: OutputOptions

    @Option(help: ArgumentHelp("Look at the files at least this often, in seconds, even when the system reports no change (a network folder may not).",
                               valueName: "seconds"))
    var interval = 2.0

    @Flag(help: "Print how long each stage of each build or update took.")
    var timings = false

    func run() throws {
        let session = SiteSession(destination.build(site), today: { .buildDay() })
        let watch = FolderWatch([session.build.contentDirectory, session.build.templatesDirectory])
        // A mistyped folder is not something to wait on: the build says which it is, and watch stops.
        let folders = [session.build.contentDirectory, session.build.templatesDirectory]
        guard folders.allSatisfy({ (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true }) else {
            if let update = session.update() { Report.print(update.report.diagnostics) }
            throw ExitCode(1)
        }
        let stops = stopWhenWritesAreWhole()
        Report.line("Watching \(site.content)/ and \(site.templates)/; press Ctrl-C to stop.")
        withExtendedLifetime(stops) {
            while true {
                if let update = session.update() { show(update) }
                watch.wait(timeout: max(0.01, interval))
            }
        }
    }

    /// Ctrl-C, or the system stopping the process, waits for a file being patched in place.
    private func stopWhenWritesAreWhole() -> [DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { InPlaceWrites.stop(exitCode: 128 + number) }
            source.resume()
            return source
        }
    }

    private func show(_ update: SiteSession.Update) {
        let took = String(format: "%.3f s", update.seconds)
        Report.print(update.report.diagnostics)
        if !update.editedInPlace.isEmpty {
            // An edit to a task touches hundreds of search files: they are counted, not listed.
            let search = update.filesWritten.filter { $0.hasPrefix("search/") }
            let listed = update.filesWritten.filter { !$0.hasPrefix("search/") }
                + (search.isEmpty ? [] : ["\(search.count) search index file\(search.count == 1 ? "" : "s")"
                    + (update.searchIndexMadeAgain ? " (the index was made again)" : "")])
            let files = listed.isEmpty ? "no file changed" : listed.joined(separator: ", ")
            Report.line("Updated \(update.editedInPlace.joined(separator: ", ")) in \(took): \(files).")
        } else if update.report.succeeded {
            Report.built(update.report, into: destination.output, suffix: " in \(took)")
        } else {
            Report.line("Build failed; \(destination.output)/ was left as it was. Fix the problems above and save again.", toError: true)
        }
        if timings { Report.timings(update.report) }
    }
}
