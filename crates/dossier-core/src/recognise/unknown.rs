//! Level 2 of recognition, for the pieces no head word joins into a name: a run of
//! unknown capitalised words is a person when its context says so (a title or role
//! before it, "said" around it, an apposition, a photo credit, a surname shape, a
//! position inside a sentence), an organisation when it is an acronym, else nothing.

use super::context::Ctx;
use super::cues::{APPOSITION, NOT_ORG_ACRONYMS, ROLES, SAID};
use super::lexicon::{full_key, span_of, Dep};
use super::{Candidate, Source};
use crate::label::Label;
use crate::normal::lexicon_form;
use crate::text::{is_capitalised, TokenKind};

/// Classifies a run of unknown capitalised words `a..b` by its context.
pub(super) fn classify_unknown(
    cx: &mut Ctx,
    a: usize,
    mut b: usize,
    after_title: bool,
    initial: bool,
    title_case: bool,
    sofar: &[Candidate],
) -> Option<Candidate> {
    // Trailing possessive or punctuation are not part of the run anyway.
    while b > a && !cx.is_word(b - 1) {
        b -= 1;
    }
    let len = b - a;
    if len == 0 {
        return None;
    }
    // "Cross-border": the capital belongs to a compound word, not a name.
    if cx
        .toks
        .get(b)
        .is_some_and(|t| t.hyphen && t.kind == TokenKind::Word)
    {
        return None;
    }
    let range = cx.toks[a].start..cx.toks[b - 1].end;
    let person = |strong: bool| {
        Some(Candidate {
            range: range.clone(),
            label: Label::Person,
            source: Source::Person {
                canonical: Some(full_key(&cx.text[range.clone()])),
                strong,
            },
        })
    };
    if after_title && len <= 4 {
        return person(true);
    }
    if title_case {
        return None;
    }
    if len == 1 && is_acronym(cx.w(a)) {
        return (!NOT_ORG_ACRONYMS.contains(&cx.w(a))).then(|| Candidate {
            range: range.clone(),
            label: Label::Org,
            source: Source::Composed,
        });
    }
    let cues = Cues::around(cx, a, b);
    let is_person = if len == 1 {
        one_word_is_person(cx, a, b, after_title, initial, &cues, sofar)
    } else {
        words_are_person(cx, a, b, initial, &cues, sofar)
    };
    if is_person {
        person(true)
    } else {
        None
    }
}

/// Whether `w` is written as an acronym: two to six capitals and digits, at least two
/// of them capitals.
fn is_acronym(w: &str) -> bool {
    w.chars().count() >= 2
        && w.chars().count() <= 6
        && w.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && w.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2
}

/// What the words around a run of unknown words say of it, and its own shape.
struct Cues {
    /// A lower-case role noun just before ("researcher …").
    role_before: bool,
    /// "said" or "says" just before.
    said_before: bool,
    /// A verb of saying just after.
    said_after: bool,
    /// An apposition after: ", director of …", ", who …".
    appos: bool,
    /// A photo credit: "Name/Agency".
    credit: bool,
    /// "the … administration" and the like, around a single word.
    admin: bool,
    /// A word of the run has an English derivational ending.
    wordy: bool,
}

impl Cues {
    /// The cues around the run of unknown words `a..b`.
    fn around(cx: &Ctx, a: usize, b: usize) -> Cues {
        let len = b - a;
        let prev = if a > 0 { cx.w(a - 1) } else { "" };
        let prev_word = a > 0 && cx.is_word(a - 1);
        let role_before = prev_word && cx.lower_is(a - 1, ROLES) && !is_capitalised(prev);
        let said_before = prev_word
            && cx.lower_is(a - 1, &["said", "says", "told", "by", "with"])
            && cx.lower_is(a - 1, &["said", "says"]);
        let mut j = b;
        if cx.toks.get(j).is_some_and(|t| t.kind == TokenKind::Possessive) {
            j += 1;
        }
        let said_after = cx.lower_is(j, SAID)
            && !cx.toks.get(j).is_some_and(|t| t.kind == TokenKind::Possessive)
            && j == b;
        let appos = cx.w(b) == "," && cx.lower_is(b + 1, APPOSITION);
        let credit = cx.w(b) == "/" && cx.toks.get(b + 1).is_some();
        let admin = prev.eq_ignore_ascii_case("the")
            && cx.lower_is(
                b,
                &[
                    "administration",
                    "government",
                    "campaign",
                    "era",
                    "presidency",
                    "family",
                    "team",
                    "years",
                ],
            )
            && len == 1;
        let wordy = (a..b).any(|k| cx.wordy(k));
        Cues {
            role_before,
            said_before,
            said_after,
            appos,
            credit,
            admin,
            wordy,
        }
    }
}

