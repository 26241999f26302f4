//! `warden audit`: list audit events (CloudTrail records) with filters, or export them as
//! CloudTrail log files (`warden audit export --dir D`).

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::ValueEnum;
use serde_json::Value;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use warden_core::{AuditEvent, Store, Transaction};
use warden_server::Services;
use warden_types::AccountId;

use super::serve::{DEFAULT_ACCOUNT, StorageArgs, StoreTask, with_store};

/// Arguments of `warden audit`.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub(crate) struct Args {
    #[command(subcommand)]
    command: Option<AuditCommand>,
    #[command(flatten)]
    filter: Filter,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Output::Table)]
    output: Output,
}

/// `warden audit export`.
#[derive(Debug, clap::Subcommand)]
enum AuditCommand {
    /// Write CloudTrail log files (`{"Records":[...]}`, gzip), one per region and hour.
    Export(ExportArgs),
}

#[derive(Debug, clap::Args)]
struct ExportArgs {
    /// The output directory.
    #[arg(long)]
    dir: PathBuf,
    #[command(flatten)]
    filter: Filter,
}

#[derive(Debug, clap::Args)]
struct Filter {
    #[command(flatten)]
    storage: StorageArgs,
    /// The account whose events to read.
    #[arg(long, default_value = DEFAULT_ACCOUNT)]
    account_id: String,
    /// Only events at or after this time (RFC 3339).
    #[arg(long)]
    since: Option<String>,
    /// Only events before this time (RFC 3339).
    #[arg(long)]
    until: Option<String>,
    /// Only events of this principal ARN.
    #[arg(long)]
    principal: Option<String>,
    /// Only events of this operation (`CreateUser`).
    #[arg(long)]
    action: Option<String>,
    /// Only events with this outcome.
    #[arg(long, value_enum)]
    outcome: Option<Outcome>,
}

#[derive(Clone, Copy, Debug, Default, Eq, PartialEq, ValueEnum)]
enum Output {
    /// One line per event, aligned columns.
    #[default]
    Table,
    /// One CloudTrail JSON record per line.
    Json,
}

#[derive(Clone, Copy, Debug, Eq, PartialEq, ValueEnum)]
enum Outcome {
    /// The call succeeded.
    Allowed,
    /// Authorization refused the call (`AccessDenied`).
    Denied,
    /// Any other failure (authentication, validation, not found, ...).
    Error,
}

fn outcome_of(record: &Value) -> Outcome {
    match record.get("errorCode").and_then(Value::as_str) {
        None => Outcome::Allowed,
        Some("AccessDenied") => Outcome::Denied,
        Some(_) => Outcome::Error,
    }
}

fn parse_time(text: &Option<String>) -> anyhow::Result<Option<OffsetDateTime>> {
    text.as_deref()
        .map(|t| {
            // The parse error's own source repeats its message; say it once, with the form.
            OffsetDateTime::parse(t, &Rfc3339).map_err(|e| {
                anyhow::anyhow!(
                    "invalid time `{t}`: {e} (expected RFC 3339, e.g. 2026-11-23T04:00:00Z)"
                )
            })
        })
        .transpose()
}

impl Filter {
    /// Every matching event with its parsed record, oldest first.
    fn load(&self) -> anyhow::Result<Vec<(AuditEvent, Value)>> {
        let account: AccountId = self.account_id.parse()?;
        let since = parse_time(&self.since)?;
        let until = parse_time(&self.until)?;
        let events = with_store(&self.storage, LoadEvents { account })?;
        let mut out = Vec::new();
        for event in events {
            if since.is_some_and(|s| event.time < s) || until.is_some_and(|u| event.time >= u) {
                continue;
            }
            if self
                .principal
                .as_ref()
                .is_some_and(|p| *p != event.principal_arn)
            {
                continue;
            }
            if self.action.as_ref().is_some_and(|a| *a != event.event_name) {
                continue;
            }
            let record: Value = serde_json::from_str(&event.document)
                .with_context(|| format!("audit event {} is not JSON", event.id))?;
            if self.outcome.is_some_and(|o| o != outcome_of(&record)) {
                continue;
            }
            out.push((event, record));
        }
        Ok(out)
    }
}

