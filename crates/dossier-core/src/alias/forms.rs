//! Short forms and acronyms joined to the full names they stand for.
//!
//! Inside one document a name is often written in full once and shortened after:
//! "Northwind Logistics Group" … "Northwind", "Heathrow Airport" … "Heathrow",
//! "Competition and Markets Authority (CMA)" … "the CMA". These kinds of evidence link
//! a mention to a full name of its document:
//!
//! 1. a definition in parentheses, "Full Name (ACR)" or "ACR (Full Name)", whose
//!    letters agree, or, for an acronym the tables do not know written right after an
//!    organisation's name, letters of the name in its own language ("Norwegian State
//!    Railways (NSB)");
//! 2. an acronym that spells the initials of one full name (function words skipped or
//!    kept in lower case, the parts of hyphenated words counted or not);
//! 3. a short form: the leading distinctive words of a full name that ends in a head
//!    word ("Group", "Airport", "Festival"), never a head or a function word itself;
//! 4. a trailing form, which keeps its label: the last words of such a name ("Home
//!    Office"), its head word alone ("the Press" for "New York Press"), the words around
//!    "of" ("Church" and "Scientology" for "Church of Scientology"), an event's last word
//!    ("Paralympics" for "Winter Paralympics"); the head word alone also where recognition
//!    read it as a place ("the Palace"). A full name whose trailing words the tables know
//!    as a name of its label is that name ("United Kingdom Home Office"), and so is a
//!    company the tables know written with its legal form ("Taito Corporation"), and a
//!    natural feature whose leading words the tables know as that place, with a word
//!    after them that only says its kind ("Danube River" where the "Danube" is written).
//! 5. other ways of writing one name: `<Field> <Head>` for `<Head> of <Field>` ("Finance
//!    Ministry"), a team's own words after its city ("Pirates" for "Pittsburgh Pirates"),
//!    a name clipped in camel case ("SocGen" for "Société Générale"), and an acronym the
//!    tables read as another name that its document defines or spells otherwise ("DRC"
//!    for "Dunmere Rail Corporation"), leading words written as initials ("GW Bridge"
//!    for "George Washington Bridge") and a school's one campus by its acronym ("UC
//!    Berkeley" for "University of California", [`super::abbreviated`]); a name after
//!    the place or nationality it begins with, when `<Head> of` follows ("Ministry of
//!    Culture" and "Culture Ministry" for "Polish Ministry of Culture"), and a name
//!    without a word that only says how far its reach goes ("Vilnius Airport" for
//!    "Vilnius International Airport").
//! 6. a place by its leading words: a river, lake or range by its own words ("Vardo" for
//!    "Vardo River"), a place of two words by its first ("Levico" for "Levico Terme"),
//!    never a division by the town it is named after ("Albany County" is not "Albany").
//!    A place the tables do not know may so join a river named before it, and a one-word
//!    one an organisation ("teaching at Tsinghua"), not a facility ("Kessel" after
//!    "Kessel Dam" is the town).
//!
//! 7. a word the tables or the corpus lexicon read as a longer name its document never
//!    writes ("Esprit" as the company "Esprit Holdings") is the one name of its label the
//!    document begins with it ("Esprit Orchestra"); a name the document does not write
//!    neither blocks nor adds forms there.
//!
//! What a form stands for is read per label: the town "Hollins" written right after
//! "Hollins University" is the town, "Hollins" read as an organisation later is the
//! university.
//!
//! A form that two different names of the document could stand for (a word both share,
//! "Supreme Court" in "Supreme Court of India" and "US Supreme Court", "Bank" in "Bank of
//! England" and "Bank of Japan") is left alone. A mention whose key came from the tables
//! or from a person's full name is never moved, but for a name the tables know only as a
//! kind of name ("Supreme Court", "National Assembly"): its own document may join it to
//! the one it names in full ("Italian Supreme Court of Cassation"). A link that lands on
//! a form of a longer name goes on to that name, and a form whose full name joined
//! another name (in its document or by the corpus) follows it there ("US Airways" after
//! "US Airways Group", one with "US Airways Group Inc."). A form no document resolves for itself
//! joins the name the rest of the corpus links it to, when the corpus links it to only one,
//! else the one name of the corpus it is a short form of, when no other name of the corpus
//! shares it; a word recognition guessed a person follows the organisation other
//! documents write it alone for ("Halden said" after "Halden Shipping Group … Halden").
//!
//! The work is linear: each name gives at most [`MAX_WORDS`] prefixes and words, each
//! mention a few map lookups.

use super::abbreviated::{campus_acronym, initials_forms, school};
use super::defined::{endings, initials_agree};
use super::people::People;
use super::spellings::Spellings;
use super::Raw;
use crate::gazetteer::Gazetteer;
use crate::hash::{FxMap as HashMap, FxSet as HashSet};
use crate::label::Label;

/// The most words a name that may be shortened has (longer ones are not), and so the
/// most words of a short form.
pub const MAX_WORDS: usize = 8;

/// An entity a form may stand for: its label, key number and a mention that shows its
/// name (the vote for the entity's display name). Two targets are the same entity when
/// label and key agree.
#[derive(Debug, Clone, Copy, Eq)]
pub(super) struct Target {
    /// The entity's label.
    pub label: Label,
    /// Its key number, within the label.
    pub id: usize,
    /// A mention that shows its name.
    pub shown_by: usize,
}

impl PartialEq for Target {
    fn eq(&self, other: &Self) -> bool {
        (self.label, self.id) == (other.label, other.id)
    }
}

/// What one document (or the corpus) says a form stands for.
#[derive(Debug, Clone, Copy)]
enum Reading<T> {
    /// One name; `usable` when the evidence may link (not only block).
    One(T, bool),
    /// Two different names: the form is ambiguous.
    Many,
}

impl<T: Copy + PartialEq> Reading<T> {
    /// The reading after also seeing `t` (usable or not).
    fn with(self, t: T, usable: bool) -> Reading<T> {
        match self {
            Reading::One(o, u) if o == t => Reading::One(o, u || usable),
            _ => Reading::Many,
        }
    }

    /// The name, when the reading is one usable name.
    fn target(self) -> Option<T> {
        match self {
            Reading::One(t, true) => Some(t),
            _ => None,
        }
    }
}

/// Records that `form` may stand for `t`.
fn note<K: std::hash::Hash + Eq, T: Copy + PartialEq>(
    map: &mut HashMap<K, Reading<T>>,
    form: K,
    t: T,
    usable: bool,
) {
    let r = map
        .get(&form)
        .map_or(Reading::One(t, usable), |r| r.with(t, usable));
    map.insert(form, r);
}

/// The short forms of the full names of one document, each with the one name it
/// stands for (`T` tells names apart): a name's leading distinctive words, when the
/// name ends in a head word; any word or leading words two names share stand for
/// neither.
pub struct ShortForms<'t, T> {
    map: HashMap<&'t str, Reading<T>>,
    /// Events shorten too: only where a form of the same label is linked, never where
    /// new mentions are found ("FIFA" in "FIFA World Cup" names the organiser).
    events: bool,
}

impl<T> Default for ShortForms<'_, T> {
    fn default() -> Self {
        ShortForms {
            map: HashMap::default(),
            events: false,
        }
    }
}

