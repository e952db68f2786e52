//! callboard: an embeddable call log for CRM pages.
//!
//! Voice-AI agent calls (AgentVoice, VozAgent, Talkover, Zudu, Smallest
//! Atoms, Retell, Vapi, ElevenLabs, Bland), fetched through the
//! integrator's proxy, shown as a paginated table with a call detail,
//! transcript and recording player.
//!
//! Layers, data flowing down and events up: `embed` → `ui` → `net` →
//! [`core`], and imports only that way, with no cycle
//! (`tests/module_graph.rs` checks both; `docs/architecture.md` draws
//! them). Only [`core`] exists on every target; it is pure Rust with no
//! I/O and is tested natively.

pub mod core;
#[cfg(feature = "web")]
pub mod embed;
#[cfg(feature = "web")]
pub mod net;
#[cfg(feature = "web")]
pub mod ui;
