/// The site's search units (`SearchUnit.all`), and where each plan's lie among them: after the
/// agencies' and documents' units come every plan's own unit, then each plan's tasks' units.
struct SiteUnits {
    var all: [SearchUnit]
    var plans: [PlanUnits]

    struct PlanUnits {
        var slug: String
        /// The plan's source key (`Build.planKeys`), when the build knows it.
        var key: Fingerprint?
        /// The plan's own unit.
        var unit: Int
        var tasks: Range<Int>
    }

    /// The agencies' and documents' units.
    var shared: Range<Int> { 0..<(plans.first?.unit ?? all.count) }
}
