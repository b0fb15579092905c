//! Dossier's web app: turns the analysis core's plain data into views.
//!
//! The page carries the corpus and its analysis, made once at build time (`dossier
//! page`); the app reads them once at start-up ([`data`]) and never runs the recogniser
//! on them. The URL's query string is the single source of truth for the view.

pub mod app;
pub mod components;
pub mod data;
pub mod dom;
pub mod fatal;
pub mod focus;
pub mod keys;
pub mod own;
pub mod quoted;
pub mod results;
pub mod seen;
pub mod theme;
pub mod url;
pub mod wording;

pub use app::App;
