//! Compilation: validated documents → a [`PolicySet`] ready for many evaluations.
//!
//! Compiling does everything that does not depend on the request: action and resource
//! patterns are tokenised and classified, principal-derived variables (`${aws:username}`,
//! `${aws:PrincipalTag/team}` ...) are substituted, typed condition values are parsed,
//! principal clauses are matched against the (known) caller, and statements are indexed by
//! the service prefix of their actions. The hot path then allocates nothing.

use crate::condition::{CompiledCondition, lookup_key};
use crate::context::Context;
use crate::document::{Effect, PolicyDocument, Statement, Version};
use crate::pattern::{ActionPattern, ArnPattern};
use crate::principal::{MatchClass, Principal};
use crate::variables::{Template, parse_resource};

/// The role a policy plays in evaluation (spec policy.md §6.1). Names follow the IAM policy
/// simulator where it has one.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub enum PolicyType {
    /// An identity-based policy (inline or managed, of the user, its groups, or the role).
    Identity,
    /// A resource-based policy.
    Resource,
    /// A role trust policy (a resource-based policy whose resource is the role).
    Trust,
    /// A permissions boundary.
    PermissionsBoundary,
    /// A session policy (inline or managed).
    Session,
    /// A service control policy.
    ServiceControl,
    /// A resource control policy.
    ResourceControl,
}

impl PolicyType {
    /// The policy-type phrase of AWS's AccessDenied messages (§6.6).
    pub fn message_phrase(self) -> &'static str {
        match self {
            Self::Identity => "identity-based policy",
            Self::Resource | Self::Trust => "resource-based policy",
            Self::PermissionsBoundary => "permissions boundary",
            Self::Session => "session policy",
            Self::ServiceControl => "service control policy",
            Self::ResourceControl => "resource control policy",
        }
    }

    /// The simulator's name for the type (keys of `EvalDecisionDetails`).
    ///
    /// VERIFY: recorded from documentation examples, not from a live simulator response.
    pub fn simulator_name(self) -> &'static str {
        match self {
            Self::Identity => "IAM Policy",
            Self::Resource | Self::Trust => "Resource Policy",
            Self::PermissionsBoundary => "PermissionsBoundaryPolicy",
            Self::Session => "SessionPolicy",
            Self::ServiceControl => "Service Control Policy",
            Self::ResourceControl => "Resource Control Policy",
        }
    }
}

/// One policy handed to [`PolicySet::compile`].
#[derive(Clone, Copy, Debug)]
pub struct PolicySource<'a> {
    /// A caller-chosen identifier (policy name or ARN), echoed in explanations.
    pub id: &'a str,
    /// The policy's role.
    pub policy_type: PolicyType,
    /// The validated document.
    pub document: &'a PolicyDocument,
}

impl<'a> PolicySource<'a> {
    /// A source without save-time principal resolution.
    pub fn new(id: &'a str, policy_type: PolicyType, document: &'a PolicyDocument) -> Self {
        Self {
            id,
            policy_type,
            document,
        }
    }
}

/// Names one statement of a compiled set: `policy` indexes the sources given to
/// [`PolicySet::compile`], `statement` the document's statements.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub struct StatementRef {
    /// Index of the policy in the compiled set.
    pub policy: u32,
    /// Index of the statement in the policy document.
    pub statement: u32,
}

#[derive(Clone, Debug, PartialEq)]
enum ResourceItem {
    Static(Option<ArnPattern>),
    Dynamic(Template),
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct CompiledStatement {
    pub(crate) at: StatementRef,
    pub(crate) effect: Effect,
    action_negated: bool,
    actions: Box<[ActionPattern]>,
    /// `None`: no resource element (trust policies: the implicit resource is the role).
    resources: Option<(bool, Box<[ResourceItem]>)>,
    /// Precomputed principal test: `None` = does not apply to this caller; `Some(None)` =
    /// no principal element; `Some(Some(class))` = matched with that class.
    principal: Option<Option<MatchClass>>,
    pub(crate) conditions: Box<[CompiledCondition]>,
}

/// Per-request data shared by all statement tests.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RequestView<'a> {
    pub(crate) vendor: &'a str,
    pub(crate) name: &'a str,
    pub(crate) resource: &'a str,
    pub(crate) context: &'a Context,
    pub(crate) principal: &'a Principal,
}

