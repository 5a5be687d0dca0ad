//! What each extraction rule means, in the words researchers read.
//!
//! The extractor records the rule that decided a field (`header:来源`,
//! `signature`, …) as evidence; the document view explains it with
//! [`explain_rule`]. A rule is a stable name, optionally followed by `:` and
//! the label or word it read (`header:发布时间`, `title_word:通知`).

/// A Chinese explanation of `rule` for the 解析依据 panel.
pub fn explain_rule(rule: &str) -> String {
    let (name, detail) = match rule.split_once(':') {
        Some((name, detail)) => (name, Some(detail)),
        None => (rule, None),
    };
    let quoted = |template: &str| match detail {
        Some(d) => template.replace("{}", d),
        None => template.replace("“{}”", "").replace("{}", ""),
    };
    match name {
        "given" => "来源数据直接提供".to_string(),
        "detected" => "按字节内容识别".to_string(),
        "http_charset" => "网页服务器声明的字符集".to_string(),
        "meta" => quoted("网页元数据 {}"),
        "html" => match detail {
            Some("h1") => "网页正文大标题".to_string(),
            Some("title") => "网页标题栏".to_string(),
            Some("title+line") => "网页标题栏与正文中的同一行".to_string(),
            Some("canonical") => "网页声明的规范地址".to_string(),
            Some("saved_from") => "浏览器保存网页时记下的原地址".to_string(),
            Some("site_name") => "网页标题栏中的网站名称".to_string(),
            Some(other) => format!("网页结构（{other}）"),
            None => "网页结构".to_string(),
        },
        "header" => match detail {
            Some("date_first") => "页首以日期开头的信息行".to_string(),
            Some(label) if label.starts_with("解读") => format!("页面注明的“{label}”"),
            _ => quoted("页首标注“{}”"),
        },
        "label" => quoted("页面标注“{}”"),
        "byline" => "文末署名（供稿、来源）".to_string(),
        "signature" => match detail {
            Some("inline") => "落款行中的日期".to_string(),
            Some("tail") => "文末的日期".to_string(),
            Some("closing") => "公文主送机关与正文之后的成文日期".to_string(),
            _ => "文末落款".to_string(),
        },
        "signature_block" => "公文落款：成文日期上方的发文机关署名".to_string(),
        "promulgation" => "题注中最后一次通过或修正的日期".to_string(),
        "press_credit" => "报纸刊载信息（报名、日期、版次）".to_string(),
        "author_line" => "标题下单独一行的作者单位".to_string(),
        "title_prefix" => "标题开头的机关名称".to_string(),
        "body_mention" => "正文中最常提到的机关（证据较弱）".to_string(),
        "first_line" => "正文第一行".to_string(),
        "first_line_after_banner" => "横幅标语之后的第一行".to_string(),
        "built_from_opening" => "页面无标题，由正文开头生成".to_string(),
        "opening_year" => "正文开头的年份".to_string(),
        "url" | "url_date" => "网址中的日期".to_string(),
        "url_hash" => "由网址生成".to_string(),
        "text_hash" | "content_hash" => "由正文内容生成".to_string(),
        "path_hash" => "由文件路径生成".to_string(),
        "unreadable" => "来源数据提供了此项，但无法识别，改由正文判断".to_string(),
        "bare_url_line" => "页面中单独一行的网址".to_string(),
        "line" => match detail {
            Some("joined") => "断成几行的标题，合并".to_string(),
            Some("kicker+title") => "引题与主题".to_string(),
            Some("run_on") => "首行开头的文件标题".to_string(),
            Some("repeated") => "页面中重复出现的标题行".to_string(),
            Some("rule_below") => "标题行（其下为条文）".to_string(),
            Some("header_below") => "页首的标题行（下有日期、来源等）".to_string(),
            _ => "页首的标题行".to_string(),
        },
        "dateline" => "标题旁的日期行".to_string(),
        "byline_timestamp" => "署名行中的发布时间".to_string(),
        "doc_no_line" => "文号行中的日期".to_string(),
        "doc_no" => match detail {
            Some("label") => "页面标注的发文字号".to_string(),
            Some("headline") => "标题中的发文字号".to_string(),
            Some("promulgation") => "题注中最后一次发布或修正的令号".to_string(),
            _ => "单独成行的发文字号".to_string(),
        },
        "issuer_line" => "标题下的发文机关".to_string(),
        "actor" => "正文首句中行事的机关".to_string(),
        "speaker" => "首段中发言的机关负责人所在机关".to_string(),
        "visit_host" => "来访报道中陪同来访者的东道机关".to_string(),
        "press_conference" => "正文首句中举行例行新闻发布会的机关".to_string(),
        "title_place" => "标题开头的地名所指的机关".to_string(),
        "title_place_acts" => "标题开头的“县（市、区）召开……”所指的当地政府".to_string(),
        "bare_bureau_title" => "标题中的“司法局”所指的机关".to_string(),
        "site_own_bureau" => "政府网站所在地的司法机关".to_string(),
        "site" if detail.is_some_and(|d| d.ends_with(":own_report")) => {
            "网址所示网站的“本网讯”：网站主办机关自己的报道".to_string()
        }
        "site" => match detail {
            Some("justice") => "网址所示的司法厅（局）网站".to_string(),
            Some("office") => "网址所示的政府办公室栏目".to_string(),
            Some("congress") => "网址所示的人大常委会网站".to_string(),
            Some("prisons") => "网址所示的监狱管理局网站".to_string(),
            Some("rehabilitation") => "网址所示的戒毒管理局网站".to_string(),
            _ => "网址所示的政府网站".to_string(),
        },
        "publisher_host" => "网址所示的发布机构网站".to_string(),
        "site_footer" => "网站页脚注明的主办单位（证据较弱）".to_string(),
        "subject_place" => "报道所写的当地司法行政工作（未写明发布机关，证据较弱）".to_string(),
        "newspaper" => "报纸自己网站上注明来源为本报（证据较弱）".to_string(),
        "salutation" => "主送机关的上一级机关".to_string(),
        "doc_no_order" => "发文字号中的“令”所属机关".to_string(),
        "doc_no_prefix" => "发文字号开头的省份简称".to_string(),
        "doc_no_place" => "发文字号开头的地名简称".to_string(),
        "http" => "服务器标注的最后修改日期（证据较弱）".to_string(),
        "title_word" => quoted("标题中的“{}”"),
        "body_formula" => quoted("页面无标题，正文中的“{}”"),
        "default" => "无明显特征，按默认归类".to_string(),
        _ => format!("{UNEXPLAINED}{rule}"),
    }
}

