//! What the user asks for: page or cursor, page size, sort, filters and the
//! fixed scope an embedding pins.

use super::words::{self, Msg, Words};
use std::fmt;

use super::normalize::Direction;

/// A request for one page of calls, independent of any provider.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct Query {
    /// The 1-based page number the user sees.
    pub page: u32,
    /// For cursor providers: the cursor that starts this page (`None` for the
    /// first page). Offset and page providers ignore it.
    pub cursor: Option<String>,
    /// Rows per page; clamped to the provider's range.
    pub page_size: u32,
    /// Server-side sort; `None` keeps the provider's default (newest first).
    pub sort: Option<Sort>,
    /// Filters the user chose.
    pub filters: Filters,
    /// Filters the embedding pins (a CRM record page); they override
    /// `filters` and are not shown as removable.
    pub scope: Scope,
    /// The widget's UTC offset in its time zone now, for providers that
    /// filter by calendar date (date-range bounds are local midnights, read
    /// at midday, so another season's offset names the same days).
    pub utc_offset_minutes: i32,
}

impl Default for Query {
    fn default() -> Self {
        Self {
            page: 1,
            cursor: None,
            page_size: 25,
            sort: None,
            filters: Filters::default(),
            scope: Scope::default(),
            utc_offset_minutes: 0,
        }
    }
}

impl Query {
    /// The first page of this list, newest first, whatever the order it
    /// is shown in: where new calls are (what polling asks for).
    pub fn newest_first_page(&self) -> Self {
        Self {
            page: 1,
            cursor: None,
            sort: None,
            ..self.clone()
        }
    }

    /// The filters in force: the user's, with the scope's pins on top.
    pub fn effective_filters(&self) -> Filters {
        let mut f = self.filters.clone();
        let s = &self.scope;
        for (pin, slot) in [
            (&s.agent_id, &mut f.agent_id),
            (&s.campaign_id, &mut f.campaign_id),
            (&s.contact_id, &mut f.contact_id),
            (&s.phone_number, &mut f.phone_number),
        ] {
            if pin.is_some() {
                slot.clone_from(pin);
            }
        }
        f
    }
}

/// A server-side sort.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Sort {
    /// What to sort by.
    pub field: SortField,
    /// Which way.
    pub dir: SortDir,
}

impl Sort {
    /// The sort a click on `field`'s header asks for, when `current` is
    /// in force: flip an active sort; otherwise time starts oldest-first
    /// (the default is newest-first) and other fields largest-first.
    pub fn next(current: Option<Sort>, field: SortField) -> Sort {
        let dir = match current {
            Some(s) if s.field == field => match s.dir {
                SortDir::Desc => SortDir::Asc,
                SortDir::Asc => SortDir::Desc,
            },
            _ if field.is_time() => SortDir::Asc,
            _ => SortDir::Desc,
        };
        Sort { field, dir }
    }
}

/// How a sortable column is sorted now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortState {
    /// Smallest (or oldest) first.
    Ascending,
    /// Largest (or newest) first.
    Descending,
    /// Not the sort in force.
    Unsorted,
}

impl SortState {
    /// How `field` is sorted under `current`: the time column is
    /// newest-first until another sort is chosen.
    pub fn of(current: Option<Sort>, field: SortField) -> Self {
        match current {
            Some(s) if s.field == field => match s.dir {
                SortDir::Asc => Self::Ascending,
                SortDir::Desc => Self::Descending,
            },
            None if field.is_time() => Self::Descending,
            _ => Self::Unsorted,
        }
    }

    /// The header's `aria-sort`.
    pub fn aria(self) -> &'static str {
        match self {
            Self::Ascending => "ascending",
            Self::Descending => "descending",
            Self::Unsorted => "none",
        }
    }

    /// The header's arrow.
    pub fn arrow(self) -> &'static str {
        match self {
            Self::Ascending => "▲",
            Self::Descending => "▼",
            Self::Unsorted => "↕",
        }
    }
}

