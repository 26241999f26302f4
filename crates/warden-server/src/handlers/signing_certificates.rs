//! X.509 signing certificates of users and of root (api.md §5.15). They authenticate
//! nothing here (SOAP/SigV2 X.509 authentication is out of scope); IAM stores them.
//!
//! Also home of [`resolve_owner`], the optional-`UserName` resolution shared with SSH
//! keys and service-specific credentials (api.md §4.2).

use serde_json::json;
use warden_core::{
    IdKind, KeyOwner, KeyStatus, Page, SigningCertificate, Store, StoreError, Transaction,
};
use warden_query::iam::{
    DeleteSigningCertificateInput, ListSigningCertificatesInput, UpdateSigningCertificateInput,
    UploadSigningCertificateInput,
};
use warden_query::{Timestamp, WriteXml, XmlWriter};

use super::{Cx, Reply, UserTarget, list_query, marker_scope, no_such_user, page_marker, ts};
use crate::authz::Check;
use crate::error::{ApiError, CredentialFault};

/// Signing certificates per user (and per root), api.md §3.7.
const CERTIFICATES_PER_USER: usize = 2;

/// The owner of the credentials an operation addresses, resolved and authorized.
pub(super) struct Owner {
    pub(super) key_owner: KeyOwner,
    /// The user name in its stored spelling; `None` for root.
    pub(super) user_name: Option<String>,
}

/// Resolves the owner named by an optional `UserName` (or the caller: api.md §4.2),
/// authorizes `action` on its ARN with the extra context `keys`, then requires the user
/// (authorization first, api.md §1.8).
pub(super) async fn resolve_owner<S: Store>(
    cx: &mut Cx<'_, S>,
    user_name: Option<&str>,
    action: &str,
    keys: &[(&str, &str)],
) -> Result<Owner, ApiError> {
    let with_keys = |mut check: Check| {
        for (k, v) in keys {
            check = check.with_key(k, v);
        }
        check
    };
    match cx.user_or_caller(user_name)? {
        UserTarget::Root => {
            let arn = cx.root_arn();
            cx.authorize(vec![with_keys(Check::new(action, arn))])?;
            Ok(Owner {
                key_owner: KeyOwner::Root,
                user_name: None,
            })
        }
        UserTarget::Named(name) => {
            let target = cx.user(&name).await?;
            cx.authorize(vec![with_keys(
                Check::new(action, &target.arn).with_resource_tags(&target.tags, true),
            )])?;
            let user = target.require(|| no_such_user(&name))?;
            Ok(Owner {
                key_owner: KeyOwner::User(user.id),
                user_name: Some(user.name),
            })
        }
    }
}

/// `Active`/`Inactive` (the model's enum also has `Expired`, which cannot be set).
pub(super) fn settable_status(status: &str) -> Result<KeyStatus, ApiError> {
    KeyStatus::parse(status).ok_or_else(|| {
        ApiError::Validation(
            "1 validation error detected: Value at 'status' failed to satisfy constraint: \
             Member must satisfy enum value set"
                .to_owned(),
        )
    })
}

/// `The Certificate with id <id> cannot be found.` (api.md §5.3).
fn not_found(id: &str) -> ApiError {
    ApiError::NoSuchEntity(format!("The Certificate with id {id} cannot be found."))
}

/// One `SigningCertificate`; `UserName` is omitted for root's certificates (as for root
/// access keys, api.md §5.9).
struct CertificateXml {
    user_name: Option<String>,
    id: String,
    body: String,
    status: KeyStatus,
    uploaded: Timestamp,
}

impl CertificateXml {
    fn new(owner: &Owner, c: SigningCertificate) -> Self {
        Self {
            user_name: owner.user_name.clone(),
            id: c.id,
            body: c.body,
            status: c.status,
            uploaded: ts(c.uploaded),
        }
    }
}

impl WriteXml for CertificateXml {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(name) = &self.user_name {
            w.element("UserName", name);
        }
        w.element("CertificateId", &self.id);
        w.element("CertificateBody", &self.body);
        w.element("Status", self.status.as_str());
        w.timestamp_element("UploadDate", self.uploaded);
    }
}

/// UploadSigningCertificate's result.
struct UploadOutput(CertificateXml);

impl WriteXml for UploadOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("Certificate");
        self.0.write_xml(w);
        w.end("Certificate");
    }
}

/// ListSigningCertificates' result.
struct ListOutput {
    certificates: Vec<CertificateXml>,
    marker: Option<String>,
    truncated: bool,
}

impl WriteXml for ListOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.start("Certificates");
        for c in &self.certificates {
            w.start("member");
            c.write_xml(w);
            w.end("member");
        }
        w.end("Certificates");
        w.bool_element("IsTruncated", self.truncated);
        if let Some(marker) = &self.marker {
            w.element("Marker", marker);
        }
    }
}

