//! A definite role as the speaker: "the minister said", "the company said".
//!
//! A role resolves only when one entity can be meant (docs/quotes-guidelines.md: never
//! guessed): a person's role ("the minister") to the one person the document gives that
//! role, as a title before the name ("Foreign Minister Ana Ruiz") or in an appositive
//! after it ("Ana Ruiz, the foreign minister,"); an organisation's ("the company", "the
//! club") to the one organisation named nearby, or the one whose name holds the word
//! ("the ministry": "the Ministry of Health"). The speaker mention is that entity's
//! nearest mention before the cue, in its paragraph or the one before. An indefinite role
//! ("a spokesman said") and a role held by two people stay unattributed.

use super::cues::{self, Role};
use super::Doc;
use crate::label::Label;

/// How many words may stand between "the" and the role ("the new foreign minister").
const MODIFIERS: usize = 3;
/// How near a title stands before a name, and an appositive's role after it, in tokens.
const TITLE: usize = 3;
const APPOSITIVE: usize = 6;

/// The speaker mention a definite role ending at token `j` resolves to.
pub(super) fn resolve(d: &Doc, j: usize, bound: usize) -> Option<usize> {
    let word = d.word(j).to_lowercase();
    let role = cues::role(&word)?;
    if !is_definite(d, j, bound) {
        return None;
    }
    let floor = d.reach_start(j);
    match role {
        Role::Person => nearest(d, floor, j, holder(d, &word)?),
        Role::Body | Role::Government => body(d, floor, j, &word, role),
    }
}

/// Whether the noun phrase ending at `j` opens with "the", past a few lower-case words
/// and possessives ("the club's new coach").
fn is_definite(d: &Doc, j: usize, bound: usize) -> bool {
    let mut words = 0;
    for k in (bound..j).rev() {
        let w = d.word(k);
        if w.eq_ignore_ascii_case("the") {
            return true;
        }
        let possessive = d.toks[k].kind == crate::text::TokenKind::Possessive;
        let modifier = d.toks[k].kind == crate::text::TokenKind::Word
            && !crate::text::is_capitalised(w)
            && !cues::is_clause_word(w)
            && !cues::is_speech(w);
        if !(possessive || modifier) || words == MODIFIERS {
            return false;
        }
        words += usize::from(modifier);
    }
    false
}

/// The one person entity the document gives the role `word`, if exactly one.
fn holder(d: &Doc, word: &str) -> Option<usize> {
    let held = d.roles.get_or_init(|| held_roles(d));
    let mut holders = held.iter().filter(|(w, _)| w == word).map(|&(_, e)| e);
    let first = holders.next()?;
    holders.all(|e| e == first).then_some(first)
}

/// Every (role word, person entity) the document's text gives, in one pass over its
/// person mentions: a role word as a title just before a name ("Coach Ana Ruiz") or in an
/// appositive just after it ("Ana Ruiz, the club's coach,").
pub(super) fn held_roles(d: &Doc) -> Vec<(String, usize)> {
    let mut held = Vec::new();
    for mention in d.analysis.mentions.iter().filter(|m| m.label == Label::Person) {
        let first = d.token_at(mention.range.start);
        let last = d.token_at(mention.range.end);
        if first >= last || last > d.toks.len() {
            continue; // outside the body's tokens
        }
        d.tick(TITLE + APPOSITIVE);
        let title = first.saturating_sub(TITLE)..first;
        let appositive = if last < d.toks.len() && d.is_punct(last, ",") {
            let end = (last + 1 + APPOSITIVE).min(d.toks.len());
            let stop = (last + 1..end).find(|&k| d.toks[k].kind == crate::text::TokenKind::Punct);
            last + 1..stop.unwrap_or(end)
        } else {
            0..0
        };
        for k in title.chain(appositive) {
            let w = d.word(k).to_lowercase();
            if cues::role(&w) == Some(Role::Person) {
                held.push((w, mention.entity));
            }
        }
    }
    held
}

/// The nearest mention of the one organisation (or, for "the government", country)
/// named in tokens `floor..j`, preferring the one whose name holds the role word; one
/// pass over the tokens, keeping each candidate's last mention.
fn body(d: &Doc, floor: usize, j: usize, word: &str, role: Role) -> Option<usize> {
    let fits = |label: Label| label == Label::Org || (role == Role::Government && label == Label::Gpe);
    // (entity, its last mention so far), in order of first mention.
    let mut all: Vec<(usize, usize)> = Vec::new();
    let mut named: Vec<usize> = Vec::new();
    d.tick(j - floor);
    for k in floor..j {
        let Some(m) = d.speaker_mention(k) else { continue };
        let mention = &d.analysis.mentions[m];
        if !fits(mention.label) {
            continue;
        }
        match all.iter_mut().find(|(e, _)| *e == mention.entity) {
            Some(seen) => seen.1 = m,
            None => all.push((mention.entity, m)),
        }
        let text = d.text[mention.range.clone()].to_lowercase();
        if text.split_whitespace().any(|w| w == word) && !named.contains(&mention.entity) {
            named.push(mention.entity);
        }
    }
    let entity = match (named.as_slice(), all.as_slice()) {
        ([one], _) => *one,
        ([], [(one, _)]) => *one,
        _ => return None,
    };
    all.iter().find(|(e, _)| *e == entity).map(|&(_, m)| m)
}

/// The mention of `entity` nearest before token `j`, at or after `floor` (a person's,
/// whose entity `holder` found in the whole document).
fn nearest(d: &Doc, floor: usize, j: usize, entity: usize) -> Option<usize> {
    d.tick(j - floor);
    (floor..j)
        .rev()
        .filter_map(|k| d.speaker_mention(k))
        .find(|&m| d.analysis.mentions[m].entity == entity)
}