/// Fields a provider may sort by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum SortField {
    /// When the call started.
    StartedAt,
    /// When the call ended.
    EndedAt,
    /// When the record was created.
    CreatedAt,
    /// When the record last changed.
    UpdatedAt,
    /// How long the call lasted.
    Duration,
    /// Average latency.
    Latency,
}

impl SortField {
    /// Whether it is a moment in time (the default sort's kind of field).
    pub fn is_time(self) -> bool {
        matches!(self, Self::StartedAt | Self::CreatedAt)
    }

    /// A label for display.
    pub fn label(self) -> Msg {
        match self {
            Self::StartedAt => words::SORT_START_TIME,
            Self::EndedAt => words::SORT_END_TIME,
            Self::CreatedAt => words::SORT_CREATION_TIME,
            Self::UpdatedAt => words::SORT_UPDATE_TIME,
            Self::Duration => words::SORT_DURATION,
            Self::Latency => words::SORT_LATENCY,
        }
    }
}

/// Sort direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum SortDir {
    /// Smallest (oldest, shortest) first.
    Asc,
    /// Largest (newest, longest) first.
    #[default]
    Desc,
}

impl SortDir {
    /// `"asc"` or `"desc"`, as most query strings spell it.
    pub fn short(self) -> &'static str {
        match self {
            Self::Asc => "asc",
            Self::Desc => "desc",
        }
    }
}

/// Filters a user can set. Which of them a provider takes is in its
/// `Capabilities::filters`; a set filter the provider lacks is an error,
/// never silently dropped.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct Filters {
    /// A native status value from `Capabilities::statuses`.
    pub status: Option<String>,
    /// Inbound, outbound or web.
    pub direction: Option<Direction>,
    /// A native call-type value from `Capabilities::call_types`.
    pub call_type: Option<String>,
    /// Agent (assistant) id.
    pub agent_id: Option<String>,
    /// Campaign id.
    pub campaign_id: Option<String>,
    /// CRM contact id.
    pub contact_id: Option<String>,
    /// Customer phone number.
    pub phone_number: Option<String>,
    /// Free text; what it matches is `Capabilities::search_hint`.
    pub search: Option<String>,
    /// A native end-reason value.
    pub end_reason: Option<String>,
    /// A native sentiment value from `Capabilities::sentiments`.
    pub sentiment: Option<String>,
    /// A native outcome value from `Capabilities::outcomes` (whether the
    /// call reached its goal).
    pub outcome: Option<String>,
    /// Calls at or after this instant (epoch ms).
    pub date_from: Option<i64>,
    /// Calls before this instant (epoch ms, exclusive).
    pub date_to: Option<i64>,
    /// Calls at least this long.
    pub min_duration_ms: Option<i64>,
    /// Calls at most this long.
    pub max_duration_ms: Option<i64>,
}

impl Filters {
    /// The kinds of filter that are set, each once.
    pub fn active(&self) -> Vec<FilterKind> {
        let set = |o: &Option<String>| o.as_deref().is_some_and(|s| !s.trim().is_empty());
        let mut kinds = Vec::new();
        for (on, kind) in [
            (set(&self.status), FilterKind::Status),
            (self.direction.is_some(), FilterKind::Direction),
            (set(&self.call_type), FilterKind::CallType),
            (set(&self.agent_id), FilterKind::Agent),
            (set(&self.campaign_id), FilterKind::Campaign),
            (set(&self.contact_id), FilterKind::Contact),
            (set(&self.phone_number), FilterKind::Phone),
            (set(&self.search), FilterKind::Search),
            (set(&self.end_reason), FilterKind::EndReason),
            (set(&self.sentiment), FilterKind::Sentiment),
            (set(&self.outcome), FilterKind::Outcome),
            (
                self.date_from.is_some() || self.date_to.is_some(),
                FilterKind::DateRange,
            ),
            (
                self.min_duration_ms.is_some() || self.max_duration_ms.is_some(),
                FilterKind::Duration,
            ),
        ] {
            if on {
                kinds.push(kind);
            }
        }
        kinds
    }

