//! DATE, MONEY and PERCENT expressions: small hand-written grammars over tokens.
//!
//! Spans follow the annotation guidelines: approximators stay inside ("roughly $75
//! million", "just over a decade ago"), a leading "the" stays out ("the past three
//! months" → "past three months"), coordinated dates are one span ("July and August",
//! "June 3 and 4", "weeks or months"); frequency words ("weekly") and bare
//! nouns such as "time" or "anniversary" are not dates.
//!
//! ```
//! use dossier_core::text::tokenize;
//! use dossier_core::values::scan;
//! use dossier_core::Label;
//!
//! let text = "Sales rose 12% to $75 million last year, three days earlier.";
//! let toks = tokenize(text, 0..text.len());
//! let spans: Vec<(&str, Label)> = scan(text, &toks)
//!     .into_iter()
//!     .map(|v| (&text[toks[v.start].start..toks[v.end - 1].end], v.label))
//!     .collect();
//! assert_eq!(spans, [("12%", Label::Percent), ("$75 million", Label::Money),
//!     ("last year", Label::Date), ("three days earlier", Label::Date)]);
//! ```

use crate::label::Label;
use crate::text::{Token, TokenKind};

/// A value expression: tokens `start..end` of the scanned slice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Value {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// DATE, MONEY or PERCENT.
    pub label: Label,
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "mar.",
    "apr.",
    "jun.",
    "jul.",
    "aug.",
    "sept.",
    "sep.",
    "oct.",
    "nov.",
    "dec.",
];
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const UNITS: &[&str] = &[
    "day",
    "days",
    "week",
    "weeks",
    "weekend",
    "weekends",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "fortnight",
    "quarter",
    "quarters",
];
const PLURAL_UNITS: &[&str] = &["days", "weeks", "months", "years", "decades", "centuries"];
const DEICTIC: &[&str] = &[
    "this",
    "last",
    "next",
    "past",
    "coming",
    "previous",
    "recent",
    "current",
    "following",
    "preceding",
    "final",
    "first",
    "early",
    "late",
];
/// Numbers and vague amounts written as words ("seven", "a dozen", "several"); also
/// read by [`crate::duration`].
pub(crate) const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "several",
    "few",
    "many",
    "couple",
    "dozen",
    "half",
];
const ORDINAL_WORDS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "twenty-first",
];
const SUFFIXES: &[&str] = &["ago", "earlier", "later", "before", "after", "old", "long"];
/// Words before a number that hedge or bound it ("about", "over"); also read by
/// [`crate::value_key`].
pub(crate) const APPROX: &[&str] = &[
    "just",
    "over",
    "about",
    "around",
    "almost",
    "nearly",
    "roughly",
    "some",
    "under",
    "approximately",
    "barely",
    "exactly",
    "precisely",
    "well",
];
/// Two-word approximators and bounds ("more than").
pub(crate) const APPROX2: &[(&str, &str)] = &[
    ("more", "than"),
    ("less", "than"),
    ("fewer", "than"),
    ("at", "least"),
    ("up", "to"),
    ("as", "much"),
    ("as", "many"),
    ("a", "little"),
];
/// Multipliers written after a number ("3 million"); also read by [`crate::duration`].
pub(crate) const SCALES: &[&str] = &[
    "thousand", "million", "billion", "trillion", "bn", "m", "mn", "tn", "k", "crore", "lakh",
];
const CURRENCY_WORDS: &[&str] = &[
    "dollars",
    "dollar",
    "euros",
    "euro",
    "pounds",
    "yuan",
    "renminbi",
    "rubles",
    "roubles",
    "ruble",
    "rouble",
    "yen",
    "rupees",
    "rupee",
    "francs",
    "won",
    "pesos",
    "rand",
    "naira",
    "shillings",
    "cedis",
    "dirhams",
    "riyals",
    "lira",
    "reais",
    "bitcoin",
    "cents",
];
const CURRENCY_SYMBOLS: &[&str] = &["$", "€", "£", "¥", "₹", "₽", "₩", "₦"];

