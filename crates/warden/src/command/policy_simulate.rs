//! `warden policy simulate`: `aws iam simulate-custom-policy`, offline, with the same engine
//! the service uses. `--output json` prints what `aws iam simulate-custom-policy --output
//! json` prints; the default output explains each decision in words.

use std::collections::BTreeMap;
use std::process::ExitCode;

use serde::Serialize;
use warden_policy::Decision;
use warden_policy::simulate::{
    self, ContextEntryInput, Evaluated, Simulation, SimulationInput as CoreInput,
};

use super::OutputFormat;
use super::simulate_input::{SimulationInput, parse_context_entries, read_param};

/// Arguments of `warden policy simulate` (the parameters of `aws iam simulate-custom-policy`).
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Identity-based policies (JSON text or `file://path`).
    #[arg(long, num_args = 1..)]
    policy_input_list: Vec<String>,
    /// Permissions boundary policies (JSON text or `file://path`).
    #[arg(long, num_args = 1..)]
    permissions_boundary_policy_input_list: Vec<String>,
    /// Actions to simulate, e.g. `s3:GetObject`.
    #[arg(long, num_args = 1..)]
    action_names: Vec<String>,
    /// Resource ARNs to simulate (default `*`).
    #[arg(long, num_args = 1..)]
    resource_arns: Vec<String>,
    /// A resource-based policy (JSON text or `file://path`).
    #[arg(long)]
    resource_policy: Option<String>,
    /// The account owning the resources (account id or `arn:aws:iam::ACCOUNT:root`).
    #[arg(long)]
    resource_owner: Option<String>,
    /// The simulated caller: an IAM user ARN (also accepted: a root ARN, an assumed-role ARN).
    #[arg(long)]
    caller_arn: Option<String>,
    /// Context entries, in the aws CLI shorthand or JSON.
    #[arg(long, num_args = 1..)]
    context_entries: Vec<String>,
    /// The EC2 scenario of the simulator (not modelled offline: refused if given).
    #[arg(long)]
    resource_handling_option: Option<String>,
    /// All parameters as JSON, as `aws iam simulate-custom-policy --cli-input-json` takes them.
    #[arg(long)]
    cli_input_json: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    output: OutputFormat,
}

