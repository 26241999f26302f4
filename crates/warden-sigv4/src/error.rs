//! Authentication errors, one variant per AWS error code (api.md §2.9).
//!
//! The wire message is AWS's exact text where the spec records it; anything that would help
//! an attacker or only helps an operator (the canonical request, which check failed) is kept
//! in a separate log detail that is never part of [`SigV4Error::message`].

use std::fmt;

/// Why a request was rejected: a finer classification than the AWS code, for logs and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Reason {
    /// Neither an `Authorization` header nor `X-Amz-Algorithm` query authentication.
    MissingAuthentication,
    /// Both header and query (presigned) authentication in one request.
    BothAuthForms,
    /// The algorithm is not `AWS4-HMAC-SHA256` (SigV2, SigV4a and unknown schemes).
    UnsupportedAlgorithm,
    /// An `Authorization` component without `=`.
    MissingEqualSign,
    /// `Credential`, `Signature`, `SignedHeaders` or the date header is missing.
    MissingComponents,
    /// A required `X-Amz-*` query parameter is missing.
    MissingQueryParameters,
    /// The credential does not have five `/`-separated parts.
    MalformedCredential,
    /// The request time could not be parsed.
    MalformedDate,
    /// Credential scope date differs from the request date.
    ScopeDate,
    /// Credential scope does not end in `aws4_request`.
    ScopeTerminator,
    /// Credential scope names a service this endpoint does not serve.
    ScopeService,
    /// Credential scope region is not a valid (or allowed) region name.
    ScopeRegion,
    /// `host` is not among the signed headers.
    HostNotSigned,
    /// The request time is more than 15 minutes before `now`.
    Expired,
    /// The request time is more than 15 minutes after `now`.
    NotYetCurrent,
    /// `x-amz-content-sha256` is a hash that differs from the received body's hash.
    PayloadHashMismatch,
    /// The cached signing key was derived for a different scope than the request's.
    SigningKeyScope,
    /// The provided signature is not 64 hexadecimal characters.
    MalformedSignature,
    /// The computed signature differs from the provided one.
    Mismatch,
    /// The access key id is unknown/inactive or the session token is invalid (caller's check).
    InvalidToken,
    /// The session token has expired (caller's check).
    ExpiredToken,
}

/// Payload of every [`SigV4Error`] variant: the wire message plus private diagnostics.
#[derive(Clone, PartialEq, Eq)]
pub struct ErrorDetail {
    reason: Reason,
    message: String,
    log_detail: Option<String>,
}

impl ErrorDetail {
    pub(crate) fn new(reason: Reason, message: impl Into<String>) -> Self {
        Self {
            reason,
            message: message.into(),
            log_detail: None,
        }
    }

    pub(crate) fn with_log(mut self, detail: impl Into<String>) -> Self {
        self.log_detail = Some(detail.into());
        self
    }
}

impl fmt::Debug for ErrorDetail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The log detail can echo request headers; keep Debug to the classification and
        // the wire message (which AWS itself returns to the client).
        f.debug_struct("ErrorDetail")
            .field("reason", &self.reason)
            .field("message", &self.message)
            .field("has_log_detail", &self.log_detail.is_some())
            .finish()
    }
}

/// A SigV4 authentication failure. Each variant is one AWS error code (api.md §2.9); the
/// server's exhaustive error mapping matches on it, so the enum is deliberately not
/// `#[non_exhaustive]`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SigV4Error {
    /// `MissingAuthenticationToken` (403): the request is not signed at all. The caller lets
    /// the STS operations modelled as `noAuth` through instead (api.md §2.8 step 1).
    #[error("{}", .0.message)]
    MissingAuthenticationToken(ErrorDetail),
    /// `IncompleteSignature` (400): structurally broken authentication (§2.2, §2.6).
    #[error("{}", .0.message)]
    IncompleteSignature(ErrorDetail),
    /// `SignatureDoesNotMatch` (403): scope, clock skew or signature failures (§2.3-§2.5).
    #[error("{}", .0.message)]
    SignatureDoesNotMatch(ErrorDetail),
    /// `InvalidClientTokenId` (403): unknown/inactive key or bad session token (§2.7). This
    /// crate never produces it by itself — it does not know which keys exist — the caller
    /// builds it with [`SigV4Error::invalid_client_token_id`].
    #[error("{}", .0.message)]
    InvalidClientTokenId(ErrorDetail),
    /// `ExpiredToken` (403): the session behind the token has expired (§2.7); built by the
    /// caller with [`SigV4Error::expired_token`].
    #[error("{}", .0.message)]
    ExpiredToken(ErrorDetail),
}

