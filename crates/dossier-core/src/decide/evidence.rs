//! What a document says about its words elsewhere: whether a capitalised word is also
//! written in lower case (an ordinary word), after a title ("Dr. Smith"), next to a
//! verb of saying, inside a sentence, inside a longer capitalised run, or alone after a
//! determiner or a number ("the Walkmans", "200 Walkmans": a thing, not a person).
//!
//! Built once per document, on its first question (one pass over the document's tokens,
//! [`crate::text::DocTokens`], which the recogniser tokenized already), and kept while
//! the recogniser stays in that document: linear in the text.

use crate::gazetteer::{normalised, Gazetteer};
use crate::hash::FxMap;
use crate::shape::Shapes;
use crate::text::{is_capitalised, lower_into, tokenize, Token, TokenKind};
use std::sync::LazyLock;

/// Written in lower case somewhere.
pub const LOWER: u16 = 1;
/// Capitalised inside a sentence (after a lower-case word or a comma).
pub const CAP_MID: u16 = 2;
/// Right after a title ("Mr.", "President").
pub const TITLED: u16 = 4;
/// Next to a verb of saying ("said", "says", "told").
pub const SAID: u16 = 8;
/// Inside a run of two or more capitalised words (not its first word).
pub const RUN_INNER: u16 = 16;
/// The first word of a run of two or more capitalised words.
pub const RUN_FIRST: u16 = 32;
/// In the place an organisation's name takes: before a noun for its people ("Acme
/// officials", "Acme's spokeswoman") or after one and a preposition ("members of Acme").
pub const ORG_CONTEXT: u16 = 64;
/// Alone right after a determiner or a number ("the Umrava", "their own Walkman", "200
/// Walkmans"): people's names take no article, so the word names a thing, an event,
/// a team or a place, whatever a run that holds it elsewhere says.
pub const DETERMINED: u16 = 128;
/// In the place an event's name takes: before a noun for what happens at it ("Umrava
/// pilgrimage", "Marlow Cup final") or after "during" (and a determiner), an edition's
/// number ("the 22nd Tallow Fair") or its year after "the" ("the 1991 Umrava").
pub const EVENT_CONTEXT: u16 = 256;
/// Written also in the other grammatical number, in any case: the word with a final "s"
/// and without it ("Polaroid" and "Polaroids", "Researchers" and "researcher"). A
/// countable noun, a product or a team's member, seldom a person's name.
pub const PAIRED: u16 = 512;
/// Before its possessive and a capitalised word ("Velmora's Dana Reyes", "Velmora's
/// Shadow Minister"): the owner of a person or a post, a party, a firm or a team more
/// often than a person.
pub const POSS_NAME: u16 = 1024;
/// An acronym written next to its expansion in parentheses ("the Velmora Trust (VT)",
/// "VT (Velmora Trust)"): a body that names itself by its initials.
pub const DEFINED: u16 = 2048;
/// The last word of a run that opens after "the" and stands right before a verb of
/// reporting ("the Quillpen writes", "The Daily Clarion reported"): a publication or a
/// body that speaks, as people take no article.
pub const REPORTING: u16 = 4096;
/// Right after "The" written with its capital inside a sentence ("a writer for The
/// Quillpen", "a song by The Marrows"): the article belongs to a title, the title of a
/// publication, a band or a work, which people's names never take.
pub const TITLED_ARTICLE: u16 = 8192;

/// Particles inside personal names, lower case ("Gómez de la Serna", "van der Berg",
/// "Farida bint Nasser", "Hamid al-Rashidi").
pub const PARTICLES: &[&str] = &[
    "de", "del", "della", "der", "den", "van", "von", "da", "di", "dos", "das", "du", "bin", "bint", "ibn",
    "al", "el", "ter", "ten", "le", "la", "y",
];

