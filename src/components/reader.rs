//! The reader: one article's title and paragraphs.

use crate::app::Navigator;
use crate::data::data;
use crate::url::ViewState;
use leptos::prelude::*;

/// The open article, or a short guide when none is open.
#[component]
pub fn Reader() -> impl IntoView {
    let nav = expect_context::<Navigator>();
    let corpus = &data().corpus;
    move || match nav.state.get().doc.and_then(|f| corpus.get(&f)) {
        None => view! {
            <section class="welcome">
                <h1>"Dossier"</h1>
                <p>{format!("{} articles. Choose one to read it, or search.", corpus.documents.len())}</p>
            </section>
        }
        .into_any(),
        Some(doc) => {
            let close = nav.href(&ViewState {
                doc: None,
                ..nav.state.get_untracked()
            });
            let meta = [
                doc.meta.source.clone(),
                doc.meta.published.map(|d| d.to_string()),
                doc.meta.covers.clone(),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
            view! {
                <article class="reader" aria-labelledby="article-title">
                    <a class="close" href=close>"← All articles"</a>
                    <h1 id="article-title">{doc.title.clone()}</h1>
                    <p class="meta">{meta}</p>
                    {(0..doc.paragraphs.len()).map(|i| view! { <p>{doc.paragraph(i).to_string()}</p> }).collect_view()}
                </article>
            }
            .into_any()
        }
    }
}
