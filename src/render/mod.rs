//! Renderers: each walks the typed [`crate::model::Plan`] and writes one output.

pub mod html;
pub mod pdf;
