//! What sort of publication a document is.

use serde::{Deserialize, Serialize};

/// The kind of a publication. Serialised in snake case (`work_plan`), the
/// same names the JSON Lines exports use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    News,
    Notice,
    WorkPlan,
    Report,
    Rule,
    Law,
    Regulation,
    LocalRegulation,
    JudicialInterpretation,
    DepartmentalRule,
    Case,
    Other,
}

impl Kind {
    pub const ALL: [Kind; 12] = [
        Kind::News,
        Kind::Notice,
        Kind::WorkPlan,
        Kind::Report,
        Kind::Rule,
        Kind::Law,
        Kind::Regulation,
        Kind::LocalRegulation,
        Kind::JudicialInterpretation,
        Kind::DepartmentalRule,
        Kind::Case,
        Kind::Other,
    ];

    /// The stable machine name, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::News => "news",
            Kind::Notice => "notice",
            Kind::WorkPlan => "work_plan",
            Kind::Report => "report",
            Kind::Rule => "rule",
            Kind::Law => "law",
            Kind::Regulation => "regulation",
            Kind::LocalRegulation => "local_regulation",
            Kind::JudicialInterpretation => "judicial_interpretation",
            Kind::DepartmentalRule => "departmental_rule",
            Kind::Case => "case",
            Kind::Other => "other",
        }
    }

    /// The label researchers read in the interface.
    pub fn label_zh(self) -> &'static str {
        match self {
            Kind::News => "新闻动态",
            Kind::Notice => "通知公告",
            Kind::WorkPlan => "工作计划",
            Kind::Report => "报告总结",
            Kind::Rule => "规章制度",
            Kind::Law => "法律",
            Kind::Regulation => "行政法规",
            Kind::LocalRegulation => "地方性法规",
            Kind::JudicialInterpretation => "司法解释",
            Kind::DepartmentalRule => "部门规章",
            Kind::Case => "案例",
            Kind::Other => "其他",
        }
    }

    /// Laws, regulations, judicial interpretations and rules: the kinds
    /// that come in versions, are cited by title, and are in force,
    /// amended or repealed.
    pub fn is_law_like(self) -> bool {
        matches!(
            self,
            Kind::Law
                | Kind::Regulation
                | Kind::LocalRegulation
                | Kind::JudicialInterpretation
                | Kind::DepartmentalRule
                | Kind::Rule
        )
    }

    /// Parses a machine name; `None` for anything else.
    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.as_str() == name.trim())
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_through_serde() {
        for kind in Kind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
            assert_eq!(Kind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(Kind::parse("memo"), None);
    }
}