/// Verbs by which a publication or a body speaks, lower case.
const REPORT_VERBS: &[&str] = &[
    "said",
    "says",
    "reported",
    "reports",
    "announced",
    "announces",
    "stated",
    "states",
    "wrote",
    "writes",
    "published",
    "publishes",
    "claimed",
    "claims",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "ranks",
    "ranked",
];

/// `word` (lower case) is a verb by which a publication or a body speaks (`REPORT_VERBS`).
pub fn is_report_verb(word: &str) -> bool {
    (4..=10).contains(&word.len()) && REPORT_VERBS.contains(&word)
}

/// Nouns that follow an event's name ("the Olympics opening ceremony", "a Cup final"),
/// lower case.
const EVENT_NOUNS: &[&str] = &[
    "ceremony",
    "final",
    "finals",
    "semifinal",
    "semifinals",
    "tournament",
    "qualifier",
    "qualifiers",
    "qualifying",
    "edition",
    "pilgrimage",
    "pilgrims",
    "festivities",
    "celebrations",
    "parade",
    "stampede",
    "bombing",
    "bombings",
    "veterans",
    "anniversary",
    "organisers",
    "organizers",
    "medal",
    "medals",
    "medallist",
    "medalist",
    "winner",
    "winners",
    "venue",
    "venues",
    "delegates",
    "attendees",
];

/// `word` (lower case) names what happens at an event (`EVENT_NOUNS`).
pub fn is_event_noun(word: &str) -> bool {
    (5..=12).contains(&word.len()) && EVENT_NOUNS.contains(&word)
}

/// `word` (lower case) opens a time an event's name fills ("during the Games").
pub fn is_event_preposition(word: &str) -> bool {
    matches!(word, "during" | "throughout")
}

/// `word` (lower case) names a time of an event, which "of" and its name follow ("the
/// beginning of the Games", "on the eve of Kelvara").
pub fn is_event_time(word: &str) -> bool {
    matches!(
        word,
        "start" | "beginning" | "end" | "eve" | "opening" | "close" | "outbreak" | "aftermath"
    )
}

/// `token` is an edition's number written as an ordinal ("22nd", "3rd").
pub fn is_numeric_ordinal(token: &str) -> bool {
    token.starts_with(|c: char| c.is_ascii_digit())
        && ["st", "nd", "rd", "th"].iter().any(|s| token.ends_with(s))
}

/// `token` is a year of four digits ("1991"): after "the" and before a name, the edition
/// of an event it names ("the 1991 Hajj").
pub fn is_year(token: &str) -> bool {
    token.len() == 4
        && token.bytes().all(|b| b.is_ascii_digit())
        && matches!(token.as_bytes()[0], b'1' | b'2')
}

/// `word` (lower case) is a determiner or a possessive pronoun: a noun phrase it opens
/// is no person's name ("the Olympics", "its Walkmans"; "the Smiths" is rare in news).
pub fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "its"
            | "their"
            | "our"
            | "your"
            | "my"
            | "his"
            | "each"
            | "every"
            | "another"
            | "own"
            | "any"
            | "some"
    )
}

/// Nouns for the people and parts of an organisation, which its name comes next to
/// ("the union's members", "a spokesman for the agency"), lower case.
const ORG_ROLES: &[&str] = &[
    "officials",
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokesmen",
    "members",
    "member",
    "executives",
    "executive",
    "employees",
    "employee",
    "staff",
    "shareholders",
    "headquarters",
    "fans",
    "supporters",
    "chairman",
    "chairwoman",
    "chairperson",
    "ceo",
    "chief",
    "boss",
    "board",
    "lawyers",
    "lawyer",
    "founder",
    "founders",
    "leadership",
    "subsidiary",
    "shares",
    "stake",
    "directors",
    "workers",
];

/// The byte lengths of the shortest and the longest of [`ORG_ROLES`]: a word of another
/// length is none of them, without a look at its letters.
const ORG_ROLE_LENGTHS: (usize, usize) = {
    let (mut min, mut max, mut i) = (usize::MAX, 0, 0);
    while i < ORG_ROLES.len() {
        let n = ORG_ROLES[i].len();
        if n < min {
            min = n;
        }
        if n > max {
            max = n;
        }
        i += 1;
    }
    (min, max)
};