struct Cursor<'a> {
    text: &'a str,
    toks: &'a [Token],
}

impl Cursor<'_> {
    fn t(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }
    fn is(&self, i: usize, list: &[&str]) -> bool {
        let w = self.t(i);
        !w.is_empty() && crate::text::is_one_of(w, list)
    }
    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }
    fn is_num(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Number)
            && self
                .t(i)
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    }
    fn day(&self, i: usize) -> bool {
        self.is_num(i) && self.t(i).parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
            || (self.kind(i) == Some(TokenKind::Number) && {
                let w = self.t(i);
                let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
                matches!(&w[digits.len()..], "st" | "nd" | "rd" | "th")
                    && digits.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
            })
    }
    fn year(&self, i: usize) -> bool {
        let w = self.t(i);
        self.kind(i) == Some(TokenKind::Number)
            && w.len() == 4
            && w.parse::<u32>().is_ok_and(|y| (1000..=2100).contains(&y))
    }
    fn ordinal(&self, i: usize) -> bool {
        let w = self.t(i);
        if self.kind(i) == Some(TokenKind::Number) {
            let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
            return !digits.is_empty() && matches!(&w[digits.len()..], "st" | "nd" | "rd" | "th");
        }
        has_ordinal_ending(w) && self.is(i, ORDINAL_WORDS)
    }
    fn quantity(&self, i: usize) -> bool {
        self.is_num(i) || self.is(i, NUMBER_WORDS) || self.ordinal(i)
    }
    fn month(&self, i: usize) -> bool {
        crate::text::is_capitalised(self.t(i)) && self.is(i, MONTHS)
    }
    fn weekday(&self, i: usize) -> bool {
        crate::text::is_capitalised(self.t(i)) && self.is(i, WEEKDAYS)
    }
    fn unit(&self, i: usize) -> bool {
        starts_like_unit(self.t(i)) && self.is(i, UNITS)
    }
}

/// The first letters of [`UNITS`] (all lower-case ASCII), a bit per letter.
const UNIT_FIRST_LETTERS: u32 = {
    let mut mask = 0;
    let mut i = 0;
    while i < UNITS.len() {
        mask |= 1 << (UNITS[i].as_bytes()[0] - b'a');
        i += 1;
    }
    mask
};

/// Whether `w` starts with the lower-case first letter of some unit: a quick filter
/// before the list itself.
fn starts_like_unit(w: &str) -> bool {
    w.as_bytes()
        .first()
        .is_some_and(|&b| b.is_ascii_lowercase() && UNIT_FIRST_LETTERS & (1 << (b - b'a')) != 0)
}

/// Whether `w` ends like an ordinal ("-st", "-nd", "-rd", "-th", in any case), as every
/// word of [`ORDINAL_WORDS`] does.
fn has_ordinal_ending(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 2
        && matches!(
            [
                b[b.len() - 2].to_ascii_lowercase(),
                b[b.len() - 1].to_ascii_lowercase()
            ],
            [b's', b't'] | [b'n', b'd'] | [b'r', b'd'] | [b't', b'h']
        )
}

/// Whether `w` is one of [`CURRENCY_SYMBOLS`], all of which are "$" or outside ASCII:
/// other ASCII punctuation is ruled out by its first byte.
fn is_currency_symbol(w: &str) -> bool {
    w.as_bytes().first().is_some_and(|&b| b == b'$' || !b.is_ascii()) && CURRENCY_SYMBOLS.contains(&w)
}

/// Every value expression in `toks` (one block), in order, never overlapping.
pub fn scan(text: &str, toks: &[Token]) -> Vec<Value> {
    let mut out = Vec::new();
    scan_into(text, toks, &mut out);
    out
}

