extension SiteModel {
    /// What relinking one edited plan changed: the records that list it now or listed it before.
    struct Relinked {
        /// Indices into `agencies` and `documents`, and those records as they were.
        var agencies: [Int]
        var documents: [Int]
        var agenciesBefore: [AgencyRecord]
        var documentsBefore: [DocumentRecord]
        /// What linking says of the plan's own links (`SiteLinker.brokenLinks`).
        var diagnostics: [Diagnostic] = []
    }

    /// Replaces one plan with an edit of its tasks or citations (its front matter the same),
    /// joining only its own tasks and citations again, and gives what linking every plan again
    /// would give. Nil, and the site left as it was, when the edit reaches past the records that
    /// list the plan: a new or emptied agency or document, a document whose fields (first full
    /// citation, what it carries out) or spelling would change, or anchors other plans link to.
    mutating func relink(_ edited: ExtractedPlan, registries: Registries) -> Relinked? {
        let new = edited.plan
        guard let old = plansBySlug[new.slug], old.sourcePath == new.sourcePath, old.metadata == new.metadata,
              let index = plans.firstIndex(where: { $0.plan.isCopy(of: old) }),
              Set(old.headings.map(\.id) + old.tasks.map(\.id)) == Set(new.headings.map(\.id) + new.tasks.map(\.id))
                || !plans.contains(where: { $0.plan.slug != new.slug && $0.plan.links.contains { $0.destination.contains(new.slug) } })
        else { return nil }
        guard let agencyChanges = relinkedAgencies(old, new, registry: registries.agencies),
              let documentChanges = relinkedDocuments(old, new, entries: registries.documents) else { return nil }

        let agencyIndices = agencyChanges.map(\.0), documentIndices = documentChanges.map(\.0)
        var relinked = Relinked(agencies: agencyIndices, documents: documentIndices, agenciesBefore: agencyIndices.map { agencies[$0] },
                                documentsBefore: documentIndices.map { documents[$0] })
        plans[index] = edited
        plansBySlug[new.slug] = new
        for (record, assignments) in agencyChanges { agencies[record].assignments = assignments }
        for (record, citations) in documentChanges { documents[record].citations = citations }
        func swap(_ plan: Plan) -> Plan { plan.isCopy(of: old) ? new : plan }
        for group in groups.indices {
            for province in groups[group].provinces.indices where groups[group].provinces[province].plans.contains(where: { $0.isCopy(of: old) }) {
                groups[group].provinces[province].plans = groups[group].provinces[province].plans.map(swap)
            }
        }
        var numbered = old.ownRef.map { [$0] } ?? []
        numbered += old.implementedRefs
        for record in Set(numbered.compactMap { documentsBySlug[$0.slug] }) {
            documents[record].plan = documents[record].plan.map(swap)
            documents[record].implementedByPlans = documents[record].implementedByPlans.map(swap)
        }
        if !new.links.isEmpty { relinked.diagnostics = SiteLinker.brokenLinks(plans.map(\.plan), base: config.baseURL, checking: [new]) }
        return relinked
    }

    /// Each agency record the plan is in, before or after, with its assignments as `SiteLinker`
    /// would list them: by plan, then task, role and name.
    private func relinkedAgencies(_ old: Plan, _ new: Plan, registry: AgencyRegistry) -> [(Int, [Assignment])]? {
        let bySlug = Dictionary(agencies.enumerated().map { ($1.agency.slug, $0) }) { first, _ in first }
        var slugs: [String: String] = [:]
        func slug(_ name: String) -> String {
            if let known = slugs[name] { return known }
            let slug = (registry.agency(named: name) ?? Agency(name: name, registered: false)).slug
            slugs[name] = slug
            return slug
        }
        func assignments(_ plan: Plan) -> [String: [Assignment]] {
            var result: [String: [Assignment]] = [:]
            for (index, task) in plan.tasks.enumerated() {
                for role in AgencyRole.allCases {
                    for name in task.agencies[role] ?? [] { result[slug(name), default: []].append(Assignment(plan, taskIndex: index, role: role)) }
                }
            }
            return result
        }
        let before = assignments(old), after = assignments(new)
        var changes: [(Int, [Assignment])] = []
        for agency in Set(before.keys).union(after.keys) {
            guard let record = bySlug[agency] else { return nil }
            var list = agencies[record].assignments
            let range = Self.run(of: old.slug, in: list) { $0.plan.slug }
            list.replaceSubrange(range, with: after[agency] ?? [])
            // The record is named by the first name that reaches it: a change of that would change its pages' titles.
            guard let first = list.first, let name = Self.firstName(first, slug: agency, slugOf: slug),
                  (registry.agency(named: name) ?? Agency(name: name, registered: false)) == agencies[record].agency else { return nil }
            changes.append((record, list))
        }
        return changes
    }