/// Runs the simulation: exit status 0 when every request is allowed, 1 otherwise.
pub(crate) fn run(args: Args) -> anyhow::Result<ExitCode> {
    let output = args.output;
    let input = merge(args)?;
    input.check_required()?;
    let core = core_input(input);
    let simulation = Simulation::prepare(&core)?;
    let evaluated = simulation.evaluate_all(&core);
    // The text rendering explains every pair; the JSON is the requested page, as the API's.
    let text: String = evaluated.iter().map(|e| describe(&simulation, e)).collect();
    let page = simulate::paginate(
        evaluated.into_iter().map(|e| e.result).collect(),
        core.marker.as_deref(),
        core.max_items,
    )?;
    let json = SimulatePolicyResponse::from(&page);
    match output {
        OutputFormat::Json => println!("{}", to_aws_cli_json(&json)?),
        OutputFormat::Text => print!("{text}"),
    }
    let all_allowed = page
        .evaluation_results
        .iter()
        .all(|r| r.eval_decision == "allowed");
    Ok(if all_allowed {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The CLI's parameters as the shared simulator's input (SimulateCustomPolicy: no entity;
/// `CallerArn` is required with a resource policy).
fn core_input(input: SimulationInput) -> CoreInput {
    CoreInput {
        policy_input_list: input.policy_input_list,
        permissions_boundary_policy_input_list: input.permissions_boundary_policy_input_list,
        action_names: input.action_names,
        resource_arns: input.resource_arns,
        resource_policy: input.resource_policy,
        resource_owner: input.resource_owner,
        caller_arn: input.caller_arn,
        caller_required_with_resource_policy: true,
        context_entries: input
            .context_entries
            .into_iter()
            .map(|e| ContextEntryInput {
                name: e.context_key_name,
                values: e.context_key_values,
                type_name: e.context_key_type,
            })
            .collect(),
        resource_handling_option: input.resource_handling_option,
        max_items: input.max_items.map(i64::from),
        marker: input.marker,
        ..CoreInput::default()
    }
}

/// `--cli-input-json` first, then explicit arguments override it (aws CLI behaviour).
fn merge(args: Args) -> anyhow::Result<SimulationInput> {
    let mut input = match &args.cli_input_json {
        Some(json) => SimulationInput::from_cli_input_json(&read_param(json)?)?,
        None => SimulationInput::default(),
    };
    let read_all = |values: &[String]| -> anyhow::Result<Vec<String>> {
        values.iter().map(|v| read_param(v)).collect()
    };
    if !args.policy_input_list.is_empty() {
        input.policy_input_list = read_all(&args.policy_input_list)?;
    }
    if !args.permissions_boundary_policy_input_list.is_empty() {
        input.permissions_boundary_policy_input_list =
            read_all(&args.permissions_boundary_policy_input_list)?;
    }
    if !args.action_names.is_empty() {
        input.action_names = args.action_names;
    }
    if !args.resource_arns.is_empty() {
        input.resource_arns = args.resource_arns;
    }
    if let Some(policy) = &args.resource_policy {
        input.resource_policy = Some(read_param(policy)?);
    }
    if args.resource_owner.is_some() {
        input.resource_owner = args.resource_owner;
    }
    if args.caller_arn.is_some() {
        input.caller_arn = args.caller_arn;
    }
    if !args.context_entries.is_empty() {
        let mut entries = Vec::new();
        for value in &args.context_entries {
            entries.extend(parse_context_entries(&read_param(value)?)?);
        }
        input.context_entries = entries;
    }
    if args.resource_handling_option.is_some() {
        input.resource_handling_option = args.resource_handling_option;
    }
    Ok(input)
}

/// The default output: each decision in words.
fn describe(simulation: &Simulation, evaluated: &Evaluated) -> String {
    use std::fmt::Write as _;
    let explanation = &evaluated.explanation;
    let action = &evaluated.result.eval_action_name;
    let resource = &evaluated.result.eval_resource_name;
    let mut out = String::new();
    let verdict = explanation.verdict;
    let headline = match verdict.decision {
        Decision::Allow => "ALLOWED",
        Decision::ExplicitDeny => "DENIED (explicit deny)",
        Decision::ImplicitDeny => "DENIED (implicit deny)",
    };
    let _ = writeln!(out, "{action} on {resource}: {headline}");
    let _ = writeln!(out, "  decided by: {:?}", verdict.gate);
    for m in &explanation.matched {
        let sid = m
            .sid
            .as_deref()
            .map(|s| format!(" (Sid \"{s}\")"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  matched: {:?} statement {}{sid} of {}, lines {}:{}-{}:{}",
            m.effect,
            m.at.statement + 1,
            m.policy_id,
            m.span.start.line,
            m.span.start.column,
            m.span.end.line,
            m.span.end.column,
        );
    }
    for (ty, decision) in &explanation.type_decisions {
        let _ = writeln!(out, "  {}: {}", ty.simulator_name(), decision.as_str());
    }
    if !explanation.missing_context_keys.is_empty() {
        let keys: Vec<&str> = explanation
            .missing_context_keys
            .iter()
            .map(|k| simulation.spelling(k))
            .collect();
        let _ = writeln!(out, "  missing context keys: {}", keys.join(", "));
    }
    if let Some(message) = explanation.access_denied_message() {
        let _ = writeln!(out, "  AccessDenied: {message}");
    }
    out
}

/// `SimulatePolicyResponse`, members in the model's order (botocore keeps that order, and the
/// aws CLI prints it).
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "PascalCase")]
struct SimulatePolicyResponse {
    evaluation_results: Vec<EvaluationResult>,
    #[serde(skip_serializing_if = "Option::is_none")]
    is_truncated: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    marker: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
struct EvaluationResult {
    eval_action_name: String,
    eval_resource_name: String,
    eval_decision: String,
    matched_statements: Vec<MatchedStatement>,
    missing_context_values: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    permissions_boundary_decision_detail: Option<PermissionsBoundaryDecisionDetail>,
    #[serde(skip_serializing_if = "Option::is_none")]
    eval_decision_details: Option<BTreeMap<String, String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    resource_specific_results: Option<Vec<ResourceSpecificResult>>,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
struct MatchedStatement {
    source_policy_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_policy_type: Option<&'static str>,
    start_position: Position,
    end_position: Position,
}

#[derive(Clone, Copy, Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
struct Position {
    line: u32,
    column: u32,
}

#[derive(Clone, Copy, Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
struct PermissionsBoundaryDecisionDetail {
    allowed_by_permissions_boundary: bool,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
struct ResourceSpecificResult {
    eval_resource_name: String,
    eval_resource_decision: String,
    matched_statements: Vec<MatchedStatement>,
    missing_context_values: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    eval_decision_details: Option<BTreeMap<String, String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    permissions_boundary_decision_detail: Option<PermissionsBoundaryDecisionDetail>,
}

impl From<&simulate::SimulationOutput> for SimulatePolicyResponse {
    fn from(page: &simulate::SimulationOutput) -> Self {
        Self {
            evaluation_results: page.evaluation_results.iter().map(result).collect(),
            is_truncated: page.is_truncated,
            marker: page.marker.clone(),
        }
    }
}

fn result(r: &simulate::EvaluationResult) -> EvaluationResult {
    EvaluationResult {
        eval_action_name: r.eval_action_name.clone(),
        eval_resource_name: r.eval_resource_name.clone(),
        eval_decision: r.eval_decision.to_owned(),
        matched_statements: r.matched_statements.iter().map(statement).collect(),
        missing_context_values: r.missing_context_values.clone(),
        permissions_boundary_decision_detail: r.allowed_by_permissions_boundary.map(boundary),
        eval_decision_details: r.eval_decision_details.clone(),
        resource_specific_results: r.resource_specific_results.as_ref().map(|list| {
            list.iter()
                .map(|s| ResourceSpecificResult {
                    eval_resource_name: s.eval_resource_name.clone(),
                    eval_resource_decision: s.eval_resource_decision.to_owned(),
                    matched_statements: s.matched_statements.iter().map(statement).collect(),
                    missing_context_values: s.missing_context_values.clone(),
                    eval_decision_details: s.eval_decision_details.clone(),
                    permissions_boundary_decision_detail: s
                        .allowed_by_permissions_boundary
                        .map(boundary),
                })
                .collect()
        }),
    }
}

fn statement(m: &simulate::MatchedStatement) -> MatchedStatement {
    MatchedStatement {
        source_policy_id: m.source_policy_id.clone(),
        source_policy_type: m.source_policy_type.map(simulate::PolicySourceType::as_str),
        start_position: Position {
            line: m.start_position.line,
            column: m.start_position.column,
        },
        end_position: Position {
            line: m.end_position.line,
            column: m.end_position.column,
        },
    }
}

fn boundary(allowed: bool) -> PermissionsBoundaryDecisionDetail {
    PermissionsBoundaryDecisionDetail {
        allowed_by_permissions_boundary: allowed,
    }
}

/// The aws CLI prints JSON with four-space indentation.
fn to_aws_cli_json(response: &SimulatePolicyResponse) -> anyhow::Result<String> {
    let mut out = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, formatter);
    response.serialize(&mut serializer)?;
    Ok(String::from_utf8(out)?)
}
