//! Server certificates (api.md §5.15) and their tags (§3.5: case-sensitive keys).
//!
//! The certificate, its chain and its private key are parsed by `warden-certs`; the
//! private key is sealed with the server's AEAD cipher (bound to the certificate id) and
//! never returned, logged or audited (`PrivateKey` is scrubbed from `requestParameters`
//! by `audit.rs`).

use serde_json::json;
use warden_certs::{CertError, KeyAlgorithm};
use warden_core::{
    CountedEntity, IdKind, SecretAccessKey, ServerCertificate, Store, Tag, TagTarget, Transaction,
};
use warden_query::iam::{
    self, DeleteServerCertificateInput, GetServerCertificateInput, GetServerCertificateOutput,
    ListServerCertificateTagsInput, ListServerCertificateTagsOutput, ListServerCertificatesInput,
    ListServerCertificatesOutput, ServerCertificateMetadata, TagServerCertificateInput,
    UntagServerCertificateInput, UpdateServerCertificateInput, UploadServerCertificateInput,
    UploadServerCertificateOutput,
};

use super::resolve::{apply_exact_tags, create_checks};
use super::tagging::{self, TagKeys, Tagging};
use super::{
    Cx, Reply, Target, list_query, marker_scope, page_marker, paginate_tags, sorted_tags, ts,
    wire_tags,
};
use crate::authz::Check;
use crate::error::{ApiError, CredentialFault, InternalError};

/// Server certificates per account (api.md §3.7; message `VERIFY`).
const CERTIFICATES_PER_ACCOUNT: u64 = 20;
/// Largest RSA modulus accepted for a server certificate (api.md §5.15).
const MAX_RSA_BITS: usize = 4096;

// AWS's messages for refused uploads. Only the codes are documented (model); these texts
// are `VERIFY` (api.md §5.15) and kept here so they are easy to correct.
const MALFORMED_BODY: &str =
    "Unable to parse certificate. Please ensure the certificate is in PEM format.";
const MALFORMED_CHAIN: &str =
    "Unable to parse certificate chain. Please ensure the certificate chain is in PEM format.";
const MALFORMED_KEY: &str =
    "Unable to parse private key. Please ensure the private key is in PEM format.";
const EXPIRED: &str = "The certificate has expired.";
const KEY_MISMATCH: &str = "Public key certificate and private key doesn't match.";
const UNSUPPORTED_KEY: &str =
    "The key type or size is not supported. Use RSA up to 4096 bits or ECDSA P-256/P-384.";

/// `The Server Certificate with name <name> cannot be found.` (api.md §5.3).
fn not_found(name: &str) -> ApiError {
    ApiError::NoSuchEntity(format!(
        "The Server Certificate with name {name} cannot be found."
    ))
}

/// `The Server Certificate with name <name> already exists.` (api.md §5.3).
fn already_exists(name: &str) -> ApiError {
    ApiError::EntityAlreadyExists(format!(
        "The Server Certificate with name {name} already exists."
    ))
}

fn malformed(message: &str) -> ApiError {
    ApiError::credential(CredentialFault::MalformedCertificate, message)
}

impl<S: Store> Cx<'_, S> {
    /// Resolves a server certificate by name: ARN `server-certificate{path}{name}` (path
    /// `/` when missing), its tags.
    async fn server_certificate_target(
        &mut self,
        name: &str,
    ) -> Result<Target<ServerCertificate>, ApiError> {
        let account = self.account();
        let entity = self.tx.server_certificate(account, name).await?;
        let (path, tags) = match &entity {
            Some(c) => (
                c.path.clone(),
                self.tx
                    .tags(account, &TagTarget::ServerCertificate(c.id.clone()))
                    .await?,
            ),
            None => ("/".to_owned(), Vec::new()),
        };
        Ok(Target {
            arn: self.arn("server-certificate", &path, name),
            tags,
            entity,
        })
    }

    fn server_certificate_metadata(&self, c: &ServerCertificate) -> ServerCertificateMetadata {
        ServerCertificateMetadata {
            path: c.path.clone(),
            server_certificate_name: c.name.clone(),
            server_certificate_id: c.id.clone(),
            arn: self.arn("server-certificate", &c.path, &c.name),
            upload_date: Some(ts(c.uploaded)),
            expiration: Some(ts(c.expiration)),
        }
    }
}