impl CompiledStatement {
    /// A condition, or a resource template resolved per request, reads the context.
    fn reads_context(&self) -> bool {
        !self.conditions.is_empty()
            || self.resources.as_ref().is_some_and(|(_, items)| {
                items.iter().any(|i| matches!(i, ResourceItem::Dynamic(_)))
            })
    }

    fn compile(
        at: StatementRef,
        stmt: &Statement,
        interpret: bool,
        principal: &Principal,
        resolved: &[(&str, &str)],
    ) -> Self {
        let actions = stmt
            .action
            .patterns
            .iter()
            .map(|p| ActionPattern::new(p))
            .collect();
        let resources = stmt.resource.as_ref().map(|r| {
            let items = r
                .patterns
                .iter()
                .map(|p| {
                    if !interpret || !p.contains("${") {
                        return ResourceItem::Static(Some(ArnPattern::new(p)));
                    }
                    let t = parse_resource(p, interpret);
                    if !t.all_keys(Principal::supplies) {
                        return ResourceItem::Dynamic(t);
                    }
                    let lookup = |k: &str| {
                        principal.key_value(k).map_or(
                            crate::variables::Resolved::Absent,
                            crate::variables::Resolved::Single,
                        )
                    };
                    ResourceItem::Static(match t.resolve_text(lookup) {
                        None => None,
                        Some(Some(text)) => Some(ArnPattern::new(&text)),
                        Some(None) => t.resolve(lookup).map(|toks| ArnPattern::from_tokens(&toks)),
                    })
                })
                .collect();
            (r.negated, items)
        });
        let principal_test = match &stmt.principal {
            None => Some(None),
            Some(clause) => {
                let mut named = std::borrow::Cow::Borrowed(&clause.principals);
                if !resolved.is_empty() {
                    // §1.7.3: entries resolved at save time match by unique id only.
                    for entry in named.to_mut().aws.iter_mut() {
                        if let Some((_, id)) = resolved.iter().find(|(arn, _)| *arn == entry) {
                            *entry = (*id).to_owned();
                        }
                    }
                }
                if clause.negated {
                    // §6.8: NotPrincipal applies to everyone not listed; treated as `*`-like
                    // (direct) for the class of an Allow.
                    (!principal.listed_in(&named)).then_some(Some(MatchClass::Direct))
                } else {
                    principal.match_principals(&named).map(Some)
                }
            }
        };
        let conditions = stmt
            .conditions
            .iter()
            .map(|c| CompiledCondition::compile(c, interpret, principal))
            .collect();
        Self {
            at,
            effect: stmt.effect,
            action_negated: stmt.action.negated,
            actions,
            resources,
            principal: principal_test,
            conditions,
        }
    }

    /// Action, resource and principal tests (everything but conditions). Returns the
    /// principal class on success. `action_known` skips the action test (the index already
    /// established it).
    #[inline]
    pub(crate) fn targets(
        &self,
        req: &RequestView<'_>,
        action_known: bool,
        missing: &mut impl FnMut(&str),
    ) -> Option<Option<MatchClass>> {
        let class = self.principal?;
        if !action_known {
            let any = self
                .actions
                .iter()
                .any(|a| a.matches_split(req.vendor, req.name));
            if any == self.action_negated {
                return None;
            }
        }
        if let Some((negated, items)) = &self.resources {
            let any = items.iter().any(|item| match item {
                ResourceItem::Static(Some(p)) => p.matches(req.resource),
                // §4.3: an unresolvable variable makes the pattern "null": it matches nothing
                // (and so excludes nothing under NotResource).
                ResourceItem::Static(None) => false,
                ResourceItem::Dynamic(t) => {
                    for key in t.variable_keys() {
                        if !Principal::supplies(key) && req.context.get_lowercase(key).is_none() {
                            missing(key);
                        }
                    }
                    t.resolve(|k| lookup_key(k, req.context, req.principal))
                        .is_some_and(|toks| ArnPattern::from_tokens(&toks).matches(req.resource))
                }
            });
            if any == *negated {
                return None;
            }
        }
        Some(class)
    }

    /// Whether the statement applies; `Some(class)` when it does.
    #[inline]
    pub(crate) fn applies(
        &self,
        req: &RequestView<'_>,
        action_known: bool,
        missing: &mut impl FnMut(&str),
    ) -> Option<Option<MatchClass>> {
        let class = self.targets(req, action_known, missing)?;
        self.conditions
            .iter()
            .all(|c| c.evaluate(req.context, req.principal, missing))
            .then_some(class)
    }

