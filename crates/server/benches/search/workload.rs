//! Researcher-like searches, all different, made from the index itself.
//!
//! The vocabulary is the words of the corpus's titles (jieba's exact cut,
//! two to six Han characters, in at least three titles), which is what
//! researchers type: half of the words are drawn by how many titles hold
//! them (common subjects are searched more), half uniformly (the long
//! tail). A search is one word (35 %), two (25 %) or three (10 %) words
//! of one title (words researchers combine stand together somewhere),
//! a run of two to four consecutive title words typed unspaced (10 %:
//! 普法工作情况报告, where near matches show), a quoted phrase, an
//! exclusion, an `OR`, or no words at all with a filter (5 % each); a
//! fifth filter by agency, a tenth by topic, kind or date range, a tenth
//! are sorted by date and a twentieth ask for a later page. Titles are read
//! in id order and the generator is seeded, so every build of sifa gets
//! the same list from the same corpus.

use std::collections::{BTreeMap, HashSet};

use sifa_analysis::{ChineseAnalysis, fold};
use sifa_query::{SearchEngine, SearchParams};
use sifa_store::from_document_without_evidence;
use tantivy::{DocAddress, TantivyDocument};

const AGENCIES: &[&str] =
    &["山东省", "浙江省", "司法部", "中华人民共和国国务院", "河南省/郑州市", "广东省", "江苏省", "北京市", "四川省"];
const TOPICS: &[&str] = &["法律援助", "人民调解", "监狱与戒毒", "行政复议与应诉", "普法与法治宣传", "公共法律服务"];
const KINDS: &[&str] = &["law", "local_regulation", "news", "regulation", "notice", "judicial_interpretation"];
const DATE_RANGES: &[(&str, &str)] = &[
    ("2020-01-01", "2024-12-31"),
    ("2023-01-01", "2023-12-31"),
    ("2010-01-01", "2019-12-31"),
    ("2024-01-01", "2025-12-31"),
];

/// xorshift64*: small, seeded, the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Title words with how many titles hold each, the words of each title,
/// and runs of consecutive words.
struct Vocabulary {
    words: Vec<String>,
    /// Every word repeated by its title count, for draws by frequency.
    by_frequency: Vec<usize>,
    /// The vocabulary words of each title with two or more of them:
    /// words researchers combine are words that stand in one title.
    together: Vec<Vec<usize>>,
    runs: Vec<String>,
}

fn is_han_word(word: &str) -> bool {
    let n = word.chars().count();
    (2..=6).contains(&n) && word.chars().all(|c| matches!(c, '\u{4E00}'..='\u{9FFF}'))
}

fn titles(engine: &SearchEngine) -> Vec<String> {
    let snapshot = engine.snapshot();
    let searcher = snapshot.searcher();
    let mut titles: Vec<(String, String)> = Vec::new();
    for (ord, segment) in searcher.segment_readers().iter().enumerate() {
        for doc in segment.doc_ids_alive() {
            let stored: TantivyDocument = searcher.doc(DocAddress::new(ord as u32, doc)).expect("a stored document");
            let p = from_document_without_evidence(&snapshot.open.schema, &stored);
            titles.push((p.id, p.title));
        }
    }
    titles.sort();
    titles.into_iter().map(|(_, title)| fold(&title)).collect()
}

fn vocabulary(engine: &SearchEngine) -> Vocabulary {
    let analysis = ChineseAnalysis::default_dictionary();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut runs: Vec<String> = Vec::new();
    let titles = titles(engine);
    for title in &titles {
        let words: Vec<&str> = analysis.jieba().cut(title, false).into_iter().map(|t| t.word).collect();
        let mut seen = HashSet::new();
        for word in words.iter().filter(|w| is_han_word(w)) {
            if seen.insert(*word) {
                *counts.entry(word.to_string()).or_default() += 1;
            }
        }
        for start in (0..words.len()).step_by(2) {
            if let Some(run) = words.get(start..start + 2 + start % 3)
                && run.iter().all(|w| w.chars().all(|c| matches!(c, '\u{4E00}'..='\u{9FFF}')))
            {
                runs.push(run.concat());
            }
        }
    }
    counts.retain(|_, n| *n >= 3);
    let words: Vec<String> = counts.keys().cloned().collect();
    let by_frequency = counts.values().enumerate().flat_map(|(i, n)| std::iter::repeat_n(i, *n)).collect();
    let together = titles
        .iter()
        .map(|title| {
            let mut found: Vec<usize> = analysis
                .jieba()
                .cut(title, false)
                .into_iter()
                .filter_map(|t| words.binary_search_by(|w| w.as_str().cmp(t.word)).ok())
                .collect();
            found.dedup();
            found
        })
        .filter(|found| found.len() >= 2)
        .collect();
    runs.retain(|r| (4..=12).contains(&r.chars().count()));
    runs.sort();
    runs.dedup();
    Vocabulary { words, by_frequency, together, runs }
}

impl Vocabulary {
    fn word(&self, rng: &mut Rng) -> String {
        let index = if rng.chance(50) { *rng.pick(&self.by_frequency) } else { rng.below(self.words.len()) };
        self.words[index].clone()
    }

    /// Up to `n` different words of one title, in a random order.
    fn combined(&self, rng: &mut Rng, n: usize) -> String {
        let mut title = rng.pick(&self.together).clone();
        let mut chosen = Vec::new();
        while chosen.len() < n && !title.is_empty() {
            let index = title.swap_remove(rng.below(title.len()));
            chosen.push(self.words[index].as_str());
        }
        chosen.join(" ")
    }
}

fn query(vocabulary: &Vocabulary, rng: &mut Rng) -> String {
    let roll = rng.below(100);
    let word = |rng: &mut Rng| vocabulary.word(rng);
    match roll {
        0..35 => word(rng),
        35..60 => vocabulary.combined(rng, 2),
        60..70 => vocabulary.combined(rng, 3),
        70..80 => rng.pick(&vocabulary.runs).clone(),
        80..85 => format!("\"{}\"", word(rng)),
        85..90 => format!("{} -{}", word(rng), word(rng)),
        90..95 => format!("{} OR {}", word(rng), word(rng)),
        _ => String::new(),
    }
}

/// `n` different searches (by their parameters), seeded.
pub fn researcher_searches(engine: &SearchEngine, n: usize) -> Vec<SearchParams> {
    let vocabulary = vocabulary(engine);
    assert!(vocabulary.words.len() > 1000, "a vocabulary of {} title words", vocabulary.words.len());
    let mut rng = Rng(0x5EED_51FA);
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let q = query(&vocabulary, &mut rng);
        let mut p = SearchParams::from_pairs([("q", q.clone())]);
        if q.is_empty() || rng.chance(20) {
            p.push("agency", *rng.pick(AGENCIES));
        }
        if rng.chance(10) {
            p.push("topic", *rng.pick(TOPICS));
        }
        if rng.chance(10) {
            p.push("kind", *rng.pick(KINDS));
        }
        if rng.chance(10) {
            let (from, to) = rng.pick(DATE_RANGES);
            p.set("from", *from);
            p.set("to", *to);
        }
        if rng.chance(10) {
            p.set("sort", "date_desc");
        }
        if rng.chance(5) {
            p.set("page", (2 + rng.below(4)).to_string());
        }
        if seen.insert(format!("{p:?}")) {
            out.push(p);
        }
    }
    out
}