impl<'t, T: Copy + PartialEq> ShortForms<'t, T> {
    /// Adds the forms of `names` (words separated by single spaces; each a name of its
    /// label told apart by its `T`): first the leading words of those that may be
    /// shortened, then what the others block, unless they are themselves a short form
    /// of one of the first ("Corvina Shipping" after "Corvina Shipping Company" is that
    /// company, not a second name beginning with "Corvina"). Longer names come first,
    /// so a name that is a short form of a longer one ("Talvik Holdings" of "Talvik
    /// Holdings Inc.") adds no forms of its own. Returns the words visited.
    pub fn add_names(&mut self, names: &[(&'t str, Label, T)], g: &Gazetteer) -> usize {
        let (mut work, mut words, mut others) = (0, Vec::new(), Vec::new());
        let mut order: Vec<usize> = (0..names.len()).collect();
        order.sort_by_key(|&k| std::cmp::Reverse(names[k].0.len()));
        for &(name, label, t) in order.iter().map(|&k| &names[k]) {
            words.clear();
            words.extend(name.split(' '));
            work += words.len();
            if words.len() <= MAX_WORDS && shortens(label, &words, self.events, g) {
                if self.get(name).is_some_and(|o| o != t) {
                    continue;
                }
                self.add_leading_words(name, &words, label, t, g);
                self.add_after_place(name, &words, label, t, g);
            } else {
                others.push((name, t));
            }
        }
        // A name that cannot be shortened only blocks the forms of the others.
        if self.map.is_empty() {
            return work;
        }
        for (name, t) in others {
            if self.get(name).is_none() {
                self.block(name, t);
            }
        }
        work
    }

    /// Adds the forms of `name` (its `words`), which may be shortened: its leading
    /// distinctive words stand for it, its other words only block.
    fn add_leading_words(&mut self, name: &'t str, words: &[&str], label: Label, t: T, g: &Gazetteer) {
        let (mut leading, mut end) = (true, 0);
        for (k, w) in words.iter().enumerate() {
            end += w.len() + usize::from(k > 0);
            if k > 0 {
                note(&mut self.map, &name[end - w.len()..end], t, false);
            }
            // The whole name is no short form of itself; a form the tables know as
            // another kind of name ("York" before "York Ring Road") is that name.
            if k + 1 < words.len() {
                leading &= distinctive(w, g);
                let form = &name[..end];
                let other = || g.name(form).is_some_and(|known| known.label != label);
                // The name without its legal form ("Talbridge Holdings" for "Talbridge
                // Holdings Inc.") is the name, whatever its last word.
                let unincorporated = k + 2 == words.len() && legal_form(words[k + 1], self.events);
                note(&mut self.map, form, t, (leading || unincorporated) && !other());
            }
        }
    }

    /// Adds the forms of facility `name` (its `words`, which may be shortened) that
    /// begin after the place it starts with, when the tables know that place: "Heathrow"
    /// for "London Heathrow Airport", as a city's airport or station is called by its
    /// own name. Not an organisation's: "Stock" names no "New York Stock Exchange".
    fn add_after_place(&mut self, name: &'t str, words: &[&str], label: Label, t: T, g: &Gazetteer) {
        if label != Label::Fac {
            return;
        }
        let Some(place) = leading_place(name, words, g) else {
            return;
        };
        let (mut leading, mut end) = (true, place.len());
        for (k, w) in words
            .iter()
            .enumerate()
            .take(words.len() - 1)
            .skip(place.matches(' ').count() + 1)
        {
            end += w.len() + usize::from(k > 0);
            leading &= distinctive(w, g);
            let form = &name[place.len() + 1..end];
            let other = || g.name(form).is_some_and(|known| known.label != label);
            note(&mut self.map, form, t, leading && !other());
        }
    }

    /// Marks the forms of `name` (its leading words and single words) that stand for
    /// another name as ambiguous.
    fn block(&mut self, name: &str, t: T) {
        let mut end = 0;
        for (k, w) in name.split(' ').take(MAX_WORDS).enumerate() {
            end += w.len() + usize::from(k > 0);
            let forms = [(k > 0).then(|| &name[end - w.len()..end]), Some(&name[..end])];
            for form in forms.into_iter().flatten() {
                if let Some(r) = self.map.get_mut(form) {
                    *r = r.with(t, false);
                }
            }
        }
    }

    /// The name `form` stands for, if one.
    pub fn get(&self, form: &str) -> Option<T> {
        self.map.get(form).and_then(|r| r.target())
    }

    /// Whether some form, usable or not, is `word` or begins with it: a quick test
    /// before building a longer form.
    pub fn begins(&self, word: &str) -> bool {
        self.map.contains_key(word)
    }

    /// The words of the forms that stand for a name (each once per form).
    pub fn words(&self) -> impl Iterator<Item = &'t str> + '_ {
        let usable = self.map.iter().filter(|(_, r)| r.target().is_some());
        usable.flat_map(|(form, _)| form.split(' '))
    }

    /// Whether no form stands for a name.
    pub fn is_empty(&self) -> bool {
        !self.map.values().any(|r| r.target().is_some())
    }

    /// Whether the document says anything of `form` (it may only block).
    fn knows(&self, form: &str) -> Option<Reading<T>> {
        self.map.get(form).copied()
    }
}

/// Whether `s` is written like an acronym: 2 to 10 letters and digits, the first a
/// capital, at least two capitals and no fewer capitals than small letters and digits
/// ("NATO", "BoE", "M5S"; not "G20").
pub fn acronym_shaped(s: &str) -> bool {
    // One pass that stops at the first character that rules `s` out: most strings
    // asked about are longer names, ruled out by a space or a small letter early.
    if !s.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let (mut n, mut upper) = (0, 0);
    for c in s.chars() {
        if n == 10 || !(c.is_alphabetic() || c.is_ascii_digit()) {
            return false;
        }
        n += 1;
        upper += usize::from(c.is_uppercase());
    }
    n >= 2 && upper >= 2 && 2 * upper >= n
}

/// The ways an acronym may spell `name`: the capitalised words' initials ("SCO"),
/// also the small parts of hyphenated words ("Co-operation" → "CO"), and every word's
/// initial with function words in small letters ("Bank of England" → "BoE") or capitals.
pub fn initials_variants(name: &str, g: &Gazetteer) -> Vec<String> {
    let mut out = initials_of(name, g);
    // A company's acronym leaves out its legal form: "ALE" for "Antarctic Logistics &
    // Expeditions LLC". Three letters at least, as two say too little.
    if let Some((rest, last)) = name.rsplit_once(' ') {
        if legal_form(last, true) {
            out.extend(
                initials_of(rest, g)
                    .into_iter()
                    .filter(|v| v.chars().count() >= 3),
            );
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The initials [`initials_variants`] reads off `name` as written.
fn initials_of(name: &str, g: &Gazetteer) -> Vec<String> {
    let (mut caps, mut parts, mut all) = (String::new(), String::new(), String::new());
    for word in name.split_whitespace() {
        for (i, part) in word.split('-').enumerate() {
            let Some(c) = part.chars().next() else { continue };
            if c.is_uppercase() {
                caps.push(c);
            }
            if c.is_uppercase() || (i > 0 && c.is_alphabetic()) {
                parts.extend(c.to_uppercase());
            }
            if i == 0 {
                all.push(c);
            }
        }
    }
    let mut out = vec![caps, parts];
    if name.split_whitespace().any(|w| g.is_function_word(w)) {
        out.push(all.to_uppercase());
        out.push(all);
    }
    out.retain(|v| v.chars().count() >= 2);
    out.sort();
    out.dedup();
    out
}

/// The capitals of a one-word name written in camel case, each opening a part of
/// three letters or more ("LibriVox" → "LV", "PayPal" → "PP"): the acronym such a name
/// is shortened to. `None` for other words, acronyms ("NATO", "BoE") and names made
/// with a short prefix ("McDonald", "DeLuca").
pub(crate) fn camel_initials(word: &str) -> Option<String> {
    // Most words have no capital inside: ruled out before anything is built.
    if !word.chars().skip(1).any(char::is_uppercase) {
        return None;
    }
    if word.contains(' ') || acronym_shaped(word) || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    let (mut caps, mut part) = (String::new(), 0usize);
    for c in word.chars() {
        if c.is_uppercase() {
            if !caps.is_empty() && part < 3 {
                return None;
            }
            caps.push(c);
            part = 0;
        }
        part += 1;
    }
    (caps.chars().count() >= 2 && part >= 3 && word.starts_with(char::is_uppercase)).then_some(caps)
}

/// The parts of a one-word name written in camel case, each a capital and one small
/// letter or more ("SocGen" → "Soc", "Gen"; "FedEx" → "Fed", "Ex"): the shape of a name
/// clipped from the first letters of the words of a longer one. `None` for other words.
pub(crate) fn camel_parts(word: &str) -> Option<Vec<&str>> {
    if !word.chars().skip(1).any(char::is_uppercase) || acronym_shaped(word) {
        return None;
    }
    if !word.starts_with(char::is_uppercase) || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    let starts: Vec<usize> = word
        .char_indices()
        .filter(|(_, c)| c.is_uppercase())
        .map(|(i, _)| i)
        .collect();
    let parts: Vec<&str> = starts
        .iter()
        .zip(starts.iter().skip(1).chain([&word.len()]))
        .map(|(&a, &b)| &word[a..b])
        .collect();
    (parts.len() >= 2 && parts.iter().all(|p| p.chars().count() >= 2)).then_some(parts)
}

/// Whether each of `parts` begins the matching capitalised word of `name`, case and
/// accents aside, and `name` has no other capitalised word: "SocGen" of "Société
/// Générale", "NatWest" of "National Westminster".
fn clips(parts: &[&str], name: &str) -> bool {
    let folded = |s: &str| -> String {
        s.chars()
            .flat_map(|c| super::fold(c).chars().collect::<Vec<_>>())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let words: Vec<&str> = name
        .split(' ')
        .filter(|w| w.starts_with(char::is_uppercase))
        .collect();
    words.len() == parts.len()
        && parts
            .iter()
            .zip(&words)
            .all(|(p, w)| folded(w).starts_with(&folded(p)))
}

/// Whether the letters of `acronym` can be read off `name` in order, starting with
/// its first letter: the check a definition in parentheses must pass.
pub(crate) fn spells(acronym: &str, name: &str) -> bool {
    let lower = |s: &str| {
        s.chars()
            .flat_map(char::to_lowercase)
            .filter(|c| c.is_alphanumeric())
            .collect::<Vec<_>>()
    };
    let (a, n) = (lower(acronym), lower(name));
    let mut rest = n.iter();
    a.first() == n.first() && a.iter().all(|c| rest.any(|d| d == c))
}

/// Whether a full name of `label` may be shortened to its leading words: an
/// organisation or facility whose only head word ends it ("Northwind Logistics Group",
/// "Heathrow Airport"), and, with `events`, an event ending in one ("Marlin Cup"). With
/// a second head ("Irving Police Department", "Rotterdam Port Authority") the leading
/// words usually name the place the institution serves; an event's leading words may
/// name its organiser or place ("FIFA World Cup"), so they stand for the event only
/// where a mention with the event's label says so ([`Linker`]); so does the first word
/// of a place of two words ("Levico" for "Levico Terme"), with `events`. Every other word must
/// be distinctive: in "Rock and Roll Hall" the leading word is only a part of a longer
/// name.
fn shortens(label: Label, words: &[&str], events: bool, g: &Gazetteer) -> bool {
    let Some((last, rest)) = words.split_last() else {
        return false;
    };
    // A company's legal form follows its name: "Talbridge Holdings Inc." shortens as
    // "Talbridge Holdings" does.
    if label == Label::Org && legal_form(last, events) && legal_name(rest, label, events, g) {
        return true;
    }
    let headed = match label {
        Label::Org | Label::Fac => g.org_head(last).suffix || g.fac_head(last).suffix,
        Label::Event => events && g.event_head(last).suffix,
        // A place of two words by its first ("Levico" for "Levico Terme"), only where a
        // mention of the place's own label says so, as for events; a longer name is
        // more often a site named after a place ("Hapupu National Historic Reserve"),
        // and a division is named after its seat ("Albany County" is not "Albany"). A
        // river, lake or range is called by its own words ("Vardo" for "Vardo River").
        Label::Gpe | Label::Loc => {
            events
                && (natural_feature(label, last, g)
                    || (rest.len() == 1 && distinctive(last, g) && !ADMIN_DIVISIONS.contains(last)))
        }
        _ => false,
    };
    headed && rest.iter().all(|w| distinctive(w, g))
}

/// The last words of an administrative division's name that says which town or river
/// it is named after: the division is another place than its seat ("Albany County" and
/// "Albany", "Dahod District" and "Dahod", "Hvidovre Kommune" and "Hvidovre").
const ADMIN_DIVISIONS: &[&str] = &[
    "County",
    "District",
    "Municipality",
    "Township",
    "Borough",
    "Parish",
    "Province",
    "Prefecture",
    "Oblast",
    "Krai",
    "Governorate",
    "Voivodeship",
    "Kommune",
    "Commune",
    "Region",
    "Shire",
    "Canton",
    "Department",
    "Landkreis",
    "LGA",
];

/// Whether a place of `label` whose name ends in `last` is a natural feature named by its
/// own words: a river, lake, sea, range or island group ("Vardo River", "Kessel Lake"),
/// a geographic head word the tables know that names no division.
fn natural_feature(label: Label, last: &str, g: &Gazetteer) -> bool {
    label == Label::Loc && g.loc_head(last).suffix && !ADMIN_DIVISIONS.contains(&last)
}

/// Whether `rest`, the words of a company's name before its legal form, is what it is
/// called: a name that shortens by itself ("Talbridge Holdings" of "Talbridge Holdings
/// Inc."), or, where forms are linked (`linking`, not found), one distinctive word
/// ("Skarvik" of "Skarvik ASA").
fn legal_name(rest: &[&str], label: Label, linking: bool, g: &Gazetteer) -> bool {
    match rest {
        [one] => linking && distinctive(one, g) && !legal_form(one, linking),
        _ => shortens(label, rest, linking, g),
    }
}

/// The place a name of `words` begins with (one or two of its words, two words or
/// more left after it), when the tables know it as a place: "London" in "London
/// Heathrow Airport", "New York" in "New York Stock Exchange".
fn leading_place<'t>(name: &'t str, words: &[&str], g: &Gazetteer) -> Option<&'t str> {
    (1..=2usize).rev().find_map(|n| {
        if words.len() < n + 2 {
            return None;
        }
        let end = words[..n].iter().map(|w| w.len() + 1).sum::<usize>() - 1;
        let place = &name[..end];
        g.name(place)
            .is_some_and(|k| matches!(k.label, Label::Gpe | Label::Loc))
            .then_some(place)
    })
}

/// A company's legal form, written after its name ("Inc.", "plc", "GmbH").
const LEGAL_FORMS: &[&str] = &[
    "Inc", "Inc.", "Ltd", "Ltd.", "Limited", "LLC", "LLP", "plc", "PLC", "Corp", "Corp.", "Co.", "GmbH",
    "AG", "SA", "S.A.", "NV", "N.V.", "BV", "B.V.", "Pty", "SpA", "S.p.A.",
];

/// The words a company's name may end in without their being part of what it is
/// called: "Vantor Motors" is "Vantor Motors Group", as "Talbridge Holdings" is
/// "Talbridge Holdings Inc." (a head word of its own, "Motors", may come before them).
/// Rarer legal forms ("Skarvik ASA") count there too.
const COMPANY_WORDS: &[&str] = &[
    "Group",
    "Holdings",
    "Corporation",
    "Company",
    "Incorporated",
    "ASA",
    "AB",
    "Oyj",
    "SE",
    "L.P.",
    "LP",
    "Bhd",
];

/// Whether `w` is a company's legal form, or, where forms are linked (`linking`, as
/// for events: recognition finds no new mentions by them), a word that says only that
/// the name is a company's ([`COMPANY_WORDS`]).
fn legal_form(w: &str, linking: bool) -> bool {
    LEGAL_FORMS.contains(&w) || (linking && COMPANY_WORDS.contains(&w))
}

/// Whether `w` is a head word of an organisation, facility or event, in any position.
fn head(w: &str, g: &Gazetteer) -> bool {
    let any = |h: crate::gazetteer::Heads| h.prefix || h.suffix;
    any(g.org_head(w)) || any(g.fac_head(w)) || any(g.event_head(w))
}

/// Whether `w` may end a short form: a capitalised word that is no head or function word.
pub(super) fn distinctive(w: &str, g: &Gazetteer) -> bool {
    let function = || w.len() <= g.stop_max_len() && g.is_function_word(&crate::case::lower_str(w));
    w.chars().next().is_some_and(char::is_uppercase) && !function() && !head(w, g)
}

/// The forms one document gives its full names.
#[derive(Default)]
struct DocForms<'t> {
    /// Short forms of the full names.
    short: ShortForms<'t, Target>,
    /// Trailing words of the full names ([`add_tails`]).
    tails: HashMap<&'t str, Reading<Target>>,
    /// The people named in full, for their one-word names ([`People`]).
    people: People<'t>,
    /// Initials of a full name.
    initials: HashMap<String, Reading<Target>>,
    /// Acronyms defined in parentheses, and full names defined by a known acronym.
    defined: HashMap<usize, Reading<Target>>,
    /// Full names whose trailing words are a name the tables know, with that name's
    /// canonical form ([`known_tail`]), and natural features whose leading words are
    /// one ([`known_feature`]).
    known_tails: HashMap<&'static str, Reading<Target>>,
    /// The initials of the capitalised words of the full names of two words or more,
    /// for the names clipped in camel case ([`Linker::clipped`]).
    capitals: HashMap<String, Reading<Target>>,
    /// `<Field> <Head>` for the full names `<Head> of <Field>` ([`reordered`]), and
    /// the names with their leading words as initials ([`initials_forms`]).
    reordered: HashMap<String, Reading<Target>>,
    /// The names without the words that only say how far their reach goes
    /// ([`without_scope_words`]: "Vilnius Airport" for "Vilnius International Airport").
    unscoped: HashMap<String, Reading<Target>>,
    /// Names written two ways one letter apart ([`Spellings`]).
    spellings: Spellings,
    /// Acronym → the one campus name of the document written with it ("UC Berkeley",
    /// [`campus_acronym`]).
    campuses: HashMap<&'t str, Reading<Target>>,
    /// Key number → the first mention of the document written with it.
    first: HashMap<usize, usize>,
}

/// Notes the trailing forms of the full `names` of a document, longest names first: a
/// name that is itself a form of a longer one ("High Court" after "Velmoran High Court
/// of Appeal") adds none, so that its own forms ("Court") do not look like a second
/// name's. Returns the names visited (their words are counted where they are shortened,
/// [`ShortForms::add_names`]).
fn add_all_tails<'t>(
    tails: &mut HashMap<&'t str, Reading<Target>>,
    unscoped: &mut HashMap<String, Reading<Target>>,
    names: &[(&'t str, Label, Target)],
    g: &Gazetteer,
) -> usize {
    // Bucketed by word count (longer ones are never shortened).
    let mut by_length: Vec<Vec<usize>> = vec![Vec::new(); MAX_WORDS + 1];
    for (k, (name, _, _)) in names.iter().enumerate() {
        if let Some(bucket) = by_length.get_mut(name.split(' ').count()) {
            bucket.push(k);
        }
    }
    for &k in by_length.iter().rev().flatten() {
        let (name, label, t) = names[k];
        if form_of_other(tails, name, t) || form_of_other(unscoped, name, t) {
            continue;
        }
        add_tails(tails, name, label, t, g);
        if spelled_by_initials(label) {
            let words: Vec<&str> = name.split(' ').collect();
            if let Some(form) = without_scope_words(&words) {
                let usable = g.name(&form).is_none();
                note(unscoped, form, t, usable);
            }
        }
    }
    names.len()
}

/// Whether `name` (of `t`) is a usable form of another name in `forms`.
fn form_of_other<K: std::borrow::Borrow<str> + std::hash::Hash + Eq>(
    forms: &HashMap<K, Reading<Target>>,
    name: &str,
    t: Target,
) -> bool {
    matches!(forms.get(name), Some(&Reading::One(o, true)) if o != t)
}

/// Words that say only how far an organisation's, facility's or event's reach goes,
/// which writers leave out of its name: "Vilnius Airport" for "Vilnius International
/// Airport", "Tarnow Jazz Festival" for "Tarnow International Jazz Festival". Words
/// that tell one thing from another ("Southern" in "Kestrel Southern Airlines") are
/// not among them: such a name and the name without the word are two things.
const SCOPE_WORDS: &[&str] = &[
    "International",
    "Intercontinental",
    "Regional",
    "Municipal",
    "Annual",
];

/// The name of `words` without the [`SCOPE_WORDS`] inside it (never its first or last
/// word, two words at least left), when it has any.
fn without_scope_words(words: &[&str]) -> Option<String> {
    let (first, rest) = words.split_first()?;
    let (last, inner) = rest.split_last()?;
    if !inner.iter().any(|w| SCOPE_WORDS.contains(w)) {
        return None;
    }
    let kept = inner.iter().filter(|w| !SCOPE_WORDS.contains(w));
    let mut form = String::from(*first);
    for w in kept.chain(std::iter::once(last)) {
        form.push(' ');
        form.push_str(w);
    }
    Some(form)
}

/// Notes the trailing forms of full name `name` (of `label`, told apart by `t`): its
/// last two or more words, when the name is an organisation, facility or event ending
/// in a head word and the words left off are capitalised names ("Home Office" for
/// "United Kingdom Home Office", "Lantern Festival" for "Harbin City Lantern
/// Festival"). A form the tables know, one starting after a function word ("of"), a
/// head word alone, and a form two names share stand for nothing.
fn add_tails<'t>(
    tails: &mut HashMap<&'t str, Reading<Target>>,
    name: &'t str,
    label: Label,
    t: Target,
    g: &Gazetteer,
) {
    if !spelled_by_initials(label) {
        return;
    }
    let words: Vec<&str> = name.split(' ').collect();
    let Some(&last) = words.last() else { return };
    let suffix = |h: crate::gazetteer::Heads| h.suffix;
    let headed = suffix(g.org_head(last)) || suffix(g.fac_head(last)) || suffix(g.event_head(last));
    if words.len() > MAX_WORDS {
        return;
    }
    add_of_forms(tails, name, &words, t, g);
    if let Some(own) = after_place_of(name, &words, g) {
        let usable = g
            .name(own)
            .is_none_or(|k| k.label == t.label && k.canonical == own);
        note(tails, own, t, usable);
    }
    if label == Label::Event && words.len() >= 2 {
        add_event_word(tails, name, &words, t, g);
    }
    if !headed {
        if label == Label::Org {
            if let Some(own) = after_place(name, &words, g) {
                note(tails, own, t, g.name(own).is_none());
            }
        }
        return;
    }
    // The head word alone: "the Press" after "New York Press", "the Church"; also one the
    // tables read as one institution ("the Senate" after "Delaware Senate").
    let institution = |k: crate::gazetteer::Known| k.label == t.label && k.canonical.ends_with(last);
    note(tails, last, t, g.name(last).is_none_or(institution));
    if words.len() < 3 {
        return;
    }
    let mut start = 0;
    for k in 1..words.len() - 1 {
        start += words[k - 1].len() + 1;
        let (before, first) = (words[k - 1], words[k]);
        if !distinctive_or_head(before, g) || !distinctive_or_head(first, g) {
            continue;
        }
        let form = &name[start..];
        note(tails, form, t, g.name(form).is_none());
    }
}

/// The words of an organisation's name with no head word after the place it begins
/// with, when the tables know that place and the words left are distinctive: "Red Sox"
/// for "Boston Red Sox", "Pirates" for "Pittsburgh Pirates", as a team or a paper named
/// after its city is called by its own name. Not where a head word follows the place
/// ("New York Stock Exchange" is no "Stock Exchange" of its own: such names shorten by
/// [`ShortForms`] or not at all).
fn after_place<'t>(name: &'t str, words: &[&str], g: &Gazetteer) -> Option<&'t str> {
    (1..=2usize).rev().find_map(|n| {
        if words.len() <= n || !words[n..].iter().all(|w| distinctive(w, g)) {
            return None;
        }
        let end = words[..n].iter().map(|w| w.len() + 1).sum::<usize>() - 1;
        g.name(&name[..end])
            .is_some_and(|k| matches!(k.label, Label::Gpe | Label::Loc))
            .then(|| &name[end + 1..])
    })
}

/// The words of a name `<place> <Head> of …` after the place or nationality it begins
/// with, when the tables know it as one: "Ministry of Culture" for "Polish Ministry of
/// Culture", "Museum of Modern Art" for "Riverside Museum of Modern Art", as an article
/// calls its country's ministry or its city's museum by its own name. The words left
/// start with one head word and "of" ("Central Bank of …" keeps its modifier), and what
/// follows "of" is no place: "Liberal Party of Australia" is no "Party of Australia",
/// as the words before such a name tell it from the others of that place.
fn after_place_of<'t>(name: &'t str, words: &[&str], g: &Gazetteer) -> Option<&'t str> {
    let place = |s: &str| {
        g.name(s)
            .is_some_and(|k| matches!(k.label, Label::Gpe | Label::Loc))
    };
    (1..=2usize).rev().find_map(|n| {
        let rest = words.get(n..).filter(|rest| rest.len() >= 3)?;
        if rest[1] != "of" || !head(rest[0], g) || !distinctive_or_head(rest[2], g) {
            return None;
        }
        let complement = rest[2..].iter().map(|w| w.len() + 1).sum::<usize>() - 1;
        if place(&name[name.len() - complement..]) {
            return None;
        }
        let end = words[..n].iter().map(|w| w.len() + 1).sum::<usize>() - 1;
        g.name(&name[..end])
            .is_some_and(|k| matches!(k.label, Label::Gpe | Label::Loc | Label::Norp))
            .then(|| &name[end + 1..])
    })
}

