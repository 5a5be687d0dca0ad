//! What a page's footer says about where the site is registered: the
//! province of its ICP licence (鲁ICP备…), the division of its public
//! security filing (京公网安备 11010502000001: the first six digits are a
//! GB/T 2260 code) and of a government site's identifier (网站标识码
//! 3702000001: the same). They place a site whose address is ambiguous
//! (`jc…` is 晋城 or 金昌) or says nothing.

use std::sync::LazyLock;

use regex::Regex;

use super::AgencyResolver;

static ICP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\p{Han})\s*ICP\s*[备証证]").expect("valid"));
static FILING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:公网安备|网站标识码)\s*[:：]?\s*[号]?\s*(\d{6})\d{4,8}").expect("valid"));

/// Weight of a province named by an ICP licence, and of a filed division.
const ICP_WEIGHT: u32 = 1;
const FILING_WEIGHT: u32 = 2;
/// How many lines from the end are read.
const FOOTER_LINES: usize = 25;

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
