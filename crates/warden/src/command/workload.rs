//! `warden workload register|list|revoke`: workloads get sessions of an instance profile's
//! role from the container credentials endpoint of `warden serve`
//! (`GET /_warden/workload/credentials`, `warden_server::workload`), authenticated by a
//! bearer token that this command prints once; only its hash is stored.

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::bail;
use clap::ValueEnum;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use warden_core::Store;
use warden_server::Services;
use warden_server::workload::{self, WorkloadError, WorkloadInfo, WorkloadToken};
use warden_types::AccountId;

use super::serve::{StorageArgs, StoreTask, with_store};

/// `warden workload ...`.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum Command {
    /// Register a workload for an instance profile and print its token (shown only once).
    Register(RegisterArgs),
    /// List the registered workloads (never their tokens).
    List(ListArgs),
    /// Revoke a workload's token: the credentials endpoint refuses it from now on.
    Revoke(RevokeArgs),
}

/// Arguments of `warden workload register`.
#[derive(Debug, clap::Args)]
pub(crate) struct RegisterArgs {
    #[command(flatten)]
    storage: StorageArgs,
    /// The account of the instance profile.
    #[arg(long)]
    account: String,
    /// The instance profile whose role the workload receives.
    #[arg(long)]
    instance_profile: String,
    /// A label for operators [default: the instance profile's name].
    #[arg(long)]
    name: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Output::Text)]
    output: Output,
}

/// Arguments of `warden workload list`.
#[derive(Debug, clap::Args)]
pub(crate) struct ListArgs {
    #[command(flatten)]
    storage: StorageArgs,
    /// Only this account's workloads.
    #[arg(long)]
    account: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Output::Text)]
    output: Output,
}

/// Arguments of `warden workload revoke`.
#[derive(Debug, clap::Args)]
pub(crate) struct RevokeArgs {
    #[command(flatten)]
    storage: StorageArgs,
    /// The workload id (`wl-…`, from `register` or `list`).
    #[arg(long)]
    id: String,
}

/// Output format of `register` and `list`.
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq, ValueEnum)]
enum Output {
    /// Readable text (one line per workload for `list`).
    #[default]
    Text,
    /// JSON (`register`: one object; `list`: an array).
    Json,
}

fn now() -> OffsetDateTime {
    let now = OffsetDateTime::now_utc();
    OffsetDateTime::from_unix_timestamp(now.unix_timestamp()).unwrap_or(now)
}

/// `workload register`.
struct Register {
    account: AccountId,
    profile: String,
    name: Option<String>,
}

impl StoreTask for Register {
    type Output = Result<(warden_core::Workload, WorkloadToken), WorkloadError>;
    // Tokens are hashed, not sealed: no key file needed.
    const NEEDS_KEY: bool = false;

    async fn run<S: Store>(self, store: S, _: Services) -> anyhow::Result<Self::Output> {
        Ok(workload::register(
            &store,
            self.account,
            &self.profile,
            self.name.as_deref(),
            now(),
        )
        .await)
    }
}

/// `workload list`.
struct List {
    account: Option<AccountId>,
}

impl StoreTask for List {
    type Output = Vec<WorkloadInfo>;
    const NEEDS_KEY: bool = false;

    async fn run<S: Store>(self, store: S, _: Services) -> anyhow::Result<Self::Output> {
        Ok(workload::list(&store, self.account).await?)
    }
}

/// `workload revoke`.
struct Revoke {
    id: String,
}

impl StoreTask for Revoke {
    type Output = Result<(), WorkloadError>;
    const NEEDS_KEY: bool = false;

    async fn run<S: Store>(self, store: S, _: Services) -> anyhow::Result<Self::Output> {
        Ok(workload::revoke(&store, &self.id, now()).await)
    }
}

fn time_text(t: OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap_or_default()
}

/// Runs a workload subcommand.
pub(crate) fn run(command: Command) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    match command {
        Command::Register(args) => {
            let account: AccountId = args.account.parse()?;
            let task = Register {
                account,
                profile: args.instance_profile.clone(),
                name: args.name.clone(),
            };
            let (registered, token) = match with_store(&args.storage, task)? {
                Ok(done) => done,
                Err(WorkloadError::Store(e)) => return Err(e.into()),
                Err(e) => bail!("{e}"),
            };
            let mut out = stdout.lock();
            match args.output {
                Output::Json => writeln!(
                    out,
                    "{}",
                    serde_json::json!({
                        "WorkloadId": registered.id,
                        "Name": registered.name,
                        "AccountId": registered.account.as_str(),
                        "InstanceProfileName": args.instance_profile,
                        "CreateDate": time_text(registered.created),
                        "Token": token.expose(),
                    })
                )?,
                Output::Text => {
                    writeln!(
                        out,
                        "registered workload {} ({}) for instance profile {} of account {}",
                        registered.id, registered.name, args.instance_profile, registered.account
                    )?;
                    writeln!(
                        out,
                        "warden: the workload token is shown only once; give the workload:"
                    )?;
                    writeln!(out)?;
                    writeln!(
                        out,
                        "export AWS_CONTAINER_CREDENTIALS_FULL_URI=http://127.0.0.1:8700{} AWS_CONTAINER_AUTHORIZATION_TOKEN={}",
                        workload::CREDENTIALS_PATH,
                        token.expose()
                    )?;
                    writeln!(out)?;
                    writeln!(
                        out,
                        "(use the address `warden serve` listens on; AWS SDKs accept plain HTTP only on loopback addresses)"
                    )?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::List(args) => {
            let account = args
                .account
                .as_deref()
                .map(str::parse::<AccountId>)
                .transpose()?;
            let list = with_store(&args.storage, List { account })?;
            let mut out = stdout.lock();
            match args.output {
                Output::Json => {
                    let items: Vec<_> = list
                        .iter()
                        .map(|w| {
                            serde_json::json!({
                                "WorkloadId": w.workload.id,
                                "Name": w.workload.name,
                                "AccountId": w.workload.account.as_str(),
                                "InstanceProfileName": w.instance_profile,
                                "CreateDate": time_text(w.workload.created),
                                "RevokeDate": w.workload.revoked.map(time_text),
                            })
                        })
                        .collect();
                    writeln!(out, "{}", serde_json::Value::Array(items))?;
                }
                Output::Text => {
                    for w in &list {
                        let status = match w.workload.revoked {
                            Some(t) => format!("revoked {}", time_text(t)),
                            None => "active".to_owned(),
                        };
                        writeln!(
                            out,
                            "{}  {}  {}  {}  {}  {status}",
                            w.workload.id,
                            w.workload.account,
                            w.instance_profile.as_deref().unwrap_or("(deleted profile)"),
                            w.workload.name,
                            time_text(w.workload.created),
                        )?;
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Revoke(args) => {
            match with_store(
                &args.storage,
                Revoke {
                    id: args.id.clone(),
                },
            )? {
                Ok(()) => {}
                Err(WorkloadError::Store(e)) => return Err(e.into()),
                Err(e) => bail!("{e}"),
            }
            writeln!(stdout.lock(), "revoked workload {}", args.id)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
