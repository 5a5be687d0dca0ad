//! Which citation form a publication takes, by its kind.

use sifa_model::Kind;

/// The bibliographic form of a publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Laws, regulations, judicial interpretations, rules and normative
    /// documents: cited by issuing body, title and date (GB/T 7714 `[Z]`,
    /// RIS `STAT`, CSL `legislation`).
    LegalNorm,
    /// Reports and summaries (`[R]`, `RPRT`, `report`).
    Report,
    /// Court cases (`[Z]`, `CASE`, `legal_case`).
    Case,
    /// News, notices, work plans and the rest: web publications (`[EB]`,
    /// `ELEC`, `webpage`).
    Web,
}

impl Form {
    pub fn of(kind: Kind) -> Self {
        match kind {
            Kind::Law
            | Kind::Regulation
            | Kind::LocalRegulation
            | Kind::JudicialInterpretation
            | Kind::DepartmentalRule
            | Kind::Rule => Form::LegalNorm,
            Kind::Report => Form::Report,
            Kind::Case => Form::Case,
            Kind::News | Kind::Notice | Kind::WorkPlan | Kind::Other => Form::Web,
        }
    }

    /// GB/T 7714-2015's document type code (文献类型标识): Z 其他, R 报告, EB 电子公告.
    pub fn gbt7714_code(self) -> &'static str {
        match self {
            Form::LegalNorm | Form::Case => "Z",
            Form::Report => "R",
            Form::Web => "EB",
        }
    }
}
