//! The one allow-list of link schemes: every address a plan can carry
//! (Markdown links and images, goal `links`, `base_url`) is read here, the
//! way a browser would read it, before the site or the PDF sees it.

use crate::diagnostic::LinkProblem;

/// The schemes a published plan may link to. Anything else — `javascript:`,
/// `data:`, `vbscript:`, `file:` — is refused.
pub const SCHEMES: [&str; 4] = ["https", "http", "mailto", "tel"];

/// What an address is, read as a browser reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Address {
    /// No scheme: a path (another section, a file, an anchor).
    Relative,
    /// One of [`SCHEMES`], in lower case.
    Allowed(&'static str),
    /// A scheme not on the list, in lower case as written.
    Refused(String),
    /// A control character (a tab, a line break, U+0000 …): browsers drop
    /// some of them silently, so `java<TAB>script:` would run.
    Control(char),
}

impl Address {
    pub fn of(url: &str) -> Address {
        if let Some(c) = url.chars().find(|c| c.is_control()) {
            return Address::Control(c);
        }
        // Browsers ignore leading and trailing spaces.
        let url = url.trim_matches(' ');
        let Some((scheme, _)) = url.split_once(':') else {
            return Address::Relative;
        };
        // A `:` after a `/`, `?` or `#` is inside a path, not a scheme.
        let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        if !is_scheme {
            return Address::Relative;
        }
        let lower = scheme.to_ascii_lowercase();
        match SCHEMES.iter().find(|s| **s == lower) {
            Some(s) => Address::Allowed(s),
            None => Address::Refused(lower),
        }
    }

    /// Why the address may not be published, or `None` when it may.
    pub fn problem(&self) -> Option<LinkProblem> {
        match self {
            Address::Relative | Address::Allowed(_) => None,
            Address::Refused(scheme) => Some(LinkProblem::Scheme(scheme.clone())),
            Address::Control(c) => Some(LinkProblem::Control(*c)),
        }
    }
}

/// The problem with `url` as the site's own address (`base_url`), if any:
/// it must be `https://` or `http://` with a host, and hold nothing a page
/// would have to escape.
pub fn base_url_problem(url: &str) -> Option<&'static str> {
    let rest = match Address::of(url) {
        Address::Allowed("https" | "http") => url.split_once("://").map(|(_, r)| r),
        _ => None,
    };
    let Some(rest) = rest else {
        return Some("it does not start with https:// or http://");
    };
    if rest.is_empty() || rest.starts_with('/') {
        return Some("it names no host");
    }
    if url.chars().any(|c| {
        c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`')
    }) {
        return Some("it holds a space, a quote, `<`, `>` or a backslash");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_are_read_as_a_browser_reads_them() {
        assert_eq!(Address::of("https://x.dk/"), Address::Allowed("https"));
        assert_eq!(Address::of("MAILTO:a@x.dk"), Address::Allowed("mailto"));
        assert_eq!(
            Address::of(" javascript:alert(1)"),
            Address::Refused("javascript".into())
        );
        assert_eq!(
            Address::of("javascript://%0aalert(1)"),
            Address::Refused("javascript".into())
        );
        assert_eq!(Address::of("java\tscript:x"), Address::Control('\t'));
        assert_eq!(Address::of("04-unge.md#maal"), Address::Relative);
        assert_eq!(Address::of("assets/kort:2.png"), Address::Relative);
        assert_eq!(Address::of("./a:b"), Address::Relative);
        assert_eq!(Address::of("#a:b"), Address::Relative);
        assert_eq!(Address::of("C:\\x"), Address::Refused("c".into()));
    }

    #[test]
    fn a_base_url_is_a_web_address_with_a_host() {
        assert_eq!(base_url_problem("https://plan.x.dk/"), None);
        assert!(base_url_problem("https://").is_some());
        assert!(base_url_problem("https:///x").is_some());
        assert!(base_url_problem("javascript:alert(1)//https://x").is_some());
        assert!(base_url_problem("https://x.dk/\"><script>").is_some());
    }
}
