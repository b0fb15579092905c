//! The features of a candidate span, for the [learned decision](super): each a short
//! string ("last=inc", "p1=said", "shape=Xx_Xx") hashed for the lookup. Training and
//! inference extract them with this one function.

use super::evidence::{self, DocEvidence};
use super::Model;
use crate::gazetteer::{normalise_into, Gazetteer};
use crate::text::{is_capitalised, lower_into, Token, TokenKind};
use std::fmt::Write as _;
use std::ops::Range;

/// The cues the rules looked at, passed on as features.
#[derive(Debug, Clone, Copy, Default)]
pub struct Cues {
    /// A title just before the span.
    pub after_title: bool,
    /// A lower-case role noun just before ("researcher").
    pub role_before: bool,
    /// "said" / "says" just before.
    pub said_before: bool,
    /// A verb of saying just after.
    pub said_after: bool,
    /// ", who …", ", director of …" just after.
    pub apposition: bool,
    /// A photo credit: "Name/Agency".
    pub credit: bool,
    /// A word with a surname's ending ("-enko", "-ov").
    pub surname_shaped: bool,
    /// A word with an English derivational ending ("-tion", "-ment").
    pub wordy: bool,
    /// A common abbreviation in capitals that names no organisation ("GDP", "CEO").
    pub common_acronym: bool,
    /// A noun for a kind of organisation just before, in either number ("the schools
    /// …", "websites such as …" do not count: the noun must touch the span).
    pub kind_before: bool,
    /// The label of the name found just before in a list with this one ("A, B and C":
    /// "B" after "A", "C" after "B"): lists join names of one kind.
    pub listed_after: Option<crate::label::Label>,
}

/// One span to decide: tokens `span` of `toks` in the document `text`.
#[derive(Debug, Clone)]
pub struct SpanFacts<'a> {
    /// The document's text.
    pub text: &'a str,
    /// The block's tokens.
    pub toks: &'a [Token],
    /// The span's token range (not empty).
    pub span: Range<usize>,
    /// The span opens a sentence.
    pub initial: bool,
    /// The block is a headline in Title Case.
    pub title_case: bool,
    /// What the rules saw.
    pub cues: Cues,
}

/// The features of one span: their hashes, and their names when training wants them.
#[derive(Debug, Default)]
pub struct Features {
    /// The hash of each feature ([`Model::hash`]).
    pub hashes: Vec<u64>,
    /// The features as written, when collected for training.
    pub names: Option<Vec<String>>,
    buf: String,
    /// The words and shapes [`extract`] writes, kept from span to span.
    words: Words,
    /// The span's text in lower case: its surface in the [pool](super::pool).
    pub(crate) surface: String,
}

/// Buffers for the words [`extract`] looks at: lower-cased, shaped, in context.
#[derive(Debug, Default)]
struct Words {
    lower: String,
    shapes: String,
    key: String,
    /// The context words: two before the span, two after it.
    p1: String,
    p2: String,
    n1: String,
    n2: String,
    pair: String,
}

impl Features {
    /// An empty set; `named` keeps the names too.
    pub fn new(named: bool) -> Features {
        Features {
            names: named.then(Vec::new),
            ..Features::default()
        }
    }

    /// Empties the set for the next span, keeping its buffers; `named` as in [`Features::new`].
    pub fn reset(&mut self, named: bool) {
        self.hashes.clear();
        self.names = named.then(Vec::new);
    }

    /// Adds the feature `prefix` + `value`.
    fn add(&mut self, prefix: &str, value: &str) {
        self.add_parts(&[prefix, value]);
    }

    /// Adds the feature written as `parts` one after the other.
    fn add_parts(&mut self, parts: &[&str]) {
        self.buf.clear();
        parts.iter().for_each(|p| self.buf.push_str(p));
        self.hashes.push(Model::hash(&self.buf));
        if let Some(n) = &mut self.names {
            n.push(self.buf.clone());
        }
    }

    /// Adds the feature `name` when `on`.
    fn flag(&mut self, on: bool, name: &str) {
        if on {
            self.add(name, "");
        }
    }
}