/// [`scan`] into `out` (cleared first), so that a caller can reuse its buffer.
pub(crate) fn scan_into(text: &str, toks: &[Token], out: &mut Vec<Value>) {
    out.clear();
    let c = Cursor { text, toks };
    let mut i = 0;
    let triggers = triggers();
    let mut lower = String::new();
    while i < toks.len() {
        // Most tokens cannot start a value: one hash lookup rules them out.
        let can_start = match toks[i].kind {
            TokenKind::Number => true,
            TokenKind::Punct => is_currency_symbol(c.t(i)),
            TokenKind::Possessive => false,
            TokenKind::Word => match triggers.starts(c.t(i), &mut lower) {
                None => false,
                Some(Needs::Nothing) => true,
                Some(Needs::Count) => counts_next(&c, i + 1, triggers, &mut lower),
            },
        };
        if !can_start {
            i += 1;
            continue;
        }
        if let Some((end, label)) = money_or_percent(&c, i).or_else(|| date(&c, i)) {
            let start = extend_approximators(&c, i, out.last().map_or(0, |v| v.end), label);
            out.push(Value { start, end, label });
            i = end;
        } else {
            i += 1;
        }
    }
}

/// The longest word that can start a value expression ("twenty-first").
const MAX_TRIGGER_LEN: usize = 12;

/// What a trigger word needs of the next token before the grammar is worth trying.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Needs {
    /// Nothing: the word may start a value whatever follows.
    Nothing,
    /// A number, a value word or "of": "a year", "a couple of", "this week", "last two
    /// months", "first half of", "21st century". Articles, deictic and ordinal words
    /// (45% of trigger hits are "a", "an" and "this") start a value only then.
    Count,
}

/// The words that need [`Needs::Count`]: every rule that an article, a deictic word or
/// an ordinal word opens goes on with a quantity, a unit, "few"/"couple" or "of" (the
/// quantities and units are triggers themselves).
const NEEDS_COUNT: &[&[&str]] = &[&["a", "an"], DEICTIC, ORDINAL_WORDS];

/// Whether token `i` can continue a value opened by a [`Needs::Count`] word: a number,
/// a trigger word, or "of". `lower` is a scratch buffer.
fn counts_next(c: &Cursor, i: usize, triggers: &Triggers, lower: &mut String) -> bool {
    match c.kind(i) {
        Some(TokenKind::Number) => true,
        Some(TokenKind::Word) => triggers.starts(c.t(i), lower).is_some() || c.is(i, &["of"]),
        _ => false,
    }
}

/// The lower-case words that can start a value expression, behind a quick filter: most
/// words are ruled out by their length and first and last letters alone.
struct Triggers {
    words: crate::hash::FxMap<&'static str, Needs>,
    shapes: crate::shape::Shapes,
}

impl Triggers {
    fn new(words: crate::hash::FxMap<&'static str, Needs>) -> Triggers {
        assert!(words
            .keys()
            .all(|w| w.is_ascii() && !w.is_empty() && w.len() <= MAX_TRIGGER_LEN));
        let shapes = crate::shape::Shapes::new(words.keys().copied());
        Triggers { words, shapes }
    }

    /// What the word `w` (lower-cased into `lower`) needs to start a value if it is a
    /// trigger; `None` if it is not one. The shape test also turns away words outside
    /// ASCII that lower-case to a trigger (the Kelvin sign is a "K"): no rule matches
    /// them anyway, as every rule compares words with ASCII lists.
    fn starts(&self, w: &str, lower: &mut String) -> Option<Needs> {
        if !self.shapes.admit(w) {
            return None;
        }
        self.look_up(w, lower)
    }

    /// [`Triggers::starts`] for a word of the right shape.
    #[inline(never)]
    fn look_up(&self, w: &str, lower: &mut String) -> Option<Needs> {
        crate::text::lower_into(w, lower);
        self.words.get(lower.as_str()).copied()
    }
}

