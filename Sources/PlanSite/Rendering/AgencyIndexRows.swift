import Foundation

/// The agency index's rows, each made once and kept until its agency's record changes: a
/// session (`plansite watch`) renders the index after every edit to a plan's tasks, and
/// counting every agency's assignments again took a tenth of a second at national scale. The
/// session forgets the rows of the agencies a relink changed (`forget`); a build starts empty.
final class AgencyIndexRows: @unchecked Sendable {
    private let lock = NSLock()
    private var rows: [Int: [TemplateKey: TemplateValue]] = [:]

    /// The row of the agency at `index` in the site's agencies, made by `make` if not kept.
    func row(_ index: Int, _ make: () -> [TemplateKey: TemplateValue]) -> [TemplateKey: TemplateValue] {
        if let row = lock.withLock({ rows[index] }) { return row }
        let row = make()
        lock.withLock { rows[index] = row }
        return row
    }

    func forget(_ indices: [Int]) {
        lock.withLock { for index in indices { rows[index] = nil } }
    }
}
