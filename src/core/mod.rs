//! The pure core: the call model, queries, provider adapters, the transcript
//! reader and normalizers. No `web-sys`, no `leptos`, no I/O: everything
//! here is tested natively with `cargo test`.

pub mod cache;
pub mod capabilities;
pub mod case;
pub mod columns;
pub mod csv_export;
pub mod decimal;
pub mod error;
pub mod json;
pub mod live;
pub mod local;
pub mod model;
pub mod moment;
pub mod normalize;
pub mod pager;
pub mod phone;
pub mod player;
pub mod provider;
pub mod provider_id;
pub mod query;
pub mod remote;
pub mod request;
pub mod row_batches;
pub mod shortcuts;
pub mod time;
pub mod timeline;
pub mod tool_events;
pub mod transcript;
pub mod transcript_export;
pub mod transcript_index;
pub mod transcript_rows;
pub mod url;
pub mod words;

pub use capabilities::{Capabilities, Choice, DateGranularity, Pagination};
pub use error::{ApiError, BodyError, ErrorKind, ErrorReply, FieldError, QueryError, RetryAfter};
pub use model::{Call, CallDetail, Cost, CostUnit, Extra, ExtraValue, Figure, Page, Recording};
pub use normalize::{CallStatus, Direction, Speaker};
pub use provider_id::{Provider, UnknownProvider};
pub use query::{FilterKind, Filters, Query, Scope, Sort, SortDir, SortField, SortState};
pub use remote::Remote;
pub use request::{Method, ProviderRequest};
pub use transcript::{ToolEvent, ToolEventKind, Transcript, Turn, Word};
