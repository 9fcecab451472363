import Foundation
import PropertyBased
import Testing
@testable import PlanSite

/// Random and mutated plan files through everything a build does to them: decoding, parsing,
/// extraction, linking, rendering and the search index. Whatever the input, a build must end
/// in bounded time with a site or with diagnostics that name a place in the file.
/// `make test` runs a fixed budget; `make fuzz` sets PLANSITE_FUZZ_ITERATIONS for a longer run.
@Suite("Fuzzing")
struct FuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let iterations = environment["PLANSITE_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 25
    /// `make fuzz` keeps each input here before trying it, so one that crashes the process is left behind.
    static let inputFolder = environment["PLANSITE_FUZZ_INPUTS"].map { URL(fileURLWithPath: $0) }
    /// A debug build takes well under a second for one real plan; ten seconds means something grew out of bounds.
    static let timeLimit = 10.0

    static let realPlans = ((try? FileManager.default.contentsOfDirectory(atPath: Paths.content.path)) ?? [])
        .filter { $0.hasSuffix(".md") }.sorted()
    static let registries = Dictionary(uniqueKeysWithValues: [Registries.agencyFile, Registries.documentFile].map { name in
        (name, SourceFile(path: "Content/\(name)", text: (try? String(contentsOf: Paths.content.appendingPathComponent(name), encoding: .utf8)) ?? ""))
    })
    static let templates = (try? realTemplates()) ?? [:]

    @Test func theRealPlansAreThere() {
        #expect(Self.realPlans.count == 5)
        #expect(Self.templates["plan"] != nil)
    }

    @Test(arguments: realPlans)
    func mutatedRealPlansEndInASiteOrLocatedErrors(name: String) async throws {
        let original = try [UInt8](Data(contentsOf: Paths.content.appendingPathComponent(name)))
        await propertyCheck(count: Self.iterations, input: Mutation.generator.array(of: 1...6)) { mutations in
            var bytes = original
            for mutation in mutations { mutation.apply(to: &bytes) }
            Self.check(Data(bytes), name: name)
        }
    }

    @Test func randomPlansEndInASiteOrLocatedErrors() async {
        await propertyCheck(count: Self.iterations * 4, input: RandomPlan.generator) { text in
            Self.check(Data(text.utf8), name: "random.md")
        }
    }

    /// Builds a site from one plan file as `plansite build` would read it from disk.
    static func check(_ data: Data, name: String) {
        if let inputFolder { try? data.write(to: inputFolder.appendingPathComponent(name)) }
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            #expect(seconds < timeLimit, "took \(seconds) s")
        }
        let text: String
        switch TextFile.decode(data) {
        case .failure(let place):
            #expect(place.line >= 1 && place.column >= 1)
            return
        case .success(let decoded): text = decoded
        }
        let file = SourceFile(path: "Content/\(name)", text: text)
        let sources = SiteSources(plans: [file], registries: registries, templates: templates)
        var written: [String] = []
        let report = Build.generate(sources, today: CalendarDate(year: 2025, month: 1, day: 1)!) { written.append($0.path) }
        #expect(report.succeeded == !written.isEmpty, "a failed build wrote files, or a good one wrote none")
        #expect(Set(written).count == written.count, "two pages were written to one path")
        let lines = text.reduce(1) { $0 + ($1 == "\n" ? 1 : 0) }
        for diagnostic in report.diagnostics {
            let place = diagnostic.location
            #expect(!diagnostic.message.isEmpty)
            #expect(diagnostic.severity == .warning || diagnostic.hint != nil, "\(diagnostic.formatted) does not say what to do")
            #expect([file.path, "Content/agencies.yml", "Content/documents.yml"].contains(place.file), "\(diagnostic.formatted)")
            #expect(place.line >= 1 && place.column >= 1, "\(diagnostic.formatted)")
            #expect(place.file != file.path || place.line <= lines, "\(diagnostic.formatted) is past the last line, \(lines)")
        }
    }
}
