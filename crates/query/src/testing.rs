//! A small index built by the tests of this crate: eight publications
//! written for the purpose, covering the levels, kinds, topics and dates
//! the query side distinguishes (and one traditional-script repost).

use sifa_analysis::ChineseAnalysis;
use sifa_model::{AgencyLevel, FieldEvidence, Kind, PubDate, Publication, SourceRef, TopicScore};
use sifa_store::{GenerationBuilder, IndexLocation, Links, WriterSettings, to_document};

use crate::{SearchEngine, SearchParams, SearchRequest};

/// How many publications the fixture holds.
pub const DOCUMENTS: usize = 8;

/// The analysis with the shipped dictionary, loaded once per test binary.
pub fn analysis() -> ChineseAnalysis {
    static ANALYSIS: std::sync::OnceLock<ChineseAnalysis> = std::sync::OnceLock::new();
    ANALYSIS.get_or_init(ChineseAnalysis::default_dictionary).clone()
}

/// A publication with a kind and a date (and nothing else set).
pub fn dated(id: &str, title: &str, body: &str, kind: Kind, date: Option<&str>) -> Publication {
    with(publication(id, title, body), None, date, kind, &[])
}

/// A bare publication: an id, a title and a body.
pub fn publication(id: &str, title: &str, body: &str) -> Publication {
    let mut p = Publication::new(id, title, body, SourceRef { path: format!("{id}.txt"), line: None });
    p.evidence.insert("title".into(), FieldEvidence { rule: "given".into(), text: title.into() });
    p
}

fn with(
    mut p: Publication,
    agency: Option<(&str, &[&str], AgencyLevel)>,
    date: Option<&str>,
    kind: Kind,
    topics: &[&str],
) -> Publication {
    if let Some((name, path, level)) = agency {
        p.agency = Some(name.into());
        p.agency_path = path.iter().map(|s| s.to_string()).collect();
        p.agency_level = Some(level);
    }
    p.date = date.map(|d| d.parse::<PubDate>().expect("fixture dates are valid"));
    p.kind = kind;
    p.topics = topics.iter().map(|t| TopicScore { name: t.to_string(), score: 1.0, evidence: Vec::new() }).collect();
    p
}

/// The eight publications.
pub fn publications() -> Vec<Publication> {
    use AgencyLevel::*;
    vec![
        with(
            publication(
                "law-aid",
                "中华人民共和国法律援助法",
                "为了规范和促进法律援助工作，保障公民和有关当事人的合法权益，制定本法。法律援助是国家建立的为经济困难公民提供无偿法律服务的制度。",
            ),
            Some(("全国人民代表大会常务委员会", &[], National)),
            Some("2021-08-20"),
            Kind::Law,
            &["法律援助"],
        ),
        with(
            publication(
                "aid-news",
                "聊城市东昌府区司法局开展法律援助进社区活动",
                "近日，区司法局按照聊司发〔2023〕1号文件要求，组织律师走进社区，为居民讲解法律援助申请条件。",
            ),
            Some(("聊城市东昌府区司法局", &["山东省", "聊城市", "东昌府区"], County)),
            Some("2024-03-15"),
            Kind::News,
            &["法律援助"],
        ),
        with(
            publication(
                "mediation",
                "青岛市司法局推进人民调解工作",
                "青岛市各级人民调解委员会今年化解矛盾纠纷一千余件，调解成功率保持高位。",
            ),
            Some(("青岛市司法局", &["山东省", "青岛市"], City)),
            Some("2024-03-02"),
            Kind::News,
            &["人民调解"],
        ),
        with(
            publication(
                "mediation-trad",
                "青島市司法局推進人民調解工作",
                "青島市各級人民調解委員會今年化解矛盾糾紛一千餘件，調解成功率保持高位。",
            ),
            None,
            None,
            Kind::News,
            &["人民调解"],
        ),
        with(
            publication("plan", "聊城市司法局2023年工作计划", "围绕公共法律服务体系建设，推进公共法律服务中心规范化。"),
            Some(("聊城市司法局", &["山东省", "聊城市"], City)),
            Some("2023-01-10"),
            Kind::WorkPlan,
            &["公共法律服务"],
        ),
        with(
            publication(
                "moj",
                "司法部关于加强人民调解员队伍建设的意见",
                "各省、自治区、直辖市司法厅（局）：为加强人民调解员队伍建设，现提出如下意见。",
            ),
            Some(("司法部", &[], National)),
            Some("2024-06-01"),
            Kind::Notice,
            &["人民调解"],
        ),
        with(
            publication(
                "aid-rule",
                "山东省法律援助条例",
                "为了规范法律援助工作，根据《中华人民共和国法律援助法》，结合本省实际，制定本条例。",
            ),
            None,
            None,
            Kind::LocalRegulation,
            &["法律援助"],
        ),
        with(
            publication("undated-note", "关于公共法律服务平台的说明", "公共法律服务平台提供咨询、查询和预约服务。"),
            None,
            None,
            Kind::Other,
            &["公共法律服务"],
        ),
    ]
}

/// The document number of the fixture's work plan.
pub const PLAN_DOC_NO: &str = "聊司发〔2023〕1号";

/// An index of [`publications`] in a temporary directory.
pub struct Fixture {
    dir: tempfile::TempDir,
    engine: SearchEngine,
}

impl Fixture {
    /// The index of [`publications`].
    pub fn new() -> Self {
        let publications = publications()
            .into_iter()
            .map(|mut p| {
                if p.id == "plan" {
                    p.doc_no = Some(PLAN_DOC_NO.to_string());
                }
                p
            })
            .collect::<Vec<_>>();
        Self::of(&publications, &Links::default())
    }

    /// An index of `publications` with the links table `links`.
    pub fn of(publications: &[Publication], links: &Links) -> Self {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let location = IndexLocation::new(dir.path());
        let mut builder =
            GenerationBuilder::start(&location, &analysis(), WriterSettings::bulk(1)).expect("a new generation");
        for p in publications {
            let (document, _) = to_document(builder.schema(), p);
            builder.add(document).expect("the document is added");
        }
        builder.attach(sifa_store::links::LINKS_FILE, serde_json::to_vec(links).expect("links serialise"));
        builder.commit("fixture").expect("the generation is committed");
        let engine = SearchEngine::open(location).expect("the fixture opens");
        Self { dir, engine }
    }

    pub fn engine(&self) -> &SearchEngine {
        &self.engine
    }

    pub fn location(&self) -> IndexLocation {
        IndexLocation::new(self.dir.path())
    }
}

/// A search request for `q` with string parameters, validated as the API does.
pub fn request(q: &str, params: &[(&str, &str)]) -> SearchRequest {
    let mut p = SearchParams { q: Some(q.to_string()), ..SearchParams::default() };
    for (name, value) in params {
        let given = Some(value.to_string());
        match *name {
            "agency" => p.agency.push(value.to_string()),
            "topic" => p.topic.push(value.to_string()),
            "kind" => p.kind.push(value.to_string()),
            "from" => p.from = given,
            "to" => p.to = given,
            "sort" => p.sort = given,
            "cites" => p.cites = given,
            "version" => p.version = given,
            "collapse" => p.collapse = given,
            "page" => p.page = given,
            "per_page" => p.per_page = given,
            "facets" => p.facets = given,
            "expand" => p.expand = given,
            "exact" => p.exact = given,
            other => panic!("unknown parameter {other}"),
        }
    }
    SearchRequest::from_params(p).expect("the test request is valid")
}
