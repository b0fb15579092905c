//! A person's one-word name read against the people of its own document.
//!
//! The recogniser's lexicon resolves a surname over the whole corpus ("Whitman" → the
//! Whitman introduced most often), and it learns no given names. Inside one document
//! a single word usually means the one person there whose full name ends with it
//! ("Okafor" after "Grace Okafor"), else the one whose full name begins with it (an
//! interview's "Grace" after "Grace Okafor"). Two people of the document sharing the
//! word leave it as it was.

use super::forms::Target;
use crate::hash::FxMap as HashMap;

/// The people of one document by the first and the last word of their full names.
#[derive(Default)]
pub(super) struct People<'t> {
    /// Last word → the one person whose name ends with it (`None`: more than one).
    last: HashMap<&'t str, Option<Target>>,
    /// First word → the one person whose name begins with it (`None`: more than one).
    first: HashMap<&'t str, Option<Target>>,
}

impl<'t> People<'t> {
    /// Adds the person `t` whose full name is `name` (words separated by single spaces).
    pub fn add(&mut self, name: &'t str, t: Target) {
        let (Some(first), Some(last)) = (name.split(' ').next(), name.rsplit(' ').next()) else {
            return;
        };
        if first == last {
            return;
        }
        for (map, w) in [(&mut self.last, last), (&mut self.first, first)] {
            map.entry(w)
                .and_modify(|o| {
                    if *o != Some(t) {
                        *o = None;
                    }
                })
                .or_insert(Some(t));
        }
    }

    /// The one person the one-word name `word` stands for in the document: by the last
    /// word of the full names, else, when no full name ends with it, by the first.
    pub fn get(&self, word: &str) -> Option<Target> {
        match self.last.get(word) {
            Some(t) => *t,
            None => self.first.get(word).copied().flatten(),
        }
    }

    /// Whether the document names no person in full.
    pub fn is_empty(&self) -> bool {
        self.last.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::label::Label;

    fn t(id: usize) -> Target {
        Target {
            label: Label::Person,
            id,
            shown_by: id,
        }
    }

    #[test]
    fn a_word_stands_for_the_one_person_whose_name_ends_or_else_begins_with_it() {
        let mut p = People::default();
        p.add("Grace Okafor", t(1));
        p.add("Tomas Berg", t(2));
        p.add("Lena Berg", t(3));
        p.add("Okafor Daniels", t(4));
        assert_eq!(p.get("Okafor"), Some(t(1)), "a surname before a given name");
        assert_eq!(p.get("Grace"), Some(t(1)));
        assert_eq!(p.get("Tomas"), Some(t(2)));
        assert_eq!(p.get("Berg"), None, "two people share it");
        assert_eq!(p.get("Daniels"), Some(t(4)));
        assert_eq!(p.get("Sofia"), None);
    }
}
