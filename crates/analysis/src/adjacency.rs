//! Which characters stand together: the rule every exact match rests on.
//!
//! Folded text is read as a sequence of *units*: a Han character (or any
//! other letter or digit outside ASCII), or a whole run of ASCII letters and
//! digits. Two units stand together when nothing separates them but marks
//! that do not end a clause ([`is_joiner`]: 、 · “ ” ‘ ’ 《 》 「 」 and the
//! like, and spaces except between two Latin words or numbers), which are
//! read as if they were not there: 立、改、废、释 is 立改废释, “放管服”改革 is
//! 放管服改革. Every other mark (commas, sentence ends, brackets, dashes)
//! and line breaks keep units apart.
//!
//! Positions count the characters of the *joined* text, the folded text
//! with the joiners taken out ([`joined`]), so the position of a pair of
//! units is the offset of its first character, and units stand together
//! exactly when one ends where the next begins.
//!
//! One exception serves quoted Latin and numbers: two ASCII runs with a
//! single connector between them (`2.5`, `covid-19`, `2024-05-06`, `legal
//! aid`) are *bridged*. They do not stand together (`25` does not match
//! `2.5`), but the pair field indexes them with their connector, so a
//! quoted phrase that spells them is found exactly.

use std::iter::Peekable;
use std::str::CharIndices;

/// Marks that do not end a clause and so do not keep the characters on
/// either side apart: the enumeration comma, middle dots, quotation marks
/// and book-title marks. Spaces are joiners too, except between two ASCII
/// letters or digits (see [`JoinedChars`]).
pub fn is_joiner(c: char) -> bool {
    matches!(
        c,
        '、' | '·'
            | '・'
            | '‧'
            | '•'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '"'
            | '\''
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '「'
            | '」'
            | '『'
            | '』'
    )
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{000B}' | '\u{000C}' | '\u{0085}' | '\u{2028}' | '\u{2029}')
}

/// Connectors that bridge two ASCII runs (a collapsed space is one too).
fn is_connector(c: char) -> bool {
    matches!(c, ' ' | '.' | ',' | '-' | '_' | '/' | ':' | '+' | '#' | '&' | '%' | '@' | '~')
}

/// A character of the joined text, with where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JoinedChar {
    pub c: char,
    /// Its offset in the joined text, in characters.
    pub position: u32,
    /// Where it stands in the folded text: byte offset and character index.
    pub byte: usize,
    pub index: usize,
}

/// The characters of folded text with the joiners taken out. A run of
/// spaces between two ASCII letters or digits is kept as one space (it
/// separates two Latin words); any other space is a joiner.
pub struct JoinedChars<'a> {
    chars: CharIndices<'a>,
    index: usize,
    position: u32,
    /// Whether the last character given out is an ASCII letter or digit.
    after_ascii: bool,
    /// The first space after an ASCII letter or digit, until the next
    /// character shows whether it separates two Latin words.
    pending_space: Option<(usize, usize)>,
    /// The character after such a space, given out next.
    queued: Option<(usize, usize, char)>,
}

impl<'a> JoinedChars<'a> {
    pub fn new(folded: &'a str) -> Self {
        Self {
            chars: folded.char_indices(),
            index: 0,
            position: 0,
            after_ascii: false,
            pending_space: None,
            queued: None,
        }
    }

    fn give(&mut self, byte: usize, index: usize, c: char) -> JoinedChar {
        let position = self.position;
        self.position += 1;
        self.after_ascii = c.is_ascii_alphanumeric();
        JoinedChar { c, position, byte, index }
    }
}

