//! The call table's columns: what each shows and which server-side sort
//! it maps to for a provider.

use super::capabilities::Capabilities;
use super::query::SortField;
use super::words::{self, Msg};

/// A built-in column of the call table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    /// When the call happened.
    Time,
    /// Inbound, outbound or web.
    Direction,
    /// The customer's name or number.
    Customer,
    /// The agent.
    Agent,
    /// How long it lasted.
    Duration,
    /// Call status.
    Status,
    /// How it went.
    Outcome,
}

impl Column {
    /// The built-in columns in display order.
    pub const ALL: [Column; 7] = [
        Self::Time,
        Self::Direction,
        Self::Customer,
        Self::Agent,
        Self::Duration,
        Self::Status,
        Self::Outcome,
    ];

    /// The header text.
    pub fn label(self) -> Msg {
        match self {
            Self::Time => words::COLUMN_TIME,
            Self::Direction => words::COLUMN_DIRECTION,
            Self::Customer => words::COLUMN_CUSTOMER,
            Self::Agent => words::COLUMN_AGENT,
            Self::Duration => words::COLUMN_DURATION,
            Self::Status => words::COLUMN_STATUS,
            Self::Outcome => words::COLUMN_OUTCOME,
        }
    }

    /// A stable name for CSS classes and `::part()`.
    pub fn id(self) -> &'static str {
        match self {
            Self::Time => "time",
            Self::Direction => "direction",
            Self::Customer => "customer",
            Self::Agent => "agent",
            Self::Duration => "duration",
            Self::Status => "status",
            Self::Outcome => "outcome",
        }
    }

    /// The server-side sort this column's header applies, if the provider
    /// has one: time sorts by start (or creation), duration by duration.
    pub fn sort_field(self, caps: &Capabilities) -> Option<SortField> {
        let candidates: &[SortField] = match self {
            Self::Time => &[SortField::StartedAt, SortField::CreatedAt],
            Self::Duration => &[SortField::Duration],
            _ => &[],
        };
        candidates.iter().copied().find(|f| caps.sorts_by(*f))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::Provider;

    #[test]
    fn sortable_columns_follow_capabilities() {
        let sort = |p: Provider, c: Column| c.sort_field(p.capabilities());
        assert_eq!(
            sort(Provider::AgentVoice, Column::Time),
            Some(SortField::StartedAt)
        );
        assert_eq!(
            sort(Provider::Smallest, Column::Time),
            Some(SortField::CreatedAt)
        );
        assert_eq!(
            sort(Provider::Smallest, Column::Duration),
            Some(SortField::Duration)
        );
        assert_eq!(sort(Provider::AgentVoice, Column::Duration), None);
        assert_eq!(sort(Provider::Vapi, Column::Time), None);
        assert_eq!(sort(Provider::Retell, Column::Status), None);
    }
}