/// Lower-case words that can start a value expression.
fn triggers() -> &'static Triggers {
    static T: std::sync::OnceLock<Triggers> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let mut t = crate::hash::FxMap::default();
        for list in [MONTHS, WEEKDAYS, UNITS, DEICTIC, NUMBER_WORDS, ORDINAL_WORDS] {
            t.extend(list.iter().map(|&w| (w, Needs::Nothing)));
        }
        let more = [
            "today",
            "yesterday",
            "tomorrow",
            "a",
            "an",
            "early",
            "mid",
            "late",
            "earlier",
            "later",
            "end",
            "beginning",
            "start",
            "middle",
            "turn",
            "us",
        ];
        t.extend(more.iter().map(|&w| (w, Needs::Nothing)));
        // "early" and "late" also open "early 2000s".
        for &w in NEEDS_COUNT.iter().flat_map(|l| l.iter()) {
            if !matches!(w, "early" | "late") {
                t.insert(w, Needs::Count);
            }
        }
        Triggers::new(t)
    })
}

/// Moves `start` left over approximators ("just over", "more than", "approximately").
fn extend_approximators(c: &Cursor, mut start: usize, floor: usize, label: Label) -> usize {
    loop {
        if start >= floor + 2
            && APPROX2
                .iter()
                .any(|(a, b)| c.is(start - 2, &[a]) && c.is(start - 1, &[b]))
        {
            start -= 2;
        } else if start > floor && c.is(start - 1, APPROX) {
            // "over" and "under" only approximate a number, never a deictic date.
            start -= 1;
        } else {
            break;
        }
    }
    let _ = label;
    start
}

fn money_or_percent(c: &Cursor, i: usize) -> Option<(usize, Label)> {
    // $240 billion, US$5m, €3 trillion
    let mut j = i;
    if c.t(j) == "US" && c.t(j + 1) == "$" {
        j += 1;
    }
    if CURRENCY_SYMBOLS.contains(&c.t(j)) && c.kind(j + 1) == Some(TokenKind::Number) {
        let mut e = j + 2;
        if c.is(e, SCALES) {
            e += 1;
        }
        return Some((e, Label::Money));
    }
    if c.kind(i) == Some(TokenKind::Number) || c.is(i, NUMBER_WORDS) {
        let mut e = i + 1;
        if c.is(e, SCALES) {
            e += 1;
        }
        if c.t(e) == "%" {
            return Some((e + 1, Label::Percent));
        }
        if c.is(e, &["percent"]) {
            return Some((e + 1, Label::Percent));
        }
        if c.is(e, &["per"]) && c.is(e + 1, &["cent"]) {
            return Some((e + 2, Label::Percent));
        }
        if c.is(e, CURRENCY_WORDS) && c.kind(i) == Some(TokenKind::Number) {
            return Some((e + 1, Label::Money));
        }
    }
    None
}

/// A date expression starting at token `i`: its end. The rules are tried in order, the
/// first that matches decides; a relative date ([`relative_date`]) decides as soon as
/// its first word fits, even when the rest does not.
fn date(c: &Cursor, i: usize) -> Option<(usize, Label)> {
    let end = calendar_date(c, i)
        .or_else(|| year_or_decade(c, i))
        .or_else(|| period_phrase(c, i));
    match end {
        Some(e) => Some((e, Label::Date)),
        None => relative_date(c, i).map(|e| (e, Label::Date)),
    }
}

/// A date of the calendar: "Monday, May 16, 2024", "May 16", "16 May 2024", "today".
fn calendar_date(c: &Cursor, i: usize) -> Option<usize> {
    // Weekday, Month Day, Year
    if c.weekday(i) {
        let e = i + 1;
        let k = if c.t(e) == "," { e + 1 } else { e };
        let month = if c.month(k) { month_phrase(c, k) } else { None };
        return Some(month.unwrap_or(e));
    }
    if c.month(i) {
        if let Some(e) = month_phrase(c, i) {
            return Some(e);
        }
    }
    // 16 May 2024
    if c.day(i) && c.month(i + 1) {
        let mut e = i + 2;
        if c.year(e) {
            e += 1;
        } else if c.t(e) == "," && c.year(e + 1) {
            e += 2;
        }
        return Some(e);
    }
    if c.is(i, &["today", "yesterday", "tomorrow"]) {
        return Some(i + 1);
    }
    None
}

