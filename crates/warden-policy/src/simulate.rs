//! The IAM policy simulator (`SimulateCustomPolicy`, `SimulatePrincipalPolicy`) and the
//! context-key listing (`GetContextKeysFor*Policy`), shared by `warden policy simulate` and
//! the IAM server so that both give the same answers (api.md §5.19).
//!
//! Pure and typed: callers translate their own input (CLI arguments, query parameters) into
//! a [`SimulationInput`] and render the [`SimulationOutput`] (aws CLI JSON, wire XML).
//!
//! What the simulator reports, following AWS's recorded answers (the aws CLI documentation
//! example of `simulate-custom-policy` is the reference, see `crates/warden/tests/cli_policy.rs`):
//! * `MatchedStatements`: the Allow statements of an `allowed` result, the Deny statements of
//!   an `explicitDeny` one, none for `implicitDeny`; positions in AWS's columns
//!   ([`StatementPosition`]).
//! * `MissingContextValues`: the keys the relevant conditions and variables read but the
//!   context lacked, in the policy's spelling.
//! * `EvalDecisionDetails`: omitted for resource `*`, present but empty for a same-account
//!   resource ARN, filled for cross-account simulations and whenever a resource policy takes
//!   part.
//! * `ResourceSpecificResults`: one entry when the resource is not `*`.

use std::collections::BTreeMap;

use crate::document::{Effect, PolicyDocument, PolicyKind, SourceSpan};
use crate::{
    Context, ContextError, Decision, EvaluationInput, Explanation, PolicyErrors, PolicySet,
    PolicySource, PolicyType, Principal, Request, explain, parse_policy,
};

/// The caller assumed when neither `CallerArn` nor a default caller is given.
pub const DEFAULT_ACCOUNT: &str = "123456789012";

/// The `SourcePolicyType` of a matched statement (model enum `PolicySourceType`).
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum PolicySourceType {
    /// An inline policy of a user.
    User,
    /// An inline policy of a group.
    Group,
    /// An inline policy of a role.
    Role,
    /// An AWS managed policy.
    AwsManaged,
    /// A customer managed policy.
    UserManaged,
    /// A resource-based policy.
    Resource,
    /// A policy given in the request.
    None,
}

impl PolicySourceType {
    /// The wire spelling (`user`, `group`, `role`, `aws-managed`, `user-managed`,
    /// `resource`, `none`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::User => "user",
            Self::Group => "group",
            Self::Role => "role",
            Self::AwsManaged => "aws-managed",
            Self::UserManaged => "user-managed",
            Self::Resource => "resource",
            Self::None => "none",
        }
    }
}

/// A stored policy of the simulated entity (SimulatePrincipalPolicy).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct EntityPolicy {
    /// The `SourcePolicyId` to report: the inline policy name or the managed policy ARN.
    pub id: String,
    /// Where the policy comes from.
    pub source_type: PolicySourceType,
    /// The policy text as stored (positions are reported in it).
    pub text: String,
}

/// One `ContextEntry` of the request.
#[derive(Clone, Debug, Default, Eq, PartialEq)]
pub struct ContextEntryInput {
    /// `ContextKeyName`.
    pub name: String,
    /// `ContextKeyValues`.
    pub values: Vec<String>,
    /// `ContextKeyType` (`string`, `stringList`, `numeric`, …).
    pub type_name: String,
}

/// Everything a simulation takes.
#[derive(Clone, Debug, Default, Eq, PartialEq)]
pub struct SimulationInput {
    /// The simulated entity's identity policies (empty for SimulateCustomPolicy).
    pub entity_policies: Vec<EntityPolicy>,
    /// The simulated entity's permissions boundary, if any.
    pub entity_boundary: Option<EntityPolicy>,
    /// `PolicyInputList` (reported as `PolicyInputList.N`), added to the entity's policies.
    pub policy_input_list: Vec<String>,
    /// `PermissionsBoundaryPolicyInputList` (reported as
    /// `PermissionsBoundaryPolicyInputList.N`); replaces the entity's boundary when given.
    pub permissions_boundary_policy_input_list: Vec<String>,
    /// `ActionNames`.
    pub action_names: Vec<String>,
    /// `ResourceArns` (empty means `*`).
    pub resource_arns: Vec<String>,
    /// `ResourcePolicy`.
    pub resource_policy: Option<String>,
    /// `ResourceOwner`: an account id or an ARN naming the account.
    pub resource_owner: Option<String>,
    /// `CallerArn`.
    pub caller_arn: Option<String>,
    /// The caller when `CallerArn` is absent (the calling user, or the simulated user).
    pub default_caller_arn: Option<String>,
    /// Whether `CallerArn` is required with `ResourcePolicy` (false when the simulated
    /// entity is a user, which then is the caller).
    pub caller_required_with_resource_policy: bool,
    /// `ContextEntries`.
    pub context_entries: Vec<ContextEntryInput>,
    /// `ResourceHandlingOption` (EC2 scenarios: not modelled).
    pub resource_handling_option: Option<String>,
    /// `MaxItems`.
    pub max_items: Option<i64>,
    /// `Marker`.
    pub marker: Option<String>,
}

