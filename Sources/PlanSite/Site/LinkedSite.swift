/// What a build holds once it has linked the site: all that a session that stays running
/// (`SiteSession`) needs to parse an edited plan and render its page again without building.
public struct LinkedSite {
    var site: SiteModel
    var templates: TemplateSet
    var parser: PlanParser
    var extractor: PlanExtractor
    var registries: Registries
    /// Each plan's key by source path, and where the plans' bodies wait.
    var planKeys: [String: Fingerprint]
    var bodies: BodyStore

    /// The site's plans by key, with the store holding their bodies: what the session's next build
    /// takes instead of reading them back from the cache.
    var held: HeldPlans {
        HeldPlans(plans: Dictionary(site.plans.compactMap { entry in planKeys[entry.plan.sourcePath].map { ($0, entry) } }) { first, _ in first },
                  bodies: bodies)
    }
}

/// Plans a session holds from its last build, by key, without their bodies, which are in `bodies`.
struct HeldPlans {
    var plans: [Fingerprint: ExtractedPlan]
    var bodies: BodyStore
}
