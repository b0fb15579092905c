//! Level 1 of recognition: the pieces of a block. Each capitalised token starts the
//! longest of: a name from the tables, a person the [`Lexicon`](super::Lexicon) knows, a
//! title, a person introduced by a given name or a family name written first, or an
//! unknown capitalised word.

use super::context::Ctx;
use super::cues::PARTICLES;
use super::lexicon::{full_key, span_of, Dep};
use super::Marks;
use crate::gazetteer::Known;
use crate::label::Label;

/// One piece: what a span of capitalised tokens is on its own.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Piece {
    /// A table name (a place, an organisation, a demonym, …).
    Known(Known),
    /// A person: a name the lexicon knows, or one introduced by a given or family name
    /// (`strong`), with its canonical full name.
    Person { canonical: Option<String>, strong: bool },
    /// A title ("Mr.", "Secretary of State"): it makes the next unknown words a person
    /// and is never part of a name.
    Title,
    /// A capitalised word that nothing knows.
    Unknown,
}

/// Finds the pieces of the block's tokens into `pieces` (start token, end token,
/// piece), in order: each capitalised token outside a value starts one, or is passed.
pub(super) fn find_pieces(cx: &mut Ctx, marks: &Marks, pieces: &mut Vec<(usize, usize, Piece)>) {
    let n = cx.toks.len();
    pieces.clear();
    let mut i = 0;
    while i < n {
        if marks.covered[i] || !cx.cap(i) {
            i += 1;
            continue;
        }
        match piece_at(cx, i, marks) {
            Some((len, piece)) => {
                pieces.push((i, i + len, piece));
                i += len;
            }
            None => i += 1,
        }
    }
}

/// The piece that capitalised token `i` starts, with its length in tokens, if any: the
/// longest of a table name, a full name the lexicon knows and a title, else a person
/// introduced by a given or family name, else [`short_or_unknown_piece`].
fn piece_at(cx: &mut Ctx, i: usize, marks: &Marks) -> Option<(usize, Piece)> {
    let w = cx.w(i);
    // "the West" as a bloc.
    if w == "West" && i > 0 && cx.lower_is(i - 1, &["the"]) && !cx.cap(i + 1) {
        let west = Known {
            label: Label::Loc,
            canonical: "the West",
            ambiguous: false,
        };
        return Some((1, Piece::Known(west)));
    }
    let g = cx.gaz(i);
    let t = cx.title(i);
    let l = cx.lex_full(i);
    let llen = l.as_ref().map_or(0, |(n, _)| *n);
    let limit = marks.next_covered[i] - i;
    // "Senate Majority Whip Dana Ortiz": an organisation opening a title is its own name.
    let org_opens_title =
        g.is_some_and(|(len, k)| len < t && k.label == Label::Org && !k.ambiguous && cx.title(i + len) > 0);
    if cx.toks[i].hyphen && i > 0 && modifier_after_prefix(cx, i, g.map(|(_, k)| k.label)) {
        return None;
    }
    if let Some((len, k)) =
        g.filter(|(len, k)| !k.ambiguous && ((*len >= llen && *len >= t) || org_opens_title) && *len <= limit)
    {
        return Some((len, Piece::Known(k)));
    }
    if let Some((len, canon)) = l.filter(|(len, _)| *len >= t && *len <= limit) {
        let person = Piece::Person {
            canonical: Some(canon),
            strong: false,
        };
        return Some((len, person));
    }
    if t > 0 && t <= limit {
        return Some((t, Piece::Title));
    }
    if let Some(len) = cx.person_chunk(i, marks.title_case).filter(|&len| len <= limit) {
        let canon = full_key(&cx.text[cx.toks[i].start..cx.toks[i + len - 1].end]);
        let person = Piece::Person {
            canonical: Some(canon),
            strong: super::unknown::names_alone(cx, i + len - 1),
        };
        return Some((len, person));
    }
    short_or_unknown_piece(cx, i, g.filter(|(len, _)| *len <= limit), marks)
}

/// Prefixes that make an adjective of the place after them: "trans-Atlantic",
/// "cross-Channel".
const PLACE_ADJECTIVE_PREFIXES: &[&str] = &["trans", "cross", "intra", "inter", "sub", "pre", "post"];

/// Prefixes of a stance or a former state that make a modifier of any name after them:
/// "the pro-Lisbon camp", "anti-Ortega protests", "ex-Google staff".
const STANCE_PREFIXES: &[&str] = &["pro", "anti", "ex", "non"];

/// Whether the capitalised token `i`, joined by a hyphen to the word before it, is part
/// of an adjective rather than a name: after a place-adjective prefix always, after a
/// stance prefix unless it is a group's name (`table_label` NORP: "anti-American" keeps
/// "American", as the guidelines annotate demonyms in any compound).
fn modifier_after_prefix(cx: &Ctx, i: usize, table_label: Option<Label>) -> bool {
    cx.lower_is(i - 1, PLACE_ADJECTIVE_PREFIXES)
        || cx.lower_is(i - 1, STANCE_PREFIXES) && table_label != Some(Label::Norp)
}

