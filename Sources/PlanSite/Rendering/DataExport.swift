import Foundation

/// `Public/data/`: the site's facts for other tools, described field by field in docs/DATA.md.
struct DataExport {
    var site: SiteModel
    /// Files are handed to the writer in parts of about this many bytes: at national scale
    /// tasks.json is half a gigabyte, which should never sit in memory whole.
    var partSize = 4 << 20
    var urls: SiteURLs { SiteURLs(base: site.config.baseURL) }

    func write(_ emit: (OutputFile) throws -> Void) rethrows {
        try jsonArray("data/plans.json", site.plans, emit) { [plan($0.plan)] }
        try jsonArray("data/tasks.json", site.plans, emit) { entry in entry.plan.tasks.map { task($0, in: entry.plan) } }
        try jsonArray("data/agencies.json", site.agencies, emit) { [agency($0)] }
        try jsonArray("data/documents.json", site.documents, emit) { [document($0)] }
        try csv(emit)
    }

    /// A JSON array of the values each item gives, written and handed over part by part.
    private func jsonArray<T>(_ path: String, _ items: [T], _ emit: (OutputFile) throws -> Void,
                              _ values: (T) -> [JSONWriter.Value]) rethrows {
        var parts = PartedFile(path: path)
        var json = JSONWriter()
        var first = true
        json.raw("[")
        for item in items {
            for value in values(item) {
                if !first { json.raw(",") }
                first = false
                json.write(value)
            }
            if json.bytes.count >= partSize { try parts.hand(json.takeBytes(), emit) }
        }
        json.raw("]\n")
        try parts.finish(json.takeBytes(), emit)
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

    func task(_ task: PlanTask, in plan: Plan) -> JSONWriter.Value {
        func deadline(_ deadline: Deadline) -> JSONWriter.Value {
            .object([("text", .string(deadline.text)), ("kind", .string(deadline.kind.rawValue)), ("due", .string(deadline.due?.iso))])
        }
        let first = task.deadlines.first
        return .object([
            ("id", .string(task.id)), ("plan", .string(plan.slug)), ("province", .string(plan.metadata.province)),
            ("outline", .string(task.outline)), ("title", .string(task.title)), ("text", .string(task.text)),
            ("lead", .strings(task.lead)), ("support", .strings(task.support)),
            ("carryOut", .strings(task.agencies[.carryOut] ?? [])), ("advise", .strings(task.agencies[.advise] ?? [])),
            ("monitor", .strings(task.agencies[.monitor] ?? [])),
            ("deadline", first == nil ? .null : .object([
                ("text", .string(task.deadlines.map(\.text).joined(separator: " hoặc "))),
                ("kind", .string(first?.kind.rawValue)), ("due", .string(task.due?.iso)),
            ])),
            ("deadlines", .array(task.deadlines.map(deadline))),
            ("line", .int(task.line)), ("url", .string(urls.task(task))),
        ])
    }

    func agency(_ record: AgencyRecord) -> JSONWriter.Value {
        func ids(_ role: AgencyRole) -> JSONWriter.Value {
            .strings(record.assignments.filter { $0.role == role }.map { "\($0.plan.slug)#\($0.task.id)" })
        }
        let agency = record.agency
        return .object([
            ("name", .string(agency.name)), ("slug", .string(agency.slug)), ("aliases", .strings(agency.aliases)),
            ("formerly", .strings(agency.formerly)), ("collective", .bool(agency.collective)), ("note", .string(agency.note)),
            ("registered", .bool(agency.registered)),
            ("provinces", .strings(Set(record.assignments.compactMap(\.plan.metadata.province)).sorted(by: Collation.less))),
            ("lead", ids(.lead)), ("support", ids(.support)), ("url", .string(urls.agency(agency))),
        ])
    }

    func document(_ record: DocumentRecord) -> JSONWriter.Value {
        let document = record.document
        return .object([
            ("number", .string(document.ref.number.canonical)), ("province", .string(document.ref.province)),
            ("type", .string(document.typeName)), ("date", .string(document.date?.iso)), ("title", .string(document.title)),
            ("issuer", .string(document.issuer)), ("implements", .strings(document.implements.map(\.label))),
            ("implementedByDocuments", .strings(record.implementedByDocuments.map(\.label))),
            ("citedBy", .strings(record.citations.map(\.plan.slug))), ("implementedBy", .strings(record.implementedByPlans.map(\.slug))),
            ("url", .string(urls.document(document.ref))),
        ])
    }

    /// One row per task, CRLF line ends and a byte-order mark: what Excel opens correctly.
    private func csv(_ emit: (OutputFile) throws -> Void) rethrows {
        var parts = PartedFile(path: "data/tasks.csv")
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes += "id,plan,province,outline,title,lead,support,deadline,kind,due,url\r\n".utf8
        for entry in site.plans {
            for task in entry.plan.tasks {
                let fields = [task.id, entry.plan.slug, entry.plan.metadata.province ?? "", task.outline, task.title,
                              task.lead.joined(separator: "; "), task.support.joined(separator: "; "),
                              task.deadlines.map(\.text).joined(separator: " hoặc "), task.deadlines.first?.kind.rawValue ?? "",
                              task.due?.iso ?? "", urls.task(task)]
                bytes += fields.map(Self.csvField).joined(separator: ",").utf8
                bytes += "\r\n".utf8
            }
            if bytes.count >= partSize {
                try parts.hand(bytes, emit)
                bytes.removeAll(keepingCapacity: true)
            }
        }
        try parts.finish(bytes, emit)
    }

    /// Quotes every field; a leading =, +, - or @ gets a quote mark so spreadsheets do not run it as a formula.
    static func csvField(_ value: String) -> String {
        var text = value.replacingOccurrences(of: "\"", with: "\"\"")
        if let first = text.first, "=+-@".contains(first) { text = "'" + text }
        return "\"\(text)\""
    }
}