/// Why a simulation could not run.
#[derive(Debug, thiserror::Error)]
pub enum SimulationError {
    /// A policy of the request does not validate.
    #[error("{id} is not a valid policy (MalformedPolicyDocument: {}): {errors}", errors.aws_message())]
    MalformedPolicy {
        /// The policy's identifier (`PolicyInputList.1`, `ResourcePolicy`, …).
        id: String,
        /// What is wrong with it.
        errors: PolicyErrors,
    },
    /// A stored policy of the entity does not validate (store corruption).
    #[error("stored policy {id} is not valid: {errors}")]
    StoredPolicy {
        /// The policy's identifier.
        id: String,
        /// What is wrong with it.
        errors: PolicyErrors,
    },
    /// `ResourcePolicy` without `CallerArn`.
    #[error("CallerArn is required if you include a ResourcePolicy")]
    CallerArnRequired,
    /// `ResourceHandlingOption` selects an EC2 scenario, which is not modelled.
    #[error(
        "ResourceHandlingOption `{0}` selects an EC2 scenario, which the simulator does not model"
    )]
    ResourceHandlingOption(String),
    /// A context entry is invalid.
    #[error("invalid context entry: {0}")]
    Context(#[from] ContextError),
    /// `CallerArn` does not name a supported caller.
    #[error("CallerArn `{0}` must be the ARN of an IAM user")]
    CallerArn(String),
    /// `ResourceOwner` does not name an account.
    #[error("ResourceOwner `{0}` does not name a 12-digit account")]
    ResourceOwner(String),
    /// `Marker` is not one this simulator returned.
    #[error("invalid Marker `{0}`")]
    Marker(String),
    /// `MaxItems` out of 1..=1000.
    #[error("MaxItems must be between 1 and 1000")]
    MaxItems,
}

/// Line and column of a statement boundary, as the simulator reports them.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub struct StatementPosition {
    /// 1-based line.
    pub line: u32,
    /// AWS's column (see [`MatchedStatement::new`]).
    pub column: u32,
}

/// A statement that produced a result (`Statement` of the model).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct MatchedStatement {
    /// `SourcePolicyId`.
    pub source_policy_id: String,
    /// `SourcePolicyType`: `None` for policies of the request (AWS's recorded answer for
    /// SimulateCustomPolicy carries no type).
    pub source_policy_type: Option<PolicySourceType>,
    /// `StartPosition`.
    pub start_position: StatementPosition,
    /// `EndPosition`.
    pub end_position: StatementPosition,
}

impl MatchedStatement {
    /// AWS reports the column just after the statement's `{` as its start and the column just
    /// after its `}` as its end (1-based): in the aws CLI documentation's example, the
    /// statement `{` at 1-based column 37 is reported as `Column: 38`, and its `}` at column
    /// 166 as `Column: 167`. `SourceSpan` records the `{` itself and the position after `}`.
    pub fn new(policy_id: &str, source_type: Option<PolicySourceType>, span: SourceSpan) -> Self {
        Self {
            source_policy_id: policy_id.to_owned(),
            source_policy_type: source_type,
            start_position: StatementPosition {
                line: span.start.line,
                column: span.start.column + 1,
            },
            end_position: StatementPosition {
                line: span.end.line,
                column: span.end.column,
            },
        }
    }
}

