//! Level 2 of recognition, for the pieces no head word joins into a name: a run of
//! unknown capitalised words is a person when a strong cue says so (a title or role
//! before it, "said" around it, an apposition, a photo credit, a surname's ending), and
//! otherwise what the learned decision ([`crate::decide`]) makes of it: a person, an organisation, a place, an
//! event or nothing.

use super::context::Ctx;
use super::cues::{APPOSITION, NOT_ORG_ACRONYMS, ORG_KINDS, ROLES, SAID};
use super::lexicon::{full_key, span_of, Dep};
use super::{Candidate, Source};
use crate::decide::Class;
use crate::label::Label;
use crate::normal::lexicon_form;
use crate::text::{is_capitalised, TokenKind};

/// Classifies a run of unknown capitalised words `a..b` by its context.
pub(super) fn classify_unknown(
    cx: &mut Ctx,
    a: usize,
    b: usize,
    after_title: bool,
    initial: bool,
    title_case: bool,
    sofar: &[Candidate],
) -> Option<Candidate> {
    let b = run_end(cx, a, b)?;
    let len = b - a;
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
    let cues = Cues::around(cx, a, b);
    if strong_org_cue(cx, a, b) || acronym_of_person(cx, a, b, sofar) {
        return Some(Candidate {
            range,
            label: Label::Org,
            source: Source::Composed,
        });
    }
    // Strong cues make a person; without one the learned decision weighs the evidence.
    if strong_person_cue(cx, a, b, initial, &cues, sofar) {
        return person(true);
    }
    if in_capitals(cx, a, b) && !capitals_among_mixed_case(cx, a, b) {
        return None;
    }
    let label = match learned_decision(cx, a, b, initial, after_title, &cues, sofar) {
        Class::None => return None,
        Class::Person if len == 1 && initial && titled_only(cx, a) => return None,
        Class::Person => return person(len >= 2 && names_alone(cx, b - 1)),
        Class::Org => Label::Org,
        Class::Event => Label::Event,
        Class::Place => match super::names::head_label(cx, a, b) {
            Some(l @ (Label::Loc | Label::Fac)) => l,
            _ => Label::Gpe,
        },
    };
    Some(Candidate {
        range,
        label,
        source: Source::Composed,
    })
}

/// What the words `a..b`, unknown words and known places together ([`super::names`]),
/// are: an organisation after a noun for one ("the company Zentrix UK"), else what the
/// learned decision makes of them when it is an organisation, an event or a person (a
/// surname that is a town's: "Marisol Denver"), or nothing (`None`: the place stands
/// alone and the unknown words are decided apart).
pub(super) fn classify_place_holding(
    cx: &mut Ctx,
    a: usize,
    b: usize,
    initial: bool,
    sofar: &[Candidate],
) -> Option<Label> {
    if run_end(cx, a, b) != Some(b) || in_capitals(cx, a, b) {
        return None;
    }
    if strong_org_cue(cx, a, b) {
        return Some(Label::Org);
    }
    decided_whole(cx, a, b, initial, sofar, true)
}

/// What the words `a..b`, runs joined by connectors without a head word
/// ([`super::names`]: "International Brotherhood of Magicians"), are: an organisation or
/// an event when the learned decision makes one of them, else nothing (`None`: the runs
/// are decided apart).
pub(super) fn classify_joined(
    cx: &mut Ctx,
    a: usize,
    b: usize,
    initial: bool,
    sofar: &[Candidate],
) -> Option<Label> {
    if run_end(cx, a, b) != Some(b) || in_capitals(cx, a, b) {
        return None;
    }
    decided_whole(cx, a, b, initial, sofar, false)
}