    /// The filters with text trimmed and blank text dropped.
    pub fn normalized(mut self) -> Self {
        for slot in [
            &mut self.status,
            &mut self.call_type,
            &mut self.agent_id,
            &mut self.campaign_id,
            &mut self.contact_id,
            &mut self.phone_number,
            &mut self.search,
            &mut self.end_reason,
            &mut self.sentiment,
            &mut self.outcome,
        ] {
            *slot = slot
                .take()
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty());
        }
        self
    }

    /// The text slot behind a text-valued filter kind (every kind but
    /// direction, date range and duration).
    fn text_slot(&mut self, kind: FilterKind) -> Option<&mut Option<String>> {
        Some(match kind {
            FilterKind::Status => &mut self.status,
            FilterKind::CallType => &mut self.call_type,
            FilterKind::Agent => &mut self.agent_id,
            FilterKind::Campaign => &mut self.campaign_id,
            FilterKind::Contact => &mut self.contact_id,
            FilterKind::Phone => &mut self.phone_number,
            FilterKind::Search => &mut self.search,
            FilterKind::EndReason => &mut self.end_reason,
            FilterKind::Sentiment => &mut self.sentiment,
            FilterKind::Outcome => &mut self.outcome,
            FilterKind::Direction | FilterKind::DateRange | FilterKind::Duration => return None,
        })
    }

    /// The value of a text-valued filter kind.
    pub fn text(&self, kind: FilterKind) -> Option<&str> {
        let value = match kind {
            FilterKind::Status => &self.status,
            FilterKind::CallType => &self.call_type,
            FilterKind::Agent => &self.agent_id,
            FilterKind::Campaign => &self.campaign_id,
            FilterKind::Contact => &self.contact_id,
            FilterKind::Phone => &self.phone_number,
            FilterKind::Search => &self.search,
            FilterKind::EndReason => &self.end_reason,
            FilterKind::Sentiment => &self.sentiment,
            FilterKind::Outcome => &self.outcome,
            FilterKind::Direction | FilterKind::DateRange | FilterKind::Duration => return None,
        };
        value.as_deref()
    }

    /// Sets a text-valued filter kind (no-op for the others).
    pub fn set_text(&mut self, kind: FilterKind, value: Option<String>) {
        if let Some(slot) = self.text_slot(kind) {
            *slot = value;
        }
    }

    /// Removes the filter of `kind` (both ends of a range).
    pub fn clear(&mut self, kind: FilterKind) {
        match kind {
            FilterKind::Direction => self.direction = None,
            FilterKind::DateRange => (self.date_from, self.date_to) = (None, None),
            FilterKind::Duration => (self.min_duration_ms, self.max_duration_ms) = (None, None),
            text => self.set_text(text, None),
        }
    }

    /// Whether no filter is set.
    pub fn is_empty(&self) -> bool {
        self.active().is_empty()
    }
}

/// Filters pinned by the embedding (attributes `agent-id`, `campaign-id`,
/// `contact-id`, `phone-number`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct Scope {
    /// Only this agent's calls.
    pub agent_id: Option<String>,
    /// Only this campaign's calls.
    pub campaign_id: Option<String>,
    /// Only this contact's calls.
    pub contact_id: Option<String>,
    /// Only calls with this customer number.
    pub phone_number: Option<String>,
}

impl Scope {
    /// The filter kinds the scope pins.
    pub fn pinned(&self) -> Vec<FilterKind> {
        [
            (&self.agent_id, FilterKind::Agent),
            (&self.campaign_id, FilterKind::Campaign),
            (&self.contact_id, FilterKind::Contact),
            (&self.phone_number, FilterKind::Phone),
        ]
        .into_iter()
        .filter(|(v, _)| v.is_some())
        .map(|(_, k)| k)
        .collect()
    }