/// Reads every audit event of an account, oldest first.
struct LoadEvents {
    account: AccountId,
}

impl StoreTask for LoadEvents {
    type Output = Vec<AuditEvent>;
    const NEEDS_KEY: bool = false;

    async fn run<S: Store>(self, store: S, _: Services) -> anyhow::Result<Vec<AuditEvent>> {
        let mut all = Vec::new();
        let mut after: Option<String> = None;
        loop {
            let mut tx = store.begin().await?;
            let page = tx
                .audit_events(self.account, after.as_deref(), 1000)
                .await?;
            tx.rollback().await?;
            all.extend(page.items);
            match page.next {
                Some(next) => after = Some(next),
                None => return Ok(all),
            }
        }
    }
}

/// Runs `warden audit`.
pub(crate) fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.command {
        Some(AuditCommand::Export(export)) => {
            let events = export.filter.load()?;
            let files = write_export(&export.dir, &export.filter.account_id, &events)?;
            eprintln!("wrote {files} file(s) to {}", export.dir.display());
        }
        None => {
            let events = args.filter.load()?;
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            for (event, record) in &events {
                match args.output {
                    Output::Json => writeln!(out, "{record}")?,
                    Output::Table => {
                        let outcome = match outcome_of(record) {
                            Outcome::Allowed => "allowed",
                            Outcome::Denied => "denied",
                            Outcome::Error => "error",
                        };
                        let time = event.time.format(&Rfc3339).unwrap_or_default();
                        let code = record
                            .get("errorCode")
                            .and_then(Value::as_str)
                            .unwrap_or("-");
                        let principal = if event.principal_arn.is_empty() {
                            "-"
                        } else {
                            event.principal_arn.as_str()
                        };
                        writeln!(
                            out,
                            "{time}  {outcome:<7}  {:<28}  {principal}  {code}",
                            event.event_name
                        )?;
                    }
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes one gzip file per region and hour, named as CloudTrail names its log files:
/// `<dir>/<account>_CloudTrail_<region>_<YYYYMMDDTHH00Z>_warden.json.gz`, the region being each
/// event's `awsRegion` (the region its client signed for, or the deployment's).
fn write_export(
    dir: &std::path::Path,
    account: &str,
    events: &[(AuditEvent, Value)],
) -> anyhow::Result<usize> {
    std::fs::create_dir_all(dir).with_context(|| format!("while creating {}", dir.display()))?;
    let mut files: BTreeMap<(&str, String), Vec<&Value>> = BTreeMap::new();
    for (event, record) in events {
        let t = event.time;
        let hour = format!(
            "{:04}{:02}{:02}T{:02}00Z",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour()
        );
        // Regions come from SigV4 scopes, which the verifier restricts to this alphabet;
        // anything else (a hand-edited database) must not reach a file name.
        let region = record
            .get("awsRegion")
            .and_then(Value::as_str)
            .filter(|r| warden_sigv4::is_region_name(r))
            .unwrap_or("us-east-1");
        files.entry((region, hour)).or_default().push(record);
    }
    for ((region, hour), records) in &files {
        let path = dir.join(format!(
            "{account}_CloudTrail_{region}_{hour}_warden.json.gz"
        ));
        let file = std::fs::File::create(&path)
            .with_context(|| format!("while creating {}", path.display()))?;
        let mut gz = flate2::write::GzEncoder::new(file, flate2::Compression::default());
        serde_json::to_writer(&mut gz, &serde_json::json!({ "Records": records }))?;
        gz.finish()?.sync_all()?;
    }
    Ok(files.len())
}
