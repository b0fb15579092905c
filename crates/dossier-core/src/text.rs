//! The text model: tokens with byte offsets and sentences, over one block (a non-empty
//! line) of a document.
//!
//! Tokens are words, numbers and single punctuation characters. The tokenizer is a
//! hand-written scanner, Unicode-aware and linear in the text:
//!
//! - abbreviations keep their periods (`U.S.`, `D.C.`, `Mr.`, `V.`), so a period that is
//!   its own token ends a sentence;
//! - a possessive ending (`'s`, `’s`) is its own [`TokenKind::Possessive`] token, so a
//!   name never includes it; an apostrophe inside a word stays (`Xi'an`, `don’t`);
//! - a hyphen between two words is dropped and the second token is marked
//!   [`Token::hyphen`]: "U.S.-China" is `U.S.` + `China`, "Kim Jong-un" is `Kim`,
//!   `Jong`, `un` with `un` marked, so a name can take its parts back.
//!
//! ```
//! use dossier_core::text::{tokenize, TokenKind};
//!
//! let text = "Mr. Putin’s U.S.-China talks.";
//! let toks = tokenize(text, 0..text.len());
//! let words: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
//! assert_eq!(words, ["Mr.", "Putin", "’s", "U.S.", "China", "talks", "."]);
//! assert_eq!(toks[2].kind, TokenKind::Possessive);
//! assert!(toks[4].hyphen);
//! ```

use std::ops::Range;

mod doc_tokens;
pub use doc_tokens::{DocTokens, KeptTokens};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Starts with a letter: a word, a name, an abbreviation with its periods.
    Word,
    /// Starts with a digit: `240`, `35,000`, `2.5`, `2000s`, `21st`.
    Number,
    /// A possessive ending, `'s` or `’s`.
    Possessive,
    /// Any other single character that is not white space.
    Punct,
}

/// One token: a byte range in the document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// What the token is.
    pub kind: TokenKind,
    /// Joined to the previous token by a hyphen ("China" in "U.S.-China").
    pub hyphen: bool,
    /// No white space between this token and the previous one.
    pub glued: bool,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, doc: &'a str) -> &'a str {
        &doc[self.start..self.end]
    }
}

/// Words that keep a following period: titles and common abbreviations.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt", "Sgt",
    "Prof", "Rev", "Adm", "Cmdr", "Maj", "Brig", "Gens", "Sens", "Reps", "Inc", "Corp", "Co", "Ltd", "Jan",
    "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No", "vs", "etc", "Mt",
    "Ft", "Ave", "Blvd", "approx", "Dept", "Univ", "Messrs",
];

/// The longest of [`ABBREVIATIONS`]: a longer word before a period is not one.
const MAX_ABBREVIATION_LEN: usize = {
    let (mut max, mut i) = (0, 0);
    while i < ABBREVIATIONS.len() {
        if ABBREVIATIONS[i].len() > max {
            max = ABBREVIATIONS[i].len();
        }
        i += 1;
    }
    max
};

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// Dashes that some texts write for a hyphen ("Guinea–Bissau"): a hyphen only between
/// two letters, since between numbers they make a range ("16–17 May").
fn is_dash_for_hyphen(c: char) -> bool {
    matches!(c, '‒' | '–' | '−')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks (decomposed accents) stay inside words.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF)
}

/// Tokens of `range` in `text`, in order.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, range, &mut out);
    out
}

/// Appends the tokens of `range` in `text` to `out` (lets callers reuse a buffer).
///
/// The scanner walks byte positions of the block and decodes a character only where it
/// looks, so ASCII text (most of it) costs a byte load per character.
pub fn tokenize_into(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let s = &text[range.clone()];
    let mut scanner = Scanner {
        s,
        bytes: s.as_bytes(),
        base: range.start,
        out,
        pending_hyphen: false,
        last_end: usize::MAX,
    };
    let mut i = 0;
    while let Some(c) = char_at(s, i) {
        i = scanner.step(i, c);
    }
}

