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

// The data model and what reads it: in every build, the browser's included.
pub mod case;
pub mod corpus;
pub mod date;
pub mod export;
pub mod hash;
pub mod index;
pub mod label;
pub mod model;
pub mod order;
pub mod page;
pub mod part;
pub mod query;
pub mod site;
pub mod timeline;

// The analysis engine (feature `engine`): recognition, world knowledge, alias grouping,
// zones, date resolution. Run at build time and in the on-demand worker, never in the
// page's main wasm.
#[cfg(feature = "engine")]
pub mod alias;
#[cfg(feature = "engine")]
pub mod analysis;
#[cfg(feature = "engine")]
pub mod curation;
#[cfg(feature = "engine")]
pub mod decide;
#[cfg(feature = "engine")]
pub mod duration;
#[cfg(feature = "engine")]
pub mod gazetteer;
#[cfg(feature = "engine")]
pub mod normal;
#[cfg(feature = "engine")]
pub mod quotes;
#[cfg(feature = "engine")]
pub mod recognise;
#[cfg(feature = "engine")]
pub mod resolve;
#[cfg(feature = "engine")]
pub mod shape;
#[cfg(feature = "engine")]
mod short_forms;
#[cfg(all(test, feature = "engine"))]
mod test_support;
#[cfg(feature = "engine")]
pub mod text;
#[cfg(feature = "engine")]
pub mod value_key;
#[cfg(feature = "engine")]
pub mod values;
#[cfg(feature = "engine")]
pub mod zone;

#[cfg(feature = "engine")]
pub use analysis::{analyse, analyse_with};
#[cfg(feature = "engine")]
pub use curation::Curation;
pub use label::Label;
pub use model::{Analysis, Entity, Mention, Quote, QuoteKind, Zone};
