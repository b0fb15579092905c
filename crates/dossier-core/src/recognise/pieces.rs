//! Level 1 of recognition: the pieces of a block. Each capitalised token starts the
//! longest of: a name from the tables, a person the [`Lexicon`](super::Lexicon) knows, a
//! title, a person introduced by a given name or a family name written first, or an
//! unknown capitalised word.

use super::context::Ctx;
use super::cues::PARTICLES;
use crate::gazetteer::Known;

/// One piece: what a span of capitalised tokens is on its own.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Piece {
    Known(Known),
    Person { canonical: Option<String>, strong: bool },
    Title,
    Unknown,
}

impl Ctx<'_> {
    /// A token that can continue a person's name after a given name.
    fn name_like(&mut self, i: usize) -> bool {
        self.name_like_with(i, true)
    }
    /// [`Ctx::name_like`]; `wordy_check: false` after a family name ("Xi Jinping").
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
    /// A person introduced by a given name or a family name written first.
    pub(super) fn person_chunk(&mut self, i: usize) -> Option<usize> {
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
        while j < self.toks.len() && names < 3 {
            if self.name_like_with(j, !(family && names == 0)) {
                j += 1;
                names += 1;
                while j < self.toks.len() && self.toks[j].hyphen && self.is_word(j) {
                    j += 1;
                }
            } else if self.lower_is(j, PARTICLES) && self.name_like(j + 1) && names > 0 {
                j += 1;
            } else {
                break;
            }
        }
        if names == 0 {
            return None;
        }
        if given == Some(true) && names == 1 && self.gaz(i + 1).is_some() {
            return None;
        }
        Some(j - i)
    }
}

#[cfg(test)]
mod tests {
    use crate::label::Label;
    use crate::recognise::testing::{found, has};

    #[test]
    fn a_title_before_a_name_stays_out_of_the_person_span() {
        let v = found("He met Mr. Gabuev and President Volodymyr Zelenskiy today.");
        assert!(has(&v, "Gabuev", Label::Person), "{v:?}");
        assert!(has(&v, "Volodymyr Zelenskiy", Label::Person), "{v:?}");
    }

    #[test]
    fn a_nationality_before_a_title_is_its_own_norp() {
        let v = found("Yesterday Russian Foreign Minister Sergei Lavrov spoke.");
        assert!(
            has(&v, "Russian", Label::Norp) && has(&v, "Sergei Lavrov", Label::Person),
            "{v:?}"
        );
    }

    #[test]
    fn an_organisation_before_a_title_is_its_own_org() {
        let v = found("Then NATO Secretary General Jens Stoltenberg warned.");
        assert!(
            has(&v, "NATO", Label::Org) && has(&v, "Jens Stoltenberg", Label::Person),
            "{v:?}"
        );
    }

    #[test]
    fn family_names_written_first_start_a_person() {
        let v = found("He met Xi Jinping and Kim Jong-un in Beijing.");
        assert!(
            has(&v, "Xi Jinping", Label::Person) && has(&v, "Kim Jong-un", Label::Person),
            "{v:?}"
        );
    }

    #[test]
    fn hyphenated_compounds_keep_only_the_name_part() {
        let v = found("the anti-American and Western-led camp opposed U.S.-China ties");
        assert!(
            has(&v, "American", Label::Norp) && has(&v, "Western", Label::Norp),
            "{v:?}"
        );
        assert!(
            has(&v, "U.S.", Label::Gpe) && has(&v, "China", Label::Gpe),
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
        let v = found("Moreau and Mr. When it comes to Gaza, both powers refused to condemn Hamas.");
        assert!(
            !v.iter().any(|(t, l)| t.contains("When") && *l == Label::Person),
            "{v:?}"
        );
    }
}