/// The tokenizer's state over one block.
struct Scanner<'s, 'o> {
    /// The block.
    s: &'s str,
    /// The block's bytes.
    bytes: &'s [u8],
    /// The block's offset in the whole text.
    base: usize,
    /// The tokens so far.
    out: &'o mut Vec<Token>,
    /// A hyphen was just dropped: the next token is joined to the previous one.
    pending_hyphen: bool,
    /// Where the last token ended, in the whole text (`usize::MAX` before the first).
    last_end: usize,
}

impl Scanner<'_, '_> {
    fn at(&self, p: usize) -> Option<char> {
        char_at(self.s, p)
    }

    /// Scans what starts at byte `i` with the character `c`: white space, a token or a
    /// hyphen that joins two; returns where the next starts.
    #[inline(always)]
    fn step(&mut self, i: usize, c: char) -> usize {
        match self.bytes[i] {
            b' ' => {
                // The common case of white space, without decoding.
                self.pending_hyphen = false;
                return i + 1;
            }
            b if b.is_ascii_alphabetic() => {
                // The common case of a word, without the Unicode tables.
                let end = self.word_end(i + 1);
                let end = self.abbreviation_end(i, i + 1, end);
                self.push(i, end, TokenKind::Word);
                return end;
            }
            _ => {}
        }
        let next = i + c.len_utf8();
        if c.is_whitespace() {
            self.pending_hyphen = false;
            return next;
        }
        // Quotes and dashes, common in news text, skip the slow Unicode tables.
        let maybe_alphanumeric = !matches!(c, '“' | '”' | '‘' | '’' | '—' | '–' | '…');
        let (kind, end) = if maybe_alphanumeric && c.is_alphabetic() {
            let end = self.word_end(next);
            (TokenKind::Word, self.abbreviation_end(i, next, end))
        } else if maybe_alphanumeric && c.is_numeric() {
            (TokenKind::Number, self.number_end(next))
        } else if self.possessive_at(i, c, next) {
            (TokenKind::Possessive, next + 1)
        } else if self.joins_words(i, c, next) {
            self.pending_hyphen = true;
            return next;
        } else {
            (TokenKind::Punct, next)
        };
        self.push(i, end, kind);
        end
    }

    /// The end of a word whose first character ends at `next`: word characters and the
    /// apostrophes inside it ("Xi’an", "don't"), but not a possessive ending.
    fn word_end(&self, next: usize) -> usize {
        let mut j = next;
        loop {
            j = skip_word_chars(self.s, j);
            if let Some(a) = apostrophe_at(self.s, j) {
                let after = j + a.len_utf8();
                if let Some(b) = self.at(after).filter(|b| b.is_alphabetic()) {
                    let possessive = matches!(b, 's' | 'S') && !self.at(after + 1).is_some_and(is_word_char);
                    if !possessive {
                        j = after;
                        continue;
                    }
                }
            }
            return j;
        }
    }

    /// The end of the word `i..j` (first character ending at `next`) with the periods it
    /// keeps: an initial's ("V.", "D.C.") or a known abbreviation's ("Mr.").
    fn abbreviation_end(&self, i: usize, next: usize, mut j: usize) -> usize {
        if self.bytes.get(j) != Some(&b'.') {
            return j;
        }
        let word = &self.s[i..j];
        // One letter, perhaps with marks ("É." written decomposed).
        let single = j == next || self.s[next..j].chars().all(is_mark);
        if single {
            j += 1;
            while let Some(a) = self.at(j).filter(|a| a.is_alphabetic()) {
                if self.at(j + a.len_utf8()) != Some('.') {
                    break;
                }
                j += a.len_utf8() + 1;
            }
        } else if word.len() <= MAX_ABBREVIATION_LEN && ABBREVIATIONS.contains(&word) {
            j += 1;
        }
        j
    }

