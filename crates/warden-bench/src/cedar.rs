//! The Cedar side of the comparison, built exactly as WORKLOAD.md "Running Cedar on the same
//! requests" prescribes, so the figures are like for like with every other run of the workload.
//!
//! Two translations of the principal's 40 statements exist: [`CedarVariant::Like`] matches the
//! action as a context string (`context.act like "s3:get*"`), [`CedarVariant::Groups`] as an
//! action entity whose parents are the wildcard "action group" entities it matches.

use std::collections::{BTreeSet, HashSet};
use std::str::FromStr;

use cedar_policy::entities_errors::EntitiesError;
use cedar_policy::{
    Authorizer, Context, ContextCreationError, Decision, Entities, Entity,
    EntityAttrEvaluationError, EntityId, EntityTypeName, EntityUid, ExpressionConstructionError,
    ParseErrors, PolicySet, Request, RequestValidationError, RestrictedExpression,
};

use crate::workload::{PRINCIPAL, Workload, WorkloadError, WorkloadRequest};
use crate::{Mismatch, Outcome, VerifyError};

/// Which Cedar translation of the policy set to run.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub enum CedarVariant {
    /// `cedar-sliced-like.cedar`: one constant action, the real one in `context.act`.
    Like,
    /// `cedar-sliced-groups.cedar`: the real action as an entity in wildcard action groups.
    Groups,
}

impl CedarVariant {
    /// Both variants, in report order.
    pub const ALL: [Self; 2] = [Self::Like, Self::Groups];

    /// The policy text of this variant.
    #[must_use]
    pub fn policy_text(self) -> &'static str {
        match self {
            Self::Like => crate::workload::CEDAR_LIKE,
            Self::Groups => crate::workload::CEDAR_GROUPS,
        }
    }

    /// A short name for tables and criterion ids (`cedar-like`, `cedar-groups`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Like => "cedar-like",
            Self::Groups => "cedar-groups",
        }
    }
}

