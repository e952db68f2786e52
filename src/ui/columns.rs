//! The call table's column definitions (compare TanStack Table's
//! `ColumnDef`): each column carries its header, its cell, the sort its
//! header applies and whether it shows by default. The table's header and
//! rows and the column chooser all render from these, so a header and its
//! cells cannot drift apart.

use super::format;
use crate::core::columns::Column;
use crate::core::normalize::{humanize, short_id};
use crate::core::phone;
use crate::core::time::format_duration;
use crate::core::words::{self, Label, Lang, Words};
use crate::core::{Call, CallStatus, Capabilities, Direction, ExtraValue, SortField};

/// What one cell shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Plain text.
    Text(String),
    /// A main line with an optional second, quieter one.
    Lines(String, Option<String>),
    /// A status badge: the status id (for its colour) and its text.
    Badge(&'static str, String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Kind {
    Builtin(Column),
    /// A provider extra, by its key.
    Extra(String),
}

/// A column of the call table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnDef {
    kind: Kind,
    /// An extra's label (a built-in's header is a message).
    label: Label,
}

impl ColumnDef {
    /// A built-in column.
    pub fn builtin(column: Column) -> Self {
        Self {
            kind: Kind::Builtin(column),
            label: Label::Own(String::new()),
        }
    }

    /// A column for the provider extra `key`, headed `label`.
    pub fn extra(key: &str, label: impl Into<Label>) -> Self {
        Self {
            kind: Kind::Extra(key.to_owned()),
            label: label.into(),
        }
    }

    /// The built-in columns, in display order.
    pub fn builtins() -> Vec<Self> {
        Column::ALL.into_iter().map(Self::builtin).collect()
    }

    /// The columns shown before the user chooses any.
    pub fn defaults() -> Vec<Self> {
        Self::builtins()
            .into_iter()
            .filter(Self::visible_by_default)
            .collect()
    }

    /// Whether its header is the provider's own word (an extra named by
    /// its field), not ours to translate.
    pub fn header_is_own(&self) -> bool {
        matches!(self.kind, Kind::Extra(_)) && self.label.is_own()
    }

    /// The header text in `w`.
    pub fn header(&self, w: Words) -> &str {
        match self.kind {
            Kind::Builtin(c) => w.text(c.label()),
            Kind::Extra(_) => self.label.say(w),
        }
    }

    /// Whether the column shows before the user chooses columns: the
    /// built-ins do, provider extras are offered in the chooser.
    pub fn visible_by_default(&self) -> bool {
        matches!(self.kind, Kind::Builtin(_))
    }

