//! Authority in ranking: a small prior by kind and level of the issuer.
//!
//! For a subject query the national law or State Council regulation on the
//! subject belongs above local news that mention the words. Relevance (BM25
//! on titles, weighted [`crate::build::TITLE_BOOST`] times the body, plus an
//! exact-title bonus) is multiplied by the prior of the document's kind and
//! level. The prior is deliberately small: it orders documents of similar
//! relevance, it does not lift a passing mention above a document about
//! the subject.
//!
//! | kind | prior |
//! |---|---|
//! | law | 1.6 |
//! | regulation (State Council), judicial interpretation | 1.45 |
//! | departmental rule, rule | 1.3 |
//! | local regulation | 1.2 |
//! | notice, work plan, report | 1.1 |
//! | news, case, other | 1.0 |
//!
//! Level: national ×1.1, provincial ×1.05, others ×1.0.

use sifa_model::{AgencyLevel, Kind};

/// The prior of a kind.
pub fn kind_prior(kind: Kind) -> f32 {
    match kind {
        Kind::Law => 1.6,
        Kind::Regulation | Kind::JudicialInterpretation => 1.45,
        Kind::DepartmentalRule | Kind::Rule => 1.3,
        Kind::LocalRegulation => 1.2,
        Kind::Notice | Kind::WorkPlan | Kind::Report => 1.1,
        Kind::News | Kind::Case | Kind::Other => 1.0,
    }
}

/// The prior of an issuer's level.
pub fn level_prior(level: Option<AgencyLevel>) -> f32 {
    match level {
        Some(AgencyLevel::National) => 1.1,
        Some(AgencyLevel::Provincial) => 1.05,
        _ => 1.0,
    }
}

/// The prior of a document, from its fast-field ranks.
pub fn prior(kind_rank: Option<u64>, level_rank: Option<u64>) -> f32 {
    let kind = kind_rank.map_or(Kind::Other, sifa_store::document::kind_of_rank);
    let level = level_rank.and_then(sifa_store::document::level_of_rank);
    kind_prior(kind) * level_prior(level)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn laws_outrank_regulations_outrank_rules_outrank_news() {
        let order = [Kind::Law, Kind::Regulation, Kind::Rule, Kind::LocalRegulation, Kind::Notice, Kind::News];
        for pair in order.windows(2) {
            assert!(kind_prior(pair[0]) > kind_prior(pair[1]), "{:?} over {:?}", pair[0], pair[1]);
        }
        assert!(level_prior(Some(AgencyLevel::National)) > level_prior(Some(AgencyLevel::County)));
        assert_eq!(prior(None, None), 1.0, "an unknown document is neither lifted nor lowered");
    }
}
