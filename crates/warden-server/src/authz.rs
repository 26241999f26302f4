//! Authorization: the one place that asks warden-policy "may this caller do this".
//!
//! # The policy cache (hot path: no database read to authorize)
//!
//! A caller's compiled policies ([`Compiled`]: the [`Principal`] with its tags, the identity
//! [`PolicySet`] — the user's inline and attached managed policies plus those of every group
//! — and the permissions boundary) are cached per `(account, principal unique id)`. Each
//! entry remembers the *epoch* it was built at; an entry is used only while its epoch is the
//! current one, so invalidation is a counter increment:
//!
//! * every committed IAM change bumps the account's generation in the store (same
//!   transaction), and the store's [`warden_core::Store::watch_changes`] feed reports it —
//!   in-process for SQLite, through `LISTEN/NOTIFY` for PostgreSQL so that another node
//!   sharing the database invalidates within a second. A watcher task bumps the account's
//!   local epoch on each notification; [`warden_core::Change::Lagged`] bumps every epoch.
//! * read-your-writes on this node does not wait for the feed: after a mutating operation
//!   commits, the pipeline bumps the account's epoch before answering.
//!
//! The epoch is read *before* an entry is loaded, so a change that lands while loading makes
//! the new entry stale at once (never a stale entry that looks fresh).
//!
//! What is not cached: the access key itself (read on every request so that a deactivated
//! or deleted key stops working immediately, api.md §1.9) and the target entity's path and
//! tags (read by the handler inside its transaction, because the resource ARN depends on
//! them, api.md §4.2).

use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use warden_core::{
    KeyOwner, ManagedPolicy, PolicyHolder, StoreError, TagTarget, Transaction, User,
};
use warden_policy::document::{PolicyDocument, PolicyKind};
use warden_policy::{Context, EvaluationInput, PolicySet, PolicySource, PolicyType, Principal};
use warden_sts::SessionRecord;
use warden_types::AccountId;

use crate::error::{ApiError, InternalError};
use crate::metrics::Metrics;

/// Who a request is from, resolved from its access key.
#[derive(Clone, Debug)]
pub(crate) enum Identity {
    /// The account's root user.
    Root,
    /// An IAM user (as stored when the cache entry was built), also when calling with
    /// its own `GetSessionToken` credentials (the session acts as the user, api.md §6.5).
    User(User),
    /// A role session or a federated user (`Compiled::session` holds the record): a caller
    /// that is not an IAM user (api.md §3.6).
    Session,
    /// The caller of an unsigned noAuth STS operation (AssumeRoleWithWebIdentity,
    /// AssumeRoleWithSAML) before its token or assertion is verified: no policies.
    Unauthenticated,
}

/// A principal's compiled authorization state (one cache entry).
#[derive(Debug)]
pub(crate) struct Compiled {
    /// The account.
    pub(crate) account: AccountId,
    /// Root or the user record.
    pub(crate) identity: Identity,
    /// The policy-engine principal (ARN, unique id, tags, boundary flag).
    pub(crate) principal: Principal,
    /// Identity-based policies (empty for root: root's access comes from §6.4 step 3).
    pub(crate) identity_policies: PolicySet,
    /// The permissions boundary, if the user has one.
    pub(crate) boundary: Option<PolicySet>,
    /// The session record when the caller signs with temporary credentials (api.md §7.5).
    pub(crate) session: Option<Arc<SessionRecord>>,
    /// The session policies (inline + managed, api.md §7.2); `None` when none were passed.
    pub(crate) session_policies: Option<PolicySet>,
    /// The session's parent entity no longer exists (api.md §2.7 step 4): every
    /// authorization is an implicit deny.
    pub(crate) parent_gone: bool,
    pub(crate) epoch: u64,
}

impl Compiled {
    /// A caller with no IAM identity of its own: a federated identity or a service asking
    /// to assume a role of `account`. Only the role's trust policy can allow it.
    pub(crate) fn unauthenticated(account: AccountId, principal: Principal) -> Self {
        Self {
            account,
            identity: Identity::Unauthenticated,
            principal,
            identity_policies: PolicySet::empty(),
            boundary: None,
            session: None,
            session_policies: None,
            parent_gone: false,
            epoch: 0,
        }
    }

    /// The caller's ARN (`…:root` or the user ARN with path).
    pub(crate) fn arn(&self) -> &str {
        self.principal.arn()
    }