    /// Whether the statement can match any vendor (`*` action or `NotAction`).
    fn is_global(&self) -> bool {
        self.action_negated || self.actions.iter().any(|a| a.vendor().is_none())
    }
}

/// Flag on a candidate entry: the statement's action test is known to pass (the entry came
/// from the exact-name index), so evaluation skips it.
pub(crate) const ACTION_KNOWN: u32 = 1 << 31;

/// The candidate statements for one request shape, denies first (so an explicit deny is
/// found early), each part in document order. Entries are statement indices, possibly
/// tagged with [`ACTION_KNOWN`].
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Candidates {
    pub(crate) entries: Box<[u32]>,
    pub(crate) allow_from: usize,
}

impl Candidates {
    fn build(statements: &[CompiledStatement], mut entries: Vec<u32>) -> Self {
        entries.sort_by_key(|e| {
            let i = e & !ACTION_KNOWN;
            let allow = statements
                .get(usize::try_from(i).unwrap_or(usize::MAX))
                .is_some_and(|s| s.effect == Effect::Allow);
            (allow, i)
        });
        entries.dedup_by_key(|e| *e & !ACTION_KNOWN);
        let allow_from = entries
            .iter()
            .position(|e| {
                statements
                    .get(usize::try_from(e & !ACTION_KNOWN).unwrap_or(usize::MAX))
                    .is_some_and(|s| s.effect == Effect::Allow)
            })
            .unwrap_or(entries.len());
        Self {
            entries: entries.into_boxed_slice(),
            allow_from,
        }
    }

    pub(crate) fn denies(&self) -> &[u32] {
        self.entries.get(..self.allow_from).unwrap_or(&[])
    }

    pub(crate) fn allows(&self) -> &[u32] {
        self.entries.get(self.allow_from..).unwrap_or(&[])
    }
}

/// One entry of the action index: a vendor (`name == None`: any action name of the vendor
/// not listed separately) or an exact `vendor:name`. Neither text has an ASCII upper-case
/// letter ([`ActionIndex::new`] folds them), which the lookup's comparison relies on.
#[derive(Clone, Debug, PartialEq)]
struct IndexSlot {
    /// Lower-cased vendor.
    vendor: Box<str>,
    /// Lower-cased ASCII action name.
    name: Option<Box<str>>,
    candidates: Candidates,
}

/// A multiplicative hash over ASCII-lower-cased bytes, eight bytes at a time: the request
/// action is hashed as it is read, without lower-casing it into a buffer. Equal texts under
/// `eq_ignore_ascii_case` hash alike (collisions are resolved by comparing the slot's text).
const HASH_SEED: u64 = 0xcbf2_9ce4_8422_2325;
const HASH_MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;
const BYTES_01: u64 = 0x0101_0101_0101_0101;
const BYTES_80: u64 = 0x8080_8080_8080_8080;

/// ASCII lower-casing of the eight bytes of `x` at once (non-ASCII bytes unchanged): the
/// per-byte sums cannot carry into the next byte because each operand is below `0x80`.
#[inline]
fn fold_ascii_lowercase(x: u64) -> u64 {
    let low7 = x & !BYTES_80;
    let at_least_a = low7.wrapping_add((0x80 - u64::from(b'A')) * BYTES_01);
    let above_z = low7.wrapping_add((0x7f - u64::from(b'Z')) * BYTES_01);
    let upper = !x & (at_least_a ^ above_z) & BYTES_80;
    x | (upper >> 2)
}

/// Up to eight bytes as a little-endian word, zero-padded (no `memcpy` call).
#[inline]
fn load_short(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .take(8)
        .enumerate()
        .fold(0, |w, (i, &b)| w | (u64::from(b) << (8 * i)))
}

#[inline]
fn load8(chunk: &[u8]) -> u64 {
    <[u8; 8]>::try_from(chunk).map_or(0, u64::from_le_bytes)
}

/// Whether `text` equals `lower` (which has no ASCII upper-case letter) ASCII
/// case-insensitively, i.e. `lower.eq_ignore_ascii_case(text)`, eight bytes at a time.
#[inline]
fn eq_lower(lower: &[u8], text: &[u8]) -> bool {
    if lower.len() != text.len() {
        return false;
    }
    let mut a = lower.chunks_exact(8);
    let mut b = text.chunks_exact(8);
    for (x, y) in (&mut a).zip(&mut b) {
        if load8(x) != fold_ascii_lowercase(load8(y)) {
            return false;
        }
    }
    load_short(a.remainder()) == fold_ascii_lowercase(load_short(b.remainder()))
}

