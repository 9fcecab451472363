import Foundation

/// Writes `search/`: a small manifest, posting shards fetched only for the tokens a query
/// needs, and display chunks fetched only for the results shown. docs/SEARCH.md describes
/// the format; `Templates/assets/search-core.js` reads it.
struct SearchIndexBuilder {
    /// `SearchUnit.all` of the site: the builder does not hold the site itself, so a build
    /// can let go of it while the much larger posting table is made.
    var site: SiteUnits
    var jobs = Workers.default
    /// Display chunks whose units are unchanged since this output was built are kept.
    var previous = PreviousOutput.none
    /// Groups of plans tokenized by earlier builds.
    var tokens = KeyedFiles.none
    /// Called once the units are tokenized, before the posting table is made: a build waits
    /// there for the site model it let go of, so that the table never stands beside it.
    var tokenized: () -> Void = {}

    /// Hands files to `emit` a batch at a time, so the index is never all in memory at once,
    /// and returns the index they were made from.
    @discardableResult
    func write(_ emit: (OutputFile) throws -> Void) rethrows -> SearchIndex {
        let index = SearchIndex(site: site, jobs: jobs, tokens: tokens, tokenized: tokenized)
        for file in index.head { try emit(file) }
        let impacts = index.impacts
        try inBatches(Array(0..<index.shardCount), emit) { index.shardFiles($0, impacts) }
        let chunks = SearchIndex.chunks(of: site.entities[...])
        try inBatches(Array(chunks.indices), emit) { position -> [OutputFile] in
            let chunk = site.all[chunks[position]]
            return [file(SearchIndex.chunkPath(number: site.numbers[chunks[position].lowerBound]), of: chunk) { index.chunkData(chunk) }]
        }
        let plans = site.entities.map(\.units.lowerBound).filter { site.all[$0].kind == .plan }
        try inBatches(Array(plans.indices), emit) { position -> [OutputFile] in
            let plan = site.all[plans[position]...plans[position]]
            return [file(SearchIndex.planPath(number: site.numbers[plans[position]]), of: plan) { index.planData(plan.first!) }]
        }
        return index
    }

    /// A file of display records, kept when its units are those the previous output's was made from.
    private func file(_ path: String, of units: ArraySlice<SearchUnit>, _ bytes: () -> [UInt8]) -> OutputFile {
        guard previous.folder != nil else { return OutputFile(path: path, bytes: bytes()) }
        var inputs = Fingerprint.of(["records"])
        for unit in units { inputs.add(unit.inputs) }
        if previous.isCurrent(path, inputs) { return .reusing(path, inputs) }
        return OutputFile(path: path, bytes: bytes(), fingerprint: inputs)
    }

    /// Makes files on every core, 512 items at a time, and hands them over in order.
    private func inBatches(_ items: [Int], _ emit: (OutputFile) throws -> Void, _ make: (Int) -> [OutputFile]) rethrows {
        try items.forEachTransformed(jobs: jobs, batch: 512, make) { files in
            for file in files { try emit(file) }
        }
    }
}
