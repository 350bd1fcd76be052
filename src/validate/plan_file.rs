//! Reading plan.yaml: the plan's facts and its vocabularies.

use super::danish;
use super::fields::{self, Ctx, Fields, seq, text};
use super::{Spans, YEARS};
use crate::diagnostic::{
    Expected, Found, Hint, Message, NoteText, Pointer, Thing, YamlProblem, closest,
};
use crate::load::Loaded;
use crate::load::confine;
use crate::load::yaml::{Kind, Node, Pos};
use crate::model::*;
use std::collections::HashMap;

const PLAN_FIELDS: &[&str] = &[
    "kind",
    "case",
    "title",
    "subtitle",
    "organisation",
    "summary",
    "period",
    "language",
    "theme",
    "as_of",
    "brand",
    "base_url",
    "allow_html",
    "status",
    "adopted",
    "contact",
    "edition",
    "accessibility_statement",
    "target_groups",
    "tracks",
    "national_goals",
];

/// plan.yaml as read. Invalid values are reported and replaced by
/// placeholders, so the sections can still be checked; the plan is never
/// rendered with them, because their errors stop the build.
pub(super) struct PlanHead {
    pub(super) meta: Meta,
    pub(super) period: Option<Period>,
    pub(super) target_groups: Vec<Named>,
    pub(super) tracks: Vec<Named>,
    pub(super) national_goals: Vec<Named>,
    /// What `kind:` says, for the rules across files.
    pub(super) declared: super::case::Declared,
}

impl PlanHead {
    pub(super) fn unknown() -> PlanHead {
        PlanHead {
            meta: Meta::new("", "", Period { start: 0, end: 0 }),
            period: None,
            target_groups: Vec::new(),
            tracks: Vec::new(),
            national_goals: Vec::new(),
            declared: super::case::Declared::Unknown,
        }
    }
}