/// `ResourceSpecificResult`.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct ResourceSpecificResult {
    /// `EvalResourceName`.
    pub eval_resource_name: String,
    /// `EvalResourceDecision`.
    pub eval_resource_decision: &'static str,
    /// `MatchedStatements`.
    pub matched_statements: Vec<MatchedStatement>,
    /// `MissingContextValues`.
    pub missing_context_values: Vec<String>,
    /// `EvalDecisionDetails`.
    pub eval_decision_details: Option<BTreeMap<String, String>>,
    /// `PermissionsBoundaryDecisionDetail.AllowedByPermissionsBoundary`.
    pub allowed_by_permissions_boundary: Option<bool>,
}

/// `EvaluationResult`.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct EvaluationResult {
    /// `EvalActionName`.
    pub eval_action_name: String,
    /// `EvalResourceName`.
    pub eval_resource_name: String,
    /// `EvalDecision`: `allowed`, `explicitDeny` or `implicitDeny`.
    pub eval_decision: &'static str,
    /// `MatchedStatements`.
    pub matched_statements: Vec<MatchedStatement>,
    /// `MissingContextValues`.
    pub missing_context_values: Vec<String>,
    /// `PermissionsBoundaryDecisionDetail.AllowedByPermissionsBoundary`.
    pub allowed_by_permissions_boundary: Option<bool>,
    /// `EvalDecisionDetails`.
    pub eval_decision_details: Option<BTreeMap<String, String>>,
    /// `ResourceSpecificResults`.
    pub resource_specific_results: Option<Vec<ResourceSpecificResult>>,
}

/// One evaluated (action, resource) pair: the wire result and the engine's explanation.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluated {
    /// What the API reports.
    pub result: EvaluationResult,
    /// Everything the engine knows about the decision (for a textual rendering).
    pub explanation: Explanation,
}

/// A page of results (`SimulatePolicyResponse`).
#[derive(Clone, Debug, Default, Eq, PartialEq)]
pub struct SimulationOutput {
    /// `EvaluationResults`.
    pub evaluation_results: Vec<EvaluationResult>,
    /// `IsTruncated` (`None` when the whole list fits: AWS's CLI output omits it then).
    pub is_truncated: Option<bool>,
    /// `Marker` for the next page.
    pub marker: Option<String>,
}

/// One parsed policy with the identifier the simulator reports for it.
#[derive(Debug)]
struct NamedPolicy {
    id: String,
    source_type: Option<PolicySourceType>,
    document: PolicyDocument,
}

/// A prepared simulation: everything that does not depend on the (action, resource) pair.
#[derive(Debug)]
pub struct Simulation {
    principal: Principal,
    identity: Vec<NamedPolicy>,
    boundary: Vec<NamedPolicy>,
    resource: Option<NamedPolicy>,
    resource_account: Option<String>,
    context: Context,
    /// Condition keys as written in the policies, to report missing keys in their spelling.
    key_spellings: BTreeMap<String, String>,
}

fn parse_input_list(
    texts: &[String],
    list_name: &str,
    kind: PolicyKind,
) -> Result<Vec<NamedPolicy>, SimulationError> {
    texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let id = format!("{list_name}.{}", i + 1);
            parse_request_policy(id, text, kind)
        })
        .collect()
}

fn parse_request_policy(
    id: String,
    text: &str,
    kind: PolicyKind,
) -> Result<NamedPolicy, SimulationError> {
    match parse_policy(text, kind) {
        Ok(document) => Ok(NamedPolicy {
            id,
            source_type: None,
            document,
        }),
        Err(errors) => Err(SimulationError::MalformedPolicy { id, errors }),
    }
}

fn parse_entity_policy(
    policy: &EntityPolicy,
    kind: PolicyKind,
) -> Result<NamedPolicy, SimulationError> {
    match parse_policy(&policy.text, kind) {
        Ok(document) => Ok(NamedPolicy {
            id: policy.id.clone(),
            source_type: Some(policy.source_type),
            document,
        }),
        Err(errors) => Err(SimulationError::StoredPolicy {
            id: policy.id.clone(),
            errors,
        }),
    }
}

/// Runs the whole simulation and returns the requested page.
pub fn simulate(input: &SimulationInput) -> Result<SimulationOutput, SimulationError> {
    let simulation = Simulation::prepare(input)?;
    let all = simulation.evaluate_all(input);
    paginate(
        all.into_iter().map(|e| e.result).collect(),
        input.marker.as_deref(),
        input.max_items,
    )
}

