//! [`ApiError`]: the one type that renders every error response of the service.
//!
//! Every failure — SigV4, form decoding, operation lookup, validation, authorization,
//! store, handler rules, body limit, unknown routes — becomes an `ApiError`, and
//! [`ApiError::wire`] is the single exhaustive mapping to AWS's code, HTTP status and fault
//! (api.md §1.7, engineering guide §3.6). There are no wildcard arms: adding a variant
//! (here or in [`SigV4Error`]/[`StoreError`]) breaks the build exactly where its wire code
//! must be chosen. Internal errors carry their cause for the logs and go on the wire with
//! a generic message.

use warden_core::{CipherError, StoreError};
use warden_policy::PolicyErrors;
use warden_query::{DecodeError, ServiceError};
use warden_sigv4::SigV4Error;

/// The generic message of 5xx responses; the detail is logged, never sent.
const INTERNAL_MESSAGE: &str = "We encountered an internal error. Please try again.";

/// An error answered to the client with AWS's error envelope.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// `AccessDenied` (403) with AWS's message (policy.md §6.6, api.md §5.9).
    #[error("{0}")]
    AccessDenied(String),
    /// A SigV4 authentication failure (api.md §2.9), with its own AWS code.
    #[error(transparent)]
    Auth(SigV4Error),
    /// The request body exceeded the configured limit (api.md §1.2 requires ≥ 32 MiB).
    #[error("request body exceeds {limit} bytes")]
    BodyTooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// `DeleteConflict` (409) with AWS's message.
    #[error("{0}")]
    DeleteConflict(String),
    /// `EntityAlreadyExists` (409) with AWS's message.
    #[error("{0}")]
    EntityAlreadyExists(String),
    /// An unexpected server-side failure; answered `InternalFailure` (500), or
    /// `ServiceUnavailable` (503) when the database is unreachable or contended.
    #[error("internal error: {0}")]
    Internal(#[from] InternalError),
    /// `InvalidAuthenticationCode` (403): EnableMFADevice / ResyncMFADevice codes that are
    /// not two consecutive TOTP values of the device (api.md §5.11).
    #[error("{0}")]
    InvalidAuthenticationCode(String),
    /// `InvalidAction` (400): unknown action or wrong `Version` (api.md §1.1).
    #[error("{0}")]
    InvalidAction(String),
    /// `InvalidParameterValue` (400): STS semantic validation (session tags, policy ARNs,
    /// api.md §6.2 step 2).
    #[error("{0}")]
    InvalidParameterValue(String),
    /// `InvalidInput` (400): semantic validation by an operation.
    #[error("{0}")]
    InvalidInput(String),
    /// `LimitExceeded` (409): a quota (api.md §3.7).
    #[error("{0}")]
    LimitExceeded(String),
    /// `MalformedPolicyDocument` (400).
    #[error("{0}")]
    MalformedPolicyDocument(String),
    /// `MalformedQueryString` (404): the form or query string could not be decoded.
    #[error(transparent)]
    MalformedQueryString(DecodeError),
    /// An HTTP method other than `GET`/`POST` on the API path.
    #[error("method `{0}` is not allowed")]
    MethodNotAllowed(String),
    /// `MissingAction` (400): no `Action` parameter.
    #[error("missing action")]
    MissingAction,
    /// `NoSuchEntity` (404) with AWS's message (api.md §5.3).
    #[error("{0}")]
    NoSuchEntity(String),
    /// A route this server does not have (e.g. the dev reset outside dev mode).
    #[error("no route for `{0}`")]
    NotFound(String),
    /// A real IAM/STS operation this server does not implement yet: `NotImplemented`
    /// (501), never a fake success and never `InvalidAction`.
    #[error("the {service} operation {operation} is not implemented by this server yet")]
    NotImplemented {
        /// `IAM` or `STS`.
        service: &'static str,
        /// The operation name.
        operation: &'static str,
    },
    /// `InvalidUserType` (400): ChangePassword by a caller that is not an IAM user
    /// (api.md §5.10).
    #[error("{0}")]
    InvalidUserType(String),
    /// `PasswordPolicyViolation` (400): a new password breaks the account password policy
    /// (api.md §5.10); the message names the rule, never the password.
    #[error("{0}")]
    PasswordPolicyViolation(String),
    /// `PackedPolicyTooLarge` (400): session policies or tags over budget (api.md §6.11).
    #[error("{0}")]
    PackedPolicyTooLarge(String),
    /// `ValidationError` (400) with the complete message (api.md §1.6).
    #[error("{0}")]
    Validation(String),
    /// A refused certificate, private key or SSH public key (api.md §5.15), with the code
    /// of its [`CredentialFault`].
    #[error("{message}")]
    Credential {
        /// Which of AWS's errors it is.
        fault: CredentialFault,
        /// AWS's message.
        message: String,
    },
    /// `ReportNotPresent` (410): no credential report was ever generated; AWS sends no
    /// `Message` element (api.md §5.17, §1.7).
    #[error("no credential report exists")]
    ReportNotPresent,
    /// `ReportExpired` (410): the credential report is older than 4 hours (api.md §5.17).
    #[error("{0}")]
    ReportExpired(String),
    /// `ReportInProgress` (404): the credential report is being generated (api.md §5.17).
    #[error("{0}")]
    ReportInProgress(String),
    /// `UnmodifiableEntity` (400): a service-linked role changed by an ordinary role
    /// operation (api.md §5.6).
    #[error("{0}")]
    UnmodifiableEntity(String),
    /// `PolicyNotAttachable` (400): attaching an AWS managed policy whose `IsAttachable`
    /// is false (api.md §5.7).
    #[error("{0}")]
    PolicyNotAttachable(String),
    /// `OrganizationNotFoundException` (400): an Organizations feature in a deployment
    /// without AWS Organizations (api.md §5.20).
    #[error("{0}")]
    OrganizationNotFound(String),
    /// `InvalidIdentityToken` (400): a web-identity token or SAML assertion that does not
    /// verify (api.md §6.3, §6.4).
    #[error("{0}")]
    InvalidIdentityToken(String),
    /// `ExpiredTokenException` (400): an expired web-identity token or SAML assertion (not
    /// SigV4's `ExpiredToken` 403 for expired credentials).
    #[error("{0}")]
    ExpiredTokenException(String),
    /// `IDPCommunicationError` (400, retryable): the identity provider could not be reached
    /// (api.md §6.3 step 3).
    #[error("{0}")]
    IdpCommunicationError(String),
    /// `IDPRejectedClaim` (403).
    #[error("{0}")]
    IdpRejectedClaim(String),
    /// `InvalidAuthorizationMessageException` (400): DecodeAuthorizationMessage input that
    /// does not open (api.md §6.9).
    #[error("{0}")]
    InvalidAuthorizationMessage(String),
    /// `ExpiredTradeInTokenException` (400): GetDelegatedAccessToken (api.md §6.10).
    #[error("{0}")]
    ExpiredTradeInToken(String),
    /// `OutboundWebIdentityFederationDisabledException` (403): GetWebIdentityToken without
    /// outbound federation enabled (api.md §6.10).
    #[error("{0}")]
    OutboundWebIdentityFederationDisabled(String),
    /// `SessionDurationEscalationException` (403): a web-identity token outliving the
    /// caller's session (api.md §6.10).
    #[error("{0}")]
    SessionDurationEscalation(String),
    /// `JWTPayloadSizeExceededException` (400): a GetWebIdentityToken payload over the
    /// limit (api.md §6.10).
    #[error("{0}")]
    JwtPayloadSizeExceeded(String),
    /// `FeatureEnabled` (409): outbound web identity federation already enabled (§5.21).
    #[error("{0}")]
    FeatureEnabled(String),
    /// `FeatureDisabled` (404): outbound web identity federation not enabled (§5.21).
    #[error("{0}")]
    FeatureDisabled(String),
}