/// Resolves, authorizes `action` on the certificate's ARN, then requires it.
async fn authorized<S: Store>(
    cx: &mut Cx<'_, S>,
    action: &str,
    name: &str,
) -> Result<(ServerCertificate, Vec<Tag>), ApiError> {
    let target = cx.server_certificate_target(name).await?;
    cx.authorize(vec![
        Check::new(action, &target.arn).with_resource_tags(&target.tags, false),
    ])?;
    let tags = target.tags.clone();
    let certificate = target.require(|| not_found(name))?;
    Ok((certificate, tags))
}

/// The parsed upload: the certificate's notAfter once body, key and chain are accepted.
fn check_upload(
    input: &UploadServerCertificateInput,
    now: time::OffsetDateTime,
) -> Result<time::OffsetDateTime, ApiError> {
    let certificate = warden_certs::parse_certificate(&input.certificate_body)
        .map_err(|_| malformed(MALFORMED_BODY))?;
    let supported = match certificate.key_algorithm() {
        KeyAlgorithm::Rsa { bits } => bits <= MAX_RSA_BITS,
        KeyAlgorithm::EcP256 | KeyAlgorithm::EcP384 => true,
        KeyAlgorithm::Other => false,
    };
    if !supported {
        return Err(ApiError::InvalidInput(UNSUPPORTED_KEY.to_owned()));
    }
    if certificate.not_after() < now {
        return Err(malformed(EXPIRED));
    }
    let key = warden_certs::parse_private_key(&input.private_key).map_err(|e| match e {
        CertError::MalformedCertificate
        | CertError::MalformedChain
        | CertError::MalformedPrivateKey => malformed(MALFORMED_KEY),
    })?;
    if !certificate.matches(&key) {
        return Err(ApiError::credential(
            CredentialFault::KeyPairMismatch,
            KEY_MISMATCH,
        ));
    }
    if let Some(chain) = &input.certificate_chain {
        warden_certs::parse_certificate_chain(chain).map_err(|_| malformed(MALFORMED_CHAIN))?;
    }
    Ok(certificate.not_after())
}