impl Simulation {
    /// Parses the policies and the context and builds the caller.
    pub fn prepare(input: &SimulationInput) -> Result<Self, SimulationError> {
        if let Some(option) = &input.resource_handling_option {
            return Err(SimulationError::ResourceHandlingOption(option.clone()));
        }
        let mut identity = input
            .entity_policies
            .iter()
            .map(|p| {
                let kind = match p.source_type {
                    PolicySourceType::AwsManaged | PolicySourceType::UserManaged => {
                        PolicyKind::Managed
                    }
                    _ => PolicyKind::Inline,
                };
                parse_entity_policy(p, kind)
            })
            .collect::<Result<Vec<_>, _>>()?;
        identity.extend(parse_input_list(
            &input.policy_input_list,
            "PolicyInputList",
            PolicyKind::Inline,
        )?);
        // api.md §5.19: a given boundary list replaces the entity's boundary.
        let boundary = if input.permissions_boundary_policy_input_list.is_empty() {
            input
                .entity_boundary
                .iter()
                .map(|p| parse_entity_policy(p, PolicyKind::PermissionsBoundary))
                .collect::<Result<Vec<_>, _>>()?
        } else {
            parse_input_list(
                &input.permissions_boundary_policy_input_list,
                "PermissionsBoundaryPolicyInputList",
                PolicyKind::PermissionsBoundary,
            )?
        };
        let resource = match &input.resource_policy {
            Some(text) => {
                if input.caller_arn.is_none() && input.caller_required_with_resource_policy {
                    // AWS: "CallerArn is required if you include a ResourcePolicy".
                    return Err(SimulationError::CallerArnRequired);
                }
                let mut policy =
                    parse_request_policy("ResourcePolicy".to_owned(), text, PolicyKind::Resource)?;
                policy.source_type = None;
                Some(policy)
            }
            None => None,
        };
        let context = Context::from_entries(input.context_entries.iter().map(|e| {
            (
                e.name.as_str(),
                e.type_name.as_str(),
                e.values.iter().map(String::as_str),
            )
        }))?;
        let principal = caller(input, !boundary.is_empty())?;
        let resource_account = input
            .resource_owner
            .as_deref()
            .map(account_of)
            .transpose()?;
        let mut key_spellings = BTreeMap::new();
        for policy in identity.iter().chain(&boundary).chain(&resource) {
            for statement in &policy.document.statements {
                for condition in &statement.conditions {
                    key_spellings
                        .entry(condition.key.to_lowercase())
                        .or_insert_with(|| condition.key.clone());
                }
            }
        }
        Ok(Self {
            principal,
            identity,
            boundary,
            resource,
            resource_account,
            context,
            key_spellings,
        })
    }

    /// The simulated caller.
    pub fn principal(&self) -> &Principal {
        &self.principal
    }

    /// A lower-cased context key in the spelling the policies use (or as given).
    pub fn spelling<'k>(&'k self, lower_key: &'k str) -> &'k str {
        self.key_spellings
            .get(lower_key)
            .map_or(lower_key, String::as_str)
    }

    /// Evaluates every action × resource pair, unpaginated, in request order.
    pub fn evaluate_all(&self, input: &SimulationInput) -> Vec<Evaluated> {
        let compile = |policies: &[NamedPolicy], ty: PolicyType| {
            let sources: Vec<PolicySource<'_>> = policies
                .iter()
                .map(|p| PolicySource::new(&p.id, ty, &p.document))
                .collect();
            PolicySet::compile(&self.principal, &sources)
        };
        let identity = compile(&self.identity, PolicyType::Identity);
        let boundary = (!self.boundary.is_empty())
            .then(|| compile(&self.boundary, PolicyType::PermissionsBoundary));
        let resource = self
            .resource
            .as_ref()
            .map(|p| compile(std::slice::from_ref(p), PolicyType::Resource));
        let star = ["*".to_owned()];
        let resources: &[String] = if input.resource_arns.is_empty() {
            &star
        } else {
            &input.resource_arns
        };
        let mut out = Vec::new();
        for action in &input.action_names {
            for resource_arn in resources {
                let resource_account = self
                    .resource_account
                    .clone()
                    .or_else(|| arn_account(resource_arn).map(str::to_owned));
                let mut evaluation = EvaluationInput::new(&self.principal, &identity);
                evaluation.boundary = boundary.as_ref();
                evaluation.resource_policy = resource.as_ref();
                evaluation.resource_account = resource_account.as_deref();
                let request = Request {
                    action,
                    resource: resource_arn,
                    context: &self.context,
                };
                let explanation = explain(&evaluation, &request);
                let cross_account = resource_account
                    .as_deref()
                    .is_some_and(|a| a != self.principal.account());
                let result = self.result(action, resource_arn, &explanation, cross_account);
                out.push(Evaluated {
                    result,
                    explanation,
                });
            }
        }
        out
    }