    /// The CSS class suffix of its header and cells (`cb-td--time`).
    pub fn class_id(&self) -> &'static str {
        match &self.kind {
            Kind::Builtin(c) => c.id(),
            Kind::Extra(_) => "extra",
        }
    }

    /// The class attribute of its cells (`cb-td cb-td--time`), without an
    /// allocation per cell.
    pub fn cell_class(&self) -> &'static str {
        match self.class_id() {
            "time" => "cb-td cb-td--time",
            "direction" => "cb-td cb-td--direction",
            "customer" => "cb-td cb-td--customer",
            "agent" => "cb-td cb-td--agent",
            "duration" => "cb-td cb-td--duration",
            "status" => "cb-td cb-td--status",
            "outcome" => "cb-td cb-td--outcome",
            _ => "cb-td cb-td--extra",
        }
    }

    /// The server-side sort its header applies for a provider, if any.
    pub fn sort_field(&self, caps: &Capabilities) -> Option<SortField> {
        match &self.kind {
            Kind::Builtin(c) => c.sort_field(caps),
            Kind::Extra(_) => None,
        }
    }

    /// What the column shows for `call`.
    pub fn cell(&self, call: &Call, locale: &format::Locale) -> Cell {
        let w = locale.words;
        let column = match &self.kind {
            Kind::Builtin(c) => *c,
            Kind::Extra(key) => {
                return Cell::Text(
                    call.extras
                        .iter()
                        .find(|e| e.key == *key)
                        .map_or_else(|| "—".to_owned(), |e| extra_text(locale, &e.value)),
                )
            }
        };
        let or_dash = |v: Option<String>| v.unwrap_or_else(|| "—".to_owned());
        match column {
            Column::Time => Cell::Text(or_dash(call.time().map(|t| format::date_time(locale, t)))),
            Column::Direction => Cell::Text(direction_label(call.direction, w)),
            Column::Customer => {
                let name = call.customer_name.clone();
                let number = call.customer_number.as_deref().map(phone::display);
                // Without a name or number (ElevenLabs' list has neither),
                // the call's own title says more than "Unknown".
                match (name, number) {
                    (Some(name), number) => Cell::Lines(name, number),
                    (None, Some(number)) => Cell::Lines(number, None),
                    (None, None) => match &call.title {
                        Some(title) => Cell::Lines(
                            title.clone(),
                            Some(w.text(words::NO_CALLER_DETAILS).into()),
                        ),
                        None => Cell::Lines(w.text(words::UNKNOWN).into(), None),
                    },
                }
            }
            Column::Agent => Cell::Text(or_dash(
                call.agent_name
                    .clone()
                    .or_else(|| call.agent_id.as_deref().map(short_id)),
            )),
            Column::Duration => Cell::Text(or_dash(call.duration().map(format_duration))),
            Column::Status => Cell::Badge(call.status.id(), status_label(call, w)),
            Column::Outcome => Cell::Text(or_dash(call.outcome(w))),
        }
    }
}

/// Shows or hides `column` among `shown`: a built-in goes back to its
/// place among the built-ins, an extra goes last.
pub fn toggle(shown: &mut Vec<ColumnDef>, column: &ColumnDef) {
    if let Some(i) = shown.iter().position(|c| c == column) {
        shown.remove(i);
        return;
    }
    let at = match &column.kind {
        Kind::Builtin(c) => {
            let rank = |k: &Kind| match k {
                Kind::Builtin(b) => Column::ALL.iter().position(|x| x == b),
                Kind::Extra(_) => None,
            };
            let mine = rank(&Kind::Builtin(*c));
            shown
                .iter()
                .position(|s| rank(&s.kind).is_none_or(|r| Some(r) > mine))
                .unwrap_or(shown.len())
        }
        Kind::Extra(_) => shown.len(),
    };
    shown.insert(at, column.clone());
}

/// The columns the chooser offers for a page: the built-ins, then the
/// extras present on the page's calls (by first appearance) and any extra
/// already shown.
pub fn offered(calls: &[Call], shown: &[ColumnDef]) -> Vec<ColumnDef> {
    let mut all = ColumnDef::builtins();
    let extras = calls
        .iter()
        .flat_map(|c| c.extras.iter())
        .map(|e| ColumnDef::extra(&e.key, e.label.clone()))
        .chain(shown.iter().filter(|c| !c.visible_by_default()).cloned());
    for column in extras {
        if !all.contains(&column) {
            all.push(column);
        }
    }
    all
}

/// An extra's value as cell text.
pub fn extra_text(locale: &format::Locale, value: &ExtraValue) -> String {
    match value {
        ExtraValue::Text(t) => t.clone(),
        ExtraValue::Flag(true) => locale.words.text(words::YES).to_owned(),
        ExtraValue::Flag(false) => locale.words.text(words::NO).to_owned(),
        ExtraValue::Number(n) => format::number(locale, *n),
        ExtraValue::Link(url) => url.clone(),
    }
}

/// A direction with a glyph that does not rely on colour, in `w`.
pub fn direction_label(d: Direction, w: Words) -> String {
    let glyph = match d {
        Direction::Inbound => "↙",
        Direction::Outbound => "↗",
        Direction::Web => "◎",
        Direction::Unknown => "·",
    };
    format!("{glyph} {}", w.text(d.label()))
}