    /// The end of a number whose first character ends at `next`, with the separators
    /// between its digits ("35,000", "2.5").
    fn number_end(&self, next: usize) -> usize {
        let bytes = self.bytes;
        let mut j = next;
        loop {
            j = skip_word_chars(self.s, j);
            // (A byte before `j` that is an ASCII digit is the whole previous character.)
            if matches!(bytes.get(j), Some(b',' | b'.'))
                && bytes.get(j + 1).is_some_and(u8::is_ascii_digit)
                && bytes[j - 1].is_ascii_digit()
            {
                j += 1;
                continue;
            }
            return j;
        }
    }

    /// Whether the apostrophe `c` at `i` (ending at `next`) starts a possessive ending
    /// glued to the word before: "Putin's".
    fn possessive_at(&self, i: usize, c: char, next: usize) -> bool {
        is_apostrophe(c)
            && self.at(next).is_some_and(|c| matches!(c, 's' | 'S'))
            && !self.at(next + 1).is_some_and(is_word_char)
            && self
                .out
                .last()
                .is_some_and(|t| t.end == self.base + i && t.kind == TokenKind::Word)
    }

    /// Whether `c` at `i` (ending at `next`) is a hyphen glued to the token before that
    /// joins it to the next: "U.S.-China", or a dash between two words ("Lyon–Turin").
    fn joins_words(&self, i: usize, c: char, next: usize) -> bool {
        (is_hyphen(c) && self.at(next).is_some_and(|c| c.is_alphanumeric())
            || is_dash_for_hyphen(c)
                && self.at(next).is_some_and(char::is_alphabetic)
                && self.out.last().is_some_and(|t| t.kind == TokenKind::Word))
            && self.last_end == self.base + i
    }

    /// Adds the token `start..end` of the block.
    fn push(&mut self, start: usize, end: usize, kind: TokenKind) {
        let (so, eo) = (self.base + start, self.base + end);
        self.out.push(Token {
            start: so,
            end: eo,
            kind,
            hyphen: self.pending_hyphen,
            glued: self.last_end == so,
        });
        self.pending_hyphen = false;
        self.last_end = eo;
    }
}

/// The character that starts at byte `p` of `s`, if any (`p` is a character boundary).
fn char_at(s: &str, p: usize) -> Option<char> {
    let b = *s.as_bytes().get(p)?;
    if b.is_ascii() {
        Some(char::from(b))
    } else {
        s[p..].chars().next()
    }
}

/// The ASCII word characters (letters and digits) by byte; false for every other byte.
const ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// The byte position after the run of word characters that starts at `p`: ASCII
/// letters and digits inline, anything else (rare) out of line.
#[inline(always)]
fn skip_word_chars(s: &str, mut p: usize) -> usize {
    let bytes = s.as_bytes();
    while p < bytes.len() && ASCII_WORD[usize::from(bytes[p])] {
        p += 1;
    }
    if p < bytes.len() && !bytes[p].is_ascii() {
        skip_word_chars_beyond_ascii(s, p)
    } else {
        p
    }
}

/// [`skip_word_chars`] from a character outside ASCII.
fn skip_word_chars_beyond_ascii(s: &str, mut p: usize) -> usize {
    let bytes = s.as_bytes();
    loop {
        while bytes.get(p).is_some_and(|&b| ASCII_WORD[usize::from(b)]) {
            p += 1;
        }
        match bytes.get(p) {
            Some(b) if !b.is_ascii() => match s[p..].chars().next() {
                Some(c) if is_word_char(c) => p += c.len_utf8(),
                _ => return p,
            },
            _ => return p,
        }
    }
}

/// The apostrophe that starts at byte `p` of `s`, if one does: its first byte rules
/// out every other character but a few.
fn apostrophe_at(s: &str, p: usize) -> Option<char> {
    match s.as_bytes().get(p)? {
        b'\'' => Some('\''),
        // The first byte of '’' (E2 80 99), '‘' (E2 80 98) and 'ʼ' (CA BC).
        0xE2 | 0xCA => char_at(s, p).filter(|&a| is_apostrophe(a)),
        _ => None,
    }
}

