/// Joins every citation of every plan into one record per document, taking type, date,
/// issuer and subject from the first full citation and overriding them with documents.yml.
struct DocumentLinker {
    var plans: [Plan]
    var entries: [DocumentEntry]
    var jobs = Workers.default

    func link() -> [DocumentRecord] {
        // Spellings of one number that differ only in case, diacritics or separators ("27/NQ-TW"
        // and "27-NQ/TW", "QD" and "QĐ") share a page address, so they are one document, under
        // the first spelling seen: documents.yml's, else the first citation's.
        var spellings: [String: DocumentRef] = [:]
        // A national site cites a few thousand documents a million times: each spelling's slug,
        // which folds its text, is made once.
        var seen: [DocumentRef: DocumentRef] = [:]
        func canonical(_ ref: DocumentRef) -> DocumentRef {
            if let known = seen[ref] { return known }
            let slug = ref.slug
            let first = spellings[slug] ?? ref
            spellings[slug] = first
            seen[ref] = first
            return first
        }
        let entries = self.entries.map { entry in
            var entry = entry
            entry.ref = canonical(entry.ref)
            return entry
        }
        var citations: [DocumentRef: [(Plan, [Citation])]] = [:]
        var carriesOut: [DocumentRef: [DocumentRef]] = [:]
        for plan in plans {
            var byRef: [DocumentRef: [Citation]] = [:]
            for citation in plan.citations {
                let ref = canonical(citation.ref)
                byRef[ref, default: []].append(citation)
                for number in citation.carriesOut {
                    let target = canonical(DocumentRef(number: number, citingProvince: plan.metadata.province))
                    // A national document never carries out a local one: that reading is a misparse.
                    let plausible = target != ref && !(ref.province == nil && target.province != nil)
                    if plausible, !(carriesOut[ref] ?? []).contains(target) { carriesOut[ref, default: []].append(target) }
                }
            }
            // Each document's list gets its plans in plan order, whatever order the documents come in.
            for (ref, cited) in byRef { citations[ref, default: []].append((plan, cited)) }
        }
        let entryByRef = Dictionary(entries.map { ($0.ref, $0) }, uniquingKeysWith: { first, _ in first })
        for entry in entries {
            let implements = entry.implements.map(canonical).filter { $0 != entry.ref }
            carriesOut[entry.ref] = implements + (carriesOut[entry.ref] ?? []).filter { !implements.contains($0) }
        }

        // Read on every core, canonical in order: the first spelling seen names a document.
        let implementedRefs = plans.parallelMap(jobs: jobs) { $0.implementedRefs }.map { $0.map(canonical) }
        var refs = Set(citations.keys).union(entryByRef.keys)
        for planRefs in implementedRefs { refs.formUnion(planRefs) }
        for targets in carriesOut.values { refs.formUnion(targets) }

        var implementedBy: [DocumentRef: [DocumentRef]] = [:]
        for (source, targets) in carriesOut { for target in targets { implementedBy[target, default: []].append(source) } }
        var plansImplementing: [DocumentRef: [Plan]] = [:]
        for (plan, planRefs) in zip(plans, implementedRefs) { for ref in Set(planRefs) { plansImplementing[ref, default: []].append(plan) } }
        let planByNumber = Dictionary(plans.compactMap { plan in plan.ownRef.map { (canonical($0), plan) } }, uniquingKeysWith: { first, _ in first })

        return Self.sorted(refs).parallelMap(jobs: jobs) { ref in
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

    /// `refs.sorted()`, with each province, issuer and type code ranked once: a national site has
    /// tens of thousands of documents, and comparing Vietnamese names goes through Unicode
    /// normalisation every time. The ranks come from the same `<` on the few distinct names.
    static func sorted(_ refs: Set<DocumentRef>) -> [DocumentRef] {
        func ranks(_ names: some Sequence<String>) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: Set(names).sorted().enumerated().map { ($1, $0) })
        }
        let provinces = ranks(refs.map { $0.province ?? "" }), issuers = ranks(refs.map(\.number.issuer)), types = ranks(refs.map(\.number.type))
        return refs.map { ref in
            let number = ref.number
            return (key: (provinces[ref.province ?? ""]!, issuers[number.issuer]!, types[number.type]!, number.year ?? 0, number.serial), ref: ref)
        }.sorted { $0.key < $1.key }.map(\.ref)
    }
}
