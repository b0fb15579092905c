//! Who said it: the mention a cue points to.
//!
//! In order: a name right after the cue when nothing but punctuation precedes it ("…,”
//! said Ana Ruiz"); else the subject before the cue, skipping auxiliaries and adverbs
//! ("Ruiz has also said"), an appositive ("Ruiz, the minister, said"; or the name as the
//! appositive: "the minister, Ana Ruiz, said") and the rest of a noun phrase ("Acme
//! officials said"); a pronoun subject is resolved to the speaker of the last quote, or
//! to the first compatible name of the nearest sentence before it in the paragraph when a
//! name came after that quote (he/she: a person; it/they: an organisation or a country).
//! A definite role ("the minister said", "the club said") is resolved by `role` when one
//! entity can be meant; other roles ("analysts say", "a spokesman said") leave the quote
//! unattributed.

use super::cues::{self, Pronoun};
use super::{Claim, Doc, Source};
use crate::label::Label;
use crate::model::Quote;

/// How far back a noun phrase and an appositive are looked for.
const PHRASE: usize = 12;
const APPOSITIVE: usize = 25;

/// The last attributed quote: its speaker mention, last token and paragraph.
#[derive(Clone, Copy)]
struct Last {
    mention: usize,
    end: usize,
}

/// Turns claims (in text order) into quotes with their speakers.
pub(super) fn attribute(d: &Doc, claims: Vec<Claim>) -> Vec<Quote> {
    let mut last: Option<Last> = None;
    let mut previous: Option<(Option<usize>, usize)> = None;
    let mut out = Vec::with_capacity(claims.len());
    for c in claims {
        let first = d.token_at(c.range.start).min(d.toks.len().saturating_sub(1));
        let speaker = match c.source {
            Source::Cue { token, bound } => at_cue(d, token, bound, last),
            Source::Within { from, to } => within(d, from, to),
            Source::Continues => continued(d, previous, first),
        };
        let end = d.token_at(c.range.end).saturating_sub(1);
        if let Some(m) = speaker {
            last = Some(Last { mention: m, end });
        }
        previous = Some((speaker, end));
        out.push(Quote {
            range: c.range,
            kind: c.kind,
            cue: c.cue,
            speaker,
        });
    }
    out
}

/// The previous quote's speaker, when that quote ends in this paragraph or the one before.
fn continued(d: &Doc, previous: Option<(Option<usize>, usize)>, first: usize) -> Option<usize> {
    let (speaker, end) = previous?;
    let (here, there) = (d.para_of[first], d.para_of[end.min(d.toks.len() - 1)]);
    (here <= there + 1).then_some(speaker).flatten()
}

/// The speaker a cue at token `cue` points to; `bound` is where its clause starts.
fn at_cue(d: &Doc, cue: usize, bound: usize, last: Option<Last>) -> Option<usize> {
    if (bound..cue).all(|j| d.toks[j].kind == crate::text::TokenKind::Punct) {
        if let Some(m) = name_after(d, cue) {
            return Some(m);
        }
    }
    subject(d, cue, bound, last)
}

/// A name within a few capitalised words after the cue: "said Ambassador Ana Ruiz".
fn name_after(d: &Doc, cue: usize) -> Option<usize> {
    let end = d.paras[d.para_of[cue] as usize].end.min(cue + 5);
    for j in cue + 1..end {
        if let Some(m) = d.speaker_mention(j) {
            return Some(m);
        }
        let w = d.word(j);
        if !(crate::text::is_capitalised(w) || w == "the") {
            return None;
        }
    }
    None
}

/// The subject before the cue.
fn subject(d: &Doc, cue: usize, bound: usize, last: Option<Last>) -> Option<usize> {
    let j = skip_back(d, cue, bound)?;
    if let Some(m) = d.speaker_mention(j) {
        return Some(m);
    }
    if let Some(kind) = cues::pronoun(d.word(j)) {
        return pronoun(d, j, kind, last);
    }
    if d.is_punct(j, ",") {
        return appositive(d, j, bound);
    }
    if matches!(d.word(j), "and" | "but") {
        // "X said … and denied …": the first verb's subject.
        let near = bound.max(j.saturating_sub(APPOSITIVE));
        let first = (near..j).rev().find(|&k| cues::is_speech(d.word(k)))?;
        return subject(d, first, bound, last);
    }
    phrase(d, j, bound).or_else(|| super::role::resolve(d, j, bound))
}

