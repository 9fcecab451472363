import Foundation

/// `Public/data/`: the site's facts for other tools, described field by field in docs/DATA.md.
struct DataExport {
    var site: SiteModel
    var urls: SiteURLs { SiteURLs(base: site.config.baseURL) }

    func files() -> [OutputFile] {
        [
            json("data/plans.json", .array(site.plans.map { plan($0.plan) })),
            json("data/tasks.json", .array(site.plans.flatMap { entry in entry.plan.tasks.map { task($0, in: entry.plan) } })),
            json("data/agencies.json", .array(site.agencies.map(agency))),
            json("data/documents.json", .array(site.documents.map(document))),
            OutputFile(path: "data/tasks.csv", data: Data(([0xEF, 0xBB, 0xBF] as [UInt8]) + Array(csv().utf8))),
        ]
    }

    private func json(_ path: String, _ value: JSONWriter.Value) -> OutputFile {
        OutputFile(path: path, data: JSONWriter.encode(value))
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
    func csv() -> String {
        var lines = ["id,plan,province,outline,title,lead,support,deadline,kind,due,url"]
        for entry in site.plans {
            for task in entry.plan.tasks {
                let fields = [task.id, entry.plan.slug, entry.plan.metadata.province ?? "", task.outline, task.title,
                              task.lead.joined(separator: "; "), task.support.joined(separator: "; "),
                              task.deadlines.map(\.text).joined(separator: " hoặc "), task.deadlines.first?.kind.rawValue ?? "",
                              task.due?.iso ?? "", urls.task(task)]
                lines.append(fields.map(Self.csvField).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Quotes every field; a leading =, +, - or @ gets a quote mark so spreadsheets do not run it as a formula.
    static func csvField(_ value: String) -> String {
        var text = value.replacingOccurrences(of: "\"", with: "\"\"")
        if let first = text.first, "=+-@".contains(first) { text = "'" + text }
        return "\"\(text)\""
    }
}
