//! `callboard-server`: the native companion of the callboard widget.
//!
//! - `serve`: the dev server, playing every provider over a demo data set;
//! - `proxy`: the reference proxy that adds credentials in front of one
//!   real provider;
//! - `normalize`, `request`, `capabilities`: debugging a proxy from the
//!   command line.

use std::process::ExitCode;

use callboard_server::cli::{self, Command};
use callboard_server::{proxy, serve};
use clap::Parser;

fn block_on(f: impl std::future::Future<Output = Result<(), String>>) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("callboard-server: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(f) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("callboard-server: {e}");
            ExitCode::FAILURE
        }
    }
}

fn main() -> ExitCode {
    match cli::Cli::parse().command {
        Command::Serve(args) => block_on(serve::run(args)),
        Command::Proxy(args) => block_on(proxy::run(args)),
        other => match cli::run(other, &mut std::io::stdin().lock()) {
            Ok(out) => {
                println!("{out}");
                ExitCode::SUCCESS
            }
            Err(err) => {
                eprintln!("callboard-server: {err}");
                ExitCode::FAILURE
            }
        },
    }
}