/// The shape of a word: upper-case letters `X`, lower-case `x`, digits `d`, other
/// characters as they are, runs cut at two ("Xxx" for "Okafor", "XX" for "NATO",
/// "X.X." for "U.S.").
pub fn shape(w: &str) -> String {
    let mut out = String::new();
    push_shape(w, &mut out);
    out
}

/// Appends the [`shape`] of `w` to `out`.
fn push_shape(w: &str, out: &mut String) {
    let (mut last, mut run) = ('\0', 0);
    for c in w.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        run = if k == last { run + 1 } else { 1 };
        last = k;
        if run <= 2 {
            out.push(k);
        }
    }
}

/// The last `n` characters of `w` (all of it when shorter).
fn suffix(w: &str, n: usize) -> &str {
    let k = w.char_indices().rev().nth(n - 1).map_or(0, |(k, _)| k);
    &w[k..]
}

/// Extracts the features of `facts` into `f` (`ev`: the document, indexed).
pub fn extract(facts: &SpanFacts, ev: &mut DocEvidence, f: &mut Features) {
    let (a, b) = (facts.span.start, facts.span.end);
    let word = |k: usize| facts.toks[k].text(facts.text);
    let mut w = std::mem::take(&mut f.words);
    let lower = &mut w.lower;
    f.add("bias", "");
    f.add("len=", ["0", "1", "2", "3", "4", "5+"][(b - a).min(5)]);
    f.flag(facts.initial, "initial");
    f.flag(facts.title_case, "titlecase");
    w.shapes.clear();
    for k in a..b.min(a + 4) {
        if k > a {
            w.shapes.push('_');
        }
        push_shape(word(k), &mut w.shapes);
    }
    f.add("shape=", &w.shapes);
    lower_into(word(a), lower);
    f.add("first=", lower);
    f.add("pre3=", suffix_free_prefix(lower, 3));
    lower_into(word(b - 1), lower);
    f.add("last=", lower);
    for n in [2, 3, 4] {
        f.add(["suf2=", "suf3=", "suf4="][n - 2], suffix(lower, n));
    }
    for k in a + 1..b.saturating_sub(1) {
        lower_into(word(k), lower);
        f.add("inner=", lower);
    }
    inner_marks(facts, f);
    context(facts, &mut w, f);
    org_context(facts, &mut w.lower, f);
    tables(facts, &mut w, f);
    document(facts, ev, f);
    f.words = w;
    let c = facts.cues;
    f.flag(c.after_title, "cue=title");
    f.flag(c.role_before, "cue=role");
    f.flag(c.said_before, "cue=said_before");
    f.flag(c.said_after, "cue=said_after");
    f.flag(c.apposition, "cue=appos");
    f.flag(c.credit, "cue=credit");
    f.flag(c.surname_shaped, "cue=surname");
    f.flag(c.wordy, "cue=wordy");
    f.flag(c.common_acronym, "cue=common_acronym");
    f.flag(c.kind_before, "cue=kind");
    if let Some(label) = c.listed_after {
        f.add("listed=", label.code());
    }
}

/// What joins the span's words, where the words themselves are too rare to learn from:
/// a lower-case particle ("van der", "bin": personal names, and some places'), a hyphen
/// between two capitalised parts ("Asante-Darko", "El-Hassan": double surnames) and one
/// before a lower-case part ("Ka-chun": a romanised given name; "Pro-democracy": a word).
fn inner_marks(facts: &SpanFacts, f: &mut Features) {
    let (a, b) = (facts.span.start, facts.span.end);
    let word = |k: usize| facts.toks[k].text(facts.text);
    let particle = (a + 1..b).any(|k| {
        let w = word(k);
        !is_capitalised(w) && w.len() <= 5 && evidence::PARTICLES.contains(&w)
    });
    f.flag(particle, "particle");
    let hyphen = |k: &usize| facts.toks[*k].hyphen && facts.toks[*k].kind == TokenKind::Word;
    let hyphen_caps = (a + 1..b)
        .filter(hyphen)
        .any(|k| is_capitalised(word(k)) && is_capitalised(word(k - 1)));
    f.flag(hyphen_caps, "hyph=caps");
    f.flag(
        (a + 1..b).filter(hyphen).any(|k| !is_capitalised(word(k))),
        "hyph=lower",
    );
}

