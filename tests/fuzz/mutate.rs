//! Mutations of the example plan: each case is the repository's plan with a
//! few changes drawn from a seeded generator, so a case number and a seed
//! always make the same plan.

use std::collections::BTreeMap;
use std::path::Path;

/// SplitMix64: small, fast and good enough to pick mutations; seeded per
/// case so any case can be made again on its own.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64, case: u64) -> Rng {
        let mut rng = Rng(seed ^ case.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        rng.next();
        rng
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
}

/// A plan as files: path relative to the plan folder → bytes.
pub type Files = BTreeMap<String, Vec<u8>>;

/// Reads the plan in `root` (plan.yaml and content/).
pub fn read_plan(root: &Path) -> Files {
    let mut files = Files::new();
    files.insert(
        "plan.yaml".into(),
        std::fs::read(root.join("plan.yaml")).expect("plan.yaml"),
    );
    fn walk(root: &Path, dir: &Path, files: &mut Files) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .expect("read content")
            .flatten()
            .collect();
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            let path = e.path();
            if path.is_dir() {
                walk(root, &path, files);
            } else {
                let rel = path
                    .strip_prefix(root)
                    .expect("inside")
                    .to_string_lossy()
                    .replace('\\', "/");
                files.insert(rel, std::fs::read(&path).expect("read file"));
            }
        }
    }
    walk(root, &root.join("content"), &mut files);
    files
}

/// What a case does besides its files.
#[derive(Default)]
pub struct Extras {
    /// Links to make: (link path relative to the plan folder, target).
    pub symlinks: Vec<(String, String)>,
}

/// Applies 1–4 mutations to `files`; returns what was done, for the report.
/// `secret` is an absolute path outside the plan folder that nothing may
/// publish.
pub fn mutate(rng: &mut Rng, files: &mut Files, secret: &str, extras: &mut Extras) -> Vec<String> {
    let mut done = Vec::new();
    for _ in 0..=rng.below(4) {
        let names: Vec<String> = files.keys().cloned().collect();
        let text_names: Vec<&String> = names
            .iter()
            .filter(|n| n.ends_with(".md") || n.ends_with(".yaml"))
            .collect();
        let name = (*rng.pick(&text_names)).clone();
        let kind = rng.below(12);
        let bytes = files.get_mut(&name).expect("file");
        let what = match kind {
            0 => flip_bytes(rng, bytes),
            1 => lines(rng, bytes),
            2 => indentation(rng, bytes),
            3 | 4 => numbers(rng, bytes),
            5 => unicode(rng, bytes),
            6 => nesting(rng, bytes),
            7 => links(rng, bytes, secret),
            8 => yaml_shapes(rng, bytes),
            9 => {
                let assets: Vec<&String> =
                    names.iter().filter(|n| n.contains("/assets/")).collect();
                if assets.is_empty() {
                    continue;
                }
                let asset = (*rng.pick(&assets)).clone();
                let what = flip_bytes(rng, files.get_mut(&asset).expect("asset"));
                format!("{asset}: {what}")
            }
            10 => {
                // A link into or out of content/, named from a section.
                let target = rng
                    .pick(&[
                        secret,
                        "../../../..",
                        "logo.svg",
                        "spor.svg",
                        "nowhere.png",
                        ".",
                    ])
                    .to_string();
                let link = format!("content/assets/link{}.svg", rng.below(3));
                extras.symlinks.push((link.clone(), target.clone()));
                let line = format!("\n![Et link]({})\n", link.trim_start_matches("content/"));
                insert_at_line(rng, bytes, line.as_bytes());
                format!("symlink {link} -> {target}")
            }
            _ => plan_fields(rng, files, secret),
        };
        done.push(if kind == 9 || kind == 10 || kind == 11 {
            what
        } else {
            format!("{name}: {what}")
        });
    }
    done
}

fn flip_bytes(rng: &mut Rng, bytes: &mut Vec<u8>) -> String {
    if bytes.is_empty() {
        bytes.push(b'x');
    }
    let n = 1 + rng.below(8);
    for _ in 0..n {
        let at = rng.below(bytes.len());
        match rng.below(4) {
            0 => bytes[at] ^= 1 << rng.below(8),
            1 => bytes.insert(at, rng.next() as u8),
            2 => {
                bytes.remove(at);
                if bytes.is_empty() {
                    bytes.push(b'\n');
                }
            }
            _ => bytes.truncate(at.max(1)),
        }
    }
    format!("{n} byte changes")
}

fn split_lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes
        .split_inclusive(|&b| b == b'\n')
        .map(<[u8]>::to_vec)
        .collect()
}