    fn source_type(&self, policy_id: &str) -> Option<PolicySourceType> {
        self.identity
            .iter()
            .chain(&self.boundary)
            .chain(&self.resource)
            .find(|p| p.id == policy_id)
            .and_then(|p| p.source_type)
    }

    fn result(
        &self,
        action: &str,
        resource: &str,
        explanation: &Explanation,
        cross_account: bool,
    ) -> EvaluationResult {
        let decision = decision_name(explanation.verdict.decision);
        // The simulator lists the statements that produced the decision: the Allow
        // statements of an allowed request, the Deny statements of a denied one.
        let wanted = match explanation.verdict.decision {
            Decision::Allow => Some(Effect::Allow),
            Decision::ExplicitDeny => Some(Effect::Deny),
            Decision::ImplicitDeny => None,
        };
        let matched: Vec<MatchedStatement> = explanation
            .matched
            .iter()
            .filter(|m| Some(m.effect) == wanted)
            .map(|m| MatchedStatement::new(&m.policy_id, self.source_type(&m.policy_id), m.span))
            .collect();
        let missing: Vec<String> = explanation
            .missing_context_keys
            .iter()
            .map(|k| self.spelling(k).to_owned())
            .collect();
        // AWS: EvalDecisionDetails is omitted for `*`, present but empty for a same-account
        // resource ARN, and filled for cross-account simulations (and, here, whenever a
        // resource policy takes part).
        let details = if cross_account || self.resource.is_some() {
            Some(
                explanation
                    .type_decisions
                    .iter()
                    .map(|(ty, d)| (ty.simulator_name().to_owned(), d.as_str().to_owned()))
                    .collect(),
            )
        } else if resource == "*" {
            None
        } else {
            Some(BTreeMap::new())
        };
        let boundary_detail = explanation
            .allowed_by_boundary
            .filter(|_| !self.boundary.is_empty());
        let resource_specific = (resource != "*").then(|| {
            vec![ResourceSpecificResult {
                eval_resource_name: resource.to_owned(),
                eval_resource_decision: decision,
                matched_statements: matched.clone(),
                missing_context_values: missing.clone(),
                eval_decision_details: details.clone(),
                allowed_by_permissions_boundary: boundary_detail,
            }]
        });
        EvaluationResult {
            eval_action_name: action.to_owned(),
            eval_resource_name: resource.to_owned(),
            eval_decision: decision,
            matched_statements: matched,
            missing_context_values: missing,
            allowed_by_permissions_boundary: boundary_detail,
            eval_decision_details: details,
            resource_specific_results: resource_specific,
        }
    }
}