pub(super) fn read_plan(
    ctx: &mut Ctx,
    node: &Node,
    loaded: &Loaded,
    spans: &mut Spans,
) -> Option<PlanHead> {
    let f = Fields::read(ctx, node, Thing::Plan, PLAN_FIELDS)?;
    let (kind, declared) = super::case::read_kind(ctx, &f);
    let title = f.required_text(ctx, "title", Thing::Plan, "Beskæftigelsesplan 2027");
    let organisation = f.required_text(ctx, "organisation", Thing::Plan, "Eksempelby Kommune");
    // A plan needs a period; a case may leave it out (and a document of
    // unreadable kind is not told twice).
    let period = match declared {
        super::case::Declared::Plan => f.required(ctx, "period", Thing::Plan, "2027"),
        _ => f.get("period"),
    }
    .and_then(|n| read_period(ctx, n));
    let language = match f.get("language") {
        None => Some(Language::Da),
        Some(n) => text(ctx, n, "language").and_then(|written| {
            let language = Language::from_code(&written);
            if language.is_none() {
                let hint = did_you_mean_language(&written);
                ctx.report(n.pos, Message::UnknownLanguage { written }).hint = Some(hint);
            }
            language
        }),
    };
    let theme = f.text(ctx, "theme").unwrap_or_else(|| "default".into());
    check_theme(
        ctx,
        f.get("theme").map_or(Pos::default(), |n| n.pos),
        &theme,
        loaded,
    );
    let as_of = f.get("as_of").and_then(|n| {
        let t = text(ctx, n, "as_of")?;
        let date = Date::parse(&t);
        if date.is_none() {
            let hint = danish::date(&t).map_or(Hint::AsOfForm, |iso| Hint::Write {
                text: format!("as_of: {iso}"),
            });
            ctx.report(n.pos, Message::BadDate { written: t }).hint = Some(hint);
        }
        date
    });
    let brand = read_brand(ctx, f.get("brand"), loaded, spans);
    let base_url = f.get("base_url").and_then(|n| {
        let url = text(ctx, n, "base_url")?;
        if crate::url::base_url_problem(&url).is_some() {
            ctx.report(n.pos, Message::NotAWebAddress { written: url })
                .hint = Some(Hint::BaseUrlForm);
            return None;
        }
        Some(if url.ends_with('/') {
            url
        } else {
            format!("{url}/")
        })
    });
    let allow_html = f
        .get("allow_html")
        .and_then(|n| fields::boolean(ctx, n, "allow_html"))
        .unwrap_or(false);
    let mut vocab = |field: &'static str, kind: Thing| -> Vec<Named> {
        let Some(list) = f.get(field) else {
            return Vec::new();
        };
        let mut out: Vec<Named> = Vec::new();
        let mut seen: HashMap<String, Pos> = HashMap::new();
        let errors = ctx.diags.len();
        let items: &[Node] = match &list.kind {
            Kind::Seq(items) => items,
            // `target_groups: Virksomheder, Unge`
            Kind::Str(s) => {
                let first = s.split(',').next().unwrap_or(s).trim();
                ctx.report(
                    list.pos,
                    Message::WrongType {
                        field: field.to_string(),
                        expected: Expected::List,
                        found: Found::Text,
                    },
                )
                .hint = Some(Hint::DashItems {
                    field: field.to_string(),
                    example: vocabulary_entry(first),
                });
                &[]
            }
            _ => seq(ctx, list, field),
        };
        for item in items {
            // `- Virksomheder`: a name without its id.
            if let Kind::Str(s) = &item.kind {
                ctx.report(
                    item.pos,
                    Message::NotAMapping {
                        thing: kind,
                        found: Found::Text,
                    },
                )
                .hint = Some(Hint::Write {
                    text: vocabulary_entry(s),
                });
                continue;
            }
            let Some(e) = Fields::read(ctx, item, kind, &["id", "name"]) else {
                continue;
            };
            let id = e
                .required(ctx, "id", kind, "unge")
                .and_then(|n| text(ctx, n, "id").map(|t| (t, n.pos)));
            let name = e.required_text(ctx, "name", kind, "Uddannelsesparate unge");
            let (Some((id, pos)), Some(name)) = (id, name) else {
                continue;
            };
            if let Some(first) = seen.get(&id) {
                ctx.report(pos, Message::DuplicateVocabularyId { kind, id })
                    .note = Some(crate::diagnostic::Note {
                    file: "plan.yaml".into(),
                    pos: *first,
                    text: NoteText::FirstUsedHere,
                });
                continue;
            }
            seen.insert(id.clone(), pos);
            spans.vocabulary.push((kind, id.clone(), pos));
            out.push(Named { id, name });
        }
        if ctx.diags.len() > errors {
            spans.broken_vocabulary.push(kind);
        }
        out
    };
    let target_groups = vocab("target_groups", Thing::TargetGroup);
    let tracks = vocab("tracks", Thing::Track);
    let national_goals = vocab("national_goals", Thing::NationalGoal);
    let adopted = f
        .get("adopted")
        .and_then(|n| read_adopted(ctx, n, &loaded.root));
    let status = match f.get("status") {
        // An adoption written down says where the plan stands.
        None if adopted.is_some() => DocumentStatus::Adopted,
        None => DocumentStatus::Draft,
        Some(n) => read_status(ctx, n).unwrap_or_default(),
    };
    let contact = f
        .get("contact")
        .map(|n| read_contact(ctx, n))
        .unwrap_or_default();
    let accessibility_statement = f
        .get("accessibility_statement")
        .and_then(|n| web_address(ctx, n, "accessibility_statement"));
    // A Danish public body's published site must link its accessibility
    // statement; a draft is not published yet, a case is published in
    // the council's own system. Judged once plan.yaml has no errors: a
    // broken `adopted` or `status` is the thing to fix first.
    let published = matches!(
        status,
        DocumentStatus::Adopted | DocumentStatus::Consultation
    );
    if accessibility_statement.is_none()
        && f.get("accessibility_statement").is_none()
        && published
        && language.unwrap_or(Language::Da) == Language::Da
        && kind.case().is_none()
        && !ctx
            .diags
            .iter()
            .any(|d| d.severity() == crate::diagnostic::Severity::Error)
    {
        let pos = ["status", "adopted", "title"]
            .iter()
            .find_map(|k| f.get(k))
            .map_or(Pos::default(), |n| n.pos);
        ctx.report(pos, Message::NoAccessibilityStatement { status })
            .hint = Some(Hint::AddAccessibilityStatement);
    }
    let meta = Meta {
        kind,
        title: title.unwrap_or_default(),
        subtitle: f.text(ctx, "subtitle"),
        organisation: organisation.unwrap_or_default(),
        summary: f.text(ctx, "summary"),
        period,
        language: language.unwrap_or(Language::Da),
        theme,
        as_of,
        brand,
        base_url,
        allow_html,
        status,
        adopted,
        contact,
        edition: f.text(ctx, "edition"),
        accessibility_statement,
    };
    Some(PlanHead {
        meta,
        period,
        target_groups,
        tracks,
        national_goals,
        declared,
    })
}