/// The first `n` characters of `w`.
fn suffix_free_prefix(w: &str, n: usize) -> &str {
    let k = w.char_indices().nth(n).map_or(w.len(), |(k, _)| k);
    &w[..k]
}

/// The token `k` as a context word: lower-cased, `<s>` / `</s>` past the block.
fn context_word(facts: &SpanFacts, k: Option<usize>, out: &mut String) {
    match k.and_then(|k| facts.toks.get(k)) {
        Some(t) if t.kind == TokenKind::Number => {
            out.clear();
            out.push_str("<num>");
        }
        Some(t) => lower_into(t.text(facts.text), out),
        None => {
            out.clear();
            out.push_str(if k.is_none() { "<s>" } else { "</s>" });
        }
    }
}

/// The words before and after the span, alone and as a pair.
fn context(facts: &SpanFacts, w: &mut Words, f: &mut Features) {
    let (a, b) = (facts.span.start, facts.span.end);
    let Words {
        p1, p2, n1, n2, pair, ..
    } = w;
    context_word(facts, a.checked_sub(1), p1);
    context_word(facts, a.checked_sub(2), p2);
    context_word(facts, Some(b), n1);
    context_word(facts, Some(b + 1), n2);
    f.add("p1=", p1);
    f.add("p2=", p2);
    f.add("n1=", n1);
    f.add("n2=", n2);
    pair.clear();
    let _ = write!(pair, "{p1}|{n1}");
    f.add("p1n1=", pair);
    pair.clear();
    let _ = write!(pair, "{p2} {p1}");
    f.add("p2p1=", pair);
    neighbour_endings(facts, p1, n1, f);
}

/// The endings of the lower-case words right before and after the span ("-ed" of a
/// verb after a name, "-al" of an adjective before it), and a preposition of place
/// right before it (alone, and with the clause ending right after the span: "… from
/// Tromso."): general where the words themselves are too rare to learn from.
fn neighbour_endings(facts: &SpanFacts, p1: &str, n1: &str, f: &mut Features) {
    let (a, b) = (facts.span.start, facts.span.end);
    let lower_word = |k: usize| {
        facts
            .toks
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Word && !is_capitalised(t.text(facts.text)))
    };
    if a > 0 && lower_word(a - 1) && p1.chars().count() > 3 {
        f.add("p1suf2=", suffix(p1, 2));
    }
    if lower_word(b) && n1.chars().count() > 3 {
        f.add("n1suf2=", suffix(n1, 2));
    }
    // A determiner or a number right before: a thing, a team, an event, not a person.
    f.flag(p1 == "<num>" || evidence::is_determiner(p1), "pc=det");
    f.flag(evidence::is_event_preposition(p1), "pc=event_prep");
    // "the … reported": an agent with an article, a publication or a body.
    f.flag(p1 == "the" && evidence::is_report_verb(n1), "pc=the_reporting");
    let edition = a > 0
        && facts.toks[a - 1].kind == TokenKind::Number
        && evidence::is_numeric_ordinal(facts.toks[a - 1].text(facts.text));
    f.flag(edition, "pc=edition");
    f.flag(lower_word(b) && evidence::is_event_noun(n1), "nc=event_noun");
    let place_preposition = matches!(
        p1,
        "in" | "at" | "from" | "near" | "to" | "into" | "outside" | "across"
    );
    f.flag(place_preposition, "pc=place_prep");
    let clause_ends = matches!(n1, "." | "," | ";" | "</s>");
    f.flag(place_preposition && clause_ends, "pc=place_prep_end");
}

