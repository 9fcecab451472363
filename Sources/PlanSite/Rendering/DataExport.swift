import Foundation

/// `Public/data/`: the site's facts for other tools, described field by field in docs/DATA.md.
struct DataExport {
    var site: SiteModel
    /// Files are handed to the writer in parts of about this many bytes: at national scale
    /// tasks.json is half a gigabyte, which should never sit in memory whole.
    var partSize = 4 << 20
    /// Items are encoded on every core; the file is put together in their order.
    var jobs = Workers.default
    /// A plan's part of a file that is unchanged since the previous build is copied from it.
    var previous = PreviousOutput.none
    /// Plans' source keys by source path.
    var planKeys: [String: Fingerprint] = [:]
    var urls: SiteURLs { SiteURLs(base: site.config.baseURL) }

    func write(_ emit: (OutputFile) throws -> Void) rethrows {
        try jsonArray("data/plans.json", site.plans, emit, key: planKey) { [plan($0.plan)] }
        try jsonArray("data/tasks.json", site.plans, emit, key: planKey, members: planTasks)
        try writeRecords(emit)
        try inParts("data/tasks.csv", head: Self.csvHead, tail: "", site.plans, emit, key: planKey, csvRows)
    }

    /// The files made of one part per agency or document, which list the plans' tasks and citations.
    func writeRecords(_ emit: (OutputFile) throws -> Void) rethrows {
        try jsonArray("data/agencies.json", site.agencies, emit) { [agency($0)] }
        try jsonArray("data/documents.json", site.documents, emit) { [document($0)] }
    }

    /// An agency's member of agencies.json, and a document's of documents.json, as `writeRecords` writes them.
    func member(_ record: AgencyRecord) -> [UInt8] { Self.joined([agency(record)]) }
    func member(_ record: DocumentRecord) -> [UInt8] { Self.joined([document(record)]) }

    /// The files made of one part per plan, and that part of each for one plan, as `write` makes it.
    func parts(of entry: ExtractedPlan) -> [(path: String, bytes: [UInt8])] {
        [("data/plans.json", Self.joined([plan(entry.plan)])), ("data/tasks.json", planTasks(entry)),
         ("data/tasks.csv", csvRows(entry))]
    }

    /// A plan's tasks as members of tasks.json, written straight into one writer: a national
    /// site has 700,000 of them, and making each an object value first was 7% of writing `data/`.
    private func planTasks(_ entry: ExtractedPlan) -> [UInt8] {
        var json = JSONWriter()
        for (index, task) in entry.plan.tasks.enumerated() {
            if index > 0 { json.raw(",") }
            write(task, in: entry.plan, to: &json)
        }
        return json.takeBytes()
    }

    /// What a plan's part of a file is made from: the plan and the site's address.
    private func planKey(_ entry: ExtractedPlan) -> (name: String, key: Fingerprint)? {
        guard var key = planKeys[entry.plan.sourcePath] else { return nil }
        key.add(site.config.baseURL)
        return (entry.plan.slug, key)
    }

    /// A JSON array of the values each item gives.
    private func jsonArray<T>(_ path: String, _ items: [T], _ emit: (OutputFile) throws -> Void,
                              key: (T) -> (name: String, key: Fingerprint)? = { _ in nil },
                              _ values: (T) -> [JSONWriter.Value]) rethrows {
        try jsonArray(path, items, emit, key: key, members: { Self.joined(values($0)) })
    }

    /// A JSON array of the members each item writes, as bytes without brackets.
    private func jsonArray<T>(_ path: String, _ items: [T], _ emit: (OutputFile) throws -> Void,
                              key: (T) -> (name: String, key: Fingerprint)?, members: (T) -> [UInt8]) rethrows {
        try inParts(path, head: Array("[".utf8), separator: ",", tail: "]\n", items, emit, key: key, members)
    }

    /// Values as members of a JSON array, without its brackets.
    private static func joined(_ values: [JSONWriter.Value]) -> [UInt8] {
        var json = JSONWriter()
        for (index, value) in values.enumerated() {
            if index > 0 { json.raw(",") }
            json.write(value)
        }
        return json.takeBytes()
    }

