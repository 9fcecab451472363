import Foundation

/// Reads the content and template folders from disk into `SiteSources`. The only stage that
/// reads files; every problem becomes a diagnostic naming the file.
public struct SiteLoader {
    public var contentDirectory: URL
    public var templatesDirectory: URL
    public var jobs: Int

    public init(contentDirectory: URL, templatesDirectory: URL, jobs: Int = Workers.default) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.jobs = max(1, jobs)
    }

    public func load(baseURL: String?) -> (SiteSources?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let contentName = contentDirectory.lastPathComponent
        let templatesName = templatesDirectory.lastPathComponent
        guard isDirectory(contentDirectory) else {
            return (nil, [.error(SourceLocation(file: contentName), "content folder not found at \(contentDirectory.path)",
                                 hint: "run plansite from the site's folder or pass --content")])
        }
        guard isDirectory(templatesDirectory) else {
            return (nil, [.error(SourceLocation(file: templatesName), "templates folder not found at \(templatesDirectory.path)",
                                 hint: "run plansite from the site's folder or pass --templates")])
        }

        var registries: [String: SourceFile] = [:]
        let contentFiles = DirectoryWalk.files(under: contentDirectory, diagnostics: &diagnostics, label: contentName)
        // Plans are read eight at a time (with one job, one at a time), and the problems come back
        // in file order. Their text is checked when they are parsed (`SourceFile`).
        let read = contentFiles.filter { $0.hasSuffix(".md") }.parallelMap(readers: jobs > 1 ? Self.readers : 1) { relative in
            var problems: [Diagnostic] = []
            let label = "\(contentName)/\(relative)"
            let data = TextFile.readData(contentDirectory.appendingPathComponent(relative), label: label, diagnostics: &problems)
            return (data.map { SourceFile(path: label, unchecked: $0) }, problems)
        }
        var plans = read.compactMap(\.0)
        diagnostics += read.flatMap(\.1)
        for relative in contentFiles where !relative.hasSuffix(".md") {
            let url = contentDirectory.appendingPathComponent(relative)
            let label = "\(contentName)/\(relative)"
            if relative.hasSuffix(".yml") || relative.hasSuffix(".yaml"), !relative.contains("/") {
                if let text = TextFile.read(url, label: label, diagnostics: &diagnostics) {
                    registries[relative] = SourceFile(path: label, text: text)
                }
            }
        }

        var config = SiteConfig()
        if let settings = registries.removeValue(forKey: SiteConfig.fileName) {
            switch SiteConfig.decode(settings.text, file: settings.path) {
            case .success(let decoded): config = decoded
            case .failure(let problems): diagnostics += problems
            }
        }
        if let baseURL { config.baseURL = SiteConfig.normalizedBaseURL(baseURL) }

        var templates: [String: SourceFile] = [:]
        var assets: [String: Data] = [:]
        for relative in DirectoryWalk.files(under: templatesDirectory, diagnostics: &diagnostics, label: templatesName) {
            let url = templatesDirectory.appendingPathComponent(relative)
            let label = "\(templatesName)/\(relative)"
            if relative.hasPrefix("assets/") {
                if let data = TextFile.readData(url, label: label, diagnostics: &diagnostics) {
                    assets[String(relative.dropFirst("assets/".count))] = data
                }
            } else if relative.hasSuffix(".mustache") {
                if let text = TextFile.read(url, label: label, diagnostics: &diagnostics) {
                    let name = String(relative.dropLast(".mustache".count))
                    templates[name] = SourceFile(path: label, text: text)
                }
            }
        }
        plans.sort { $0.path < $1.path }
        return (SiteSources(config: config, plans: plans, registries: registries, templates: templates, assets: assets), diagnostics)
    }

    /// Reads in flight at once: on this project's machine, a cold folder of 10,000 plans took
    /// 0.96 s to read two at a time and 0.53 s eight at a time (docs/performance-history.md, session 24).
    static let readers = 8

    private func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

/// Reads a file as UTF-8 text the way every stage expects it: no byte-order mark,
/// "\n" line ends, composed (NFC) Vietnamese.
enum TextFile {
    static func readData(_ url: URL, label: String, diagnostics: inout [Diagnostic]) -> Data? {
        do {
            return try Data(contentsOf: url)
        } catch {
            diagnostics.append(.error(SourceLocation(file: label), "file could not be read",
                                      hint: "check that it exists and that its permissions allow reading"))
            return nil
        }
    }

    static func read(_ url: URL, label: String, diagnostics: inout [Diagnostic]) -> String? {
        guard let data = readData(url, label: label, diagnostics: &diagnostics) else { return nil }
        switch decode(data) {
        case .success(let text): return text
        case .failure(let location):
            diagnostics.append(problem(location, in: label))
            return nil
        }
    }

    static func problem(_ location: InvalidByte, in label: String) -> Diagnostic {
        .error(SourceLocation(file: label, line: location.line, column: location.column), "file is not UTF-8 text",
               hint: "save it as UTF-8 (in most editors: Save As, Encoding: UTF-8)")
    }

    struct InvalidByte: Error { var line: Int; var column: Int }

    static func decode(_ data: Data) -> Result<String, InvalidByte> {
        // Read where they lie: a national site's plans are hundreds of megabytes.
        data.withUnsafeBytes { raw in
            var bytes = raw.bindMemory(to: UInt8.self)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = UnsafeBufferPointer(rebasing: bytes[3...]) }
            guard var text = String(validating: bytes, as: UTF8.self) else {
                return .failure(firstInvalidByte(Array(bytes)))
            }
            // Most files have neither "\r" nor anything to compose: line ends are mended in the
            // bytes (a CR is never part of a longer UTF-8 sequence), far cheaper than Foundation's
            // search, which goes through UTF-16.
            if ByteSearch.firstOffset(of: UInt8(ascii: "\r"), in: bytes, from: 0) != nil {
                text = String(decoding: unixLineEnds(Array(bytes)), as: UTF8.self)
            }
            return .success(VietnameseText.composed(text))
        }
    }

    /// "\r\n" and a lone "\r" become "\n".
    private static func unixLineEnds(_ bytes: [UInt8]) -> [UInt8] {
        var mended: [UInt8] = []
        mended.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            guard byte == UInt8(ascii: "\r") else { mended.append(byte); continue }
            mended.append(UInt8(ascii: "\n"))
            if index < bytes.count, bytes[index] == UInt8(ascii: "\n") { index += 1 }
        }
        return mended
    }

    /// Where decoding fails, as a line and column a writer can find in an editor.
    private static func firstInvalidByte(_ bytes: [UInt8]) -> InvalidByte {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0x6 ? 2 : byte >> 4 == 0xE ? 3 : byte >> 3 == 0x1E ? 4 : 0
            let slice = length == 0 || index + length > bytes.count ? nil : Array(bytes[index..<(index + length)])
            guard let slice, String(validating: slice, as: UTF8.self) != nil else {
                let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
                return InvalidByte(line: line, column: column)
            }
            if byte == 10 {
                line += 1
                lineStart = index + 1
            }
            index += length
        }
        return InvalidByte(line: line, column: 1)
    }
}
