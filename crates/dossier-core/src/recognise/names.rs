//! Level 2 of recognition, first step: adjacent pieces that end in a head word (or open
//! with one) become one organisation, event, place or facility ("Carnegie Russia
//! Eurasia Centre", "Belt and Road Forum", "Power of Siberia 2 gas pipeline").

use super::context::Ctx;
use super::pieces::Piece;
use crate::label::Label;

/// The label a head word gives tokens `s..e`, if any.
pub(super) fn head_label(cx: &Ctx, s: usize, e: usize) -> Option<Label> {
    if e <= s + 1 {
        return None;
    }
    let g = cx.g;
    let last = cx.w(e - 1);
    let (mut buf, mut buf2) = (String::new(), String::new());
    let last2 = if e >= s + 3 {
        cx.two_words(e - 2, &mut buf)
    } else {
        ""
    };
    let first = cx.w(s);
    let first2 = cx.two_words(s, &mut buf2);
    let suffix = |f: &dyn Fn(&str) -> crate::gazetteer::Heads| {
        f(last).suffix || (!last2.is_empty() && f(last2).suffix)
    };
    let prefix = |f: &dyn Fn(&str) -> crate::gazetteer::Heads| {
        (f(first).prefix && e > s + 1 && cx.cap(s + 1)) || (e > s + 2 && f(first2).prefix)
    };
    if suffix(&|w| g.org_head(w)) {
        return Some(Label::Org);
    }
    if suffix(&|w| g.event_head(w)) || prefix(&|w| g.event_head(w)) {
        return Some(Label::Event);
    }
    if suffix(&|w| g.fac_head(w)) {
        return Some(Label::Fac);
    }
    if suffix(&|w| g.loc_head(w)) || prefix(&|w| g.loc_head(w)) {
        return Some(Label::Loc);
    }
    None
}

/// Whether pieces spanning tokens `s..e` form one name through a head word.
pub(super) fn compose(cx: &mut Ctx, s: usize, e: usize, pieces: &[(usize, usize, Piece)]) -> Option<Label> {
    if e <= s + 1 {
        return None;
    }
    // A single known name stays itself ("Gaza Strip" is in the tables).
    if pieces.len() == 1 && !matches!(pieces[0].2, Piece::Unknown) {
        return None;
    }
    // A person followed directly by a head word is usually a name-sake ("Doris Day").
    let label = head_label(cx, s, e)?;
    if label == Label::Event && pieces.len() == 2 && matches!(pieces[0].2, Piece::Person { .. }) {
        return None;
    }
    if label == Label::Loc && pieces.iter().all(|p| !matches!(p.2, Piece::Unknown)) && pieces.len() > 1 {
        return None;
    }
    Some(label)
}

#[cfg(test)]
mod tests {
    use crate::label::Label;
    use crate::recognise::testing::{found, has};

    #[test]
    fn head_words_make_organisations_events_and_facilities() {
        let v = found("He spoke at the Takshashila Institute, the Belt and Road Forum and on the Power of Siberia 2 gas pipeline after the Cold War.");
        assert!(has(&v, "Takshashila Institute", Label::Org), "{v:?}");
        assert!(has(&v, "Belt and Road Forum", Label::Event), "{v:?}");
        assert!(has(&v, "Power of Siberia 2", Label::Fac), "{v:?}");
        assert!(has(&v, "Cold War", Label::Event), "{v:?}");
    }

    #[test]
    fn long_institute_names_with_commas_are_one_org() {
        let v = found("a researcher for the Institute of Russian, East European and Central Asian Studies at the Chinese Academy of Social Sciences.");
        assert!(
            has(
                &v,
                "Institute of Russian, East European and Central Asian Studies",
                Label::Org
            ),
            "{v:?}"
        );
        assert!(has(&v, "Chinese Academy of Social Sciences", Label::Org), "{v:?}");
    }
}