/// Whether a word of `len` bytes in ASCII can be one of [`ORG_ROLES`] (written in
/// another case): lower-casing ASCII keeps the length.
fn may_be_org_role(len: usize) -> bool {
    (ORG_ROLE_LENGTHS.0..=ORG_ROLE_LENGTHS.1).contains(&len)
}

/// The shapes of [`ORG_ROLES`] and of [`EVENT_NOUNS`]: most words are ruled out by
/// their length and first and last letters before they are lower-cased and compared.
static ORG_ROLE_SHAPES: LazyLock<Shapes> = LazyLock::new(|| Shapes::new(ORG_ROLES.iter().copied()));
static EVENT_NOUN_SHAPES: LazyLock<Shapes> = LazyLock::new(|| Shapes::new(EVENT_NOUNS.iter().copied()));

/// Whether `w`, written in any case, may be a word of the list of `shapes`: a word in
/// ASCII without its shape is not (lower-casing keeps an ASCII word's shape).
fn may_be_in(shapes: &Shapes, w: &str) -> bool {
    !w.is_ascii() || shapes.admit(w)
}

/// `word` (lower case) names the people or a part of an organisation (`ORG_ROLES`).
pub fn is_org_role(word: &str) -> bool {
    may_be_org_role(word.len()) && ORG_ROLES.contains(&word)
}

/// Prepositions that link a noun of `ORG_ROLES` to the organisation after it.
pub fn is_org_link(word: &str) -> bool {
    matches!(word, "of" | "for" | "at" | "with" | "by" | "from")
}

/// What the document says about one word: the bits above and how often it is written
/// with a capital.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Seen {
    /// The bits ([`LOWER`], [`CAP_MID`], …).
    pub bits: u16,
    /// Occurrences with a capital.
    pub capitalised: u16,
}

/// What a token is to the evidence, found once per token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Not a word.
    Other,
    /// A word that does not start with a capital.
    Lower,
    /// A capitalised function word ("The" opening a sentence).
    Capitalised,
    /// A capitalised word that can be part of a name.
    Name,
}

/// The evidence of one document: for each word, lower-cased, what it says.
#[derive(Debug, Default)]
pub struct DocEvidence {
    /// Whether the document is indexed (since the last [`DocEvidence::forget`]).
    indexed: bool,
    words: FxMap<String, Seen>,
    /// The shapes of `words`' keys: most lower-case words are ruled out by them before
    /// any hashing.
    key_shapes: Shapes,
    /// Per token, its class.
    class: Vec<Class>,
    lower: String,
    /// A buffer for a word's plural.
    plural: String,
    /// The questions asked about the document and their scores, pooled per surface.
    pub(crate) pool: super::pool::Pool,
}

impl DocEvidence {
    /// A new document: the next [`DocEvidence::index_tokens`] indexes it.
    pub fn forget(&mut self) {
        self.indexed = false;
        self.pool.clear();
    }

    /// Takes the evidence of the document indexed, if it is, to be [put](Self::put)
    /// back when the same document is read again (the buffers stay); forgets it here.
    pub fn take(&mut self) -> Option<DocEvidence> {
        let words = std::mem::take(&mut self.words);
        let pool = std::mem::take(&mut self.pool);
        std::mem::replace(&mut self.indexed, false).then(|| DocEvidence {
            indexed: true,
            words,
            pool,
            ..DocEvidence::default()
        })
    }

    /// Puts back the evidence `kept` of the document read again, indexed already.
    pub fn put(&mut self, kept: DocEvidence) {
        self.words = kept.words;
        self.indexed = kept.indexed;
        self.pool = kept.pool;
    }