/// Heads whose `X <Head>` and `<Head> of X` are often two institutions ("Washington
/// University" and "University of Washington"): schools are never [`reordered`].
const SCHOOL_HEADS: &[&str] = &["University", "College", "School", "Academy", "Institute"];

/// The name `<Head> of <Field>` written the other way round, `<Field> <Head>` ("Finance
/// Ministry" for "Ministry of Finance", "Fisheries Department" for "Department
/// of Fisheries", "Appeal Court" for "Court of Appeal"), as news writes both:
/// one head word of an organisation before "of", then one to three distinctive words.
/// `None` for other names and for schools ([`SCHOOL_HEADS`]).
fn reordered(name: &str, g: &Gazetteer) -> Option<String> {
    let (head_word, field) = name.split_once(" of ")?;
    let words = field.split(' ');
    let prefix = g.org_head(head_word).prefix || g.fac_head(head_word).prefix;
    let fits = (1..=3).contains(&words.clone().count()) && words.clone().all(|w| distinctive(w, g));
    (prefix && fits && !head_word.contains(' ') && !SCHOOL_HEADS.contains(&head_word))
        .then(|| format!("{field} {head_word}"))
}

/// Notes the forms of a name built "<head phrase> of <complement>" ("Church of
/// Scientology", "Italian Supreme Court of Cassation") or "<head phrase> for …" ("Andy
/// Warhol Foundation for the Visual Arts"): the words before "of" or "for" that end in
/// its head word ("Church", "Supreme Court", "Court", "Andy Warhol Foundation"), and after
/// "of" the complement when it is made of distinctive words ("Scientology"; a field after
/// "for", "Justice", names no institution). Like every trailing form they keep their label,
/// so "England" the place never joins "Bank of England"; two names sharing one stand for
/// neither.
fn add_of_forms<'t>(
    tails: &mut HashMap<&'t str, Reading<Target>>,
    name: &'t str,
    words: &[&str],
    t: Target,
    g: &Gazetteer,
) {
    let Some(of) = words.iter().position(|w| *w == "of" || *w == "for") else {
        return;
    };
    if of == 0 || of + 1 == words.len() || !head(words[of - 1], g) {
        return;
    }
    let before_of: usize = words[..of].iter().map(|w| w.len() + 1).sum::<usize>() - 1;
    let mut start = 0;
    for w in &words[..of] {
        if !distinctive_or_head(w, g) {
            return;
        }
        // "Supreme Court" is known only as a kind of court.
        let form = &name[start..before_of];
        let usable = g
            .name(form)
            .is_none_or(|k| k.label == t.label && k.canonical == form);
        note(tails, form, t, usable);
        start += w.len() + 1;
    }
    let complement = &words[of + 1..];
    if words[of] == "of" && complement.iter().all(|w| distinctive(w, g)) {
        let form = &name[before_of + 4..];
        note(tails, form, t, g.name(form).is_none());
    }
}

