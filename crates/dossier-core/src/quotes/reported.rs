//! Reported speech: a content clause after a speech verb, outside quotation marks.
//!
//! Three shapes, sentence by sentence:
//! - "X said (that) CLAUSE", "X told reporters (that) CLAUSE": the clause runs from after
//!   "that" (looked for a few words on) or after the verb and its hearer, to the end of
//!   the sentence or a second speech verb joined by "and"/"but"; without "that" it must
//!   look like a clause (a pronoun first, or an auxiliary or past tense soon);
//! - "CLAUSE, X said." / "CLAUSE, said X, the minister." and "In A, X said, CLAUSE";
//! - "according to X, CLAUSE" and "CLAUSE, according to X".
//!
//! A clause holding a direct quote is left to the direct quote (the speaker's own words
//! win), a passive ("is said to") or a noun ("the claims") is no cue.

use super::{cues, Claim, Doc, Source};
use crate::corpus::count_words;
use crate::model::QuoteKind;
use crate::text::TokenKind;
use std::ops::Range;

/// How far after a verb "that" is looked for, and how long a subject between a comma
/// and a trailing verb may be.
const THAT: usize = 13;
const TRAILING_SUBJECT: usize = 10;
/// How far back a subject, and forward a second verb, are looked for: every window is
/// bounded, so a sentence of a thousand speech verbs costs linear work.
const WINDOW: usize = 40;

/// The reported quotes of the body; `quoted` are the direct quotes' byte ranges (marks
/// included), sorted.
pub(super) fn claims(d: &Doc, quoted: &[Range<usize>]) -> Vec<Claim> {
    let mut out = Vec::new();
    for sent in &d.sents {
        d.tick(sent.len());
        let mut free_from = sent.start;
        for i in sent.clone() {
            if i < free_from || inside(d, quoted, i) {
                continue;
            }
            let found = if is_according_to(d, i, sent.end) {
                according_to(d, sent.clone(), i)
            } else if d.toks[i].kind == TokenKind::Word && cues::is_speech(d.word(i)) {
                speech_verb(d, sent.clone(), i)
            } else {
                None
            };
            if let Some((claim, end)) = found.filter(|(c, _)| accept(d, quoted, &c.range)) {
                free_from = end;
                out.push(claim);
            }
        }
    }
    out
}

/// Whether token `i` lies inside a direct quote.
fn inside(d: &Doc, quoted: &[Range<usize>], i: usize) -> bool {
    let b = d.toks[i].start;
    let k = quoted.partition_point(|r| r.end <= b);
    quoted.get(k).is_some_and(|r| r.start <= b)
}

/// A clause is kept when it has three words and holds no direct quote.
fn accept(d: &Doc, quoted: &[Range<usize>], r: &Range<usize>) -> bool {
    let k = quoted.partition_point(|q| q.end <= r.start);
    let holds_quote = quoted.get(k).is_some_and(|q| q.start < r.end);
    !holds_quote && count_words(&d.text[r.clone()]) >= 3
}

fn is_according_to(d: &Doc, i: usize, end: usize) -> bool {
    i + 1 < end && d.word(i).eq_ignore_ascii_case("according") && d.word(i + 1) == "to"
}

/// Byte range of tokens `from..to`, without the sentence's closing punctuation.
fn clause(d: &Doc, from: usize, to: usize) -> Option<Range<usize>> {
    let mut to = to;
    while to > from && matches!(d.word(to - 1), "." | "!" | "?" | "," | ";" | ":") {
        to -= 1;
    }
    (to > from).then(|| d.toks[from].start..d.toks[to - 1].end)
}

/// "according to X, CLAUSE", "CLAUSE, according to X".
fn according_to(d: &Doc, sent: Range<usize>, i: usize) -> Option<(Claim, usize)> {
    let cue = Some(d.toks[i].start..d.toks[i + 1].end);
    let after_comma = i > sent.start && d.is_punct(i - 1, ",");
    if after_comma && count_words(&d.text[d.toks[sent.start].start..d.toks[i - 1].start]) >= 4 {
        if i >= 2 && matches!(d.word(i - 2), "which" | "that" | "who" | "whom") {
            return None;
        }
        let limit = sent.end.min(i + 2 + TRAILING_SUBJECT);
        let to = (i + 2..limit).find(|&k| d.is_punct(k, ",")).unwrap_or(limit);
        let range = clause(d, sent.start, i - 1)?;
        return Some((attributed(range, cue, i + 2..to), sent.end));
    }
    let (source_end, content) = according_source(d, &sent, i + 2)?;
    let range = clause(d, content, sent.end)?;
    Some((attributed(range, cue, i + 2..source_end), sent.end))
}

