//! `planpress figures import`: actual figures from a CSV or a workbook
//! written into the sections' front matter in place. Every row is checked
//! before anything is written (the indicator exists, the period and value
//! can be read and fit the indicator, the period is not after `as_of`);
//! one refusal and no file is touched. The files that change are written
//! whole to a temporary file beside them and renamed over them.

pub mod edit;
pub mod table;

use crate::diagnostic::{Diagnostic, Hint, Message, Sources, closest};
use crate::load::yaml::{Kind, Node, Pos};
use crate::model::{Date, Figure, Indicator, Plan, Status, Unit, Value, When};
use edit::Edit;
use std::collections::HashMap;
use std::path::Path;
use table::{Cell, CellValue};

/// What the caller asks of an import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Check and report, but write nothing.
    pub dry_run: bool,
    /// Move `as_of` in plan.yaml to the end of the latest period imported,
    /// when that is later; without it a figure after `as_of` is refused.
    pub move_as_of: bool,
}

/// One figure set: what it was, what it is, and the status it gives.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub indicator: String,
    /// The section file, relative to the plan folder.
    pub file: String,
    pub unit: Unit,
    pub when: When,
    /// `None` for a period the indicator had no figure for.
    pub old: Option<Value>,
    pub new: Value,
    pub status_before: Status,
    pub status_after: Status,
}

/// What an import did (or, dry, would do).
#[derive(Debug, Clone)]
pub struct Imported {
    /// The figures that change, in the file's order.
    pub changes: Vec<Change>,
    /// Rows whose figure was already there.
    pub unchanged: usize,
    /// The files written (none in a dry run), relative to the plan folder.
    pub written: Vec<String>,
    /// `as_of` moved from, to.
    pub as_of: Option<(Option<Date>, Date)>,
    pub plan: Plan,
}

/// Why nothing was written.
#[derive(Debug)]
pub enum ImportFailure {
    /// The plan does not check, or a row was refused: every problem, with
    /// the texts to draw them from.
    Refused {
        diagnostics: Vec<Diagnostic>,
        sources: Sources,
    },
    /// Reading the plan folder failed.
    Load(crate::load::LoadError),
    /// Writing a file failed (the files renamed before it are written).
    Write {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
}

/// Where an indicator stands in its section's front matter.
struct Place<'a> {
    file: &'a str,
    node: &'a Node,
    indicator: &'a Indicator,
}

