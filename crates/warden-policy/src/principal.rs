//! The request principal (spec policy.md §2.6, §4.4, §6.3, §6.8): who is calling, the keys
//! derived from it, and how `Principal`/`NotPrincipal` entries match it.

use crate::document::Principals;

/// What kind of caller made the request.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub enum PrincipalKind {
    /// The account root user.
    Root,
    /// An IAM user with long-term credentials.
    User,
    /// An IAM user calling with `GetSessionToken` credentials.
    UserSession,
    /// A role session (AssumeRole, AssumeRoleWithWebIdentity, AssumeRoleWithSAML).
    RoleSession,
    /// A `GetFederationToken` session.
    FederatedUser,
    /// The unauthenticated caller of AssumeRoleWithWebIdentity / AssumeRoleWithSAML while
    /// the trust policy is evaluated (matched by `Federated` principal entries).
    WebIdentity,
    /// An AWS service principal (`ec2.amazonaws.com`).
    Service,
    /// An anonymous caller.
    Anonymous,
}

/// How a resource-policy principal entry matched the caller (§6.3); ordered weakest first.
#[derive(Clone, Copy, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
pub enum MatchClass {
    /// Via the account id / root ARN only.
    Account,
    /// Via the role behind a session, or the user behind a federated session.
    Entity,
    /// Via `*`, the exact session/federated-user ARN, or the IAM user itself.
    Direct,
}

/// The authenticated caller of a request.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Principal {
    kind: PrincipalKind,
    account: String,
    arn: String,
    user_id: Option<String>,
    entity_arn: Option<String>,
    entity_id: Option<String>,
    user_name: Option<String>,
    tags: Vec<(String, String)>,
    has_boundary: bool,
    mfa: bool,
    provider: Option<String>,
}

/// The partition and account of an ARN, and its resource part.
fn arn_parts(arn: &str) -> (&str, &str, &str) {
    let mut it = arn.splitn(6, ':');
    let _ = it.next();
    let partition = it.next().unwrap_or("aws");
    let _ = it.next();
    let _ = it.next();
    let account = it.next().unwrap_or("");
    let resource = it.next().unwrap_or("");
    (partition, account, resource)
}

fn last_segment(resource: &str) -> &str {
    resource.rsplit('/').next().unwrap_or(resource)
}

impl Principal {
    fn base(kind: PrincipalKind, account: &str, arn: String) -> Self {
        Self {
            kind,
            account: account.to_owned(),
            arn,
            user_id: None,
            entity_arn: None,
            entity_id: None,
            user_name: None,
            tags: Vec::new(),
            has_boundary: false,
            mfa: false,
            provider: None,
        }
    }

    /// The root user of `account`.
    pub fn root(account: &str) -> Self {
        let mut p = Self::base(
            PrincipalKind::Root,
            account,
            format!("arn:aws:iam::{account}:root"),
        );
        p.user_id = Some(account.to_owned());
        p
    }

    /// An IAM user with long-term credentials: its ARN (with path) and unique id (`AIDA...`).
    pub fn user(user_arn: &str, unique_id: &str) -> Self {
        let (_, account, resource) = arn_parts(user_arn);
        let mut p = Self::base(PrincipalKind::User, account, user_arn.to_owned());
        p.user_id = Some(unique_id.to_owned());
        p.entity_arn = Some(user_arn.to_owned());
        p.entity_id = Some(unique_id.to_owned());
        p.user_name = Some(last_segment(resource).to_owned());
        p
    }

    /// An IAM user calling with `GetSessionToken` credentials (`mfa`: created with MFA).
    pub fn user_session(user_arn: &str, unique_id: &str, mfa: bool) -> Self {
        let mut p = Self::user(user_arn, unique_id);
        p.kind = PrincipalKind::UserSession;
        p.mfa = mfa;
        p
    }

    /// A session of role `role_arn` (unique id `AROA...`) named `session_name`. The caller
    /// ARN is `arn:aws:sts::<account>:assumed-role/<role name>/<session name>`.
    pub fn role_session(role_arn: &str, role_id: &str, session_name: &str) -> Self {
        let (partition, account, resource) = arn_parts(role_arn);
        let arn = format!(
            "arn:{partition}:sts::{account}:assumed-role/{}/{session_name}",
            last_segment(resource)
        );
        let mut p = Self::base(PrincipalKind::RoleSession, account, arn);
        p.user_id = Some(format!("{role_id}:{session_name}"));
        p.entity_arn = Some(role_arn.to_owned());
        p.entity_id = Some(role_id.to_owned());
        p
    }