    /// Indexes the document of `text` whose tokens (all of them, in order) are `toks`,
    /// unless it is indexed already.
    pub fn index_tokens(&mut self, text: &str, toks: &[Token]) {
        if self.indexed {
            return;
        }
        self.indexed = true;
        self.words.clear();
        self.classify(text, toks);
        // Capitalised words first: only they are ever asked about.
        self.index_capitalised(text, toks);
        self.key_shapes = Shapes::new(self.words.keys().map(String::as_str));
        self.index_lower_case(text, toks);
        self.pair_capitalised();
    }

    /// Indexes the whole of `text` as a new document (tokenizing it).
    pub fn index(&mut self, text: &str) {
        self.forget();
        self.index_tokens(text, &tokenize(text, 0..text.len()));
    }

    /// Finds each token's class.
    fn classify(&mut self, text: &str, toks: &[Token]) {
        let g = Gazetteer::get();
        self.class.clear();
        for t in toks {
            let w = t.text(text);
            let class = if t.kind != TokenKind::Word {
                Class::Other
            } else if !is_capitalised(w) {
                Class::Lower
            } else if w.len() <= g.stop_max_len() && {
                lower_into(w, &mut self.lower);
                g.is_function_word(&self.lower)
            } {
                Class::Capitalised
            } else {
                Class::Name
            };
            self.class.push(class);
        }
    }

    /// Records each capitalised word with the bits its neighbours give it.
    fn index_capitalised(&mut self, text: &str, toks: &[Token]) {
        let g = Gazetteer::get();
        let mut title = String::new();
        for (i, t) in toks.iter().enumerate() {
            if !matches!(self.class[i], Class::Capitalised | Class::Name) {
                continue;
            }
            let name = |k: usize| self.class.get(k) == Some(&Class::Name);
            let mut bits = 0;
            if i > 0 {
                let p = toks[i - 1].text(text);
                if p == "," || self.class[i - 1] == Class::Lower {
                    bits |= CAP_MID;
                }
                if g.title(normalised(p, &mut title)) {
                    bits |= TITLED;
                }
            }
            if i > 0 && name(i - 1) {
                bits |= RUN_INNER;
            } else if name(i + 1) {
                bits |= RUN_FIRST;
            }
            let alone = i > 0 && !name(i - 1) && !name(i + 1);
            if near_said(text, toks, i) {
                bits |= SAID;
            }
            if self.org_context(text, toks, i) {
                bits |= ORG_CONTEXT;
            }
            if self.poss_name(toks, i) {
                bits |= POSS_NAME;
            }
            if self.defined(text, toks, i) {
                bits |= DEFINED;
            }
            if self.reporting(text, toks, i) {
                bits |= REPORTING;
            }
            if i >= 2
                && toks[i - 1].text(text) == "The"
                && (self.class[i - 2] == Class::Lower || toks[i - 2].text(text) == ",")
            {
                bits |= TITLED_ARTICLE;
            }
            if alone && self.determined(text, toks, i) {
                bits |= DETERMINED;
            }
            if self.event_context(text, toks, i) {
                bits |= EVENT_CONTEXT;
            }
            lower_into(t.text(text), &mut self.lower);
            match self.words.get_mut(self.lower.as_str()) {
                Some(seen) => {
                    seen.bits |= bits;
                    seen.capitalised = seen.capitalised.saturating_add(1);
                }
                None => {
                    let seen = Seen { bits, capitalised: 1 };
                    self.words.insert(self.lower.clone(), seen);
                }
            }
        }
    }

