//! A publisher's curation of the entities: merge, split, rename, relabel or ignore.
//!
//! The curation lives in `entities.toml` in the corpus folder. It is parsed natively (the
//! CLI, the app's build script) with the `fs` feature; the app receives the plain
//! [`Curation`] value as generated Rust code, so no TOML parser ships in the browser.
//!
//! ```toml
//! # Merge surface forms or entities into one, renaming and relabelling it.
//! [[entity]]
//! canonical = "Li Mingjiang"
//! label = "PERSON"          # optional: relabel
//! aliases = ["Lee"]         # surface forms or canonical names to merge in
//!
//! # Take the mentions written exactly so out of their entity.
//! [[split]]
//! text = "Washington"
//! canonical = "Washington State"
//! label = "GPE"
//!
//! # Drop mentions written so, or every mention of the entity with this name.
//! [[ignore]]
//! text = "Stringer"
//! ```

use crate::label::Label;

/// The curation file's name in a corpus folder.
pub const CURATION_FILE: &str = "entities.toml";

/// Curation rules, applied after alias grouping: ignores, then splits, then merges.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Curation {
    /// Entities to build from surface forms or other entities.
    pub entities: Vec<CuratedEntity>,
    /// Surface forms taken out of their entity.
    pub splits: Vec<Split>,
    /// Surface forms or canonical names whose mentions are dropped.
    pub ignore: Vec<String>,
}

/// `[[entity]]`: one entity made of these names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CuratedEntity {
    /// The canonical name to show.
    pub canonical: String,
    /// A label that replaces the recognised one.
    pub label: Option<Label>,
    /// Surface forms or canonical names whose mentions belong to this entity.
    pub aliases: Vec<String>,
}

/// `[[split]]`: mentions written exactly `text` become their own entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// The surface form, as written in the text.
    pub text: String,
    /// The canonical name of the new entity.
    pub canonical: String,
    /// Its label, when different.
    pub label: Option<Label>,
}

impl Curation {
    /// Whether there is nothing to apply.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty() && self.splits.is_empty() && self.ignore.is_empty()
    }
}

#[cfg(feature = "fs")]
pub use load::{load_curation, parse_curation, CurationError};

#[cfg(feature = "fs")]
mod load {
    use super::*;
    use std::fmt;
    use std::path::{Path, PathBuf};

    /// A curation file that cannot be used: which file, which line, why.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct CurationError {
        /// The file.
        pub path: PathBuf,
        /// The 1-based line at fault, where known.
        pub line: Option<usize>,
        /// What is wrong.
        pub message: String,
    }

    impl fmt::Display for CurationError {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "{}", self.path.display())?;
            if let Some(l) = self.line {
                write!(f, ":{l}")?;
            }
            write!(f, ": {}", self.message)
        }
    }

    impl std::error::Error for CurationError {}

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct File {
        #[serde(default)]
        entity: Vec<toml::Spanned<EntityEntry>>,
        #[serde(default)]
        split: Vec<toml::Spanned<SplitEntry>>,
        #[serde(default)]
        ignore: Vec<toml::Spanned<IgnoreEntry>>,
    }

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct EntityEntry {
        canonical: String,
        label: Option<String>,
        #[serde(default)]
        aliases: Vec<String>,
    }

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct SplitEntry {
        text: String,
        canonical: String,
        label: Option<String>,
    }

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct IgnoreEntry {
        text: String,
    }

    /// Parses curation TOML; errors carry the 1-based line.
    pub fn parse_curation(text: &str) -> Result<Curation, (Option<usize>, String)> {
        let line_of = |offset: usize| 1 + text[..offset.min(text.len())].matches('\n').count();
        let file: File = toml::from_str(text)
            .map_err(|e| (e.span().map(|s| line_of(s.start)), e.message().trim().to_string()))?;
        let label = |l: Option<String>, at: usize| -> Result<Option<Label>, (Option<usize>, String)> {
            match l {
                None => Ok(None),
                Some(code) => Label::from_code(&code).map(Some).ok_or_else(|| {
                    let all: Vec<&str> = Label::ALL.iter().map(|l| l.code()).collect();
                    (
                        Some(at),
                        format!("unknown label {code:?} (expected one of {})", all.join(", ")),
                    )
                }),
            }
        };
        let nonempty = |s: &str, what: &str, at: usize| -> Result<(), (Option<usize>, String)> {
            if s.trim().is_empty() {
                Err((Some(at), format!("{what} must not be empty")))
            } else {
                Ok(())
            }
        };
        let mut c = Curation::default();
        for e in file.entity {
            let at = line_of(e.span().start);
            let e = e.into_inner();
            nonempty(&e.canonical, "canonical", at)?;
            for a in &e.aliases {
                nonempty(a, "an alias", at)?;
            }
            c.entities.push(CuratedEntity {
                canonical: e.canonical,
                label: label(e.label, at)?,
                aliases: e.aliases,
            });
        }
        for s in file.split {
            let at = line_of(s.span().start);
            let s = s.into_inner();
            nonempty(&s.text, "text", at)?;
            nonempty(&s.canonical, "canonical", at)?;
            c.splits.push(Split {
                text: s.text,
                canonical: s.canonical,
                label: label(s.label, at)?,
            });
        }
        for i in file.ignore {
            let at = line_of(i.span().start);
            let i = i.into_inner();
            nonempty(&i.text, "text", at)?;
            c.ignore.push(i.text);
        }
        Ok(c)
    }

    /// Loads `dir/entities.toml`; no file is an empty curation.
    pub fn load_curation(dir: &Path) -> Result<Curation, CurationError> {
        let path = dir.join(CURATION_FILE);
        if !path.is_file() {
            return Ok(Curation::default());
        }
        let text = std::fs::read_to_string(&path).map_err(|e| CurationError {
            path: path.clone(),
            line: None,
            message: format!("cannot read: {e}"),
        })?;
        parse_curation(&text).map_err(|(line, message)| CurationError { path, line, message })
    }
}

#[cfg(all(test, feature = "fs"))]
mod tests {
    use super::*;

    #[test]
    fn a_curation_file_parses_into_plain_rules() {
        let c = parse_curation(
            "[[entity]]\ncanonical = \"Li Mingjiang\"\nlabel = \"PERSON\"\naliases = [\"Lee\"]\n\n[[split]]\ntext = \"Washington\"\ncanonical = \"Washington State\"\n\n[[ignore]]\ntext = \"Stringer\"\n",
        )
        .unwrap();
        assert_eq!(c.entities[0].label, Some(Label::Person));
        assert_eq!(c.splits[0].canonical, "Washington State");
        assert_eq!(c.ignore, ["Stringer"]);
    }

    #[test]
    fn a_bad_label_names_its_line() {
        let e = parse_curation("\n[[entity]]\ncanonical = \"X\"\nlabel = \"PERSONN\"\n").unwrap_err();
        assert_eq!(e.0, Some(2));
        assert!(e.1.contains("PERSONN"), "{}", e.1);
    }

    #[test]
    fn an_unknown_field_names_its_line() {
        let e = parse_curation("[[entity]]\ncanonical = \"X\"\nalias = [\"Y\"]\n").unwrap_err();
        assert_eq!(e.0, Some(3), "{e:?}");
    }

    #[test]
    fn an_empty_canonical_is_an_error() {
        let e = parse_curation("[[split]]\ntext = \"A\"\ncanonical = \" \"\n").unwrap_err();
        assert_eq!(e.0, Some(1));
    }
}
