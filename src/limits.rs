//! The bounds planpress holds a plan to, in one place, so the rules, the
//! messages and the README's Security section state the same numbers.
//!
//! Each keeps a hostile or unlucky file from costing unbounded stack, memory
//! or time, or from printing something other than what the author wrote.

/// The largest magnitude a figure may have: every number below it prints
/// exactly in the site, the PDF and goals.csv (it is well inside the 2^53
/// up to which a float holds every whole number).
pub const MAX_NUMBER: f64 = 1e15;

/// The most decimals a figure is printed with.
pub const MAX_DECIMALS: usize = 6;

/// How deeply block quotes and lists (and, separately, emphasis, links and
/// images inside a paragraph) may nest in a section's text.
pub const MAX_MARKDOWN_DEPTH: usize = 32;

/// How deeply lists and mappings may nest in YAML.
pub const MAX_YAML_DEPTH: usize = 32;

/// The most YAML values (scalars, lists, mappings) one file may hold.
pub const MAX_YAML_NODES: usize = 1_000_000;

/// The most bytes of text one YAML file may hold in its values.
pub const MAX_YAML_TEXT: usize = 64 * 1024 * 1024;

/// The largest text file (plan.yaml, a section) planpress reads.
pub const MAX_TEXT_FILE: u64 = 64 * 1024 * 1024;

/// The longest file name planpress makes from a title or a file name
/// (without its extension): well inside every file system's 255 bytes.
pub const MAX_FILE_STEM: usize = 80;

/// The largest image file planpress reads.
pub const MAX_IMAGE_FILE: u64 = 64 * 1024 * 1024;

/// The most pixels an image may have (50 megapixels, a large photograph):
/// a small file that claims more would cost gigabytes to decode.
pub const MAX_IMAGE_PIXELS: u64 = 50_000_000;

/// How deeply an SVG image's elements may nest.
pub const MAX_SVG_DEPTH: usize = 128;