/// The piece of capitalised token `i` when no longer one starts there: a short form the
/// lexicon knows (where it [spreads](super::Lexicon::spreads)), else the ambiguous table
/// name `ambiguous` starting there (which loses to a known person), else an unknown
/// word unless it is a function word.
fn short_or_unknown_piece(
    cx: &mut Ctx,
    i: usize,
    ambiguous: Option<(usize, Known)>,
    marks: &Marks,
) -> Option<(usize, Piece)> {
    let (w, lex) = (cx.w(i), cx.lex);
    // A capital at a sentence start or in a Title Case headline says nothing, unless
    // the word has a surname's shape.
    let short = lex
        .short_form(w)
        .filter(|_| lex.spreads(w, (marks.initial[i] || marks.title_case) && !cx.surname_shaped(i)))
        .map(str::to_string);
    if cx.deps.is_some() {
        let (a, b) = span_of(cx.text, w);
        cx.note(if short.is_some() {
            Dep::Short(a, b)
        } else {
            Dep::NoShort(a, b)
        });
    }
    if let Some((len, k)) = ambiguous {
        // Ambiguous table names lose to a person the corpus knows.
        if short.is_none() {
            return Some((len, Piece::Known(k)));
        }
    }
    if let Some(canon) = short {
        let person = Piece::Person {
            canonical: Some(canon),
            strong: false,
        };
        return Some((1, person));
    }
    if cx.stop(i).is_some() {
        return None;
    }
    Some((1 + particle_tail(cx, i, marks), Piece::Unknown))
}

/// The tokens after the unknown word `i` that go on with it into one name over a
/// particle ("Rutger van der Westhuizen", "Farida bint Nasser", "Ciudad del Este"):
/// the particles and the capitalised word after them, when a particle may open that
/// word ([`Ctx::particles_before_name`]) and no value covers it, or a family name with
/// an elided particle ("Patrizia d'Ettorre"); else none. What the name is,
/// the learned decision weighs, as for any run of unknown words.
fn particle_tail(cx: &mut Ctx, i: usize, marks: &Marks) -> usize {
    let limit = marks.next_covered[i];
    if i + 1 < limit && cx.elided_particle_name(i + 1) {
        return 1;
    }
    match cx.particles_before_name(i + 1, true) {
        Some(n) if i + 1 + n < limit => n + 1,
        _ => 0,
    }
}