#[inline]
fn hash_fold(mut h: u64, bytes: &[u8]) -> u64 {
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        h = (h ^ fold_ascii_lowercase(load8(chunk))).wrapping_mul(HASH_MULTIPLIER);
    }
    let tail = load_short(chunks.remainder());
    // The length keeps `ab` and `ab\0` apart; the final shift brings the well-mixed high
    // bits down to the low bits the table indexes with.
    let x = fold_ascii_lowercase(tail) ^ ((bytes.len() as u64) << 56);
    h = (h ^ x).wrapping_mul(HASH_MULTIPLIER);
    h ^ (h >> 29)
}

/// Hashes of `vendor` and of `vendor:name`.
#[inline]
fn action_hashes(vendor: &str, name: &str) -> (u64, u64) {
    let hv = hash_fold(HASH_SEED, vendor.as_bytes());
    let hf = hash_fold(hv, name.as_bytes());
    (hv, hf)
}

/// The action index: an open-addressing hash table (linear probing, at most half full)
/// of `(hash, slot)` pairs, then a case-insensitive check of the slot's text. One probe in
/// the common case, no allocation.
#[derive(Clone, Debug, Default, PartialEq)]
struct ActionIndex {
    /// `(hash, slot index + 1)`; `0` marks an empty bucket. Length is a power of two.
    table: Box<[(u64, u32)]>,
    slots: Vec<IndexSlot>,
}

impl ActionIndex {
    fn new(mut slots: Vec<IndexSlot>) -> Self {
        for slot in &mut slots {
            slot.vendor.make_ascii_lowercase();
            if let Some(name) = &mut slot.name {
                name.make_ascii_lowercase();
            }
        }
        let size = (slots.len() * 2).max(1).next_power_of_two();
        let mask = size - 1;
        let mut table = vec![(0u64, 0u32); size];
        for (i, slot) in slots.iter().enumerate() {
            let h = slot.hash();
            // The table is at most half full, so a free bucket is always found.
            let mut at = usize::try_from(h).unwrap_or(0) & mask;
            while table.get(at).is_some_and(|(_, e)| *e != 0) {
                at = (at + 1) & mask;
            }
            if let Some(bucket) = table.get_mut(at) {
                *bucket = (h, u32::try_from(i + 1).unwrap_or(u32::MAX));
            }
        }
        Self {
            table: table.into_boxed_slice(),
            slots,
        }
    }

    #[inline]
    fn find(&self, hash: u64, vendor: &str, name: Option<&str>) -> Option<&Candidates> {
        let mask = self.table.len().checked_sub(1)?;
        let mut at = usize::try_from(hash).unwrap_or(0) & mask;
        loop {
            let &(h, e) = self.table.get(at)?;
            if e == 0 {
                return None;
            }
            if h == hash
                && let Some(slot) = self.slots.get(usize::try_from(e - 1).ok()?)
                && eq_lower(slot.vendor.as_bytes(), vendor.as_bytes())
                && match (&slot.name, name) {
                    (None, None) => true,
                    (Some(a), Some(b)) => eq_lower(a.as_bytes(), b.as_bytes()),
                    _ => false,
                }
            {
                return Some(&slot.candidates);
            }
            at = (at + 1) & mask;
        }
    }
}

impl IndexSlot {
    fn hash(&self) -> u64 {
        let (hv, hf) = action_hashes(&self.vendor, self.name.as_deref().unwrap_or(""));
        if self.name.is_some() { hf } else { hv }
    }
}

/// Metadata of one compiled policy.
#[derive(Clone, Debug, PartialEq)]
pub struct PolicyInfo {
    /// The identifier given at compile time.
    pub id: Box<str>,
    /// The policy type.
    pub policy_type: PolicyType,
}

/// A compiled set of policies for one principal (compile once, evaluate many).
///
/// The set is specific to the principal it was compiled for: principal-derived variables and
/// principal clauses are already resolved. Evaluate it only with that principal.
#[derive(Clone, Debug, PartialEq)]
pub struct PolicySet {
    policies: Vec<PolicyInfo>,
    pub(crate) statements: Vec<CompiledStatement>,
    /// Candidates per vendor and per exact action name.
    index: ActionIndex,
    /// Candidates for a vendor no statement names: `*` actions and `NotAction` statements.
    global: Candidates,
    spans: Vec<Vec<(Option<Box<str>>, crate::document::SourceSpan)>>,
    /// Whether any statement consults the request context (see [`PolicySet::reads_context`]).
    reads_context: bool,
}

