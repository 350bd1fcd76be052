//! Renderers: each walks the typed [`crate::model::Plan`].

pub mod html;
