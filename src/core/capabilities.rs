//! What each provider can do server-side, and the check that a query asks
//! for nothing more.

use super::error::QueryError;
use super::normalize::Direction;
use super::query::{FilterKind, Filters, Query, Scope, SortField};
use super::words::{self, fill, Label, Msg, Words};

/// How a provider pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "style", rename_all = "snake_case"))]
pub enum Pagination {
    /// `limit` + `offset`.
    Offset,
    /// Numbered pages; `first` is 0 or 1.
    Page {
        /// The number of the first page.
        first: u32,
    },
    /// Keyset / cursor: each page says how to get the next.
    Cursor,
}

/// How finely a provider's date filter works.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum DateGranularity {
    /// Calendar dates (`YYYY-MM-DD`) in the viewer's time zone.
    Day,
    /// Instants.
    Instant,
}

/// One value of an enumerated filter: the provider's value and a label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Choice {
    /// What the provider takes.
    pub value: &'static str,
    /// What the user reads.
    pub label: Msg,
}

/// Shorthand for a `Choice`.
pub(crate) const fn choice(value: &'static str, label: Msg) -> Choice {
    Choice { value, label }
}

/// A provider's server-side abilities. The UI offers exactly these.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Capabilities {
    /// Paging style.
    pub pagination: Pagination,
    /// Whether list responses carry a total count.
    pub total_known: bool,
    /// The provider's default page size.
    pub default_page_size: u32,
    /// The largest page the provider serves.
    pub max_page_size: u32,
    /// Filters it applies server-side.
    pub filters: &'static [FilterKind],
    /// Status values it filters by.
    pub statuses: &'static [Choice],
    /// Directions it filters by.
    pub directions: &'static [Direction],
    /// Call-type values it filters by.
    pub call_types: &'static [Choice],
    /// End-reason values it filters by.
    pub end_reasons: &'static [Choice],
    /// Sentiment values it filters by.
    pub sentiments: &'static [Choice],
    /// Outcome values it filters by (reached its goal or not).
    pub outcomes: &'static [Choice],
    /// What free-text search matches, for the search box's label.
    pub search_hint: Option<Msg>,
    /// The phone filter is sent as the search parameter, so the two cannot
    /// both be set.
    pub phone_via_search: bool,
    /// Date filter granularity.
    pub date_granularity: DateGranularity,
    /// Fields it sorts by.
    pub sorts: &'static [SortField],
    /// Whether sorting by a field may go both ways (otherwise only the
    /// provider's default order exists for it).
    pub sort_both_ways: bool,
    /// Whether calls have transcripts.
    pub transcripts: bool,
    /// Whether calls have recordings.
    pub recordings: bool,
    /// Whether stereo recordings exist.
    pub stereo: bool,
    /// Whether recording links must be fetched fresh before playback.
    pub fresh_recording_link: bool,
}

/// The provider's own spelling of `value` among `choices` (compared
/// case-insensitively), so `ended` goes out as Zudu's `ENDED`.
fn canonical(choices: &[Choice], value: &str) -> Option<&'static str> {
    choices
        .iter()
        .find(|c| c.value.eq_ignore_ascii_case(value.trim()))
        .map(|c| c.value)
}

impl Capabilities {
    /// The filter kinds the filter bar offers: the provider's, minus
    /// `pinned` ones, minus the phone box where phone numbers travel as
    /// the search (the search box covers them; it goes too when the phone
    /// is pinned).
    pub fn offered_filters(&self, pinned: &[FilterKind]) -> Vec<FilterKind> {
        self.filters
            .iter()
            .copied()
            .filter(|k| !pinned.contains(k))
            .filter(|k| !(self.phone_via_search && *k == FilterKind::Phone))
            .filter(|k| {
                !(self.phone_via_search
                    && *k == FilterKind::Search
                    && pinned.contains(&FilterKind::Phone))
            })
            .collect()
    }

    /// Whether the provider filters by `kind`.
    pub fn supports(&self, kind: FilterKind) -> bool {
        self.filters.contains(&kind)
    }