/// Builds the simulated caller from `CallerArn` (or the default caller). AWS only accepts
/// IAM user ARNs there; the simulator also accepts a root ARN and an assumed-role session
/// ARN, and a role ARN as default caller (SimulatePrincipalPolicy of a role).
fn caller(input: &SimulationInput, has_boundary: bool) -> Result<Principal, SimulationError> {
    // The simulator has no stored entity behind the ARN, so unique ids are placeholders
    // with AWS's prefixes; `aws:userid` can be overridden with a context entry.
    let context_value = |key: &str| {
        input
            .context_entries
            .iter()
            .find(|e| e.name.eq_ignore_ascii_case(key))
            .and_then(|e| e.values.first().cloned())
    };
    let tags: Vec<(String, String)> = input
        .context_entries
        .iter()
        .filter_map(|e| {
            let key = e.name.get(..17)?;
            key.eq_ignore_ascii_case("aws:PrincipalTag/").then(|| {
                (
                    e.name.get(17..).unwrap_or_default().to_owned(),
                    e.values.first().cloned().unwrap_or_default(),
                )
            })
        })
        .collect();
    let arn = match (&input.caller_arn, &input.default_caller_arn) {
        (Some(arn), _) | (None, Some(arn)) => arn.clone(),
        (None, None) => format!(
            "arn:aws:iam::{}:user/warden-simulator",
            input
                .resource_owner
                .as_deref()
                .map(account_of)
                .transpose()?
                .unwrap_or_else(|| DEFAULT_ACCOUNT.to_owned())
        ),
    };
    let Some(account) = arn_account(&arn) else {
        return Err(SimulationError::CallerArn(arn));
    };
    let resource = arn.splitn(6, ':').nth(5).unwrap_or_default();
    let principal = if resource == "root" {
        Principal::root(account)
    } else if resource.starts_with("user/") {
        let id = context_value("aws:userid").unwrap_or_else(|| "AIDAWARDENSIMULATOR00".to_owned());
        Principal::user(&arn, &id)
    } else if let Some(rest) = resource.strip_prefix("assumed-role/") {
        let Some((role, session)) = rest.split_once('/') else {
            return Err(SimulationError::CallerArn(arn));
        };
        let partition = arn.split(':').nth(1).unwrap_or("aws");
        let role_arn = format!("arn:{partition}:iam::{account}:role/{role}");
        Principal::role_session(&role_arn, "AROAWARDENSIMULATOR00", session)
    } else if resource.starts_with("role/") && input.caller_arn.is_none() {
        // SimulatePrincipalPolicy of a role: a session of that role.
        Principal::role_session(&arn, "AROAWARDENSIMULATOR00", "warden-simulator")
    } else {
        return Err(SimulationError::CallerArn(arn));
    };
    Ok(principal.with_tags(tags).with_boundary(has_boundary))
}

/// The account of `arn:partition:service:region:account:resource`, if non-empty.
fn arn_account(arn: &str) -> Option<&str> {
    let account = arn.strip_prefix("arn:")?.split(':').nth(3)?;
    (!account.is_empty()).then_some(account)
}

/// `ResourceOwner` is an account id or an ARN naming the account (`arn:aws:iam::ACCT:root`).
fn account_of(owner: &str) -> Result<String, SimulationError> {
    let account = arn_account(owner).unwrap_or(owner);
    if account.len() == 12 && account.bytes().all(|b| b.is_ascii_digit()) {
        Ok(account.to_owned())
    } else {
        Err(SimulationError::ResourceOwner(owner.to_owned()))
    }
}

fn decision_name(decision: Decision) -> &'static str {
    match decision {
        Decision::Allow => "allowed",
        Decision::ExplicitDeny => "explicitDeny",
        Decision::ImplicitDeny => "implicitDeny",
    }
}

/// `MaxItems`/`Marker`: the marker is the index of the next result. Without `MaxItems` the
/// whole rest is returned and `IsTruncated` is omitted.
pub fn paginate(
    mut results: Vec<EvaluationResult>,
    marker: Option<&str>,
    max_items: Option<i64>,
) -> Result<SimulationOutput, SimulationError> {
    let start = match marker {
        Some(m) => m
            .parse::<usize>()
            .ok()
            .filter(|i| *i <= results.len())
            .ok_or_else(|| SimulationError::Marker(m.to_owned()))?,
        None => 0,
    };
    results.drain(..start);
    let mut output = SimulationOutput::default();
    if let Some(max) = max_items {
        if !(1..=1000).contains(&max) {
            return Err(SimulationError::MaxItems);
        }
        let max = usize::try_from(max).unwrap_or(usize::MAX);
        if results.len() > max {
            results.truncate(max);
            output.is_truncated = Some(true);
            output.marker = Some((start + max).to_string());
        }
    }
    output.evaluation_results = results;
    Ok(output)
}

