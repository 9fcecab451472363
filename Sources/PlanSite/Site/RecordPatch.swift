import Foundation

/// The members of `data/agencies.json` and `data/documents.json` that a session's relinks
/// changed (`SiteModel.Relinked`), written into the committed files in place of what they were,
/// instead of encoding every record again: at national scale those files hold 70,000 records.
///
/// A member is found by how it starts, its record's identity (`DataExport.memberHead`), and
/// ends where the next member starts: the build keeps no record of where each lies. Strings
/// in the files escape their quotes, so neither can be mistaken for text inside a member.
struct RecordPatch {
    private var agencies: Set<Int> = []
    private var documents: Set<Int> = []

    /// Notes the records a relink changed.
    mutating func note(_ relinked: SiteModel.Relinked) {
        agencies.formUnion(relinked.agencies)
        documents.formUnion(relinked.documents)
    }

    /// Writes the changed members as they are in `site`, and gives the files that changed; nil,
    /// with no file written, when a file does not hold one of the members, and the files must
    /// be written whole.
    func write(_ site: SiteModel, into folder: URL, jobs: Int) throws -> [String]? {
        let export = DataExport(site: site)
        typealias Member = (head: [UInt8], now: [UInt8])
        let agencyMembers = agencies.map { index in { Member(export.memberHead(site.agencies[index]), export.member(site.agencies[index])) } }
        let documentMembers = documents.map { index in { Member(export.memberHead(site.documents[index]), export.member(site.documents[index])) } }
        // On every core: an agency every plan names is a member of a megabyte, made again whole.
        let members = (agencyMembers + documentMembers).parallelMap(jobs: jobs) { $0() }
        let files = [("data/agencies.json", Array(members[..<agencyMembers.count])), ("data/documents.json", Array(members[agencyMembers.count...]))]
        var patched: [(path: String, data: Data)] = []
        for (path, changes) in files where !changes.isEmpty {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path),
                  let replaced = Self.replacing(changes, in: data) else { return nil }
            // A task's text edited leaves its agencies' members as they were.
            if replaced != data { patched.append((path, replaced)) }
        }
        for (path, data) in patched { try PlainFile.replace(folder.appendingPathComponent(path).path, with: data) }
        return patched.map(\.path)
    }

    /// The JSON array `data` with the member that starts with each `head` made `now`; nil if one is not there.
    static func replacing(_ changes: [(head: [UInt8], now: [UInt8])], in data: Data) -> Data? {
        var places: [(range: Range<Int>, now: [UInt8])] = []
        for change in changes {
            // Compared as memory: an agency every plan names has a member of a megabyte.
            guard let (range, same) = data.withUnsafeBytes({ bytes -> (Range<Int>, Bool)? in
                guard let range = member(change.head, in: bytes.bindMemory(to: UInt8.self)) else { return nil }
                let member = UnsafeBufferPointer(rebasing: bytes.bindMemory(to: UInt8.self)[range])
                return (range, change.now.withUnsafeBufferPointer { ByteSearch.equal(member, $0) })
            }) else { return nil }
            if !same { places.append((range, change.now)) }
        }
        guard !places.isEmpty else { return data }
        places.sort { $0.range.lowerBound < $1.range.lowerBound }
        guard zip(places, places.dropFirst()).allSatisfy({ $0.range.upperBound <= $1.range.lowerBound }) else { return nil }
        var result = Data(capacity: data.count + places.reduce(0) { $0 + $1.now.count - $1.range.count })
        var copied = 0
        for place in places {
            result.append(data[copied..<place.range.lowerBound])
            result.append(contentsOf: place.now)
            copied = place.range.upperBound
        }
        result.append(data[copied...])
        return result
    }

    /// The member that starts with `head` after "[" or ",", up to the "," before the next
    /// member, which starts with the same key, or the "]" that closes the array.
    private static func member(_ head: [UInt8], in file: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        guard let colon = head.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let next = [UInt8(ascii: "}"), UInt8(ascii: ",")] + head[...colon]
        return head.withUnsafeBufferPointer { head in
            var start = 1
            while let offset = ByteSearch.firstOffset(of: head, in: file, from: start) {
                guard [UInt8(ascii: "["), UInt8(ascii: ",")].contains(file[offset - 1]) else { start = offset + 1; continue }
                if let end = next.withUnsafeBufferPointer({ ByteSearch.firstOffset(of: $0, in: file, from: offset + head.count) }) {
                    return offset..<(end + 1)
                }
                // The last member: its "}" is the last before the closing "]".
                guard let close = file.lastIndex(of: UInt8(ascii: "]")), close > offset, file[close - 1] == UInt8(ascii: "}") else { return nil }
                return offset..<close
            }
            return nil
        }
    }
}