    /// GetCallerIdentity's `UserId` (`aws:userid`, api.md §3.6).
    pub(crate) fn user_id(&self) -> String {
        match (&self.session, &self.identity) {
            (Some(s), _) => s.user_id.clone(),
            (None, Identity::User(u)) => u.id.clone(),
            (None, Identity::Root | Identity::Session | Identity::Unauthenticated) => {
                self.account.as_str().to_owned()
            }
        }
    }
}

/// Entries kept before the cache starts over.
const MAX_ENTRIES: usize = 100_000;

/// The per-node cache of [`Compiled`] principals with epoch-based invalidation.
#[derive(Debug, Default)]
pub(crate) struct PolicyCache {
    global: AtomicU64,
    accounts: Mutex<HashMap<AccountId, u64>>,
    entries: Mutex<HashMap<(AccountId, String), Arc<Compiled>>>,
}

impl PolicyCache {
    /// The current epoch of `account` (global lag counter plus the account's counter).
    pub(crate) fn epoch(&self, account: AccountId) -> u64 {
        let local = self
            .accounts
            .lock()
            .map(|m| m.get(&account).copied().unwrap_or(0))
            .unwrap_or(0);
        // Both counters only grow, so the sum only grows too.
        self.global.load(Ordering::Acquire).wrapping_add(local)
    }

    /// Marks every entry of `account` stale.
    pub(crate) fn invalidate_account(&self, account: AccountId) {
        if let Ok(mut m) = self.accounts.lock() {
            *m.entry(account).or_insert(0) += 1;
        }
    }

    /// Marks every entry stale (lost notifications, dev reset).
    pub(crate) fn invalidate_all(&self) {
        self.global.fetch_add(1, Ordering::AcqRel);
        if let Ok(mut e) = self.entries.lock() {
            e.clear();
        }
    }

    pub(crate) fn get(&self, account: AccountId, unique_id: &str) -> Option<Arc<Compiled>> {
        let epoch = self.epoch(account);
        let entries = self.entries.lock().ok()?;
        entries
            .get(&(account, unique_id.to_owned()))
            .filter(|c| c.epoch == epoch)
            .cloned()
    }

    pub(crate) fn put(&self, unique_id: String, compiled: Arc<Compiled>) {
        if let Ok(mut e) = self.entries.lock() {
            // Bound memory: stale and deleted principals' entries are only replaced, never
            // removed one by one, so start over when the map gets large.
            if e.len() >= MAX_ENTRIES {
                e.clear();
            }
            e.insert((compiled.account, unique_id), compiled);
        }
    }

    /// The compiled state of a key's owner: from the cache, or loaded through `begin` (a
    /// fresh read transaction) on a miss. `Ok(None)` when the owning user no longer exists.
    pub(crate) async fn resolve<T, F, Fut>(
        &self,
        account: AccountId,
        owner: &KeyOwner,
        partition: &str,
        begin: F,
    ) -> Result<Option<Arc<Compiled>>, ApiError>
    where
        T: Transaction,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, StoreError>>,
    {
        let unique_id = match owner {
            KeyOwner::Root => account.as_str().to_owned(),
            KeyOwner::User(id) => id.clone(),
        };
        if let Some(hit) = self.get(account, &unique_id) {
            return Ok(Some(hit));
        }
        let epoch = self.epoch(account);
        let compiled = match owner {
            KeyOwner::Root => Compiled {
                account,
                identity: Identity::Root,
                principal: Principal::root(account.as_str()),
                identity_policies: PolicySet::empty(),
                boundary: None,
                session: None,
                session_policies: None,
                parent_gone: false,
                epoch,
            },
            KeyOwner::User(id) => {
                let mut tx = begin().await?;
                let loaded = load_user(&mut tx, account, id, partition, epoch).await;
                // Read-only: nothing to keep; a failed rollback only matters for logs.
                if let Err(e) = tx.rollback().await {
                    tracing::warn!(error = %e, "rollback of a policy-loading transaction failed");
                }
                match loaded? {
                    Some(c) => c,
                    None => return Ok(None),
                }
            }
        };
        let compiled = Arc::new(compiled);
        self.put(unique_id, Arc::clone(&compiled));
        Ok(Some(compiled))
    }
}

/// The ARN of a user, group or other pathed entity.
pub(crate) fn entity_arn(
    partition: &str,
    account: AccountId,
    kind: &str,
    path: &str,
    name: &str,
) -> String {
    format!("arn:{partition}:iam::{account}:{kind}{path}{name}")
}

