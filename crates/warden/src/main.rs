//! The `warden` command line: the service and its offline tools.
//!
//! Offline subcommands (`policy validate`, `policy simulate`) call `warden-policy` directly,
//! so a policy can be checked before it is deployed, with the same engine the service uses.

mod command;

use std::process::ExitCode;

use clap::Parser;

use crate::command::Command;

// Request handling makes many small, short-lived allocations; mimalloc serves them with
// fewer cycles than the system allocator (measured in docs/performance-http.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Warden: a self-hosted IAM and STS service speaking the AWS APIs.
#[derive(Debug, Parser)]
#[command(name = "warden", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match command::run(cli.command) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}