/// What the learned decision makes of the words `a..b` taken whole: an organisation, an
/// event, or (when `person` allows it) a person; else nothing.
fn decided_whole(
    cx: &mut Ctx,
    a: usize,
    b: usize,
    initial: bool,
    sofar: &[Candidate],
    person: bool,
) -> Option<Label> {
    let cues = Cues::around(cx, a, b);
    match learned_decision(cx, a, b, initial, false, &cues, sofar) {
        Class::Org => Some(Label::Org),
        Class::Event => Some(Label::Event),
        Class::Person if person => Some(Label::Person),
        _ => None,
    }
}

/// The end of the run of unknown words `a..b` without a trailing possessive or
/// punctuation; `None` when nothing is left or the run's last capital belongs to a
/// compound word ("Cross-border").
fn run_end(cx: &Ctx, a: usize, mut b: usize) -> Option<usize> {
    while b > a && !cx.is_word(b - 1) {
        b -= 1;
    }
    let compound = cx
        .toks
        .get(b)
        .is_some_and(|t| t.hyphen && t.kind == TokenKind::Word);
    (b > a && !compound).then_some(b)
}

/// Whether the words `a..b` are written in capitals, where capitals say nothing by
/// their shape (an all-caps headline or dateline): of the words in capitals, only
/// acronyms go on to the decision.
fn in_capitals(cx: &Ctx, a: usize, b: usize) -> bool {
    if b - a == 1 {
        crate::normal::is_all_caps(cx.w(a)) && !is_acronym(cx.w(a))
    } else {
        crate::normal::is_all_caps_run(cx.text, &cx.toks[a..b])
    }
}

/// Whether the words `a..b` are one word in capitals longer than an acronym
/// ("INTERPOLAR") between words in mixed case, before and after it: a name written in
/// capitals (an agency's, a brand's), not a line or a dateline in capitals, so the
/// decision weighs it as it weighs an acronym.
fn capitals_among_mixed_case(cx: &Ctx, a: usize, b: usize) -> bool {
    let word = |k: &usize| cx.toks[*k].kind == TokenKind::Word;
    let mixed = |k: usize| cx.w(k).chars().any(char::is_lowercase);
    let before = (a.saturating_sub(3)..a).rev().find(word);
    let after = (b..cx.toks.len().min(b + 3)).find(word);
    b - a == 1 && before.is_some_and(mixed) && after.is_some_and(mixed)
}

/// What the learned decision ([`crate::decide`]) makes of the unknown words `a..b`
/// outside a Title Case block, given their `cues` and the names found before them in
/// the block (`sofar`).
fn learned_decision(
    cx: &mut Ctx,
    a: usize,
    b: usize,
    initial: bool,
    after_title: bool,
    cues: &Cues,
    sofar: &[Candidate],
) -> Class {
    let facts = crate::decide::SpanFacts {
        text: cx.text,
        toks: cx.toks,
        span: a..b,
        initial,
        title_case: false,
        cues: crate::decide::Cues {
            after_title,
            role_before: cues.role_before,
            said_before: cues.said_before,
            said_after: cues.said_after,
            apposition: cues.appos,
            credit: cues.credit,
            surname_shaped: cx.surname_shaped(b - 1),
            wordy: cues.wordy,
            common_acronym: b - a == 1 && NOT_ORG_ACRONYMS.contains(&cx.w(a)),
            kind_before: a > 0 && kind_noun(cx, a - 1),
            listed_after: listed_after(cx, a, sofar),
        },
    };
    crate::decide::decide(&facts, &mut cx.evidence, cx.doc)
}

