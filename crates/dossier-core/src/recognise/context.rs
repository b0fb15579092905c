//! The recogniser's view of a block: its tokens with the tables and the lexicon, and the
//! questions asked of a token (its word, its capital, the table names, titles and known
//! full names that start there, its shape).

use super::cues::{may_be_facility_noun, FAC_NOUNS, SURNAME_ENDINGS, WORDY_ENDINGS};
use super::lexicon::{full_key_into, span_of, Dep, Deps};
use super::Lexicon;
use crate::gazetteer::{is_normal_ascii, normalise_append, normalised, Gazetteer, Known, Lengths};
use crate::normal::lexicon_form;
use crate::text::{is_capitalised, lower_into, Token, TokenKind};

/// A block's tokens with everything the recogniser looks them up in, and buffers for
/// the lookups.
pub(super) struct Ctx<'a> {
    /// The document's text.
    pub(super) text: &'a str,
    /// The block's tokens (glued words split).
    pub(super) toks: &'a [Token],
    /// The whole document's tokens (as tokenized), for its evidence.
    pub(super) doc: &'a [Token],
    /// The tables.
    pub(super) g: &'static Gazetteer,
    /// The people the corpus has introduced so far.
    pub(super) lex: &'a Lexicon,
    /// A buffer for normalised keys.
    pub(super) key: String,
    /// A buffer for lower-cased words.
    pub(super) lower: String,
    /// Where to record the lexicon's answers, when the caller wants them.
    pub(super) deps: Option<&'a mut Deps>,
    /// The token of the last [`Ctx::lengths`] and its answer.
    pub(super) lengths_at: (usize, Lengths),
    /// What the document says about its words, for the learned decision.
    pub(super) evidence: crate::decide::DocEvidence,
}

/// The highest length whose bit is set in `lens` (not 0): bit `n - 1` stands for `n`.
fn highest(lens: u64) -> usize {
    64 - lens.leading_zeros() as usize
}