    /// Encodes the items on every core and hands the file to the writer in parts of about
    /// `partSize` bytes, in the items' order; `separator` goes between items that gave bytes.
    /// An item with a key whose bytes the previous file holds under the same key is copied from it.
    private func inParts<T>(_ path: String, head: [UInt8], separator: String = "", tail: String, _ items: [T],
                            _ emit: (OutputFile) throws -> Void, key: (T) -> (name: String, key: Fingerprint)? = { _ in nil },
                            _ encode: (T) -> [UInt8]) rethrows {
        let reusable = previous.folder == nil ? nil : previous.items(of: path)
        var parts = PartedFile(path: path)
        var bytes = head
        var handed = 0
        var first = true
        var placed: [ExportItem] = []
        try items.forEachTransformed(jobs: jobs, batch: 256, { item -> ([UInt8], (name: String, key: Fingerprint)?) in
            let keyed = key(item)
            if let keyed, let old = reusable?.bytes(of: keyed.name, key: keyed.key) { return (old, keyed) }
            return (encode(item), keyed)
        }) { encoded, keyed in
            if !encoded.isEmpty {
                if !first { bytes += separator.utf8 }
                first = false
                if let keyed { placed.append(ExportItem(name: keyed.name, key: keyed.key, offset: handed + bytes.count, length: encoded.count)) }
                bytes += encoded
            }
            if bytes.count >= partSize {
                try parts.hand(bytes, emit)
                handed += bytes.count
                bytes.removeAll(keepingCapacity: true)
            }
        }
        bytes += tail.utf8
        try parts.finish(bytes, items: previous.folder == nil ? nil : placed, emit)
    }

    func plan(_ plan: Plan) -> JSONWriter.Value {
        let meta = plan.metadata
        return .object([
            ("slug", .string(plan.slug)), ("title", .string(meta.title)), ("kind", .string(meta.kind)),
            ("number", .string(meta.number)), ("issuer", .string(meta.issuer)), ("province", .string(meta.province)),
            ("date", .string(meta.date?.iso)), ("signer", .string(meta.signer)),
            ("implements", .strings(plan.implementedRefs.map(\.number.canonical))),
            ("taskCount", .int(plan.tasks.count)), ("url", .string(urls.plan(plan.slug))),
        ])
    }

    /// A task's member of tasks.json, field by field in the order docs/DATA.md gives.
    func write(_ task: PlanTask, in plan: Plan, to json: inout JSONWriter) {
        json.raw("{")
        json.key("id", first: true)
        json.writeString(task.id)
        json.key("plan")
        json.writeString(plan.slug)
        json.key("province")
        json.write(.string(plan.metadata.province))
        json.key("outline")
        json.writeString(task.outline)
        json.key("title")
        json.writeString(task.title)
        json.key("text")
        json.writeString(task.text)
        func names(_ key: String, _ names: [String]) {
            json.key(key)
            json.writeStrings(names)
        }
        names("lead", task.lead)
        names("support", task.support)
        names("carryOut", task.agencies[.carryOut] ?? [])
        names("advise", task.agencies[.advise] ?? [])
        names("monitor", task.agencies[.monitor] ?? [])
        json.key("deadline")
        if let first = task.deadlines.first {
            json.write(.object([
                ("text", .string(task.deadlines.map(\.text).joined(separator: " hoặc "))),
                ("kind", .string(first.kind.rawValue)), ("due", .string(task.due?.iso)),
            ]))
        } else {
            json.raw("null")
        }
        json.key("deadlines")
        json.write(.array(task.deadlines.map { deadline in
            .object([("text", .string(deadline.text)), ("kind", .string(deadline.kind.rawValue)), ("due", .string(deadline.due?.iso))])
        }))
        json.key("line")
        json.write(.int(task.line))
        json.key("url")
        json.writeString(urls.task(task))
        json.raw("}")
    }