pub(crate) async fn load_user<T: Transaction>(
    tx: &mut T,
    account: AccountId,
    user_id: &str,
    partition: &str,
    epoch: u64,
) -> Result<Option<Compiled>, ApiError> {
    let Some(user) = tx.user_by_id(account, user_id).await? else {
        return Ok(None);
    };
    let arn = entity_arn(partition, account, "user", &user.path, &user.name);
    let tags = tx.tags(account, &TagTarget::User(user.id.clone())).await?;
    let principal = Principal::user(&arn, &user.id)
        .with_tags(tags.into_iter().map(|t| (t.key, t.value)))
        .with_boundary(user.permissions_boundary.is_some());
    let documents = user_documents(tx, account, &user.id).await?;
    let boundary = boundary_documents(tx, account, user.permissions_boundary.as_deref()).await?;
    let (identity_policies, boundary) =
        compile_identity(&principal, &documents, boundary.as_deref());
    Ok(Some(Compiled {
        account,
        identity: Identity::User(user),
        principal,
        identity_policies,
        boundary,
        session: None,
        session_policies: None,
        parent_gone: false,
        epoch,
    }))
}

/// The identity policies of a user: its inline and attached policies, then each group's.
pub(crate) async fn user_documents<T: Transaction>(
    tx: &mut T,
    account: AccountId,
    user_id: &str,
) -> Result<Vec<(String, PolicyDocument)>, ApiError> {
    let mut documents: Vec<(String, PolicyDocument)> = Vec::new();
    let holder = PolicyHolder::User(user_id.to_owned());
    collect_holder(tx, account, &holder, &mut documents).await?;
    let mut query = warden_core::ListQuery::first(1000);
    loop {
        let page = tx.groups_for_user(account, user_id, &query).await?;
        for group in &page.items {
            collect_holder(
                tx,
                account,
                &PolicyHolder::Group(group.id.clone()),
                &mut documents,
            )
            .await?;
        }
        match page.next {
            Some(next) => query = query.after(&next),
            None => break,
        }
    }
    Ok(documents)
}

/// The boundary document of an entity, `None` without a boundary. A boundary naming a
/// policy that does not exist (an AWS managed policy this deployment does not ship) allows
/// nothing: an empty set denies implicitly.
pub(crate) async fn boundary_documents<T: Transaction>(
    tx: &mut T,
    account: AccountId,
    arn: Option<&str>,
) -> Result<Option<Vec<(String, PolicyDocument)>>, ApiError> {
    let Some(arn) = arn else { return Ok(None) };
    let doc = match tx.policy_by_arn(account, arn).await? {
        Some(p) => Some(default_document(tx, account, &p).await?),
        None => None,
    };
    Ok(Some(doc.into_iter().map(|d| (arn.to_owned(), d)).collect()))
}

/// Compiles identity policies and the boundary for `principal`.
pub(crate) fn compile_identity(
    principal: &Principal,
    documents: &[(String, PolicyDocument)],
    boundary: Option<&[(String, PolicyDocument)]>,
) -> (PolicySet, Option<PolicySet>) {
    let sources: Vec<PolicySource<'_>> = documents
        .iter()
        .map(|(id, doc)| PolicySource::new(id, PolicyType::Identity, doc))
        .collect();
    let identity = PolicySet::compile(principal, &sources);
    let boundary = boundary.map(|docs| {
        let sources: Vec<PolicySource<'_>> = docs
            .iter()
            .map(|(id, d)| PolicySource::new(id, PolicyType::PermissionsBoundary, d))
            .collect();
        PolicySet::compile(principal, &sources)
    });
    (identity, boundary)
}

pub(crate) async fn collect_holder<T: Transaction>(
    tx: &mut T,
    account: AccountId,
    holder: &PolicyHolder,
    out: &mut Vec<(String, PolicyDocument)>,
) -> Result<(), ApiError> {
    for inline in tx.inline_policies(account, holder).await? {
        let doc = parse_stored(&inline.name, &inline.document, PolicyKind::Inline)?;
        out.push((inline.name, doc));
    }
    for managed in tx.attached_policies(account, holder).await? {
        let doc = default_document(tx, account, &managed).await?;
        out.push((managed.arn, doc));
    }
    Ok(())
}