/// `GetContextKeysFor*Policy`: the context keys the policies use, after parsing each of
/// them (`PolicyInputList.N` ids in errors).
///
/// Spelling and order (api.md §5.19 `VERIFY`), chosen from AWS's recorded answer in the aws
/// CLI documentation of `get-context-keys-for-custom-policy` (a policy with
/// `"Resource": "…:table/${aws:username}"` and `{"DateGreaterThan": {"aws:CurrentTime": …}}`
/// answers `["aws:username", "aws:CurrentTime"]`): keys keep the spelling written in the
/// policy, in first-appearance order — per statement, the variables of `Resource` /
/// `NotResource`, then each condition's key followed by the variables in its values —
/// and a key seen again in another spelling is not repeated (keys are case-insensitive).
pub fn context_keys<'a>(documents: impl IntoIterator<Item = &'a PolicyDocument>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut keys = Vec::new();
    let mut add = |key: &str| {
        if seen.insert(key.to_lowercase()) {
            keys.push(key.to_owned());
        }
    };
    for document in documents {
        let interpret = document.version == crate::document::Version::V2012_10_17;
        for statement in &document.statements {
            if interpret {
                for pattern in statement.resource.iter().flat_map(|r| &r.patterns) {
                    variable_names(pattern, &mut add);
                }
            }
            for condition in &statement.conditions {
                add(&condition.key);
                if interpret && condition.operator.base.takes_variables() {
                    for value in &condition.values {
                        variable_names(value, &mut add);
                    }
                }
            }
        }
    }
    keys
}

/// Parses policies for [`context_keys`], reporting `PolicyInputList.N` on failure.
pub fn parse_policy_input_list(texts: &[String]) -> Result<Vec<PolicyDocument>, SimulationError> {
    Ok(
        parse_input_list(texts, "PolicyInputList", PolicyKind::Inline)?
            .into_iter()
            .map(|p| p.document)
            .collect(),
    )
}

