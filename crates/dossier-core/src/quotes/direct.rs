//! Direct quotes: which quoted stretches are quotes, and where their cue is.
//!
//! A stretch is a quote when it holds four words or more and is not a title (every word
//! capitalised but small ones). Its cue is the first speech verb after the closing mark in
//! the same sentence ("…,” said X), else the nearest one before the opening mark ("X
//! said: “…”"), else the end of the previous paragraph when it ends with a colon or a
//! comma; a quote with none continues the quote before it. A quote left open at the end
//! of its paragraph stops before the first later sentence with a speech verb, and that
//! verb is its cue (the reporter took over without closing the mark).

use super::marks::{inner, Stretch};
use super::{cues, Claim, Doc, Source};
use crate::corpus::count_words;
use crate::model::QuoteKind;
use std::ops::Range;

/// How far after a closing mark, and before an opening one, a cue is looked for.
const AFTER: usize = 25;
const BEFORE: usize = 40;

/// The direct quotes among `stretches`, and the byte ranges they cover with their marks.
pub(super) fn claims(d: &Doc, stretches: &[Stretch]) -> (Vec<Claim>, Vec<Range<usize>>) {
    let mut out = Vec::new();
    let mut covered = Vec::new();
    for s in stretches {
        let range = inner(d, s);
        let text = &d.text[range.clone()];
        if count_words(text) < 4 || is_title(text) {
            continue;
        }
        let (range, source) = match s.close {
            Some(close) => (range, cue_around(d, s.open, close)),
            None => cut_open_quote(d, s, range),
        };
        let cue = match source {
            Source::Cue { token, .. } => Some(d.toks[token].start..d.toks[token].end),
            _ => None,
        };
        let outer_end = s.close.map_or(range.end, |c| d.toks[c].end);
        covered.push(d.toks[s.open].start..outer_end);
        out.push(Claim {
            range,
            kind: QuoteKind::Direct,
            cue,
            source,
        });
    }
    (out, covered)
}

/// Whether a quoted text is a name or title: every word capitalised but small ones.
fn is_title(text: &str) -> bool {
    let words = text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'));
    let mut capitalised = 0;
    for w in words.filter(|w| w.chars().next().is_some_and(char::is_alphabetic)) {
        if crate::text::is_capitalised(w) {
            capitalised += 1;
        } else if !cues::is_title_small_word(w) {
            return false;
        }
    }
    capitalised > 0 && !text.trim_end().ends_with(['.', '!', '?'])
}

/// The cue of a closed quote: after it, before it, or at the end of the paragraph before.
fn cue_around(d: &Doc, open: usize, close: usize) -> Source {
    if let Some(s) = cue_after(d, close) {
        return s;
    }
    if let Some(s) = cue_before(d, open) {
        return s;
    }
    let para = d.para_of[open] as usize;
    if para > 0 && d.paras[para].start == open {
        let prev = &d.paras[para - 1];
        if !prev.is_empty() && (d.is_punct(prev.end - 1, ":") || d.is_punct(prev.end - 1, ",")) {
            if let Some(s) = cue_before(d, prev.end - 1) {
                return s;
            }
        }
    }
    Source::Continues
}

/// The first cue after a closing mark, within its sentence; a quote that opens right
/// after this one is passed over ("“…” “…,” she said" is one speaker's).
fn cue_after(d: &Doc, close: usize) -> Option<Source> {
    let para_end = d.paras[d.para_of[close] as usize].end;
    let mut from = close + 1;
    if from < para_end && is_mark(d, from) {
        let limit = para_end.min(from + 1 + BEFORE * 4);
        from = (from + 1..limit).find(|&k| is_mark(d, k))? + 1;
    }
    let stop = para_end.min(from + AFTER);
    d.tick(stop.saturating_sub(close));
    for j in from..stop {
        if d.ends_sentence(j) || is_mark(d, j) {
            return None;
        }
        if cues::is_direct_cue(d.word(j)) {
            return Some(Source::Cue {
                token: j,
                bound: close + 1,
            });
        }
    }
    None
}

/// The nearest cue before `before`, back to the start of its sentence or an earlier mark.
fn cue_before(d: &Doc, before: usize) -> Option<Source> {
    let para_start = d.paras[d.para_of[before] as usize].start;
    let stop = para_start.max(before.saturating_sub(BEFORE));
    let mut bound = stop;
    let mut found = None;
    d.tick(before - stop);
    for j in (stop..before).rev() {
        if d.ends_sentence(j) || is_mark(d, j) {
            bound = j + 1;
            break;
        }
        if found.is_none() && cues::is_direct_cue(d.word(j)) {
            found = Some(j);
        }
    }
    found.map(|j| Source::Cue { token: j, bound })
}

fn is_mark(d: &Doc, j: usize) -> bool {
    matches!(d.word(j), "“" | "”" | "\"")
}

/// A quote whose paragraph ended before its closing mark: it stops before the first
/// later sentence with a speech verb, whose verb then is its cue.
fn cut_open_quote(d: &Doc, s: &Stretch, range: Range<usize>) -> (Range<usize>, Source) {
    let first_sentence = d.sent_of[s.open] as usize;
    let last_sentence = d.sent_of[s.end - 1] as usize;
    for si in first_sentence + 1..=last_sentence {
        let sent = d.sents[si].clone();
        d.tick(sent.len());
        if let Some(cue) = sent.clone().find(|&j| cues::is_speech(d.word(j))) {
            let end = d.toks[sent.start - 1].end.max(range.start);
            let source = Source::Cue {
                token: cue,
                bound: sent.start,
            };
            return (range.start..end, source);
        }
    }
    let source = cue_before(d, s.open).unwrap_or(Source::Continues);
    (range, source)
}