impl Ctx<'_> {
    /// A token that can continue a person's name after a given name; `wordy_check:
    /// false` after a family name ("Xi Jinping").
    fn name_like_with(&mut self, i: usize, wordy_check: bool) -> bool {
        if i >= self.toks.len() || !self.cap(i) || self.toks[i].glued && !self.toks[i].hyphen {
            return false;
        }
        let w = self.w(i);
        if w.len() <= 3 && w.ends_with('.') {
            return w.chars().filter(|c| c.is_alphabetic()).count() == 1;
        }
        if self.stop(i).is_some() || self.is_head(w) || (wordy_check && self.wordy(i)) {
            return false;
        }
        if self.title(i) > 0 {
            return false;
        }
        match self.gaz(i) {
            Some((_, k)) => k.ambiguous,
            None => true,
        }
    }
    /// The number of particles from token `i` on ("bin", "van der", "de la") when a
    /// name follows them that a particle may open ([`Ctx::name_after_particle`]): a
    /// given name takes them right after it ("Hamid al-Rashidi", "Joana dos Santos");
    /// `after_surname` also allows the ones that are ordinary words of other languages
    /// ("y", "la", "le", "el"), which follow only a surname ("Gómez de la Serna").
    pub(super) fn particles_before_name(&mut self, i: usize, after_surname: bool) -> Option<usize> {
        let n = (i..self.toks.len().min(i + 3))
            .take_while(|&k| !self.cap(k) && self.lower_is(k, PARTICLES))
            .count();
        let opens = after_surname || !self.lower_is(i, &["y", "la", "le", "el"]);
        (n > 0 && opens && self.name_after_particle(i + n)).then_some(n)
    }
    /// Whether token `i` can end a name after a particle: a capitalised word that is no
    /// function word, title or head word, known to the tables or not ("bin Salem",
    /// "de Paris": after a particle a place's name is a family name).
    fn name_after_particle(&mut self, i: usize) -> bool {
        i < self.toks.len()
            && self.cap(i)
            && (!self.toks[i].glued || self.toks[i].hyphen)
            && self.stop(i).is_none()
            && !self.is_head(self.w(i))
            && self.title(i) == 0
    }
    /// Whether token `i` is a family name written with an elided particle ("d'Ettorre",
    /// "d’Alema"): lower-case "d" and an apostrophe before a capital.
    fn elided_particle_name(&self, i: usize) -> bool {
        let w = self.w(i);
        let rest = w.strip_prefix("d'").or_else(|| w.strip_prefix("d’"));
        self.is_word(i) && rest.is_some_and(|r| r.chars().count() >= 2 && r.starts_with(char::is_uppercase))
    }
    /// Whether token `j`, right after a given name, is a short family name that English
    /// spells like a function word ("James To", "Wilson Or", "Mandy Lo": Cantonese
    /// romanisations): a word of two or three letters capitalised mid-sentence, not all
    /// capitals, with no capitalised word after it, outside a Title Case headline.
    fn function_word_surname(&mut self, j: usize, title_case: bool) -> bool {
        let w = self.w(j);
        let len = w.chars().count();
        !title_case
            && (2..=3).contains(&len)
            && self.cap(j)
            && w.chars().skip(1).all(char::is_lowercase)
            && (!self.toks[j].glued || self.toks[j].hyphen)
            && !self.cap(j + 1)
            && self.stop(j) == Some("function")
    }
    /// A person introduced by a given name or a family name written first (`title_case`:
    /// the block is a Title Case headline).
    pub(super) fn person_chunk(&mut self, i: usize, title_case: bool) -> Option<usize> {
        let w = self.w(i);
        let given = self.g.given(w);
        let family = self.g.family_first(w);
        if given.is_none() && !family {
            return None;
        }
        let mut j = i + 1;
        // "Kim Jong-un": a hyphenated lower-case part belongs to the name.
        while j < self.toks.len() && self.toks[j].hyphen && self.is_word(j) {
            j += 1;
        }
        let mut names = 0;
        let mut after_particle = false;
        while j < self.toks.len() && names < 3 {
            if self.name_like_with(j, !(family && names == 0))
                || after_particle
                || self.elided_particle_name(j)
                || names == 0 && given.is_some() && self.function_word_surname(j, title_case)
            {
                j += 1;
                names += 1;
                after_particle = false;
                while j < self.toks.len() && self.toks[j].hyphen && self.is_word(j) {
                    j += 1;
                }
            } else if let Some(n) = self.particles_before_name(j, names > 0) {
                j += n;
                after_particle = true;
            } else {
                break;
            }
        }
        if names == 0 {
            return None;
        }
        // A given name and a numeral alone may name a craft ("the Orion IV capsule") or,
        // after a title, a monarch ("Queen Elizabeth II"): without one, the learned
        // decision weighs the context.
        let titled = i > 0 && self.title(i - 1) > 0;
        if names == 1 && is_roman_numeral(self.w(i + 1)) && !titled {
            return None;
        }
        if given == Some(true) && names == 1 && self.gaz(i + 1).is_some() {
            return None;
        }
        Some(j - i)
    }
}

/// Whether `w` is a roman numeral in capitals ("II", "XIV"), as names number monarchs,
/// missions and crafts.
fn is_roman_numeral(w: &str) -> bool {
    !w.is_empty() && w.len() <= 6 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
}

#[cfg(test)]
mod tests {
    use crate::label::Label;
    use crate::recognise::testing::{found, has};

    // Written for these two tests, on no article of the dev set.
    #[test]
    fn a_place_or_person_after_a_stance_prefix_is_no_mention() {
        let v = found("The pro-Ankara bloc and the anti-Moreno faction met in Quito on Tuesday.");
        assert!(!v.iter().any(|(t, _)| t == "Ankara" || t == "Moreno"), "{v:?}");
        assert!(has(&v, "Quito", Label::Gpe), "{v:?}");
    }

    #[test]
    fn a_demonym_after_a_stance_prefix_stays_a_group() {
        let v = found("Protesters marched with anti-Japanese banners past the embassy.");
        assert!(has(&v, "Japanese", Label::Norp), "{v:?}");
    }

    #[test]
    fn a_title_before_a_name_stays_out_of_the_person_span() {
        let v = found("She met Ms. Okafor and President Maria Oyelaran today.");
        assert!(has(&v, "Okafor", Label::Person), "{v:?}");
        assert!(has(&v, "Maria Oyelaran", Label::Person), "{v:?}");
    }

    #[test]
    fn enlisted_ranks_and_honorifics_open_a_persons_name() {
        // Invented people: ranks of statements and press releases, abbreviated and full.
        let v = found(
            "Present were Spc. Tavi Orlunde, Sgt. 1st Class Pelu Tuimavave, Pfc. Noor \
             Hadrani, Airman 1st Class Keo Akanui and the Rt. Hon. Orla Vennick.",
        );
        for name in [
            "Tavi Orlunde",
            "Pelu Tuimavave",
            "Noor Hadrani",
            "Keo Akanui",
            "Orla Vennick",
        ] {
            assert!(has(&v, name, Label::Person), "{name}: {v:?}");
        }
        assert_eq!(v.len(), 5, "titles are no names: {v:?}");
    }