impl Iterator for JoinedChars<'_> {
    type Item = JoinedChar;

    fn next(&mut self) -> Option<JoinedChar> {
        if let Some((byte, index, c)) = self.queued.take() {
            return Some(self.give(byte, index, c));
        }
        for (byte, c) in self.chars.by_ref() {
            let index = self.index;
            self.index += 1;
            if matches!(c, '\u{4E00}'..='\u{9FFF}') {
                // Most characters: a unit, never a space or a joiner.
                self.pending_space = None;
                return Some(self.give(byte, index, c));
            }
            if is_line_break(c) {
                self.pending_space = None;
                return Some(self.give(byte, index, c));
            }
            if c.is_whitespace() {
                if self.after_ascii && self.pending_space.is_none() {
                    self.pending_space = Some((byte, index));
                }
                continue;
            }
            if is_joiner(c) {
                continue;
            }
            if let Some((space_byte, space_index)) = self.pending_space.take()
                && c.is_ascii_alphanumeric()
            {
                self.queued = Some((byte, index, c));
                return Some(self.give(space_byte, space_index, ' '));
            }
            return Some(self.give(byte, index, c));
        }
        None
    }
}

/// Folded text with the joiners taken out, and for each of its characters
/// the index of the folded character it came from (highlighting maps
/// matches back through it).
#[derive(Debug, Clone, Default)]
pub struct Joined {
    pub text: String,
    /// `folded_index[i]` is the folded character index of joined character `i`.
    pub folded_index: Vec<usize>,
}

impl Joined {
    /// Whether the bytes `start..end` of the joined text begin and end on
    /// unit boundaries: an ASCII run is matched whole (2024 is not found
    /// inside 20240), a Han character anywhere.
    pub fn on_unit_boundaries(&self, start: usize, end: usize) -> bool {
        on_unit_boundaries(&self.text, start, end)
    }
}

/// See [`Joined::on_unit_boundaries`].
pub fn on_unit_boundaries(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let inside_run = |at: usize| {
        at > 0 && at < bytes.len() && bytes[at - 1].is_ascii_alphanumeric() && bytes[at].is_ascii_alphanumeric()
    };
    !inside_run(start) && !inside_run(end)
}

/// `folded` as adjacency reads it: joiners out, separating spaces as one.
pub fn joined(folded: &str) -> Joined {
    let mut out = Joined { text: String::with_capacity(folded.len()), folded_index: Vec::new() };
    for c in JoinedChars::new(folded) {
        out.text.push(c.c);
        out.folded_index.push(c.index);
    }
    out
}

/// Whether [`joined`] would leave `folded` as it is (no joiner, no space
/// to drop or collapse), without building it.
pub fn is_joined(folded: &str) -> bool {
    JoinedChars::new(folded).map(|c| c.c).eq(folded.chars())
}

/// [`joined`] without the map: the text alone.
pub fn joined_text(folded: &str) -> String {
    JoinedChars::new(folded).map(|c| c.c).collect()
}

/// How a unit is attached to the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// Nothing but joiners between them.
    Together,
    /// Two ASCII runs with this one connector between them.
    Bridge(char),
    /// Apart (or the first unit).
    Apart,
}

/// Whether `c` is a unit on its own: a letter or digit outside ASCII.
fn is_single_unit(c: char) -> bool {
    // The unified ideographs first: nearly every character of the corpus.
    matches!(c, '\u{4E00}'..='\u{9FFF}') || (!c.is_ascii() && c.is_alphanumeric())
}

/// The units of folded text, one at a time, in a reused buffer (indexing
/// reads tens of millions of them).
pub struct Units<'a> {
    chars: Peekable<JoinedChars<'a>>,
    /// What attaches the next unit to the last one.
    next_link: Link,
    last_is_run: bool,
    /// The current unit.
    pub text: String,
    pub position: u32,
    /// Its length in characters of the joined text.
    pub chars_len: u32,
    pub link: Link,
    /// Byte range in the folded text, from its first character to the end of its last.
    pub byte_from: usize,
    pub byte_to: usize,
}

impl<'a> Units<'a> {
    pub fn new(folded: &'a str) -> Self {
        Self {
            chars: JoinedChars::new(folded).peekable(),
            next_link: Link::Apart,
            last_is_run: false,
            text: String::new(),
            position: 0,
            chars_len: 0,
            link: Link::Apart,
            byte_from: 0,
            byte_to: 0,
        }
    }

