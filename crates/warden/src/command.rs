//! One module per subcommand; `run` dispatches.

mod account;
mod audit;
mod export;
mod generate_export;
mod import;
mod policy_simulate;
mod policy_validate;
mod serve;
mod simulate_input;
mod workload;

use std::process::ExitCode;

use clap::{Subcommand, ValueEnum};

/// The subcommands of `warden`.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Offline tools for IAM policy documents.
    #[command(subcommand)]
    Policy(PolicyCommand),
    /// Run the IAM service over HTTP.
    Serve(Box<serve::Args>),
    /// Provision accounts and their root access keys.
    #[command(subcommand)]
    Account(Box<account::Command>),
    /// List or export audit events (CloudTrail records).
    Audit(Box<audit::Args>),
    /// Register workloads that get an instance profile's role credentials from the
    /// container credentials endpoint; list or revoke them.
    #[command(subcommand)]
    Workload(Box<workload::Command>),
    /// Load the JSON of `aws iam get-account-authorization-details` into an account
    /// (idempotent; refuses malformed input with the JSON path of each problem).
    Import(Box<import::Args>),
    /// Write an account in the format of `aws iam get-account-authorization-details`.
    Export(Box<export::Args>),
    /// Write a synthetic export for benchmarks and tests.
    #[command(hide = true)]
    GenerateExport(Box<generate_export::Args>),
}

/// `warden policy ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum PolicyCommand {
    /// Validate policy documents; reports every problem with its JSON-pointer path.
    Validate(policy_validate::Args),
    /// Simulate requests against policies, with the parameters of `aws iam simulate-custom-policy`.
    Simulate(Box<policy_simulate::Args>),
}

/// How results are printed.
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq, ValueEnum)]
pub(crate) enum OutputFormat {
    /// A readable explanation.
    #[default]
    Text,
    /// Machine-readable JSON.
    Json,
}

/// Runs a subcommand; the exit code says whether the checked thing passed.
pub(crate) fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Policy(PolicyCommand::Validate(args)) => policy_validate::run(&args),
        Command::Policy(PolicyCommand::Simulate(args)) => policy_simulate::run(*args),
        Command::Serve(args) => serve::run(*args),
        Command::Account(command) => account::run(*command),
        Command::Audit(args) => audit::run(*args),
        Command::Workload(command) => workload::run(*command),
        Command::Import(args) => import::run(*args),
        Command::Export(args) => export::run(*args),
        Command::GenerateExport(args) => generate_export::run(&args),
    }
}
