//! Page furniture: the lines a government page shows around every article.
//!
//! Two kinds are recognised. *Widget lines* (字号 大 中 小, 【打印】【关闭】,
//! share bars, 扫码… prompts, breadcrumbs, newspaper page headers, editor and
//! review credits) are dropped wherever they stand. *Footer lines*
//! (版权所有, Copyright, ICP备, 免责声明, 友情链接…) start the page footer:
//! from the first one in the last part of the page, everything is dropped.
//! Only short lines are tested; a paragraph of prose is never furniture.

use std::sync::LazyLock;

use regex::{Regex, RegexSet};

/// Lines longer than this (in characters) are prose, never furniture.
const MAX_FURNITURE_CHARS: usize = 160;

static WIDGET_LINES: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new([
        // 字号: 大 中 小 / 【字体：大 中 小】 / 字号：T|T
        r"^[【\[(（]?\s*(字号|字体|文字)\s*[:：]?\s*[【\[]?\s*([大中小]|默认|T)?(\s*[|｜/]?\s*([大中小]|默认|T))*\s*[】\])）]?\s*$",
        r"^([大中小]\s*){3}$",
        // 扫码 / 扫一扫 / 手机浏览 prompts
        r"^(扫(一扫|码|描)|用?手机(扫|浏览|打开)|微信扫).{0,40}$",
        r"^.{0,20}(扫码|扫一扫|二维码).{0,20}(浏览|分享|阅读|打开|关注)",
        // share bars
        r"^(分享(到|至)?|转发(到|至)?)\s*[:：]?\s*(微信|微博|QQ|朋友圈|空间|人人|豆瓣|[\s|,，、]|$)",
        r"^(\s*(微信|微博|QQ空间|QQ|朋友圈|腾讯微博|新浪微博|人民微博)\s*[|,，、]?\s*){2,}$",
        // breadcrumbs
        r"^(您|你)?(当前|现在)?(的)?(位置|所在位置)\s*[:：]",
        r"^(首页|网站首页|主页)\s*(>|＞|»|›|/|-|→|>>)",
        // newspaper page headers and navigation
        r"第\s*\d{1,3}\s*版.{0,20}(上一期|下一期|上一版|下一版)",
        r"^(上一期|下一期|上一版|下一版|往期回顾|版面导航|标题导航|返回目录)(\s+(上一期|下一期|上一版|下一版|往期回顾|版面导航|标题导航|返回目录))*$",
        r"^第\s*\d+\s*期\s*[:：]?\s*第\s*\d+\s*版",
        r"^[•·]?\s*标题\s*站内(高级)?搜索",
        r"^(语音朗读|语音播报|朗读|听新闻)\s*[:：]?\s*(语音播报|朗读)?$",
        // counters and editorial credits
        r"^(浏览(次数|量)?|阅读(次数|量)?|访问(次数|量)|点击(数|量|率)?|阅读数)\s*[:：]\s*\d*\s*(次)?$",
        r"^[-•·*]?\s*(一审|二审|三审|初审|复审|终审|审核|审校|校对|责任编辑|责编|编辑|签发|核稿|监制|录入|值班编辑)\s*[:：]",
        r"^[(（]?\s*(责任编辑|编辑|审核|校对)\s*[:：]\s*\S{1,12}\s*[)）]?$",
        // print / close / top widgets, possibly several on a line
        r"^([【\[(（]?\s*(打印(本页|此页|文章|正文)?|关闭(窗口|本页|此页)?|收藏(本页)?|返回(顶部|首页|上一页|列表)?|保存(本页)?|纠错|我要纠错|分享|加入收藏|设为首页|顶部)\s*[】\])）]?\s*[|｜/、]?\s*)+$",
        r"^(上一篇|下一篇|上一条|下一条)\s*[:：]",
        // source links are metadata, read before furniture is dropped
        r"^(原文链接|原文地址|原文网址|本文链接|文章链接|来源网址|来源链接)\s*[:：]\s*\S*$",
        r"^(相关(链接|新闻|文章|阅读|附件|稿件))\s*[:：]?$",
        r"^(附件|附件下载)\s*[:：]\s*$",
    ])
    .expect("furniture patterns are valid")
});

static FOOTER_LINES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(版权所有|版权归.{0,20}所有|copyright|©|\(c\)\s*\d{4}|ICP\s*备|ICP证|网站标识码|公网安备|主办单位\s*[:：]|主办\s*[:：]|承办单位\s*[:：]|技术支持\s*[:：]|免责声明|友情链接|网站地图|联系我们\s*[|｜]|建议使用.{0,20}浏览器|分辨率)",
    )
    .expect("footer pattern is valid")
});

/// Whether a trimmed line is a page widget (dropped wherever it stands).
pub fn is_widget_line(line: &str) -> bool {
    line.chars().count() <= MAX_FURNITURE_CHARS && WIDGET_LINES.is_match(line)
}

/// Whether a trimmed line opens the page footer.
pub fn is_footer_line(line: &str) -> bool {
    line.chars().count() <= MAX_FURNITURE_CHARS && FOOTER_LINES.is_match(line)
}

/// Index of the line where the page footer starts, or `lines.len()`.
///
/// Only a footer line in the last 40% of the page (or the last 12 lines)
/// counts: the same words near the top are usually a header bar.
pub fn footer_start(lines: &[String]) -> usize {
    let earliest = (lines.len() * 6 / 10).min(lines.len().saturating_sub(12));
    (earliest..lines.len()).find(|&i| is_footer_line(&lines[i])).unwrap_or(lines.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widgets_are_recognised() {
        for line in [
            "字号:",
            "字号：大 中 小",
            "【字体：大 中 小】",
            "大 中 小",
            "【打印】【关闭】",
            "[打印本页] [关闭窗口]",
            "打印 | 关闭 | 返回顶部",
            "扫码使用手机浏览本页内容",
            "扫一扫在手机打开当前页",
            "分享到：微信 微博 QQ空间",
            "您当前的位置：首页 > 政务公开 > 工作动态",
            "当前位置：首页 > 新闻中心",
            "首页 > 司法动态",
            "第03版 上一期 下一期 上一版 下一版",
            "第5120期:第03版 本期出版日期:2024-03-15",
            "• 标题 站内高级搜索",
            "语音朗读:语音播报",
            "浏览次数：1234",
            "- 一审: 王某某",
            "责任编辑：李某",
            "上一篇：关于开展法治宣传的通知",
            "原文链接：https://sft.example.gov.cn/a/b.html",
        ] {
            assert!(is_widget_line(line), "{line}");
        }
    }

    #[test]
    fn prose_is_not_furniture() {
        for line in [
            "全省各级司法行政机关要扎实推进公共法律服务体系建设。",
            "大力推进法治宣传教育，分享典型经验做法。",
            "关于印发《2024年普法工作要点》的通知",
            "省司法厅召开全省人民调解工作推进会",
            "首页面向群众开放的法律服务窗口共12个，服务群众3000余人次。",
        ] {
            assert!(!is_widget_line(line), "{line}");
            assert!(!is_footer_line(line), "{line}");
        }
    }

    #[test]
    fn footer_starts_at_the_first_footer_line_near_the_end() {
        let mut lines: Vec<String> = (0..20).map(|i| format!("第{i}段正文，内容充实。")).collect();
        lines.insert(1, "版权所有 不应在此截断".into());
        lines.push("友情链接".into());
        lines.push("Copyright © 2024 示例司法局".into());
        assert_eq!(footer_start(&lines), 21);
    }
}