    /// Moves to the next unit; `false` at the end.
    pub fn advance(&mut self) -> bool {
        while let Some(first) = self.chars.next() {
            if first.c.is_ascii_alphanumeric() {
                self.start(first);
                while let Some(next) = self.chars.next_if(|n| n.c.is_ascii_alphanumeric()) {
                    self.text.push(next.c);
                    self.chars_len += 1;
                    self.byte_to = next.byte + 1;
                }
                self.last_is_run = true;
                return true;
            }
            if is_single_unit(first.c) {
                self.start(first);
                self.last_is_run = false;
                return true;
            }
            let bridges = self.next_link == Link::Together
                && self.last_is_run
                && is_connector(first.c)
                && self.chars.peek().is_some_and(|n| n.c.is_ascii_alphanumeric());
            self.next_link = if bridges { Link::Bridge(first.c) } else { Link::Apart };
        }
        false
    }

    fn start(&mut self, first: JoinedChar) {
        self.text.clear();
        self.text.push(first.c);
        self.position = first.position;
        self.chars_len = 1;
        self.link = self.next_link;
        self.next_link = Link::Together;
        self.byte_from = first.byte;
        self.byte_to = first.byte + first.c.len_utf8();
    }
}

/// The term of the pair field for two units: their texts, with the
/// connector between them when they are bridged.
pub fn pair_term(out: &mut String, first: &str, link: Link, second: &str) {
    out.clear();
    out.push_str(first);
    if let Link::Bridge(connector) = link {
        out.push(connector);
    }
    out.push_str(second);
}

/// A stretch of query text whose units must stand together in a document,
/// and the index terms that find it exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stretch {
    /// The joined text of the stretch (connectors of bridges included).
    pub text: String,
    pub terms: StretchTerms,
}

/// What to look up for a [`Stretch`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StretchTerms {
    /// One unit: a term of the character field.
    Unit(String),
    /// Pairs of the pair field at these offsets (in characters from the
    /// first): overlapping pairs cover every unit, as Lucene's
    /// `NGramPhraseQuery` does (ABCD as AB at 0 and CD at 2; ABC as AB at 0
    /// and BC at 1), and every bridge is looked up as its own pair.
    Pairs(Vec<(usize, String)>),
}

/// One unit of a stretch being read.
struct StretchUnit {
    text: String,
    position: u32,
    link: Link,
}

/// The stretches of folded text: it is cut where units are apart; each
/// piece must stand together where it is found (but the pieces need not
/// stand near each other).
pub fn stretches(folded: &str) -> Vec<Stretch> {
    let mut out = Vec::new();
    let mut current: Vec<StretchUnit> = Vec::new();
    let mut units = Units::new(folded);
    while units.advance() {
        if units.link == Link::Apart && !current.is_empty() {
            out.push(stretch_of(std::mem::take(&mut current)));
        }
        current.push(StretchUnit { text: units.text.clone(), position: units.position, link: units.link });
    }
    if !current.is_empty() {
        out.push(stretch_of(current));
    }
    out
}

