//! What a page's footer says about the site: where it is registered (the
//! province of its ICP licence, 鲁ICP备…; the division of its public
//! security filing, 京公网安备 11010502000001, and of a government site's
//! identifier, 网站标识码 3702000001: the first six digits are a GB/T 2260
//! code), which place a site whose address is ambiguous (`jc…` is 晋城 or
//! 金昌) or says nothing; and who owns it (版权所有, 主办单位, Copyright),
//! the publisher of its own pages when nothing else names one.

use std::sync::LazyLock;

use regex::Regex;

use super::{Agency, AgencyResolver, RegionContext};

static ICP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\p{Han})\s*ICP\s*[备証证]").expect("valid"));
static FILING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:公网安备|网站标识码)\s*[:：]?\s*[号]?\s*(\d{6})\d{4,8}").expect("valid"));

/// Weight of a province named by an ICP licence, and of a filed division.
const ICP_WEIGHT: u32 = 1;
const FILING_WEIGHT: u32 = 2;
/// How many lines from the end are read.
const FOOTER_LINES: usize = 25;

/// `版权所有：某市律师协会`, `主办单位：某县人民政府`, `Copyright © 2024 某协会`:
/// the body a site's footer names as its owner.
static OWNER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:版权所有|主办单位|主办|copyright\s*(?:©|\(c\))?\s*(?:\d{4}(?:\s*[-—]\s*\d{4})?)?)\s*[:：]?\s*(\p{Han}{4,30})")
        .expect("valid")
});

/// The body a site's footer names as its owner (版权所有, 主办单位,
/// Copyright): the publisher of the site's own pages, read last.
pub fn footer_owner(resolver: &AgencyResolver, lines: &[String], context: &RegionContext) -> Option<(Agency, String)> {
    lines[lines.len().saturating_sub(FOOTER_LINES)..].iter().rev().find_map(|line| {
        let owner = OWNER.captures(line)?;
        let agency = resolver.resolve_name(&sifa_fold::fold(&owner[1]), context)?;
        Some((agency, line.clone()))
    })
}

/// The divisions a footer names, with their weights as region context.
pub fn footer_regions(resolver: &AgencyResolver, lines: &[String]) -> Vec<(u32, u32)> {
    let mut regions = Vec::new();
    for line in &lines[lines.len().saturating_sub(FOOTER_LINES)..] {
        if !line.contains("ICP") && !line.contains("备") && !line.contains("标识码") {
            continue;
        }
        for c in ICP.captures_iter(line) {
            if let Some(province) = c[1].chars().next().and_then(|a| resolver.province_by_abbreviation(a)) {
                regions.push((province.code, ICP_WEIGHT));
            }
        }
        for c in FILING.captures_iter(line) {
            if let Ok(code) = c[1].parse::<u32>()
                && resolver.gazetteer().get(code).is_some()
            {
                regions.push((code, FILING_WEIGHT));
            }
        }
    }
    regions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agency::RegionContext;
    use crate::agency::tests::shipped;

    fn names(lines: &[&str]) -> Vec<(String, u32)> {
        let resolver = shipped();
        let lines: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        footer_regions(resolver, &lines)
            .into_iter()
            .map(|(code, weight)| (resolver.gazetteer().get(code).unwrap().name.clone(), weight))
            .collect()
    }

    #[test]
    fn licences_and_filings_name_places() {
        assert_eq!(names(&["版权所有 某某局 晋ICP备12345678号-1"]), [("山西省".to_string(), 1)]);
        assert_eq!(names(&["甘公网安备 62030002000123号"]), [("金昌市".to_string(), 2)]);
        assert_eq!(names(&["网站标识码:1405000001 技术支持"]), [("晋城市".to_string(), 2)]);
        assert!(names(&["京ICP备00000000号 网站标识码0000000000"]).len() == 1, "placeholder codes name nothing");
        assert!(names(&["联系电话：0356-1234567"]).is_empty());
    }

    #[test]
    fn a_footer_names_the_site_s_owner() {
        let context = RegionContext::default();
        let owner = |line: &str| footer_owner(shipped(), &[line.to_string()], &context).map(|(a, _)| a.name);
        assert_eq!(owner("Copyright © 2012-2024 中山市律师协会 粤ICP备00000000号").as_deref(), Some("中山市律师协会"));
        assert_eq!(owner("版权所有：包头市司法局 技术支持：某公司").as_deref(), Some("包头市司法局"));
        assert_eq!(owner("主办单位:某某科技有限公司").as_deref(), None, "no body of ours");
    }

    #[test]
    fn footers_settle_an_ambiguous_host() {
        // `jc` is 晋城 (山西), 金昌 (甘肃) or one of many counties; a filing
        // in 金昌 settles it, a licence naming only the province does not.
        let g = shipped().gazetteer();
        let owner = |footer: &str| {
            let mut context = RegionContext::default();
            for (code, weight) in footer_regions(shipped(), &[footer.to_string()]) {
                context.add(g, code, weight);
            }
            let site = shipped().site("https://www.jc.gov.cn/a/1.html", &context);
            site.owner.map(|(code, _)| g.get(code).unwrap().name.clone())
        };
        assert_eq!(owner("甘公网安备 62030002000123号").as_deref(), Some("金昌市"));
        assert_eq!(owner("版权所有 某某 甘ICP备12345678号"), None, "泾川 is jc in 甘肃 too");
        assert_eq!(owner("版权所有 某某"), None);
    }
}