/// Notes the last word of an event name whose other words only qualify it ("Paralympics"
/// for "Winter Paralympics", "Jamboree" for "Alpine Jamboree"), when that word is no head
/// word ("Cup" alone names no event) and no function word precedes it.
fn add_event_word<'t>(
    tails: &mut HashMap<&'t str, Reading<Target>>,
    name: &'t str,
    words: &[&str],
    t: Target,
    g: &Gazetteer,
) {
    let (last, rest) = words.split_last().expect("two words or more");
    if distinctive(last, g) && rest.iter().all(|w| distinctive_or_head(w, g)) {
        let form = &name[name.len() - last.len()..];
        note(tails, form, t, g.name(form).is_none());
    }
}

/// The tables' canonical name for the trailing words of full name `name` (of `label`),
/// when the words left off are capitalised names and the tables know the trailing words
/// as a name of the same label ("Home Office" in "United Kingdom Home Office"): the full
/// name is then that known name, written with its place or owner. So is a company the
/// tables know written with its legal form ("Taito Corporation" for "Taito").
fn known_tail(name: &str, label: Label, g: &Gazetteer) -> Option<&'static str> {
    if !spelled_by_initials(label) {
        return None;
    }
    if let Some(known) = incorporated_name(name, label, g) {
        return Some(known);
    }
    let words: Vec<&str> = name.split(' ').take(MAX_WORDS + 1).collect();
    if words.len() < 3 || words.len() > MAX_WORDS {
        return None;
    }
    let mut start = 0;
    for k in 1..words.len() - 1 {
        start += words[k - 1].len() + 1;
        if !words[..k].iter().all(|w| distinctive_or_head(w, g)) {
            return None;
        }
        if let Some(known) = g.name(&name[start..]).filter(|known| known.label == label) {
            return Some(known.canonical);
        }
    }
    None
}

/// The last words of a natural feature's name that say only what kind of feature the
/// words before them name ("Danube River" is the "Danube", "Gobi Desert" the "Gobi");
/// not those that name a part or the land around it ("Danube Delta", "Rhine Valley"),
/// those a town is often named with ("Niagara Falls"), nor those after a region's name
/// ("Antarctic Peninsula" and "Arctic Ocean" are not the "Antarctic" or the "Arctic").
const FEATURE_KINDS: &[&str] = &[
    "River",
    "Lake",
    "Mountains",
    "Range",
    "Desert",
    "Glacier",
    "Volcano",
    "Fjord",
];

/// The tables' canonical name for the leading words of natural feature `name` (of
/// `label`), when they know those words as a natural place ([`Label::Loc`]) and the
/// last word only says its kind ([`FEATURE_KINDS`]): "Danube River" is the tables'
/// "Danube", as they write "Gobi" for "Gobi Desert". Not a division or town the tables
/// know ("Yukon River" is no "Yukon", the territory), nor a feature the tables know by
/// its full name (that name is settled and never moved).
fn known_feature(name: &str, label: Label, g: &Gazetteer) -> Option<&'static str> {
    let (lead, kind) = name.rsplit_once(' ')?;
    if label != Label::Loc || !FEATURE_KINDS.contains(&kind) {
        return None;
    }
    g.name(lead)
        .filter(|known| known.label == Label::Loc)
        .map(|known| known.canonical)
}

/// The tables' canonical name for organisation `name` without the legal form or company
/// word it ends in ([`legal_form`]), when they know it as an organisation: "Taito" for
/// "Taito Corporation".
fn incorporated_name(name: &str, label: Label, g: &Gazetteer) -> Option<&'static str> {
    let (rest, last) = name.rsplit_once(' ')?;
    if label != Label::Org || !legal_form(last, true) {
        return None;
    }
    g.name(rest)
        .filter(|known| known.label == label)
        .map(|known| known.canonical)
}

/// Whether the mention `r` has its key from a table that knows it only as a kind of
/// name, spelled as itself: an organisation, facility or event such as "Supreme Court"
/// or "National Assembly" (no canonical name of its own, not an acronym), which a
/// document that names one in full ("Italian Supreme Court of Cassation") may mean.
fn generic_table_name(r: &Raw, g: &Gazetteer) -> bool {
    spelled_by_initials(r.label)
        && *r.key == *r.surface
        && r.surface.contains(' ')
        && g.name(r.surface)
            .is_some_and(|k| k.canonical == r.surface && k.label == r.label)
}

/// Whether the mention `r` is a head word alone that the tables read as one institution
/// of that kind ("Senate" → "United States Senate", "Congress" → "United States
/// Congress"): a document that names another one in full ("Delaware Senate", "Indian
/// National Congress") means that one, so its own document may move it, as a kind of
/// name ([`generic_table_name`]).
fn default_institution(r: &Raw, g: &Gazetteer) -> bool {
    spelled_by_initials(r.label)
        && r.settled
        && !r.surface.contains(' ')
        && *r.key != *r.surface
        && r.key.ends_with(r.surface)
        && g.org_head(r.surface).suffix
}

/// Whether `w` is a capitalised word that is no function word.
fn distinctive_or_head(w: &str, g: &Gazetteer) -> bool {
    let function = || w.len() <= g.stop_max_len() && g.is_function_word(&crate::case::lower_str(w));
    w.chars().next().is_some_and(char::is_uppercase) && !function()
}

/// Labels whose full names an acronym can stand for by its initials (a place's only
/// by a definition in parentheses: "SA" is seldom South Africa unless the text says so).
fn spelled_by_initials(label: Label) -> bool {
    matches!(label, Label::Org | Label::Fac | Label::Event)
}

/// What a form stands for when it is both a short form (`short`) and a trailing form
/// (`tail`): the usable one when both name one entity, nothing when they name two
/// ("Pellucid" in "Pellucid Media Group" and in "Friends of Pellucid").
fn combined(short: Reading<Target>, tail: Reading<Target>) -> Reading<Target> {
    match (short, tail) {
        (Reading::One(a, ua), Reading::One(b, ub)) if a == b => Reading::One(a, ua || ub),
        _ => Reading::Many,
    }
}

/// The link of each form to its full names, document by document, then over the corpus.
pub(super) struct Linker<'r, 't> {
    raws: &'r [Raw<'r>],
    text: &'t [String],
    g: &'static Gazetteer,
    /// Per mention: it may be moved (its key is not settled evidence).
    movable: Vec<bool>,
    /// Per mention: it may be moved by its own document only: a name the tables know
    /// only as a kind of name, spelled as itself ("Supreme Court", [`generic_table_name`]).
    local_only: Vec<bool>,
    /// Per mention: an acronym the tables read as another name, which its document
    /// writes only so and may read otherwise ([`Self::free_table_acronyms`]).
    table_acronym: Vec<bool>,
    /// Per mention: the person of its document a one-word PERSON name stands for,
    /// when that is not its key ([`People`]); it overrides the corpus lexicon.
    person: Vec<Option<Target>>,
    /// (document, label, key) → what the document says the key, written with that label,
    /// stands for: a form's reading depends on its label (the town "Hollins" written
    /// right after "Hollins University" is the town; "Hollins" the university after it
    /// is the university).
    local: HashMap<(usize, Label, usize), Reading<Target>>,
    /// Key → what the documents that resolve it say it stands for.
    corpus: HashMap<usize, Reading<Target>>,
    /// Initials → the full names of the corpus they spell.
    initials: HashMap<String, Reading<Target>>,
    /// The full names of the corpus, each once, for [`Self::corpus_short`].
    names: Vec<(&'t str, Label, Target)>,
    /// The short forms of the corpus's full names (any name that shares a word blocks
    /// it, wherever it is written): for a form in a document that does not name its
    /// full name ("Halvard" in an article after "Halvard Steel Group" in another).
    corpus_short: ShortForms<'t, Target>,
    /// Elementary steps (words and mentions visited).
    work: usize,
}

