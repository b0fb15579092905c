//! The closed word classes the quote finder reads: speech verbs, and the small words
//! around them (auxiliaries, pronouns, prepositions, clause markers). General English,
//! not fitted to any text. Each list is one string of words separated by spaces, made a
//! set the first time it is asked: the finder asks for nearly every token of a body.

use crate::hash::FxSet;
use crate::shape::Shapes;
use std::sync::OnceLock;

/// A closed word class: its words, separated by spaces, and their set, made once with
/// the words' shapes ([`Shapes`]), which rule out most tokens before any hashing.
struct List {
    words: &'static str,
    set: OnceLock<(FxSet<&'static str>, Shapes)>,
}

impl List {
    const fn new(words: &'static str) -> List {
        List {
            words,
            set: OnceLock::new(),
        }
    }

    /// Whether the list holds `w`, as written.
    fn holds(&self, w: &str) -> bool {
        let (set, shapes) = self.set.get_or_init(|| {
            let words = || self.words.split_ascii_whitespace();
            (words().collect(), Shapes::new(words()))
        });
        shapes.admit(w) && set.contains(w)
    }
}

/// Speech verbs that introduce both direct and reported speech, as news text inflects
/// them. Matched lower-case only, so "States" in "United States" is no cue. Base forms
/// that are mostly nouns ("a state", "the report") are left out.
static SPEECH: List = List::new(
    "\
    say says said tell tells told add adds added warn warns warned insist insists insisted states \
    stated assert asserts asserted claims claimed notes noted observe observes observed announce \
    announces announced reports reported explain explains explained argue argues argued deny denies \
    denied confirm confirms confirmed acknowledge acknowledges acknowledged admit admits admitted \
    stresses stressed emphasise emphasised emphasize emphasized predict predicts predicted promises \
    promised reveal reveals revealed signalled signaled writes wrote conclude concludes concluded \
    declare declares declared replies replied responded answered commented remarked recalls recalled \
    cautioned concede concedes conceded countered contend contends contended allege alleges alleged \
    tweeted reasoned complained suggesting noting adding saying warning arguing insisting telling",
);

/// Verbs that attribute quoted words but take no content clause of their own ("as she
/// put it, …", "called the vote …", "described him as …").
static DIRECT_ONLY: List = List::new(
    "\
    put puts call calls called describe describes described ask asks asked continue continues \
    continued post posted posts urge urged",
);

/// Speech verbs whose first complement is the hearer: "told reporters that …".
static TELL: List = List::new(
    "\
    tell tells told telling inform informs informed assure assured remind reminded warn warns warned \
    warning promised",
);

/// Words that may stand between a subject and its speech verb.
static BETWEEN_SUBJECT_AND_VERB: List = List::new(
    "\
    has have had also later then again once publicly recently previously repeatedly further earlier \
    separately too will would did does do just already first initially privately reportedly often \
    never always not",
);

/// Forms of "be": before a speech verb they make it passive ("is said to").
static BE: List = List::new(
    "\
    is are was were be been being",
);

/// Words before a noun: a speech verb after one is a noun ("the claims").
static DETERMINERS: List = List::new(
    "\
    the a an his her its their our my your these those this such new whose no any some to",
);

/// Words that open a short phrase of place or time after a verb ("said in Oslo", "said
/// on Monday").
static ADVERBIAL: List = List::new(
    "\
    in on at during after before last this earlier later yesterday today late",
);

/// Words that open a prepositional phrase, not a content clause.
static PREPOSITIONS: List = List::new(
    "\
    about in on at for with to of by from during after before over into through under as against \
    without via goodbye nothing so yes no",
);

/// Words that show a finite clause: auxiliaries, modals, copulas and common irregular
/// past tenses.
static CLAUSE_MARKERS: List = List::new(
    "\
    is are was were be been has have had will would can could may might must should shall do does \
    did remains remain felt thought went came made took gave left lost won met sent began became \
    knew saw found got held kept ran sat stood brought bought built paid set cut hit fell rose grew \
    spent fought caught sold struck led",
);

/// Words that can open a content clause on their own.
static CLAUSE_OPENERS: List = List::new(
    "\
    he she it they we i there you",
);

/// Lower-case words a title may hold ("Better Idea of Afghan Girls").
static TITLE_SMALL_WORDS: List = List::new(
    "\
    of the and a an in on for to at by with or de la del von van",
);

/// Nouns naming a person's role or office, as a title ("Minister Ana Ruiz") or a speaker
/// ("the minister said").
static PERSON_ROLES: List = List::new(
    "\
    minister president spokesman spokeswoman spokesperson chairman chairwoman chair executive \
    director coach manager ambassador secretary governor mayor senator premier chancellor \
    leader chief founder owner professor judge prosecutor lawyer attorney captain commander \
    general envoy king queen prince pope official researcher scientist economist analyst \
    author editor officer striker goalkeeper player",
);

/// Nouns naming an organisation by its kind ("the company said").
static BODY_ROLES: List = List::new(
    "\
    company firm group club team ministry department agency bank party union council \
    committee court board organisation organization association federation league police \
    army military embassy office campaign commission authority institute university \
    network broadcaster newspaper airline carrier manufacturer regulator",
);

/// Whether `w` is a speech verb that can introduce reported speech.
pub(super) fn is_speech(w: &str) -> bool {
    SPEECH.holds(w)
}

/// Whether `w` attributes a direct quote (any speech verb, or "put", "called" …).
pub(super) fn is_direct_cue(w: &str) -> bool {
    is_speech(w) || DIRECT_ONLY.holds(w)
}

/// Whether the verb's first complement is the hearer.
pub(super) fn is_tell(w: &str) -> bool {
    TELL.holds(w)
}

/// Whether `w` may stand between a subject and its verb.
pub(super) fn is_between(w: &str) -> bool {
    BETWEEN_SUBJECT_AND_VERB.holds(w.to_lowercase().as_str())
}

/// Whether `w` is a form of "be".
pub(super) fn is_be(w: &str) -> bool {
    BE.holds(w.to_lowercase().as_str())
}

/// Whether `w` is a determiner (or the "to" of an infinitive): a speech verb after one is
/// a noun or not finite.
pub(super) fn is_determiner(w: &str) -> bool {
    DETERMINERS.holds(w.to_lowercase().as_str())
}

/// Whether `w` opens a phrase of place or time.
pub(super) fn is_adverbial(w: &str) -> bool {
    ADVERBIAL.holds(w.to_lowercase().as_str())
}

/// Whether `w` opens a prepositional phrase.
pub(super) fn is_preposition(w: &str) -> bool {
    PREPOSITIONS.holds(w.to_lowercase().as_str())
}

/// Whether `w` marks a finite clause.
pub(super) fn is_clause_marker(w: &str) -> bool {
    let lower = w.to_lowercase();
    CLAUSE_MARKERS.holds(lower.as_str()) || (lower.len() > 4 && lower.ends_with("ed"))
}

/// Whether `w` can open a clause by itself (a subject pronoun).
pub(super) fn is_clause_opener(w: &str) -> bool {
    CLAUSE_OPENERS.holds(w.to_lowercase().as_str())
}

/// Whether `w` may be a lower-case word of a title.
pub(super) fn is_title_small_word(w: &str) -> bool {
    TITLE_SMALL_WORDS.holds(w)
}

/// Whether `w` joins clauses: a subject is not looked for past it.
pub(super) fn is_clause_word(w: &str) -> bool {
    matches!(
        w,
        "that" | "which" | "who" | "whose" | "and" | "but" | "while" | "because" | "whereas"
    )
}

/// What a definite role as a speaker can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// "the minister": a person.
    Person,
    /// "the company": an organisation.
    Body,
    /// "the government": an organisation or a country.
    Government,
}

/// The kind of role a lower-case noun names, if it names one.
pub(super) fn role(w: &str) -> Option<Role> {
    if w == "government" {
        Some(Role::Government)
    } else if PERSON_ROLES.holds(w) {
        Some(Role::Person)
    } else if BODY_ROLES.holds(w) {
        Some(Role::Body)
    } else {
        None
    }
}

/// What a pronoun can refer to, if it refers to a speaker at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pronoun {
    /// he, she: a person.
    Person,
    /// it, they: an organisation or a country.
    Body,
}

/// The kind of speaker a pronoun refers to; `None` for other words and for I/we/you,
/// whose speaker the text does not name.
pub(super) fn pronoun(w: &str) -> Option<Pronoun> {
    match w.to_lowercase().as_str() {
        "he" | "she" => Some(Pronoun::Person),
        "it" | "they" => Some(Pronoun::Body),
        _ => None,
    }
}