fn read_period(ctx: &mut Ctx, node: &Node) -> Option<Period> {
    let period = match &node.kind {
        Kind::Int(y) => i32::try_from(*y).ok().map(|y| Period { start: y, end: y }),
        Kind::Str(s) => {
            let (a, b) = s
                .split_once(['-', '–'])
                .map_or((s.as_str(), s.as_str()), |(a, b)| (a, b));
            match (a.trim().parse::<i32>(), b.trim().parse::<i32>()) {
                (Ok(start), Ok(end)) => Some(Period { start, end }),
                _ => None,
            }
        }
        _ => None,
    };
    let problem = match period {
        Some(p) if p.start > p.end => Message::PeriodBackwards {
            start: p.start,
            end: p.end,
        },
        Some(p) if !YEARS.contains(&p.start) || !YEARS.contains(&p.end) => {
            Message::PeriodOutOfRange {
                start: p.start,
                end: p.end,
            }
        }
        Some(p) => return Some(p),
        None => Message::NotAPeriod,
    };
    // `2019 til 2022`: two years, meant as a range.
    let years: Vec<&str> = match &node.kind {
        Kind::Str(s) => s
            .split(|c: char| !c.is_ascii_digit())
            .filter(|p| p.len() == 4)
            .collect(),
        _ => Vec::new(),
    };
    let hint = match (&problem, &years[..]) {
        (Message::NotAPeriod, [a, b]) => Hint::Write {
            text: format!("period: {a}-{b}"),
        },
        _ => Hint::PeriodForm,
    };
    ctx.report(node.pos, problem).hint = Some(hint);
    None
}

fn read_brand(ctx: &mut Ctx, node: Option<&Node>, loaded: &Loaded, spans: &mut Spans) -> Brand {
    let mut brand = Brand::default();
    let Some(node) = node else { return brand };
    let Some(f) = Fields::read(ctx, node, Thing::Brand, &["primary", "logo"]) else {
        return brand;
    };
    if let Some(n) = f.get("primary")
        && let Some(colour) = text(ctx, n, "primary")
    {
        if parse_colour(&colour).is_some() {
            brand.primary = colour.to_lowercase();
        } else {
            ctx.report(n.pos, Message::NotAColour { written: colour })
                .hint = Some(Hint::ColourForm);
        }
    } else if let Some(n) = f.written("primary")
        && n.kind == Kind::Null
    {
        comment_for_colour(ctx, n.pos);
    }
    if let Some(n) = f.get("logo")
        && let Some(path) = text(ctx, n, "logo")
    {
        let found = confine::written("", &path)
            .ok()
            .filter(|p| loaded.content.assets.iter().any(|a| &a.rel == p));
        if let Some(rel) = found {
            spans.logo = Some((rel.clone(), n.pos));
            brand.logo = Some(rel.into());
        } else if let Some(d) =
            super::links::misplaced(ctx.file, "", Pointer::Logo, &path, &loaded.content, n.pos)
        {
            ctx.diags.push(d);
        } else {
            let hint = closest_file(&path, &loaded.content.asset_rels())
                .map_or(Hint::LogoPath, |name| Hint::DidYouMean { name });
            ctx.report(n.pos, Message::NoLogo { path }).hint = Some(hint);
        }
    }
    brand
}