impl<'r: 't, 't> Linker<'r, 't> {
    /// A linker over `raws`, whose key numbers index `text`.
    pub fn new(raws: &'r [Raw<'r>], text: &'t [String], keys: &[Option<(Label, usize)>]) -> Self {
        let g = Gazetteer::get();
        let local_only: Vec<bool> = raws
            .iter()
            .zip(keys)
            .map(|(r, k)| k.is_some() && r.settled && (generic_table_name(r, g) || default_institution(r, g)))
            .collect();
        let movable = raws
            .iter()
            .zip(keys)
            .zip(&local_only)
            .map(|((r, k), &local)| match k {
                Some((_, id)) => !r.settled || (*r.key == *r.surface && acronym_shaped(&text[*id])) || local,
                None => false,
            })
            .collect();
        Linker {
            raws,
            text,
            g,
            person: vec![None; raws.len()],
            movable,
            local_only,
            table_acronym: vec![false; raws.len()],
            local: HashMap::default(),
            corpus: HashMap::default(),
            initials: HashMap::default(),
            names: Vec::new(),
            corpus_short: ShortForms::default(),
            work: 0,
        }
    }

    /// Moves every form that stands for one full name onto that name's key; returns,
    /// per mention, the mention whose key votes for its display name.
    pub fn link(mut self, keys: &mut [Option<(Label, usize)>]) -> (Vec<usize>, usize) {
        let mut start = 0;
        while start < self.raws.len() {
            let doc = self.raws[start].doc;
            let end = start + self.raws[start..].iter().take_while(|r| r.doc == doc).count();
            self.read_document(start..end, keys);
            start = end;
        }
        self.names.sort_by_key(|&(_, label, t)| (label, t.id));
        self.names.dedup_by_key(|&mut (_, label, t)| (label, t.id));
        self.work += self.corpus_short.add_names(&self.names, self.g);
        let mut shown_by: Vec<usize> = (0..self.raws.len()).collect();
        let moved = self.moved_people(keys);
        let before: Vec<Option<(Label, usize)>> = keys.to_vec();
        for i in 0..self.raws.len() {
            self.work += 1;
            let Some((label, id)) = keys[i] else { continue };
            if let Some(t) = self.person_of(i, id, &moved) {
                keys[i] = Some((t.label, t.id));
                shown_by[i] = t.shown_by;
                continue;
            }
            if !self.movable[i] {
                continue;
            }
            let doc = self.raws[i].doc;
            let t = match self.local.get(&(doc, label, id)) {
                Some(r) => r.target().map(|t| self.followed(doc, t)),
                None if self.local_only[i] => None,
                None => self.across_documents(label, id, i),
            };
            if let Some(t) = t {
                keys[i] = Some((t.label, t.id));
                shown_by[i] = t.shown_by;
            }
        }
        self.follow_moves(&before, keys, &mut shown_by);
        (shown_by, self.work)
    }

    /// Takes each mention moved onto a name of its document on to where that name's own
    /// mentions were moved (`before`: the keys before linking): a short form joins what
    /// its full name joined, in this document or by the rest of the corpus ("US Airways"
    /// after "US Airways Group", itself one with "US Airways Group Inc." of another
    /// article). Only where every mention of that name in the document went one way; a
    /// few steps at most.
    fn follow_moves(
        &mut self,
        before: &[Option<(Label, usize)>],
        keys: &mut [Option<(Label, usize)>],
        shown_by: &mut [usize],
    ) {
        // (document, label, key) → where its mentions went, with a mention that shows that
        // name (`None`: not all one way).
        type Went = Option<(Label, usize, usize)>;
        let mut went: HashMap<(usize, Label, usize), Went> = HashMap::default();
        for (i, (&was, &now)) in before.iter().zip(keys.iter()).enumerate() {
            self.work += 1;
            let (Some((label, id)), Some((to_label, to))) = (was, now) else {
                continue;
            };
            let onto = ((label, id) != (to_label, to)).then_some((to_label, to, shown_by[i]));
            let entry = went.entry((self.raws[i].doc, label, id)).or_insert(onto);
            if entry.map(|(l, k, _)| (l, k)) != onto.map(|(l, k, _)| (l, k)) {
                *entry = None;
            }
        }
        for i in 0..keys.len() {
            self.work += 1;
            if keys[i] == before[i] {
                continue;
            }
            for _ in 0..4 {
                let Some((label, id)) = keys[i] else { break };
                match went.get(&(self.raws[i].doc, label, id)).copied().flatten() {
                    Some((l, k, by)) if Some((l, k)) != keys[i] => {
                        keys[i] = Some((l, k));
                        shown_by[i] = by;
                    }
                    _ => break,
                }
            }
        }
    }

    /// The person of its document PERSON mention `i` (keyed `id`) names, when that is
    /// not its key: its own ([`People`]), else the one a mention of its key in its
    /// document names ("Cruise", keyed "Scientologist Tom Cruise" by the lexicon, is the
    /// "Tom Cruise" that name is); and a person so found who is another is that other.
    fn person_of(&self, i: usize, id: usize, moved: &HashMap<(usize, usize), Target>) -> Option<Target> {
        let t = self.person[i].or_else(|| moved.get(&(self.raws[i].doc, id)).copied())?;
        let further = self.person.get(t.shown_by).copied().flatten();
        Some(further.filter(|_| t.shown_by != i).unwrap_or(t))
    }

    /// (document, key) → the person a full name written as that key names, when that
    /// person's name is written inside it, with a word before or letters after it
    /// ("Scientologist Tom Cruise" → "Tom Cruise"; not a name without its middle name,
    /// a guess, [`Self::person_of`]); one pass over the mentions.
    fn moved_people(&mut self, keys: &[Option<(Label, usize)>]) -> HashMap<(usize, usize), Target> {
        let mut moved = HashMap::default();
        for (i, t) in self.person.iter().enumerate() {
            self.work += 1;
            let Some((Label::Person, id)) = keys[i] else {
                continue;
            };
            let name = self.text[id].as_str();
            let within = |t: &Target| {
                let inner = self.text[t.id].as_str();
                name.contains(' ') && (name.ends_with(inner) || name.starts_with(inner))
            };
            if let Some(t) = t.filter(|t| self.raws[i].surface == name && within(t)) {
                moved.entry((self.raws[i].doc, id)).or_insert(t);
            }
        }
        moved
    }

    /// The name `t` ends at in document `doc` when its own key stands for a longer name
    /// there too: an acronym defined by a form ("Coastal Farmers Party (CFP)") that is
    /// itself a trailing form of the full name ("pro-reform Coastal Farmers Party") joins
    /// the full name. A few steps at most (no cycle can hold it longer).
    fn followed(&self, doc: usize, mut t: Target) -> Target {
        for _ in 0..4 {
            match self.local.get(&(doc, t.label, t.id)).and_then(|r| r.target()) {
                Some(next) if next != t => t = next,
                _ => break,
            }
        }
        t
    }

    /// What the corpus says key `id` (of mention `i`, of `label`, which its document does
    /// not resolve) stands for: the one name other documents link it to, else the one
    /// name whose initials it spells. Only onto a name of the same label, for an acronym,
    /// or for a one-word name recognition guessed a person, onto an organisation or a
    /// facility: "Halden said" in a follow-up to an article on "Halden Shipping Group"
    /// (a person of its own document is found before, [`People`]).
    fn across_documents(&self, label: Label, id: usize, i: usize) -> Option<Target> {
        let key = self.text[id].as_str();
        let acronym = acronym_shaped(key);
        let linked = match self.corpus.get(&id) {
            Some(r) => r.target(),
            None if acronym => self
                .initials
                .get(key)
                .and_then(|r| r.target())
                .filter(|t| t.label == label),
            None => self.corpus_short.get(key),
        };
        // Only where other documents write the word alone for that name: that a name
        // begins with it is no evidence against a surname ("Navarro" cited in a paper
        // beside "Navarro College" in another).
        let guessed = label == Label::Person
            && !self.raws[i].settled
            && !key.contains(' ')
            && self.corpus.contains_key(&id);
        linked.filter(|t| {
            t.label == label
                || (acronym && label == Label::Org && spelled_by_initials(t.label))
                || (guessed && matches!(t.label, Label::Org | Label::Fac))
        })
    }

    /// Reads the mentions `range` of one document: gathers its forms, then records what
    /// each movable mention's key stands for in it.
    fn read_document(&mut self, range: std::ops::Range<usize>, keys: &[Option<(Label, usize)>]) {
        let (forms, respelt) = self.gather_forms(range.clone(), keys);
        self.resolve_in_document(&forms, &respelt, range, keys);
    }

    /// The forms the mentions `range` of one document write its names in, and the
    /// names it spells two ways that join ([`Spellings::joins`]).
    fn gather_forms(
        &mut self,
        range: std::ops::Range<usize>,
        keys: &[Option<(Label, usize)>],
    ) -> (DocForms<'t>, HashMap<(Label, usize), Target>) {
        self.free_table_acronyms(range.clone(), keys);
        let mut forms = DocForms::default();
        forms.short.events = true;
        let mut seen: HashSet<(Label, usize)> = HashSet::default();
        let mut names = Vec::new();
        let in_full = self.written_in_full(range.clone(), keys);
        for i in range.clone() {
            let Some((label, id)) = keys[i] else { continue };
            self.work += 1;
            let text: &'t str = self.text[id].as_str();
            forms.first.entry(id).or_insert(i);
            // A name the document never writes is none of its names: it neither blocks
            // nor adds forms ("Esprit", read as the tables' "Esprit Holdings", beside
            // "Esprit Orchestra").
            if self.borrowed(i, id, &in_full) {
                continue;
            }
            let t = Target {
                label,
                id,
                shown_by: i,
            };
            self.add_person(&mut forms.people, i, t);
            // A given name the tables know is no misspelt surname ("Walter", "Walters").
            let given = label == Label::Person && !text.contains(' ') && self.g.given(text).is_some();
            if !matches!(label, Label::Date | Label::Money | Label::Percent) {
                forms.spellings.add(text, t, self.raws[i].settled || given);
            }
            if let Some(acronym) = campus_acronym(text, self.g) {
                note(&mut forms.campuses, acronym, t, true);
            }
            // A head word the tables read as one institution does not write that
            // institution's name in the document ([`default_institution`]).
            let written = !default_institution(&self.raws[i], self.g);
            if text.contains(' ') && written && seen.insert((label, id)) {
                self.add_initials(&mut forms, t);
                let known = known_tail(text, label, self.g).or_else(|| known_feature(text, label, self.g));
                if let Some(known) = known.filter(|_| self.movable[i]) {
                    note(&mut forms.known_tails, known, t, true);
                }
                names.push((text, label, t));
                self.names.push((text, label, t));
            } else if camel_initials(text).is_some() && seen.insert((label, id)) {
                self.add_initials(&mut forms, t);
            }
            if self.raws[i].in_parens && i > range.start {
                self.add_definition(&mut forms, i - 1, i, keys);
                // A name recognition cut is still a name of the document: its trailing
                // forms stand for the acronym that defines it.
                if let Some(name) = self.cut_definition(i - 1, i, keys) {
                    names.push((name, label, t));
                }
            }
        }
        self.work += add_all_tails(&mut forms.tails, &mut forms.unscoped, &names, self.g);
        self.add_written_otherwise(&mut forms, &names);
        // A name that is a trailing form of another is that name, not a second one.
        names.retain(|&(name, _, t)| {
            !form_of_other(&forms.tails, name, t) && !form_of_other(&forms.unscoped, name, t)
        });
        self.work += forms.short.add_names(&names, self.g);
        self.free_guessed_people(&forms, range.clone(), keys);
        self.free_borrowed_names(&forms, range.clone(), keys, &in_full);
        if !forms.known_tails.is_empty() {
            self.join_known_tails(&forms, range.clone(), keys);
        }
        let respelt = forms.spellings.joins(&mut self.work);
        (forms, respelt)
    }

    /// Records what each movable mention of `range` stands for in its document, by the
    /// document's `forms` and the names it spells another way (`respelt`).
    fn resolve_in_document(
        &mut self,
        forms: &DocForms<'t>,
        respelt: &HashMap<(Label, usize), Target>,
        range: std::ops::Range<usize>,
        keys: &[Option<(Label, usize)>],
    ) {
        let doc = self.raws[range.start].doc;
        for i in range {
            let Some((label, id)) = keys[i] else { continue };
            if label == Label::Person && !forms.people.is_empty() {
                self.person[i] = self.person_in(forms, i, (label, id));
                if self.person[i].is_some() {
                    continue;
                }
            }
            if !self.movable[i] || self.local.contains_key(&(doc, label, id)) {
                continue;
            }
            let respelt = || respelt.get(&(label, id)).map(|&t| Reading::One(t, true));
            let Some(reading) = self.reading(forms, (label, id), i, keys).or_else(respelt) else {
                continue;
            };
            self.local.insert((doc, label, id), reading);
            let linked = reading.target().filter(|t| (t.label, t.id) != (label, id));
            if let Some(t) = linked.filter(|_| !self.local_only[i]) {
                note(&mut self.corpus, id, t, true);
            }
        }
    }

    /// The person of the document mention `i` (of key `key`) stands for, other than
    /// itself: a one-word name, or a full name spelling a given name another way.
    fn person_in(&self, forms: &DocForms<'t>, i: usize, key: (Label, usize)) -> Option<Target> {
        let surface = self.raws[i].surface;
        let person = if surface.contains(' ') {
            let name = self.text[key.1].as_str();
            let g = self.g;
            forms
                .people
                .initialled(surface)
                .or_else(|| forms.people.variant_of(name))
                .or_else(|| forms.people.described(name, |w| g.given(w).is_some()))
                .or_else(|| forms.people.without_middle(name))
                .or_else(|| forms.people.without_letters(name))
                .or_else(|| {
                    self.written_before(i, forms.people.without_given(name, |w| g.given(w).is_some()))
                })
        } else {
            let people = &forms.people;
            // A word inside a name only where the corpus lexicon left the word alone.
            let own = || self.text[key.1] == surface;
            let inside = || {
                own()
                    .then(|| people.inside(surface, |w| self.g.given(w).is_some()))
                    .flatten()
            };
            let inside = || self.written_before(i, inside());
            people
                .get(surface)
                .or_else(|| people.first_of(surface))
                .or_else(inside)
        };
        person.filter(|t| (t.label, t.id) != key)
    }

    /// Person `t` when its full name was written before mention `i`: a surname inside a
    /// name or a name without its given name shortens a name introduced before it, and
    /// a word written before is more often a relative's ("Chao" in a biography before
    /// his daughter "Rulan Chao Pian").
    fn written_before(&self, i: usize, t: Option<Target>) -> Option<Target> {
        t.filter(|t| t.shown_by < i)
    }

    /// Notes the other ways the document's full `names` are written: `<Field> <Head>`
    /// for `<Head> of <Field>` ([`reordered`], also after the place a name begins with,
    /// [`after_place_of`]) and leading words as initials ([`initials_forms`]).
    fn add_written_otherwise(&self, forms: &mut DocForms, names: &[(&str, Label, Target)]) {
        for &(name, label, t) in names {
            if label == Label::Org {
                let words: Vec<&str> = name.split(' ').collect();
                let own = after_place_of(name, &words, self.g).unwrap_or(name);
                // A name that is a trailing form of a longer one ("Ministry of Culture"
                // of "Polish Ministry of Culture") is written the other way for it.
                let of = match forms.tails.get(name) {
                    Some(&Reading::One(o, true)) => o,
                    _ => t,
                };
                if let Some(form) = reordered(own, self.g) {
                    note(&mut forms.reordered, form, of, true);
                }
            }
            if spelled_by_initials(label) {
                for form in initials_forms(name, self.g) {
                    note(&mut forms.reordered, form, t, true);
                }
            }
        }
    }

    /// What the document's forms say key `id` (of a mention of `label`) stands for: a
    /// definition first, then initials, then a short form, which may change a label only
    /// from PERSON (an unknown single name is guessed a person). `None` when they say
    /// nothing.
    fn reading(
        &mut self,
        forms: &DocForms,
        (label, id): (Label, usize),
        i: usize,
        keys: &[Option<(Label, usize)>],
    ) -> Option<Reading<Target>> {
        // A head word the tables read as one institution is looked up as written.
        let key = match default_institution(&self.raws[i], self.g) {
            true => self.raws[i].surface,
            false => self.text[id].as_str(),
        };
        if let Some(&r) = forms.defined.get(&id) {
            return Some(r);
        }
        self.work += 1;
        if self.table_acronym[i] {
            // Three letters at least: "US" or "EU" stays what the tables say.
            let surface = self.raws[i].surface;
            let spelled = (surface.chars().count() >= 3).then(|| forms.initials.get(surface));
            return spelled.flatten().copied();
        }
        // A guessed person keeps no capitals in its key ("Pgc"): its acronym is as written.
        let surface = self.raws[i].surface;
        let written = if label == Label::Person { surface } else { key };
        if acronym_shaped(written) {
            if let Some(&r) = forms.initials.get(written) {
                return Some(r);
            }
        }
        if let Some(r) = self.campus(forms, key, label) {
            return Some(r);
        }
        match self.clipped(forms, key) {
            Some(Reading::One(t, _)) if t.label == label || label == Label::Person => {
                return Some(Reading::One(t, true));
            }
            Some(Reading::Many) => return Some(Reading::Many),
            _ => {}
        }
        let short = self.short_reading(forms, (label, id), i, keys);
        // A trailing form keeps its label: "Lantern Festival" is no person; but a storm's
        // name is guessed one ([`Self::named_event`]).
        let tail = forms.tails.get(key).or_else(|| forms.reordered.get(key));
        let tail = tail.or_else(|| forms.unscoped.get(key));
        let tail = tail.map(|&r| match r {
            Reading::One(t, usable) => {
                let kept = t.label == label || self.named_event(t, label) || self.lone_head(i, key, t);
                Reading::One(t, usable && kept)
            }
            many => many,
        });
        match (short, tail) {
            (Some(s), Some(t)) => Some(combined(s, t)),
            (s, t) => s.or(t),
        }
    }

    /// What the document's short forms say key `id` (of mention `i`, of `label`) stands
    /// for ([`ShortForms`]), with the labels a short form may join.
    fn short_reading(
        &self,
        forms: &DocForms,
        (label, id): (Label, usize),
        i: usize,
        keys: &[Option<(Label, usize)>],
    ) -> Option<Reading<Target>> {
        let key = self.text[id].as_str();
        // A guessed person may be a short form of another label, though not of an event
        // or a place; so may a one-word place the tables do not know, of an organisation
        // or a facility its document names before it ("teaching at Tsinghua" after
        // "Tsinghua University"; not the town "Exeter" written before "Exeter School"),
        // and a place the tables do not know, of a river or lake named before it,
        // unless written right after that name, where a place says where the thing is
        // ("Hakim Mosque, Hakim").
        let unknown_place = matches!(label, Label::Gpe | Label::Loc) && !self.raws[i].settled;
        let one_word = !key.contains(' ');
        let first = forms.first.get(&id).copied().unwrap_or(i);
        let previous = (i > 0).then(|| keys[i - 1]).flatten().map(|(_, id)| id);
        // A name the tables know as a kind of name ("Supreme Court") joins a name it ends
        // or stands before "of" in, and itself with a legal form ("Burger King
        // Corporation"), never another name it begins: "Lok Sabha Secretariat" is a body
        // of the "Lok Sabha", "Supreme Court Building" a building of the court.
        let incorporated = |t: &Target| {
            let rest = self.text[t.id]
                .strip_prefix(key)
                .and_then(|r| r.strip_prefix(' '));
            rest.is_some_and(|w| legal_form(w, true))
        };
        let short = forms
            .short
            .knows(key)
            .filter(|r| !self.local_only[i] || matches!(r, Reading::One(t, _) if incorporated(t)));
        short.map(|r| match r {
            Reading::One(t, usable) => {
                let place = matches!(t.label, Label::Gpe | Label::Loc);
                let guessed = label == Label::Person && t.label != Label::Event && !place;
                let after = forms.first.get(&t.id).is_some_and(|&f| f < first) && previous != Some(t.id);
                // A river or lake named before: its own words are that river or lake
                // ("Vardo" after "Vardo River"), which recognition may read as a town.
                let feature = self.text[t.id]
                    .rsplit_once(' ')
                    .is_some_and(|(_, last)| natural_feature(t.label, last, self.g));
                let of_kind = (one_word && matches!(t.label, Label::Org)) || feature;
                let named_after = unknown_place && after && of_kind;
                Reading::One(t, usable && (t.label == label || guessed || named_after))
            }
            many => many,
        })
    }

    /// Whether mention `i`, written `key`, is the head word of organisation or facility
    /// `t` alone ("the Palace" after "Kyoto Imperial Palace", "the Museum" after "Museum
    /// of Army Flying") that recognition read as a place the tables do not know: a head
    /// word alone names no place of its own.
    fn lone_head(&self, i: usize, key: &str, t: Target) -> bool {
        matches!(self.raws[i].label, Label::Gpe | Label::Loc)
            && matches!(t.label, Label::Org | Label::Fac)
            && !self.raws[i].settled
            && !key.contains(' ')
            && head(key, self.g)
    }

    /// Whether a one-word name of `label` may be the name event `t` is given after its
    /// kind, a head word written first ("Katrina" for "Hurricane Katrina", "Overlord" for
    /// "Operation Overlord"): such names are given names or words, which recognition
    /// reads alone as a person.
    fn named_event(&self, t: Target, label: Label) -> bool {
        let name = self.text[t.id].as_str();
        let kind = name
            .split_once(' ')
            .map(|(kind, rest)| (kind, rest.contains(' ')));
        label == Label::Person
            && t.label == Label::Event
            && kind.is_some_and(|(kind, longer)| !longer && self.g.event_head(kind).prefix)
    }

    /// The school whose campus `key` (of a mention of `label`) names, when it is the one
    /// campus of that acronym in the document and the acronym spells the initials of one
    /// school of the document ("UC Berkeley" for "University of California"); `Many`
    /// beside a second campus of that acronym, so that no other document links it.
    fn campus(&self, forms: &DocForms, key: &str, label: Label) -> Option<Reading<Target>> {
        let acronym = campus_acronym(key, self.g)?;
        let school_of = forms.initials.get(acronym).and_then(|r| r.target())?;
        if school_of.label != label || !school(&self.text[school_of.id]) {
            return None;
        }
        match forms.campuses.get(acronym)? {
            Reading::One(..) => Some(Reading::One(school_of, true)),
            Reading::Many => Some(Reading::Many),
        }
    }

    /// The full name of the document whose words `key` clips ([`camel_parts`],
    /// [`clips`]), found by its initials: "SocGen" for "Société Générale". Two names
    /// with those initials make it ambiguous.
    fn clipped(&self, forms: &DocForms, key: &str) -> Option<Reading<Target>> {
        let parts = camel_parts(key)?;
        let caps: String = parts.iter().filter_map(|p| p.chars().next()).collect();
        match *forms.capitals.get(&caps)? {
            Reading::One(t, _) => clips(&parts, &self.text[t.id]).then_some(Reading::One(t, true)),
            Reading::Many => Some(Reading::Many),
        }
    }

    /// Moves each full name of the document whose trailing words the tables know
    /// ([`known_tail`]), or whose leading words are a natural place they know
    /// ([`known_feature`]), onto the key of a mention of that known name in the document
    /// ("United Kingdom Home Office" onto "Home Office", "Danube River" onto "Danube");
    /// the full name stays shown.
    fn join_known_tails(
        &mut self,
        forms: &DocForms,
        range: std::ops::Range<usize>,
        keys: &[Option<(Label, usize)>],
    ) {
        let doc = self.raws[range.start].doc;
        for i in range {
            self.work += 1;
            let Some((label, id)) = keys[i] else { continue };
            let known = forms.known_tails.get(self.text[id].as_str());
            let Some(full) = known.and_then(|r| r.target()).filter(|t| t.label == label) else {
                continue;
            };
            // Not where the known name is also a form of another name of the document.
            let shared = matches!(forms.tails.get(self.raws[i].surface), Some(Reading::Many));
            if !shared && !self.local.contains_key(&(doc, full.label, full.id)) {
                let onto = Target { id, ..full };
                self.local
                    .insert((doc, full.label, full.id), Reading::One(onto, true));
                note(&mut self.corpus, full.id, onto, true);
            }
        }
    }

    /// Lets the document `range` move a full name recognition guessed a person when it
    /// is the leading words of an organisation or facility the document named before it
    /// ("Kelburn International" after "Kelburn International Airport"): not where it
    /// begins with a given name the tables know, nor where its last word is written
    /// alone as a person of the document, as a person's name is ("Walt Disney Concert
    /// Hall", "Walt Disney" … "Disney said"). One pass over the document's mentions,
    /// then one lookup per such name.
    fn free_guessed_people(
        &mut self,
        forms: &DocForms,
        range: std::ops::Range<usize>,
        keys: &[Option<(Label, usize)>],
    ) {
        if forms.short.is_empty() {
            return;
        }
        let mut alone: HashSet<&str> = HashSet::default();
        for i in range.clone() {
            self.work += 1;
            let surface = self.raws[i].surface;
            if matches!(keys[i], Some((Label::Person, _))) && !surface.contains(' ') {
                alone.insert(surface);
            }
        }
        for i in range {
            let Some((Label::Person, id)) = keys[i] else {
                continue;
            };
            let name = self.text[id].as_str();
            if self.movable[i] || !self.raws[i].settled || self.raws[i].surface != name {
                continue;
            }
            let (Some((first, _)), Some((_, last))) = (name.split_once(' '), name.rsplit_once(' ')) else {
                continue;
            };
            let Some(t) = forms
                .short
                .get(name)
                .filter(|t| matches!(t.label, Label::Org | Label::Fac))
            else {
                continue;
            };
            let named_before = forms.first.get(&id).is_some_and(|&f| t.shown_by < f);
            if named_before && self.g.given(first).is_none() && !alone.contains(last) {
                self.movable[i] = true;
            }
        }
    }

    /// Lets the document `range` move an acronym the tables read as another name ("DRC",
    /// keyed "DR Congo") when it writes that key only as this one acronym: a definition
    /// in parentheses or the initials of one of its own names ("Dunmere Rail
    /// Corporation") may then say what it stands for there ([`Self::reading`]), never in
    /// another document. One pass over the document's mentions.
    fn free_table_acronyms(&mut self, range: std::ops::Range<usize>, keys: &[Option<(Label, usize)>]) {
        let mut written: HashMap<usize, Option<&str>> = HashMap::default();
        for i in range.clone() {
            let Some((_, id)) = keys[i] else { continue };
            self.work += 1;
            let s = self.raws[i].surface;
            let acronym =
                (self.raws[i].settled && !self.movable[i] && acronym_shaped(s) && s != self.text[id])
                    .then_some(s);
            written
                .entry(id)
                .and_modify(|w| {
                    if *w != acronym {
                        *w = None;
                    }
                })
                .or_insert(acronym);
        }
        for i in range {
            let Some((_, id)) = keys[i] else { continue };
            if written.get(&id).copied().flatten().is_some() {
                self.movable[i] = true;
                self.local_only[i] = true;
                self.table_acronym[i] = true;
            }
        }
    }

    /// Adds mention `i` (of `t`) to the people of its document when it is a person
    /// written in full there: a one-word name the corpus lexicon resolved says nothing
    /// of the document's people, and a name written with initials for a person named
    /// before in full is that person, not a second one sharing the surname.
    fn add_person(&self, people: &mut People<'t>, i: usize, t: Target) {
        let (text, surface) = (self.text[t.id].as_str(), self.raws[i].surface);
        if t.label == Label::Person
            && text.contains(' ')
            && surface.contains(' ')
            && people.initialled(surface).is_none()
        {
            people.add(text, t);
        }
    }

    /// The keys the mentions `range` of one document write with two words or more.
    fn written_in_full(
        &mut self,
        range: std::ops::Range<usize>,
        keys: &[Option<(Label, usize)>],
    ) -> HashSet<usize> {
        let mut full = HashSet::default();
        for i in range {
            self.work += 1;
            if let Some((_, id)) = keys[i].filter(|_| self.raws[i].surface.contains(' ')) {
                full.insert(id);
            }
        }
        full
    }

    /// Whether mention `i` (keyed `id`) is one word of an organisation, facility, event
    /// or place whose longer key the tables or the corpus lexicon chose elsewhere, a name
    /// its document never writes in full (`in_full`): "Esprit" read as the company
    /// "Esprit Holdings", or a nickname the tables give one of several teams ("Spurs"
    /// read as "Tottenham Hotspur FC"). Not an acronym, which stands for its full name
    /// wherever it is written ("CMA"), nor the head word of a name the tables read as
    /// one institution ("Senate", [`default_institution`]).
    fn borrowed(&self, i: usize, id: usize, in_full: &HashSet<usize>) -> bool {
        let r = &self.raws[i];
        let key = self.text[id].as_str();
        let begins = key
            .strip_prefix(r.surface)
            .is_some_and(|rest| rest.starts_with(' '));
        r.settled
            && !self.movable[i]
            && r.label != Label::Person
            && !r.surface.contains(' ')
            && key != r.surface
            && key.contains(' ')
            && !in_full.contains(&id)
            && (begins || !key.contains(r.surface))
            && !acronym_shaped(&r.surface.replace('.', ""))
    }

    /// Lets the document `range` move each borrowed one-word name ([`Self::borrowed`])
    /// onto the one name of the document, of its label, it is the leading words of
    /// ("Esprit" onto "Esprit Orchestra"), else the one it is a trailing form of, though
    /// the tables know that form ("Spurs" onto "San Antonio Spurs", [`add_tails`]): the
    /// document's own name is better evidence than a name chosen elsewhere. One pass
    /// over the document's mentions.
    fn free_borrowed_names(
        &mut self,
        forms: &DocForms<'t>,
        range: std::ops::Range<usize>,
        keys: &[Option<(Label, usize)>],
        in_full: &HashSet<usize>,
    ) {
        let doc = self.raws[range.start].doc;
        for i in range {
            let Some((label, id)) = keys[i] else { continue };
            self.work += 1;
            if !self.borrowed(i, id, in_full) {
                continue;
            }
            let surface = self.raws[i].surface;
            let tail = || match forms.tails.get(surface) {
                Some(&Reading::One(t, _)) => Some(t),
                _ => None,
            };
            let Some(t) = forms
                .short
                .get(surface)
                .or_else(tail)
                .filter(|t| t.label == label && t.id != id)
            else {
                continue;
            };
            self.movable[i] = true;
            self.local_only[i] = true;
            self.local.insert((doc, label, id), Reading::One(t, true));
        }
    }

    /// The name as written that acronym `b`, in parentheses after mention `a`, defines
    /// where recognition read only a part of it as another kind of name ("Tarnian" of
    /// "Tarnian People's Militia [TPM]", a nationality): the written name, when it ends in a
    /// head word and the acronym spells the initials of one of its endings (that ending:
    /// "Tarnian People's Militia" of "The Tarnian People's Militia").
    fn cut_definition(&self, a: usize, b: usize, keys: &[Option<(Label, usize)>]) -> Option<&'r str> {
        let (Some((la, _)), Some((lb, ib))) = (keys[a], keys[b]) else {
            return None;
        };
        let written = self.raws[b].parens_name?;
        let acronym = self.text[ib].as_str();
        let cut = !spelled_by_initials(la) && !matches!(la, Label::Gpe | Label::Loc);
        let last = written.rsplit(' ').next()?;
        let suffix = |h: crate::gazetteer::Heads| h.suffix;
        let headed =
            suffix(self.g.org_head(last)) || suffix(self.g.fac_head(last)) || suffix(self.g.event_head(last));
        if !(cut && spelled_by_initials(lb) && acronym_shaped(acronym) && headed) {
            return None;
        }
        endings(written).find(|e| e.contains(' ') && initials_agree(acronym, e))
    }

    /// Notes the initials of full name `t` (or the capitals of a one-word name written
    /// in camel case, [`camel_initials`]), in the document and in the corpus.
    fn add_initials(&mut self, forms: &mut DocForms<'t>, t: Target) {
        if spelled_by_initials(t.label) {
            let name = self.text[t.id].as_str();
            if name.contains(' ') {
                let capitals = name
                    .split(' ')
                    .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()));
                note(&mut forms.capitals, capitals.collect(), t, true);
            }
            let variants = match camel_initials(name) {
                Some(caps) => vec![caps],
                None => initials_variants(name, self.g),
            };
            for v in variants {
                note(&mut self.initials, v.clone(), t, true);
                note(&mut forms.initials, v, t, true);
            }
        }
    }

    /// Notes a definition in parentheses between mentions `a` and `b` (`b` written in
    /// parentheses right after `a`), when one is an acronym the other's letters spell.
    fn add_definition(&mut self, forms: &mut DocForms, a: usize, b: usize, keys: &[Option<(Label, usize)>]) {
        let (Some((la, ia)), Some((lb, ib))) = (keys[a], keys[b]) else {
            return;
        };
        let ta = Target {
            label: la,
            id: ia,
            shown_by: a,
        };
        let tb = Target {
            label: lb,
            id: ib,
            shown_by: b,
        };
        // An acronym the tables read as another name is read as written ("DRC").
        let name = |t: Target| match self.table_acronym[t.shown_by] {
            true => self.raws[t.shown_by].surface,
            false => self.text[t.id].as_str(),
        };
        // The name before the parenthesis as written, where recognition found only
        // part of it ("Guard" of "Velmoran People's Guard [VPG]").
        let widened = self.raws[b].parens_name;
        let (acronym, full) = if acronym_shaped(name(tb)) && (name(ta).contains(' ') || widened.is_some()) {
            (tb, ta)
        } else if acronym_shaped(name(ta)) && name(tb).contains(' ') {
            (ta, tb)
        } else {
            return;
        };
        // A place recognised as the first words of a longer name before the parenthesis
        // ("Isfahan" of "Isfahan Shahid Beheshti (IATA: IFN)") is not what the
        // parenthesis defines; a place ending it may be ("… Republic of Velmora (RV)").
        let written = self.raws[full.shown_by].surface;
        let place_in_name = full.label == Label::Gpe && widened.is_some_and(|w| !w.ends_with(written));
        let names_a_thing = spelled_by_initials(full.label) || (full.label == Label::Gpe && !place_in_name);
        // The letters may be those of the full name as written ("M5S" for "Movimento 5
        // Stelle", whose tables' name is English), in another order (an acronym of the
        // name in its own language), or those of the widened name.
        let acr = name(acronym);
        let agree = |n: &str| spells(acr, n) || initials_agree(acr, n);
        let widened_agrees = || {
            widened
                .filter(|_| full == ta)
                .is_some_and(|w| endings(w).any(|e| initials_agree(acr, e)))
        };
        // An acronym the tables do not know, in parentheses right after an organisation's,
        // facility's or event's name of two words or more, whose letters are another
        // language's ("Norwegian State Railways (NSB)", "Insurance Institute (INSIG)"),
        // unless it spells another name of the document or the tables know it ("Profile
        // Records (US)" says where the label is).
        let other_name = forms.initials.get(acr).is_some_and(|r| r.target() != Some(full));
        let foreign = full == ta
            && spelled_by_initials(full.label)
            && self.movable[acronym.shown_by]
            && self.g.name(acr).is_none()
            && name(full).contains(' ')
            && !other_name;
        if !names_a_thing || !(agree(name(full)) || agree(written) || widened_agrees() || foreign) {
            return;
        }
        // The acronym joins the full name; a full name joins an acronym the tables know.
        // Either way the full name is shown.
        let (from, onto) = if self.movable[acronym.shown_by] {
            (acronym, full)
        } else {
            (
                full,
                Target {
                    shown_by: full.shown_by,
                    ..acronym
                },
            )
        };
        note(&mut forms.defined, from.id, onto, true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_are_short_runs_of_mostly_capital_letters() {
        for yes in ["NATO", "BoE", "UK", "AIIB", "P4C"] {
            assert!(acronym_shaped(yes), "{yes}");
        }
        for no in ["Nato", "A", "U.K.", "G20", "McDonald", "ABCDEFGHIJK"] {
            assert!(!acronym_shaped(no), "{no}");
        }
    }

    #[test]
    fn acronym_shape_in_one_pass_is_the_definition() {
        // The definition as the doc comment states it, counted over the whole string.
        let defined = |s: &str| {
            let n = s.chars().count();
            let upper = s.chars().filter(|c| c.is_uppercase()).count();
            (2..=10).contains(&n)
                && s.chars().all(|c| c.is_alphabetic() || c.is_ascii_digit())
                && s.chars().next().is_some_and(char::is_uppercase)
                && upper >= 2
                && 2 * upper >= n
        };
        // Every string of up to four characters from a small alphabet, and longer ones
        // around the ten-character bound.
        let alphabet = ['A', 'b', '7', ' ', 'É', 'ß', 'Ⅻ', '.'];
        let mut strings = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = (strings.iter())
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            strings.extend(longer);
        }
        for n in 8..=12 {
            strings.push("AB".repeat(n / 2) + &"C".repeat(n % 2));
            strings.push("AbC".repeat(n / 3) + "D");
        }
        for s in &strings {
            assert_eq!(acronym_shaped(s), defined(s), "{s:?}");
        }
    }

    #[test]
    fn a_camel_case_name_is_shortened_to_its_capitals() {
        assert_eq!(camel_initials("LibriVox").as_deref(), Some("LV"));
        assert_eq!(camel_initials("PayPal").as_deref(), Some("PP"));
        assert_eq!(camel_initials("SoundCloud").as_deref(), Some("SC"));
        for no in [
            "McDonald", "DeLuca", "NATO", "BoE", "Librivox", "iPhone", "TikT", "O'Neill",
        ] {
            assert_eq!(camel_initials(no), None, "{no}");
        }
    }

    #[test]
    fn initials_are_read_with_and_without_small_words_and_hyphen_parts() {
        let g = Gazetteer::get();
        let v = initials_variants("Council for Scientific and Industrial Re-search", g);
        assert!(v.contains(&"CSIR".to_string()), "{v:?}");
        assert!(v.contains(&"CSIRS".to_string()), "{v:?}");
        assert!(v.contains(&"CfSaIR".to_string()), "{v:?}");
        assert!(v.contains(&"CFSAIR".to_string()), "{v:?}");
    }

    #[test]
    fn a_name_clipped_in_camel_case_begins_each_word_of_its_full_name() {
        assert_eq!(camel_parts("SocGen"), Some(vec!["Soc", "Gen"]));
        assert_eq!(camel_parts("FedEx"), Some(vec!["Fed", "Ex"]));
        for no in ["Velmora", "NATO", "BoE", "iPhone", "O'Neill", "Soc-Gen"] {
            assert_eq!(camel_parts(no), None, "{no}");
        }
        assert!(clips(&["Soc", "Gen"], "Société Générale"));
        assert!(clips(&["Nor", "Cast"], "Nordic Casting"));
        assert!(clips(&["Nor", "Cast"], "Nordic of Casting"), "small words aside");
        assert!(!clips(&["Nor", "Cast"], "Northern Coastal"));
        assert!(
            !clips(&["Nor", "Cast"], "Nordic Casting Group"),
            "a word left over"
        );
    }

    #[test]
    fn a_definition_spells_its_acronym_in_order_from_the_first_letter() {
        assert!(spells("KFG", "Kiwi Fruit Growers Cooperative"));
        assert!(spells("ISIS", "Islamic State"));
        assert!(!spells("NYSE", "Tidewater Ferry Service"));
        assert!(!spells("FK", "Kiwi Fruit"));
    }

    #[test]
    fn short_forms_are_the_distinctive_leading_words_of_one_name() {
        let g = Gazetteer::get();
        let mut f: ShortForms<u8> = ShortForms::default();
        f.add_names(
            &[
                ("Corvina Shipping Company", Label::Org, 1),
                ("Bank of Ruritania", Label::Org, 2),
                ("Irving Police Department", Label::Org, 3),
                ("Marlin Cup", Label::Event, 4),
                ("Corvina Shipping", Label::Org, 6),
            ],
            g,
        );
        assert_eq!(f.get("Corvina"), Some(1));
        assert_eq!(f.get("Corvina Shipping"), Some(1));
        assert_eq!(f.get("Corvina Shipping Company"), None);
        assert_eq!(f.get("Bank"), None);
        assert_eq!(f.get("Irving"), None, "a second head: the place the police serve");
        assert_eq!(
            f.get("Marlin"),
            None,
            "an event's first word may name its organiser"
        );
        let mut linking: ShortForms<u8> = ShortForms {
            events: true,
            ..ShortForms::default()
        };
        linking.add_names(&[("Marlin Cup", Label::Event, 4)], g);
        assert_eq!(linking.get("Marlin"), Some(4), "where the label agrees (Linker)");
        f.add_names(&[("Corvina Mining Group", Label::Org, 5)], g);
        assert_eq!(f.get("Corvina"), None);
    }

    #[test]
    fn a_facility_named_after_its_city_is_shortened_to_its_own_name() {
        let g = Gazetteer::get();
        let mut f: ShortForms<u8> = ShortForms::default();
        f.add_names(
            &[
                ("London Kestrelmoor Airport", Label::Fac, 1),
                ("Paris Ostraval International Airport", Label::Fac, 2),
                ("London Vellum Exchange", Label::Org, 3),
            ],
            g,
        );
        assert_eq!(f.get("Kestrelmoor"), Some(1));
        assert_eq!(f.get("Ostraval"), Some(2));
        assert_eq!(f.get("London"), None, "the city stays the city");
        assert_eq!(f.get("Vellum"), None, "an organisation's words after its city");
        f.add_names(&[("Kestrelmoor Rail Station", Label::Fac, 4)], g);
        assert_eq!(f.get("Kestrelmoor"), None, "two facilities share the word");
    }
}
