//! A generation built for the tests of this crate: two publications.

use sifa_analysis::ChineseAnalysis;
use sifa_model::{Publication, SourceRef};

use crate::{GenerationBuilder, IndexLocation, WriterSettings, to_document};

fn publication(id: &str, title: &str, body: &str) -> Publication {
    Publication::new(id, title, body, SourceRef { path: format!("{id}.txt"), line: None })
}

/// A temporary index directory with one committed generation of two
/// documents: the directory (removed on drop), its location, the name.
pub fn built_generation() -> (tempfile::TempDir, IndexLocation, String) {
    static ANALYSIS: std::sync::OnceLock<ChineseAnalysis> = std::sync::OnceLock::new();
    let analysis = ANALYSIS.get_or_init(ChineseAnalysis::default_dictionary);
    let dir = tempfile::tempdir().expect("a temporary directory");
    let location = IndexLocation::new(dir.path().join("index"));
    let mut builder = GenerationBuilder::start(&location, analysis, WriterSettings::bulk(1)).expect("a builder");
    for (id, title) in [("one", "人民调解工作会议"), ("two", "法律援助进社区")] {
        let (document, _) = to_document(builder.schema(), &publication(id, title, "正文内容。"));
        builder.add(document).expect("the document is added");
    }
    let name = builder.commit("test").expect("the generation commits").generation;
    (dir, location, name)
}
