//! `warden account create|list|delete`: accounts are provisioned by the operator, not by
//! the IAM API (api.md §3.1).

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::bail;
use clap::ValueEnum;
use time::format_description::well_known::Rfc3339;
use warden_server::bootstrap::{RootKey, create_account};
use warden_types::AccountId;

use warden_core::{Account, Store, StoreError, Transaction};
use warden_server::Services;

use super::serve::{DEFAULT_ACCOUNT, StorageArgs, StoreTask, with_store};

/// `warden account ...`.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum Command {
    /// Create an account and its root access key (generated and printed if not given).
    Create(CreateArgs),
    /// List the accounts.
    List(ListArgs),
    /// Delete an account and everything in it (users, groups, roles, policies, keys,
    /// providers, tags, audit events), in one transaction. The default account
    /// (123456789012, which `warden serve` creates when no account is configured) is
    /// refused without `--force`: `serve` would re-create it with a new root key.
    Delete(DeleteArgs),
}

/// Arguments of `warden account create`.
#[derive(Debug, clap::Args)]
pub(crate) struct CreateArgs {
    #[command(flatten)]
    storage: StorageArgs,
    /// The twelve-digit account id.
    #[arg(long)]
    account_id: String,
    /// Root access key id (≥ 3 printable characters).
    #[arg(long, requires = "root_secret_access_key")]
    root_access_key_id: Option<String>,
    /// Root secret access key.
    #[arg(long, requires = "root_access_key_id")]
    root_secret_access_key: Option<String>,
}

/// Arguments of `warden account list`.
#[derive(Debug, clap::Args)]
pub(crate) struct ListArgs {
    #[command(flatten)]
    storage: StorageArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Output::Table)]
    output: Output,
}

/// Output format of `warden account list`.
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq, ValueEnum)]
enum Output {
    /// One line per account: id and creation time.
    #[default]
    Table,
    /// A JSON array of `{"AccountId": ..., "CreateDate": ...}` objects.
    Json,
}

/// Arguments of `warden account delete`.
#[derive(Debug, clap::Args)]
pub(crate) struct DeleteArgs {
    #[command(flatten)]
    storage: StorageArgs,
    /// The account to delete.
    #[arg(long)]
    account_id: String,
    /// Also delete the default account (123456789012).
    #[arg(long)]
    force: bool,
}

/// `account create` against the configured storage.
struct Create {
    account: AccountId,
    root: Option<RootKey>,
}

impl StoreTask for Create {
    type Output = Option<RootKey>;

    async fn run<S: Store>(self, store: S, services: Services) -> anyhow::Result<Option<RootKey>> {
        Ok(create_account(&store, &services, self.account, self.root.as_ref()).await?)
    }
}

/// `account list`: every account, by id.
struct List;

impl StoreTask for List {
    type Output = Vec<Account>;
    const NEEDS_KEY: bool = false;

    async fn run<S: Store>(self, store: S, _: Services) -> anyhow::Result<Vec<Account>> {
        let mut tx = store.begin().await?;
        let accounts = tx.list_accounts().await?;
        tx.rollback().await?;
        Ok(accounts)
    }
}

/// `account delete`: the account and everything in it, in one transaction.
struct Delete {
    account: AccountId,
}

impl StoreTask for Delete {
    /// `false` when there was no such account.
    type Output = bool;
    const NEEDS_KEY: bool = false;

    async fn run<S: Store>(self, store: S, _: Services) -> anyhow::Result<bool> {
        let mut tx = store.begin().await?;
        match tx.delete_account(self.account).await {
            Ok(()) => {
                tx.commit().await?;
                Ok(true)
            }
            Err(StoreError::NotFound) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }
}

/// Runs an account subcommand.
pub(crate) fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Create(args) => {
            let account: AccountId = args.account_id.parse()?;
            let root = match (&args.root_access_key_id, &args.root_secret_access_key) {
                (Some(id), Some(secret)) => Some(RootKey::new(id, secret)?),
                _ => None,
            };
            let key = with_store(
                &args.storage,
                Create {
                    account,
                    root: root.clone(),
                },
            )?;
            println!("created account {account}");
            if let (Some(key), None) = (key, &root) {
                println!("root access key id:     {}", key.id);
                println!("root secret access key: {}", key.secret.expose());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::List(args) => {
            let accounts = with_store(&args.storage, List)?;
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            match args.output {
                Output::Json => {
                    let list: Vec<_> = accounts
                        .iter()
                        .map(|a| {
                            serde_json::json!({
                                "AccountId": a.id.as_str(),
                                "CreateDate": a.created.format(&Rfc3339).unwrap_or_default(),
                            })
                        })
                        .collect();
                    writeln!(out, "{}", serde_json::Value::Array(list))?;
                }
                Output::Table => {
                    for a in &accounts {
                        let created = a.created.format(&Rfc3339).unwrap_or_default();
                        writeln!(out, "{}  {created}", a.id)?;
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Delete(args) => {
            let account: AccountId = args.account_id.parse()?;
            if account.as_str() == DEFAULT_ACCOUNT && !args.force {
                bail!(
                    "account {account} is the default account, which `warden serve` re-creates; pass --force to delete it anyway"
                );
            }
            if !with_store(&args.storage, Delete { account })? {
                bail!("account {account} does not exist");
            }
            println!("deleted account {account}");
            Ok(ExitCode::SUCCESS)
        }
    }
}
