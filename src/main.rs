//! The Dossier web app's entry point: install the panic hook, read the page's corpus and
//! its analysis, and mount the app.

fn main() {
    dossier_app::fatal::install_panic_hook();
    dossier_app::data::load(dossier_app::app::mount);
}