pub(crate) async fn default_document<T: Transaction>(
    tx: &mut T,
    account: AccountId,
    policy: &ManagedPolicy,
) -> Result<PolicyDocument, ApiError> {
    let version = tx
        .policy_version(account, &policy.id, &policy.default_version_id)
        .await?
        .ok_or(ApiError::Internal(InternalError::Contract(
            "managed policy without its default version",
        )))?;
    parse_stored(&policy.arn, &version.document, PolicyKind::Managed)
}

pub(crate) fn parse_stored(
    id: &str,
    text: &str,
    kind: PolicyKind,
) -> Result<PolicyDocument, ApiError> {
    warden_policy::parse_policy(text, kind).map_err(|source| {
        ApiError::Internal(InternalError::StoredPolicy {
            id: id.to_owned(),
            source,
        })
    })
}

/// `role`'s trust policy compiled for `principal`, the resource policy of every way to
/// assume a role (AssumeRole, with web identity, with SAML, workload credentials).
/// Principals resolved when the trust policy was saved match only the entity they named
/// then (policy.md §1.7.3 point 2): a re-created user or role is not trusted.
pub(crate) fn compile_trust(
    role: &warden_core::Role,
    role_arn: &str,
    principal: &Principal,
) -> Result<Arc<PolicySet>, ApiError> {
    let document = parse_stored(role_arn, &role.trust_policy, PolicyKind::Trust)?;
    let resolved: Vec<(&str, &str)> = role
        .trust_principals
        .iter()
        .map(|p| (p.arn.as_str(), p.id.as_str()))
        .collect();
    Ok(Arc::new(PolicySet::compile_resolved(
        principal,
        &[PolicySource::new(role_arn, PolicyType::Trust, &document)],
        &resolved,
    )))
}

/// One (action, resource) pair an operation needs, with its action-specific context keys
/// (api.md §4.3-§4.5). Build with [`Check::new`] and the `with_*` methods.
#[derive(Clone, Debug)]
pub(crate) struct Check {
    /// `iam:<Operation>` (or a permission-only action such as `iam:TagUser`).
    pub(crate) action: String,
    /// The resource ARN of api.md §4.2 (or `*`).
    pub(crate) resource: String,
    /// Extra context entries: key and values (single-valued when one value and not a
    /// multivalued key).
    pub(crate) keys: Vec<(String, Vec<String>, bool)>,
    /// The resource-based policy of the target: a role's trust policy for the STS assume
    /// actions (policy.md §6.4 special trust rule, §6.5 cross-account).
    pub(crate) resource_policy: Option<Arc<PolicySet>>,
}

impl Check {
    /// A check of `action` (e.g. `"iam:CreateUser"`) on `resource`.
    pub(crate) fn new(action: impl Into<String>, resource: impl Into<String>) -> Self {
        Self {
            action: action.into(),
            resource: resource.into(),
            keys: Vec::new(),
            resource_policy: None,
        }
    }

    /// Evaluates with `policy` as the resource-based policy of the target, in the
    /// resource's account (a trust policy for `sts:AssumeRole`, policy.md §6.4/§6.5).
    pub(crate) fn with_resource_policy(mut self, policy: Arc<PolicySet>) -> Self {
        self.resource_policy = Some(policy);
        self
    }

    /// Adds a multivalued string key (e.g. `sts:TransitiveTagKeys`).
    pub(crate) fn with_keys(mut self, key: &str, values: Vec<String>) -> Self {
        self.keys.push((key.to_owned(), values, true));
        self
    }

    /// Adds a single-valued string key (e.g. `iam:PermissionsBoundary`).
    pub(crate) fn with_key(mut self, key: &str, value: &str) -> Self {
        self.keys
            .push((key.to_owned(), vec![value.to_owned()], false));
        self
    }

