//! The native companion of the callboard widget, as a library: the mock
//! providers (dev server), the reference proxy, and the debugging command
//! line. The `callboard-server` binary is a thin shell over these.

pub mod body;
pub mod cli;
pub mod live;
pub mod mock;
pub mod proxy;
pub mod serve;
pub mod stall;
