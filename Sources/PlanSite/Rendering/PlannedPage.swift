/// A page whose file is known before its template context is built: a rebuild that finds the
/// page's inputs unchanged keeps the file and never builds the context.
struct PlannedPage {
    var file: String
    /// Which part of its record the page shows: a province page is judged by its province's plans only.
    var scope = PageScope.whole
    var context: () -> [TemplateKey: TemplateValue]

    init(file: String, scope: PageScope = .whole, context: @escaping () -> [TemplateKey: TemplateValue]) {
        self.file = file
        self.scope = scope
        self.context = context
    }
}