    /// Adds `aws:RequestTag/<k>` for each tag and `aws:TagKeys` (Create* with tags, Tag*).
    pub(crate) fn with_request_tags<'t>(
        mut self,
        tags: impl IntoIterator<Item = (&'t str, &'t str)> + Clone,
    ) -> Self {
        let mut keys = Vec::new();
        for (k, v) in tags {
            self.keys
                .push((format!("aws:RequestTag/{k}"), vec![v.to_owned()], false));
            keys.push(k.to_owned());
        }
        self.keys.push(("aws:TagKeys".to_owned(), keys, true));
        self
    }

    /// Adds `aws:TagKeys` only (Untag*).
    pub(crate) fn with_tag_keys<'t>(mut self, keys: impl IntoIterator<Item = &'t str>) -> Self {
        self.keys.push((
            "aws:TagKeys".to_owned(),
            keys.into_iter().map(str::to_owned).collect(),
            true,
        ));
        self
    }

    /// Adds `aws:ResourceTag/<k>` and, for users and roles, `iam:ResourceTag/<k>` from the
    /// target's current tags (api.md §4.4).
    pub(crate) fn with_resource_tags(mut self, tags: &[warden_core::Tag], iam_too: bool) -> Self {
        for t in tags {
            self.keys.push((
                format!("aws:ResourceTag/{}", t.key),
                vec![t.value.clone()],
                false,
            ));
            if iam_too {
                self.keys.push((
                    format!("iam:ResourceTag/{}", t.key),
                    vec![t.value.clone()],
                    false,
                ));
            }
        }
        self
    }
}

/// Request-wide context values (policy.md §5): the same for every check of a request.
#[derive(Clone, Debug)]
pub(crate) struct RequestFacts {
    /// Request time, unix seconds.
    pub(crate) now_unix: i64,
    /// The client address.
    pub(crate) source_ip: String,
    /// Whether the request came over TLS.
    pub(crate) secure_transport: bool,
    /// The `User-Agent` header, if any.
    pub(crate) user_agent: Option<String>,
    /// The credential scope region.
    pub(crate) region: String,
}

/// Evaluates every check in order; the first denied one decides the AccessDenied message
/// (api.md §4.3). Pure and synchronous: no database access.
pub(crate) fn authorize(
    compiled: &Compiled,
    facts: &RequestFacts,
    checks: &[Check],
    metrics: &Metrics,
) -> Result<(), ApiError> {
    for check in checks {
        if let Some(session) = &compiled.session {
            // api.md §7.6: what each kind of temporary credentials may call, before policies.
            let (vendor, name) = check.action.split_once(':').unwrap_or(("", &check.action));
            let service = if vendor.eq_ignore_ascii_case("sts") {
                warden_sts::rules::Service::Sts
            } else {
                warden_sts::rules::Service::Iam
            };
            warden_sts::rules::check_caller(
                Some(session),
                service,
                name,
                compiled.arn(),
                &check.resource,
            )
            .map_err(|d| ApiError::AccessDenied(d.message))?;
        }
        if compiled.parent_gone {
            // api.md §2.7 step 4: the session's role or user is gone; nothing is allowed.
            metrics.record_decision(warden_policy::Decision::ImplicitDeny);
            let reason = check
                .resource_policy
                .is_none()
                .then_some(PolicyType::Identity);
            return Err(ApiError::AccessDenied(denial_message(
                compiled, check, reason,
            )));
        }
        // Most callers' policies have no conditions: then no decision reads the context,
        // and building it (a dozen keys, the session's among them) is skipped.
        let reads_context = compiled.identity_policies.reads_context()
            || compiled
                .boundary
                .as_ref()
                .is_some_and(PolicySet::reads_context)
            || compiled
                .session_policies
                .as_ref()
                .is_some_and(PolicySet::reads_context)
            || check
                .resource_policy
                .as_ref()
                .is_some_and(|p| p.reads_context());
        let context = if reads_context {
            build_context(compiled, facts, check)
        } else {
            Context::new()
        };
        let mut input = EvaluationInput::new(&compiled.principal, &compiled.identity_policies);
        input.boundary = compiled.boundary.as_ref();
        input.session = compiled.session_policies.as_ref();
        if let Some(policy) = &check.resource_policy {
            input.resource_policy = Some(policy);
            input.resource_account = resource_account(&check.resource);
        }
        let verdict = warden_policy::evaluate(
            &input,
            &warden_policy::Request {
                action: &check.action,
                resource: &check.resource,
                context: &context,
            },
        );
        metrics.record_decision(verdict.decision);
        if let Some(message) =
            verdict.access_denied_message(compiled.arn(), &check.action, &check.resource)
        {
            // STS reports trust-evaluated denials without a reason clause (api.md §6.2
            // step 5), the same for a missing role, so callers cannot probe roles.
            if check.resource_policy.is_some() {
                return Err(ApiError::AccessDenied(denial_message(
                    compiled, check, None,
                )));
            }
            return Err(ApiError::AccessDenied(message));
        }
    }
    Ok(())
}