/// Whether token `k` is a lower-case noun for a kind of organisation, in either number:
/// one of [`ORG_KINDS`] ("company", "companies") or an organisation's head word ("the
/// schools …", "the church …"). The head word is looked up capitalised, written into
/// `cx.key`; nothing is allocated once the buffer has grown.
fn kind_noun(cx: &mut Ctx, k: usize) -> bool {
    if org_kind_at(cx, k) {
        return true;
    }
    if !lower_word(cx, k) {
        return false;
    }
    let w = cx.w(k);
    // The word and the singulars it may be: "schools", "churches", "companies".
    let stems = [
        Some((w, "")),
        w.strip_suffix('s').map(|s| (s, "")),
        w.strip_suffix("es").map(|s| (s, "")),
    ];
    let ies = w.strip_suffix("ies").map(|s| (s, "y"));
    stems.into_iter().chain([ies]).flatten().any(|(stem, end)| {
        let kind = |x: &&str| x.len() == stem.len() + end.len() && x.starts_with(stem) && x.ends_with(end);
        ORG_KINDS.iter().any(kind) || {
            capitalised_into(stem, end, &mut cx.key);
            cx.g.org_head(&cx.key).suffix
        }
    })
}

/// Whether token `k` is a lower-case word of [`ORG_KINDS`] ("the union Kestrel").
fn org_kind_at(cx: &Ctx, k: usize) -> bool {
    lower_word(cx, k) && cx.lower_is(k, ORG_KINDS)
}

/// Writes `stem` and `end` into `buf`, the first letter upper-cased (ASCII only).
fn capitalised_into(stem: &str, end: &str, buf: &mut String) {
    buf.clear();
    buf.push_str(stem);
    buf.push_str(end);
    if let Some(first) = buf.get_mut(..1) {
        first.make_ascii_uppercase();
    }
}

/// The label of the name of `sofar` that ends just before the words from `a` in a list:
/// a comma, "and", "or", "&" or ", and" between them.
fn listed_after(cx: &Ctx, a: usize, sofar: &[Candidate]) -> Option<Label> {
    let last = sofar.last()?;
    let sep = |k: usize| matches!(cx.w(k), "," | "and" | "or" | "&");
    let ends_at = |k: usize| cx.toks.get(k).is_some_and(|t| t.end == last.range.end);
    let one = a >= 2 && sep(a - 1) && ends_at(a - 2);
    let two = a >= 3 && cx.w(a - 2) == "," && matches!(cx.w(a - 1), "and" | "or") && ends_at(a - 3);
    (one || two).then_some(last.label)
}

/// Whether the document lets the word `k`, the last of a run the decision (or a given
/// name before it) made a person, name that person alone: not where it writes the word in both numbers
/// ("Polaroid" and "Polaroids"), as it writes things, not people. A guessed person ends
/// in such a word ("the Warhol Polaroids") only by a misreading, and the corpus lexicon
/// would find the word alone as that person everywhere; only a run whose last word can
/// be a surname teaches it. (A word after a determiner is no such sign: "the Cruise
/// video" names a person's video.)
pub(super) fn names_alone(cx: &mut Ctx, k: usize) -> bool {
    cx.evidence.index_tokens(cx.text, cx.doc);
    cx.evidence.of(cx.w(k)).bits & crate::decide::evidence::PAIRED == 0
}