    /// Marks the capitalised words also written in lower case, looked up without adding
    /// any.
    fn index_lower_case(&mut self, text: &str, toks: &[Token]) {
        if self.words.is_empty() {
            return;
        }
        for (i, t) in toks.iter().enumerate() {
            if self.class[i] != Class::Lower {
                continue;
            }
            let w = t.text(text);
            // Most such words are lower-case ASCII already: looked up as they are.
            let lower = if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
                w
            } else {
                lower_into(w, &mut self.lower);
                self.lower.as_str()
            };
            let shapes = &self.key_shapes;
            if shapes.admit(lower) {
                if let Some(seen) = self.words.get_mut(lower) {
                    seen.bits |= LOWER | if near_said(text, toks, i) { SAID } else { 0 };
                }
            }
            if lower.len() >= 3 {
                pair_with(&mut self.words, shapes, &mut self.plural, lower);
            }
        }
    }

    /// Marks [`PAIRED`] the capitalised words written with a capital in both numbers
    /// ("Polaroid" and "Polaroids"): one look-up per word ending in "s".
    fn pair_capitalised(&mut self) {
        let plurals: Vec<String> = self
            .words
            .keys()
            .filter(|w| w.len() >= 4 && w.ends_with('s'))
            .filter(|w| self.words.contains_key(&w[..w.len() - 1]))
            .cloned()
            .collect();
        for w in plurals {
            for key in [&w[..w.len() - 1], w.as_str()] {
                if let Some(seen) = self.words.get_mut(key) {
                    seen.bits |= PAIRED;
                }
            }
        }
    }

    /// The capitalised word `toks[i]` stands where an organisation's name does: a noun
    /// of [`ORG_ROLES`] right after it (or after its possessive), or one and a
    /// preposition right before it.
    fn org_context(&mut self, text: &str, toks: &[Token], i: usize) -> bool {
        let mut role = |k: usize| {
            toks.get(k).is_some_and(|t| {
                let w = t.text(text);
                t.kind == TokenKind::Word
                    && may_be_in(&ORG_ROLE_SHAPES, w)
                    && !is_capitalised(w)
                    && lower_is(w, &mut self.lower, is_org_role)
            })
        };
        let poss = toks.get(i + 1).is_some_and(|t| t.kind == TokenKind::Possessive);
        if role(i + 1) || poss && role(i + 2) {
            return true;
        }
        i >= 2 && role(i - 2) && lower_is(toks[i - 1].text(text), &mut self.lower, is_org_link)
    }

    /// The capitalised word `toks[i]` is followed by its possessive and a name's word.
    fn poss_name(&self, toks: &[Token], i: usize) -> bool {
        toks.get(i + 1).is_some_and(|t| t.kind == TokenKind::Possessive)
            && self.class.get(i + 2) == Some(&Class::Name)
    }

    /// The word `toks[i]`, in capitals, stands in parentheses right after a name's word,
    /// or right before parentheses opening on one.
    fn defined(&self, text: &str, toks: &[Token], i: usize) -> bool {
        let w = toks[i].text(text);
        let capitals = w.chars().filter(char::is_ascii_uppercase).count() >= 2
            && w.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        let at = |k: usize, s: &str| toks.get(k).is_some_and(|t| t.text(text) == s);
        let name = |k: usize| self.class.get(k) == Some(&Class::Name);
        capitals
            && (i >= 2 && at(i - 1, "(") && at(i + 1, ")") && name(i - 2) || at(i + 1, "(") && name(i + 2))
    }

    /// The capitalised word `toks[i]` ends a run that "the" opens, right before a verb
    /// of [`REPORT_VERBS`].
    fn reporting(&mut self, text: &str, toks: &[Token], i: usize) -> bool {
        let verb = toks.get(i + 1).is_some_and(|t| {
            let w = t.text(text);
            t.kind == TokenKind::Word && !is_capitalised(w) && lower_is(w, &mut self.lower, is_report_verb)
        });
        if !verb {
            return false;
        }
        let mut j = i;
        while j > 0 && self.class[j - 1] == Class::Name {
            j -= 1;
        }
        j > 0 && lower_is(toks[j - 1].text(text), &mut self.lower, |w| w == "the")
    }

    /// The token before `toks[i]` is a number or a determiner ([`is_determiner`]).
    fn determined(&mut self, text: &str, toks: &[Token], i: usize) -> bool {
        let p = &toks[i - 1];
        p.kind == TokenKind::Number
            || p.kind == TokenKind::Word
                && p.end - p.start <= 7
                && lower_is(p.text(text), &mut self.lower, is_determiner)
    }

    /// The capitalised word `toks[i]` stands where an event's name does: the last of its
    /// run before a noun of [`EVENT_NOUNS`], or the first of its run after "during" (and
    /// a determiner: "during the …"), a time of an event and "of" ("the eve of the …"),
    /// an edition's number ("the 22nd …") or its year after a determiner ("the 1991 …").
    fn event_context(&mut self, text: &str, toks: &[Token], i: usize) -> bool {
        let mut lower_at = |k: usize, f: fn(&str) -> bool| {
            toks.get(k).is_some_and(|t| {
                let w = t.text(text);
                t.kind == TokenKind::Word && !is_capitalised(w) && lower_is(w, &mut self.lower, f)
            })
        };
        let last = self.class.get(i + 1) != Some(&Class::Name);
        let event_noun = |t: &Token| may_be_in(&EVENT_NOUN_SHAPES, t.text(text));
        if last && toks.get(i + 1).is_some_and(event_noun) && lower_at(i + 1, is_event_noun) {
            return true;
        }
        let first = i > 0 && self.class[i - 1] != Class::Name;
        if !first {
            return false;
        }
        // "during …", "during the …"; an edition by its number ("the 22nd …"), or by its
        // year after a determiner ("the 1991 …").
        if lower_at(i - 1, is_event_preposition)
            || i >= 2 && lower_at(i - 1, is_determiner) && lower_at(i - 2, is_event_preposition)
        {
            return true;
        }
        // "the beginning of …", "the eve of the …": a time of the event, then its name.
        let of_at = if i >= 2 && lower_at(i - 1, is_determiner) {
            i - 2
        } else {
            i - 1
        };
        if of_at >= 1 && lower_at(of_at, |w| w == "of") && lower_at(of_at - 1, is_event_time) {
            return true;
        }
        let number = toks[i - 1].text(text);
        toks[i - 1].kind == TokenKind::Number
            && (is_numeric_ordinal(number) || is_year(number) && i >= 2 && lower_at(i - 2, is_determiner))
    }

    /// What the document indexed says about `word` (any case).
    pub fn of(&mut self, word: &str) -> Seen {
        lower_into(word, &mut self.lower);
        self.of_lower(&self.lower)
    }

    /// [`of`](Self::of) a word its caller has lower-cased already ([`lower_into`]).
    pub(crate) fn of_lower(&self, lower: &str) -> Seen {
        self.words.get(lower).copied().unwrap_or_default()
    }
}