/// UploadSigningCertificate: the body must be an X.509 certificate valid now, not yet
/// uploaded in the account; at most two per user (api.md §5.15).
pub(crate) async fn upload_signing_certificate<S: Store>(
    cx: &mut Cx<'_, S>,
    input: UploadSigningCertificateInput,
) -> Result<Reply, ApiError> {
    let owner = resolve_owner(
        cx,
        input.user_name.as_deref(),
        "iam:UploadSigningCertificate",
        &[],
    )
    .await?;
    let account = cx.account();
    cx.tx.lock_account(account).await?;
    if cx
        .tx
        .signing_certificates(account, &owner.key_owner)
        .await?
        .len()
        >= CERTIFICATES_PER_USER
    {
        return Err(ApiError::LimitExceeded(format!(
            "Cannot exceed quota for CertificatesPerUser: {CERTIFICATES_PER_USER}"
        )));
    }
    // Observed: the raw body is echoed (api.md §5.15).
    let certificate = warden_certs::parse_certificate(&input.certificate_body).map_err(|_| {
        ApiError::credential(
            CredentialFault::MalformedCertificate,
            format!("Certificate {} is malformed.", input.certificate_body),
        )
    })?;
    if !certificate.is_valid_at(cx.now) {
        // `VERIFY` wording (the model only documents the code).
        return Err(ApiError::credential(
            CredentialFault::InvalidCertificate,
            "The certificate is expired or not yet valid.",
        ));
    }
    let fingerprint = certificate.fingerprint_sha256();
    if cx
        .tx
        .signing_certificate_by_fingerprint(account, &fingerprint)
        .await?
        .is_some()
    {
        // The model's documentation of the error; AWS's exact message is unrecorded.
        return Err(ApiError::credential(
            CredentialFault::DuplicateCertificate,
            "The request was rejected because the same certificate is associated with an \
             IAM user in the account.",
        ));
    }
    let id = cx
        .state
        .services()
        .ids
        .unique_id(IdKind::SigningCertificate);
    let stored = SigningCertificate {
        account,
        id: id.clone(),
        owner: owner.key_owner.clone(),
        body: input.certificate_body.clone(),
        fingerprint,
        status: KeyStatus::Active,
        uploaded: cx.now,
    };
    cx.tx.insert_signing_certificate(&stored).await?;
    let audit = json!({"certificate": {
        "userName": owner.user_name, "certificateId": id, "status": "Active",
        "uploadDate": ts(cx.now).to_string(),
    }});
    Ok(Reply::result(UploadOutput(CertificateXml::new(&owner, stored))).with_audit(audit))
}

/// ListSigningCertificates: the user's (or the caller's) certificates, oldest first,
/// paginated by id.
pub(crate) async fn list_signing_certificates<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ListSigningCertificatesInput,
) -> Result<Reply, ApiError> {
    let owner = resolve_owner(
        cx,
        input.user_name.as_deref(),
        "iam:ListSigningCertificates",
        &[],
    )
    .await?;
    let owner_key = match &owner.key_owner {
        KeyOwner::Root => "root".to_owned(),
        KeyOwner::User(id) => id.clone(),
    };
    let scope = marker_scope("ListSigningCertificates", &[("Owner", &owner_key)]);
    let query = list_query(&scope, None, input.marker.as_deref(), input.max_items)?;
    let all = cx
        .tx
        .signing_certificates(cx.account(), &owner.key_owner)
        .await?;
    let page = page_after(all, &query, |c| c.id.clone());
    let (truncated, marker) = page_marker(&scope, page.next.as_deref())?;
    let certificates = page
        .items
        .into_iter()
        .map(|c| CertificateXml::new(&owner, c))
        .collect();
    Ok(Reply::result(ListOutput {
        certificates,
        marker,
        truncated,
    }))
}

/// The items after the marker's id (items are in creation order, not id order).
pub(super) fn page_after<T>(
    items: Vec<T>,
    query: &warden_core::ListQuery,
    id: impl Fn(&T) -> String,
) -> Page<T> {
    let start = match &query.after {
        None => 0,
        Some(after) => items
            .iter()
            .position(|item| id(item) == *after)
            .map_or(items.len(), |i| i + 1),
    };
    let rest: Vec<T> = items.into_iter().skip(start).collect();
    Page::from_overfetch(rest, query.limit, id)
}

/// The certificate `id` if it belongs to `owner`.
async fn owned<S: Store>(
    cx: &mut Cx<'_, S>,
    owner: &KeyOwner,
    id: &str,
) -> Result<SigningCertificate, ApiError> {
    match cx.tx.signing_certificate(cx.account(), id).await? {
        Some(c) if &c.owner == owner => Ok(c),
        _ => Err(not_found(id)),
    }
}

/// UpdateSigningCertificate: sets `Status`.
pub(crate) async fn update_signing_certificate<S: Store>(
    cx: &mut Cx<'_, S>,
    input: UpdateSigningCertificateInput,
) -> Result<Reply, ApiError> {
    let owner = resolve_owner(
        cx,
        input.user_name.as_deref(),
        "iam:UpdateSigningCertificate",
        &[],
    )
    .await?;
    let status = settable_status(&input.status)?;
    let c = owned(cx, &owner.key_owner, &input.certificate_id).await?;
    cx.tx
        .set_signing_certificate_status(cx.account(), &c.id, status)
        .await
        .map_err(|e| match e {
            StoreError::NotFound => not_found(&input.certificate_id),
            other => other.into(),
        })?;
    Ok(Reply::empty())
}

/// DeleteSigningCertificate.
pub(crate) async fn delete_signing_certificate<S: Store>(
    cx: &mut Cx<'_, S>,
    input: DeleteSigningCertificateInput,
) -> Result<Reply, ApiError> {
    let owner = resolve_owner(
        cx,
        input.user_name.as_deref(),
        "iam:DeleteSigningCertificate",
        &[],
    )
    .await?;
    let c = owned(cx, &owner.key_owner, &input.certificate_id).await?;
    cx.tx
        .delete_signing_certificate(cx.account(), &c.id)
        .await
        .map_err(|e| match e {
            StoreError::NotFound => not_found(&input.certificate_id),
            other => other.into(),
        })?;
    Ok(Reply::empty())
}