    /// The filter kinds a scope can pin, in the order the embedding lists
    /// them.
    pub const KINDS: [FilterKind; 4] = [
        FilterKind::Agent,
        FilterKind::Campaign,
        FilterKind::Contact,
        FilterKind::Phone,
    ];

    /// The `<call-board>` attribute that pins `kind` (`contact-id`), if a
    /// scope can pin it.
    pub fn attribute(kind: FilterKind) -> Option<&'static str> {
        match kind {
            FilterKind::Agent => Some("agent-id"),
            FilterKind::Campaign => Some("campaign-id"),
            FilterKind::Contact => Some("contact-id"),
            FilterKind::Phone => Some("phone-number"),
            _ => None,
        }
    }
}

/// A kind of filter, as capabilities list them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum FilterKind {
    /// Call status.
    Status,
    /// Inbound / outbound / web.
    Direction,
    /// The provider's call type (phone / web call).
    CallType,
    /// Agent.
    Agent,
    /// Campaign.
    Campaign,
    /// Contact.
    Contact,
    /// Customer phone number.
    Phone,
    /// Free-text search.
    Search,
    /// End reason.
    EndReason,
    /// The customer's sentiment.
    Sentiment,
    /// Whether the call reached its goal.
    Outcome,
    /// Date range.
    DateRange,
    /// Duration range.
    Duration,
}

impl FilterKind {
    /// Whether the filter sits in the filter bar's first row; the rest
    /// (ids, end reason, duration) wait behind "More filters".
    pub fn is_primary(self) -> bool {
        matches!(
            self,
            Self::Search
                | Self::Phone
                | Self::Status
                | Self::Direction
                | Self::CallType
                | Self::DateRange
        )
    }

    /// Every kind of filter.
    pub const ALL: [FilterKind; 13] = [
        Self::Status,
        Self::Direction,
        Self::CallType,
        Self::Agent,
        Self::Campaign,
        Self::Contact,
        Self::Phone,
        Self::Search,
        Self::EndReason,
        Self::Sentiment,
        Self::Outcome,
        Self::DateRange,
        Self::Duration,
    ];

    /// Its name inside a sentence in `w` ("Clear the status filter."):
    /// English writes it in lower case; other languages as their label is
    /// written (German nouns keep their capital).
    pub fn name_in(self, w: Words) -> String {
        let label = w.text(self.label());
        if w.lang() == words::Lang::En {
            label.to_ascii_lowercase()
        } else {
            label.to_owned()
        }
    }

    /// A label for display.
    pub fn label(self) -> Msg {
        match self {
            Self::Status => words::FILTER_STATUS,
            Self::Direction => words::FILTER_DIRECTION,
            Self::CallType => words::FILTER_CALL_TYPE,
            Self::Agent => words::FILTER_AGENT,
            Self::Campaign => words::FILTER_CAMPAIGN,
            Self::Contact => words::FILTER_CONTACT,
            Self::Phone => words::FILTER_PHONE,
            Self::Search => words::FILTER_SEARCH,
            Self::EndReason => words::FILTER_END_REASON,
            Self::Sentiment => words::FILTER_SENTIMENT,
            Self::Outcome => words::FILTER_OUTCOME,
            Self::DateRange => words::FILTER_DATE_RANGE,
            Self::Duration => words::FILTER_DURATION,
        }
    }
}

