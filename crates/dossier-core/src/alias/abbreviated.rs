//! Names written with an acronym in place of some of their words.
//!
//! Two forms, each read against the full names of the same document:
//!
//! - the leading words of a name written as their initials, the rest as written: "GW
//!   Bridge" for "George Washington Bridge", "LA Times" for "Los Angeles Times";
//! - a school's acronym followed by the place of one of its campuses: "UC Berkeley" for
//!   "University of California", as news names a campus by its university. Only the one
//!   campus of that acronym its document names: beside "UC Davis", "UC Berkeley" joins
//!   no "University of California" (two campuses are two things).
//!
//! ```
//! use dossier_core::alias::abbreviated::initials_forms;
//! use dossier_core::gazetteer::Gazetteer;
//! let g = Gazetteer::get();
//! assert_eq!(initials_forms("Harlow Mercer Bridge", g), ["HM Bridge"]);
//! ```

use crate::gazetteer::Gazetteer;
use crate::label::Label;

use super::forms::{acronym_shaped, distinctive};

/// Heads of the names whose campuses are called by their acronym and a place.
const SCHOOL_HEADS: &[&str] = &["University", "College", "Institute"];

/// The forms of full name `name` with two or more leading capitalised words written as
/// their initials and the other words as written ("GW Bridge" for "George Washington
/// Bridge"); none for a name of fewer than three words or one with a small word among
/// the leading ones.
pub fn initials_forms(name: &str, g: &Gazetteer) -> Vec<String> {
    let words: Vec<&str> = name.split(' ').collect();
    let mut out = Vec::new();
    let mut initials = String::new();
    for (k, w) in words.iter().enumerate().take(words.len().saturating_sub(1)) {
        let small = w.len() <= g.stop_max_len() && g.is_function_word(&crate::case::lower_str(w));
        let Some(c) = w.chars().next().filter(|c| c.is_uppercase() && !small) else {
            break;
        };
        initials.push(c);
        if k >= 1 {
            out.push(format!("{initials} {}", words[k + 1..].join(" ")));
        }
    }
    out
}

/// The acronym of a campus name, `<acronym> <place>`: an acronym, then a place the
/// tables know or one or two capitalised words that are no head or small words ("UC"
/// of "UC Berkeley"; not of "UC Press"); `None` for other names.
pub fn campus_acronym<'k>(key: &'k str, g: &Gazetteer) -> Option<&'k str> {
    let (acronym, place) = key.split_once(' ')?;
    let known = || {
        g.name(place)
            .is_some_and(|k| matches!(k.label, Label::Gpe | Label::Loc))
    };
    let named = || place.split(' ').count() <= 2 && place.split(' ').all(|w| distinctive(w, g));
    (acronym_shaped(acronym) && (known() || named())).then_some(acronym)
}

/// Whether `name` is a school's: one of its words is a school's head word.
pub fn school(name: &str) -> bool {
    name.split(' ').any(|w| SCHOOL_HEADS.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leading_words_are_written_as_initials_before_the_rest() {
        let g = Gazetteer::get();
        assert_eq!(
            initials_forms("North Aster Rail Company", g),
            ["NA Rail Company", "NAR Company"]
        );
        assert!(initials_forms("Bank of Velmora", g).is_empty(), "a small word");
        assert!(initials_forms("Velmora Bank", g).is_empty(), "one leading word");
    }

    #[test]
    fn a_campus_is_an_acronym_and_a_place() {
        let g = Gazetteer::get();
        assert_eq!(campus_acronym("UVL Chicago", g), Some("UVL"));
        assert_eq!(campus_acronym("UVL Velmorasket", g), Some("UVL"), "a name");
        assert_eq!(campus_acronym("UVL Press", g), None, "a head word");
        assert_eq!(campus_acronym("Velmora Chicago", g), None, "no acronym");
        assert!(school("University of Velmora"));
        assert!(!school("Velmora Rail Company"));
    }
}
