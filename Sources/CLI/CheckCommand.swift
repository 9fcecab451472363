import ArgumentParser
import Foundation
import PlanSite

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the plans, registries and templates without writing anything.",
        discussion: """
        Does everything a build does except writing, and reports every problem at once, \
        grouped by file, with what to do where PlanSite knows. Exit status: 0 when clean, \
        1 on errors, and with --strict also 1 on warnings.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var site: SiteOptions

    @Option(help: ArgumentHelp("Output format: text for people, json for tools.", valueName: "format"))
    var format: Format = .text

    func run() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let report = Build(content: URL(fileURLWithPath: site.content, relativeTo: cwd),
                           templates: URL(fileURLWithPath: site.templates, relativeTo: cwd),
                           output: cwd, strict: site.strict).check()
        switch format {
        case .text: Report.printGrouped(report.diagnostics)
        case .json: Report.line(Report.json(report.diagnostics))
        }
        let failed = report.diagnostics.hasErrors || (site.strict && !report.diagnostics.isEmpty)
        if failed { throw ExitCode(1) }
    }
}

extension Report {
    /// `Content/a.md` then its problems indented, file by file, and a summary line.
    static func printGrouped(_ diagnostics: [Diagnostic]) {
        var file: String?
        for diagnostic in diagnostics.sortedForReport {
            if diagnostic.location.file != file {
                file = diagnostic.location.file
                line(diagnostic.location.file)
            }
            var text = "  \(diagnostic.location.line):\(diagnostic.location.column): \(diagnostic.severity.rawValue): \(diagnostic.message)"
            if let hint = diagnostic.hint { text += " (\(hint))" }
            line(text)
        }
        line(summary(diagnostics))
    }

    static func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let files = Set(diagnostics.map(\.location.file)).count
        return diagnostics.isEmpty ? "No problems found."
            : "\(errors) error(s), \(diagnostics.count - errors) warning(s) in \(files) file(s)."
    }

    static func json(_ diagnostics: [Diagnostic]) -> String {
        let items: [[String: Any]] = diagnostics.sortedForReport.map { d in
            var item: [String: Any] = ["file": d.location.file, "line": d.location.line, "column": d.location.column,
                                       "severity": d.severity.rawValue, "message": d.message]
            item["hint"] = d.hint
            return item
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let document: [String: Any] = ["diagnostics": items, "errors": errors, "warnings": diagnostics.count - errors]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