/// AWS's signature mismatch text (api.md §2.5).
pub(crate) const MISMATCH_MESSAGE: &str = "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

impl SigV4Error {
    /// `MissingAuthenticationToken` with AWS's message.
    pub fn missing_authentication_token() -> Self {
        Self::MissingAuthenticationToken(ErrorDetail::new(
            Reason::MissingAuthentication,
            "Request is missing Authentication Token",
        ))
    }

    /// `InvalidClientTokenId` with AWS's message. `log_detail` says why (for logs only): the
    /// caller MUST use this for unknown keys, inactive keys and bad tokens alike so that the
    /// response does not reveal whether an access key exists.
    pub fn invalid_client_token_id(log_detail: impl Into<String>) -> Self {
        Self::InvalidClientTokenId(
            ErrorDetail::new(
                Reason::InvalidToken,
                "The security token included in the request is invalid.",
            )
            .with_log(log_detail),
        )
    }

    /// `ExpiredToken` with AWS's message (no trailing period, as AWS sends it).
    pub fn expired_token() -> Self {
        Self::ExpiredToken(ErrorDetail::new(
            Reason::ExpiredToken,
            "The security token included in the request is expired",
        ))
    }

    pub(crate) fn incomplete(reason: Reason, message: impl Into<String>) -> Self {
        Self::IncompleteSignature(ErrorDetail::new(reason, message))
    }

    pub(crate) fn mismatch(reason: Reason, message: impl Into<String>) -> Self {
        Self::SignatureDoesNotMatch(ErrorDetail::new(reason, message))
    }

    pub(crate) fn mismatch_logged(reason: Reason, log: impl Into<String>) -> Self {
        Self::SignatureDoesNotMatch(ErrorDetail::new(reason, MISMATCH_MESSAGE).with_log(log))
    }

    fn detail(&self) -> &ErrorDetail {
        match self {
            Self::MissingAuthenticationToken(d)
            | Self::IncompleteSignature(d)
            | Self::SignatureDoesNotMatch(d)
            | Self::InvalidClientTokenId(d)
            | Self::ExpiredToken(d) => d,
        }
    }

    /// The AWS error code (`<Code>` in the XML error response).
    pub fn code(&self) -> &'static str {
        match self {
            Self::MissingAuthenticationToken(_) => "MissingAuthenticationToken",
            Self::IncompleteSignature(_) => "IncompleteSignature",
            Self::SignatureDoesNotMatch(_) => "SignatureDoesNotMatch",
            Self::InvalidClientTokenId(_) => "InvalidClientTokenId",
            Self::ExpiredToken(_) => "ExpiredToken",
        }
    }

    /// The HTTP status AWS answers with.
    pub fn http_status(&self) -> u16 {
        match self {
            Self::IncompleteSignature(_) => 400,
            Self::MissingAuthenticationToken(_)
            | Self::SignatureDoesNotMatch(_)
            | Self::InvalidClientTokenId(_)
            | Self::ExpiredToken(_) => 403,
        }
    }

    /// The wire message (`<Message>`), AWS's exact text.
    pub fn message(&self) -> String {
        self.detail().message.clone()
    }

    /// The finer-grained reason, for logs, metrics and tests.
    pub fn reason(&self) -> Reason {
        self.detail().reason
    }

    /// Private diagnostics for server logs (e.g. the canonical request and string to sign on
    /// a mismatch); never send this to the client unless debugging is explicitly enabled.
    pub fn log_detail(&self) -> Option<&str> {
        self.detail().log_detail.as_deref()
    }

    /// The wire message with AWS's optional debugging appendix (api.md §2.5: "The Canonical
    /// String for this request should have been …") for a signature mismatch; equal to
    /// [`message`](Self::message) otherwise. For servers with debugging enabled only.
    pub fn message_with_debug(&self) -> String {
        let d = self.detail();
        match (d.reason, &d.log_detail) {
            (Reason::Mismatch, Some(log)) => format!("{}{log}", d.message),
            _ => d.message.clone(),
        }
    }
}