    #[test]
    fn a_nationality_before_a_title_is_its_own_norp() {
        let v = found("Yesterday French Finance Minister Claire Dubois spoke.");
        assert!(
            has(&v, "French", Label::Norp) && has(&v, "Claire Dubois", Label::Person),
            "{v:?}"
        );
    }

    #[test]
    fn an_organisation_before_a_title_is_its_own_org() {
        let v = found("Then UNESCO Director General Ana Ruiz warned.");
        assert!(
            has(&v, "UNESCO", Label::Org) && has(&v, "Ana Ruiz", Label::Person),
            "{v:?}"
        );
    }

    #[test]
    fn family_names_written_first_start_a_person() {
        let v = found("She met Li Wenbo and Park Ji-sung in Seoul.");
        assert!(
            has(&v, "Li Wenbo", Label::Person) && has(&v, "Park Ji-sung", Label::Person),
            "{v:?}"
        );
    }

    // Invented people; every name is one span with its particles (issue 27).
    #[test]
    fn particles_after_a_given_name_stay_in_the_name() {
        let v =
            found("Yesterday Peter van der Velde, Hamid al-Rashidi and Maria dos Anjos met Omar bin Salem.");
        for name in [
            "Peter van der Velde",
            "Hamid al-Rashidi",
            "Maria dos Anjos",
            "Omar bin Salem",
        ] {
            assert!(has(&v, name, Label::Person), "{name}: {v:?}");
        }
        // A particle that is a word of its language too ("la", "y") follows a surname only.
        let v = found("Then Maria de la Cruz spoke, and Maria la vio.");
        assert!(has(&v, "Maria de la Cruz", Label::Person), "{v:?}");
        assert!(!v.iter().any(|(t, _)| t.starts_with("Maria la")), "{v:?}");
    }

    #[test]
    fn an_elided_particle_opens_a_family_name() {
        let v = found("The lab is run by Maria d'Ortenzio in Pisa.");
        assert!(has(&v, "Maria d'Ortenzio", Label::Person), "{v:?}");
    }

    #[test]
    fn unknown_words_go_on_over_a_particle() {
        // "said" before the run makes it a person: one run, particles and all.
        for (text, name) in [
            (
                "“We will stay,” said Rutger van der Westhuizen.",
                "Rutger van der Westhuizen",
            ),
            ("“We will stay,” said Ysolde ter Horst.", "Ysolde ter Horst"),
        ] {
            let v = found(text);
            assert!(has(&v, name, Label::Person), "{text}: {v:?}");
        }
    }

    #[test]
    fn cantonese_family_names_open_a_hyphenated_name() {
        // Hong Kong and Macau names: family name first, a hyphenated given name.
        let v = found("Lawmakers Chan Ka-lok and Cheung Man-kwong walked out with Yip Kin-yuen.");
        for name in ["Chan Ka-lok", "Cheung Man-kwong", "Yip Kin-yuen"] {
            assert!(has(&v, name, Label::Person), "{name}: {v:?}");
        }
    }

    #[test]
    fn a_function_word_capitalised_after_a_given_name_is_a_family_name() {
        let v = found("The motion was tabled by councillors Henry So and Agnes To on Monday.");
        for name in ["Henry So", "Agnes To"] {
            assert!(has(&v, name, Label::Person), "{name}: {v:?}");
        }
        // In a Title Case headline the capital says nothing.
        let v = found("Harold To Lead Harbour Review");
        assert!(!has(&v, "Harold To", Label::Person), "{v:?}");
    }

    #[test]
    fn hyphenated_compounds_keep_only_the_name_part() {
        let v = found("the anti-French and Eastern-led bloc opposed U.K.-India ties");
        assert!(
            has(&v, "French", Label::Norp) && has(&v, "Eastern", Label::Norp),
            "{v:?}"
        );
        assert!(
            has(&v, "U.K.", Label::Gpe) && has(&v, "India", Label::Gpe),
            "{v:?}"
        );
    }

    #[test]
    fn the_west_as_a_bloc_is_a_location() {
        let v = found("ties with the West are strained");
        assert!(has(&v, "West", Label::Loc), "{v:?}");
    }

    #[test]
    fn a_function_word_after_a_title_is_not_a_name() {
        // A sentence glued after "Mr." (a cut in scraped text): "When" stays a word.
        let v = found("Okafor and Mr. When it rains in Lagos, both teams refuse to play.");
        assert!(
            !v.iter().any(|(t, l)| t.contains("When") && *l == Label::Person),
            "{v:?}"
        );
    }
}