/// Why the Cedar side could not be built or could not build a request.
///
/// Cedar's error types are large (up to ~400 bytes), so they are boxed to keep the `Result`
/// of the per-request build path small (clippy `result_large_err`).
#[derive(Debug, thiserror::Error)]
pub enum CedarError {
    /// The workload files could not be read.
    #[error(transparent)]
    Workload(#[from] WorkloadError),
    /// The policy file (or an entity name) does not parse.
    #[error("cedar parse: {0}")]
    Parse(Box<ParseErrors>),
    /// An entity's tags could not be evaluated.
    #[error("cedar entity: {0}")]
    Entity(Box<EntityAttrEvaluationError>),
    /// The entity store could not be built.
    #[error("cedar entities: {0}")]
    Entities(Box<EntitiesError>),
    /// The `rtags` record could not be built.
    #[error("cedar record: {0}")]
    Record(Box<ExpressionConstructionError>),
    /// The request context could not be built (e.g. an unparseable IP or date).
    #[error("cedar context: {0}")]
    Context(Box<ContextCreationError>),
    /// The request could not be built.
    #[error("cedar request: {0}")]
    Request(Box<RequestValidationError>),
}

macro_rules! boxed_from {
    ($($variant:ident: $source:ty;)*) => {$(
        impl From<$source> for CedarError {
            fn from(e: $source) -> Self {
                Self::$variant(Box::new(e))
            }
        }
    )*};
}

boxed_from! {
    Parse: ParseErrors;
    Entity: EntityAttrEvaluationError;
    Entities: EntitiesError;
    Record: ExpressionConstructionError;
    Context: ContextCreationError;
    Request: RequestValidationError;
}

/// The context keys of the workload, as the requests spell them (WORKLOAD.md "Requests").
const SOURCE_IP: &str = "aws:SourceIp";
const CURRENT_TIME: &str = "aws:CurrentTime";
const MFA: &str = "aws:MultiFactorAuthPresent";
const RESOURCE_TAG: &str = "aws:resourcetag/";

/// A ready-to-run Cedar engine for one variant: parsed policies, entity store, fixed uids.
#[derive(Debug)]
pub struct CedarEngine {
    variant: CedarVariant,
    authorizer: Authorizer,
    policies: PolicySet,
    entities: Entities,
    principal: EntityUid,
    resource: EntityUid,
    /// `Action::"any"` for the like variant.
    any_action: EntityUid,
    action_type: EntityTypeName,
}

impl CedarEngine {
    /// The one-time cost: parses the variant's policy text and builds the entity store for
    /// `user0042` (its groups, its policies, its tags; for [`CedarVariant::Groups`] also one
    /// action entity per distinct request action with its wildcard-group parents).
    ///
    /// # Errors
    /// [`CedarError`] if the policy text, a name or an entity is rejected by Cedar.
    pub fn new(variant: CedarVariant, workload: &Workload) -> Result<Self, CedarError> {
        let policies = PolicySet::from_str(variant.policy_text())?;
        let set = workload.principal_set(PRINCIPAL)?;

        let user_type = EntityTypeName::from_str("User")?;
        let group_type = EntityTypeName::from_str("Group")?;
        let policy_type = EntityTypeName::from_str("Policy")?;
        let action_type = EntityTypeName::from_str("Action")?;
        let resource_type = EntityTypeName::from_str("Resource")?;
        let uid = |ty: &EntityTypeName, id: &str| {
            EntityUid::from_type_name_and_id(ty.clone(), EntityId::new(id))
        };

        let principal = uid(&user_type, &set.user.name);
        let mut entities: Vec<Entity> = Vec::new();
        let mut policy_names: BTreeSet<&str> = BTreeSet::new();

        // The user: parents are its groups and its directly attached policies; its IAM tags
        // become Cedar entity tags (`principal.getTag("team")`).
        let user_parents = set
            .groups
            .iter()
            .map(|g| uid(&group_type, &g.name))
            .chain(
                set.user
                    .attached_policies
                    .iter()
                    .map(|p| uid(&policy_type, p)),
            )
            .collect::<Vec<_>>();
        policy_names.extend(set.user.attached_policies.iter().map(String::as_str));
        let tags = set
            .user
            .tags
            .iter()
            .map(|(k, v)| (k.clone(), RestrictedExpression::new_string(v.clone())));
        entities.push(Entity::new_with_tags(
            principal.clone(),
            [],
            user_parents,
            tags,
        )?);

        // Each group: parents are its attached policies.
        for group in &set.groups {
            let parents = group
                .attached_policies
                .iter()
                .map(|p| uid(&policy_type, p))
                .collect::<HashSet<_>>();
            policy_names.extend(group.attached_policies.iter().map(String::as_str));
            entities.push(Entity::new_no_attrs(uid(&group_type, &group.name), parents));
        }

        // Each policy: no attributes, no parents.
        for name in policy_names {
            entities.push(Entity::new_no_attrs(
                uid(&policy_type, name),
                HashSet::new(),
            ));
        }

        // Groups variant: the request action entity is a member of every wildcard action
        // entity of the file that matches it (Cedar's `like` takes a literal only, so the
        // IAM wildcard becomes group membership computed once here).
        if variant == CedarVariant::Groups {
            let patterns = wildcard_actions(variant.policy_text());
            let actions = workload
                .requests
                .iter()
                .map(|r| r.action.to_ascii_lowercase())
                .collect::<BTreeSet<_>>();
            for action in &actions {
                let parents = patterns
                    .iter()
                    .filter(|p| glob(p, action))
                    .map(|p| uid(&action_type, p))
                    .collect::<HashSet<_>>();
                entities.push(Entity::new_no_attrs(uid(&action_type, action), parents));
            }
        }

        let entities = Entities::from_entities(entities, None)?;
        Ok(Self {
            variant,
            authorizer: Authorizer::new(),
            policies,
            entities,
            resource: uid(&resource_type, "r"),
            any_action: uid(&action_type, "any"),
            principal,
            action_type,
        })
    }

