//! `warden policy validate FILE...`: every problem of every document, with its JSON-pointer
//! path, and the answer AWS would give (`MalformedPolicyDocument: ...`).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::ValueEnum;
use serde::Serialize;
use warden_policy::document::PolicyKind;
use warden_policy::{AwsErrorCode, PolicyErrors, parse_policy_bytes};

use super::OutputFormat;

/// Arguments of `warden policy validate`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Policy files to check (`-` reads standard input).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Where the documents will be used; decides which elements are required and the size quota.
    #[arg(long, value_enum, default_value_t = KindArg::Managed)]
    kind: KindArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    output: OutputFormat,
}

/// The policy kinds, as command-line words.
#[derive(Clone, Copy, Debug, Eq, PartialEq, ValueEnum)]
enum KindArg {
    /// A customer managed policy (also the rules for permissions boundaries).
    Managed,
    /// An inline user, group or role policy.
    Inline,
    /// A permissions boundary.
    Boundary,
    /// A role trust policy.
    Trust,
    /// A resource-based policy.
    Resource,
    /// An STS session policy.
    Session,
    /// A service control policy.
    Scp,
    /// A resource control policy.
    Rcp,
}

impl From<KindArg> for PolicyKind {
    fn from(kind: KindArg) -> Self {
        match kind {
            KindArg::Managed => Self::Managed,
            KindArg::Inline => Self::Inline,
            KindArg::Boundary => Self::PermissionsBoundary,
            KindArg::Trust => Self::Trust,
            KindArg::Resource => Self::Resource,
            KindArg::Session => Self::Session,
            KindArg::Scp => Self::ServiceControl,
            KindArg::Rcp => Self::ResourceControl,
        }
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct FileReport {
    file: String,
    valid: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    aws_error: Option<AwsAnswer>,
    problems: Vec<Problem>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct AwsAnswer {
    code: &'static str,
    message: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Problem {
    path: String,
    kind: String,
    message: String,
}

/// Runs the command: exit status 0 when every document is valid, 1 otherwise.
pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let kind = PolicyKind::from(args.kind);
    let mut reports = Vec::with_capacity(args.files.len());
    for file in &args.files {
        let bytes = if file.as_os_str() == "-" {
            let mut buf = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
                .context("while reading standard input")?;
            buf
        } else {
            std::fs::read(file).with_context(|| format!("while reading `{}`", file.display()))?
        };
        reports.push(report(file.display().to_string(), &bytes, kind));
    }
    match args.output {
        OutputFormat::Json => println!("{}", serde_json::to_string_pretty(&reports)?),
        OutputFormat::Text => print_text(&reports),
    }
    let all_valid = reports.iter().all(|r| r.valid);
    Ok(if all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn report(file: String, bytes: &[u8], kind: PolicyKind) -> FileReport {
    match parse_policy_bytes(bytes, kind) {
        Ok(_) => FileReport {
            file,
            valid: true,
            aws_error: None,
            problems: Vec::new(),
        },
        Err(errors) => FileReport {
            file,
            valid: false,
            aws_error: Some(aws_answer(&errors)),
            problems: errors
                .errors()
                .iter()
                .map(|e| Problem {
                    path: e.path().to_owned(),
                    kind: kind_name(e.kind()),
                    message: e.message().to_owned(),
                })
                .collect(),
        },
    }
}

fn aws_answer(errors: &PolicyErrors) -> AwsAnswer {
    let code = match errors.aws_code() {
        AwsErrorCode::MalformedPolicyDocument => "MalformedPolicyDocument",
        AwsErrorCode::LimitExceeded => "LimitExceeded",
        AwsErrorCode::ValidationError => "ValidationError",
    };
    AwsAnswer {
        code,
        message: errors.aws_message().to_owned(),
    }
}

/// The variant name without its fields (`TooLarge { limit: 6144 }` → `TooLarge`).
fn kind_name(kind: warden_policy::PolicyErrorKind) -> String {
    let debug = format!("{kind:?}");
    debug
        .split([' ', '{', '('])
        .next()
        .unwrap_or_default()
        .to_owned()
}

fn print_text(reports: &[FileReport]) {
    for report in reports {
        if report.valid {
            println!("{}: valid", report.file);
            continue;
        }
        println!("{}: invalid", report.file);
        for problem in &report.problems {
            let path = if problem.path.is_empty() {
                "(document)"
            } else {
                &problem.path
            };
            println!("  {path}: {}", problem.message);
        }
        if let Some(aws) = &report.aws_error {
            println!("  AWS would answer: {}: {}", aws.code, aws.message);
        }
    }
}