/// Writes `w` lower-cased into `out` (cleared first), character by character
/// ([`crate::case`]); ASCII words (most of them) take a byte-wise fast path.
pub(crate) fn lower_into(w: &str, out: &mut String) {
    out.clear();
    crate::case::push_lower(out, w);
}

/// Whether `w` is one of `list`, ignoring ASCII case (`x.eq_ignore_ascii_case(w)` for
/// some `x`). Lengths and first bytes are compared first: most entries differ there.
pub(crate) fn is_one_of(w: &str, list: &[&str]) -> bool {
    let w = w.as_bytes();
    let Some(first) = w.first().map(u8::to_ascii_lowercase) else {
        return list.iter().any(|x| x.is_empty());
    };
    list.iter().any(|x| {
        let x = x.as_bytes();
        x.len() == w.len() && x[0].to_ascii_lowercase() == first && x.eq_ignore_ascii_case(w)
    })
}

/// Whether a word starts with an upper-case letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Sentence byte ranges over `tokens` (one block): a sentence ends at `.`, `!` or `?`
/// (with closing quotes) before a token that can start a sentence.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let Some(first) = tokens.first() else {
        return out;
    };
    let mut start = first.start;
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < tokens.len() {
        let t = &tokens[i];
        // Tokens are not empty; these tests only need the length and the last byte, so
        // the token's text is not sliced (which checks character boundaries).
        let (len, last) = (t.end - t.start, bytes[t.end - 1]);
        let mut end_here = false;
        let mut j = i + 1;
        if t.kind == TokenKind::Punct && len == 1 && matches!(last, b'.' | b'!' | b'?') {
            while j < tokens.len()
                && tokens[j].kind == TokenKind::Punct
                && matches!(
                    tokens[j].text(text),
                    "”" | "\"" | "’" | "'" | ")" | "." | "!" | "?"
                )
                && tokens[j].glued
            {
                j += 1;
            }
            end_here = j >= tokens.len() || can_start_sentence(tokens[j].text(text));
        } else if t.kind == TokenKind::Word && len > 2 && last == b'.' {
            // An abbreviation at the end of a sentence: "… by the U.S. Meanwhile, …".
            if let Some(next) = tokens.get(j) {
                let nt = next.text(text);
                end_here = matches!(
                    nt,
                    "The"
                        | "But"
                        | "And"
                        | "It"
                        | "He"
                        | "She"
                        | "They"
                        | "We"
                        | "In"
                        | "This"
                        | "Meanwhile"
                        | "However"
                        | "A"
                        | "That"
                        | "There"
                        | "As"
                        | "On"
                );
            }
        }
        if end_here {
            let end = tokens[j - 1].end;
            out.push(start..end);
            if j < tokens.len() {
                start = tokens[j].start;
            } else {
                start = end;
            }
        }
        i = j;
    }
    let last = tokens.last().expect("non-empty").end;
    if start < last {
        out.push(start..last);
    }
    out
}