    /// The variant this engine runs.
    #[must_use]
    pub fn variant(&self) -> CedarVariant {
        self.variant
    }

    /// Builds the Cedar request of a workload request: principal `User::"user0042"`, action
    /// `Action::"any"` (like) or `Action::"<lower-cased action>"` (groups), resource
    /// `Resource::"r"`, context `{ arn, act (like only), rtags, sourceIp, now, mfa (if given) }`.
    ///
    /// # Errors
    /// [`CedarError`] if the context is rejected (unparseable IP or timestamp).
    pub fn build_request(&self, request: &WorkloadRequest) -> Result<Request, CedarError> {
        let action_lower = request.action.to_ascii_lowercase();
        let mut pairs: Vec<(String, RestrictedExpression)> = Vec::with_capacity(6);
        let mut rtags: Vec<(String, RestrictedExpression)> = Vec::new();
        pairs.push((
            "arn".to_owned(),
            RestrictedExpression::new_string(request.resource.clone()),
        ));
        for (key, value) in &request.context {
            // Context key names are case-insensitive in IAM (spec policy.md §3.2).
            if key.eq_ignore_ascii_case(SOURCE_IP) {
                pairs.push(("sourceIp".to_owned(), RestrictedExpression::new_ip(value)));
            } else if key.eq_ignore_ascii_case(CURRENT_TIME) {
                pairs.push(("now".to_owned(), RestrictedExpression::new_datetime(value)));
            } else if key.eq_ignore_ascii_case(MFA) {
                // The IAM Bool operator compares "true" case-insensitively.
                let mfa = value.eq_ignore_ascii_case("true");
                pairs.push(("mfa".to_owned(), RestrictedExpression::new_bool(mfa)));
            } else if let Some(tag) = tag_suffix(key) {
                rtags.push((
                    tag.to_owned(),
                    RestrictedExpression::new_string(value.clone()),
                ));
            }
        }
        pairs.push(("rtags".to_owned(), RestrictedExpression::new_record(rtags)?));
        let action = match self.variant {
            CedarVariant::Like => {
                pairs.push((
                    "act".to_owned(),
                    RestrictedExpression::new_string(action_lower),
                ));
                self.any_action.clone()
            }
            CedarVariant::Groups => EntityUid::from_type_name_and_id(
                self.action_type.clone(),
                EntityId::new(action_lower),
            ),
        };
        let context = Context::from_pairs(pairs)?;
        Ok(Request::new(
            self.principal.clone(),
            action,
            self.resource.clone(),
            context,
            None,
        )?)
    }

    /// Decides a pre-built request: `true` when Cedar allows it.
    #[must_use]
    pub fn decide(&self, request: &Request) -> bool {
        self.authorizer
            .is_authorized(request, &self.policies, &self.entities)
            .decision()
            == Decision::Allow
    }

    /// Builds and decides a workload request (the "build + decide" measurement).
    ///
    /// # Errors
    /// [`CedarError`] if the request cannot be built.
    pub fn build_and_decide(&self, request: &WorkloadRequest) -> Result<bool, CedarError> {
        Ok(self.decide(&self.build_request(request)?))
    }

    /// Builds every request of the workload once (the input of the decide-only measurement).
    ///
    /// # Errors
    /// [`CedarError`] if a request cannot be built.
    pub fn build_all(&self, workload: &Workload) -> Result<Vec<Request>, CedarError> {
        workload
            .requests
            .iter()
            .map(|r| self.build_request(r))
            .collect()
    }