/// Words after a year that show it is not a noun's modifier ("in 2030 and", "2030 was"):
/// after any other lower-case word the number reads as a quantity ("2030 targets").
const AFTER_A_YEAR: &[&str] = &[
    "and", "or", "to", "when", "after", "before", "until", "as", "in", "on", "with", "the", "was", "is",
    "will", "would", "that", "which", "but",
];

/// A decade ("1990s") or a year ("2030") that no noun follows. A singular unit of time
/// after a year is not one the year counts ("the Cup 2018 day two", "in 2018 day trips":
/// the year alone is the date), as a plural one is ("2018 days").
fn year_or_decade(c: &Cursor, i: usize) -> Option<usize> {
    if c.kind(i) != Some(TokenKind::Number) {
        return None;
    }
    let w = c.t(i);
    let decade =
        w.len() == 5 && w.ends_with('s') && w[..4].parse::<u32>().is_ok_and(|y| (1000..=2100).contains(&y));
    if decade {
        return Some(i + 1);
    }
    if c.year(i) && !c.toks[i].hyphen {
        let next = c.t(i + 1);
        let singular_unit = c.unit(i + 1) && !c.is(i + 1, PLURAL_UNITS) && !c.toks[i + 1].hyphen;
        let noun_follows = next.chars().next().is_some_and(|ch| ch.is_lowercase())
            && !c.is(i + 1, AFTER_A_YEAR)
            && !singular_unit;
        if !noun_follows {
            return Some(i + 1);
        }
    }
    None
}

/// A period named by a phrase: "21st century", "early 2000s", "end of the year",
/// "earlier this month".
fn period_phrase(c: &Cursor, i: usize) -> Option<usize> {
    // nineteenth century, 21st century
    if c.ordinal(i) && c.is(i + 1, &["century", "centuries"]) {
        return Some(i + 2);
    }
    // early/mid/late + decade or year
    if c.is(i, &["early", "mid", "late"]) && (c.kind(i + 1) == Some(TokenKind::Number)) {
        let nw = c.t(i + 1);
        if nw.len() == 5 && nw.ends_with('s') || c.year(i + 1) {
            return Some(i + 2);
        }
    }
    // end of the year, beginning of next month
    if c.is(i, &["end", "beginning", "start", "middle", "turn"])
        && c.is(i + 1, &["of"])
        && c.is(i + 2, &["the", "this", "next", "last"])
        && c.unit(i + 3)
        && !c.is(i + 3, PLURAL_UNITS)
    {
        return Some(i + 4);
    }
    // earlier this month, later this year
    if c.is(i, &["earlier", "later"]) && c.is(i + 1, &["this", "last", "next"]) && c.unit(i + 2) {
        return Some(i + 3);
    }
    None
}

/// A date relative to the text's: "this week", "two days earlier", "months". The
/// first word decides which rule applies, and that rule alone.
fn relative_date(c: &Cursor, i: usize) -> Option<usize> {
    if c.is(i, DEICTIC) && !c.is(i, &["first", "final", "early", "late"]) {
        deictic_date(c, i)
    } else if c.quantity(i) || c.is(i, &["a", "an"]) {
        counted_date(c, i)
    } else if c.unit(i) && c.is(i, PLURAL_UNITS) {
        // months, years, decades (bare plural), weeks or months
        let prev = if i > 0 { c.t(i - 1) } else { "" };
        let determined = prev.eq_ignore_ascii_case("the") || prev.eq_ignore_ascii_case("same");
        (!determined).then(|| coordinated_unit(c, i + 1))
    } else {
        None
    }
}