/// The status as shown: in English the provider's own word, humanized
/// (the most precise); in another language the status's word there,
/// unless the status is one the widget does not know.
pub fn status_label(call: &Call, w: Words) -> String {
    match (&call.status_raw, w.lang()) {
        (Some(raw), Lang::En) => humanize(raw),
        (Some(raw), _) if call.status == CallStatus::Unknown => humanize(raw),
        _ => w.text(call.status.label()).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{Extra, Provider};

    /// Each column's id: the built-in column's (`time`, `customer`, ...)
    /// or `extra:{key}`.
    fn ids(cols: &[ColumnDef]) -> Vec<String> {
        cols.iter()
            .map(|c| match &c.kind {
                Kind::Builtin(b) => b.id().to_owned(),
                Kind::Extra(key) => format!("extra:{key}"),
            })
            .collect()
    }

    #[test]
    fn every_builtin_has_a_cell_and_a_header() {
        let mut call = Call::new(Provider::Retell, "c1".into());
        call.customer_name = Some("Ada".into());
        call.customer_number = Some("+14155550100".into());
        let locale = format::Locale::default();
        let cells: Vec<Cell> = ColumnDef::defaults()
            .iter()
            .map(|c| c.cell(&call, &locale))
            .collect();
        assert_eq!(cells.len(), Column::ALL.len());
        assert_eq!(
            cells[2],
            Cell::Lines("Ada".into(), Some(phone::display("+14155550100")))
        );
        assert!(matches!(cells[5], Cell::Badge(..)));
        assert_eq!(
            ids(&ColumnDef::defaults()),
            [
                "time",
                "direction",
                "customer",
                "agent",
                "duration",
                "status",
                "outcome"
            ]
        );
    }

    #[test]
    fn cell_classes_follow_the_column_ids() {
        let mut all = ColumnDef::builtins();
        all.push(ColumnDef::extra("cost", "Cost"));
        for c in all {
            assert_eq!(c.cell_class(), format!("cb-td cb-td--{}", c.class_id()));
        }
    }

    #[test]
    fn a_call_without_caller_details_shows_its_title() {
        let mut call = Call::new(Provider::ElevenLabs, "conv_1".into());
        let customer = ColumnDef::builtin(Column::Customer);
        let locale = format::Locale::default();
        assert_eq!(
            customer.cell(&call, &locale),
            Cell::Lines("Unknown".into(), None)
        );
        call.title = Some("Order delay inquiry".into());
        assert_eq!(
            customer.cell(&call, &locale),
            Cell::Lines(
                "Order delay inquiry".into(),
                Some("No caller details".into())
            )
        );
    }

    #[test]
    fn toggling_keeps_builtins_in_place_and_extras_last() {
        let mut shown = ColumnDef::defaults();
        let direction = ColumnDef::builtin(Column::Direction);
        let cost = ColumnDef::extra("cost", "Cost");
        toggle(&mut shown, &direction);
        toggle(&mut shown, &cost);
        assert!(!shown.contains(&direction));
        toggle(&mut shown, &direction);
        assert_eq!(
            ids(&shown),
            [
                "time",
                "direction",
                "customer",
                "agent",
                "duration",
                "status",
                "outcome",
                "extra:cost"
            ]
        );
        toggle(&mut shown, &cost);
        assert_eq!(shown, ColumnDef::defaults());
    }

    #[test]
    fn extras_are_offered_from_the_page_and_kept_once_shown() {
        let mut call = Call::new(Provider::Retell, "c1".into());
        call.extras.push(Extra {
            key: "sentiment".into(),
            label: "Sentiment".into(),
            value: ExtraValue::Text("Positive".into()),
        });
        let kept = ColumnDef::extra("cost", "Cost");
        let offered = offered(&[call.clone(), call], std::slice::from_ref(&kept));
        assert_eq!(
            ids(&offered[Column::ALL.len()..]),
            ["extra:sentiment", "extra:cost"]
        );
        let cell = ColumnDef::extra("missing", "Missing").cell(
            &Call::new(Provider::Retell, "c2".into()),
            &format::Locale::default(),
        );
        assert_eq!(cell, Cell::Text("—".into()));
    }
}
