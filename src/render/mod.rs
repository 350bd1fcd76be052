//! Renderers: each walks the typed [`crate::model::Plan`] and writes one output.

pub mod pdf;