    /// Checks that this engine reproduces every expected decision (Cedar distinguishes only
    /// Allow from Deny: expected `Allow` ⇔ Cedar `Allow`).
    ///
    /// # Errors
    /// [`VerifyError`] listing every request decided differently (or not buildable).
    pub fn verify(&self, workload: &Workload) -> Result<(), VerifyError> {
        let mut mismatches = Vec::new();
        for request in &workload.requests {
            let actual = match self.build_and_decide(request) {
                Ok(true) => Outcome::Allow,
                Ok(false) => Outcome::Deny,
                Err(_) => Outcome::Error,
            };
            let ok = match actual {
                Outcome::Allow => request.expected.is_allow(),
                Outcome::Deny => !request.expected.is_allow(),
                _ => false,
            };
            if !ok {
                mismatches.push(Mismatch {
                    id: request.id,
                    expected: request.expected,
                    actual,
                });
            }
        }
        VerifyError::check(self.variant.name(), workload.requests.len(), mismatches)
    }
}

/// The tag name of an `aws:ResourceTag/<tag>` key (prefix compared case-insensitively).
fn tag_suffix(key: &str) -> Option<&str> {
    let prefix = key.get(..RESOURCE_TAG.len())?;
    if prefix.eq_ignore_ascii_case(RESOURCE_TAG) {
        key.get(RESOURCE_TAG.len()..)
    } else {
        None
    }
}

/// Every distinct `Action::"..."` literal of the policy text that contains a `*` (the
/// wildcard action-group entities of the groups translation).
fn wildcard_actions(text: &str) -> Vec<String> {
    const OPEN: &str = "Action::\"";
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(start) = rest.find(OPEN) {
        rest = rest.get(start + OPEN.len()..).unwrap_or_default();
        let Some(end) = rest.find('"') else { break };
        let name = rest.get(..end).unwrap_or_default();
        if name.contains('*') {
            found.insert(name.to_owned());
        }
        rest = rest.get(end..).unwrap_or_default();
    }
    found.into_iter().collect()
}

/// `*`-only glob (Cedar's `like` semantics; the workload has no `?`), byte-wise: the
/// classic two-pointer matcher with backtracking to the last star.
fn glob(pattern: &str, text: &str) -> bool {
    let (p, t) = (pattern.as_bytes(), text.as_bytes());
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        match p.get(pi) {
            Some(b'*') => {
                star = Some((pi, ti));
                pi += 1;
            }
            Some(&c) if t.get(ti) == Some(&c) => {
                pi += 1;
                ti += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    pi = sp + 1;
                    ti = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    p.get(pi..).is_some_and(|r| r.iter().all(|&c| c == b'*'))
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! glob_cases {
        ($($name:ident: $pattern:expr, $text:expr => $want:expr;)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(glob($pattern, $text), $want);
            }
        )*};
    }

    glob_cases! {
        glob_exact: "s3:getobject", "s3:getobject" => true;
        glob_exact_differs: "s3:getobject", "s3:getobjects" => false;
        glob_trailing_star: "s3:get*", "s3:getobject" => true;
        glob_trailing_star_empty_run: "s3:get*", "s3:get" => true;
        glob_other_service: "s3:get*", "ec2:getconsoleoutput" => false;
        glob_inner_star_backtracks: "a*b*c", "axxbyybzc" => true;
        glob_inner_star_fails: "a*b*c", "axxbyy" => false;
        glob_star_alone: "*", "" => true;
    }

    #[test]
    fn wildcard_actions_of_groups_file() {
        let found = wildcard_actions(crate::workload::CEDAR_GROUPS);
        assert_eq!(
            found,
            [
                "ec2:delete*",
                "ec2:describe*",
                "ec2:detach*",
                "ec2:modify*",
                "glue:get*",
                "kms:list*",
                "s3:deleteobject*",
                "s3:get*",
                "s3:getbucket*",
                "s3:list*",
                "s3:put*",
            ]
        );
    }

    #[test]
    fn tag_suffix_is_case_insensitive_on_prefix() {
        assert_eq!(tag_suffix("aws:ResourceTag/team"), Some("team"));
        assert_eq!(tag_suffix("AWS:RESOURCETAG/Env"), Some("Env"));
        assert_eq!(tag_suffix("aws:SourceIp"), None);
    }
}