fn lines(rng: &mut Rng, bytes: &mut Vec<u8>) -> String {
    let mut lines = split_lines(bytes);
    if lines.len() < 2 {
        return "too short for line changes".into();
    }
    let (a, b) = (rng.below(lines.len()), rng.below(lines.len()));
    let what = match rng.below(4) {
        0 => {
            lines.remove(a);
            format!("deleted line {}", a + 1)
        }
        1 => {
            let copy = lines[a].clone();
            for _ in 0..=rng.below(3) {
                lines.insert(b, copy.clone());
            }
            format!("copied line {} to {}", a + 1, b + 1)
        }
        2 => {
            lines.swap(a, b);
            format!("swapped lines {} and {}", a + 1, b + 1)
        }
        _ => {
            let line = lines.remove(a);
            lines.insert(b.min(lines.len()), line);
            format!("moved line {} to {}", a + 1, b + 1)
        }
    };
    *bytes = lines.concat();
    what
}

fn indentation(rng: &mut Rng, bytes: &mut Vec<u8>) -> String {
    let mut lines = split_lines(bytes);
    if lines.is_empty() {
        return "empty".into();
    }
    let at = rng.below(lines.len());
    let what = match rng.below(3) {
        0 => {
            let n = 1 + rng.below(6);
            lines[at].splice(0..0, std::iter::repeat_n(b' ', n));
            format!("indented line {} by {n}", at + 1)
        }
        1 => {
            lines[at].insert(0, b'\t');
            format!("tab before line {}", at + 1)
        }
        _ => {
            let spaces = lines[at].iter().take_while(|&&b| b == b' ').count();
            lines[at].drain(..spaces.min(1 + rng.below(4)));
            format!("dedented line {}", at + 1)
        }
    };
    *bytes = lines.concat();
    what
}

const NUMBERS: &[&str] = &[
    "0",
    "-1",
    "-0",
    "1e308",
    "1.7976931348623157e308",
    "-1.7e308",
    "9007199254740993",
    "999999999999999",
    "999999999999999.5",
    "999999999999999.625",
    "1e15",
    "1e-320",
    "5e-324",
    "0.1234567",
    "12.345678",
    ".nan",
    ".inf",
    "-.inf",
    "NaN",
    "2147483648",
    "-2147483649",
    "9223372036854775808",
    "99999999999999999999999999999",
    "0x10",
    "0o17",
    "1_000",
    "1,5",
    "14,6 %",
    "2025",
    "\"2025\"",
    "1989",
    "2101",
    "~",
    "null",
    "[]",
    "{}",
];