/// Whether `rule` has an explanation of its own rather than the generic
/// 规则 … text an unknown rule gets.
pub fn is_explained(rule: &str) -> bool {
    !explain_rule(rule).starts_with(UNEXPLAINED)
}

/// How an unknown rule is shown.
const UNEXPLAINED: &str = "规则 ";

#[cfg(test)]
mod tests {
    use super::{explain_rule, is_explained};

    #[test]
    fn rules_are_explained_with_what_they_read() {
        assert_eq!(explain_rule("header:发布时间"), "页首标注“发布时间”");
        assert_eq!(explain_rule("title_word:通知"), "标题中的“通知”");
        assert_eq!(explain_rule("signature"), "文末落款");
        assert_eq!(explain_rule("html:h1"), "网页正文大标题");
        assert_eq!(explain_rule("path_hash"), "由文件路径生成");
        assert_eq!(explain_rule("something_new"), "规则 something_new", "an unknown rule is shown as it is");
        assert_eq!(explain_rule("site:justice"), "网址所示的司法厅（局）网站");
        assert_eq!(explain_rule("doc_no:label"), "页面标注的发文字号");
        assert_eq!(explain_rule("body_formula:通知如下"), "页面无标题，正文中的“通知如下”");
        assert_eq!(explain_rule("signature:tail"), "文末的日期");
        assert_eq!(explain_rule("header:date_first"), "页首以日期开头的信息行");
    }

    #[test]
    fn every_rule_the_extractor_emits_is_explained() {
        // Rule names as the extractor writes them (crates/extract); the
        // extractor's own test checks the rules it emits on real pages.
        let rules = [
            "given",
            "detected",
            "http_charset",
            "meta:PubDate",
            "meta:ContentSource",
            "meta:ArticleTitle",
            "html:h1",
            "html:title",
            "html:title+line",
            "html:canonical",
            "html:saved_from",
            "html:site_name",
            "header:来源",
            "header:date_first",
            "header:解读机关",
            "label:原文链接",
            "byline",
            "byline_timestamp",
            "signature",
            "signature:inline",
            "signature:tail",
            "signature:closing",
            "signature_block",
            "promulgation",
            "press_credit",
            "doc_no:promulgation",
            "author_line",
            "title_prefix",
            "body_mention",
            "built_from_opening",
            "opening_year",
            "url",
            "url_date",
            "url_hash",
            "content_hash",
            "path_hash",
            "unreadable",
            "bare_url_line",
            "line",
            "line:joined",
            "line:kicker+title",
            "line:run_on",
            "line:header_below",
            "line:repeated",
            "line:rule_below",
            "dateline",
            "doc_no_line",
            "doc_no:label",
            "doc_no:headline",
            "doc_no:own_line",
            "issuer_line",
            "actor",
            "speaker",
            "visit_host",
            "press_conference",
            "title_place",
            "title_place_acts",
            "bare_bureau_title",
            "site_own_bureau",
            "site:justice",
            "site:office",
            "site:government",
            "site:congress",
            "publisher_host",
            "subject_place",
            "newspaper",
            "salutation",
            "doc_no_order",
            "doc_no_prefix",
            "doc_no_place",
            "http:last_modified",
            "title_word:通知",
            "body_formula:第一条",
            "default",
        ];
        let unexplained: Vec<&str> = rules.into_iter().filter(|r| !is_explained(r)).collect();
        assert!(unexplained.is_empty(), "rules without an explanation: {unexplained:?}");
    }
}
