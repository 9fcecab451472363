/// The whole site after linking: every plan, and the groupings pages are made of.
public struct SiteModel: Sendable {
    public var config: SiteConfig
    /// Sorted by slug, so output never depends on the order files were read in.
    public var plans: [ExtractedPlan]
    public var groups: [PlanGroup]
}

/// Plans that carry out one document, by province: the home page's outline.
public struct PlanGroup: Sendable {
    /// The document they carry out, canonical where it could be read ("27-NQ/TW").
    public var document: String
    /// "Nghị quyết số 27-NQ/TW"
    public var citation: String
    public var provinces: [(province: String, plans: [Plan])]
}

/// Link stage: the only stage that sees every plan at once.
public struct SiteLinker: Sendable {
    public init() {}

    public func link(_ plans: [ExtractedPlan], config: SiteConfig) -> (SiteModel, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var bySlug: [String: ExtractedPlan] = [:]
        for entry in plans.sorted(by: { $0.plan.sourcePath < $1.plan.sourcePath }) {
            if let first = bySlug[entry.plan.slug] {
                diagnostics.append(.error(SourceLocation(file: entry.plan.sourcePath),
                                          "slug '\(entry.plan.slug)' is already used by \(first.plan.sourcePath)",
                                          hint: "give one of them another file name or a 'slug:' line in its front matter"))
                continue
            }
            bySlug[entry.plan.slug] = entry
        }
        let unique = bySlug.values.sorted { $0.plan.slug < $1.plan.slug }
        return (SiteModel(config: config, plans: unique, groups: Self.groups(unique.map(\.plan))), diagnostics)
    }

    /// Groups by the national document a plan carries out (the resolution at the top of its
    /// chain, as officials look for it), then by province, newest first.
    static func groups(_ plans: [Plan]) -> [PlanGroup] {
        var byDocument: [String: (citation: String, plans: [Plan])] = [:]
        for plan in plans {
            let numbers = plan.metadata.implements.compactMap(DocumentNumber.init)
            let primary = numbers.first(where: \.isNational) ?? numbers.first
            let key = primary?.canonical ?? plan.metadata.implements.first ?? ""
            byDocument[key, default: (primary?.citation ?? key, [])].plans.append(plan)
        }
        return byDocument.keys.sorted(by: Collation.less).map { key in
            let entry = byDocument[key]!
            var byProvince: [String: [Plan]] = [:]
            for plan in entry.plans { byProvince[plan.metadata.province ?? "", default: []].append(plan) }
            let provinces = byProvince.keys.sorted(by: Collation.less).map { province in
                (province: province, plans: byProvince[province]!.sorted(by: newestFirst))
            }
            return PlanGroup(document: key, citation: entry.citation, provinces: provinces)
        }
    }

    static func newestFirst(_ a: Plan, _ b: Plan) -> Bool {
        switch (a.metadata.date, b.metadata.date) {
        case let (x?, y?) where x != y: return x > y
        case (_?, nil): return true
        case (nil, _?): return false
        default: return a.slug < b.slug
        }
    }
}

/// Orders Vietnamese names the way a reader expects ("Đắk Lắk" after "Đà Nẵng", before "Gia Lai")
/// without depending on the machine's locale: by folded text, then by the text itself.
public enum Collation {
    public static func less(_ a: String, _ b: String) -> Bool {
        let (fa, fb) = (VietnameseText.fold(a), VietnameseText.fold(b))
        return fa != fb ? fa < fb : a < b
    }
}
