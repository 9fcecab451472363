import Foundation

/// The members of `data/agencies.json` and `data/documents.json` that a session's relinks
/// changed (`SiteModel.Relinked`), written into the committed files in place of what they were,
/// instead of encoding every record again: at national scale those files hold 70,000 records,
/// and encoding them all took half a second of each task edit.
///
/// A member is found by its old bytes between the array's separators; the build keeps no
/// record of where each lies, and the bytes of a record are unique, as its name or number is.
struct RecordPatch {
    private var agencies: [Int: [UInt8]] = [:]
    private var documents: [Int: [UInt8]] = [:]

    /// Notes the records a relink changed, as they were, unless an earlier relink of the same
    /// update noted them first.
    mutating func note(_ relinked: SiteModel.Relinked, export: DataExport) {
        for (index, record) in zip(relinked.agencies, relinked.agenciesBefore) where agencies[index] == nil {
            agencies[index] = export.member(record)
        }
        for (index, record) in zip(relinked.documents, relinked.documentsBefore) where documents[index] == nil {
            documents[index] = export.member(record)
        }
    }

    /// Writes the changed members as they are in `site`, and gives the files that changed; nil,
    /// with no file written, when a file does not hold a member as it was, and the files must
    /// be written whole.
    func write(_ site: SiteModel, into folder: URL) throws -> [String]? {
        let export = DataExport(site: site)
        let files = [
            ("data/agencies.json", agencies.map { (was: $0.value, now: export.member(site.agencies[$0.key])) }),
            ("data/documents.json", documents.map { (was: $0.value, now: export.member(site.documents[$0.key])) }),
        ]
        var patched: [(path: String, data: Data)] = []
        for (path, changes) in files where changes.contains(where: { $0.was != $0.now }) {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path),
                  let replaced = Self.replacing(changes, in: data) else { return nil }
            patched.append((path, replaced))
        }
        return try patched.filter { try OutputPatch.write($0.data, to: folder, $0.path) }.map(\.path)
    }

    /// The JSON array `data` with each member that was `was` made `now`; nil if one is not there.
    static func replacing(_ changes: [(was: [UInt8], now: [UInt8])], in data: Data) -> Data? {
        var places: [(range: Range<Int>, now: [UInt8])] = []
        for change in changes where change.was != change.now {
            guard let offset = data.withUnsafeBytes({ member(change.was, in: $0.bindMemory(to: UInt8.self)) }) else { return nil }
            places.append((offset..<(offset + change.was.count), change.now))
        }
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

    /// Where `bytes` stand as a whole member of the array: after "[" or "," and before "," or "]".
    private static func member(_ bytes: [UInt8], in file: UnsafeBufferPointer<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { pattern in
            var start = 1
            while let offset = ByteSearch.firstOffset(of: pattern, in: file, from: start) {
                let end = offset + pattern.count
                if [UInt8(ascii: "["), UInt8(ascii: ",")].contains(file[offset - 1]),
                   end < file.count, [UInt8(ascii: ","), UInt8(ascii: "]")].contains(file[end]) { return offset }
                start = offset + 1
            }
            return nil
        }
    }
}