/// The theme's name is a plain folder name, its folder (if the plan has one)
/// lies in themes/, and no file in it is a link out of themes/. The plan's
/// `themes/default/` overlays the built-in theme, so it is checked too.
fn check_theme(ctx: &mut Ctx, pos: Pos, theme: &str, loaded: &Loaded) {
    match confine::theme_folder(&loaded.root, theme) {
        Err(refusal) => {
            ctx.report(
                pos,
                Message::ThemeRefused {
                    name: theme.to_string(),
                    refusal,
                },
            )
            .hint = Some(Hint::ThemeName);
        }
        Ok(None) if theme != "default" => {
            ctx.report(
                pos,
                Message::NoSuchTheme {
                    name: theme.to_string(),
                },
            )
            .hint = Some(Hint::ThemeFolder {
                name: theme.to_string(),
            });
        }
        Ok(None) => {}
        Ok(Some(folder)) => {
            if let Err(rel) = confine::theme_files(&loaded.root, &folder) {
                ctx.diags.push(
                    crate::diagnostic::Diagnostic::new(
                        &rel,
                        None,
                        Message::LinkedOutside {
                            path: rel.clone(),
                            area: crate::diagnostic::Area::Themes,
                        },
                    )
                    .hint(Hint::CopyInstead {
                        area: crate::diagnostic::Area::Themes,
                    }),
                );
            }
        }
    }
}

/// `primary: #00558c` reads as an empty value and a comment.
fn comment_for_colour(ctx: &mut Ctx, pos: Pos) {
    let line = ctx.line(pos.line);
    let Some((column, written)) = line.char_indices().find_map(|(i, c)| {
        (c == '#' && line[..i].trim_end().ends_with(':')).then(|| {
            let colour: String = line[i..]
                .chars()
                .take_while(|c| *c == '#' || c.is_ascii_hexdigit())
                .collect();
            (line[..i].chars().count() as u32 + 1, colour)
        })
    }) else {
        return;
    };
    let fix = format!("primary: \"{written}\"");
    ctx.report(
        Pos {
            line: pos.line,
            column,
        },
        Message::Yaml(YamlProblem::CommentInValue { written }),
    )
    .hint = Some(Hint::QuoteText { fix });
}

/// The plan file with the same name as `path`, as a path from the plan
/// folder: `assets/logo.svg` → `content/assets/logo.svg`.
fn closest_file(path: &str, files: &[String]) -> Option<String> {
    let name = path.rsplit('/').next()?;
    files
        .iter()
        .find(|f| f.rsplit('/').next() == Some(name))
        .or_else(|| {
            let names: Vec<&str> = files.iter().map(String::as_str).collect();
            closest(path, names.iter().copied()).and_then(|c| files.iter().find(|f| *f == c))
        })
        .cloned()
}

/// A vocabulary entry for `name`: `- { id: unge-uden-job, name: Unge uden job }`.
fn vocabulary_entry(name: &str) -> String {
    let name = name.trim();
    let id = crate::markdown::slugify(name);
    if name.contains([',', ':', '#', '{', '}', '[', ']']) {
        format!("- {{ id: {id}, name: \"{}\" }}", name.replace('"', "'"))
    } else {
        format!("- {{ id: {id}, name: {name} }}")
    }
}

/// `dansk`, `english`, `da-DK`: the language code meant.
/// `status: draft | consultation | adopted`, with the Danish words
/// understood as hints.
fn read_status(ctx: &mut Ctx, node: &Node) -> Option<DocumentStatus> {
    let written = text(ctx, node, "status")?;
    if let Some(status) = DocumentStatus::parse(written.trim()) {
        return Some(status);
    }
    let meant = match written.trim().to_lowercase().as_str() {
        "udkast" | "kladde" => Some("draft"),
        "høring" | "i høring" | "hoering" | "sendt i høring" => Some("consultation"),
        "vedtaget" | "godkendt" | "endelig" => Some("adopted"),
        other => closest(other, DocumentStatus::ALL.iter().map(|(_, w)| *w)),
    };
    ctx.report(node.pos, Message::UnknownStatus { written })
        .hint = Some(meant.map_or(Hint::Statuses, |m| Hint::DidYouMean { name: m.into() }));
    None
}