fn stretch_of(units: Vec<StretchUnit>) -> Stretch {
    let mut text = String::new();
    for unit in &units {
        if let Link::Bridge(connector) = unit.link {
            text.push(connector);
        }
        text.push_str(&unit.text);
    }
    if units.len() == 1 {
        return Stretch { text, terms: StretchTerms::Unit(units[0].text.clone()) };
    }
    let links = units.len() - 1;
    let mut chosen: Vec<usize> = (0..links).step_by(2).collect();
    if links.is_multiple_of(2) {
        chosen.push(links - 1); // the last unit, left out by the steps of two
    }
    chosen.extend((0..links).filter(|&i| matches!(units[i + 1].link, Link::Bridge(_))));
    chosen.sort_unstable();
    chosen.dedup();
    let origin = units[0].position;
    let pairs = chosen
        .into_iter()
        .map(|i| {
            let mut term = String::new();
            pair_term(&mut term, &units[i].text, units[i + 1].link, &units[i + 1].text);
            ((units[i].position - origin) as usize, term)
        })
        .collect();
    Stretch { text, terms: StretchTerms::Pairs(pairs) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(text: &str) -> Vec<(String, u32, Link)> {
        let mut units = Units::new(text);
        let mut out = Vec::new();
        while units.advance() {
            out.push((units.text.clone(), units.position, units.link));
        }
        out
    }

    #[test]
    fn joiners_are_read_as_absent_and_other_marks_keep_units_apart() {
        assert_eq!(joined_text("立、改、废、释"), "立改废释");
        assert_eq!(joined_text("“放管服”改革"), "放管服改革");
        assert_eq!(joined_text("《民法典》的 施 行"), "民法典的施行");
        assert_eq!(joined_text("司法,行政。法治"), "司法,行政。法治", "commas and sentence ends stay");
        assert_eq!(joined_text("legal  aid 援助 12348"), "legal aid援助12348");
        assert_eq!(joined_text("第一段\n第二段"), "第一段\n第二段");
        assert!(is_joined("第一段\n第二段,legal aid。") && !is_joined("立、改") && !is_joined("a  b"));
    }

    #[test]
    fn units_carry_positions_of_the_joined_text_and_their_links() {
        use Link::*;
        assert_eq!(
            units("拨打12348、热线"),
            vec![
                ("拨".into(), 0, Apart),
                ("打".into(), 1, Together),
                ("12348".into(), 2, Together),
                ("热".into(), 7, Together),
                ("线".into(), 8, Together)
            ]
        );
        assert_eq!(
            units("司法，行政"),
            vec![
                ("司".into(), 0, Apart),
                ("法".into(), 1, Together),
                ("行".into(), 3, Apart),
                ("政".into(), 4, Together)
            ]
        );
        assert_eq!(
            units("covid-19 2.5%"),
            vec![
                ("covid".into(), 0, Apart),
                ("19".into(), 6, Bridge('-')),
                ("2".into(), 9, Bridge(' ')),
                ("5".into(), 11, Bridge('.'))
            ]
        );
        assert_eq!(units("法-2")[1].2, Apart, "only ASCII runs are bridged");
    }

    #[test]
    fn stretches_cover_every_unit_with_pairs_at_fixed_offsets() {
        let terms = |text: &str| stretches(text).into_iter().map(|s| s.terms).collect::<Vec<_>>();
        let pairs = |v: &[(usize, &str)]| StretchTerms::Pairs(v.iter().map(|(o, t)| (*o, t.to_string())).collect());
        assert_eq!(terms("法"), [StretchTerms::Unit("法".into())]);
        assert_eq!(terms("司法"), [pairs(&[(0, "司法")])]);
        assert_eq!(terms("司法局"), [pairs(&[(0, "司法"), (1, "法局")])]);
        assert_eq!(terms("司法行政"), [pairs(&[(0, "司法"), (2, "行政")])]);
        assert_eq!(terms("哈哈哈哈哈"), [pairs(&[(0, "哈哈"), (2, "哈哈"), (3, "哈哈")])]);
        assert_eq!(terms("2024年"), [pairs(&[(0, "2024年")])]);
        assert_eq!(terms("第3.2条"), [pairs(&[(0, "第3"), (1, "3.2"), (3, "2条")])], "bridges are looked up");
        assert_eq!(terms("司法，行政"), [pairs(&[(0, "司法")]), pairs(&[(0, "行政")])]);
        assert_eq!(terms("立、改、废、释"), [pairs(&[(0, "立改"), (2, "废释")])]);
        assert_eq!(stretches("“司法”，").len(), 1);
        assert!(stretches("，。").is_empty());
    }

    #[test]
    fn boundaries_keep_ascii_runs_whole() {
        assert!(on_unit_boundaries("在2024年", 3, 7));
        assert!(!on_unit_boundaries("20240年", 0, 4));
        assert!(on_unit_boundaries("司法局", 0, 6));
    }
}
