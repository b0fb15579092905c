//! The behaviours `tests/seeds.rs` holds on the seed articles, on invented text that no
//! rule was written for: every person, place and body here is made up, so a pass means
//! the mechanism is general, not that a seed sentence is remembered.

mod common;

use common::*;
use dossier_core::{Analysis, Entity, Label};

/// The entity of `label` that has `alias` among its written forms.
fn entity_of<'a>(a: &'a Analysis, label: Label, alias: &str) -> &'a Entity {
    a.entities
        .iter()
        .find(|e| e.label == label && e.aliases.iter().any(|x| x.text == alias))
        .unwrap_or_else(|| panic!("no {label} entity with alias {alias:?}: {:?}", a.entities))
}

/// Whether entity `e` is written `alias` somewhere.
fn written(e: &Entity, alias: &str) -> bool {
    e.aliases.iter().any(|x| x.text == alias)
}

#[test]
fn every_name_of_a_person_is_one_person_across_documents() {
    let (_, a) = headlined(&[
        "President Ingrid K. Halvorsen opened the summit in Bergen on Monday. Halvorsen said the talks would last two days.",
        "Ingrid Halvorsen arrived in Oslo late on Tuesday. Officials said Halvorsen met the ministers.",
    ]);
    let e = entity_of(&a, Label::Person, "Ingrid K. Halvorsen");
    for alias in ["Halvorsen", "Ingrid Halvorsen"] {
        assert!(written(e, alias), "{alias} not in {:?}", e.aliases);
    }
    assert_eq!(e.documents, 2);
}

#[test]
fn spelling_variants_of_an_organisation_are_one_entity() {
    let (_, a) = headlined(&[
        "Researchers at the Tarnwick Maritime Centre published the survey on Monday.",
        "The Tarnwick Maritime Center said the harbour had silted up.",
    ]);
    let e = entity_of(&a, Label::Org, "Tarnwick Maritime Centre");
    assert!(written(e, "Tarnwick Maritime Center"), "{:?}", e.aliases);
    assert_eq!(e.documents, 2);
}

#[test]
fn an_acronym_defined_in_parentheses_is_its_organisation() {
    let (_, a) = headlined(&[
        "The Nordic Lighthouse Restoration Trust (NLRT) bought the tower in May. A spokesman for NLRT said repairs would start soon.",
    ]);
    let e = entity_of(&a, Label::Org, "Nordic Lighthouse Restoration Trust");
    assert!(written(e, "NLRT"), "{:?}", e.aliases);
}

#[test]
fn surnames_join_their_full_names() {
    let (_, a) = headlined(&[
        "Miriam Castellanos, a fisheries economist, told the committee that quotas were too high. \
         Castellanos said stocks had fallen for years. Tobias Wrenfield, the harbour master, disagreed. \
         Wrenfield said the boats were already idle.",
    ]);
    for (full, short) in [
        ("Miriam Castellanos", "Castellanos"),
        ("Tobias Wrenfield", "Wrenfield"),
    ] {
        let e = entity_of(&a, Label::Person, full);
        assert!(written(e, short), "{short} not with {full}: {:?}", e.aliases);
    }
}

#[test]
fn tricky_spans_and_labels_hold() {
    let (c, a) = headlined(&[
        "The Institute of Baltic, Nordic and Arctic Studies and the Norwegian Academy of Marine Sciences \
         said on Friday, March 3, 2017, that the project would cost approximately $17 million and take \
         months, if not years. Sanctions from the West would not stop it, said Sigrun Aasheim.",
    ]);
    let ms = mentions(&c, &a);
    let has = |text: &str, label: &str| ms.iter().any(|m| m.text == text && m.label == label);
    for (text, label) in [
        ("Institute of Baltic, Nordic and Arctic Studies", "ORG"),
        ("Norwegian Academy of Marine Sciences", "ORG"),
        ("Friday, March 3, 2017", "DATE"),
        ("approximately $17 million", "MONEY"),
        ("months, if not years", "DATE"),
        ("West", "LOC"),
        ("Sigrun Aasheim", "PERSON"),
    ] {
        assert!(has(text, label), "{text} as {label}: {ms:?}");
    }
}

#[test]
fn titles_the_and_possessives_stay_out_of_spans() {
    let (c, a) = headlined(&[
        "Mr. Halvorsen’s plan was praised by the Tarnwick Maritime Centre. Ms. Aasheim's reply came later.",
    ]);
    let ms = mentions(&c, &a);
    assert!(ms.iter().any(|m| m.text == "Halvorsen"), "{ms:?}");
    assert!(
        !ms.iter().any(|m| m.text.starts_with("Mr.")
            || m.text.starts_with("Ms.")
            || m.text.starts_with("the ")
            || m.text.ends_with("’s")
            || m.text.ends_with("'s")),
        "{ms:?}"
    );
}
