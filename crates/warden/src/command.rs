//! One module per subcommand; `run` dispatches.

mod account;
mod audit;
mod policy_simulate;
mod policy_validate;
mod serve;
mod simulate_input;

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
    }
}
