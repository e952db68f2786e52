//! callboard: an embeddable call log for CRM pages.
//!
//! Voice-AI agent calls (AgentVoice, VozAgent, Talkover, Zudu, Smallest
//! Atoms, Retell, Vapi), fetched through the integrator's proxy, shown as a
//! paginated table with a call detail, transcript and recording player.
//!
//! Layers, data flowing down and events up: `embed` → `ui` → `net` →
//! [`core`]. Only [`core`] exists on every target; it is pure Rust with no
//! I/O and is tested natively.

#[cfg(feature = "web")]
mod chunk;
pub mod core;
#[cfg(feature = "demo-data")]
pub mod demo_data;
#[cfg(feature = "web")]
pub mod embed;
#[cfg(feature = "web")]
mod later;
#[cfg(feature = "web")]
pub mod net;
#[cfg(feature = "web")]
pub mod perf;
#[cfg(feature = "web")]
pub mod ui;
