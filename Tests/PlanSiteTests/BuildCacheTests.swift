import Foundation
import Testing
@testable import PlanSite

/// The build cache's plan entries: what is remembered comes back the same, and an entry that
/// is damaged, cut short or written by an older PlanSite is a miss, never a crash.
@Suite("Build cache entries")
struct BuildCacheTests {
    /// The real plans, parsed and extracted as a build does it.
    static let realPlans: [ExtractedPlan] = {
        let (sources, _) = SiteLoader(contentDirectory: Paths.content, templatesDirectory: Paths.templates).load(baseURL: nil)
        let (registries, _) = Registries.decode(sources!.registries)
        let parser = PlanParser(allowRawHTML: sources!.config.allowRawHTML)
        let extractor = PlanExtractor(registry: registries.agencies)
        return sources!.plans.map { extractor.extract(try! parser.parse($0).get()) }
    }()

    /// A plan with every optional present and every list filled, so that every field of every
    /// stored type is written and read. One agency role only: a dictionary's order would make
    /// the bytes differ from run to run.
    static let everyField: ExtractedPlan = {
        let legal = DocumentNumber(shape: .legal, serial: 33, year: 2021, type: "NQ", issuer: "QH15")
        let local = DocumentRef(number: DocumentNumber("4-KH/TU")!, citingProvince: "Lào Cai")
        let due = CalendarDate(year: 2024, month: 12, day: 10)
        var plan = Plan(
            slug: "mau", sourcePath: "Content/mau.md",
            metadata: PlanMetadata(title: "Kế hoạch mẫu", issuer: "Ủy ban nhân dân tỉnh Lào Cai", implements: ["27-NQ/TW"],
                                   province: "Lào Cai", kind: "Kế hoạch", number: "120/KH-UBND", date: CalendarDate(year: 2023, month: 5, day: 15),
                                   signer: "Đặng Xuân Trường", signerTitle: "Chủ tịch", recipients: ["Lưu: VT, NC"], slug: "mau"),
            headings: [Heading(level: 2, text: "I. MỤC ĐÍCH", id: "i-muc-dich", line: 12)],
            tasks: [PlanTask(id: "nv-i-1", planSlug: "mau", outline: "I.1", title: "Tuyên truyền", text: "Tuyên truyền\nNội dung.",
                             agencies: [.lead: ["Sở Tư pháp", "Sở Nội vụ"]],
                             deadlines: [Deadline(text: "trước ngày 10/12 hằng năm", kind: .recurring, due: due,
                                                  everyYear: Deadline.MonthDay(month: 12, day: 10), documents: ["211-KH/TU"])],
                             line: 14)],
            citations: [Citation(ref: local, text: "Kế hoạch số 04-KH/TU ngày 01/02/2022", typeWord: "Kế hoạch",
                                 date: CalendarDate(year: 2022, month: 2, day: 1), issuerPhrase: "Tỉnh ủy Lào Cai",
                                 subject: "thực hiện Nghị quyết", carriesOut: [legal], line: 15, taskIndex: 0)])
        plan.links = [TextLink(destination: "../khac/", line: 16, column: -3)]
        return ExtractedPlan(plan: plan, bodyHTML: Array("<h2 id=\"i-muc-dich\">I. MỤC ĐÍCH</h2>\n".utf8),
                             diagnostics: [.warning(SourceLocation(file: "Content/mau.md", line: 3), "cảnh báo", hint: "gợi ý")])
    }()

    let folder: TemporaryFolder
    let cache: BuildCache

    init() throws {
        folder = try TemporaryFolder()
        cache = BuildCache(folder: folder.url)
    }

    /// The only entry in the cache's folder.
    func entryFile() throws -> URL {
        let plans = folder.url.appendingPathComponent("plans")
        let names = try FileManager.default.contentsOfDirectory(atPath: plans.path)
        try #require(names.count == 1)
        return plans.appendingPathComponent(names[0])
    }