/// A reported claim whose speaker is named by the tokens `source` ("according to X").
fn attributed(range: Range<usize>, cue: Option<Range<usize>>, source: Range<usize>) -> Claim {
    Claim {
        range,
        kind: QuoteKind::Reported,
        cue,
        source: Source::Within {
            from: source.start,
            to: source.end,
        },
    }
}

/// After "according to": where the source ends and the clause starts. The source runs
/// to a comma (taking an appositive name with it: "the coach, Ana Ruiz, …"), or, with
/// no comma, to the end of the first name.
fn according_source(d: &Doc, sent: &Range<usize>, from: usize) -> Option<(usize, usize)> {
    let limit = sent.end.min(from + 15);
    if let Some(k) = (from..limit).find(|&k| d.is_punct(k, ",")) {
        let name_end = d.mention_of.get(k + 1).copied().flatten().map(|m| {
            let end = d.analysis.mentions[m as usize].range.end;
            d.token_at(end)
        });
        if let Some(e) = name_end.filter(|&e| e < sent.end && d.is_punct(e, ",")) {
            return Some((e, e + 1));
        }
        return Some((k, k + 1));
    }
    let name = (from..limit.min(from + 8)).find(|&k| d.speaker_mention(k).is_some())?;
    let end = d.token_at(d.analysis.mentions[d.speaker_mention(name)?].range.end);
    Some((end, end))
}

/// A speech verb at token `i`: the clause after it, or the clause before a trailing
/// "…, X said".
fn speech_verb(d: &Doc, sent: Range<usize>, i: usize) -> Option<(Claim, usize)> {
    let before = skip_between(d, sent.start, i);
    if before.is_some_and(|b| cues::is_be(d.word(b)) || cues::is_determiner(d.word(b))) {
        return None;
    }
    if i + 1 < sent.end && d.word(i + 1) == "to" {
        return None;
    }
    if d.word(i).ends_with("ing") {
        return participle(d, &sent, i, before?);
    }
    if let Some(found) = trailing(d, &sent, i) {
        return Some(found);
    }
    let b = before?;
    let near = sent.start.max(b.saturating_sub(WINDOW));
    let coordinated = matches!(d.word(b), "and" | "but") && (near..b).any(|k| cues::is_speech(d.word(k)));
    let word = d.toks[b].kind != TokenKind::Punct && !cues::is_clause_word(d.word(b));
    // After a comma, an appositive: "X, the minister, said".
    let appositive = d.is_punct(b, ",") && (near..b).any(|k| d.speaker_mention(k).is_some());
    if !(word || appositive || coordinated) {
        return None;
    }
    leading(d, &sent, i)
}

/// "…, suggesting (that) CLAUSE": the speaker is the sentence's subject, its first name,
/// which must be a person's (data and reports "suggest" too, but do not speak).
fn participle(d: &Doc, sent: &Range<usize>, i: usize, before: usize) -> Option<(Claim, usize)> {
    let from = sent.start.max(i.saturating_sub(WINDOW));
    let first = (from..i).find_map(|k| d.speaker_mention(k))?;
    if !d.is_punct(before, ",") || d.analysis.mentions[first].label != crate::label::Label::Person {
        return None;
    }
    let (mut claim, end) = leading(d, sent, i)?;
    claim.source = Source::Within { from, to: i };
    Some((claim, end))
}

/// The token before `i` past auxiliaries and adverbs.
fn skip_between(d: &Doc, floor: usize, i: usize) -> Option<usize> {
    (floor..i).rev().find(|&j| !cues::is_between(d.word(j)))
}

/// "CLAUSE, X said." / "CLAUSE, said X, …" / "In A, X said, CLAUSE".
fn trailing(d: &Doc, sent: &Range<usize>, i: usize) -> Option<(Claim, usize)> {
    let floor = sent.start.max(i.saturating_sub(TRAILING_SUBJECT));
    let comma = (floor..i).rev().find(|&k| d.is_punct(k, ","))?;
    let odd = |k: usize| is_quote_mark(d, k) || cues::is_clause_word(d.word(k)) || cues::is_speech(d.word(k));
    if (comma + 1..i).any(odd) {
        return None;
    }
    let after = past_adverbials(d, sent, i);
    if after < sent.end && (is_quote_mark(d, after) || d.is_punct(after, ":")) {
        return None;
    }
    let bound = comma + 1;
    if after < sent.end && d.is_punct(after, ",") {
        if after + 1 < sent.end && is_quote_mark(d, after + 1) {
            return None;
        }
        let intro = count_words(&d.text[d.toks[sent.start].start..d.toks[comma].start]);
        let (from, to) = if intro < 4 {
            (after + 1, sent.end)
        } else {
            (sent.start, comma)
        };
        let range = clause(d, from, to)?;
        return Some((Claim::at_cue(d, range, QuoteKind::Reported, i, bound), sent.end));
    }
    if after >= sent.end || d.ends_sentence(after) || (comma + 1 == i && name_follows(d, i)) {
        let range = clause(d, sent.start, comma)?;
        return Some((Claim::at_cue(d, range, QuoteKind::Reported, i, bound), sent.end));
    }
    None
}

