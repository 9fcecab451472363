/// Joins every citation of every plan into one record per document, taking type, date,
/// issuer and subject from the first full citation and overriding them with documents.yml.
struct DocumentLinker {
    var plans: [Plan]
    var entries: [DocumentEntry]

    func link() -> [DocumentRecord] {
        var citations: [DocumentRef: [(Plan, [Citation])]] = [:]
        var carriesOut: [DocumentRef: [DocumentRef]] = [:]
        for plan in plans {
            var byRef: [DocumentRef: [Citation]] = [:]
            for citation in plan.citations {
                byRef[citation.ref, default: []].append(citation)
                for number in citation.carriesOut {
                    let target = DocumentRef(number: number, citingProvince: plan.metadata.province)
                    // A national document never carries out a local one: that reading is a misparse.
                    let plausible = target != citation.ref && !(citation.ref.province == nil && target.province != nil)
                    if plausible, !(carriesOut[citation.ref] ?? []).contains(target) { carriesOut[citation.ref, default: []].append(target) }
                }
            }
            for ref in byRef.keys.sorted() { citations[ref, default: []].append((plan, byRef[ref]!)) }
        }
        let entryByRef = Dictionary(entries.map { ($0.ref, $0) }, uniquingKeysWith: { first, _ in first })
        for entry in entries { carriesOut[entry.ref] = entry.implements + (carriesOut[entry.ref] ?? []).filter { !entry.implements.contains($0) } }

        var refs = Set(citations.keys).union(entryByRef.keys)
        for plan in plans { refs.formUnion(plan.implementedRefs) }
        for targets in carriesOut.values { refs.formUnion(targets) }

        var implementedBy: [DocumentRef: [DocumentRef]] = [:]
        for (source, targets) in carriesOut { for target in targets { implementedBy[target, default: []].append(source) } }
        var plansImplementing: [DocumentRef: [Plan]] = [:]
        for plan in plans { for ref in Set(plan.implementedRefs) { plansImplementing[ref, default: []].append(plan) } }
        let planByNumber = Dictionary(plans.compactMap { plan in
            plan.metadata.number.flatMap(DocumentNumber.init).map { (DocumentRef(number: $0, citingProvince: plan.metadata.province), plan) }
        }, uniquingKeysWith: { first, _ in first })

        return refs.sorted().map { ref in
            let cited = citations[ref] ?? []
            let all = cited.flatMap(\.1)
            let full = all.first { $0.date != nil || $0.subject != nil } ?? all.first
            let entry = entryByRef[ref]
            let document = Document(
                ref: ref,
                typeName: entry?.type ?? full?.typeWord ?? ref.number.typeName,
                date: entry?.date ?? all.lazy.compactMap(\.date).first,
                issuer: entry?.issuer ?? all.lazy.compactMap(\.issuerPhrase).first,
                title: entry?.title ?? all.lazy.compactMap(\.subject).first,
                implements: carriesOut[ref] ?? [])
            return DocumentRecord(document: document, citations: cited.map { (plan: $0.0, citations: $0.1) },
                                  implementedByPlans: plansImplementing[ref] ?? [],
                                  implementedByDocuments: (implementedBy[ref] ?? []).sorted(), plan: planByNumber[ref])
        }
    }
}
