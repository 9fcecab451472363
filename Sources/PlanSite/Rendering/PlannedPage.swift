/// A page whose file is known before its template context is built: a rebuild that finds the
/// page's inputs unchanged keeps the file and never builds the context.
struct PlannedPage {
    var file: String
    var context: () -> [String: TemplateValue]
}