/// `User: <caller> is not authorized to perform: <action> on resource: <resource>`, with
/// the implicit-deny reason clause of `reason` (policy.md §6.6).
pub(crate) fn denial_message(
    compiled: &Compiled,
    check: &Check,
    reason: Option<PolicyType>,
) -> String {
    let base = format!(
        "User: {} is not authorized to perform: {} on resource: {}",
        compiled.arn(),
        check.action,
        check.resource
    );
    match reason {
        Some(t) => format!(
            "{base} because no {} allows the {} action",
            t.message_phrase(),
            check.action
        ),
        None => base,
    }
}

fn build_context(compiled: &Compiled, facts: &RequestFacts, check: &Check) -> Context {
    let mut b = Context::builder()
        .date(
            "aws:CurrentTime",
            warden_policy::date::Timestamp::from_unix_seconds(facts.now_unix),
        )
        .numeric("aws:EpochTime", &facts.now_unix.to_string())
        .ip("aws:SourceIp", &facts.source_ip)
        .boolean("aws:SecureTransport", facts.secure_transport)
        .string("aws:RequestedRegion", &facts.region)
        .string(
            "aws:ResourceAccount",
            resource_account(&check.resource).unwrap_or(compiled.account.as_str()),
        )
        .boolean("aws:ViaAWSService", false);
    if let Some(ua) = &facts.user_agent {
        b = b.string("aws:UserAgent", ua);
    }
    if let Some(session) = &compiled.session {
        // aws:TokenIssueTime, aws:MultiFactorAuthPresent/Age, aws:SourceIdentity, ...
        // (policy.md §5.2, api.md §6.5).
        for (key, values) in warden_sts::session::session_context_keys(session, facts.now_unix) {
            // A check's own value of a key replaces the session's: AssumeRole with a valid
            // MFA code from a session without MFA (api.md §6.2 step 3; first key wins).
            if check
                .keys
                .iter()
                .any(|(k, _, _)| k.eq_ignore_ascii_case(&key))
            {
                continue;
            }
            b = match values.as_slice() {
                [one] if !key.ends_with(":amr") => b.auto(&key, one),
                _ => b.strings(&key, values.iter().map(String::as_str)),
            };
        }
    }
    for (key, values, multi) in &check.keys {
        b = if *multi || values.len() != 1 {
            b.strings(key, values.iter().map(String::as_str))
        } else {
            b.auto(key, values.first().map_or("", String::as_str))
        };
    }
    b.build()
}

