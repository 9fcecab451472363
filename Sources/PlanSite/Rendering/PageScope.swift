/// Which plans, tasks and documents a document's or an agency's page lists: all of them, or,
/// when the page is split by province (see `ProvinceSplit`), the summary's share or one province's.
enum PageScope: Equatable {
    /// A page that is not split: everything, as one page.
    case whole
    /// The summary page of a split page: what concerns every province, no plans or tasks.
    case summary
    /// One province's page: its plans and tasks; the key is "" for plans that name no province.
    case province(String)

    func shows(_ plan: Plan) -> Bool {
        switch self {
        case .whole: return true
        case .summary: return false
        case .province(let key): return ProvinceSplit.key(plan) == key
        }
    }

    /// National documents concern every province, so every page shows them; a local document
    /// goes with the plans of its province.
    func shows(_ ref: DocumentRef) -> Bool {
        guard let province = ref.province else { return true }
        switch self {
        case .whole: return true
        case .summary: return false
        case .province(let key): return province == key
        }
    }

    /// The province a province page is about, as the page prints it.
    var provinceName: String? {
        guard case .province(let key) = self else { return nil }
        return ProvinceSplit.name(key)
    }
}