/// Whether the corpus knows the word `a` as a person only from after a title ("Mr.
/// Dips"), with no full name anywhere ([`Lexicon::is_lone`]): a title makes a person of
/// any word a cut left after it, so at a sentence start, where the lexicon does not find
/// such a person (`docs/entities.md`), the decision does not either.
///
/// [`Lexicon::is_lone`]: super::lexicon::Lexicon::is_lone
fn titled_only(cx: &Ctx, a: usize) -> bool {
    cx.lex.is_lone(cx.toks[a].text(cx.text))
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
        // "violinist Ana Ruiz", or an apposition: "The conductor, Ana Ruiz, …".
        let role_before = prev_word && role_noun(cx, a - 1)
            || prev == ","
                && a >= 3
                && role_noun(cx, a - 2)
                && cx.lower_is(a - 3, &["the", "a", "an", "its", "their", "our"]);
        // After "told" stands the listener, and "said Acme had …" opens a reported
        // clause: only "said X" ending its clause names the speaker.
        let said_before = prev_word && cx.lower_is(a - 1, &["said", "says"]) && !lower_word(cx, b);
        let mut j = b;
        if cx.toks.get(j).is_some_and(|t| t.kind == TokenKind::Possessive) {
            j += 1;
        }
        let said_after = cx.lower_is(j, SAID)
            && !cx.toks.get(j).is_some_and(|t| t.kind == TokenKind::Possessive)
            && j == b
            && reports_speech(cx, j);
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

/// Whether token `k` is a lower-case noun for a person's role or occupation: one of
/// [`ROLES`], or a word of the agent endings "-ist" and "-ian" ("violinist", "cellist",
/// "musician", "comedian"), which name what people do.
fn role_noun(cx: &Ctx, k: usize) -> bool {
    let w = cx.w(k);
    lower_word(cx, k) && (cx.lower_is(k, ROLES) || w.len() >= 6 && (w.ends_with("ist") || w.ends_with("ian")))
}

/// Whether token `k` is a lower-case word.
fn lower_word(cx: &Ctx, k: usize) -> bool {
    cx.is_word(k) && !is_capitalised(cx.w(k))
}

/// Whether the verb of [`SAID`] at token `k` reports speech: "said", "says" and "told"
/// always do; the others ("observed", "announced", "asked") also name seeing or doing,
/// so they count only before "that", a quotation or punctuation ("Ines observed that …",
/// "Ines added, …"), not before an object ("the crowd Ines observed at the fair").
fn reports_speech(cx: &Ctx, k: usize) -> bool {
    cx.lower_is(k, &["said", "says", "told"]) || cx.lower_is(k + 1, &["that"]) || !lower_word(cx, k + 1)
}

/// Whether a strong cue makes the unknown words `a..b` (up to four, not opening with a
/// given name) an organisation: "X-based" just before them, which says where a firm or a
/// group is based ("the Tallinn-based Kelvane"), a noun for a kind of organisation right
/// before them, after an article, an "X-based" or any modifier ("the union Kestrel", "a
/// Lisbon-based startup, Orvalho,", "the satirical magazine Quillpen", "rival team
/// Zephyr9"), an organisation's head word standing alone after "the" ([`lone_head`]),
/// or an apposition after them that says what kind of organisation they are
/// ([`kind_apposition`]: "Velmora, a small literary quarterly,").
fn strong_org_cue(cx: &mut Ctx, a: usize, b: usize) -> bool {
    if b - a > 4 || cx.g.given(cx.w(a)).is_some() {
        return false;
    }
    if a == 0 {
        return kind_apposition(cx, b);
    }
    let based = |k: usize| cx.lower_is(k, &["based"]) && cx.toks[k].hyphen;
    // "the", "a", or "X-based" before the kind and a comma: "a Lisbon-based startup, Orvalho,"
    let det = |k: usize| cx.lower_is(k, &["the", "a", "an"]) || based(k);
    let kind = org_kind_at(cx, a - 1) || a >= 3 && cx.w(a - 1) == "," && org_kind_at(cx, a - 2) && det(a - 3);
    based(a - 1) || kind || lone_head(cx, a, b) || kind_apposition(cx, b)
}

/// The most lower-case modifiers an apposition's article and its kind noun may hold
/// between them ("a small literary quarterly", "the Lisbon-based start-up").
const APPOSITION_MODIFIERS: usize = 3;

/// Whether the run ending before token `b` is followed by an apposition that names a
/// kind of organisation ([`kind_noun`]): a comma, an article, at most
/// [`APPOSITION_MODIFIERS`] lower-case or "X-based" modifiers, then the kind noun ending
/// the noun phrase ("Velmora, a small literary quarterly,", "Orvalho, the Lisbon-based
/// startup that …"). A kind noun that goes on to another noun ("a band member") only
/// modifies a person's role.
fn kind_apposition(cx: &mut Ctx, b: usize) -> bool {
    if cx.w(b) != "," || !cx.lower_is(b + 1, &["a", "an", "the"]) {
        return false;
    }
    let first = b + 2;
    let hyphened = |k: usize| cx.toks.get(k).is_some_and(|t| t.hyphen);
    for k in first..=first + APPOSITION_MODIFIERS {
        // A modifier: a lower-case content word or a part of a hyphenated one
        // ("Lisbon-based"); a function word ("member of the band") ends the phrase.
        let part = cx.is_word(k) && (hyphened(k) || hyphened(k + 1));
        if !(lower_word(cx, k) || part) || cx.g.is_function_word(cx.w(k)) {
            return false;
        }
        if kind_noun(cx, k) && !goes_on_to_a_noun(cx, k + 1) {
            return true;
        }
    }
    false
}

/// Whether token `k` goes on with the noun phrase before it: a possessive ("the band's
/// singer") or a lower-case word that is no link to what follows the phrase ("member"
/// after "a band"; not "that" or "based"). "Of" goes on too: "the group of molecules"
/// is no organisation.
fn goes_on_to_a_noun(cx: &Ctx, k: usize) -> bool {
    const LINKS: &[&str] = &[
        "that", "which", "in", "from", "with", "based", "founded", "known", "for", "and", "run", "owned",
        "whose", "where", "on", "at", "by", "called", "named",
    ];
    let possessive = cx.toks.get(k).is_some_and(|t| t.kind == TokenKind::Possessive);
    possessive || lower_word(cx, k) && !cx.lower_is(k, LINKS)
}

/// Whether the unknown word `a..b` is an organisation's head word written alone with its
/// capital after "the", as a document names again a body it named in full or one its
/// readers know ("the Council would appeal", "The Gazette said"): a head word that ends
/// organisations' names ("Council", "Times") and no place's or facility's, with no
/// longer name going on from it ("the Society of …" is composed before).
fn lone_head(cx: &Ctx, a: usize, b: usize) -> bool {
    let w = cx.w(a);
    b - a == 1
        && cx.lower_is(a - 1, &["the"])
        && cx.g.org_head(w).suffix
        && !cx.g.loc_head(w).suffix
        && !cx.g.fac_head(w).suffix
        && !cx.lower_is(b, &["of", "for", "on"])
}

/// Whether the unknown word `a..b` is an acronym a person just found belongs to:
/// "Gary Chan of DAB", "Wong Kwok-kin of the FTU". A person is "of" a place too, but
/// places are written out; an acronym there names the party, union or firm.
fn acronym_of_person(cx: &Ctx, a: usize, b: usize, sofar: &[Candidate]) -> bool {
    let w = cx.w(a);
    if a < 2 || b - a != 1 || !is_acronym(w) || NOT_ORG_ACRONYMS.contains(&w) {
        return false;
    }
    let of_at = if cx.w(a - 1) == "the" { a - 2 } else { a - 1 };
    of_at >= 1
        && cx.w(of_at) == "of"
        && sofar
            .last()
            .is_some_and(|c| c.label == Label::Person && c.range.end == cx.toks[of_at - 1].end)
}

/// Whether a strong cue makes the unknown words `a..b` a person: a role noun before,
/// "the … administration", "said" around a word inside a sentence, an apposition or a
/// photo credit after two to four words, a surname's ending closing them
/// ("Biysultan Khamzaev"), or "and" joining them to a person. Words with derivational
/// endings and runs in capitals are left to the learned decision.
/// [`coordinated_with_person`] is asked only where it decides, so that the lexicon
/// answers it needs are recorded only then.
fn strong_person_cue(
    cx: &mut Ctx,
    a: usize,
    b: usize,
    initial: bool,
    cues: &Cues,
    sofar: &[Candidate],
) -> bool {
    if b - a == 1 {
        !crate::normal::is_all_caps(cx.w(a))
            && !cues.wordy
            && (cues.role_before
                || cues.admin
                || (cues.said_after || cues.said_before) && !initial
                || coordinated_with_person(cx, a, b, sofar))
    } else {
        b - a <= 4
            && !cues.wordy
            && !crate::normal::is_all_caps_run(cx.text, &cx.toks[a..b])
            && (cues.role_before
                || cues.said_before
                || cues.said_after
                || cues.appos
                || cues.credit
                || cx.surname_shaped(b - 1)
                || coordinated_with_person(cx, a, b, sofar))
    }
}

/// Whether unknown words `a..b` are joined by "and" / "or" to a person: one just found
/// before them, or a person the lexicon knows after them. Words that end in a head word
/// are a body's name, whatever they are listed with ("Dana Reyes and Army …").
fn coordinated_with_person(cx: &mut Ctx, a: usize, b: usize, sofar: &[Candidate]) -> bool {
    if cx.is_head(cx.w(b - 1)) {
        return false;
    }
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
    fn a_long_word_in_capitals_among_mixed_case_goes_to_the_decision() {
        // A stand-in decision that makes an organisation of every span it is asked about.
        let org = || crate::decide::Model::parse("# h\nbias\t0\t0\t5\t0\t0\n");
        let v = crate::decide::deciding_with(org(), || found("Geologists from VELMARIX joined the survey."));
        assert!(has(&v, "VELMARIX", Label::Org), "{v:?}");
        // Not a line in capitals, nor a word in capitals opening a block (a dateline).
        for text in [
            "QUORRANTINE VELMARIX SURVEY",
            "VELMARIX — Geologists joined the survey.",
        ] {
            let v = crate::decide::deciding_with(org(), || found(text));
            assert!(!v.iter().any(|(t, _)| t.contains("VELMARIX")), "{text}: {v:?}");
        }
    }

    #[test]
    fn a_thing_counted_in_the_document_is_no_surname_to_find_alone() {
        // "Harlan" is a given name and "Harlan Vellums" reads as a person; the document
        // writes "Vellum" and "Vellums": things, so "Vellums" alone is no one.
        let text = "Crowds queued for the Harlan Vellums shown at the library. The museum bought \
                    40 Vellums from a dealer, and each Vellum was restored. Critics praised the \
                    Vellums on display.";
        let v = crate::test_support::names(text);
        assert!(
            !v.iter()
                .any(|f| f.text.starts_with("Vellum") && f.label == Label::Person),
            "{v:?}"
        );
        // A surname written once in another number is still found alone.
        let text = "Dana Whitcombe opened the show. Whitcombe thanked the Whitcombes of Leeds.";
        let v = crate::test_support::names(text);
        assert!(
            v.iter()
                .any(|f| f.text == "Whitcombe" && f.label == Label::Person),
            "{v:?}"
        );
    }

    #[test]
    fn where_a_firm_is_based_and_what_kind_it_is_make_an_organisation() {
        let v = found(
            "The Tallinn-based Kelvane hired engineers, and a Lisbon-based startup, Orvalho, raised money.",
        );
        assert!(has(&v, "Kelvane", Label::Org), "{v:?}");
        assert!(has(&v, "Orvalho", Label::Org), "{v:?}");
        let v = found("A strike by the union PWSU closed the port run by the operator Havnelag.");
        assert!(has(&v, "PWSU", Label::Org), "{v:?}");
        assert!(has(&v, "Havnelag", Label::Org), "{v:?}");
        // Any modifier may stand before the kind.
        let v = found("The satirical magazine Quillpen mocked the rally, and rival team Zephyr9 won.");
        assert!(has(&v, "Quillpen", Label::Org), "{v:?}");
        assert!(has(&v, "Zephyr9", Label::Org), "{v:?}");
        // A given name after the kind noun is a person's: "the band Grace Okoro" is left
        // to the other cues.
        let v = found("She joined the band Grace Okoro founded.");
        assert!(!has(&v, "Grace Okoro", Label::Org), "{v:?}");
    }

    #[test]
    fn an_apposition_naming_a_kind_of_organisation_makes_one() {
        for (text, name) in [
            (
                "She now writes for Tessvale, a small literary quarterly, every spring.",
                "Tessvale",
            ),
            (
                "The printer, Orvalho, a Lisbon-based startup that prints on demand, declined.",
                "Orvalho",
            ),
            (
                "The pupils of Marrowind, a rural school, won the prize.",
                "Marrowind",
            ),
        ] {
            let v = found(text);
            assert!(has(&v, name, Label::Org), "{text}: {v:?}");
        }
        // A kind noun that only modifies a person's role, or a group of things, is none.
        for (text, name) in [
            (
                "Tomas Brandt, a former band member, was not reached.",
                "Tomas Brandt",
            ),
            ("Ilse Marren, the band's singer, said little.", "Ilse Marren"),
        ] {
            let v = found(text);
            assert!(has(&v, name, Label::Person), "{text}: {v:?}");
        }
    }

    #[test]
    fn an_organisations_head_word_alone_after_the_is_an_organisation() {
        let v =
            found("Editors said the Gazette would close. The Council would appeal, and the Times said so.");
        for name in ["Gazette", "Council", "Times"] {
            assert!(has(&v, name, Label::Org), "{name}: {v:?}");
        }
        // A head word opening a longer name is that name's.
        let v = found("Grants from the Society for Tidal Studies reached the town.");
        assert!(has(&v, "Society for Tidal Studies", Label::Org), "{v:?}");
    }

    #[test]
    fn an_acronym_a_person_is_of_is_an_organisation() {
        let v =
            found("Speaking for the miners, Marta Kowalczyk of the ZZGW and Piotr Nowak of KWK walked out.");
        assert!(has(&v, "ZZGW", Label::Org), "{v:?}");
        assert!(has(&v, "KWK", Label::Org), "{v:?}");
        // A common acronym is no organisation: "Anna Berg of HR".
        let v = found("The memo came from Anna Berg of HR on Monday.");
        assert!(!has(&v, "HR", Label::Org), "{v:?}");
    }

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
    fn an_occupation_noun_before_a_name_makes_a_person() {
        for (text, name) in [
            (
                "The cellist Ysolde Brannagh toured in the spring.",
                "Ysolde Brannagh",
            ),
            ("A musician Corwin Tallbrook joined late.", "Corwin Tallbrook"),
            (
                "Their curator, Odalys Fenwright, opened the show.",
                "Odalys Fenwright",
            ),
        ] {
            let v = found(text);
            assert!(has(&v, name, Label::Person), "{text}: {v:?}");
        }
    }

    #[test]
    fn a_verb_of_seeing_before_an_object_is_no_cue_of_speech() {
        let v = found("The stalls Brellicor observed at the fair were full.");
        assert!(!has(&v, "Brellicor", Label::Person), "{v:?}");
        let v = found("At the fair, Ilse Wandtke observed that the stalls were full.");
        assert!(has(&v, "Ilse Wandtke", Label::Person), "{v:?}");
    }

    #[test]
    fn general_club_and_company_heads_make_organisations() {
        let v = found("Pellham Athletic drew with Stoney Wanderers as Kellstrom Buses watched.");
        for name in ["Pellham Athletic", "Stoney Wanderers", "Kellstrom Buses"] {
            assert!(has(&v, name, Label::Org), "{name}: {v:?}");
        }
    }

    #[test]
    fn a_person_whose_surname_is_a_city_is_one_person() {
        let v = found("Marisol Denver, a retired nurse, has sued the clinic.");
        assert!(has(&v, "Marisol Denver", Label::Person), "{v:?}");
        assert!(!has(&v, "Denver", Label::Gpe), "{v:?}");
    }

    #[test]
    fn the_name_of_an_administration_is_a_person() {
        let v = found("pressure from the Biden administration grew");
        assert!(has(&v, "Biden", Label::Person), "{v:?}");
    }
}