/// The account field of an ARN (`arn:p:iam::ACCT:...`), if it has one.
fn resource_account(arn: &str) -> Option<&str> {
    let account = arn.split(':').nth(4)?;
    (!account.is_empty()).then_some(account)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(id: &str) -> AccountId {
        id.parse().unwrap()
    }

    fn user(doc: Option<&str>, boundary: Option<&str>, epoch: u64) -> Compiled {
        let arn = "arn:aws:iam::123456789012:user/alice";
        let principal = Principal::user(arn, "AIDAALICE").with_tags([("team", "blue")]);
        let compile = |text: &str, ty: PolicyType| {
            let d = warden_policy::parse_policy(text, PolicyKind::Managed).unwrap();
            PolicySet::compile(&principal, &[PolicySource::new("p", ty, &d)])
        };
        Compiled {
            account: account("123456789012"),
            identity: Identity::Root,
            identity_policies: doc
                .map_or_else(PolicySet::empty, |d| compile(d, PolicyType::Identity)),
            boundary: boundary.map(|b| compile(b, PolicyType::PermissionsBoundary)),
            principal,
            session: None,
            session_policies: None,
            parent_gone: false,
            epoch,
        }
    }

    fn facts() -> RequestFacts {
        RequestFacts {
            now_unix: 1_714_564_800,
            source_ip: "10.1.2.3".to_owned(),
            secure_transport: true,
            user_agent: Some("ua".to_owned()),
            region: "eu-west-1".to_owned(),
        }
    }

    fn decide(c: &Compiled, check: Check) -> Result<(), String> {
        authorize(c, &facts(), &[check], &Metrics::default()).map_err(|e| e.message())
    }

    const ALLOW_TAGGED: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:*","Resource":"*","Condition":{"StringEquals":{"aws:RequestTag/env":"prod","aws:PrincipalTag/team":"blue","aws:RequestedRegion":"eu-west-1"},"Bool":{"aws:SecureTransport":"true"},"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]}"#;

    macro_rules! decisions {
        ($($name:ident: $doc:expr, $boundary:expr, $check:expr => $ok:expr;)*) => {$(
            #[test]
            fn $name() {
                let c = user($doc, $boundary, 0);
                assert_eq!(decide(&c, $check).is_ok(), $ok);
            }
        )*};
    }

    decisions! {
        no_policy_denies: None, None, Check::new("iam:ListUsers", "arn:aws:iam::123456789012:user/") => false;
        request_keys_reach_conditions: Some(ALLOW_TAGGED), None,
            Check::new("iam:TagUser", "arn:aws:iam::123456789012:user/bob").with_request_tags([("env", "prod")]) => true;
        wrong_request_tag_denies: Some(ALLOW_TAGGED), None,
            Check::new("iam:TagUser", "arn:aws:iam::123456789012:user/bob").with_request_tags([("env", "dev")]) => false;
        boundary_limits: Some(ALLOW_TAGGED), Some(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:Get*","Resource":"*"}]}"#),
            Check::new("iam:TagUser", "arn:aws:iam::123456789012:user/bob").with_request_tags([("env", "prod")]) => false;
        resource_tags_reach_conditions: Some(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetUser","Resource":"*","Condition":{"StringEquals":{"iam:ResourceTag/owner":"alice","aws:ResourceAccount":"123456789012"}}}]}"#), None,
            Check::new("iam:GetUser", "arn:aws:iam::123456789012:user/bob")
                .with_resource_tags(&[warden_core::Tag { key: "owner".into(), value: "alice".into() }], true) => true;
        tag_keys_are_multivalued: Some(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:UntagUser","Resource":"*","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["a","b"]}}}]}"#), None,
            Check::new("iam:UntagUser", "arn:aws:iam::123456789012:user/bob").with_tag_keys(["a", "b"]) => true;
    }

    #[test]
    fn first_denied_check_names_the_message() {
        let c = user(
            Some(
                r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:CreateUser","Resource":"*"}]}"#,
            ),
            None,
            0,
        );
        let arn = "arn:aws:iam::123456789012:user/t";
        let err = authorize(
            &c,
            &facts(),
            &[
                Check::new("iam:CreateUser", arn),
                Check::new("iam:TagUser", arn),
            ],
            &Metrics::default(),
        )
        .unwrap_err();
        assert_eq!(
            err.message(),
            "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:TagUser on resource: arn:aws:iam::123456789012:user/t because no identity-based policy allows the iam:TagUser action"
        );
    }

    #[test]
    fn epochs_invalidate_per_account_and_globally() {
        let cache = PolicyCache::default();
        let a = account("123456789012");
        let b = account("210987654321");
        let put = |cache: &PolicyCache| {
            let c = user(None, None, cache.epoch(a));
            cache.put("AIDAALICE".to_owned(), Arc::new(c));
        };
        put(&cache);
        assert!(cache.get(a, "AIDAALICE").is_some());
        cache.invalidate_account(b);
        assert!(
            cache.get(a, "AIDAALICE").is_some(),
            "another account's change"
        );
        cache.invalidate_account(a);
        assert!(cache.get(a, "AIDAALICE").is_none(), "own account's change");
        put(&cache);
        assert!(cache.get(a, "AIDAALICE").is_some());
        cache.invalidate_all();
        assert!(cache.get(a, "AIDAALICE").is_none(), "lagged feed");
    }

    #[test]
    fn an_entry_built_before_a_change_is_stale() {
        let cache = PolicyCache::default();
        let a = account("123456789012");
        let epoch_at_load_start = cache.epoch(a);
        cache.invalidate_account(a); // a change lands while loading
        cache.put(
            "AIDAALICE".to_owned(),
            Arc::new(user(None, None, epoch_at_load_start)),
        );
        assert!(cache.get(a, "AIDAALICE").is_none());
    }

    macro_rules! resource_accounts {
        ($($name:ident: $arn:expr => $want:expr;)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(resource_account($arn), $want);
            }
        )*};
    }

    resource_accounts! {
        ra_user: "arn:aws:iam::123456789012:user/a" => Some("123456789012");
        ra_aws_managed: "arn:aws:iam::aws:policy/ReadOnlyAccess" => Some("aws");
        ra_star: "*" => None;
    }
}
