//! What a source states about a document before the text is read.

/// Metadata a source states outright (JSON Lines fields, a web archive's
/// record). A given field is kept; a missing one is extracted from the text.
#[derive(Debug, Default, Clone)]
pub struct Given {
    pub id: Option<String>,
    pub title: Option<String>,
    pub agency: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub kind: Option<String>,
    /// The day a crawler fetched the page (`YYYY-MM-DD`): not a publication
    /// date, but one the publication cannot be later than.
    pub fetched: Option<String>,
    /// The day the server said the page last changed (`YYYY-MM-DD`,
    /// HTTP `Last-Modified`): weak evidence, often the day a site was rebuilt.
    pub last_modified: Option<String>,
}