/// `adopted: { date: 2026-12-10, by: Byrådet, ref: vedtaget-2026 }`. The
/// `ref` is looked up in the git repository around `root`: one that git
/// does not know is a warning there (the changes since adoption are left
/// out), not an error, so a copy of the plan without its history builds.
fn read_adopted(ctx: &mut Ctx, node: &Node, root: &std::path::Path) -> Option<Adoption> {
    let f = Fields::read(ctx, node, Thing::Adoption, &["date", "by", "ref"])?;
    let date_node = f.required(ctx, "date", Thing::Adoption, "2026-12-10")?;
    let written = text(ctx, date_node, "date")?;
    let Some(date) = Date::parse(&written) else {
        let fix = danish::date(&written).unwrap_or_else(|| "2026-12-10".into());
        ctx.report(date_node.pos, Message::BadDate { written }).hint = Some(Hint::Write {
            text: format!("date: {fix}"),
        });
        return None;
    };
    let git_ref = f.text(ctx, "ref");
    let ref_pos = f.get("ref").map_or(node.pos, |n| n.pos);
    let commit = git_ref.as_ref().and_then(|r| {
        crate::followup::history::resolve(root, r)
            .map_err(|problem| {
                let hint = Hint::GitHistory {
                    git_ref: r.clone(),
                    problem: problem.clone(),
                };
                ctx.report(
                    ref_pos,
                    Message::AdoptedRef {
                        git_ref: r.clone(),
                        problem,
                    },
                )
                .hint = Some(hint);
            })
            .ok()
    });
    Some(Adoption {
        date,
        by: f.text(ctx, "by"),
        git_ref,
        commit,
        ref_at: (ref_pos.line, ref_pos.column),
    })
}

/// `contact: { name, email, phone, url }`.
fn read_contact(ctx: &mut Ctx, node: &Node) -> Contact {
    let Some(f) = Fields::read(
        ctx,
        node,
        Thing::Contact,
        &["name", "email", "phone", "url"],
    ) else {
        return Contact::default();
    };
    let email = f.get("email").and_then(|n| {
        let email = text(ctx, n, "email")?;
        let plain = email.trim();
        let looks_right = plain.split_once('@').is_some_and(|(who, host)| {
            !who.is_empty() && host.contains('.') && !plain.contains(char::is_whitespace)
        }) && crate::url::Address::of(&format!("mailto:{plain}"))
            .problem()
            .is_none();
        if !looks_right {
            ctx.report(n.pos, Message::NotAnEmail { written: email })
                .hint = Some(Hint::EmailForm);
            return None;
        }
        Some(plain.to_string())
    });
    Contact {
        name: f.text(ctx, "name"),
        email,
        phone: f.text(ctx, "phone"),
        url: f.get("url").and_then(|n| web_address(ctx, n, "url")),
    }
}

/// A field that holds the address of a web page: `https://` or `http://`
/// with a host, like `base_url`.
fn web_address(ctx: &mut Ctx, node: &Node, field: &str) -> Option<String> {
    let url = text(ctx, node, field)?;
    if crate::url::base_url_problem(url.trim()).is_some() {
        ctx.report(node.pos, Message::NotAWebAddress { written: url })
            .hint = Some(Hint::WebPageForm);
        return None;
    }
    Some(url.trim().to_string())
}

fn did_you_mean_language(written: &str) -> Hint {
    let w = written.to_lowercase();
    let name = if w.starts_with("da") || w == "dk" {
        Some("da")
    } else if w.starts_with("en") || w == "uk" || w == "gb" {
        Some("en")
    } else {
        None
    };
    name.map_or(Hint::Languages, |n| Hint::DidYouMean { name: n.into() })
}

/// The plan's language as far as plan.yaml can be read: its `language:`
/// line, even when the YAML around it is broken.
pub fn sniff_language(text: &str) -> Option<Language> {
    text.lines().find_map(|line| {
        let value = line.strip_prefix("language:")?;
        let value = value.split(" #").next()?.trim().trim_matches(['"', '\'']);
        Language::from_code(value)
    })
}