/// The token before `from`, past auxiliaries, adverbs and dates; `None` below `bound`.
fn skip_back(d: &Doc, from: usize, bound: usize) -> Option<usize> {
    let mut j = from;
    loop {
        if j <= bound {
            return None;
        }
        j -= 1;
        let is_date = d.mention_of[j].is_some_and(|m| d.analysis.mentions[m as usize].label == Label::Date);
        if !(cues::is_between(d.word(j)) || is_date) {
            return Some(j);
        }
    }
}

/// "X, the minister, said" or "the minister, X, said": `comma` is the comma before the
/// cue. The nearest person named in the few words before it is the speaker (an
/// appositive may hold commas itself: "X, curator at the museum in Y, Z, said").
fn appositive(d: &Doc, comma: usize, bound: usize) -> Option<usize> {
    let stop = bound.max(comma.saturating_sub(APPOSITIVE));
    let person = (stop..comma)
        .rev()
        .filter_map(|k| d.speaker_mention(k))
        .find(|&m| d.analysis.mentions[m].label == Label::Person);
    if person.is_some() {
        return person;
    }
    let open = (stop..comma).rev().find(|&k| d.is_punct(k, ","));
    let before = open?;
    match d.speaker_mention(before.checked_sub(1)?) {
        Some(m) => Some(m),
        None => phrase(d, before - 1, bound),
    }
}

/// A name inside the noun phrase that ends at `j`: "Acme officials", "the Acme board";
/// the phrase ends at punctuation, a clause word or a capitalised word that is no name.
fn phrase(d: &Doc, j: usize, bound: usize) -> Option<usize> {
    let stop = bound.max(j.saturating_sub(PHRASE));
    for k in (stop..=j).rev() {
        if let Some(m) = d.speaker_mention(k) {
            return Some(m);
        }
        let w = d.word(k);
        let punct = d.toks[k].kind == crate::text::TokenKind::Punct;
        if cues::is_clause_word(w) || punct || cues::is_speech(w) || crate::text::is_capitalised(w) {
            return None;
        }
    }
    None
}

/// The first person, else organisation, else country named in tokens `from..to`.
fn within(d: &Doc, from: usize, to: usize) -> Option<usize> {
    let found: Vec<usize> = (from..to).filter_map(|k| d.speaker_mention(k)).collect();
    [Label::Person, Label::Org, Label::Gpe].iter().find_map(|l| {
        found
            .iter()
            .copied()
            .find(|&m| d.analysis.mentions[m].label == *l)
    })
}

fn compatible(kind: Pronoun, label: Label) -> bool {
    match kind {
        Pronoun::Person => label == Label::Person,
        Pronoun::Body => matches!(label, Label::Org | Label::Gpe),
    }
}

/// What a pronoun subject at token `j` refers to.
fn pronoun(d: &Doc, j: usize, kind: Pronoun, last: Option<Last>) -> Option<usize> {
    let named = antecedent(d, j, kind);
    let last = last.filter(|l| compatible(kind, d.analysis.mentions[l.mention].label));
    let last = last.filter(|l| d.para_of[l.end] + 1 >= d.para_of[j]);
    match (named, last) {
        (Some((m, at)), Some(l)) if at > l.end => Some(m),
        (_, Some(l)) => Some(l.mention),
        (named, None) => named.map(|(m, _)| m),
    }
}

/// The first compatible name of the nearest sentence before token `j` that has one, in
/// its paragraph or the paragraph before (at most `Doc::reach_start`).
fn antecedent(d: &Doc, j: usize, kind: Pronoun) -> Option<(usize, usize)> {
    let floor = d.reach_start(j);
    let mut si = d.sent_of[j] as usize;
    loop {
        let sent = d.sents[si].clone();
        let from = sent.start.max(floor);
        d.tick(j.min(sent.end).saturating_sub(from));
        let hit = (from..j.min(sent.end))
            .filter_map(|k| d.speaker_mention(k).map(|m| (m, k)))
            .find(|&(m, _)| compatible(kind, d.analysis.mentions[m].label));
        if hit.is_some() || sent.start <= floor || si == 0 {
            return hit;
        }
        si -= 1;
    }
}