impl fmt::Display for FilterKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label().en().to_ascii_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_first_page_keeps_the_list_but_not_its_place_or_order() {
        let q = Query {
            page: 4,
            cursor: Some("c_75".into()),
            page_size: 50,
            sort: Some(Sort::next(None, SortField::Duration)),
            filters: Filters {
                search: Some("renewal".into()),
                ..Filters::default()
            },
            ..Query::default()
        };
        let first = q.newest_first_page();
        assert_eq!((first.page, first.cursor, first.sort), (1, None, None));
        assert_eq!((first.page_size, first.filters), (50, q.filters.clone()));
    }

    #[test]
    fn scope_pins_override_filters() {
        let q = Query {
            filters: Filters {
                agent_id: Some("mine".into()),
                status: Some("completed".into()),
                ..Filters::default()
            },
            scope: Scope {
                agent_id: Some("pinned".into()),
                ..Scope::default()
            },
            ..Query::default()
        };
        let f = q.effective_filters();
        assert_eq!(f.agent_id.as_deref(), Some("pinned"));
        assert_eq!(f.status.as_deref(), Some("completed"));
        assert_eq!(q.scope.pinned(), vec![FilterKind::Agent]);
    }

    #[test]
    fn clearing_each_kind_empties_it() {
        let all = Filters {
            status: Some("s".into()),
            direction: Some(Direction::Inbound),
            call_type: Some("t".into()),
            agent_id: Some("a".into()),
            campaign_id: Some("c".into()),
            contact_id: Some("c".into()),
            phone_number: Some("p".into()),
            search: Some("q".into()),
            end_reason: Some("r".into()),
            sentiment: Some("Positive".into()),
            outcome: Some("successful".into()),
            date_from: Some(1),
            date_to: Some(2),
            min_duration_ms: Some(1),
            max_duration_ms: Some(2),
        };
        let kinds = all.active();
        assert_eq!(kinds.len(), 13);
        let mut f = all.clone();
        for (i, kind) in kinds.iter().enumerate() {
            f.clear(*kind);
            assert_eq!(f.active().len(), 12 - i, "{kind}");
            assert!(!f.active().contains(kind));
        }
        assert_eq!(f, Filters::default());
    }

    #[test]
    fn text_slots_round_trip() {
        let mut f = Filters::default();
        for kind in [
            FilterKind::Status,
            FilterKind::Agent,
            FilterKind::Search,
            FilterKind::EndReason,
        ] {
            f.set_text(kind, Some(format!("{kind}")));
            assert_eq!(f.text(kind), Some(kind.to_string().as_str()));
        }
        f.set_text(FilterKind::Direction, Some("x".into()));
        assert_eq!(f.direction, None);
        assert_eq!(f.text(FilterKind::DateRange), None);
    }

    #[test]
    fn active_ignores_blank_text() {
        let f = Filters {
            search: Some("   ".into()),
            date_to: Some(5),
            max_duration_ms: Some(1),
            ..Filters::default()
        };
        assert_eq!(
            f.active(),
            vec![FilterKind::DateRange, FilterKind::Duration]
        );
        assert!(Filters::default().is_empty());
    }

    #[test]
    fn sort_cycles() {
        let s = Sort::next(None, SortField::StartedAt);
        assert_eq!(
            s.dir,
            SortDir::Asc,
            "time is newest-first by default, so a click flips it"
        );
        assert_eq!(Sort::next(Some(s), SortField::StartedAt).dir, SortDir::Desc);
        assert_eq!(Sort::next(Some(s), SortField::Duration).dir, SortDir::Desc);
        assert_eq!(Sort::next(None, SortField::Duration).dir, SortDir::Desc);
        assert_eq!(
            SortState::of(None, SortField::StartedAt),
            SortState::Descending
        );
        assert_eq!(
            SortState::of(None, SortField::Duration),
            SortState::Unsorted
        );
        assert_eq!(
            SortState::of(Some(s), SortField::StartedAt),
            SortState::Ascending
        );
        assert_eq!(SortState::of(Some(s), SortField::Duration).aria(), "none");
        assert_eq!(SortState::Ascending.aria(), "ascending");
        assert_eq!(SortState::Descending.arrow(), "▼");
        assert_eq!(SortState::Unsorted.arrow(), "↕");
    }

    #[test]
    fn primary_filters() {
        assert!(FilterKind::DateRange.is_primary());
        assert!(!FilterKind::Agent.is_primary());
        assert!(!FilterKind::EndReason.is_primary());
    }
}
