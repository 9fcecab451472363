/// A value made the first time a page asks for it. The province pages of one record share one
/// grouping of its plans, and pages that are planned but never rendered (a page a rebuild
/// keeps, the pages an edit in `watch` compares with) never make it. One record's pages are
/// made on one thread (`SiteRenderer.renderAll`), so the box needs no lock.
final class Deferred<Value> {
    private var made: Value?
    private let make: () -> Value

    init(_ make: @escaping () -> Value) { self.make = make }

    var value: Value {
        if let made { return made }
        let value = make()
        made = value
        return value
    }
}
