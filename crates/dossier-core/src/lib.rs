//! Dossier's analysis core: everything Dossier knows about a corpus of news articles,
//! with no browser dependency. It builds and is tested natively and for `wasm32`.
//!
//! The pipeline: a [`corpus::Corpus`] of documents (title + paragraphs, text kept
//! unchanged so offsets point into the original files) is analysed into zones,
//! sentences, entity mentions and entities with their aliases; the index and query
//! modules answer the explorer's filters and searches.
//!
//! ```
//! use dossier_core::corpus::{Corpus, Document, Meta};
//!
//! let doc = Document::new("a.txt", "Putin meets Xi\n\nMr. Putin arrived in Beijing.", Meta::default()).unwrap();
//! let corpus = Corpus::new(vec![doc]);
//! assert_eq!(corpus.documents[0].title, "Putin meets Xi");
//! assert_eq!(corpus.documents[0].word_count(), 5);
//! ```

pub mod alias;
pub mod analysis;
pub mod case;
pub mod corpus;
pub mod curation;
pub mod date;
pub mod export;
pub mod gazetteer;
pub mod index;
pub mod label;
pub mod order;
pub mod page;
pub mod query;
pub mod recognise;
pub mod text;
pub mod timeline;
pub mod values;
pub mod zone;

pub use analysis::{analyse, analyse_with, Analysis, Entity, Mention, Zone};
pub use curation::Curation;
pub use label::Label;
