//! The error envelope (api.md §1.7) and the description of wire errors: code, HTTP status and
//! fault side.
//!
//! The modelled errors of each service are generated from the models' error shapes
//! (`generated::iam::IamError`, `generated::sts::StsError`, api.md Appendix B); the common,
//! non-modelled codes are the constants on [`ServiceError`].

use crate::Service;
use crate::encode::XmlWriter;

/// Which side AWS blames: `Sender` for 4xx, `Receiver` for 5xx (api.md §1.7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Fault {
    /// The server failed (5xx).
    Receiver,
    /// The client sent something wrong (4xx).
    Sender,
}

impl Fault {
    /// The `<Type>` text.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Receiver => "Receiver",
            Self::Sender => "Sender",
        }
    }
}

/// How one error code goes on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ServiceError {
    /// The `<Code>` string: the contract clients map to exception classes.
    pub code: &'static str,
    /// The HTTP status.
    pub status: u16,
    /// The `<Type>`.
    pub fault: Fault,
}

impl ServiceError {
    /// A description whose fault follows from the status (5xx → `Receiver`).
    #[must_use]
    pub const fn new(code: &'static str, status: u16) -> Self {
        let fault = if status >= 500 {
            Fault::Receiver
        } else {
            Fault::Sender
        };
        Self {
            code,
            status,
            fault,
        }
    }

    /// `AccessDenied`, 403.
    pub const ACCESS_DENIED: Self = Self::new("AccessDenied", 403);
    /// `ExpiredToken`, 403: expired temporary credentials signed the request.
    pub const EXPIRED_TOKEN: Self = Self::new("ExpiredToken", 403);
    /// `IncompleteSignature`, 400.
    pub const INCOMPLETE_SIGNATURE: Self = Self::new("IncompleteSignature", 400);
    /// `InternalFailure`, 500.
    pub const INTERNAL_FAILURE: Self = Self::new("InternalFailure", 500);
    /// `InvalidAction`, 400: unknown action or wrong `Version`.
    pub const INVALID_ACTION: Self = Self::new("InvalidAction", 400);
    /// `InvalidClientTokenId`, 403.
    pub const INVALID_CLIENT_TOKEN_ID: Self = Self::new("InvalidClientTokenId", 403);
    /// `InvalidParameterValue`, 400 (STS semantic validation).
    pub const INVALID_PARAMETER_VALUE: Self = Self::new("InvalidParameterValue", 400);
    /// `MalformedQueryString`, 404: undecodable form or query string.
    pub const MALFORMED_QUERY_STRING: Self = Self::new("MalformedQueryString", 404);
    /// `MissingAction`, 400.
    pub const MISSING_ACTION: Self = Self::new("MissingAction", 400);
    /// `MissingAuthenticationToken`, 403.
    pub const MISSING_AUTHENTICATION_TOKEN: Self = Self::new("MissingAuthenticationToken", 403);
    /// `ServiceUnavailable`, 503.
    pub const SERVICE_UNAVAILABLE: Self = Self::new("ServiceUnavailable", 503);
    /// `SignatureDoesNotMatch`, 403.
    pub const SIGNATURE_DOES_NOT_MATCH: Self = Self::new("SignatureDoesNotMatch", 403);
    /// `Throttling`, 400 (message `Rate exceeded`).
    pub const THROTTLING: Self = Self::new("Throttling", 400);
    /// `ValidationError`, 400: a model constraint was violated (api.md §1.6).
    pub const VALIDATION_ERROR: Self = Self::new("ValidationError", 400);
}

/// The error body (api.md §1.7):
/// `<ErrorResponse xmlns=…><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`.
///
/// `message` is `None` only where AWS sends none (`ReportNotPresent`).
#[must_use]
pub fn error_response(
    service: Service,
    error: &ServiceError,
    message: Option<&str>,
    request_id: &str,
) -> String {
    let mut w = XmlWriter::new();
    w.start_with_namespace("ErrorResponse", service.namespace());
    w.start("Error");
    w.element("Type", error.fault.as_str());
    w.element("Code", error.code);
    if let Some(message) = message {
        w.element("Message", message);
    }
    w.end("Error");
    w.element("RequestId", request_id);
    w.end("ErrorResponse");
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fault_follows_status() {
        assert_eq!(ServiceError::INTERNAL_FAILURE.fault, Fault::Receiver);
        assert_eq!(ServiceError::SERVICE_UNAVAILABLE.fault, Fault::Receiver);
        assert_eq!(ServiceError::ACCESS_DENIED.fault, Fault::Sender);
    }

    #[test]
    fn envelope_without_message() {
        let e = ServiceError::new("ReportNotPresent", 410);
        assert_eq!(
            error_response(Service::Iam, &e, None, "id"),
            "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>ReportNotPresent</Code></Error><RequestId>id</RequestId></ErrorResponse>"
        );
    }
}
