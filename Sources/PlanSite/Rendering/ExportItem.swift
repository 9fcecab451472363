/// One plan's part of a data export file: where it lies in the file and a fingerprint of what
/// it was made from. A rebuild copies the parts of unchanged plans from the previous file
/// instead of encoding them again.
public struct ExportItem: Sendable {
    var name: String
    var key: Fingerprint
    var offset: Int
    var length: Int
}