    /// A `GetFederationToken` session named `name`, created by IAM user `user_arn`.
    pub fn federated_user(user_arn: &str, user_id: &str, name: &str) -> Self {
        let (partition, account, _) = arn_parts(user_arn);
        let arn = format!("arn:{partition}:sts::{account}:federated-user/{name}");
        let mut p = Self::base(PrincipalKind::FederatedUser, account, arn);
        p.user_id = Some(format!("{account}:{name}"));
        p.entity_arn = Some(user_arn.to_owned());
        p.entity_id = Some(user_id.to_owned());
        p
    }

    /// The unauthenticated caller of AssumeRoleWithWebIdentity/WithSAML for IdP `provider`
    /// (provider ARN or built-in name such as `cognito-identity.amazonaws.com`).
    pub fn web_identity(provider: &str) -> Self {
        let mut p = Self::base(PrincipalKind::WebIdentity, "", provider.to_owned());
        p.provider = Some(provider.to_owned());
        p
    }

    /// An AWS service principal such as `ec2.amazonaws.com`.
    pub fn service(name: &str) -> Self {
        Self::base(PrincipalKind::Service, "", name.to_owned())
    }

    /// An anonymous caller.
    pub fn anonymous() -> Self {
        let mut p = Self::base(PrincipalKind::Anonymous, "anonymous", String::new());
        p.user_id = Some("anonymous".to_owned());
        p
    }

    /// Sets the principal tags (`aws:PrincipalTag/<key>`), in stored order.
    pub fn with_tags<K: Into<String>, V: Into<String>>(
        mut self,
        tags: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        self.tags = tags
            .into_iter()
            .map(|(k, v)| (k.into(), v.into()))
            .collect();
        self
    }

    /// Records that the entity (user, role, or the user behind a federated session) has a
    /// permissions boundary; matters for `NotPrincipal` (§6.8).
    pub fn with_boundary(mut self, has_boundary: bool) -> Self {
        self.has_boundary = has_boundary;
        self
    }

    /// The kind of caller.
    pub fn kind(&self) -> PrincipalKind {
        self.kind
    }

    /// The account (`anonymous` for anonymous callers, empty for services).
    pub fn account(&self) -> &str {
        &self.account
    }

    /// The caller ARN as GetCallerIdentity returns it (session ARN for role sessions; the
    /// service name for services; empty for anonymous callers).
    pub fn arn(&self) -> &str {
        &self.arn
    }

    /// Whether the entity has a permissions boundary.
    pub fn has_boundary(&self) -> bool {
        self.has_boundary
    }

    /// Whether a `GetSessionToken` session was created with MFA.
    pub fn session_mfa(&self) -> bool {
        self.mfa
    }

    /// The tags.
    pub fn tags(&self) -> &[(String, String)] {
        &self.tags
    }

    /// Whether `lower_key` (lower-cased) is a key this principal supplies (§4.4, §5.1),
    /// rather than the request context.
    pub fn supplies(lower_key: &str) -> bool {
        matches!(
            lower_key,
            "aws:username"
                | "aws:userid"
                | "aws:principaltype"
                | "aws:principalarn"
                | "aws:principalaccount"
                | "aws:principalisawsservice"
                | "aws:principalservicename"
        ) || lower_key.starts_with("aws:principaltag/")
    }

    /// The value of a principal-derived key (lower-cased), `None` when absent for this
    /// principal. Only meaningful when [`Principal::supplies`] is true.
    pub fn key_value(&self, lower_key: &str) -> Option<&str> {
        use PrincipalKind as K;
        match lower_key {
            "aws:username" => match self.kind {
                K::User | K::UserSession => self.user_name.as_deref(),
                _ => None,
            },
            "aws:userid" => self.user_id.as_deref(),
            "aws:principaltype" => match self.kind {
                K::Root => Some("Account"),
                K::User | K::UserSession => Some("User"),
                K::RoleSession => Some("AssumedRole"),
                K::FederatedUser => Some("FederatedUser"),
                K::Anonymous => Some("Anonymous"),
                K::Service | K::WebIdentity => None,
            },
            "aws:principalarn" => match self.kind {
                K::Root | K::User | K::UserSession | K::FederatedUser => Some(&self.arn),
                // §4.4: for role sessions the *role* ARN, not the session ARN.
                K::RoleSession => self.entity_arn.as_deref(),
                K::Anonymous | K::Service | K::WebIdentity => None,
            },
            "aws:principalaccount" => match self.kind {
                K::Service | K::WebIdentity => None,
                _ => Some(&self.account),
            },
            "aws:principalisawsservice" => match self.kind {
                K::Service => Some("true"),
                K::WebIdentity | K::Anonymous => None,
                _ => Some("false"),
            },
            "aws:principalservicename" => match self.kind {
                K::Service => Some(&self.arn),
                _ => None,
            },
            _ => {
                let tag = lower_key.strip_prefix("aws:principaltag/")?;
                // §5.8: case-insensitive tag key; the first in stored order wins.
                self.tags
                    .iter()
                    .find(|(k, _)| k.to_lowercase() == tag)
                    .map(|(_, v)| v.as_str())
            }
        }
    }