/// Word classes around the span that point to an organisation, general where the
/// context words themselves are too rare to learn from: a noun for its people after it
/// ("… officials", "…'s spokesman") or before it with a preposition ("members of …"),
/// a name after its possessive ("…'s Dana Reyes": a party's or a firm's person), and
/// "of" after a capitalised word inside a sentence ("Dana Reyes of …"; not "Shares of
/// …" opening one, whose capital says nothing).
fn org_context(facts: &SpanFacts, w: &mut String, f: &mut Features) {
    let (a, b) = (facts.span.start, facts.span.end);
    let lower_at = |k: usize, w: &mut String| match facts.toks.get(k) {
        Some(t) if t.kind == TokenKind::Word => lower_into(t.text(facts.text), w),
        _ => w.clear(),
    };
    let poss = facts.toks.get(b).is_some_and(|t| t.kind == TokenKind::Possessive);
    lower_at(if poss { b + 1 } else { b }, w);
    f.flag(evidence::is_org_role(w), "nc=orgrole");
    let cap = |k: usize| {
        facts
            .toks
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Word && is_capitalised(t.text(facts.text)))
    };
    f.flag(poss && cap(b + 1), "nc=poss_name");
    if a >= 2 {
        lower_at(a - 1, w);
        let link = evidence::is_org_link(w);
        let of = w == "of";
        lower_at(a - 2, w);
        f.flag(link && evidence::is_org_role(w), "pc=orgrole_link");
        f.flag(of && cap(a - 2) && !opens_sentence(facts, a - 2), "pc=name_of");
    }
}

/// Whether token `k` opens a sentence of the block: the first token, or one after a
/// full stop, a question or an exclamation mark.
fn opens_sentence(facts: &SpanFacts, k: usize) -> bool {
    k == 0 || matches!(facts.toks[k - 1].text(facts.text), "." | "!" | "?")
}

/// Hits in the world-knowledge tables: given and family names, head words, known
/// names among the words (and where in the run), a title or a demonym before.
fn tables(facts: &SpanFacts, w: &mut Words, f: &mut Features) {
    let g = Gazetteer::get();
    let (a, b) = (facts.span.start, facts.span.end);
    let word = |k: usize| facts.toks[k].text(facts.text);
    let (first, last) = (word(a), word(b - 1));
    match g.given(first) {
        Some(true) => f.add("given0=common", ""),
        Some(false) => f.add("given0", ""),
        None => {}
    }
    f.flag(g.family_first(first), "family0");
    f.flag(b - a > 1 && g.given(last).is_some(), "givenlast");
    // Given names of other countries: weighed, not trusted (the list is unflagged and
    // holds English words: "Young"), and only before another word of the name.
    f.flag(b - a > 1 && g.world_given(first), "world0");
    f.flag(b - a > 1 && g.world_given(last), "worldlast");
    let heads = [
        ("org", g.org_head(last), g.org_head(first)),
        ("event", g.event_head(last), g.event_head(first)),
        ("fac", g.fac_head(last), g.fac_head(first)),
        ("loc", g.loc_head(last), g.loc_head(first)),
    ];
    // An event's head word inside the run ("Comic Expo Norden", "Cup of Nations").
    let inner_event = (a + 1..b.saturating_sub(1)).any(|k| {
        let h = g.event_head(word(k));
        h.suffix || h.prefix
    });
    f.flag(inner_event, "head_inner=event");
    for (name, l, fi) in heads {
        if l.suffix {
            f.add("head_suffix=", name);
        }
        if fi.prefix {
            f.add("head_prefix=", name);
        }
    }
    let Words { key, lower, .. } = w;
    for k in a..b {
        normalise_into(word(k), key);
        if let Some(known) = g.name(key) {
            let amb = if known.ambiguous { "?" } else { "" };
            f.add_parts(&["known=", known.label.code(), amb]);
            // Where in a longer run: a place ending one is often a branch or a team
            // ("Zentrix UK", "Team Norway"), one opening it a thing of that place.
            if b - a > 1 {
                let at = if k == a {
                    "known_first="
                } else if k + 1 == b {
                    "known_last="
                } else {
                    "known_inner="
                };
                f.add(at, known.label.code());
            }
        }
        lower_into(word(k), lower);
        if g.stop(lower).is_some() {
            f.add("stopword", "");
        }
    }
    if a > 0 {
        let p = word(a - 1);
        normalise_into(p, key);
        f.flag(g.title(key), "ptitle");
        if let Some(known) = g.name(key).filter(|_| is_capitalised(p)) {
            f.add("pknown=", known.label.code());
        }
    }
    if let Some(t) = facts.toks.get(b).filter(|t| t.kind == TokenKind::Word) {
        normalise_into(t.text(facts.text), key);
        if let Some(known) = g.name(key).filter(|_| is_capitalised(t.text(facts.text))) {
            f.add("nknown=", known.label.code());
        }
    }
}

