import Foundation

/// The agencies of `Content/agencies.yml`, and the rules that turn a written list of
/// agencies into canonical names.
public struct AgencyRegistry: Sendable {
    public private(set) var agencies: [Agency]
    private var byKey: [String: Int] = [:]
    /// Each agency's name and aliases as keys, in registry order, for suggestions.
    private var suggestionKeys: [(name: String, key: String)] = []
    /// Plans repeat the same lists ("Các sở, ban, ngành; UBND cấp huyện") thousands of times,
    /// and the same unknown names in them.
    private let memo = Memo<ExactText, Resolution>()
    private let suggestions = Memo<ExactText, String?>()
    /// Items under "Tổ chức thực hiện" open with the same agencies in plan after plan, and
    /// finding them takes up to thirty resolutions.
    private let subjects = Memo<ExactText, [String]>()

    public init(_ agencies: [Agency]) {
        self.agencies = agencies
        for (index, agency) in agencies.enumerated() {
            for name in [agency.name] + agency.aliases + agency.formerly {
                byKey[AgencyListText.key(name)] = byKey[AgencyListText.key(name)] ?? index
            }
            suggestionKeys += ([agency.name] + agency.aliases).map { (agency.name, AgencyListText.key($0)) }
        }
    }

    public func agency(named name: String) -> Agency? {
        byKey[AgencyListText.key(name)].map { agencies[$0] }
    }

    /// The closest registered name to an unknown one, for "did you mean …?".
    public func suggestion(for name: String) -> String? {
        suggestions.value(for: ExactText(name)) { closest(to: name) }
    }

    private func closest(to name: String) -> String? {
        let target = AgencyListText.key(name)
        return Suggestion.closest(to: target, among: suggestionKeys, within: max(3, target.count / 4))
    }

    /// The agencies named by the longest run of words at the start of `sentence` that names
    /// only registered agencies: "Ban Thường vụ Tỉnh ủy tập trung lãnh đạo …". The first 1 to 30
    /// words are tried longest first, each a prefix of the words joined once.
    func subjectAgencies(_ sentence: String) -> [String] {
        subjects.value(for: ExactText(sentence)) {
            var joined = ""
            var ends: [Int] = []
            for word in sentence.split(atASCII: " ", limit: 30) {
                if !joined.isEmpty { joined += " " }
                joined += word
                ends.append(joined.utf8.count)
            }
            for end in ends.reversed() {
                let resolved = resolve(String(joined[..<joined.utf8.index(joined.startIndex, offsetBy: end)]))
                if resolved.unknown.isEmpty, !resolved.names.isEmpty { return resolved.names }
            }
            return []
        }
    }

    public struct Resolution: Equatable, Sendable {
        public var names: [String] = []
        public var unknown: [String] = []
    }

    /// Splits a written list of agencies against the registry: semicolons separate groups;
    /// commas and "và" separate names unless the registry knows a name that spans them.
    public func resolve(_ list: String) -> Resolution {
        memo.value(for: ExactText(list)) { split(list) }
    }

    private func split(_ list: String) -> Resolution {
        var resolution = Resolution()
        let text = AgencyListText.withoutNoise(AgencyListText.withoutParentheses(list))
        for group in text.split(atASCII: ";") {
            var body = String(group)
            var prefix = ""
            if let colon = body.firstIndex(ofAnyASCII: ":") {
                let head = AgencyListText.key(String(body[..<colon]))
                if head.hasSuffix("dang uy") { prefix = "Đảng ủy " }
                else if head.hasSuffix("dang doan") { prefix = "Đảng đoàn " }
                else if head.hasSuffix("ban can su dang") { prefix = "Ban cán sự đảng " }
                if !prefix.isEmpty {
                    // "Đảng ủy Ủy ban nhân dân tỉnh và các đảng ủy: A, B": the names before "các" stand alone.
                    let before = String(body[..<colon])
                    if let cac = before.range(of: "các ", options: [.caseInsensitive, .backwards]) {
                        var leading = String(before[..<cac.lowerBound]).trimming()
                        if leading.hasSuffix(" và") { leading = String(leading.dropLast(3)) }
                        if leading.hasSuffix(",") { leading.removeLast() }
                        if !leading.isEmpty {
                            let earlier = resolve(leading)
                            resolution.names += earlier.names.filter { !resolution.names.contains($0) }
                            resolution.unknown += earlier.unknown.filter { !resolution.unknown.contains($0) }
                        }
                    }
                    body = String(body[body.index(after: colon)...])
                }
            }
            let pieces = AgencyListText.pieces(body)
            // Pieces and separators meet at spaces and commas, so a run of pieces has the key of
            // their keys joined ("và" is a word of its own): each piece is keyed once, not once a run.
            let keys = pieces.map { (separator: AgencyListText.key($0.separator), text: AgencyListText.key($0.text)) }
            let prefixKey = AgencyListText.key(prefix)
            func key(_ run: ClosedRange<Int>) -> String {
                ([prefixKey, keys[run.lowerBound].text] + keys[run].dropFirst().flatMap { [$0.separator, $0.text] })
                    .filter { !$0.isEmpty }.joined(separator: " ")
            }
            var i = 0
            while i < pieces.count {
                var matched: (Int, Agency)?
                var j = pieces.count - 1
                while j >= i {
                    if let index = byKey[key(i...j)] { matched = (j, agencies[index]); break }
                    j -= 1
                }
                if let (end, agency) = matched {
                    if !resolution.names.contains(agency.name) { resolution.names.append(agency.name) }
                    i = end + 1
                } else {
                    let name = prefix + pieces[i].text
                    if !resolution.unknown.contains(name) { resolution.unknown.append(name) }
                    i += 1
                }
            }
        }
        return resolution
    }
}
