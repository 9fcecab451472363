/// What a build holds once it has linked the site: all that a session that stays running
/// (`SiteSession`) needs to parse an edited plan and render its page again without building.
public struct LinkedSite {
    var site: SiteModel
    var templates: TemplateSet
    var parser: PlanParser
    var extractor: PlanExtractor
}