fn numbers(rng: &mut Rng, bytes: &mut Vec<u8>) -> String {
    let text = String::from_utf8_lossy(bytes).into_owned();
    // Byte spans of runs of digits.
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_ascii_digit(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if spans.is_empty() {
        return "no numbers".into();
    }
    let span = rng.pick(&spans).clone();
    let new = *rng.pick(NUMBERS);
    let old = text[span.clone()].to_string();
    let mut text = text;
    text.replace_range(span, new);
    *bytes = text.into_bytes();
    format!("number {old} -> {new}")
}

const UNICODE: &[&str] = &[
    "\u{0}",
    "\u{1b}[31m",
    "\u{7}",
    "\u{202e}",
    "\u{feff}",
    "\u{200b}",
    "e\u{301}\u{301}\u{301}",
    "👩\u{200d}👩\u{200d}👧",
    "\r",
    "\r\n",
    "\t",
    "\u{85}",
    "\u{2028}",
    "æøå ÆØÅ",
    "\u{fffd}",
    "ﬁ",
    "İ",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "\u{10ffff}",
];

fn unicode(rng: &mut Rng, bytes: &mut Vec<u8>) -> String {
    let piece = *rng.pick(UNICODE);
    let n = 1 + rng.below(3);
    for _ in 0..n {
        insert_anywhere(rng, bytes, piece.as_bytes());
    }
    if rng.chance(4) {
        // Not UTF-8 at all.
        insert_anywhere(rng, bytes, &[0xC3, 0x28]);
    }
    format!("inserted {piece:?} ×{n}")
}

/// Inserts `piece` at a random character boundary (or anywhere, for bytes
/// that are not UTF-8).
fn insert_anywhere(rng: &mut Rng, bytes: &mut Vec<u8>, piece: &[u8]) {
    let mut at = rng.below(bytes.len() + 1);
    while at < bytes.len() && (bytes[at] & 0xC0) == 0x80 {
        at += 1;
    }
    bytes.splice(at..at, piece.iter().copied());
}

fn insert_at_line(rng: &mut Rng, bytes: &mut Vec<u8>, piece: &[u8]) {
    let mut lines = split_lines(bytes);
    let at = rng.below(lines.len() + 1);
    lines.insert(at, piece.to_vec());
    *bytes = lines.concat();
}

fn nesting(rng: &mut Rng, bytes: &mut Vec<u8>) -> String {
    let depth = *rng.pick(&[3, 31, 32, 33, 100, 1_000, 20_000]);
    let piece = match rng.below(9) {
        0 => format!("{} deep\n", ">".repeat(depth)),
        1 => (0..depth.min(3_000))
            .map(|i| format!("{}- x\n", "  ".repeat(i)))
            .collect(),
        2 => format!("{}x{}\n", "**".repeat(depth), "**".repeat(depth)),
        3 => format!("{}x{}\n", "![".repeat(depth), "](a.png)".repeat(depth)),
        4 => format!("{}x{}\n", "[".repeat(depth), "](b.md)".repeat(depth)),
        5 => format!("x: {}{}\n", "[".repeat(depth), "]".repeat(depth)),
        6 => format!("x: {}{}\n", "{a: ".repeat(depth), "}".repeat(depth)),
        7 => format!("{}\n", "> - ".repeat(depth)),
        _ => format!("{}\n", "x".repeat(depth * 10)),
    };
    insert_at_line(rng, bytes, piece.as_bytes());
    format!("nesting {depth}")
}

fn links(rng: &mut Rng, bytes: &mut Vec<u8>, secret: &str) -> String {
    let targets = [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "javascript://%0aalert(1)",
        "java&#9;script:alert(1)",
        "&#x6A;avascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "../../../../etc/passwd",
        "../plan.yaml",
        "/etc/hostname",
        secret,
        "assets/.hidden.png",
        "04-unge.md#nope",
        "02-virksomheder.md",
        "https://example.com/\"onmouseover=\"alert(1)",
        "mailto:a@example.com",
        "#",
        "",
        "<>",
    ];
    let target = *rng.pick(&targets);
    let piece = match rng.below(4) {
        0 => format!("\n[et link]({target})\n"),
        1 => format!("\n![et billede]({target})\n"),
        2 => format!("\n<{target}>\n"),
        _ => format!("\n[ref]\n\n[ref]: {target}\n"),
    };
    insert_at_line(rng, bytes, piece.as_bytes());
    format!("link to {target:?}")
}

fn yaml_shapes(rng: &mut Rng, bytes: &mut Vec<u8>) -> String {
    let pieces = [
        "targets: { 2027: 10, \"2027\": 12 }\n",
        "actuals: { 2025: 1, 2025: 2 }\n",
        "a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c]\n",
        "links: [\"javascript:alert(1)\", { title: x, url: \"data:x\" }]\n",
        "goals:\n  - id: V1\n    title: Igen\n",
        "{{ goals() }}\n",
        "{{ goal(\"V1\") }}\n",
        "---\n",
        "...\n",
        "? [a, b]\n: c\n",
        "!!binary aGVq\n",
        "key: !custom tag\n",
        "title: |\n  multi\n  line\n",
        "<<: { title: merged }\n",
        "x: \"unterminated\n",
    ];
    let piece = *rng.pick(&pieces);
    insert_at_line(rng, bytes, piece.as_bytes());
    format!("YAML {:?}", piece.lines().next().unwrap_or(""))
}

/// plan.yaml fields that name files or addresses, set to hostile values.
fn plan_fields(rng: &mut Rng, files: &mut Files, secret: &str) -> String {
    let plan = files.get_mut("plan.yaml").expect("plan.yaml");
    let field = match rng.below(5) {
        0 => format!(
            "brand: {{ logo: \"{}\" }}",
            rng.pick(&[
                secret,
                "../../x.png",
                "content/../../x",
                "README.md",
                "content/assets/spor.svg"
            ])
        ),
        1 => format!(
            "theme: \"{}\"",
            rng.pick(&["/usr", "../..", "default/../..", ".", "nope", secret])
        ),
        2 => format!(
            "base_url: \"{}\"",
            rng.pick(&[
                "javascript:alert(1)//",
                "https://x\"><script>",
                "https://",
                "ftp://x"
            ])
        ),
        3 => format!(
            "title: \"{}\"",
            rng.pick(&["...", "!!!", "", &"Meget lang titel ".repeat(40)])
        ),
        _ => "allow_html: true".to_string(),
    };
    let text = String::from_utf8_lossy(plan).into_owned();
    // Replace the field where it is, or add it.
    let key = field.split(':').next().unwrap_or("");
    let mut out: Vec<String> = text
        .lines()
        .filter(|l| !l.starts_with(&format!("{key}:")))
        .map(str::to_string)
        .collect();
    out.insert(rng.below(out.len() + 1).min(3), field.clone());
    *plan = (out.join("\n") + "\n").into_bytes();
    format!("plan.yaml: {field}")
}
