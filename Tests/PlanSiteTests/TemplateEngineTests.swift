import Foundation
import Testing
@testable import PlanSite

/// Compiles `templates` and renders `page` with `context`, as `TemplateSet.render` does, without
/// the pages every site must have.
private func render(_ templates: [String: String], _ page: String = "page", _ context: [TemplateKey: TemplateValue] = [:]) throws -> String {
    var compiled: [String: [TemplateToken]] = [:]
    for (name, text) in templates { compiled[name] = try TemplateParser.parse(text).tokens }
    var renderer = TemplateRenderer(templates: compiled, context: context, capacity: 0)
    renderer.render(try #require(compiled[page]))
    return String(decoding: renderer.output, as: UTF8.self)
}

private func render(_ template: String, _ context: [TemplateKey: TemplateValue] = [:]) throws -> String {
    try render(["page": template], "page", context)
}

private func syntaxError(_ template: String) -> TemplateSyntaxError? {
    do {
        _ = try TemplateParser.parse(template)
        return nil
    } catch {
        return error
    }
}

@Suite("Template engine")
struct TemplateEngineTests {
    // MARK: Sections

    @Test func sectionOverAListRendersOncePerItem() throws {
        let rows: TemplateValue = [["name": "a"], ["name": "b"]]
        #expect(try render("{{#rows}}<{{name}}>{{/rows}}", ["rows": rows]) == "<a><b>")
        #expect(try render("{{#rows}}x{{/rows}}", ["rows": []]) == "")
    }

    @Test func sectionOverAnObjectOpensIt() throws {
        let context: [TemplateKey: TemplateValue] = ["plan": ["title": "T"], "title": "outer"]
        #expect(try render("{{#plan}}{{title}}{{/plan}} {{title}}", context) == "T outer")
    }

    @Test func sectionOverABoolKeepsTheContext() throws {
        let context: [TemplateKey: TemplateValue] = ["yes": true, "no": false, "name": "n"]
        #expect(try render("{{#yes}}[{{name}}]{{/yes}}{{#no}}hidden{{/no}}{{#missing}}hidden{{/missing}}", context) == "[n]")
    }

    /// As with swift-mustache: only false, a missing value and an empty list are false.
    @Test func emptyTextAndZeroArePresent() throws {
        let context: [TemplateKey: TemplateValue] = ["empty": "", "zero": 0]
        #expect(try render("{{#empty}}e{{/empty}}{{#zero}}z{{/zero}}{{^empty}}E{{/empty}}{{^zero}}Z{{/zero}}", context) == "ez")
    }

    @Test func invertedSectionRendersForFalseMissingAndEmpty() throws {
        let context: [TemplateKey: TemplateValue] = ["no": false, "none": [], "yes": true, "some": ["x"]]
        #expect(try render("{{^no}}1{{/no}}{{^missing}}2{{/missing}}{{^none}}3{{/none}}{{^yes}}4{{/yes}}{{^some}}5{{/some}}", context) == "123")
    }

    @Test func implicitIteratorPrintsEachItem() throws {
        let context: [TemplateKey: TemplateValue] = ["names": .list(["a<", "b"]), "people": [["name": "x"], ["name": "y"]]]
        #expect(try render("{{#names}}({{.}}){{/names}}", context) == "(a&lt;)(b)")
        #expect(try render("{{#people}}{{#.}}[{{name}}]{{/.}}{{/people}}", context) == "[x][y]")
    }

    // MARK: Names

    @Test func dottedNamesDescendIntoObjects() throws {
        let context: [TemplateKey: TemplateValue] = ["plan": ["date": "1/2/2024", "meta": ["kind": "K"]]]
        #expect(try render("{{plan.date}} {{plan.meta.kind}} [{{plan.nothing}}] [{{nothing.date}}]", context) == "1/2/2024 K [] []")
    }

    @Test func aNameIsLookedUpOutwardThroughOpenSections() throws {
        let context: [TemplateKey: TemplateValue] = ["site": ["title": "S"], "rows": [["id": "1"], ["id": "2"]], "id": "outer"]
        #expect(try render("{{#rows}}{{id}}:{{site.title}} {{/rows}}{{id}}", context) == "1:S 2:S outer")
    }

    /// Only a dotted name's first part climbs the stack; the rest must be inside what it found.
    @Test func aDottedNameDoesNotFallBackOnceItsFirstPartIsFound() throws {
        let context: [TemplateKey: TemplateValue] = ["a": ["b": "outer"], "inner": ["a": ["c": "x"]]]
        #expect(try render("{{#inner}}[{{a.b}}]{{/inner}}", context) == "[]")
    }

    // MARK: Partials and inheritance

    @Test func partialsRenderInTheCurrentContext() throws {
        let templates = ["page": "{{#rows}}{{> row}}{{/rows}}", "row": "<{{name}}>"]
        #expect(try render(templates, "page", ["rows": [["name": "a"], ["name": "b"]]]) == "<a><b>")
    }

    @Test func aStandalonePartialIndentsItsLines() throws {
        let templates = ["page": "<ul>\n  {{> item}}\n</ul>", "item": "<li>\n{{x}}\n</li>\n"]
        #expect(try render(templates, "page", ["x": "X"]) == "<ul>\n  <li>\n  X\n  </li>\n</ul>")
    }

    /// swift-mustache's rule, which PlanSite's task table depends on: the first line each item of a
    /// list prints was begun by the list, not by the item, so it keeps only the partial's own indentation.
    @Test func listItemsInAnIndentedPartialKeepSwiftMustachesIndentation() throws {
        let templates = ["page": "  {{> table}}\n", "table": "<t>\n  {{#rows}}\n  <r>{{.}}</r>\n  {{/rows}}\n</t>\n"]
        #expect(try render(templates, "page", ["rows": .list(["1", "2"])]) == "  <t>\n    <r>1</r>\n  <r>2</r>\n  </t>\n")
    }

    @Test func parentBlocksTakeOverridesOrDefaults() throws {
        let templates = [
            "layout": "<main>{{$main}}default{{/main}}</main>{{$foot}}F{{/foot}}",
            "page": "{{<layout}}{{$main}}M {{x}}{{/main}}{{/layout}}",
        ]
        #expect(try render(templates, "page", ["x": "X"]) == "<main>M X</main>F")
    }

    @Test func theOutermostOverrideWins() throws {
        let templates = [
            "layout": "[{{$main}}layout{{/main}}|{{$side}}side{{/side}}]",
            "wide": "{{<layout}}{{$main}}wide{{/main}}{{$side}}wide side{{/side}}{{/layout}}",
            "page": "{{<wide}}{{$main}}page{{/main}}{{/wide}}",
        ]
        #expect(try render(templates, "page") == "[page|wide side]")
    }

    @Test func standaloneParentAndBlockLinesLeaveNothing() throws {
        let templates = [
            "layout": "<body>\n{{$main}}{{/main}}\n</body>\n",
            "page": "{{<layout}}\n{{$main}}\n<p>{{x}}</p>\n{{/main}}\n{{/layout}}\n",
        ]
        #expect(try render(templates, "page", ["x": "X"]) == "<body>\n<p>X</p>\n\n</body>\n")
    }

    // MARK: Whitespace

    @Test func standaloneTagLinesAreRemoved() throws {
        #expect(try render("a\n  {{#s}}\n  b\n  {{/s}}\nc", ["s": true]) == "a\n  b\nc")
        #expect(try render("a\n  {{^s}}\n  b\n  {{/s}}\nc", ["s": true]) == "a\nc")
        #expect(try render("a\n  {{! a note }}\nb") == "a\nb")
        #expect(try render("a\r\n{{#s}}\r\nb\r\n{{/s}}\r\n", ["s": true]) == "a\r\nb\r\n")
    }

    @Test func tagsSharingALineKeepTheirWhitespace() throws {
        #expect(try render("a {{#s}}b{{/s}} c\n  {{x}}\n", ["s": true, "x": "X"]) == "a b c\n  X\n")
        #expect(try render("  {{#s}}b{{/s}}\n", ["s": true]) == "  b\n")
    }

    // MARK: Escaping

    @Test func textIsEscapedHoweverItIsPrinted() throws {
        let context: [TemplateKey: TemplateValue] = ["t": "<b>&\"'x"]
        let escaped = "&lt;b&gt;&amp;&quot;&#39;x"
        #expect(try render("{{t}}|{{{t}}}|{{&t}}", context) == "\(escaped)|\(escaped)|\(escaped)")
    }

    @Test func htmlIsPrintedAsItIsHoweverItIsPrinted() throws {
        let context: [TemplateKey: TemplateValue] = ["h": .html(Array("<p class=\"a\">&amp;</p>".utf8))]
        #expect(try render("{{h}}|{{{h}}}", context) == "<p class=\"a\">&amp;</p>|<p class=\"a\">&amp;</p>")
    }

    @Test func numbersAndFlagsPrintAsText() throws {
        #expect(try render("{{n}} {{b}}", ["n": -12, "b": true]) == "-12 true")
    }

    /// The byte escape and `HTML.escape` agree, and leave text without the five characters alone.
    @Test func escapingWorksOnBytes() throws {
        #expect(HTML.escape("Kế hoạch \"số 1\" <a> & 'b'") == "Kế hoạch &quot;số 1&quot; &lt;a&gt; &amp; &#39;b&#39;")
        #expect(HTML.escape("Sở Tư pháp") == "Sở Tư pháp")
        // A quote followed by a combining accent is one Character, but a quote to a browser all the same.
        #expect(HTML.escape("\"\u{301}") == "&quot;\u{301}")
    }

    @Test func scriptInContentNeverReachesAPageUnescaped() throws {
        let script = "<script>alert(1)</script>"
        let plan = planFile(title: "Kế hoạch \(script)",
                            extra: "signer: \"\(script)\"\nsigner_title: \"\(script)\"\nrecipients: [\"\(script)\"]\n",
                            body: "Thực hiện Nghị quyết số 27-NQ/TW.\n\n## I. \(script)\n\n1. Nhiệm vụ \(script).\n\n- Chủ trì: Sở \(script)\n")
        let built = try buildInMemory(plans: ["a.md": plan])
        #expect(!built.report.diagnostics.hasErrors, "\(built.report.diagnostics.map(\.formatted))")
        let pages = built.files.filter { $0.key.hasSuffix(".html") }
        #expect(pages.count > 5)
        for (path, text) in pages { #expect(!text.contains("<script>alert"), "\(path) prints Content unescaped") }
        #expect(pages["ke-hoach/a/index.html"]?.contains("&lt;script&gt;alert(1)&lt;/script&gt;") == true)
    }

    // MARK: Errors

    @Test func aSectionNeverClosedIsReportedWhereItOpens() {
        let error = syntaxError("a\n  {{#s}}\nb")
        #expect(error?.line == 2)
        #expect(error?.column == 3)
        #expect(error?.message == "'s' is opened here but never closed")
        #expect(error?.hint == "close it with {{/s}} where it ends")
    }

    @Test func aSectionClosedWithAnotherNameNamesBoth() {
        let error = syntaxError("{{#groups}}\nx\n  {{/group}}")
        #expect(error.map { [$0.line, $0.column] } == [3, 3])
        #expect(error?.message == "'{{/group}}' closes 'groups', opened on line 1")
    }

    @Test func columnsCountCharactersNotBytes() {
        let error = syntaxError("Kế hoạch {{name")
        #expect(error.map { [$0.line, $0.column] } == [1, 10])
        #expect(error?.message == "a tag is not closed with }}")
    }

    @Test(arguments: [
        ("{{/x}}", "'{{/x}}' closes a section that was never opened"),
        ("{{{x}}", "'{{{x' is not closed with }}}"),
        ("{{a..b}}", "'a..b' is not a name a value can have"),
        ("{{}}", "a tag has no name"),
        ("{{! note", "a comment is not closed with }}"),
        ("{{=<% %>=}}", "'{{=' (changing delimiters) is not supported in PlanSite's templates"),
        ("{{<layout}}{{x}}{{/layout}}", "only {{$block}} overrides can stand directly inside '{{<layout}}'"),
    ])
    func malformedTemplatesAreRejected(template: String, message: String) {
        #expect(syntaxError(template)?.message == message)
    }

    @Test func templateSetReportsSyntaxErrorsAndMissingPartialsWithTheirFile() throws {
        var templates = try realTemplates()
        templates["home"] = SourceFile(path: "Templates/home.mustache", text: "{{<layout}}{{$main}}\n{{#groups}}\n{{/group}}{{/main}}{{/layout}}")
        templates["404"] = SourceFile(path: "Templates/404.mustache", text: "<p>\n  {{> heder}}</p>")
        guard case .failure(let problems) = TemplateSet.compile(templates) else { Issue.record("compiled"); return }
        #expect(problems.map(\.formatted).sorted() == [
            "Templates/404.mustache:2:3: error: template uses the missing partial 'heder' (did you mean 'header'?)",
            "Templates/home.mustache:3:1: error: template syntax error: '{{/group}}' closes 'groups', opened on line 2 (close every section with the name it was opened with: {{/groups}})",
        ])
    }

    // MARK: Fingerprints

    @Test func fingerprintsTellKindsOfValueApart() {
        let salt = Fingerprint()
        func fingerprint(_ value: TemplateValue) -> Fingerprint { Fingerprint.of(template: "t", context: ["v": value], salt: salt) }
        #expect(fingerprint("<b>") != fingerprint(.html(Array("<b>".utf8))))
        #expect(fingerprint(1) != fingerprint(true))
        #expect(fingerprint(["a"]) != fingerprint(["0": "a"]))
        #expect(fingerprint(["a": 1, "b": "x"]) == fingerprint(["b": "x", "a": 1]))
    }
}
