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
        "header" => quoted("页首标注“{}”"),
        "label" => quoted("页面标注“{}”"),
        "byline" => "文末署名（供稿、来源）".to_string(),
        "signature" => "文末落款".to_string(),
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
        "title_word" => quoted("标题中的“{}”"),
        "default" => "无明显特征，按默认归类".to_string(),
        _ => format!("规则 {rule}"),
    }
}

#[cfg(test)]
mod tests {
    use super::explain_rule;

    #[test]
    fn rules_are_explained_with_what_they_read() {
        assert_eq!(explain_rule("header:发布时间"), "页首标注“发布时间”");
        assert_eq!(explain_rule("title_word:通知"), "标题中的“通知”");
        assert_eq!(explain_rule("signature"), "文末落款");
        assert_eq!(explain_rule("html:h1"), "网页正文大标题");
        assert_eq!(explain_rule("path_hash"), "由文件路径生成");
        assert_eq!(explain_rule("something_new"), "规则 something_new", "an unknown rule is shown as it is");
    }
}