    fn is_account_entry(entry: &str, account: &str) -> bool {
        if entry == account {
            return true;
        }
        let (_, acct, resource) = arn_parts(entry);
        entry.starts_with("arn:")
            && entry.contains(":iam::")
            && resource == "root"
            && acct == account
    }

    /// How an `AWS` principal entry matches this caller (§2.6), if at all.
    fn match_aws(&self, entry: &str) -> Option<MatchClass> {
        use PrincipalKind as K;
        if entry == "*" {
            return Some(MatchClass::Direct);
        }
        let authenticated_iam = !matches!(self.kind, K::Service | K::Anonymous | K::WebIdentity);
        if authenticated_iam && Self::is_account_entry(entry, &self.account) {
            return Some(MatchClass::Account);
        }
        if !authenticated_iam || matches!(self.kind, K::Root) {
            return None;
        }
        let direct_entity = matches!(self.kind, K::User | K::UserSession);
        if entry == self.arn {
            return Some(MatchClass::Direct);
        }
        // Entries resolved to unique ids at save time (§2.6) match the entity's id; an
        // entity recreated under the same name has a new id and no longer matches.
        let entity =
            self.entity_arn.as_deref() == Some(entry) || self.entity_id.as_deref() == Some(entry);
        if entity {
            return Some(if direct_entity {
                MatchClass::Direct
            } else {
                MatchClass::Entity
            });
        }
        None
    }

    /// How a `Principal` element matches this caller: the strongest class over its entries.
    pub fn match_principals(&self, principals: &Principals) -> Option<MatchClass> {
        if principals.wildcard {
            return Some(MatchClass::Direct);
        }
        let mut best = principals
            .aws
            .iter()
            .filter_map(|e| self.match_aws(e))
            .max();
        if self.kind == PrincipalKind::Service && principals.service.contains(&self.arn) {
            best = Some(MatchClass::Direct);
        }
        if self.kind == PrincipalKind::WebIdentity
            && principals
                .federated
                .iter()
                .any(|f| Some(f.as_str()) == self.provider.as_deref())
        {
            best = Some(MatchClass::Direct);
        }
        best
    }