impl PolicySet {
    /// Compiles policies for `principal`.
    pub fn compile(principal: &Principal, sources: &[PolicySource<'_>]) -> Self {
        Self::compile_resolved(principal, sources, &[])
    }

    /// Compiles policies for `principal` with save-time resolution of `AWS` principal
    /// entries (spec policy.md §1.7.3): `resolved` pairs a user/role ARN as written with the
    /// unique id recorded when the policy was saved. Such an entry then matches only the
    /// entity carrying that id, so a re-created entity with the same name is not trusted.
    pub fn compile_resolved(
        principal: &Principal,
        sources: &[PolicySource<'_>],
        resolved: &[(&str, &str)],
    ) -> Self {
        let mut policies = Vec::with_capacity(sources.len());
        let mut statements = Vec::new();
        let mut spans = Vec::with_capacity(sources.len());
        for (pi, src) in sources.iter().enumerate() {
            let interpret = src.document.version == Version::V2012_10_17;
            policies.push(PolicyInfo {
                id: src.id.into(),
                policy_type: src.policy_type,
            });
            spans.push(
                src.document
                    .statements
                    .iter()
                    .map(|s| (s.sid.as_deref().map(Into::into), s.span))
                    .collect(),
            );
            for (si, stmt) in src.document.statements.iter().enumerate() {
                let at = StatementRef {
                    policy: u32::try_from(pi).unwrap_or(u32::MAX),
                    statement: u32::try_from(si).unwrap_or(u32::MAX),
                };
                statements.push(CompiledStatement::compile(
                    at, stmt, interpret, principal, resolved,
                ));
            }
        }
        let (index, global) = build_index(&statements);
        let reads_context = statements.iter().any(CompiledStatement::reads_context);
        Self {
            policies,
            statements,
            index,
            global,
            spans,
            reads_context,
        }
    }

    /// An empty set.
    pub fn empty() -> Self {
        Self {
            policies: Vec::new(),
            statements: Vec::new(),
            index: ActionIndex::default(),
            global: Candidates::default(),
            spans: Vec::new(),
            reads_context: false,
        }
    }

    /// Whether evaluating this set can consult the request context: some statement has a
    /// condition, or a resource with a policy variable left to resolve per request. When no
    /// set of a request does, an empty context gives the same decision, so a caller may skip
    /// building one (the context is most of an uncached decision's cost).
    pub fn reads_context(&self) -> bool {
        self.reads_context
    }

    /// The compiled policies, in the order given.
    pub fn policies(&self) -> &[PolicyInfo] {
        &self.policies
    }

    /// Number of statements.
    pub fn statement_count(&self) -> usize {
        self.statements.len()
    }

    /// Whether any policy in the set is a role trust policy.
    pub fn is_trust(&self) -> bool {
        self.policies
            .iter()
            .any(|p| p.policy_type == PolicyType::Trust)
    }

    /// The candidate statements for a request action (`vendor`, `name`), found without
    /// allocating: a linear scan over vendors, then a binary search over exact names.
    #[inline]
    pub(crate) fn candidates(&self, vendor: &str, name: &str) -> &Candidates {
        let (hv, hf) = action_hashes(vendor, name);
        self.index
            .find(hf, vendor, Some(name))
            .or_else(|| self.index.find(hv, vendor, None))
            .unwrap_or(&self.global)
    }

    pub(crate) fn statement(&self, i: u32) -> Option<&CompiledStatement> {
        self.statements.get(usize::try_from(i).ok()?)
    }

    /// The Sid and source span of a statement.
    pub fn statement_source(
        &self,
        at: StatementRef,
    ) -> Option<(Option<&str>, crate::document::SourceSpan)> {
        let (sid, span) = self
            .spans
            .get(usize::try_from(at.policy).ok()?)?
            .get(usize::try_from(at.statement).ok()?)?;
        Some((sid.as_deref(), *span))
    }

    /// The policy info of a statement reference.
    pub fn policy(&self, at: StatementRef) -> Option<&PolicyInfo> {
        self.policies.get(usize::try_from(at.policy).ok()?)
    }
}

/// A vendor's statements while the index is built.
struct VendorDraft {
    vendor: Box<str>,
    /// Exact (lower-cased ASCII) action name → statements naming it.
    names: Vec<(Box<str>, Vec<u32>)>,
    /// Statements with a non-exact name pattern for this vendor.
    wild: Vec<u32>,
}

/// Builds the action index: per vendor, candidates per exact action name and for other
/// names; plus the global candidates for vendors nobody names.
fn build_index(statements: &[CompiledStatement]) -> (ActionIndex, Candidates) {
    let idx = |i: usize| u32::try_from(i).unwrap_or(!ACTION_KNOWN);
    let global: Vec<u32> = statements
        .iter()
        .enumerate()
        .filter(|(_, s)| s.is_global())
        .map(|(i, _)| idx(i))
        .collect();
    // vendor -> (exact name -> statements, statements with a non-exact name pattern)
    let mut per_vendor: Vec<VendorDraft> = Vec::new();
    for (i, st) in statements.iter().enumerate() {
        if st.is_global() {
            continue;
        }
        for a in st.actions.iter() {
            let Some(v) = a.vendor() else {
                continue;
            };
            let slot = match per_vendor.iter().position(|d| &*d.vendor == v) {
                Some(p) => p,
                None => {
                    per_vendor.push(VendorDraft {
                        vendor: v.into(),
                        names: Vec::new(),
                        wild: Vec::new(),
                    });
                    per_vendor.len() - 1
                }
            };
            let Some(VendorDraft { names, wild, .. }) = per_vendor.get_mut(slot) else {
                continue;
            };
            match a.exact_ascii_name() {
                Some(n) => match names.iter_mut().find(|(x, _)| &**x == n) {
                    Some((_, list)) => list.push(idx(i) | ACTION_KNOWN),
                    None => names.push((n.into(), vec![idx(i) | ACTION_KNOWN])),
                },
                None => wild.push(idx(i)),
            }
        }
    }
    let mut slots = Vec::new();
    for VendorDraft {
        vendor,
        names,
        wild,
    } in per_vendor
    {
        for (n, exact) in names {
            // A statement both in `exact` (flagged) and in `wild` keeps the flagged entry:
            // `dedup_by_key` keeps the first, and flagged entries sort first among equal
            // indices because the sort key ignores the flag and the sort is stable.
            let mut all = exact;
            all.extend(wild.iter().copied());
            all.extend(global.iter().copied());
            slots.push(IndexSlot {
                vendor: vendor.clone(),
                name: Some(n),
                candidates: Candidates::build(statements, all),
            });
        }
        let mut other = wild;
        other.extend(global.iter().copied());
        slots.push(IndexSlot {
            vendor,
            name: None,
            candidates: Candidates::build(statements, other),
        });
    }
    let index = ActionIndex::new(slots);
    (index, Candidates::build(statements, global))
}

#[cfg(test)]
mod hash_tests {
    use super::*;

    /// The word-at-a-time folding agrees with `to_ascii_lowercase` on every byte value in
    /// every lane, and the comparison with `eq_ignore_ascii_case`.
    #[test]
    fn word_folding_matches_byte_folding() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                let word =
                    u64::from(b) << (8 * lane) | 0x4141_4141_4141_4141 & !(0xff << (8 * lane));
                let expect = u64::from_le_bytes(word.to_le_bytes().map(|x| x.to_ascii_lowercase()));
                assert_eq!(
                    fold_ascii_lowercase(word),
                    expect,
                    "byte {b:#x} lane {lane}"
                );
            }
        }
        let texts = [
            "s3",
            "S3",
            "dynamodb",
            "DynamoDB",
            "UpdateItem",
            "updateitem",
            "updateiteM",
            "updateitem2",
            "ec2",
            "e\u{e9}2",
            "E\u{c9}2",
            "getobjectacl",
            "GetObjectAcl",
        ];
        for a in texts {
            for b in texts {
                let lower = a.to_ascii_lowercase();
                assert_eq!(
                    eq_lower(lower.as_bytes(), b.as_bytes()),
                    lower.eq_ignore_ascii_case(b),
                    "{a} {b}"
                );
                if lower.eq_ignore_ascii_case(b) {
                    assert_eq!(
                        action_hashes(a, b),
                        action_hashes(&lower, &b.to_ascii_uppercase())
                    );
                }
            }
        }
    }
}
