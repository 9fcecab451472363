import Foundation
import Testing
@testable import PlanSite

@Suite("plansite check")
struct CheckTests {
    @Test func checkReportsEverythingAndWritesNothing() throws {
        let folder = try TemporaryFolder()
        try folder.write(planFile(body: """
        Thực hiện Nghị quyết số 27-NQ/TW.

        ## II. NHIỆM VỤ

        1.1. Rà soát.

        - Chủ trì: Sở Không Có

        Xem [nhiệm vụ](#nv-ii-1-1), [mục lạ](#khong-co), [kế hoạch B](/ke-hoach/b/#nv-ii-1-1),
        [kế hoạch lạ](../khong-co-ke-hoach/) và [trang ngoài](https://vbpl.vn/).
        """), to: "Content/a.md")
        try folder.write(planFile(body: "Thực hiện Nghị quyết số 27-NQ/TW.\n\n## II. NHIỆM VỤ\n\n1.1. A.\n\n- Chủ trì: Sở Không Có\n"), to: "Content/b.md")
        try folder.write("---\ntitle: \"x\"\n---\n", to: "Content/c.md")
        let output = folder.url.appendingPathComponent("Public")
        let report = Build(content: folder.url.appendingPathComponent("Content"), templates: Paths.templates, output: output).check()
        #expect(report.diagnostics.map(\.formatted) == [
            "Content/a.md:13:3: warning: unknown agency 'Sở Không Có' (add it to Content/agencies.yml)",
            "Content/a.md:15:1: warning: link to a plan that does not exist: ../khong-co-ke-hoach/",
            "Content/a.md:15:1: warning: link to an anchor that does not exist: #khong-co",
            "Content/b.md:13:3: warning: unknown agency 'Sở Không Có' (add it to Content/agencies.yml)",
            "Content/c.md:2:1: error: front matter is missing 'implements' (add a line implements: [\"27-NQ/TW\"])",
            "Content/c.md:2:1: error: front matter is missing 'issuer' (add a line issuer: \"Ủy ban nhân dân tỉnh Thái Nguyên\")",
        ])
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}
