import Foundation
import Testing
@testable import PlanSite

/// Hostile and broken plan files: each ends in a clear, located message or in correct output.
@Suite("Bad input")
struct BadInputTests {
    func messages(_ text: String, name: String = "a.md") -> [String] {
        guard case .failure(let problems) = PlanParser(allowRawHTML: false).parse(SourceFile(path: "Content/\(name)", text: text)) else { return [] }
        return problems.map(\.formatted)
    }

    @Test func emptyFile() {
        #expect(messages("") == ["Content/a.md:1:1: error: the file is empty (start it with front matter: a line '---', 'title: …', 'issuer: …', 'implements: [...]', and '---')"])
    }

    @Test func noFrontMatter() {
        #expect(messages("# Kế hoạch\n")[0].hasPrefix("Content/a.md:1:1: error: the file does not start with front matter"))
    }

    @Test func unterminatedFrontMatter() {
        #expect(messages("---\ntitle: \"A\"\n\n# Kế hoạch\n")[0].hasPrefix("Content/a.md:1:1: error: front matter is not closed"))
    }

    @Test func yamlSyntaxErrorAndTabsAndDuplicates() {
        #expect(messages("---\ntitle: [\"A\"\nissuer: \"B\"\n---\n")[0].contains("error: front matter is not valid YAML"))
        #expect(messages("---\ntitle: \"A\"\n\tissuer: \"B\"\n---\n") == ["Content/a.md:3:1: error: front matter is indented with a tab (indent front matter with spaces, not tabs)"])
        #expect(messages("---\ntitle: \"A\"\ntitle: \"B\"\nissuer: \"C\"\nimplements: [\"27-NQ/TW\"]\n---\n")[0].contains("repeats the key 'title'"))
    }

    @Test func invalidUTF8IsLocated() {
        var bytes = Array("---\ntitle: \"Kế hoạch\"\n".utf8)
        bytes += [0x78, 0xC3, 0x28]
        guard case .failure(let place) = TextFile.decode(Data(bytes)) else { Issue.record("decoded invalid UTF-8"); return }
        #expect((place.line, place.column) == (3, 2))
    }

    @Test func byteOrderMarkCRLFAndNFDAreNormalised() throws {
        let text = "\u{FEFF}---\r\ntitle: \"Nhiệm vụ\"\r\nissuer: \"B\"\r\nimplements: [\"27-NQ/TW\"]\r\n---\r\n## II. NỘI DUNG\r\n".decomposedStringWithCanonicalMapping
        let decoded = try TextFile.decode(Data(text.utf8)).get()
        #expect(!decoded.hasPrefix("\u{FEFF}"))
        #expect(!decoded.contains("\r"))
        #expect(decoded.contains("Nhiệm vụ") && decoded == decoded.precomposedStringWithCanonicalMapping)
        let plan = try PlanParser(allowRawHTML: false).parse(SourceFile(path: "Content/a.md", text: decoded)).get()
        #expect(plan.metadata.title == "Nhiệm vụ")
        #expect(plan.document.html.contains("II. NỘI DUNG"))
    }

    @Test func tenThousandNestedListsFinishWithoutCrashing() throws {
        let nested = String(repeating: "- ", count: 10_000) + "mục"
        let plan = try PlanParser(allowRawHTML: false).parse(SourceFile(path: "Content/a.md", text: planFile(body: nested))).get()
        let extracted = PlanExtractor().extract(plan)
        #expect(extracted.bodyHTML.contains("<li>"))
    }

    @Test func aTwentyMegabytePlanIsRefusedWithAClearMessage() {
        let line = "Rà soát văn bản theo Nghị quyết số 27-NQ/TW.\n\n"
        let body = String(repeating: line, count: 20_000_000 / line.utf8.count)
        #expect(messages(planFile(body: body)) == [
            "Content/a.md:1:1: error: the file is 20 MB; a plan may be at most 10 MB (split it into several plans, or remove pasted images and scans)",
        ])
    }

    @Test func symbolicLinkLoopIsSkippedWithAWarning() throws {
        let folder = try TemporaryFolder()
        try folder.write(planFile(), to: "Content/a.md")
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("Content/vong").path,
                                                   withDestinationPath: folder.url.appendingPathComponent("Content").path)
        let (sources, problems) = SiteLoader(contentDirectory: folder.url.appendingPathComponent("Content"), templatesDirectory: Paths.templates).load(baseURL: nil)
        #expect(sources?.plans.count == 1)
        #expect(problems.map(\.formatted) == ["Content/vong:1:1: warning: symbolic link skipped (copy the file into the folder instead of linking to it)"])
    }

    @Test func templateSyntaxErrorAndMissingPartialNameTheTemplateLine() throws {
        var templates = try realTemplates()
        templates["home"] = SourceFile(path: "Templates/home.mustache", text: "{{<layout}}{{$main}}\n{{#groups}}\n{{/group}}{{/main}}{{/layout}}")
        templates["404"] = SourceFile(path: "Templates/404.mustache", text: "<p>\n  {{> khong-co}}</p>")
        guard case .failure(let problems) = TemplateSet.compile(templates) else { Issue.record("compiled"); return }
        let messages = problems.map(\.formatted)
        #expect(messages.contains { $0.hasPrefix("Templates/home.mustache:3:") && $0.contains("template syntax error") })
        #expect(messages.contains("Templates/404.mustache:2:3: error: template uses the missing partial 'khong-co' (add Templates/khong-co.mustache)"))
    }
}
