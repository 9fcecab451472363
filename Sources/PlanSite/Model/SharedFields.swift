/// A value type's stored fields kept in one heap box that its copies share, and copied the
/// first time a shared copy is changed: a copy of the value is one reference, and it keeps its
/// value semantics. `Plan`, `PlanTask` and `Citation` keep theirs so: every page, record and
/// assignment that lists one holds a copy of it.
struct SharedFields<Fields>: @unchecked Sendable where Fields: Sendable {
    private final class Box {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    init(_ fields: Fields) { box = Box(fields) }

    /// Read where they lie (`_read`), not copied out: `plan.metadata.province` for each of an
    /// agency's tens of thousands of assignments would otherwise copy every string of the front matter.
    var fields: Fields {
        _read { yield box.fields }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            yield &box.fields
        }
    }

    /// Whether the two are copies of one value, not merely equal.
    func isShared(with other: SharedFields) -> Bool { box === other.box }
}