/// Calls `add` with the key of each `${key}` / `${key, 'default'}` in `text`, as written;
/// the escapes `${*}`, `${?}`, `${$}` are not keys.
fn variable_names(text: &str, add: &mut impl FnMut(&str)) {
    let mut rest = text;
    while let Some(at) = rest.find("${") {
        let after = rest.get(at + 2..).unwrap_or("");
        let Some(close) = after.find('}') else {
            return;
        };
        let body = after.get(..close).unwrap_or("");
        let key = body.split(',').next().unwrap_or("").trim();
        if !key.is_empty() && !matches!(key, "*" | "?" | "$") {
            add(key);
        }
        rest = after.get(close + 1..).unwrap_or("");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The aws CLI documentation example of `simulate-custom-policy`.
    const DOC_POLICY: &str = r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2018-08-16T12:00:00Z"}}}}"#;

    fn input(actions: &[&str], context: Option<&str>) -> SimulationInput {
        SimulationInput {
            policy_input_list: vec![DOC_POLICY.to_owned()],
            action_names: actions.iter().map(|a| (*a).to_owned()).collect(),
            context_entries: context
                .map(|t| ContextEntryInput {
                    name: "aws:CurrentTime".to_owned(),
                    values: vec![t.to_owned()],
                    type_name: "date".to_owned(),
                })
                .into_iter()
                .collect(),
            ..SimulationInput::default()
        }
    }

    #[test]
    fn allowed_after_the_date_with_aws_positions() {
        let out = simulate(&input(
            &["dynamodb:CreateBackup"],
            Some("2019-04-25T11:00:00Z"),
        ))
        .unwrap();
        let r = &out.evaluation_results[0];
        assert_eq!(r.eval_decision, "allowed");
        let m = &r.matched_statements[0];
        assert_eq!(m.source_policy_id, "PolicyInputList.1");
        assert_eq!(m.source_policy_type, None);
        assert_eq!((m.start_position.line, m.start_position.column), (1, 38));
        assert_eq!((m.end_position.line, m.end_position.column), (1, 167));
        assert_eq!(r.eval_decision_details, None);
        assert_eq!(r.resource_specific_results, None);
        assert_eq!(out.is_truncated, None);
    }

    #[test]
    fn missing_date_is_reported_and_denies_implicitly() {
        let out = simulate(&input(&["dynamodb:CreateBackup"], None)).unwrap();
        let r = &out.evaluation_results[0];
        assert_eq!(r.eval_decision, "implicitDeny");
        assert!(r.matched_statements.is_empty());
        assert_eq!(r.missing_context_values, ["aws:CurrentTime"]);
    }

    #[test]
    fn pagination_returns_a_marker_and_the_rest() {
        let mut i = input(
            &[
                "dynamodb:CreateBackup",
                "dynamodb:GetItem",
                "dynamodb:PutItem",
            ],
            None,
        );
        i.max_items = Some(2);
        let first = simulate(&i).unwrap();
        assert_eq!(first.evaluation_results.len(), 2);
        assert_eq!(first.is_truncated, Some(true));
        i.marker = first.marker;
        let second = simulate(&i).unwrap();
        assert_eq!(second.evaluation_results.len(), 1);
        assert_eq!(
            second.evaluation_results[0].eval_action_name,
            "dynamodb:PutItem"
        );
        assert_eq!(second.is_truncated, None);
    }

    #[test]
    fn bad_marker_and_max_items_are_refused() {
        let mut i = input(&["dynamodb:CreateBackup"], None);
        i.marker = Some("9".to_owned());
        assert!(matches!(simulate(&i), Err(SimulationError::Marker(_))));
        i.marker = None;
        i.max_items = Some(0);
        assert!(matches!(simulate(&i), Err(SimulationError::MaxItems)));
    }

    #[test]
    fn resource_policy_needs_a_caller() {
        let mut i = input(&["dynamodb:CreateBackup"], None);
        i.caller_required_with_resource_policy = true;
        i.resource_policy = Some(
            r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}}"#
                .to_owned(),
        );
        assert!(matches!(
            simulate(&i),
            Err(SimulationError::CallerArnRequired)
        ));
    }

    #[test]
    fn malformed_policy_names_its_list_entry() {
        let mut i = input(&["dynamodb:CreateBackup"], None);
        i.policy_input_list.push("{".to_owned());
        match simulate(&i) {
            Err(SimulationError::MalformedPolicy { id, .. }) => assert_eq!(id, "PolicyInputList.2"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn entity_policies_carry_their_source_type_and_boundary() {
        let mut i = input(&["dynamodb:CreateBackup"], Some("2019-04-25T11:00:00Z"));
        i.policy_input_list.clear();
        i.entity_policies.push(EntityPolicy {
            id: "inline".to_owned(),
            source_type: PolicySourceType::User,
            text: DOC_POLICY.to_owned(),
        });
        i.entity_boundary = Some(EntityPolicy {
            id: "arn:aws:iam::123456789012:policy/b".to_owned(),
            source_type: PolicySourceType::UserManaged,
            text: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"ec2:*","Resource":"*"}}"#
                .to_owned(),
        });
        let r = &simulate(&i).unwrap().evaluation_results[0];
        assert_eq!(r.eval_decision, "implicitDeny");
        assert_eq!(r.allowed_by_permissions_boundary, Some(false));
        // A boundary list of the request replaces the entity's boundary.
        i.permissions_boundary_policy_input_list = vec![DOC_POLICY.to_owned()];
        let r = &simulate(&i).unwrap().evaluation_results[0];
        assert_eq!(r.eval_decision, "allowed");
        assert_eq!(
            r.matched_statements[0].source_policy_type,
            Some(PolicySourceType::User)
        );
    }

    #[test]
    fn context_keys_follow_the_aws_cli_documentation_example() {
        let docs = parse_policy_input_list(&[r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"arn:aws:dynamodb:us-west-2:123456789012:table/${aws:username}","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2015-08-16T12:00:00Z"}}}}"#.to_owned()]).unwrap();
        assert_eq!(context_keys(&docs), ["aws:username", "aws:CurrentTime"]);
    }

    #[test]
    fn context_keys_are_deduplicated_case_insensitively() {
        let docs = parse_policy_input_list(&[
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/Team":"${aws:PrincipalTag/Team}","s3:prefix":"${*}"}}}]}"#.to_owned(),
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"Bool":{"AWS:SecureTransport":"false"},"StringEquals":{"aws:principaltag/team":"x"}}}]}"#.to_owned(),
        ])
        .unwrap();
        assert_eq!(
            context_keys(&docs),
            ["aws:PrincipalTag/Team", "s3:prefix", "AWS:SecureTransport"]
        );
    }

    #[test]
    fn version_2008_policies_have_no_variables() {
        let docs = parse_policy_input_list(&[r#"{"Version":"2008-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/${aws:username}"}}"#.to_owned()]).unwrap();
        assert!(context_keys(&docs).is_empty());
    }
}
