/// What one page of a document lists. A split document's province pages get theirs from one
/// pass over its plans, not each from a pass of its own: a resolution that every plan carries
/// out has sixty-odd province pages over ten thousand plans.
struct DocumentListing {
    /// The "carried out by" rows the page shows, in the tree's order.
    var chain: [ChainRow]
    var citations: [(plan: Plan, citations: [Citation])] = []
    var implementedBy: [Plan] = []

    /// Each province page's listing: its province's plans and local documents, and the national
    /// documents, which concern every province (`PageScope.shows`).
    static func byProvince(_ record: DocumentRecord, chain: [ChainRow], provinces: [String]) -> [String: DocumentListing] {
        // Keyed by bytes while filling: a String hashes its NFC form, once for each of ten thousand plans.
        var listings = Dictionary(uniqueKeysWithValues: provinces.map { (ExactText($0), DocumentListing(chain: [])) })
        for row in chain {
            guard let key = row.provinceKey else {
                for province in provinces { listings[ExactText(province)]!.chain.append(row) }
                continue
            }
            listings[ExactText(key)]?.chain.append(row)
        }
        for entry in record.citations { listings[ExactText(ProvinceSplit.key(entry.plan))]?.citations.append(entry) }
        for plan in record.implementedByPlans { listings[ExactText(ProvinceSplit.key(plan))]?.implementedBy.append(plan) }
        return Dictionary(uniqueKeysWithValues: listings.map { ($0.key.text, $0.value) })
    }
}