/// Imports the figures of `file` (shown in messages as `shown`) into the
/// plan in `dir`.
pub fn import(
    dir: &Path,
    file: &Path,
    shown: &str,
    options: &ImportOptions,
) -> Result<Imported, ImportFailure> {
    let loaded = crate::load::load(dir).map_err(ImportFailure::Load)?;
    let validated = crate::validate::validate(&loaded);
    let mut sources = loaded.sources.clone();
    let refuse = |diagnostics: Vec<Diagnostic>, sources: Sources| ImportFailure::Refused {
        diagnostics,
        sources,
    };
    let Some(plan) = validated.plan else {
        return Err(refuse(validated.diagnostics, sources));
    };
    let table = match table::read(file, shown) {
        Ok(t) => t,
        Err(d) => return Err(refuse(vec![*d], sources)),
    };
    if let Some(text) = &table.text {
        sources.insert(shown.to_string(), text.clone());
    }

    // Every indicator by its id, with its node in the front matter.
    let models: HashMap<&str, &Indicator> = plan
        .all_goals()
        .into_iter()
        .flat_map(|(_, g)| &g.indicators)
        .map(|i| (i.id.as_str(), i))
        .collect();
    let mut places: HashMap<String, Place> = HashMap::new();
    for raw in &loaded.sections {
        let Some(front) = &raw.front else { continue };
        for (id, node) in indicator_nodes(front) {
            if let Some(indicator) = models.get(id.as_str()) {
                places.insert(
                    id,
                    Place {
                        file: &raw.file,
                        node,
                        indicator,
                    },
                );
            }
        }
    }
    let ids: Vec<&str> = {
        let mut ids: Vec<&str> = places.keys().map(String::as_str).collect();
        ids.sort_unstable();
        ids
    };

    let as_of = plan.meta.as_of;
    let mut problems = Vec::new();
    let mut rows: Vec<(&Place, When, Value, Pos)> = Vec::new();
    let mut seen: HashMap<(String, When), Pos> = HashMap::new();
    for [id_cell, period_cell, value_cell] in &table.rows {
        let mut report = |cell: &Cell, m: Message, hint: Option<Hint>| {
            problems.push(Diagnostic::at(shown, cell.pos, m).maybe_hint(hint));
        };
        let id = text_of(id_cell);
        let Some(place) = places.get(&id) else {
            let hint = closest(&id, ids.iter().copied())
                .map(|name| Hint::DidYouMean { name: name.into() });
            report(id_cell, Message::UnknownIndicator { id }, hint);
            continue;
        };
        let written = text_of(period_cell);
        let when = match When::parse_export(&written) {
            Ok(w) => w,
            Err(problem) => {
                report(
                    period_cell,
                    Message::BadPeriod { written, problem },
                    Some(Hint::FigurePeriodForm),
                );
                continue;
            }
        };
        let value = match read_value(value_cell, table.separator, place.indicator.unit) {
            Ok(v) => v,
            Err((m, hint)) => {
                report(value_cell, m, hint);
                continue;
            }
        };
        if let Some(first) = place.indicator.actuals.first()
            && first.when.grain() != when.grain()
        {
            report(
                period_cell,
                Message::MixedPeriods {
                    field: "actuals".into(),
                    first: first.when.grain(),
                    here: when.grain(),
                },
                Some(Hint::OneGrain {
                    field: "actuals".into(),
                    grain: first.when.grain(),
                }),
            );
            continue;
        }
        if let Some(as_of) = as_of
            && when.start() > as_of
            && !options.move_as_of
        {
            report(
                period_cell,
                Message::ActualAfterAsOf { when, as_of },
                Some(Hint::MoveAsOf),
            );
            continue;
        }
        if seen.insert((id.clone(), when), period_cell.pos).is_some() {
            report(period_cell, Message::FigureTwice { id, when }, None);
            continue;
        }
        rows.push((place, when, value, value_cell.pos));
    }
    if !problems.is_empty() {
        return Err(refuse(problems, sources));
    }

    // The edits, file by file, and the changes they make.
    let mut edits: HashMap<&str, Vec<Edit>> = HashMap::new();
    let mut after: HashMap<&str, Indicator> = HashMap::new();
    let mut changes = Vec::new();
    let mut unchanged = 0;
    for (place, when, value, _) in &rows {
        let ind = after
            .entry(place.indicator.id.as_str())
            .or_insert_with(|| place.indicator.clone());
        let old = ind
            .actuals
            .iter()
            .find(|f| f.when == *when)
            .map(|f| f.value.clone());
        if old.as_ref() == Some(value) {
            unchanged += 1;
            continue;
        }
        let text = &loaded.sources[place.file];
        let Some(edit) = edit::set_actual(text, place.node, *when, &yaml_value(value)) else {
            return Err(refuse(
                vec![Diagnostic::at(
                    place.file,
                    place.node.pos,
                    Message::FiguresNotWritable {
                        id: place.indicator.id.clone(),
                    },
                )],
                sources,
            ));
        };
        edits.entry(place.file).or_default().push(edit);
        let before = ind.status;
        match ind.actuals.iter_mut().find(|f| f.when == *when) {
            Some(f) => f.value = value.clone(),
            None => {
                ind.actuals.push(Figure {
                    when: *when,
                    value: value.clone(),
                });
                ind.actuals.sort_by_key(|f| f.when);
            }
        }
        ind.status = crate::model::indicator_status(
            ind.unit,
            ind.direction,
            ind.assessment,
            ind.baseline.as_ref(),
            &ind.actuals,
            &ind.targets,
        );
        changes.push(Change {
            indicator: place.indicator.id.clone(),
            file: place.file.to_string(),
            unit: ind.unit,
            when: *when,
            old,
            new: value.clone(),
            status_before: before,
            status_after: ind.status,
        });
    }
    // Shown file by file, in the file's order within each.
    changes.sort_by(|a, b| a.file.cmp(&b.file));
    // Two rows for one period of one indicator would edit one place twice;
    // `seen` refused that. Edits of one file are applied together.
    let latest = rows.iter().map(|(_, w, _, _)| w.end()).max();
    let mut moved = None;
    if options.move_as_of
        && let Some(end) = latest
        && as_of.is_none_or(|a| end > a)
        && let Some(top) = &loaded.plan
    {
        let edit = edit::set_top(&loaded.sources["plan.yaml"], top, "as_of", &end.iso());
        edits.entry("plan.yaml").or_default().push(edit);
        moved = Some((as_of, end));
    }

    let mut texts: Vec<(String, String)> = edits
        .into_iter()
        .map(|(file, list)| (file.to_string(), edit::apply(&loaded.sources[file], list)))
        .collect();
    texts.sort();
    // What is written must read back as YAML: a last guard for our edits.
    for (file, text) in &texts {
        if let Some(front) = front_matter(file, text)
            && crate::load::yaml::parse(front).is_err()
        {
            return Err(refuse(
                vec![Diagnostic::at(
                    file,
                    Pos { line: 1, column: 1 },
                    Message::FiguresNotWritable { id: file.clone() },
                )],
                sources,
            ));
        }
    }
    let written = if options.dry_run {
        Vec::new()
    } else {
        write_all(dir, &texts)?
    };
    Ok(Imported {
        changes,
        unchanged,
        written,
        as_of: moved,
        plan,
    })
}