    private static func firstName(_ assignment: Assignment, slug: String, slugOf: (String) -> String) -> String? {
        assignment.task.agencies[assignment.role]?.first { slugOf($0) == slug }
    }

    /// Each document record the plan cites, before or after, with its citations; nil when the
    /// records' documents would not stay as they are.
    private func relinkedDocuments(_ old: Plan, _ new: Plan, entries: [DocumentEntry]) -> [(Int, [(plan: Plan, citations: [Citation])])]? {
        let described = Set(entries.map(\.ref.slug))
        // A number's spelling is the first seen: documents.yml's, else that of the first plan to
        // cite it or name it as carried out. Where neither an entry nor an earlier plan settles
        // it, the edited plan's first spelling must be the one the record has.
        var firstSpelling: [String: DocumentRef] = [:]
        for citation in new.citations {
            for ref in [citation.ref] + citation.carriesOut.map({ DocumentRef(number: $0, citingProvince: new.metadata.province) })
            where firstSpelling[ref.slug] == nil { firstSpelling[ref.slug] = ref }
        }
        func record(_ ref: DocumentRef) -> Int? {
            guard let record = documentsBySlug[ref.slug] else { return nil }
            let settled = described.contains(ref.slug) || firstSpelling[ref.slug] == documents[record].document.ref
                || documents[record].citations.contains { $0.plan.slug < old.slug }
            return settled ? record : nil
        }
        var cited: [Int: [Citation]] = [:]
        var order: [Int] = []
        var affected: Set<Int> = []
        for (plan, isNew) in [(new, true), (old, false)] {
            for citation in plan.citations {
                guard let target = record(citation.ref),
                      citation.carriesOut.allSatisfy({ record(DocumentRef(number: $0, citingProvince: plan.metadata.province)) != nil })
                else { return nil }
                affected.insert(target)
                guard isNew else { continue }
                if cited[target] == nil { order.append(target) }
                cited[target, default: []].append(citation)
            }
        }
        var changes: [(Int, [(plan: Plan, citations: [Citation])])] = []
        for target in affected.sorted() {
            var list = documents[target].citations
            let range = Self.run(of: old.slug, in: list) { $0.plan.slug }
            list.replaceSubrange(range, with: cited[target].map { [(plan: new, citations: $0)] } ?? [])
            guard !list.isEmpty, let document = document(of: target, citations: list, entries: entries),
                  document == documents[target].document else { return nil }
            changes.append((target, list))
        }
        return changes
    }

    /// The document `DocumentLinker` makes of this record with these citations; nil when a
    /// document it would carry out has no record yet.
    private func document(of record: Int, citations: [(plan: Plan, citations: [Citation])], entries: [DocumentEntry]) -> Document? {
        let ref = documents[record].document.ref
        let entry = entries.first { $0.ref.slug == ref.slug }
        // Not copied: a resolution every plan carries out has tens of thousands of citations.
        let all = citations.lazy.flatMap(\.citations)
        let full = all.first { $0.date != nil || $0.subject != nil } ?? all.first
        var carriesOut: [DocumentRef] = []
        for (plan, list) in citations {
            for number in list.lazy.flatMap(\.carriesOut) {
                guard let target = documentsBySlug[DocumentRef(number: number, citingProvince: plan.metadata.province).slug]
                    .map({ documents[$0].document.ref }) else { return nil }
                if target != ref, !(ref.province == nil && target.province != nil), !carriesOut.contains(target) { carriesOut.append(target) }
            }
        }
        if let entry {
            let implements = entry.implements.compactMap { documentsBySlug[$0.slug].map { documents[$0].document.ref } }.filter { $0 != ref }
            guard implements.count == entry.implements.filter({ $0.slug != ref.slug }).count else { return nil }
            carriesOut = implements + carriesOut.filter { !implements.contains($0) }
        }
        return Document(ref: ref, typeName: entry?.type ?? full?.typeWord ?? ref.number.typeName,
                        date: entry?.date ?? all.compactMap(\.date).first,
                        issuer: entry?.issuer ?? all.compactMap(\.issuerPhrase).first,
                        title: entry?.title ?? all.compactMap(\.subject).first, implements: carriesOut)
    }

    /// Where a list kept in plan order holds the plan's entries, or would hold them: records
    /// list plans by slug, as the linker meets them.
    static func run<T>(of slug: String, in list: [T], _ planSlug: (T) -> String) -> Range<Int> {
        func partition(_ before: (String) -> Bool) -> Int {
            var (low, high) = (0, list.count)
            while low < high {
                let middle = (low + high) / 2
                if before(planSlug(list[middle])) { low = middle + 1 } else { high = middle }
            }
            return low
        }
        return partition { $0 < slug }..<partition { $0 <= slug }
    }
}