    /// Whether the caller counts as *listed* in a `NotPrincipal` element (§6.8): every
    /// element of its identity chain must be named, and a principal with a permissions
    /// boundary is never listed.
    pub fn listed_in(&self, principals: &Principals) -> bool {
        use PrincipalKind as K;
        if self.has_boundary {
            return false;
        }
        let star = principals.wildcard || principals.aws.iter().any(|e| e == "*");
        if star {
            return true;
        }
        let named = |arn: &str, id: Option<&str>| {
            principals
                .aws
                .iter()
                .any(|e| e == arn || Some(e.as_str()) == id)
        };
        let account = || {
            principals
                .aws
                .iter()
                .any(|e| Self::is_account_entry(e, &self.account))
        };
        match self.kind {
            K::Root => account(),
            K::User | K::UserSession => account() && named(&self.arn, self.entity_id.as_deref()),
            K::RoleSession => {
                account()
                    && named(
                        self.entity_arn.as_deref().unwrap_or(""),
                        self.entity_id.as_deref(),
                    )
                    && named(&self.arn, None)
            }
            K::FederatedUser => account() && named(&self.arn, None),
            K::Service => principals.service.contains(&self.arn),
            K::WebIdentity => principals
                .federated
                .iter()
                .any(|f| Some(f.as_str()) == self.provider.as_deref()),
            K::Anonymous => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn aws(entries: &[&str]) -> Principals {
        Principals {
            aws: entries.iter().map(|s| (*s).to_owned()).collect(),
            ..Principals::default()
        }
    }

    fn alice() -> Principal {
        Principal::user("arn:aws:iam::111122223333:user/alice", "AIDAALICE")
    }

    fn s1() -> Principal {
        Principal::role_session("arn:aws:iam::111122223333:role/app/R", "AROAR", "s1")
    }

    fn fed() -> Principal {
        Principal::federated_user("arn:aws:iam::111122223333:user/alice", "AIDAALICE", "fed1")
    }

    macro_rules! match_cases {
        ($($name:ident: $p:expr, $entries:expr => $want:expr;)*) => {$(
            #[test]
            fn $name() {
                assert_eq!($p.match_principals(&aws(&$entries)), $want);
            }
        )*};
    }

    match_cases! {
        star_matches_user: alice(), ["*"] => Some(MatchClass::Direct);
        star_matches_anonymous: Principal::anonymous(), ["*"] => Some(MatchClass::Direct);
        account_id: alice(), ["111122223333"] => Some(MatchClass::Account);
        account_root_arn: s1(), ["arn:aws:iam::111122223333:root"] => Some(MatchClass::Account);
        other_account: alice(), ["444455556666"] => None;
        user_arn_direct: alice(), ["arn:aws:iam::111122223333:user/alice"] => Some(MatchClass::Direct);
        user_id_direct: alice(), ["AIDAALICE"] => Some(MatchClass::Direct);
        role_arn_entity: s1(), ["arn:aws:iam::111122223333:role/app/R"] => Some(MatchClass::Entity);
        role_id_entity: s1(), ["AROAR"] => Some(MatchClass::Entity);
        role_arn_without_path: s1(), ["arn:aws:iam::111122223333:role/R"] => None;
        session_arn_direct: s1(), ["arn:aws:sts::111122223333:assumed-role/R/s1"] => Some(MatchClass::Direct);
        other_session: s1(), ["arn:aws:sts::111122223333:assumed-role/R/s2"] => None;
        federated_arn_direct: fed(), ["arn:aws:sts::111122223333:federated-user/fed1"] => Some(MatchClass::Direct);
        federated_parent_entity: fed(), ["arn:aws:iam::111122223333:user/alice"] => Some(MatchClass::Entity);
        strongest_wins: s1(), ["111122223333", "arn:aws:sts::111122223333:assumed-role/R/s1"] => Some(MatchClass::Direct);
        service_not_by_account: Principal::service("ec2.amazonaws.com"), ["111122223333"] => None;
        anonymous_not_by_account: Principal::anonymous(), ["anonymous"] => None;
    }

    #[test]
    fn service_and_federated_entries() {
        let p = Principals {
            service: vec!["ec2.amazonaws.com".into()],
            federated: vec!["cognito-identity.amazonaws.com".into()],
            ..Principals::default()
        };
        assert_eq!(
            Principal::service("ec2.amazonaws.com").match_principals(&p),
            Some(MatchClass::Direct)
        );
        assert_eq!(
            Principal::web_identity("cognito-identity.amazonaws.com").match_principals(&p),
            Some(MatchClass::Direct)
        );
        assert_eq!(alice().match_principals(&p), None);
    }

    #[test]
    fn not_principal_chain() {
        let listed = aws(&[
            "arn:aws:iam::111122223333:user/alice",
            "arn:aws:iam::111122223333:root",
        ]);
        assert!(alice().listed_in(&listed));
        assert!(!alice().listed_in(&aws(&["arn:aws:iam::111122223333:user/alice"])));
        assert!(!alice().with_boundary(true).listed_in(&listed));
        let role = aws(&[
            "111122223333",
            "arn:aws:iam::111122223333:role/app/R",
            "arn:aws:sts::111122223333:assumed-role/R/s1",
        ]);
        assert!(s1().listed_in(&role));
        assert!(!s1().listed_in(&aws(&[
            "111122223333",
            "arn:aws:sts::111122223333:assumed-role/R/s1"
        ])));
        assert!(Principal::root("111122223333").listed_in(&aws(&["111122223333"])));
        assert!(!Principal::anonymous().listed_in(&aws(&["111122223333"])));
    }

    #[test]
    fn derived_keys() {
        let a = alice().with_tags([("Dept", "fin")]);
        assert_eq!(a.key_value("aws:username"), Some("alice"));
        assert_eq!(a.key_value("aws:userid"), Some("AIDAALICE"));
        assert_eq!(a.key_value("aws:principaltag/dept"), Some("fin"));
        assert_eq!(a.key_value("aws:principaltype"), Some("User"));
        let s = s1();
        assert_eq!(s.key_value("aws:username"), None);
        assert_eq!(s.key_value("aws:userid"), Some("AROAR:s1"));
        assert_eq!(
            s.key_value("aws:principalarn"),
            Some("arn:aws:iam::111122223333:role/app/R")
        );
        assert_eq!(s.arn(), "arn:aws:sts::111122223333:assumed-role/R/s1");
        let r = Principal::root("111122223333");
        assert_eq!(r.key_value("aws:userid"), Some("111122223333"));
        assert_eq!(r.key_value("aws:principaltype"), Some("Account"));
        assert_eq!(fed().key_value("aws:userid"), Some("111122223333:fed1"));
        assert_eq!(
            Principal::anonymous().key_value("aws:principalaccount"),
            Some("anonymous")
        );
        assert_eq!(
            Principal::service("ec2.amazonaws.com").key_value("aws:principalisawsservice"),
            Some("true")
        );
    }
}
