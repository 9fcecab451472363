/// One line of a document's "carried out by" tree. The tree is walked once into these and then
/// filtered for each page of a split document, instead of walked again per province.
enum ChainRow {
    case document(DocumentRef, depth: Int)
    case plan(Plan, depth: Int)

    /// The province whose page the line belongs on; nil for a national document, which is on every page.
    var provinceKey: String? {
        switch self {
        case .document(let ref, _): return ref.province
        case .plan(let plan, _): return ProvinceSplit.key(plan)
        }
    }

    func shown(in scope: PageScope) -> Bool {
        switch self {
        case .document(let ref, _): return scope.shows(ref)
        case .plan(let plan, _): return scope.shows(plan)
        }
    }
}