/// The first token after the verb past a short prepositional phrase without "that".
fn past_adverbials(d: &Doc, sent: &Range<usize>, i: usize) -> usize {
    let next = i + 1;
    if next < sent.end && cues::is_adverbial(d.word(next)) {
        let stop = sent.end.min(next + 7);
        let end = (next..stop).find(|&k| d.toks[k].kind == TokenKind::Punct || d.word(k) == "that");
        if let Some(k) = end.filter(|&k| d.word(k) != "that") {
            return k;
        }
    }
    next
}

/// Whether a name follows the verb within a few capitalised words ("said Dr. Ana Ruiz").
fn name_follows(d: &Doc, i: usize) -> bool {
    let para_end = d.paras[d.para_of[i] as usize].end;
    (i + 1..para_end.min(i + 5))
        .take_while(|&k| crate::text::is_capitalised(d.word(k)) || d.word(k) == "the")
        .any(|k| d.speaker_mention(k).is_some())
}

/// "X said (that) CLAUSE", "X told Y (that) CLAUSE".
fn leading(d: &Doc, sent: &Range<usize>, i: usize) -> Option<(Claim, usize)> {
    let that = (i + 1..sent.end.min(i + 1 + THAT))
        .take_while(|&k| !(is_quote_mark(d, k) || (k > i + 1 && cues::is_speech(d.word(k)))))
        .find(|&k| d.word(k) == "that");
    let from = match that {
        Some(t) => t + 1,
        None => clause_start(d, sent, i)?,
    };
    if from >= sent.end || is_quote_mark(d, from) || cues::is_be(d.word(from)) {
        return None;
    }
    let to = coordinated_verb(d, from, sent.end).unwrap_or(sent.end);
    let range = clause(d, from, to)?;
    Some((Claim::at_cue(d, range, QuoteKind::Reported, i, sent.start), to))
}

/// Where the clause starts when no "that" follows the verb: after the hearer of "told",
/// past a comma; `None` when what follows does not look like a clause.
fn clause_start(d: &Doc, sent: &Range<usize>, i: usize) -> Option<usize> {
    let mut from = i + 1;
    if cues::is_tell(d.word(i)) && from < sent.end {
        from = match d.mention_of[from] {
            Some(m) => d.token_at(d.analysis.mentions[m as usize].range.end),
            None if cues::is_determiner(d.word(from)) => from + 2,
            None => from + 1,
        };
    }
    if from < sent.end && d.is_punct(from, ",") {
        from += 1;
    }
    if from >= sent.end || cues::is_preposition(d.word(from)) {
        return None;
    }
    looks_like_clause(d, from, sent.end).then_some(from)
}

/// A pronoun first, or (before the first comma) an auxiliary, a past tense or a verb in -s.
fn looks_like_clause(d: &Doc, from: usize, end: usize) -> bool {
    if cues::is_clause_opener(d.word(from)) {
        return true;
    }
    let stop = end.min(from + 15);
    (from..stop).take_while(|&k| !d.is_punct(k, ",")).any(|k| {
        let w = d.word(k);
        let after_name =
            k > from && (d.speaker_mention(k - 1).is_some() || cues::is_clause_opener(d.word(k - 1)));
        cues::is_clause_marker(w) || (after_name && w.len() > 3 && w.ends_with('s') && !w.ends_with("ss"))
    })
}

/// A second speech verb joined by "and"/"but" ends the first clause: "said X and denied Y".
fn coordinated_verb(d: &Doc, from: usize, end: usize) -> Option<usize> {
    (from..end.saturating_sub(1).min(from + WINDOW))
        .find(|&k| matches!(d.word(k), "and" | "but") && cues::is_speech(d.word(k + 1)))
}

fn is_quote_mark(d: &Doc, k: usize) -> bool {
    matches!(d.word(k), "“" | "”" | "\"")
}
