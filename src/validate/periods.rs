//! The periods figures are keyed by (`2026`, `2026-Q3`, `2026-09`) and the
//! rules that hold within one series: each period once, one grain
//! throughout, targets by year or quarter.

use super::danish;
use super::fields::{self, Ctx};
use super::indicator::Entry;
use crate::diagnostic::{Hint, Message, Note, NoteText};
use crate::load::yaml::{Kind, Node};
use crate::model::{Grain, When, YEARS};
use crate::when::PeriodProblem;

/// A period key (or a baseline's `year`), reporting what is wrong with it.
pub(super) fn read_period(ctx: &mut Ctx, node: &Node) -> Option<When> {
    let written = match &node.kind {
        Kind::Int(y) => y.to_string(),
        Kind::Str(s) => s.trim().to_string(),
        other => {
            ctx.report(
                node.pos,
                Message::NotAYear {
                    found: fields::found(other),
                },
            )
            .hint = Some(Hint::FigurePeriodForm);
            return None;
        }
    };
    let problem = match When::parse(&written) {
        Ok(when) => return Some(when),
        Err(problem) => problem,
    };
    // `27` or `20270`: a year mistyped rather than a period.
    let year = match problem {
        PeriodProblem::Year(y) => Some(i64::from(y)),
        _ => written.parse::<i64>().ok(),
    };
    if let Some(year) = year {
        ctx.report(node.pos, Message::ImplausibleYear { year }).hint = Some(Hint::YearRange {
            from: *YEARS.start(),
            to: *YEARS.end(),
        });
        return None;
    }
    // `2026K3`, `3. kvartal 2026`, `september 2026`: the form meant.
    let meant = When::parse_export(&written)
        .ok()
        .map(When::iso)
        .or_else(|| danish::quarter(&written))
        .or_else(|| danish::month(&written));
    let hint = meant.map_or(Hint::FigurePeriodForm, |text| Hint::Write { text });
    ctx.report(node.pos, Message::BadPeriod { written, problem })
        .hint = Some(hint);
    None
}

/// The rules within one series (`actuals` or `targets`), read in the order
/// written: one grain throughout, and targets by year or quarter.
pub(super) fn check_series(ctx: &mut Ctx, field: &str, series: &[Entry]) {
    let Some(first) = series.first() else { return };
    if field == "targets" {
        for e in series.iter().filter(|e| e.when.grain() == Grain::Month) {
            ctx.report(
                e.year_pos,
                Message::MonthlyTarget {
                    written: e.when.iso(),
                },
            )
            .hint = Some(Hint::TargetsByYearOrQuarter);
        }
    }
    let grain = first.when.grain();
    if let Some(other) = series.iter().find(|e| e.when.grain() != grain) {
        let file = ctx.file.to_string();
        let d = ctx.report(
            other.year_pos,
            Message::MixedPeriods {
                field: field.to_string(),
                first: grain,
                here: other.when.grain(),
            },
        );
        d.hint = Some(Hint::OneGrain {
            field: field.to_string(),
            grain,
        });
        d.note = Some(Note {
            file,
            pos: first.year_pos,
            text: NoteText::GrainSetHere,
        });
    }
}