/// The causes of internal failures; logged, never sent to clients.
#[derive(Debug, thiserror::Error)]
pub enum InternalError {
    /// A stored secret could not be decrypted (wrong key file, corruption).
    #[error("while opening a stored secret: {0}")]
    Cipher(#[source] CipherError),
    /// A handler broke the pipeline's contract (e.g. returned without authorizing).
    #[error("handler contract violated: {0}")]
    Contract(&'static str),
    /// A stored policy document no longer parses; refusing is safer than skipping it
    /// (a skipped Deny would widen access).
    #[error("stored policy `{id}` is invalid: {source}")]
    StoredPolicy {
        /// The policy name or ARN.
        id: String,
        /// The parse errors.
        #[source]
        source: PolicyErrors,
    },
    /// The store failed.
    #[error("store failure: {0}")]
    Store(#[source] StoreError),
    /// The stored STS key ring does not decode (corruption, another key file).
    #[error("while loading the session-token key ring: {0}")]
    KeyRing(#[source] warden_sts::KeyRingError),
    /// A session token could not be sealed.
    #[error("while sealing a session token: {0}")]
    SealSession(#[source] warden_sts::SealError),
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        Self::Internal(InternalError::Store(error))
    }
}

impl From<SigV4Error> for ApiError {
    fn from(error: SigV4Error) -> Self {
        Self::Auth(error)
    }
}

/// `NotImplemented`, 501: not a modelled code, but clients treat unknown 5xx codes as
/// server errors, which is what an unimplemented operation is.
const NOT_IMPLEMENTED: ServiceError = ServiceError::new("NotImplemented", 501);
/// Unknown route: 404 with an AWS-shaped body.
const NOT_FOUND: ServiceError = ServiceError::new("NotFound", 404);
/// Wrong method: 405 with an AWS-shaped body.
const METHOD_NOT_ALLOWED: ServiceError = ServiceError::new("MethodNotAllowed", 405);
/// Body limit: 413 with an AWS-shaped body (AWS's front ends answer oversized requests
/// with 413 too).
const REQUEST_ENTITY_TOO_LARGE: ServiceError = ServiceError::new("RequestEntityTooLarge", 413);
const DELETE_CONFLICT: ServiceError = ServiceError::new("DeleteConflict", 409);
const ENTITY_ALREADY_EXISTS: ServiceError = ServiceError::new("EntityAlreadyExists", 409);
const INVALID_INPUT: ServiceError = ServiceError::new("InvalidInput", 400);
const INVALID_AUTHENTICATION_CODE: ServiceError =
    ServiceError::new("InvalidAuthenticationCode", 403);
const LIMIT_EXCEEDED: ServiceError = ServiceError::new("LimitExceeded", 409);
const MALFORMED_POLICY_DOCUMENT: ServiceError = ServiceError::new("MalformedPolicyDocument", 400);
const NO_SUCH_ENTITY: ServiceError = ServiceError::new("NoSuchEntity", 404);
const PACKED_POLICY_TOO_LARGE: ServiceError = ServiceError::new("PackedPolicyTooLarge", 400);
const REPORT_NOT_PRESENT: ServiceError = ServiceError::new("ReportNotPresent", 410);
const REPORT_EXPIRED: ServiceError = ServiceError::new("ReportExpired", 410);
const REPORT_IN_PROGRESS: ServiceError = ServiceError::new("ReportInProgress", 404);
const UNMODIFIABLE_ENTITY: ServiceError = ServiceError::new("UnmodifiableEntity", 400);
const POLICY_NOT_ATTACHABLE: ServiceError = ServiceError::new("PolicyNotAttachable", 400);
/// The model gives the Organizations shapes no status (api.md §5.20: use 400).
const ORGANIZATION_NOT_FOUND: ServiceError =
    ServiceError::new("OrganizationNotFoundException", 400);
const INVALID_USER_TYPE: ServiceError = ServiceError::new("InvalidUserType", 400);
const PASSWORD_POLICY_VIOLATION: ServiceError = ServiceError::new("PasswordPolicyViolation", 400);
const INVALID_IDENTITY_TOKEN: ServiceError = ServiceError::new("InvalidIdentityToken", 400);
const EXPIRED_TOKEN_EXCEPTION: ServiceError = ServiceError::new("ExpiredTokenException", 400);
const IDP_COMMUNICATION_ERROR: ServiceError = ServiceError::new("IDPCommunicationError", 400);
const IDP_REJECTED_CLAIM: ServiceError = ServiceError::new("IDPRejectedClaim", 403);
const INVALID_AUTHORIZATION_MESSAGE: ServiceError =
    ServiceError::new("InvalidAuthorizationMessageException", 400);
const EXPIRED_TRADE_IN_TOKEN: ServiceError = ServiceError::new("ExpiredTradeInTokenException", 400);
const OUTBOUND_FEDERATION_DISABLED: ServiceError =
    ServiceError::new("OutboundWebIdentityFederationDisabledException", 403);
const SESSION_DURATION_ESCALATION: ServiceError =
    ServiceError::new("SessionDurationEscalationException", 403);
const JWT_PAYLOAD_SIZE_EXCEEDED: ServiceError =
    ServiceError::new("JWTPayloadSizeExceededException", 400);
const FEATURE_ENABLED: ServiceError = ServiceError::new("FeatureEnabled", 409);
const FEATURE_DISABLED: ServiceError = ServiceError::new("FeatureDisabled", 404);

/// The certificate and key errors of api.md §5.15 (codes and statuses from the model).
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum CredentialFault {
    /// `DuplicateCertificate` (409): the certificate is already uploaded in the account.
    DuplicateCertificate,
    /// `DuplicateSSHPublicKey` (400): the key is already on the user.
    DuplicateSshPublicKey,
    /// `InvalidCertificate` (400): e.g. an expired or not yet valid signing certificate.
    InvalidCertificate,
    /// `InvalidPublicKey` (400): a recognised but unusable SSH key.
    InvalidPublicKey,
    /// `KeyPairMismatch` (400): the private key is not the certificate's.
    KeyPairMismatch,
    /// `MalformedCertificate` (400): a certificate, chain or private key that does not parse.
    MalformedCertificate,
    /// `UnrecognizedPublicKeyEncoding` (400): neither OpenSSH `ssh-rsa` nor PEM.
    UnrecognizedPublicKeyEncoding,
}

impl CredentialFault {
    fn wire(self) -> ServiceError {
        match self {
            Self::DuplicateCertificate => ServiceError::new("DuplicateCertificate", 409),
            Self::DuplicateSshPublicKey => ServiceError::new("DuplicateSSHPublicKey", 400),
            Self::InvalidCertificate => ServiceError::new("InvalidCertificate", 400),
            Self::InvalidPublicKey => ServiceError::new("InvalidPublicKey", 400),
            Self::KeyPairMismatch => ServiceError::new("KeyPairMismatch", 400),
            Self::MalformedCertificate => ServiceError::new("MalformedCertificate", 400),
            Self::UnrecognizedPublicKeyEncoding => {
                ServiceError::new("UnrecognizedPublicKeyEncoding", 400)
            }
        }
    }
}

impl ApiError {
    /// A [`CredentialFault`] with AWS's message.
    pub fn credential(fault: CredentialFault, message: impl Into<String>) -> Self {
        Self::Credential {
            fault,
            message: message.into(),
        }
    }

    /// The wire code, status and fault: the one exhaustive mapping.
    pub fn wire(&self) -> ServiceError {
        match self {
            Self::AccessDenied(_) => ServiceError::ACCESS_DENIED,
            Self::Auth(e) => match e {
                SigV4Error::MissingAuthenticationToken(_) => {
                    ServiceError::MISSING_AUTHENTICATION_TOKEN
                }
                SigV4Error::IncompleteSignature(_) => ServiceError::INCOMPLETE_SIGNATURE,
                SigV4Error::SignatureDoesNotMatch(_) => ServiceError::SIGNATURE_DOES_NOT_MATCH,
                SigV4Error::InvalidClientTokenId(_) => ServiceError::INVALID_CLIENT_TOKEN_ID,
                SigV4Error::ExpiredToken(_) => ServiceError::EXPIRED_TOKEN,
            },
            Self::BodyTooLarge { .. } => REQUEST_ENTITY_TOO_LARGE,
            Self::DeleteConflict(_) => DELETE_CONFLICT,
            Self::EntityAlreadyExists(_) => ENTITY_ALREADY_EXISTS,
            Self::Internal(e) => match e {
                InternalError::Store(s) => match s {
                    // Retryable: botocore and the SDKs retry 503 with back-off.
                    StoreError::Contention(_) | StoreError::Unavailable(_) => {
                        ServiceError::SERVICE_UNAVAILABLE
                    }
                    StoreError::Conflict { .. }
                    | StoreError::Corrupt(_)
                    | StoreError::Migration(_)
                    | StoreError::NotFound
                    | StoreError::Query(_) => ServiceError::INTERNAL_FAILURE,
                },
                InternalError::Cipher(_)
                | InternalError::KeyRing(_)
                | InternalError::SealSession(_)
                | InternalError::Contract(_)
                | InternalError::StoredPolicy { .. } => ServiceError::INTERNAL_FAILURE,
            },
            Self::InvalidAction(_) => ServiceError::INVALID_ACTION,
            Self::InvalidInput(_) => INVALID_INPUT,
            Self::InvalidAuthenticationCode(_) => INVALID_AUTHENTICATION_CODE,
            Self::InvalidParameterValue(_) => ServiceError::INVALID_PARAMETER_VALUE,
            Self::PackedPolicyTooLarge(_) => PACKED_POLICY_TOO_LARGE,
            Self::InvalidUserType(_) => INVALID_USER_TYPE,
            Self::PasswordPolicyViolation(_) => PASSWORD_POLICY_VIOLATION,
            Self::LimitExceeded(_) => LIMIT_EXCEEDED,
            Self::MalformedPolicyDocument(_) => MALFORMED_POLICY_DOCUMENT,
            Self::MalformedQueryString(_) => ServiceError::MALFORMED_QUERY_STRING,
            Self::MethodNotAllowed(_) => METHOD_NOT_ALLOWED,
            Self::MissingAction => ServiceError::MISSING_ACTION,
            Self::NoSuchEntity(_) => NO_SUCH_ENTITY,
            Self::NotFound(_) => NOT_FOUND,
            Self::NotImplemented { .. } => NOT_IMPLEMENTED,
            Self::Validation(_) => ServiceError::VALIDATION_ERROR,
            Self::Credential { fault, .. } => fault.wire(),
            Self::ReportNotPresent => REPORT_NOT_PRESENT,
            Self::ReportExpired(_) => REPORT_EXPIRED,
            Self::ReportInProgress(_) => REPORT_IN_PROGRESS,
            Self::UnmodifiableEntity(_) => UNMODIFIABLE_ENTITY,
            Self::PolicyNotAttachable(_) => POLICY_NOT_ATTACHABLE,
            Self::OrganizationNotFound(_) => ORGANIZATION_NOT_FOUND,
            Self::InvalidIdentityToken(_) => INVALID_IDENTITY_TOKEN,
            Self::ExpiredTokenException(_) => EXPIRED_TOKEN_EXCEPTION,
            Self::IdpCommunicationError(_) => IDP_COMMUNICATION_ERROR,
            Self::IdpRejectedClaim(_) => IDP_REJECTED_CLAIM,
            Self::InvalidAuthorizationMessage(_) => INVALID_AUTHORIZATION_MESSAGE,
            Self::ExpiredTradeInToken(_) => EXPIRED_TRADE_IN_TOKEN,
            Self::OutboundWebIdentityFederationDisabled(_) => OUTBOUND_FEDERATION_DISABLED,
            Self::SessionDurationEscalation(_) => SESSION_DURATION_ESCALATION,
            Self::JwtPayloadSizeExceeded(_) => JWT_PAYLOAD_SIZE_EXCEEDED,
            Self::FeatureEnabled(_) => FEATURE_ENABLED,
            Self::FeatureDisabled(_) => FEATURE_DISABLED,
        }
    }

    /// The `<Message>` text: AWS's wording where it is known, a generic text for internal
    /// errors.
    pub fn message(&self) -> String {
        match self {
            Self::Auth(e) => e.message(),
            Self::Internal(InternalError::Store(
                StoreError::Contention(_) | StoreError::Unavailable(_),
            )) => "Service is temporarily unavailable. Please try again.".to_owned(),
            Self::Internal(_) => INTERNAL_MESSAGE.to_owned(),
            Self::MalformedQueryString(e) => format!("The query string is malformed: {e}"),
            Self::MissingAction => "Could not find operation: Action parameter missing".to_owned(),
            Self::NotImplemented { service, operation } => {
                format!("The {service} operation {operation} is not implemented by this server yet")
            }
            Self::BodyTooLarge { limit } => {
                format!("Request body exceeds the maximum of {limit} bytes")
            }
            Self::MethodNotAllowed(m) => format!("The HTTP method {m} is not allowed"),
            Self::NotFound(p) => format!("The resource {p} does not exist"),
            Self::AccessDenied(m)
            | Self::DeleteConflict(m)
            | Self::EntityAlreadyExists(m)
            | Self::InvalidAction(m)
            | Self::InvalidInput(m)
            | Self::InvalidAuthenticationCode(m)
            | Self::InvalidParameterValue(m)
            | Self::PackedPolicyTooLarge(m)
            | Self::InvalidUserType(m)
            | Self::PasswordPolicyViolation(m)
            | Self::LimitExceeded(m)
            | Self::MalformedPolicyDocument(m)
            | Self::NoSuchEntity(m)
            | Self::Credential { message: m, .. }
            | Self::Validation(m)
            | Self::ReportExpired(m)
            | Self::ReportInProgress(m)
            | Self::UnmodifiableEntity(m)
            | Self::PolicyNotAttachable(m)
            | Self::OrganizationNotFound(m)
            | Self::InvalidIdentityToken(m)
            | Self::ExpiredTokenException(m)
            | Self::IdpCommunicationError(m)
            | Self::IdpRejectedClaim(m)
            | Self::InvalidAuthorizationMessage(m)
            | Self::ExpiredTradeInToken(m)
            | Self::OutboundWebIdentityFederationDisabled(m)
            | Self::SessionDurationEscalation(m)
            | Self::JwtPayloadSizeExceeded(m)
            | Self::FeatureEnabled(m)
            | Self::FeatureDisabled(m) => m.clone(),
            // Only the audit log sees this text; the wire omits `Message` (`wire_message`).
            Self::ReportNotPresent => "No credential report exists".to_owned(),
        }
    }

    /// The `<Message>` element's text, `None` where AWS sends no `Message`
    /// (`ReportNotPresent`, api.md §1.7).
    pub fn wire_message(&self) -> Option<String> {
        match self {
            Self::ReportNotPresent => None,
            other => Some(other.message()),
        }
    }

    /// Whether this is a server-side failure worth logging at error level.
    pub fn is_internal(&self) -> bool {
        matches!(self, Self::Internal(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! wire_cases {
        ($($name:ident: $err:expr => ($code:expr, $status:expr);)*) => {$(
            #[test]
            fn $name() {
                let e: ApiError = $err;
                assert_eq!(e.wire().code, $code);
                assert_eq!(e.wire().status, $status);
            }
        )*};
    }

    wire_cases! {
        access_denied: ApiError::AccessDenied("x".into()) => ("AccessDenied", 403);
        malformed_certificate: ApiError::credential(CredentialFault::MalformedCertificate, "x") => ("MalformedCertificate", 400);
        key_pair_mismatch: ApiError::credential(CredentialFault::KeyPairMismatch, "x") => ("KeyPairMismatch", 400);
        duplicate_certificate: ApiError::credential(CredentialFault::DuplicateCertificate, "x") => ("DuplicateCertificate", 409);
        invalid_certificate: ApiError::credential(CredentialFault::InvalidCertificate, "x") => ("InvalidCertificate", 400);
        duplicate_ssh_key: ApiError::credential(CredentialFault::DuplicateSshPublicKey, "x") => ("DuplicateSSHPublicKey", 400);
        unrecognized_key: ApiError::credential(CredentialFault::UnrecognizedPublicKeyEncoding, "x") => ("UnrecognizedPublicKeyEncoding", 400);
        invalid_public_key: ApiError::credential(CredentialFault::InvalidPublicKey, "x") => ("InvalidPublicKey", 400);
        no_such_entity: ApiError::NoSuchEntity("x".into()) => ("NoSuchEntity", 404);
        not_implemented: ApiError::NotImplemented { service: "IAM", operation: "CreateRole" } => ("NotImplemented", 501);
        store_unavailable: ApiError::from(StoreError::NotFound) => ("InternalFailure", 500);
        missing_auth: ApiError::Auth(SigV4Error::missing_authentication_token()) => ("MissingAuthenticationToken", 403);
        body_too_large: ApiError::BodyTooLarge { limit: 1 } => ("RequestEntityTooLarge", 413);
        limit_exceeded: ApiError::LimitExceeded("x".into()) => ("LimitExceeded", 409);
        invalid_parameter_value: ApiError::InvalidParameterValue("x".into()) => ("InvalidParameterValue", 400);
        packed_policy_too_large: ApiError::PackedPolicyTooLarge("x".into()) => ("PackedPolicyTooLarge", 400);
        report_not_present: ApiError::ReportNotPresent => ("ReportNotPresent", 410);
        report_expired: ApiError::ReportExpired("x".into()) => ("ReportExpired", 410);
        report_in_progress: ApiError::ReportInProgress("x".into()) => ("ReportInProgress", 404);
        unmodifiable_entity: ApiError::UnmodifiableEntity("x".into()) => ("UnmodifiableEntity", 400);
        policy_not_attachable: ApiError::PolicyNotAttachable("x".into()) => ("PolicyNotAttachable", 400);
        organization_not_found: ApiError::OrganizationNotFound("x".into()) => ("OrganizationNotFoundException", 400);
        password_policy_violation: ApiError::PasswordPolicyViolation("x".into()) => ("PasswordPolicyViolation", 400);
        invalid_user_type: ApiError::InvalidUserType("x".into()) => ("InvalidUserType", 400);
    }

    #[test]
    fn internal_errors_hide_their_detail() {
        let e = ApiError::from(StoreError::NotFound);
        assert_eq!(e.message(), INTERNAL_MESSAGE);
        assert_eq!(e.wire().fault.as_str(), "Receiver");
    }
}