/// A unit after a deictic word: "this week", "past two years", "recent years", "last
/// month".
fn deictic_date(c: &Cursor, i: usize) -> Option<usize> {
    let mut j = i + 1;
    if c.is(j, &["couple"]) && c.is(j + 1, &["of"]) {
        j += 2;
    } else if c.quantity(j) {
        j += 1;
    }
    // "could last weeks" is a verb: a deictic word before a bare plural needs a number.
    let bare_plural = j == i + 1
        && c.is(j, PLURAL_UNITS)
        && c.is(i, &["last", "next", "this", "coming", "following", "previous"]);
    // "this three-week tour": the compound is the date, not the deictic word.
    let compound = c.toks.get(j).is_some_and(|t| t.hyphen);
    (c.unit(j) && !bare_plural && !compound).then(|| suffix(c, j + 1))
}

/// A counted unit: "two days earlier", "100 years", "a year ago", "a few weeks".
fn counted_date(c: &Cursor, i: usize) -> Option<usize> {
    let article = c.is(i, &["a", "an"]);
    let mut j = i + 1;
    if article && c.is(j, &["few", "couple"]) {
        j += 1;
    }
    if c.is(j, &["of"]) {
        j += 1;
    }
    if !c.unit(j) || c.toks[j].hyphen && c.is(j + 1, &["-"]) {
        return None;
    }
    let e = suffix(c, j + 1);
    // "a year" needs an approximator or a suffix: "twice a year" is a frequency.
    if article && e == j + 1 && !approximated(c, i) {
        return None;
    }
    if c.is(i, &["many"]) && !c.is(j, PLURAL_UNITS) {
        return None;
    }
    Some(e)
}

/// Whether an approximator ("about", "more than") ends just before token `i`.
fn approximated(c: &Cursor, i: usize) -> bool {
    i > 0
        && (c.is(i - 1, APPROX)
            || (i > 1
                && APPROX2
                    .iter()
                    .any(|(a, b)| c.is(i - 2, &[a]) && c.is(i - 1, &[b]))))
}

/// The end of a bare plural unit whose word ends before token `e`: after a second bare
/// plural unit coordinated to it ("weeks or months", "days to weeks", "months, if not
/// years", "days, or even weeks": coordinated dates are one span), else `e`.
fn coordinated_unit(c: &Cursor, e: usize) -> usize {
    let mut j = e + usize::from(c.t(e) == ",");
    if c.is(j, &["or", "to"]) {
        j += 1;
        if j > e + 1 && c.is(j, &["even"]) {
            j += 1;
        }
    } else if j > e && c.is(j, &["if"]) && c.is(j + 1, &["not"]) {
        j += 2;
    } else {
        return e;
    }
    if c.unit(j) && c.is(j, PLURAL_UNITS) {
        j + 1
    } else {
        e
    }
}

/// ago / earlier / later / before … after a unit.
fn suffix(c: &Cursor, j: usize) -> usize {
    if c.is(j, SUFFIXES) && !c.toks[j].glued {
        j + 1
    } else {
        j
    }
}