impl<'a> Ctx<'a> {
    pub(super) fn w(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }
    /// Words `i` and `i + 1` joined by a space: a slice of the text when it has them
    /// so, else written into `buf`.
    pub(super) fn two_words<'b>(&self, i: usize, buf: &'b mut String) -> &'b str
    where
        'a: 'b,
    {
        if let (Some(x), Some(y)) = (self.toks.get(i), self.toks.get(i + 1)) {
            if y.start == x.end + 1 && self.text.as_bytes()[x.end] == b' ' {
                return &self.text[x.start..y.end];
            }
        }
        buf.clear();
        buf.push_str(self.w(i));
        buf.push(' ');
        buf.push_str(self.w(i + 1));
        buf
    }
    pub(super) fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }
    /// Whether token `i` is a capitalised word.
    pub(super) fn cap(&self, i: usize) -> bool {
        // Most words start with an ASCII letter: no need to slice and decode them.
        self.toks.get(i).is_some_and(|t| {
            t.kind == TokenKind::Word
                && match self.text.as_bytes()[t.start] {
                    b if b.is_ascii() => b.is_ascii_uppercase(),
                    _ => is_capitalised(t.text(self.text)),
                }
        })
    }
    pub(super) fn lower_is(&self, i: usize, list: &[&str]) -> bool {
        let w = self.w(i);
        !w.is_empty() && crate::text::is_one_of(w, list)
    }
    /// Whether a facility noun is among the lower-case words (at most three) from token
    /// `i` on: "… gas pipeline".
    pub(super) fn facility_noun_from(&self, mut i: usize) -> bool {
        for _ in 0..3 {
            if !self.is_word(i) || self.cap(i) {
                return false;
            }
            let t = &self.toks[i];
            if may_be_facility_noun(t.end - t.start, self.text.as_bytes()[t.start])
                && self.lower_is(i, FAC_NOUNS)
            {
                return true;
            }
            i += 1;
        }
        false
    }
    pub(super) fn stop(&mut self, i: usize) -> Option<&'static str> {
        lower_into(self.w(i), &mut self.lower);
        self.g.stop(&self.lower)
    }
    /// The normalised text of tokens `i..j`.
    pub(super) fn key(&mut self, i: usize, j: usize) -> &str {
        normalised(
            &self.text[self.toks[i].start..self.toks[j - 1].end],
            &mut self.key,
        )
    }
    /// The token counts of the table names and titles that start with token `i` and
    /// fit in the block. The last answer is kept: `gaz` and `title` ask for the same token.
    pub(super) fn lengths(&mut self, i: usize) -> Lengths {
        if self.lengths_at.0 != i {
            let fit = u64::MAX
                .checked_shr((64 - (self.toks.len() - i).min(64)) as u32)
                .unwrap_or(0);
            let l = self.g.lengths(self.w(i));
            self.lengths_at = (
                i,
                Lengths {
                    names: l.names & fit,
                    titles: l.titles & fit,
                    word: l.word,
                },
            );
        }
        self.lengths_at.1
    }
    /// The longest table name at token `i`: as written, or read without case in a run
    /// written in capitals ("NEW YORK —", "UNITED NATIONS").
    pub(super) fn gaz(&mut self, i: usize) -> Option<(usize, Known)> {
        let exact = self.gaz_as_written(i);
        let caps = crate::normal::caps_name(self.g, self.text, self.toks, i, &mut self.key);
        match (exact, caps) {
            (Some((n, _)), Some((m, k))) if m > n => Some((m, k)),
            (None, caps) => caps,
            (exact, _) => exact,
        }
    }
    fn gaz_as_written(&mut self, i: usize) -> Option<(usize, Known)> {
        let Lengths {
            names: mut lens,
            word,
            ..
        } = self.lengths(i);
        if lens != 0 {
            // Longest first. When the longest span is normal ASCII, so is every shorter
            // one (each ends at a token): no need to look at their bytes again.
            let longest = highest(lens);
            let start = self.toks[i].start;
            let normal = is_normal_ascii(&self.text[start..self.toks[i + longest - 1].end]);
            // Otherwise the longest span is normalised once, token by token, and each
            // shorter one is a prefix of it (`ends[n - 1]`: where the first `n` end).
            let mut ends = [0usize; 64];
            if !normal {
                self.key.clear();
                let mut from = start;
                for (n, t) in self.toks[i..i + longest].iter().enumerate() {
                    normalise_append(&self.text[from..t.end], &mut self.key);
                    ends[n] = self.key.len();
                    from = t.end;
                }
            }
            while lens != 0 {
                let len = highest(lens);
                lens &= !(1 << (len - 1));
                // A word alone as written is the token `lengths` looked up.
                let k = if normal && len == 1 {
                    word
                } else if normal {
                    self.g.name(&self.text[start..self.toks[i + len - 1].end])
                } else {
                    self.g.name(&self.key[..ends[len - 1]])
                };
                if let Some(k) = k {
                    return Some((len, k));
                }
            }
        }
        None
    }
    pub(super) fn title(&mut self, i: usize) -> usize {
        let mut lens = self.lengths(i).titles;
        while lens != 0 {
            let len = highest(lens);
            lens &= !(1 << (len - 1));
            let g = self.g;
            if g.title(self.key(i, i + len)) {
                return len;
            }
        }
        0
    }
    pub(super) fn note(&mut self, d: Dep) {
        if let Some(deps) = self.deps.as_deref_mut() {
            deps.push(d);
        }
    }
    pub(super) fn lex_full(&mut self, i: usize) -> Option<(usize, String)> {
        // Only names whose first word starts a known full name.
        if self.lex.full.is_empty() {
            self.note(Dep::NoFullNames);
            return None;
        }
        if !self.lex.first.contains(&*lexicon_form(self.w(i))) {
            let (a, b) = span_of(self.text, self.w(i));
            self.note(Dep::NoFirst(a, b));
            return None;
        }
        let mut best = None;
        let mut j = i + 1;
        let mut names = 0;
        while j <= self.toks.len() && names < 5 {
            let t = &self.toks[j - 1];
            if t.kind != TokenKind::Word {
                break;
            }
            names += 1;
            if j > i + 1 {
                full_key_into(&self.text[self.toks[i].start..t.end], &mut self.key);
                if let Some(c) = self.lex.full.get(&self.key) {
                    if !self.toks.get(j).is_some_and(|t| t.hyphen) {
                        best = Some((j - i, c.clone()));
                    }
                } else {
                    self.note(Dep::NoFullKey(self.toks[i].start as u32, t.end as u32));
                }
            }
            j += 1;
            if self
                .toks
                .get(j - 1)
                .is_some_and(|t| !t.hyphen && !is_capitalised(t.text(self.text)))
            {
                break;
            }
        }
        best
    }
    pub(super) fn wordy(&self, i: usize) -> bool {
        let w = self.w(i);
        w.chars().count() > 5 && WORDY_ENDINGS.iter().any(|e| w.ends_with(e))
    }
    pub(super) fn surname_shaped(&self, i: usize) -> bool {
        let w = self.w(i);
        w.chars().count() >= 5
            && w.chars().all(|c| c.is_alphabetic())
            && SURNAME_ENDINGS.iter().any(|e| w.ends_with(e))
    }
    pub(super) fn is_head(&self, w: &str) -> bool {
        let g = self.g;
        let h = |x: crate::gazetteer::Heads| x.suffix || x.prefix;
        h(g.org_head(w)) || h(g.event_head(w)) || h(g.fac_head(w)) || h(g.loc_head(w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    #[test]
    pub(super) fn two_words_are_joined_by_one_space() {
        let text = "Gaza  Strip war";
        let toks = tokenize(text, 0..text.len());
        let lex = Lexicon::default();
        let cx = Ctx {
            text,
            toks: &toks,
            doc: &toks,
            g: Gazetteer::get(),
            lex: &lex,
            key: String::new(),
            lower: String::new(),
            deps: None,
            lengths_at: (usize::MAX, Lengths::default()),
            evidence: Default::default(),
        };
        let mut buf = String::new();
        assert_eq!(cx.two_words(0, &mut buf), "Gaza Strip");
        assert_eq!(cx.two_words(1, &mut buf), "Strip war");
        assert_eq!(cx.two_words(2, &mut buf), "war ");
    }
}