fn can_start_sentence(word: &str) -> bool {
    word.chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_numeric() || matches!(c, '“' | '"' | '‘' | '\'' | '(' | '—' | '–')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0..text.len())
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    fn sents(text: &str) -> Vec<&str> {
        let toks = tokenize(text, 0..text.len());
        sentences(text, &toks).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn possessives_split_off_with_straight_and_curly_apostrophes() {
        assert_eq!(words("Putin's Xi’s"), ["Putin", "'s", "Xi", "’s"]);
        assert_eq!(words("Hamas’ attack"), ["Hamas", "’", "attack"]);
    }

    #[test]
    fn apostrophes_inside_words_stay() {
        assert_eq!(
            words("Xi’an doesn't O'Brien O‘Neill"),
            ["Xi’an", "doesn't", "O'Brien", "O‘Neill"]
        );
    }

    #[test]
    fn hyphenated_compounds_split_into_marked_parts() {
        let text = "anti-American U.S.-China Kim Jong-un counter-U.S.";
        let toks = tokenize(text, 0..text.len());
        let w: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
        assert_eq!(
            w,
            ["anti", "American", "U.S.", "China", "Kim", "Jong", "un", "counter", "U.S."]
        );
        let marked: Vec<bool> = toks.iter().map(|t| t.hyphen).collect();
        assert_eq!(
            marked,
            [false, true, false, true, false, false, true, false, true]
        );
    }

    #[test]
    fn a_dash_between_letters_joins_as_a_hyphen_and_between_numbers_does_not() {
        let text = "Lyon–Turin rail, pages 16–17, a fee−free day, Ōsaka‒Kōbe";
        let toks = tokenize(text, 0..text.len());
        let w: Vec<(&str, bool)> = toks.iter().map(|t| (t.text(text), t.hyphen)).collect();
        assert_eq!(
            w,
            [
                ("Lyon", false),
                ("Turin", true),
                ("rail", false),
                (",", false),
                ("pages", false),
                ("16", false),
                ("–", false),
                ("17", false),
                (",", false),
                ("a", false),
                ("fee", false),
                ("free", true),
                ("day", false),
                (",", false),
                ("Ōsaka", false),
                ("Kōbe", true)
            ]
        );
    }

    #[test]
    fn an_initial_written_decomposed_keeps_its_period() {
        assert_eq!(words("E\u{301}. Zola"), ["E\u{301}.", "Zola"]);
    }

    #[test]
    fn numbers_keep_separators_and_suffixes() {
        assert_eq!(
            words("$240 billion, 35,000 and 2.5 in the 2000s 21st 66%"),
            ["$", "240", "billion", ",", "35,000", "and", "2.5", "in", "the", "2000s", "21st", "66", "%"]
        );
    }

    #[test]
    fn accents_marks_and_non_ascii_digits_scan_like_ascii() {
        // A digit separator joins only ASCII digits: "٣,5" is not one number.
        assert_eq!(
            words("Jose\u{301} 3\u{663},5 naïve Zelenskyy’s"),
            ["Jose\u{301}", "3\u{663}", ",", "5", "naïve", "Zelenskyy", "’s"]
        );
    }

    #[test]
    fn abbreviations_and_initials_keep_their_periods() {
        assert_eq!(
            words("Mr. Vladimir V. Putin in Washington, D.C."),
            ["Mr.", "Vladimir", "V.", "Putin", "in", "Washington", ",", "D.C."]
        );
    }

    #[test]
    fn offsets_are_bytes_into_the_whole_text() {
        let text = "“Über” café";
        let toks = tokenize(text, 0..text.len());
        assert_eq!(&text[toks[1].start..toks[1].end], "Über");
        assert_eq!(&text[toks[3].start..toks[3].end], "café");
    }

    #[test]
    fn list_membership_ignores_ascii_case_only() {
        assert!(is_one_of("Said", &["told", "said"]) && is_one_of("", &["", "x"]));
        assert!(!is_one_of("", &["x"]) && !is_one_of("saíd", &["said"]) && !is_one_of("sai", &["said"]));
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sents("Mr. Putin met U.S. officials. Vladimir V. Putin left! Then “it ended.” He said."),
            [
                "Mr. Putin met U.S. officials.",
                "Vladimir V. Putin left!",
                "Then “it ended.”",
                "He said."
            ]
        );
    }

    #[test]
    fn a_period_glued_to_a_capital_still_ends_a_sentence() {
        assert_eq!(
            sents("a financial lifeline.Credit…Alexey"),
            ["a financial lifeline.", "Credit…Alexey"]
        );
        assert_eq!(
            sents("the ferry was late again.Photo…Ingrid Halvorsen"),
            ["the ferry was late again.", "Photo…Ingrid Halvorsen"]
        );
    }

    #[test]
    fn an_ellipsis_does_not_end_a_sentence() {
        assert_eq!(sents("Gaza and… Ukraine."), ["Gaza and… Ukraine."]);
        assert_eq!(
            sents("Talks in Bergen and… Tromsø went on."),
            ["Talks in Bergen and… Tromsø went on."]
        );
    }
}
