//! The app's components, one per file.

pub mod article_list;
pub mod reader;
pub mod search_box;
