//! `callboard-server`: the native companion of the callboard widget.
//!
//! - `normalize`: reads a provider response body on stdin and prints what the
//!   widget makes of it, as JSON.
//! - `request`: prints the native request a query becomes.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args, &mut std::io::stdin().lock()) {
        Ok(out) => {
            println!("{out}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("callboard-server: {err}");
            ExitCode::FAILURE
        }
    }
}