    /// The values a choice filter (status, call type, end reason,
    /// sentiment, outcome) offers; empty for the other kinds.
    pub fn choices_for(&self, kind: FilterKind) -> &'static [Choice] {
        match kind {
            FilterKind::Status => self.statuses,
            FilterKind::CallType => self.call_types,
            FilterKind::EndReason => self.end_reasons,
            FilterKind::Sentiment => self.sentiments,
            FilterKind::Outcome => self.outcomes,
            _ => &[],
        }
    }

    /// What to change when a query cannot be put to this provider. A
    /// retry cannot help with these, so the widget says this instead of
    /// offering one: a pin comes from the host page's settings, a filter
    /// from the user.
    pub fn remedy(&self, error: &QueryError, scope: &Scope, w: Words) -> String {
        let pinned = |kind: FilterKind| scope.pinned().contains(&kind);
        let filter = |kind: FilterKind| kind.name_in(w);
        match error {
            QueryError::UnsupportedFilter { filter, .. } if pinned(*filter) => {
                let attr = Scope::attribute(*filter).unwrap_or("scope");
                let others: Vec<String> = Scope::KINDS
                    .into_iter()
                    .filter(|k| self.supports(*k))
                    .filter_map(Scope::attribute)
                    .map(|a| format!("“{a}”"))
                    .collect();
                if others.is_empty() {
                    fill(w.text(words::REMEDY_REMOVE_PIN), &[("attr", attr)])
                } else {
                    let or = format!(" {} ", w.text(words::LIST_OR));
                    let others = super::normalize::join_str(others.iter().map(String::as_str), &or);
                    fill(
                        w.text(words::REMEDY_PIN_INSTEAD),
                        &[("attr", attr), ("others", &others)],
                    )
                }
            }
            QueryError::UnsupportedFilter { filter: f, .. } => fill(
                w.text(words::REMEDY_CLEAR_FILTER),
                &[("filter", &filter(*f))],
            ),
            QueryError::Conflict { first, second, .. } => fill(
                w.text(words::REMEDY_CONFLICT),
                &[("first", &filter(*first)), ("second", &filter(*second))],
            ),
            QueryError::InvalidValue {
                what: Some(kind), ..
            } => fill(
                w.text(words::REMEDY_CHANGE_VALUE),
                &[("filter", &filter(*kind))],
            ),
            QueryError::InvalidValue { what: None, .. } => {
                w.text(words::REMEDY_CHOOSE_PAGE).to_owned()
            }
            QueryError::UnsupportedSort { .. } => w.text(words::REMEDY_CHOOSE_SORT).to_owned(),
            QueryError::InvalidId { .. } => w.text(words::REMEDY_CHECK_CALL_ID).to_owned(),
        }
    }

    /// Whether the provider sorts by `field`.
    pub fn sorts_by(&self, field: SortField) -> bool {
        self.sorts.contains(&field)
    }

    /// The page size a query gets: clamped to `1..=max_page_size`.
    pub fn page_size(&self, query: &Query) -> u32 {
        query.page_size.clamp(1, self.max_page_size)
    }

    /// Checks that a query asks only for what the provider can do and
    /// returns the filters in force (scope applied).
    pub fn validate(&self, provider: &'static str, query: &Query) -> Result<Filters, QueryError> {
        if query.page == 0 {
            return Err(QueryError::InvalidValue {
                what: None,
                value: "0".into(),
                provider,
            });
        }
        let mut f = query.effective_filters().normalized();
        for kind in f.active() {
            if !self.supports(kind) {
                return Err(QueryError::UnsupportedFilter {
                    provider,
                    filter: kind,
                });
            }
        }
        let bad = |what: FilterKind, value: Label| QueryError::InvalidValue {
            what: Some(what),
            value,
            provider,
        };
        for (slot, choices, kind) in [
            (&mut f.status, self.statuses, FilterKind::Status),
            (&mut f.call_type, self.call_types, FilterKind::CallType),
            (&mut f.end_reason, self.end_reasons, FilterKind::EndReason),
            (&mut f.sentiment, self.sentiments, FilterKind::Sentiment),
            (&mut f.outcome, self.outcomes, FilterKind::Outcome),
        ] {
            if let Some(value) = slot.as_deref() {
                let native = canonical(choices, value).ok_or_else(|| bad(kind, value.into()))?;
                *slot = Some(native.to_owned());
            }
        }
        if let Some(d) = f.direction.filter(|d| !self.directions.contains(d)) {
            return Err(bad(FilterKind::Direction, d.id().into()));
        }
        if let (Some(a), Some(b)) = (f.date_from, f.date_to) {
            if a >= b {
                return Err(bad(
                    FilterKind::DateRange,
                    words::START_NOT_BEFORE_END.into(),
                ));
            }
        }
        if let (Some(a), Some(b)) = (f.min_duration_ms, f.max_duration_ms) {
            if a > b {
                return Err(bad(
                    FilterKind::Duration,
                    words::MINIMUM_ABOVE_MAXIMUM.into(),
                ));
            }
        }
        let active = f.active();
        if self.phone_via_search
            && active.contains(&FilterKind::Phone)
            && active.contains(&FilterKind::Search)
        {
            return Err(QueryError::Conflict {
                provider,
                first: FilterKind::Phone,
                second: FilterKind::Search,
            });
        }
        if let Some(sort) = query.sort {
            if !self.sorts_by(sort.field) {
                return Err(QueryError::UnsupportedSort {
                    provider,
                    field: sort.field,
                });
            }
        }
        Ok(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remedies_say_what_to_change() {
        let vapi = crate::core::Provider::Vapi.capabilities();
        let contact = Scope {
            contact_id: Some("c-1".into()),
            ..Scope::default()
        };
        let pinned = QueryError::UnsupportedFilter {
            provider: "Vapi",
            filter: FilterKind::Contact,
        };
        assert_eq!(
            vapi.remedy(&pinned, &contact, Words::ENGLISH),
            "Remove the page's “contact-id” setting, or pin with “agent-id” instead."
        );
        assert_eq!(
            vapi.remedy(&pinned, &Scope::default(), Words::ENGLISH),
            "Clear the contact filter.",
            "an unpinned filter is the user's"
        );
        let none = Capabilities {
            filters: &[],
            ..*vapi
        };
        assert!(none
            .remedy(&pinned, &contact, Words::ENGLISH)
            .ends_with("cannot be pinned to one record."));
    }

    #[test]
    fn offered_filters() {
        use crate::core::Provider;
        let caps = Provider::Talkover.capabilities();
        let all = caps.offered_filters(&[]);
        assert!(all.contains(&FilterKind::Search));
        assert!(
            !all.contains(&FilterKind::Phone),
            "Talkover's phone filter is the search box"
        );
        let pinned = caps.offered_filters(&[FilterKind::Phone, FilterKind::Agent]);
        assert!(
            !pinned.contains(&FilterKind::Search),
            "a pinned phone takes the search parameter"
        );
        assert!(!pinned.contains(&FilterKind::Agent));
        let av = Provider::AgentVoice
            .capabilities()
            .offered_filters(&[FilterKind::Contact]);
        assert!(av.contains(&FilterKind::Phone) && !av.contains(&FilterKind::Contact));
    }
}