/// What the rest of the document says about the span's first and last words.
fn document(facts: &SpanFacts, ev: &mut DocEvidence, f: &mut Features) {
    let (a, b) = (facts.span.start, facts.span.end);
    let names = [
        (evidence::LOWER, "lower"),
        (evidence::CAP_MID, "capmid"),
        (evidence::TITLED, "titled"),
        (evidence::SAID, "said"),
        (evidence::RUN_INNER, "runinner"),
        (evidence::RUN_FIRST, "runfirst"),
        (evidence::ORG_CONTEXT, "orgctx"),
        (evidence::DETERMINED, "det"),
        (evidence::EVENT_CONTEXT, "eventctx"),
        (evidence::PAIRED, "paired"),
        (evidence::POSS_NAME, "possname"),
        (evidence::DEFINED, "defined"),
        (evidence::REPORTING, "reporting"),
        (evidence::TITLED_ARTICLE, "titled_article"),
    ];
    for (which, k) in [("ev0=", a), ("evl=", b - 1)] {
        let seen = ev.of(facts.toks[k].text(facts.text));
        for (bit, name) in names {
            if seen.bits & bit != 0 {
                f.add(which, name);
            }
        }
        // A word capitalised inside sentences again and again and never in lower case
        // is a name, whatever its words (one feature: the linear model cannot join three).
        let named =
            seen.capitalised >= 2 && seen.bits & evidence::CAP_MID != 0 && seen.bits & evidence::LOWER == 0;
        if named {
            f.add(which, "recurring");
        }
        // How often the word is written with a capital: names recur.
        f.add(
            which,
            ["caps0", "caps1", "caps2", "caps2", "caps4+"][usize::from(seen.capitalised.min(4))],
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    #[test]
    fn shapes_cut_runs_at_two() {
        assert_eq!(shape("Okafor"), "Xxx");
        assert_eq!(shape("NATO"), "XX");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("F-16"), "X-dd");
        assert_eq!(shape("McKinsey"), "XxXxx");
    }

    #[test]
    fn a_span_has_its_words_context_and_evidence() {
        let text = "Yesterday the Tamworth Harbour Board said the harbour would close.";
        let toks = tokenize(text, 0..text.len());
        let facts = SpanFacts {
            text,
            toks: &toks,
            span: 2..5,
            initial: false,
            title_case: false,
            cues: Cues {
                said_after: true,
                ..Cues::default()
            },
        };
        let mut ev = DocEvidence::default();
        ev.index(text);
        let mut f = Features::new(true);
        extract(&facts, &mut ev, &mut f);
        let names = f.names.unwrap();
        for want in [
            "bias",
            "len=3",
            "shape=Xxx_Xxx_Xxx",
            "first=tamworth",
            "last=board",
            "inner=harbour",
            "suf3=ard",
            "p1=the",
            "n1=said",
            "p1n1=the|said",
            "head_suffix=org",
            "cue=said_after",
            "evl=runinner",
            "ev0=runfirst",
        ] {
            assert!(names.iter().any(|n| n == want), "{want} not in {names:?}");
        }
        assert_eq!(f.hashes.len(), names.len());
        assert!(!names.iter().any(|n| n == "initial"));
    }

    /// The features of tokens `span` of `text`.
    fn names_of(text: &str, span: Range<usize>) -> Vec<String> {
        let toks = tokenize(text, 0..text.len());
        let facts = SpanFacts {
            text,
            toks: &toks,
            span,
            initial: false,
            title_case: false,
            cues: Cues::default(),
        };
        let mut ev = DocEvidence::default();
        ev.index(text);
        let mut f = Features::new(true);
        extract(&facts, &mut ev, &mut f);
        f.names.unwrap()
    }

    #[test]
    fn the_words_around_an_organisation_are_classed() {
        let has = |names: &[String], want: &str| names.iter().any(|n| n == want);
        // "Kelpwise" is token 2 in each.
        let n = names_of("Yesterday, Kelpwise's spokeswoman declined.", 2..3);
        assert!(has(&n, "nc=orgrole") && !has(&n, "nc=poss_name"), "{n:?}");
        let n = names_of("Afterwards, Kelpwise's Mara Lind won.", 2..3);
        assert!(has(&n, "nc=poss_name") && !has(&n, "nc=orgrole"), "{n:?}");
        let n = names_of("members of Kelpwise voted.", 2..3);
        assert!(has(&n, "pc=orgrole_link") && has(&n, "ev0=orgctx"), "{n:?}");
        let n = names_of("Then Lind of Kelpwise voted.", 3..4);
        assert!(has(&n, "pc=name_of") && !has(&n, "pc=orgrole_link"), "{n:?}");
        // A capital opening a sentence says nothing: "Shares of …" is no name's "of".
        for (text, span) in [
            ("Shares of Kelpwise fell.", 2..3),
            ("It rose. Shares of Kelpwise fell.", 5..6),
        ] {
            let n = names_of(text, span);
            assert!(has(&n, "p1=of") && !has(&n, "pc=name_of"), "{text}: {n:?}");
        }
    }

    #[test]
    fn a_known_name_in_a_run_says_where_it_stands() {
        let n = names_of("Yesterday Velmar Canada hired.", 1..3);
        assert!(n.iter().any(|x| x == "known_last=GPE"), "{n:?}");
        let n = names_of("Yesterday Canada Velmar hired.", 1..3);
        assert!(n.iter().any(|x| x == "known_first=GPE"), "{n:?}");
        let n = names_of("Yesterday Canada hired.", 1..2);
        assert!(!n.iter().any(|x| x.starts_with("known_")), "{n:?}");
    }

    #[test]
    fn the_words_around_a_span_are_classed_by_ending_and_preposition() {
        let has = |names: &[String], want: &str| names.iter().any(|n| n == want);
        let n = names_of("A geologist from Vellmar arrived.", 3..4);
        assert!(has(&n, "n1suf2=ed") && has(&n, "p1suf2=om"), "{n:?}");
        assert!(has(&n, "pc=place_prep") && !has(&n, "pc=place_prep_end"), "{n:?}");
        let n = names_of("They flew in to Vellmar.", 4..5);
        assert!(has(&n, "pc=place_prep_end") && !has(&n, "p1suf2=to"), "{n:?}");
    }

    #[test]
    fn what_joins_a_names_words_and_given_names_of_many_countries_are_marked() {
        let has = |names: &[String], want: &str| names.iter().any(|n| n == want);
        // "Kwabena" is no US given name; "Asante-Darko" is two tokens joined by a hyphen.
        let n = names_of("A report by Kwabena Asante-Darko appeared.", 3..6);
        assert!(has(&n, "world0") && has(&n, "hyph=caps"), "{n:?}");
        assert!(!has(&n, "particle") && !has(&n, "hyph=lower"), "{n:?}");
        let n = names_of("Then Rutger van der Westhuizen spoke.", 1..5);
        assert!(has(&n, "particle") && !has(&n, "hyph=caps"), "{n:?}");
        let n = names_of("Then Tsang Kin-chiu spoke.", 1..4);
        assert!(has(&n, "hyph=lower") && !has(&n, "world0"), "{n:?}");
    }

    #[test]
    fn the_words_around_an_event_are_classed() {
        let has = |names: &[String], want: &str| names.iter().any(|n| n == want);
        let n = names_of("Crowds met during Vessakh celebrations.", 3..4);
        assert!(has(&n, "pc=event_prep") && has(&n, "nc=event_noun"), "{n:?}");
        let n = names_of("The 9th Harlow Expo Norway opened.", 2..5);
        assert!(has(&n, "pc=edition") && has(&n, "head_inner=event"), "{n:?}");
        let n = names_of("Yesterday Mara Lind met Tove Berg.", 1..3);
        assert!(!n.iter().any(|x| x.contains("event")), "{n:?}");
    }
}