/// The YAML of a section file between its `---` lines; the whole text for
/// plan.yaml.
fn front_matter<'a>(file: &str, text: &'a str) -> Option<&'a str> {
    if file == "plan.yaml" {
        return Some(text);
    }
    let rest = text.strip_prefix("---")?;
    let end = rest.find("\n---").or_else(|| rest.find("\n..."))?;
    Some(&rest[..end])
}

/// Writes every text to a temporary file beside its file, then renames
/// them all over their files: a failure before the renames leaves every
/// file as it was.
fn write_all(dir: &Path, texts: &[(String, String)]) -> Result<Vec<String>, ImportFailure> {
    use std::io::Write;
    let mut temps = Vec::new();
    for (file, text) in texts {
        let path = dir.join(file);
        let parent = path.parent().unwrap_or(dir);
        let fail = |source| ImportFailure::Write {
            path: path.clone(),
            source,
        };
        let mut temp = tempfile::Builder::new()
            .prefix(".planpress-")
            .tempfile_in(parent)
            .map_err(fail)?;
        temp.write_all(text.as_bytes()).map_err(fail)?;
        temp.as_file().sync_all().map_err(fail)?;
        // Keep the file's permissions.
        if let Ok(meta) = std::fs::metadata(&path) {
            let _ = std::fs::set_permissions(temp.path(), meta.permissions());
        }
        temps.push((temp, path, file.clone()));
    }
    let mut written = Vec::new();
    for (temp, path, file) in temps {
        temp.persist(&path).map_err(|e| ImportFailure::Write {
            path: path.clone(),
            source: e.error,
        })?;
        written.push(file);
    }
    Ok(written)
}

/// Every indicator of a section's front matter with its id: the one it
/// names, or `<goal id>.<n>`.
fn indicator_nodes(front: &Node) -> Vec<(String, &Node)> {
    let mut out = Vec::new();
    let Some(goals) = front.get("goals") else {
        return out;
    };
    let Kind::Seq(goals) = &goals.kind else {
        return out;
    };
    for goal in goals {
        let goal_id = goal.get("id").and_then(Node::key_text);
        let Some(Kind::Seq(list)) = goal.get("indicators").map(|n| &n.kind) else {
            continue;
        };
        for (k, ind) in list.iter().enumerate() {
            let id = ind
                .get("id")
                .and_then(Node::key_text)
                .or_else(|| goal_id.as_ref().map(|g| format!("{g}.{}", k + 1)));
            if let Some(id) = id {
                out.push((id, ind));
            }
        }
    }
    out
}

fn text_of(cell: &Cell) -> String {
    match &cell.value {
        CellValue::Text(t) => t.clone(),
        CellValue::Number(n) => crate::locale::plain_number(*n),
        CellValue::Empty => String::new(),
    }
}

/// A value cell as a figure of an indicator of `unit`.
fn read_value(
    cell: &Cell,
    separator: Option<u8>,
    unit: Unit,
) -> Result<Value, (Message, Option<Hint>)> {
    let written = text_of(cell);
    if unit == Unit::Text {
        return Err((Message::FigureForText { written }, None));
    }
    let number = match &cell.value {
        CellValue::Number(n) => Some(*n),
        CellValue::Text(t) => table::number(t, separator),
        CellValue::Empty => None,
    };
    let Some(number) = number else {
        return Err((
            Message::FigureNotANumber { written },
            Some(Hint::FigureForm),
        ));
    };
    // Rounded to the decimals a plan may have (a workbook's 16.800000001).
    let factor = 10f64.powi(crate::limits::MAX_DECIMALS as i32);
    let number = (number * factor).round() / factor;
    let fits = match unit {
        Unit::Percent => (0.0..=100.0).contains(&number),
        Unit::Count | Unit::Amount => number >= 0.0,
        Unit::Rank => number >= 1.0 && number.fract() == 0.0,
        Unit::Text => true,
    };
    if !fits || number.abs() >= crate::limits::MAX_NUMBER {
        return Err((
            Message::OutOfRange {
                value: number,
                unit,
            },
            None,
        ));
    }
    Ok(Value::Number(number))
}

fn yaml_value(v: &Value) -> String {
    match v {
        Value::Number(n) => crate::locale::plain_number(*n),
        Value::Missing => "null".into(),
        Value::Text(t) => format!("{t:?}"),
    }
}
