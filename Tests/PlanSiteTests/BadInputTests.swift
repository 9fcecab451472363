import Foundation
import Testing
@testable import PlanSite
#if canImport(Glibc)
import Glibc
#endif

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

    /// Found by fuzzing: the message had neither the place nor what to do.
    @Test func aControlCharacterInFrontMatterIsLocated() {
        #expect(messages("---\ntitle: \"Kế hoạch\u{7}\"\nissuer: \"B\"\nimplements: [\"27-NQ/TW\"]\n---\n") == [
            "Content/a.md:2:17: error: front matter could not be read: control characters are not allowed (U+0007) (delete the invisible character there; it often comes with text pasted from another program)",
        ])
    }

    @Test func invalidUTF8IsLocated() {
        var bytes = Array("---\ntitle: \"Kế hoạch\"\n".utf8)
        bytes += [0x78, 0xC3, 0x28]
        guard case .failure(let place) = TextFile.decode(Data(bytes)) else { Issue.record("decoded invalid UTF-8"); return }
        #expect((place.line, place.column) == (3, 2))
    }

    /// Plans are checked as UTF-8 when parsed, not when read (`SourceFile`): a file that stops
    /// being UTF-8 between two cached builds is still named, with its line and column.
    @Test func aPlanThatStopsBeingUTF8IsReportedByTheNextBuild() throws {
        let folder = try TemporaryFolder()
        try folder.write(planFile(title: "A"), to: "Content/a.md")
        try folder.write(planFile(title: "B"), to: "Content/b.md")
        func build() -> BuildReport {
            Build(content: folder.url.appendingPathComponent("Content"), templates: Paths.templates,
                  output: folder.url.appendingPathComponent("Public"), cache: folder.url.appendingPathComponent("cache")).run()
        }
        #expect(build().succeeded)
        try Data(Array("---\ntitle: \"B\"\n".utf8) + [0x78, 0xC3, 0x28]).write(to: folder.url.appendingPathComponent("Content/b.md"))
        let report = build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.map(\.formatted) == [
            "Content/b.md:3:2: error: file is not UTF-8 text (save it as UTF-8 (in most editors: Save As, Encoding: UTF-8))",
        ])
    }

    @Test func byteOrderMarkCRLFAndNFDAreNormalised() throws {
        let text = "\u{FEFF}---\r\ntitle: \"Nhiệm vụ\"\r\nissuer: \"B\"\r\nimplements: [\"27-NQ/TW\"]\r\n---\r\n## II. NỘI DUNG\r\n".decomposedStringWithCanonicalMapping
        let decoded = try TextFile.decode(Data(text.utf8)).get()
        #expect(!decoded.hasPrefix("\u{FEFF}"))
        #expect(!decoded.contains("\r"))
        #expect(decoded.contains("Nhiệm vụ") && decoded == decoded.precomposedStringWithCanonicalMapping)
        let plan = try PlanParser(allowRawHTML: false).parse(SourceFile(path: "Content/a.md", text: decoded)).get()
        #expect(plan.metadata.title == "Nhiệm vụ")
        #expect(String(decoding: plan.document.html, as: UTF8.self).contains("II. NỘI DUNG"))
    }

    @Test func tenThousandNestedListsFinishWithoutCrashing() throws {
        let nested = String(repeating: "- ", count: 10_000) + "mục"
        let plan = try PlanParser(allowRawHTML: false).parse(SourceFile(path: "Content/a.md", text: planFile(body: nested))).get()
        let extracted = PlanExtractor().extract(plan)
        #expect(String(decoding: extracted.bodyHTML, as: UTF8.self).contains("<li>"))
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

    // MARK: Text and names that try to escape their place

    @Test func scriptInTheTitleIsTextInPagesDataAndSearch() throws {
        let title = "<script>alert(1)</script> & \"x\" 'y'"
        let built = try buildInMemory(plans: ["a.md": planFile(title: title.replacingOccurrences(of: "\"", with: "\\\""))])
        #expect(built.report.diagnostics.isEmpty, "\(built.report.diagnostics.map(\.formatted))")
        let html = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#39;y&#39;"
        #expect(built.files["ke-hoach/a/index.html"]?.contains("<h1 class=\"plan-title\">\(html)</h1>") == true)
        #expect(built.files["index.html"]?.contains("href=\"/ke-hoach/a/\">\(html)</a>") == true)
        let json = #""\u003cscript\u003ealert(1)\u003c/script\u003e \u0026 \"x\" 'y'""#
        #expect(built.files["data/plans.json"]?.contains(#""title":"# + json) == true)
        #expect(built.files.contains { $0.key.hasPrefix("search/p/") && $0.value.contains(json) })
        // The escaped JSON still reads back as the title a writer typed.
        let plans = try JSONSerialization.jsonObject(with: Data((built.files["data/plans.json"] ?? "").utf8)) as? [[String: Any]]
        #expect(plans?.first?["title"] as? String == title)
        for (path, text) in built.files { #expect(!text.contains("<script>alert"), "\(path) prints the title unescaped") }
    }

    @Test(arguments: [("../etc", "etc"), ("a/b", "a-b"), ("/etc/passwd", "etc-passwd"), ("..", "lao-cai-27-nq-tw"),
                      ("Kế-hoạch", "ke-hoach"), ("-x", "x")])
    func slugsThatCouldLeaveTheirFolderAreRejected(slug: String, suggestion: String) throws {
        let built = try buildInMemory(plans: ["a.md": planFile(extra: "slug: \"\(slug)\"\n")])
        #expect(built.report.diagnostics.map(\.formatted) == [
            "Content/a.md:5:7: error: 'slug' may hold only a-z, 0-9 and '-', not '\(slug)' (write it like slug: \(suggestion))",
        ])
        #expect(built.files.isEmpty)
    }

    @Test func aFileNameWithoutLettersNeedsASlug() throws {
        let built = try buildInMemory(plans: ["—.md": planFile()])
        #expect(built.report.diagnostics.map(\.formatted) == [
            "Content/—.md:1:1: error: no address can be made from the file name '—.md' (rename the file with letters or digits, or add a line slug: lao-cai-27-nq-tw)",
        ])
    }

    @Test func twoPlansWithOneSlugNameBothFiles() throws {
        let hint = "give one of them another file name or a 'slug:' line in its front matter"
        let declared = try buildInMemory(plans: ["a.md": planFile(extra: "slug: same\n"), "b.md": planFile(extra: "slug: same\n")])
        #expect(declared.report.diagnostics.map(\.formatted) == ["Content/b.md:1:1: error: slug 'same' is already used by Content/a.md (\(hint))"])
        #expect(declared.files.isEmpty)
        let fromNames = try buildInMemory(plans: ["Kế hoạch.md": planFile(), "ke-hoach.md": planFile()])
        #expect(fromNames.report.diagnostics.map(\.formatted) == ["Content/ke-hoach.md:1:1: error: slug 'ke-hoach' is already used by Content/Kế hoạch.md (\(hint))"])
    }

    /// Agency names become folder names too: none may climb out of `co-quan/` or take the place
    /// of another page, and spellings of one name share its page.
    @Test func agencyNamesNeverOverwriteAnotherPage() throws {
        let body = "Thực hiện Nghị quyết số 27-NQ/TW.\n\n## II. NHIỆM VỤ\n\n1.1. Rà soát.\n\n- Chủ trì: ***\n- Phối hợp: ../../etc, Sở Không Có\n\n1.2. Báo cáo.\n\n- Chủ trì: Sở không-có\n"
        let built = try buildInMemory(plans: ["a.md": planFile(body: body)])
        #expect(!built.report.diagnostics.hasErrors)
        #expect(built.files.count == built.report.pagesWritten, "a page was written twice")
        #expect(built.files.keys.allSatisfy { !$0.hasPrefix("/") && !$0.split(separator: "/").contains("..") })
        #expect(built.files["co-quan/index.html"]?.contains("<h1 class=\"page-title\">Cơ quan, đơn vị</h1>") == true)
        let shared = built.files["co-quan/so-khong-co/index.html"] ?? ""
        #expect(shared.contains("#nv-ii-1-1") && shared.contains("#nv-ii-1-2"))
        #expect(built.files["co-quan/x-2a-2a-2a/index.html"]?.contains("<h1 class=\"page-title\">***</h1>") == true)
    }

    /// Found by fuzzing: "27/NQ-TW" beside "27-NQ/TW", or "11-ḰH/TW" with a stray accent, made
    /// two documents with one page address, and one page overwrote the other.
    @Test func spellingsOfOneDocumentNumberShareOnePage() throws {
        let plan = "---\ntitle: \"A\"\nissuer: \"B\"\nimplements: [\"27/NQ-TW\", \"11-K\u{301}H/TW\"]\n---\n\nThực hiện Nghị quyết số 27-NQ/TW và Kế hoạch số 11-KH/TW.\n"
        let built = try buildInMemory(plans: ["a.md": plan])
        #expect(built.report.diagnostics.isEmpty, "\(built.report.diagnostics.map(\.formatted))")
        #expect(built.files.count == built.report.pagesWritten, "a page was written twice")
        let documents = try JSONSerialization.jsonObject(with: Data((built.files["data/documents.json"] ?? "").utf8)) as? [[String: Any]] ?? []
        let pages = documents.map { [$0["url"] as? String, $0["number"] as? String, ($0["implementedBy"] as? [String])?.joined()] }
        #expect(pages == [["/van-ban/11-kh-tw/", "11-KH/TW", "a"], ["/van-ban/27-nq-tw/", "27-NQ/TW", "a"]])
    }

    // MARK: Files that cannot be read

    func load(_ make: (TemporaryFolder) throws -> Void) throws -> (plans: [String], messages: [String]) {
        let folder = try TemporaryFolder()
        try folder.write(planFile(), to: "Content/a.md")
        try make(folder)
        let (sources, problems) = SiteLoader(contentDirectory: folder.url.appendingPathComponent("Content"), templatesDirectory: Paths.templates).load(baseURL: nil)
        return (sources?.plans.map(\.path) ?? [], problems.map(\.formatted))
    }

    @Test(.timeLimit(.minutes(1))) func aNamedPipeIsSkippedWithoutWaitingForIt() throws {
        let loaded = try load { folder in
            #expect(mkfifo(folder.url.appendingPathComponent("Content/x.md").path, 0o644) == 0)
        }
        #expect(loaded.plans == ["Content/a.md"])
        #expect(loaded.messages == ["Content/x.md:1:1: warning: not an ordinary file (a pipe, socket or device), skipped (replace it with the file saved from an editor, or remove it)"])
    }

    @Test func aLinkToAMissingFileIsSkippedWithAWarning() throws {
        let loaded = try load { folder in
            try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("Content/b.md").path, withDestinationPath: "/khong/co/b.md")
        }
        #expect(loaded.plans == ["Content/a.md"])
        #expect(loaded.messages == ["Content/b.md:1:1: warning: symbolic link skipped (copy the file into the folder instead of linking to it)"])
    }

    @Test func aFolderNamedLikeAPlanIsReadAsAFolder() throws {
        let loaded = try load { folder in
            try folder.write(planFile(), to: "Content/ke-hoach.md/b.md")
            try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("Content/trong.md"), withIntermediateDirectories: true)
        }
        #expect(loaded.plans == ["Content/a.md", "Content/ke-hoach.md/b.md"])
        #expect(loaded.messages.isEmpty)
    }

    @Test(.enabled(if: getuid() != 0, "root reads a file whatever its permissions"))
    func aFileWithoutReadPermissionStopsTheBuild() throws {
        let folder = try TemporaryFolder()
        try folder.write(planFile(), to: "Content/a.md")
        try folder.write(planFile(), to: "Content/b.md")
        #expect(chmod(folder.url.appendingPathComponent("Content/b.md").path, 0) == 0)
        let report = Build(content: folder.url.appendingPathComponent("Content"), templates: Paths.templates,
                           output: folder.url.appendingPathComponent("Public")).run()
        #expect(report.diagnostics.map(\.formatted) == [
            "Content/b.md:1:1: error: file could not be read (check that it exists and that its permissions allow reading)",
        ])
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("Public").path))
    }
}