/// Whether the single unknown word `a` (`b` is `a + 1`) is a person by its `cues`.
/// [`coordinated_with_person`] is asked only where it decides, so that the lexicon
/// answers it needs are recorded only then.
fn one_word_is_person(
    cx: &mut Ctx,
    a: usize,
    b: usize,
    after_title: bool,
    initial: bool,
    cues: &Cues,
    sofar: &[Candidate],
) -> bool {
    // A longer word in capitals ("LONDON —" unknown to the tables) is not a name by its
    // shape: capitals say nothing there.
    if crate::normal::is_all_caps(cx.w(a)) {
        return false;
    }
    if cues.wordy && !after_title {
        return false;
    }
    if cues.role_before || cues.admin || coordinated_with_person(cx, a, b, sofar) {
        return true;
    }
    if (cues.said_after || cues.said_before) && !initial {
        return true;
    }
    if cues.said_after && initial && cx.surname_shaped(a) {
        return true;
    }
    cx.surname_shaped(a) && !initial
}

/// Whether the unknown words `a..b` (two or more) are a person by their `cues`, their
/// shape or their place in the sentence (as [`one_word_is_person`]).
fn words_are_person(
    cx: &mut Ctx,
    a: usize,
    b: usize,
    initial: bool,
    cues: &Cues,
    sofar: &[Candidate],
) -> bool {
    let len = b - a;
    // A run in capitals says nothing by its shape: only names the tables know (found
    // before) are names there.
    if len > 4 || cues.wordy || crate::normal::is_all_caps_run(cx.text, &cx.toks[a..b]) {
        return false;
    }
    // "Orion IV", "Apollo 11": numbered names are missions, ships, products — not people.
    if matches!(
        cx.w(b - 1),
        "II" | "III" | "IV" | "V" | "VI" | "VII" | "VIII" | "IX" | "X"
    ) {
        return false;
    }
    if cues.role_before
        || cues.said_before
        || cues.said_after
        || cues.appos
        || cues.credit
        || coordinated_with_person(cx, a, b, sofar)
    {
        return true;
    }
    if cx.surname_shaped(b - 1) {
        return true;
    }
    // "Gómez de la Serna": capitalised words joined by a name particle.
    !initial
}

/// Whether unknown words `a..b` are joined by "and" / "or" to a person: one just found
/// before them, or a person the lexicon knows after them.
fn coordinated_with_person(cx: &mut Ctx, a: usize, b: usize, sofar: &[Candidate]) -> bool {
    let before_and = a >= 2
        && cx.lower_is(a - 1, &["and", "or"])
        && sofar
            .last()
            .is_some_and(|c| c.label == Label::Person && c.range.end == cx.toks[a - 2].end);
    before_and
        || cx.lower_is(b, &["and", "or"]) && b + 1 < cx.toks.len() && {
            let w = cx.w(b + 1);
            let (x, y) = span_of(cx.text, w);
            if cx.lex.short.contains_key(&*lexicon_form(w)) {
                true
            } else {
                cx.note(Dep::NoShort(x, y));
                let known = cx.lex.full.contains_key(w);
                if !known {
                    cx.note(Dep::NoFull(x, y));
                }
                known
            }
        }
}

#[cfg(test)]
mod tests {
    use crate::label::Label;
    use crate::recognise::testing::{found, has};

    #[test]
    fn said_and_apposition_make_unknown_names_people() {
        let v = found(
            "“It is done,” said Tomasz Wierzbicki, who leads a lab. Anneliese Nowakowski reviews the draft.",
        );
        assert!(has(&v, "Tomasz Wierzbicki", Label::Person), "{v:?}");
        assert!(has(&v, "Anneliese Nowakowski", Label::Person), "{v:?}");
    }

    #[test]
    fn photo_credits_are_person_and_agency() {
        let v = found("Credit…Joanna Pietrzak/Reuters");
        assert!(
            has(&v, "Joanna Pietrzak", Label::Person) && has(&v, "Reuters", Label::Org),
            "{v:?}"
        );
    }

    #[test]
    fn the_name_of_an_administration_is_a_person() {
        let v = found("pressure from the Biden administration grew");
        assert!(has(&v, "Biden", Label::Person), "{v:?}");
    }
}