/// Whether `w` lower-cased passes `test`: a word in lower-case ASCII already (most of
/// them) is tested as it is, any other lower-cased into `buf` first.
fn lower_is(w: &str, buf: &mut String, test: fn(&str) -> bool) -> bool {
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        test(w)
    } else {
        lower_into(w, buf);
        test(buf)
    }
}

/// Marks [`PAIRED`] the capitalised words of `words` that are `lower` (a lower-case
/// word) in the other number: `lower` without its final "s", or with one (`plural`: a
/// buffer). `shapes` are the shapes of `words`' keys: a form no key has the shape of is
/// not looked up.
fn pair_with(words: &mut FxMap<String, Seen>, shapes: &Shapes, plural: &mut String, lower: &str) {
    if let Some(seen) = lower
        .strip_suffix('s')
        .filter(|s| s.len() >= 3 && shapes.admit(s))
        .and_then(|stem| words.get_mut(stem))
    {
        seen.bits |= PAIRED;
    }
    if !shapes.admit_shape(lower.len() + 1, lower.as_bytes()[0], b's') {
        return;
    }
    plural.clear();
    plural.push_str(lower);
    plural.push('s');
    if let Some(seen) = words.get_mut(plural.as_str()) {
        seen.bits |= PAIRED;
    }
}