/// Month [Day [and|–|- Day]] [, Year] | Month Year | Month and Month. `None` for a bare
/// "May" with no date context.
fn month_phrase(c: &Cursor, i: usize) -> Option<usize> {
    let mut e = i + 1;
    let mut dated = !c.is(i, &["may", "march"]);
    if c.day(e) {
        e += 1;
        dated = true;
        if (c.is(e, &["and", "to", "through", "-", "–"]) || c.toks.get(e).is_some_and(|t| t.hyphen))
            && c.day(
                e + usize::from(
                    !c.toks
                        .get(e)
                        .is_some_and(|t| t.hyphen && c.kind(e) == Some(TokenKind::Number)),
                ),
            )
        {
            if c.toks[e].hyphen && c.kind(e) == Some(TokenKind::Number) {
                e += 1;
            } else {
                e += 2;
            }
        }
        if c.t(e) == "," && c.year(e + 1) {
            e += 2;
        } else if c.year(e) {
            e += 1;
        }
    } else if c.year(e) {
        e += 1;
        dated = true;
    } else if c.is(e, &["and", "or", "to", "through"]) && c.month(e + 1) {
        e += 2;
        dated = true;
        if c.year(e) {
            e += 1;
        }
    }
    if !dated {
        let prev = if i > 0 { c.t(i - 1) } else { "" };
        let ctx = [
            "in", "since", "until", "by", "early", "late", "mid", "last", "next", "this", "of", "through",
            "from", "during", "before", "after", "on",
        ];
        if ctx.iter().any(|x| x.eq_ignore_ascii_case(prev)) {
            dated = true;
        }
    }
    dated.then_some(e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn spans(text: &str) -> Vec<(String, Label)> {
        let toks = tokenize(text, 0..text.len());
        scan(text, &toks)
            .into_iter()
            .map(|v| {
                (
                    text[toks[v.start].start..toks[v.end - 1].end].to_string(),
                    v.label,
                )
            })
            .collect()
    }

    fn dates(text: &str) -> Vec<String> {
        spans(text)
            .into_iter()
            .filter(|(_, l)| *l == Label::Date)
            .map(|(s, _)| s)
            .collect()
    }

    #[test]
    fn currency_symbols_are_dollars_or_outside_ascii() {
        assert!(CURRENCY_SYMBOLS.iter().all(|w| is_currency_symbol(w)));
        assert!(!is_currency_symbol(",") && !is_currency_symbol("—") && !is_currency_symbol(""));
    }

    #[test]
    fn ordinal_words_have_ordinal_endings_and_units_their_first_letters() {
        assert!(ORDINAL_WORDS.iter().all(|w| has_ordinal_ending(w)));
        assert!(has_ordinal_ending("FIRST") && !has_ordinal_ending("two") && !has_ordinal_ending("t"));
        assert!(UNITS.iter().all(|w| starts_like_unit(w)));
        assert!(!starts_like_unit("Day") && !starts_like_unit("apple") && !starts_like_unit(""));
    }

    #[test]
    fn the_trigger_filter_keeps_every_trigger_in_any_case() {
        let t = triggers();
        let mut lower = String::new();
        for w in t.words.keys() {
            assert!(t.starts(w, &mut lower).is_some(), "{w}");
            assert!(t.starts(&w.to_ascii_uppercase(), &mut lower).is_some(), "{w}");
        }
        for w in ["the", "and", "said", "Putin", "Aprils", "", "yesterdays", "mäy"] {
            assert!(t.starts(w, &mut lower).is_none(), "{w}");
        }
    }

    #[test]
    fn a_word_that_needs_a_count_starts_no_value_without_one() {
        let t = triggers();
        let mut lower = String::new();
        let mut nexts: Vec<String> = t.words.keys().map(|w| w.to_string()).collect();
        nexts.extend(t.words.keys().map(|w| w.to_ascii_uppercase()));
        nexts.extend(
            [
                "of", "Of", "the", "new", "report", "%", "$", "US", ",", "-", "percent", "million", "cent",
                "per", "ago", "2024", "21st", "Day", "Week", "if", "and", "century",
            ]
            .map(String::from),
        );
        let count_words = t
            .words
            .iter()
            .filter(|(_, n)| **n == Needs::Count)
            .map(|(w, _)| w);
        for w in count_words {
            for form in [w.to_string(), w.to_ascii_uppercase()] {
                for next in &nexts {
                    for after in ["", " of", " year", " days ago", " million"] {
                        let text = format!("just {form} {next}{after} x");
                        let toks = tokenize(&text, 0..text.len());
                        let c = Cursor {
                            text: &text,
                            toks: &toks,
                        };
                        let grammar = money_or_percent(&c, 1).or_else(|| date(&c, 1));
                        if grammar.is_some() {
                            assert!(counts_next(&c, 2, t, &mut lower), "{text}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn full_dates_with_weekday_and_year_are_one_span() {
        assert_eq!(dates("on Friday, March 7, 2025."), ["Friday, March 7, 2025"]);
        assert_eq!(dates("on May 2, 2021."), ["May 2, 2021"]);
    }

    #[test]
    fn coordinated_days_and_months_are_one_span() {
        assert_eq!(dates("on June 3 and 4, officials said"), ["June 3 and 4"]);
        assert_eq!(dates("for July and August show"), ["July and August"]);
    }

    #[test]
    fn a_bare_may_is_not_a_date_but_in_may_is() {
        assert!(dates("They May go.").is_empty());
        assert_eq!(dates("It ended in May."), ["May"]);
    }

    #[test]
    fn relative_dates_keep_approximators_and_drop_the() {
        assert_eq!(dates("Just over a decade ago, it"), ["Just over a decade ago"]);
        assert_eq!(dates("in less than a month —"), ["less than a month"]);
        assert_eq!(dates("in the past three months"), ["past three months"]);
        assert_eq!(dates("over the past couple of weeks."), ["past couple of weeks"]);
        assert_eq!(dates("in more than five months of"), ["more than five months"]);
        assert_eq!(dates("later this week"), ["later this week"]);
        assert_eq!(dates("until the end of the month."), ["end of the month"]);
        assert_eq!(dates("just days before"), ["just days"]);
    }

    #[test]
    fn quantities_of_units_are_dates() {
        assert_eq!(dates("three weeks later the"), ["three weeks later"]);
        assert_eq!(dates("a three-week tour"), ["three-week"]);
        assert_eq!(dates("After this five-day strike"), ["five-day"]);
        assert_eq!(dates("its 12th week."), ["12th week"]);
        assert_eq!(dates("in 100 years were"), ["100 years"]);
    }

    #[test]
    fn coordinated_bare_units_are_one_span() {
        assert_eq!(dates("repairs take weeks or months."), ["weeks or months"]);
        assert_eq!(
            dates("a wait of weeks, if not months, at"),
            ["weeks, if not months"]
        );
        assert_eq!(dates("it may run days, or even weeks"), ["days, or even weeks"]);
        assert_eq!(dates("stays of months to years"), ["months to years"]);
        assert_eq!(dates("for years or more"), ["years"]);
        assert_eq!(dates("weeks, if not sooner"), ["weeks"]);
    }

    #[test]
    fn centuries_decades_and_years_are_dates() {
        assert_eq!(dates("in the eighteenth century."), ["eighteenth century"]);
        assert_eq!(dates("in the late 1990s and"), ["late 1990s"]);
        assert_eq!(dates("until 2041 –"), ["2041"]);
    }

    #[test]
    fn a_year_before_a_singular_unit_is_the_date_alone() {
        // regression: "2018 day" was read as 2018 days, cutting an event's edition year
        assert_eq!(dates("at the Lakeside Games 1996 week one ended"), ["1996"]);
        assert_eq!(dates("In 2019 month-long passes sold out"), ["2019"]);
        assert_eq!(dates("after 2021 days of waiting"), ["2021 days"]);
    }

    #[test]
    fn frequencies_and_anniversaries_are_not_dates() {
        assert!(dates("worsening weekly, twice a year, the 80th anniversary, over time").is_empty());
        assert!(dates("the same months").is_empty());
    }

    #[test]
    fn money_and_percent_keep_their_approximators() {
        assert_eq!(
            spans("roughly $75 million and 40 million euros, a 12% rise"),
            [
                ("roughly $75 million".to_string(), Label::Money),
                ("40 million euros".to_string(), Label::Money),
                ("12%".to_string(), Label::Percent),
            ]
        );
    }
}
