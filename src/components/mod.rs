//! The app's components, one per file.

pub mod entity_panel;
pub mod export_menu;
pub mod filter_bar;
pub mod hover_card;
pub mod mentions;
pub mod reader;
pub mod results_list;
pub mod search_box;
pub mod topbar;
pub mod view_tabs;