/// Whether token `k` is a verb of saying ("said", "says", "told"): all four bytes long,
/// which rules out most tokens at once.
fn said(text: &str, toks: &[Token], k: usize) -> bool {
    toks.get(k).is_some_and(|t| {
        t.end - t.start == 4 && crate::text::is_one_of(t.text(text), &["said", "says", "told"])
    })
}

/// Whether token `i` names a speaker by a verb of saying: one right after it ("Okafor
/// said"), or "said" / "says" right before it ending the clause ("…, said Okafor.").
/// After "told" stands the listener, and "said Acme had …" opens a reported clause.
fn near_said(text: &str, toks: &[Token], i: usize) -> bool {
    let clause_ends = || {
        toks.get(i + 1)
            .is_none_or(|t| t.kind != TokenKind::Word || is_capitalised(t.text(text)))
    };
    said(text, toks, i + 1)
        || i > 0 && said(text, toks, i - 1) && toks[i - 1].text(text) != "told" && clause_ends()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_tells_ordinary_words_from_names() {
        let text = "The Harbour Board met. Dr. Okafor said the board would vote. Okafor left.";
        let mut ev = DocEvidence::default();
        ev.index(text);
        assert_ne!(ev.of("Board").bits & LOWER, 0);
        assert_ne!(ev.of("Board").bits & RUN_INNER, 0);
        assert_ne!(ev.of("Harbour").bits & RUN_FIRST, 0);
        assert_eq!(ev.of("Okafor").bits & LOWER, 0);
        assert_ne!(ev.of("Okafor").bits & TITLED, 0);
        assert_ne!(ev.of("Okafor").bits & SAID, 0);
        assert_eq!(ev.of("absent"), Seen::default());
        assert_eq!(ev.of("okafor").capitalised, 2);
        assert_eq!(ev.of("Okafor").bits & ORG_CONTEXT, 0);
    }

    #[test]
    fn only_the_speaker_is_marked_by_a_verb_of_saying() {
        let text = "Pilar Osk told Vantry the news. A clerk said Drummel had left. The fee rose, \
                    said Haskett. Ferrow says so.";
        let mut ev = DocEvidence::default();
        ev.index(text);
        assert_eq!(ev.of("Vantry").bits & SAID, 0);
        assert_eq!(ev.of("Drummel").bits & SAID, 0);
        for speaker in ["Osk", "Haskett", "Ferrow"] {
            assert_ne!(ev.of(speaker).bits & SAID, 0, "{speaker}");
        }
    }

    #[test]
    fn an_organisation_is_known_by_the_nouns_for_its_people() {
        let text = "Brindlecorp officials met. A spokeswoman for Quillby declined. Marrow's lawyers \
                    agreed. Tessa Vane spoke.";
        let mut ev = DocEvidence::default();
        ev.index(text);
        for org in ["Brindlecorp", "Quillby", "Marrow"] {
            assert_ne!(ev.of(org).bits & ORG_CONTEXT, 0, "{org}");
        }
        assert_eq!(ev.of("Vane").bits & ORG_CONTEXT, 0);
    }

    #[test]
    fn a_word_alone_after_a_determiner_or_a_number_is_marked() {
        let text = "Crowds left for the Kumbha. Some 90 Quillets sold out. Their own Fenlow broke. \
                    Mara Fenn met the Tessaly Group. Ossian Brack spoke.";
        let mut ev = DocEvidence::default();
        ev.index(text);
        for thing in ["Kumbha", "Quillets", "Fenlow"] {
            assert_ne!(ev.of(thing).bits & DETERMINED, 0, "{thing}");
        }
        // A word of a longer run after "the", and people, are not.
        for word in ["Tessaly", "Group", "Fenn", "Brack"] {
            assert_eq!(ev.of(word).bits & DETERMINED, 0, "{word}");
        }
    }

    #[test]
    fn a_word_written_in_both_numbers_is_marked() {
        let text = "Buyers queued for Tamblins at the fair. Each Tamblin sold fast. Surveyors met; \
                    one surveyor spoke. Ossian Brack and Lena Bracks met.";
        let mut ev = DocEvidence::default();
        ev.index(text);
        for word in ["Tamblins", "Tamblin", "Surveyors", "Brack", "Bracks"] {
            assert_ne!(ev.of(word).bits & PAIRED, 0, "{word}");
        }
        for word in ["Buyers", "Ossian", "Lena"] {
            assert_eq!(ev.of(word).bits & PAIRED, 0, "{word}");
        }
    }

    #[test]
    fn a_word_where_an_event_name_stands_is_marked() {
        let text = "Pilgrims left before the Umrava stampede. Shops close during Kelvara. The 22nd \
                    Tallow Fair opened. Dana Holt spoke at the venue. Ships sailed on the eve of \
                    the Sorvent and at the end of Marlo. The son of Dana Holt left.";
        let mut ev = DocEvidence::default();
        ev.index(text);
        for word in ["Umrava", "Kelvara", "Tallow", "Sorvent", "Marlo"] {
            assert_ne!(ev.of(word).bits & EVENT_CONTEXT, 0, "{word}");
        }
        for word in ["Fair", "Dana", "Holt"] {
            assert_eq!(ev.of(word).bits & EVENT_CONTEXT, 0, "{word}");
        }
    }

    #[test]
    fn an_owner_of_a_named_person_and_a_defined_acronym_are_marked() {
        let text = "Velmora's Dana Reyes won. The Tarrow Guild (TG) met; KSF (Kelp Seed Fund) paid. \
                    Ossian Brack's dog barked. The (TG) list and TG rules. Mara's own view.";
        let mut ev = DocEvidence::default();
        ev.index(text);
        assert_ne!(ev.of("Velmora").bits & POSS_NAME, 0);
        assert_eq!(ev.of("Brack").bits & POSS_NAME, 0);
        assert_eq!(ev.of("Mara").bits & POSS_NAME, 0);
        assert_eq!(ev.of("Dana").bits & POSS_NAME, 0);
        for acronym in ["TG", "KSF"] {
            assert_ne!(ev.of(acronym).bits & DEFINED, 0, "{acronym}");
        }
        assert_eq!(ev.of("Guild").bits & DEFINED, 0);
        let text = "The (TG) list and TG rules.";
        ev.index(text);
        assert_eq!(ev.of("TG").bits & DEFINED, 0);
    }

    #[test]
    fn a_word_after_the_written_with_its_capital_inside_a_sentence_is_marked() {
        let text = "Mara Fenn wrote for The Quillpen for years, then for The Lantern Weekly. The \
                    Ossian ferry sailed. Reviews of the Brindle came late.";
        let mut ev = DocEvidence::default();
        ev.index(text);
        for word in ["Quillpen", "Lantern"] {
            assert_ne!(ev.of(word).bits & TITLED_ARTICLE, 0, "{word}");
        }
        // A sentence's own "The" and a lower-case "the" say nothing.
        for word in ["Ossian", "Brindle", "Weekly", "Fenn"] {
            assert_eq!(ev.of(word).bits & TITLED_ARTICLE, 0, "{word}");
        }
    }

    #[test]
    fn a_run_after_the_before_a_verb_of_reporting_is_marked() {
        let text = "The Quillpen writes weekly. Later the Daily Clarion reported it. Mara Fenn \
                    reported it. The Tessaly ferry reported delays. Some Brindle said so.";
        let mut ev = DocEvidence::default();
        ev.index(text);
        for word in ["Quillpen", "Clarion"] {
            assert_ne!(ev.of(word).bits & REPORTING, 0, "{word}");
        }
        for word in ["Daily", "Fenn", "Tessaly", "Brindle"] {
            assert_eq!(ev.of(word).bits & REPORTING, 0, "{word}");
        }
    }
}