/// UploadServerCertificate: tag-on-upload needs `iam:TagServerCertificate` too (api.md
/// §4.3); at most 20 per account.
pub(crate) async fn upload_server_certificate<S: Store>(
    cx: &mut Cx<'_, S>,
    input: UploadServerCertificateInput,
) -> Result<Reply, ApiError> {
    let path = input.path.clone().unwrap_or_else(|| "/".to_owned());
    let name = input.server_certificate_name.clone();
    let arn = cx.arn("server-certificate", &path, &name);
    let tags = input.tags.clone().unwrap_or_default();
    cx.authorize(create_checks(
        Check::new("iam:UploadServerCertificate", &arn),
        "iam:TagServerCertificate",
        &arn,
        &tags,
    ))?;
    let account = cx.account();
    cx.tx.lock_account(account).await?;
    if cx.tx.server_certificate(account, &name).await?.is_some() {
        return Err(already_exists(&name));
    }
    if cx
        .tx
        .count(account, CountedEntity::ServerCertificates)
        .await?
        >= CERTIFICATES_PER_ACCOUNT
    {
        return Err(ApiError::LimitExceeded(format!(
            "Cannot exceed quota for ServerCertificatesPerAccount: {CERTIFICATES_PER_ACCOUNT}"
        )));
    }
    let expiration = check_upload(&input, cx.now)?;
    let stored_tags = apply_exact_tags(&[], &tags)?;
    let services = cx.state.services();
    let id = services.ids.unique_id(IdKind::ServerCertificate);
    let private_key = services
        .cipher
        .seal(&id, &SecretAccessKey::new(input.private_key.clone()))
        .map_err(|e| ApiError::Internal(InternalError::Cipher(e)))?;
    let certificate = ServerCertificate {
        account,
        id: id.clone(),
        name,
        path,
        uploaded: cx.now,
        expiration,
        body: input.certificate_body.clone(),
        chain: input.certificate_chain.clone(),
        private_key,
    };
    cx.tx.insert_server_certificate(&certificate).await?;
    if !stored_tags.is_empty() {
        cx.tx
            .set_tags(account, &TagTarget::ServerCertificate(id), &stored_tags)
            .await?;
    }
    let metadata = cx.server_certificate_metadata(&certificate);
    let audit = json!({"serverCertificateMetadata": {
        "path": metadata.path, "serverCertificateName": metadata.server_certificate_name,
        "serverCertificateId": metadata.server_certificate_id, "arn": metadata.arn,
        "uploadDate": ts(certificate.uploaded).to_string(),
        "expiration": ts(certificate.expiration).to_string(),
    }});
    Ok(Reply::result(UploadServerCertificateOutput {
        server_certificate_metadata: Some(metadata),
        tags: (!stored_tags.is_empty()).then(|| wire_tags(&stored_tags)),
    })
    .with_audit(audit))
}

/// GetServerCertificate: metadata, body, chain (if any) and `Tags` (always, api.md §5.15).
pub(crate) async fn get_server_certificate<S: Store>(
    cx: &mut Cx<'_, S>,
    input: GetServerCertificateInput,
) -> Result<Reply, ApiError> {
    let (c, tags) = authorized(
        cx,
        "iam:GetServerCertificate",
        &input.server_certificate_name,
    )
    .await?;
    Ok(Reply::result(GetServerCertificateOutput {
        server_certificate: iam::ServerCertificate {
            server_certificate_metadata: cx.server_certificate_metadata(&c),
            certificate_body: c.body,
            certificate_chain: c.chain,
            tags: Some(wire_tags(&sorted_tags(tags))),
        },
    }))
}

/// ListServerCertificates: metadata by name, filtered by path prefix, paginated.
pub(crate) async fn list_server_certificates<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ListServerCertificatesInput,
) -> Result<Reply, ApiError> {
    let prefix = input.path_prefix.as_deref().unwrap_or("/");
    cx.authorize(vec![Check::new(
        "iam:ListServerCertificates",
        cx.arn("server-certificate", prefix, ""),
    )])?;
    let scope = marker_scope("ListServerCertificates", &[("PathPrefix", prefix)]);
    let query = list_query(
        &scope,
        Some(prefix),
        input.marker.as_deref(),
        input.max_items,
    )?;
    let page = cx.tx.list_server_certificates(cx.account(), &query).await?;
    let (truncated, marker) = page_marker(&scope, page.next.as_deref())?;
    let list = page
        .items
        .iter()
        .map(|c| cx.server_certificate_metadata(c))
        .collect();
    Ok(Reply::result(ListServerCertificatesOutput {
        server_certificate_metadata_list: list,
        is_truncated: Some(truncated),
        marker,
    }))
}