    /// The plan as JSON, tasks apart: `PlanTask` is `Equatable` but its agencies, a dictionary,
    /// may come out of JSON in another order.
    func comparable(_ extracted: ExtractedPlan, body: [UInt8]) throws -> (json: Data, tasks: [PlanTask]) {
        var copy = extracted
        copy.plan.tasks = []
        copy.bodyHTML = body
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try encoder.encode(copy), extracted.plan.tasks)
    }

    static let samples = realPlans + [everyField]

    @Test(arguments: samples.map(\.plan.sourcePath))
    func whatIsRememberedIsRecalled(path: String) throws {
        let original = try #require(Self.samples.first { $0.plan.sourcePath == path })
        let key = Fingerprint.of([original.plan.sourcePath])
        cache.remember(original, as: key)
        let bodies = BodyStore(spoolingIn: folder.url)
        let recalled = try #require(cache.recall(key, bodies: bodies))
        #expect(recalled.bodyHTML.isEmpty, "the body goes to the body store")
        let expected = try comparable(original, body: original.bodyHTML)
        let actual = try comparable(recalled, body: bodies.html(for: original.plan.slug))
        #expect(actual.json == expected.json)
        #expect(actual.tasks == expected.tasks)
    }

    /// The binary names no fields, so an older entry of the same version would be misread:
    /// a change to a stored type must come with a new version.
    @Test func theLayoutIsPinnedToTheFormatVersion() throws {
        let entry = try #require(PlanCacheEntry.encode(Self.everyField))
        let fingerprint = Fingerprint.of(bytes: entry).description
        #expect(fingerprint == "5a97b591a675c9627f2bc524016bf162",
                "the bytes of a cache entry changed: unless only the sample did, bump PlanCacheEntry.version; then set this fingerprint to \(fingerprint)")
    }

    /// A plan keeps its fields in a shared box (see `Plan`): a copy changed must not change
    /// the plan it was copied from, which pages, records and the cache all still hold.
    @Test func aChangedCopyOfAPlanLeavesTheOriginal() {
        let original = Self.realPlans[0].plan
        var copy = original
        copy.slug = "da-sua"
        copy.tasks.removeAll()
        copy.metadata.title = "Đã sửa"
        #expect(original.slug != "da-sua" && !original.tasks.isEmpty && original.metadata.title != "Đã sửa")
        #expect(copy.slug == "da-sua" && copy.tasks.isEmpty && copy.metadata.title == "Đã sửa")
    }

    @Test func aCutShortEntryIsAMiss() throws {
        let key = Fingerprint.of(["cut"])
        cache.remember(Self.realPlans[0], as: key)
        let file = try entryFile()
        let whole = try Data(contentsOf: file)
        for length in [0, 1, 10, 16, 47, 48, 51, 52, 53, whole.count / 3, whole.count / 2, whole.count - 1] {
            try whole.prefix(length).write(to: file)
            #expect(cache.recall(key, bodies: BodyStore()) == nil, "cut to \(length) bytes")
        }
    }

    @Test func aDamagedEntryIsAMiss() throws {
        let key = Fingerprint.of(["damaged"])
        cache.remember(Self.realPlans[0], as: key)
        let file = try entryFile()
        let whole = try Data(contentsOf: file)
        var random = SplitMix(seed: 6)
        for _ in 0..<200 {
            var damaged = whole
            let index = Int(random.next() % UInt64(whole.count))
            damaged[index] ^= UInt8(truncatingIfNeeded: random.next() % 255 + 1)
            try damaged.write(to: file)
            #expect(cache.recall(key, bodies: BodyStore()) == nil, "byte \(index) changed")
        }
        try Data((0..<whole.count).map { _ in UInt8(truncatingIfNeeded: random.next()) }).write(to: file)
        #expect(cache.recall(key, bodies: BodyStore()) == nil, "random bytes")
    }

    /// What PlanSite wrote before the binary format: the JSON's length on a line, the JSON
    /// of the plan without its body, then the body.
    @Test func anEntryOfTheOldJSONFormatIsAMiss() throws {
        let key = Fingerprint.of(["json"])
        cache.remember(Self.realPlans[0], as: key)
        var model = Self.realPlans[0]
        model.bodyHTML = []
        let json = try JSONEncoder().encode(model)
        try (Data("\(json.count)\n".utf8) + json + Data(Self.realPlans[0].bodyHTML)).write(to: try entryFile())
        #expect(cache.recall(key, bodies: BodyStore()) == nil)
    }

    /// Behind the checksum, the decoder checks every read itself: bytes cut or changed
    /// anywhere throw or decode to something, and never trap.
    @Test func theDecoderSurvivesDamagedBytesOnItsOwn() throws {
        let bytes = try BinaryEncoder.encode(Self.realPlans[0])
        var random = SplitMix(seed: 27)
        func decode(_ bytes: [UInt8]) { _ = bytes.withUnsafeBytes { try? BinaryDecoder.decode(ExtractedPlan.self, from: $0) } }
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 500)) { decode(Array(bytes.prefix(length))) }
        for _ in 0..<2_000 {
            var damaged = bytes
            for _ in 0...(random.next() % 4) {
                damaged[Int(random.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: random.next())
            }
            decode(damaged)
        }
        #expect(bytes.withUnsafeBytes { try? BinaryDecoder.decode(ExtractedPlan.self, from: $0) } != nil)
    }

    @Test func optionalsOutsideAPropertyAreNotStored() {
        #expect(throws: EncodingError.self) { try BinaryEncoder.encode([Optional("a"), nil]) }
    }
}
