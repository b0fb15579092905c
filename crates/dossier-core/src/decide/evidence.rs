//! What a document says about its words elsewhere: whether a capitalised word is also
//! written in lower case (an ordinary word), after a title ("Dr. Smith"), next to a
//! verb of saying, inside a sentence, or inside a longer capitalised run.
//!
//! Built once per document, on its first question (one pass over its tokens), and kept
//! while the recogniser stays in that document: linear in the text.

use crate::gazetteer::{normalise_into, Gazetteer};
use crate::hash::FxMap;
use crate::text::{is_capitalised, lower_into, tokenize_into, Token, TokenKind};

/// Written in lower case somewhere.
pub const LOWER: u8 = 1;
/// Capitalised inside a sentence (after a lower-case word or a comma).
pub const CAP_MID: u8 = 2;
/// Right after a title ("Mr.", "President").
pub const TITLED: u8 = 4;
/// Next to a verb of saying ("said", "says", "told").
pub const SAID: u8 = 8;
/// Inside a run of two or more capitalised words (not its first word).
pub const RUN_INNER: u8 = 16;
/// The first word of a run of two or more capitalised words.
pub const RUN_FIRST: u8 = 32;
/// In the place an organisation's name takes: before a noun for its people ("Acme
/// officials", "Acme's spokeswoman") or after one and a preposition ("members of Acme").
pub const ORG_CONTEXT: u8 = 64;

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

/// `word` (lower case) names the people or a part of an organisation ([`ORG_ROLES`]).
pub fn is_org_role(word: &str) -> bool {
    ORG_ROLES.contains(&word)
}

/// Prepositions that link a noun of [`ORG_ROLES`] to the organisation after it.
pub fn is_org_link(word: &str) -> bool {
    matches!(word, "of" | "for" | "at" | "with" | "by" | "from")
}

/// What the document says about one word: the bits above and how often it is written
/// with a capital.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Seen {
    /// The bits ([`LOWER`], [`CAP_MID`], …).
    pub bits: u8,
    /// Occurrences with a capital.
    pub capitalised: u16,
}

/// The evidence of one document: for each word, lower-cased, what it says.
#[derive(Debug, Default)]
pub struct DocEvidence {
    /// The document indexed: its text's address and length.
    of: (usize, usize),
    words: FxMap<String, Seen>,
    toks: Vec<Token>,
    /// Per token: a capitalised word that is not a function word ("The").
    name_word: Vec<bool>,
    lower: String,
}

impl DocEvidence {
    /// Indexes `text` unless it is the document indexed last.
    pub fn index(&mut self, text: &str) {
        let key = (text.as_ptr() as usize, text.len());
        if self.of == key && key != (0, 0) {
            return;
        }
        self.of = key;
        self.words.clear();
        self.toks.clear();
        tokenize_into(text, 0..text.len(), &mut self.toks);
        let g = Gazetteer::get();
        let mut title = String::new();
        let toks = std::mem::take(&mut self.toks);
        // A capitalised word of a name: "The" opening a sentence is none.
        self.name_word.clear();
        for t in &toks {
            let w = t.text(text);
            let name = t.kind == TokenKind::Word && is_capitalised(w) && {
                w.len() > g.stop_max_len() || {
                    lower_into(w, &mut self.lower);
                    !g.is_function_word(&self.lower)
                }
            };
            self.name_word.push(name);
        }
        let name_word = std::mem::take(&mut self.name_word);
        let said = |k: usize| {
            toks.get(k)
                .is_some_and(|t| crate::text::is_one_of(t.text(text), &["said", "says", "told"]))
        };
        let near_said = |i: usize| said(i + 1) || i > 0 && said(i - 1);
        // Capitalised words first: only they are ever asked about.
        for (i, t) in toks.iter().enumerate() {
            let w = t.text(text);
            if t.kind != TokenKind::Word || !is_capitalised(w) {
                continue;
            }
            let cap = |k: usize| name_word.get(k).copied().unwrap_or(false);
            let mut bits = 0;
            if i > 0 {
                let p = toks[i - 1].text(text);
                if p == "," || toks[i - 1].kind == TokenKind::Word && !is_capitalised(p) {
                    bits |= CAP_MID;
                }
                normalise_into(p, &mut title);
                if g.title(&title) {
                    bits |= TITLED;
                }
            }
            if i > 0 && cap(i - 1) {
                bits |= RUN_INNER;
            } else if cap(i + 1) {
                bits |= RUN_FIRST;
            }
            if near_said(i) {
                bits |= SAID;
            }
            if self.org_context(text, &toks, i) {
                bits |= ORG_CONTEXT;
            }
            lower_into(w, &mut self.lower);
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
        // Then the words in lower case, looked up without adding any.
        for (i, t) in toks.iter().enumerate() {
            let w = t.text(text);
            if t.kind != TokenKind::Word || is_capitalised(w) || self.words.is_empty() {
                continue;
            }
            lower_into(w, &mut self.lower);
            if let Some(seen) = self.words.get_mut(self.lower.as_str()) {
                seen.bits |= LOWER | if near_said(i) { SAID } else { 0 };
            }
        }
        self.toks = toks;
        self.name_word = name_word;
    }

    /// The capitalised word `toks[i]` stands where an organisation's name does: a noun
    /// of [`ORG_ROLES`] right after it (or after its possessive), or one and a
    /// preposition right before it.
    fn org_context(&mut self, text: &str, toks: &[Token], i: usize) -> bool {
        let mut role = |k: usize| {
            toks.get(k).is_some_and(|t| {
                let w = t.text(text);
                t.kind == TokenKind::Word && !is_capitalised(w) && {
                    lower_into(w, &mut self.lower);
                    is_org_role(&self.lower)
                }
            })
        };
        let poss = toks.get(i + 1).is_some_and(|t| t.kind == TokenKind::Possessive);
        if role(i + 1) || poss && role(i + 2) {
            return true;
        }
        i >= 2 && role(i - 2) && {
            lower_into(toks[i - 1].text(text), &mut self.lower);
            is_org_link(&self.lower)
        }
    }

    /// What the document indexed says about `word` (any case).
    pub fn of(&mut self, word: &str) -> Seen {
        lower_into(word, &mut self.lower);
        self.words.get(self.lower.as_str()).copied().unwrap_or_default()
    }
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
}