/// UpdateServerCertificate: rename and/or move, authorized on the old and the new ARN
/// (api.md §4.3); the id is kept.
pub(crate) async fn update_server_certificate<S: Store>(
    cx: &mut Cx<'_, S>,
    input: UpdateServerCertificateInput,
) -> Result<Reply, ApiError> {
    let name = &input.server_certificate_name;
    let target = cx.server_certificate_target(name).await?;
    let current_path = target
        .entity
        .as_ref()
        .map_or_else(|| "/".to_owned(), |c| c.path.clone());
    let new_path = input.new_path.clone().unwrap_or(current_path);
    let new_name = input
        .new_server_certificate_name
        .clone()
        .unwrap_or_else(|| name.clone());
    let new_arn = cx.arn("server-certificate", &new_path, &new_name);
    let mut checks = vec![
        Check::new("iam:UpdateServerCertificate", &target.arn)
            .with_resource_tags(&target.tags, false),
    ];
    if new_arn != target.arn {
        checks.push(Check::new("iam:UpdateServerCertificate", &new_arn));
    }
    cx.authorize(checks)?;
    let mut certificate = target.require(|| not_found(name))?;
    let account = cx.account();
    cx.tx.lock_account(account).await?;
    if let Some(other) = cx.tx.server_certificate(account, &new_name).await?
        && other.id != certificate.id
    {
        return Err(already_exists(&new_name));
    }
    certificate.name = new_name;
    certificate.path = new_path;
    cx.tx.update_server_certificate(&certificate).await?;
    Ok(Reply::empty())
}

/// DeleteServerCertificate: removes the certificate, its key and its tags.
pub(crate) async fn delete_server_certificate<S: Store>(
    cx: &mut Cx<'_, S>,
    input: DeleteServerCertificateInput,
) -> Result<Reply, ApiError> {
    let name = &input.server_certificate_name;
    let (c, _) = authorized(cx, "iam:DeleteServerCertificate", name).await?;
    cx.tx
        .delete_server_certificate(cx.account(), &c.id)
        .await
        .map_err(|e| match e {
            warden_core::StoreError::NotFound => not_found(name),
            other => other.into(),
        })?;
    Ok(Reply::empty())
}

/// TagServerCertificate: case-sensitive keys, upsert, at most 50 (api.md §3.5).
pub(crate) async fn tag_server_certificate<S: Store>(
    cx: &mut Cx<'_, S>,
    input: TagServerCertificateInput,
) -> Result<Reply, ApiError> {
    let target = cx
        .server_certificate_target(&input.server_certificate_name)
        .await?;
    let call = Tagging {
        target,
        action: "iam:TagServerCertificate",
        keys: TagKeys::Exact,
    };
    tagging::tag(
        cx,
        call,
        &input.tags,
        || not_found(&input.server_certificate_name),
        |c| Ok(TagTarget::ServerCertificate(c.id)),
    )
    .await
}

/// UntagServerCertificate: absent keys are ignored.
pub(crate) async fn untag_server_certificate<S: Store>(
    cx: &mut Cx<'_, S>,
    input: UntagServerCertificateInput,
) -> Result<Reply, ApiError> {
    let target = cx
        .server_certificate_target(&input.server_certificate_name)
        .await?;
    let call = Tagging {
        target,
        action: "iam:UntagServerCertificate",
        keys: TagKeys::Exact,
    };
    tagging::untag(
        cx,
        call,
        &input.tag_keys,
        || not_found(&input.server_certificate_name),
        |c| Ok(TagTarget::ServerCertificate(c.id)),
    )
    .await
}

/// ListServerCertificateTags: paginated by key.
pub(crate) async fn list_server_certificate_tags<S: Store>(
    cx: &mut Cx<'_, S>,
    input: ListServerCertificateTagsInput,
) -> Result<Reply, ApiError> {
    let name = input.server_certificate_name.clone();
    let (c, tags) = authorized(cx, "iam:ListServerCertificateTags", &name).await?;
    let scope = marker_scope("ListServerCertificateTags", &[("Id", &c.id)]);
    let query = list_query(&scope, None, input.marker.as_deref(), input.max_items)?;
    let (items, next) = paginate_tags(sorted_tags(tags), &query);
    let (truncated, marker) = page_marker(&scope, next.as_deref())?;
    Ok(Reply::result(ListServerCertificateTagsOutput {
        tags: wire_tags(&items),
        is_truncated: Some(truncated),
        marker,
    }))
}