    func agency(_ record: AgencyRecord) -> JSONWriter.Value {
        // Each task's id read where it lies and written straight into the array's bytes: an
        // agency every plan names has a hundred thousand assignments at national scale.
        var lead = JSONWriter.StringArray(), support = JSONWriter.StringArray()
        for assignment in record.assignments {
            let plan = assignment.plan
            switch assignment.role {
            case .lead: lead.append(joining: plan.slug, "#", plan.tasks[assignment.taskIndex].id)
            case .support: support.append(joining: plan.slug, "#", plan.tasks[assignment.taskIndex].id)
            default: break
            }
        }
        let agency = record.agency
        return .object(Self.identity(agency) + [
            ("aliases", .strings(agency.aliases)),
            ("formerly", .strings(agency.formerly)), ("collective", .bool(agency.collective)), ("note", .string(agency.note)),
            ("registered", .bool(agency.registered)),
            ("provinces", .strings(record.provinces)),
            ("lead", lead.value), ("support", support.value), ("url", .string(urls.agency(agency))),
        ])
    }

    func document(_ record: DocumentRecord) -> JSONWriter.Value {
        let document = record.document
        return .object(Self.identity(document.ref) + [
            ("type", .string(document.typeName)), ("date", .string(document.date?.iso)), ("title", .string(document.title)),
            ("issuer", .string(document.issuer)), ("implements", .strings(document.implements.map(\.label))),
            ("implementedByDocuments", .strings(record.implementedByDocuments.map(\.label))),
            ("citedBy", .strings(record.citations.map(\.plan.slug))), ("implementedBy", .strings(record.implementedByPlans.map(\.slug))),
            ("url", .string(urls.document(document.ref))),
        ])
    }

    /// The members that tell one record from another, first in its object.
    private static func identity(_ agency: Agency) -> [(String, JSONWriter.Value)] { [("name", .string(agency.name)), ("slug", .string(agency.slug))] }
    private static func identity(_ ref: DocumentRef) -> [(String, JSONWriter.Value)] {
        [("number", .string(ref.number.canonical)), ("province", .string(ref.province))]
    }

    /// How a record's member of its file starts: "{", its identity, and the "," after it.
    func memberHead(_ record: AgencyRecord) -> [UInt8] { Self.head(Self.identity(record.agency)) }
    func memberHead(_ record: DocumentRecord) -> [UInt8] { Self.head(Self.identity(record.document.ref)) }

    private static func head(_ identity: [(String, JSONWriter.Value)]) -> [UInt8] {
        var json = JSONWriter()
        json.write(.object(identity))
        return json.bytes.dropLast() + [UInt8(ascii: ",")]
    }

    private static let csvHead = [0xEF, 0xBB, 0xBF] + Array("id,plan,province,outline,title,lead,support,deadline,kind,due,url\r\n".utf8)

    /// One row per task, CRLF line ends and a byte-order mark: what Excel opens correctly.
    private func csvRows(_ entry: ExtractedPlan) -> [UInt8] {
        var bytes: [UInt8] = []
        for task in entry.plan.tasks {
            let fields = [task.id, entry.plan.slug, entry.plan.metadata.province ?? "", task.outline, task.title,
                          task.lead.joined(separator: "; "), task.support.joined(separator: "; "),
                          task.deadlines.map(\.text).joined(separator: " hoặc "), task.deadlines.first?.kind.rawValue ?? "",
                          task.due?.iso ?? "", urls.task(task)]
            for (index, field) in fields.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                Self.appendCSVField(field, to: &bytes)
            }
            bytes += "\r\n".utf8
        }
        return bytes
    }

    /// Quotes every field; a leading =, +, - or @ gets a quote mark so spreadsheets do not run it as a formula.
    static func appendCSVField(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        if let first = value.utf8.first, [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@")].contains(first) {
            bytes.append(UInt8(ascii: "'"))
        }
        var value = value
        value.withUTF8 { utf8 in
            var run = 0
            while let quote = ByteSearch.firstOffset(of: UInt8(ascii: "\""), in: utf8, from: run) {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...quote]))
                bytes.append(UInt8(ascii: "\""))
                run = quote + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
