//! Holidays named after a day of the week or a month ("Good Friday", "Easter Monday",
//! "Holy Saturday"): the value scan reads their last word as a DATE, so that a name
//! could never take it. Here such a value gives its first word back when the words
//! before it and that word are a holiday's name in the tables; the pieces then find
//! the holiday (an EVENT, as the guidelines label "Victory Day").

use crate::gazetteer::{normalised, Gazetteer};
use crate::label::Label;
use crate::text::{is_capitalised, Token, TokenKind};
use crate::values::Value;

/// The most words a holiday's name has before the day it ends with ("Orthodox Easter
/// Monday": two).
const MAX_WORDS_BEFORE: usize = 2;

/// Gives back to the names the capitalised first word of each value in `vals` that
/// ends a holiday's name in the tables; a value left empty is dropped, and a comma
/// left at its start goes with the word ("Good Friday, April 18" keeps "April 18").
pub(super) fn release_holiday_days(text: &str, toks: &[Token], vals: &mut Vec<Value>) {
    let g = Gazetteer::get();
    let mut key = String::new();
    vals.retain_mut(|v| {
        if !ends_holiday(g, text, toks, v.start, &mut key) {
            return true;
        }
        v.start += 1;
        if v.start < v.end && toks[v.start].text(text) == "," {
            v.start += 1;
        }
        v.start < v.end
    });
}

/// Whether the capitalised word `i` ends a holiday's name that starts one or two
/// capitalised words before it, within the block.
fn ends_holiday(g: &Gazetteer, text: &str, toks: &[Token], i: usize, key: &mut String) -> bool {
    let cap_word = |k: usize| toks[k].kind == TokenKind::Word && is_capitalised(toks[k].text(text));
    if !cap_word(i) {
        return false;
    }
    (1..=MAX_WORDS_BEFORE.min(i))
        .take_while(|&n| cap_word(i - n))
        .any(|n| {
            let name = normalised(&text[toks[i - n].start..toks[i].end], key);
            g.name(name).is_some_and(|k| k.label == Label::Event)
        })
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::found;
    use crate::Label;

    // Written for these tests, on no article of the dev set.

    #[test]
    fn a_holiday_named_after_a_weekday_is_one_event() {
        let v = found("The bakery in Tarrow closes on Good Friday and opens again after Easter Monday.");
        assert!(v.contains(&("Good Friday".to_string(), Label::Event)), "{v:?}");
        assert!(v.contains(&("Easter Monday".to_string(), Label::Event)), "{v:?}");
        assert!(!v.iter().any(|(_, l)| *l == Label::Date), "{v:?}");
    }

    #[test]
    fn a_holiday_keeps_the_date_that_follows_it() {
        let v = found("Ferries ran a Sunday timetable on Holy Saturday, April 19, across the bay.");
        assert!(v.contains(&("Holy Saturday".to_string(), Label::Event)), "{v:?}");
        assert!(v.contains(&("April 19".to_string(), Label::Date)), "{v:?}");
    }

    #[test]
    fn a_weekday_after_an_ordinary_name_stays_a_date() {
        let v = found("Marta Kovacs told Reuters Friday that the mill would close.");
        assert!(v.contains(&("Friday".to_string(), Label::Date)), "{v:?}");
    }
}
