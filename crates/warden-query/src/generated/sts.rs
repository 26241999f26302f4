//! STS types generated from botocore's `sts/2011-06-15/service-2.json` model (botocore 1.43.11).
//!
//! Do not edit: run `python3 tools/codegen/gen_query.py` (checked by
//! `tools/codegen/check.sh`). Operations, their inputs with `from_query` (api.md §1.2, §1.6),
//! their outputs with `write_xml` (api.md §1.3, §1.4) and the modelled errors (Appendix B).

use std::fmt;

use crate::decode::QueryParams;
use crate::encode::{Timestamp, WriteXml, XmlWriter};
use crate::error::ServiceError;
use crate::validate::{Decoder, IntRule, ListRule, Pattern, StringRule, ValidationErrors, compile};
use crate::{FromQuery, OutputKind, Service};

/// Every STS operation of the model, alphabetical.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StsOperation {
    /// Returns a set of temporary security credentials that you can use to access Amazon Web Services resources.
    AssumeRole,
    /// Returns a set of temporary security credentials for users who have been authenticated via a SAML authentication response.
    AssumeRoleWithSAML,
    /// Returns a set of temporary security credentials for users who have been authenticated in a mobile or web application with a web identity provider.
    AssumeRoleWithWebIdentity,
    /// Returns a set of short term credentials you can use to perform privileged tasks on a member account in your organization.
    AssumeRoot,
    /// Decodes additional information about the authorization status of a request from an encoded message returned in response to an Amazon Web Services request.
    DecodeAuthorizationMessage,
    /// Returns the account identifier for the specified access key ID.
    GetAccessKeyInfo,
    /// Returns details about the IAM user or role whose credentials are used to call the operation.
    GetCallerIdentity,
    /// Exchanges a trade-in token for temporary Amazon Web Services credentials with the permissions associated with the assumed principal.
    GetDelegatedAccessToken,
    /// Returns a set of temporary security credentials (consisting of an access key ID, a secret access key, and a security token) for a user.
    GetFederationToken,
    /// Returns a set of temporary credentials for an Amazon Web Services account or IAM user.
    GetSessionToken,
    /// Returns a signed JSON Web Token (JWT) that represents the calling Amazon Web Services identity.
    GetWebIdentityToken,
}

impl StsOperation {
    /// All 11 operations, alphabetical.
    pub const ALL: [Self; 11] = [
        Self::AssumeRole,
        Self::AssumeRoleWithSAML,
        Self::AssumeRoleWithWebIdentity,
        Self::AssumeRoot,
        Self::DecodeAuthorizationMessage,
        Self::GetAccessKeyInfo,
        Self::GetCallerIdentity,
        Self::GetDelegatedAccessToken,
        Self::GetFederationToken,
        Self::GetSessionToken,
        Self::GetWebIdentityToken,
    ];

    /// The operation named by an `Action` parameter (case-sensitive).
    #[must_use]
    pub fn from_action(action: &str) -> Option<Self> {
        match action {
            "AssumeRole" => Some(Self::AssumeRole),
            "AssumeRoleWithSAML" => Some(Self::AssumeRoleWithSAML),
            "AssumeRoleWithWebIdentity" => Some(Self::AssumeRoleWithWebIdentity),
            "AssumeRoot" => Some(Self::AssumeRoot),
            "DecodeAuthorizationMessage" => Some(Self::DecodeAuthorizationMessage),
            "GetAccessKeyInfo" => Some(Self::GetAccessKeyInfo),
            "GetCallerIdentity" => Some(Self::GetCallerIdentity),
            "GetDelegatedAccessToken" => Some(Self::GetDelegatedAccessToken),
            "GetFederationToken" => Some(Self::GetFederationToken),
            "GetSessionToken" => Some(Self::GetSessionToken),
            "GetWebIdentityToken" => Some(Self::GetWebIdentityToken),
            _ => None,
        }
    }

    /// The `Action` name.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::AssumeRole => "AssumeRole",
            Self::AssumeRoleWithSAML => "AssumeRoleWithSAML",
            Self::AssumeRoleWithWebIdentity => "AssumeRoleWithWebIdentity",
            Self::AssumeRoot => "AssumeRoot",
            Self::DecodeAuthorizationMessage => "DecodeAuthorizationMessage",
            Self::GetAccessKeyInfo => "GetAccessKeyInfo",
            Self::GetCallerIdentity => "GetCallerIdentity",
            Self::GetDelegatedAccessToken => "GetDelegatedAccessToken",
            Self::GetFederationToken => "GetFederationToken",
            Self::GetSessionToken => "GetSessionToken",
            Self::GetWebIdentityToken => "GetWebIdentityToken",
        }
    }

    /// Whether the response has a result element (api.md §1.3 rules 2-3).
    #[must_use]
    pub const fn output(self) -> OutputKind {
        match self {
            Self::AssumeRole
            | Self::AssumeRoleWithSAML
            | Self::AssumeRoleWithWebIdentity
            | Self::AssumeRoot
            | Self::DecodeAuthorizationMessage
            | Self::GetAccessKeyInfo
            | Self::GetCallerIdentity
            | Self::GetDelegatedAccessToken
            | Self::GetFederationToken
            | Self::GetSessionToken
            | Self::GetWebIdentityToken => OutputKind::Result,
        }
    }
}

/// A decoded, validated STS request: one variant per operation.
#[allow(
    clippy::large_enum_variant,
    reason = "built once per request and moved into the handler; boxing would only add an allocation"
)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StsRequest {
    /// `AssumeRole`.
    AssumeRole(AssumeRoleInput),
    /// `AssumeRoleWithSAML`.
    AssumeRoleWithSAML(AssumeRoleWithSAMLInput),
    /// `AssumeRoleWithWebIdentity`.
    AssumeRoleWithWebIdentity(AssumeRoleWithWebIdentityInput),
    /// `AssumeRoot`.
    AssumeRoot(AssumeRootInput),
    /// `DecodeAuthorizationMessage`.
    DecodeAuthorizationMessage(DecodeAuthorizationMessageInput),
    /// `GetAccessKeyInfo`.
    GetAccessKeyInfo(GetAccessKeyInfoInput),
    /// `GetCallerIdentity`.
    GetCallerIdentity(GetCallerIdentityInput),
    /// `GetDelegatedAccessToken`.
    GetDelegatedAccessToken(GetDelegatedAccessTokenInput),
    /// `GetFederationToken`.
    GetFederationToken(GetFederationTokenInput),
    /// `GetSessionToken`.
    GetSessionToken(GetSessionTokenInput),
    /// `GetWebIdentityToken`.
    GetWebIdentityToken(GetWebIdentityTokenInput),
}

impl StsRequest {
    /// Decodes and validates the input of `operation` from the request parameters.
    ///
    /// # Errors
    ///
    /// [`ValidationErrors`] listing every violated model constraint (api.md §1.6).
    pub fn from_query(
        operation: StsOperation,
        params: &QueryParams,
    ) -> Result<Self, ValidationErrors> {
        Ok(match operation {
            StsOperation::AssumeRole => Self::AssumeRole(AssumeRoleInput::from_query(params)?),
            StsOperation::AssumeRoleWithSAML => {
                Self::AssumeRoleWithSAML(AssumeRoleWithSAMLInput::from_query(params)?)
            }
            StsOperation::AssumeRoleWithWebIdentity => {
                Self::AssumeRoleWithWebIdentity(AssumeRoleWithWebIdentityInput::from_query(params)?)
            }
            StsOperation::AssumeRoot => Self::AssumeRoot(AssumeRootInput::from_query(params)?),
            StsOperation::DecodeAuthorizationMessage => Self::DecodeAuthorizationMessage(
                DecodeAuthorizationMessageInput::from_query(params)?,
            ),
            StsOperation::GetAccessKeyInfo => {
                Self::GetAccessKeyInfo(GetAccessKeyInfoInput::from_query(params)?)
            }
            StsOperation::GetCallerIdentity => {
                Self::GetCallerIdentity(GetCallerIdentityInput::from_query(params)?)
            }
            StsOperation::GetDelegatedAccessToken => {
                Self::GetDelegatedAccessToken(GetDelegatedAccessTokenInput::from_query(params)?)
            }
            StsOperation::GetFederationToken => {
                Self::GetFederationToken(GetFederationTokenInput::from_query(params)?)
            }
            StsOperation::GetSessionToken => {
                Self::GetSessionToken(GetSessionTokenInput::from_query(params)?)
            }
            StsOperation::GetWebIdentityToken => {
                Self::GetWebIdentityToken(GetWebIdentityTokenInput::from_query(params)?)
            }
        })
    }

    /// The operation this request is for.
    #[must_use]
    pub const fn operation(&self) -> StsOperation {
        match self {
            Self::AssumeRole(_) => StsOperation::AssumeRole,
            Self::AssumeRoleWithSAML(_) => StsOperation::AssumeRoleWithSAML,
            Self::AssumeRoleWithWebIdentity(_) => StsOperation::AssumeRoleWithWebIdentity,
            Self::AssumeRoot(_) => StsOperation::AssumeRoot,
            Self::DecodeAuthorizationMessage(_) => StsOperation::DecodeAuthorizationMessage,
            Self::GetAccessKeyInfo(_) => StsOperation::GetAccessKeyInfo,
            Self::GetCallerIdentity(_) => StsOperation::GetCallerIdentity,
            Self::GetDelegatedAccessToken(_) => StsOperation::GetDelegatedAccessToken,
            Self::GetFederationToken(_) => StsOperation::GetFederationToken,
            Self::GetSessionToken(_) => StsOperation::GetSessionToken,
            Self::GetWebIdentityToken(_) => StsOperation::GetWebIdentityToken,
        }
    }
}

/// The modelled error shapes of STS (api.md Appendix B), alphabetical.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StsError {
    /// The web identity token that was passed is expired or is not valid.
    ExpiredTokenException,
    /// The trade-in token provided in the request has expired and can no longer be exchanged for credentials.
    ExpiredTradeInTokenException,
    /// The request could not be fulfilled because the identity provider (IDP) that was asked to verify the incoming identity token could not be reached.
    IDPCommunicationErrorException,
    /// The identity provider (IdP) reported that authentication failed.
    IDPRejectedClaimException,
    /// The error returned if the message passed to DecodeAuthorizationMessage was invalid.
    InvalidAuthorizationMessageException,
    /// The web identity token that was passed could not be validated by Amazon Web Services.
    InvalidIdentityTokenException,
    /// The requested token payload size exceeds the maximum allowed size.
    JWTPayloadSizeExceededException,
    /// The request was rejected because the policy document was malformed.
    MalformedPolicyDocumentException,
    /// The outbound web identity federation feature is not enabled for this account.
    OutboundWebIdentityFederationDisabledException,
    /// The request was rejected because the total packed size of the session policies and session tags combined was too large.
    PackedPolicyTooLargeException,
    /// STS is not activated in the requested region for the account that is being asked to generate credentials.
    RegionDisabledException,
    /// The requested token duration would extend the session beyond its original expiration time.
    SessionDurationEscalationException,
}

impl StsError {
    /// All 12 error shapes, alphabetical.
    pub const ALL: [Self; 12] = [
        Self::ExpiredTokenException,
        Self::ExpiredTradeInTokenException,
        Self::IDPCommunicationErrorException,
        Self::IDPRejectedClaimException,
        Self::InvalidAuthorizationMessageException,
        Self::InvalidIdentityTokenException,
        Self::JWTPayloadSizeExceededException,
        Self::MalformedPolicyDocumentException,
        Self::OutboundWebIdentityFederationDisabledException,
        Self::PackedPolicyTooLargeException,
        Self::RegionDisabledException,
        Self::SessionDurationEscalationException,
    ];

    /// The model's shape name.
    #[must_use]
    pub const fn shape_name(self) -> &'static str {
        match self {
            Self::ExpiredTokenException => "ExpiredTokenException",
            Self::ExpiredTradeInTokenException => "ExpiredTradeInTokenException",
            Self::IDPCommunicationErrorException => "IDPCommunicationErrorException",
            Self::IDPRejectedClaimException => "IDPRejectedClaimException",
            Self::InvalidAuthorizationMessageException => "InvalidAuthorizationMessageException",
            Self::InvalidIdentityTokenException => "InvalidIdentityTokenException",
            Self::JWTPayloadSizeExceededException => "JWTPayloadSizeExceededException",
            Self::MalformedPolicyDocumentException => "MalformedPolicyDocumentException",
            Self::OutboundWebIdentityFederationDisabledException => {
                "OutboundWebIdentityFederationDisabledException"
            }
            Self::PackedPolicyTooLargeException => "PackedPolicyTooLargeException",
            Self::RegionDisabledException => "RegionDisabledException",
            Self::SessionDurationEscalationException => "SessionDurationEscalationException",
        }
    }

    /// How the error goes on the wire: `error.code` of the model (the shape name when
    /// absent), `error.httpStatusCode` (400 when absent), fault from the status.
    #[must_use]
    pub const fn service_error(self) -> ServiceError {
        match self {
            Self::ExpiredTokenException => ServiceError::new("ExpiredTokenException", 400),
            Self::ExpiredTradeInTokenException => {
                ServiceError::new("ExpiredTradeInTokenException", 400)
            }
            Self::IDPCommunicationErrorException => ServiceError::new("IDPCommunicationError", 400),
            Self::IDPRejectedClaimException => ServiceError::new("IDPRejectedClaim", 403),
            Self::InvalidAuthorizationMessageException => {
                ServiceError::new("InvalidAuthorizationMessageException", 400)
            }
            Self::InvalidIdentityTokenException => ServiceError::new("InvalidIdentityToken", 400),
            Self::JWTPayloadSizeExceededException => {
                ServiceError::new("JWTPayloadSizeExceededException", 400)
            }
            Self::MalformedPolicyDocumentException => {
                ServiceError::new("MalformedPolicyDocument", 400)
            }
            Self::OutboundWebIdentityFederationDisabledException => {
                ServiceError::new("OutboundWebIdentityFederationDisabledException", 403)
            }
            Self::PackedPolicyTooLargeException => ServiceError::new("PackedPolicyTooLarge", 400),
            Self::RegionDisabledException => ServiceError::new("RegionDisabledException", 403),
            Self::SessionDurationEscalationException => {
                ServiceError::new("SessionDurationEscalationException", 403)
            }
        }
    }
}

/// Input of `AssumeRole`.
///
/// Returns a set of temporary security credentials that you can use to access Amazon Web Services resources.
///
/// Model shape `AssumeRoleRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AssumeRoleInput {
    /// The Amazon Resource Name (ARN) of the role to assume.
    pub role_arn: String,
    /// An identifier for the assumed role session.
    pub role_session_name: String,
    /// The Amazon Resource Names (ARNs) of the IAM managed policies that you want to use as managed session policies.
    pub policy_arns: Option<Vec<PolicyDescriptorType>>,
    /// An IAM policy in JSON format that you want to use as an inline session policy.
    pub policy: Option<String>,
    /// The duration, in seconds, of the role session.
    pub duration_seconds: Option<i32>,
    /// A list of session tags that you want to pass.
    pub tags: Option<Vec<Tag>>,
    /// A list of keys for session tags that you want to set as transitive.
    pub transitive_tag_keys: Option<Vec<String>>,
    /// A unique identifier that might be required when you assume a role in another account.
    pub external_id: Option<String>,
    /// The identification number of the MFA device that is associated with the user who is making the AssumeRole call.
    pub serial_number: Option<String>,
    /// The value provided by the MFA device, if the trust policy of the role being assumed requires MFA.
    pub token_code: Option<String>,
    /// The source identity specified by the principal that is calling the AssumeRole operation.
    pub source_identity: Option<String>,
    /// A list of previously acquired trusted context assertions in the format of a JSON array.
    pub provided_contexts: Option<Vec<ProvidedContext>>,
}

impl AssumeRoleInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let role_arn_ = d.string(key, path, "RoleArn", &STR_ARN_TYPE, true);
        let role_session_name_ = d.string(
            key,
            path,
            "RoleSessionName",
            &STR_ROLE_SESSION_NAME_TYPE,
            true,
        );
        let policy_arns_ = d.struct_list(
            key,
            path,
            "PolicyArns",
            &LIST_POLICY_DESCRIPTOR_LIST_TYPE,
            false,
            PolicyDescriptorType::decode,
        );
        let policy_ = d.string(
            key,
            path,
            "Policy",
            &STR_UNRESTRICTED_SESSION_POLICY_DOCUMENT_TYPE,
            false,
        );
        let duration_seconds_ = d.int(
            key,
            path,
            "DurationSeconds",
            &INT_ROLE_DURATION_SECONDS_TYPE,
            false,
        );
        let tags_ = d.struct_list(key, path, "Tags", &LIST_TAG_LIST_TYPE, false, Tag::decode);
        let transitive_tag_keys_ = d.string_list(
            key,
            path,
            "TransitiveTagKeys",
            &LIST_TAG_KEY_LIST_TYPE,
            &STR_TAG_KEY_TYPE,
            false,
        );
        let external_id_ = d.string(key, path, "ExternalId", &STR_EXTERNAL_ID_TYPE, false);
        let serial_number_ = d.string(key, path, "SerialNumber", &STR_SERIAL_NUMBER_TYPE, false);
        let token_code_ = d.string(key, path, "TokenCode", &STR_TOKEN_CODE_TYPE, false);
        let source_identity_ = d.string(
            key,
            path,
            "SourceIdentity",
            &STR_SOURCE_IDENTITY_TYPE,
            false,
        );
        let provided_contexts_ = d.struct_list(
            key,
            path,
            "ProvidedContexts",
            &LIST_PROVIDED_CONTEXTS_LIST_TYPE,
            false,
            ProvidedContext::decode,
        );
        Some(Self {
            role_arn: role_arn_?,
            role_session_name: role_session_name_?,
            policy_arns: policy_arns_,
            policy: policy_,
            duration_seconds: duration_seconds_,
            tags: tags_,
            transitive_tag_keys: transitive_tag_keys_,
            external_id: external_id_,
            serial_number: serial_number_,
            token_code: token_code_,
            source_identity: source_identity_,
            provided_contexts: provided_contexts_,
        })
    }
}

impl FromQuery for AssumeRoleInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Sts);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `AssumeRole`.
///
/// Contains the response to a successful AssumeRole request, including temporary Amazon Web Services credentials that can be used to make Amazon Web Services requests.
///
/// Model shape `AssumeRoleResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AssumeRoleOutput {
    /// The temporary security credentials, which include an access key ID, a secret access key, and a security (or session) token.
    pub credentials: Option<Credentials>,
    /// The Amazon Resource Name (ARN) and the assumed role ID, which are identifiers that you can use to refer to the resulting temporary security credentials.
    pub assumed_role_user: Option<AssumedRoleUser>,
    /// A percentage value that indicates the packed size of the session policies and session tags combined passed in the request.
    pub packed_policy_size: Option<i32>,
    /// The source identity specified by the principal that is calling the AssumeRole operation.
    pub source_identity: Option<String>,
}

impl WriteXml for AssumeRoleOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.credentials {
            w.start("Credentials");
            WriteXml::write_xml(v, w);
            w.end("Credentials");
        }
        if let Some(v) = &self.assumed_role_user {
            w.start("AssumedRoleUser");
            WriteXml::write_xml(v, w);
            w.end("AssumedRoleUser");
        }
        if let Some(v) = &self.packed_policy_size {
            w.int_element("PackedPolicySize", *v);
        }
        if let Some(v) = &self.source_identity {
            w.element("SourceIdentity", v);
        }
    }
}

/// Input of `AssumeRoleWithSAML`.
///
/// Returns a set of temporary security credentials for users who have been authenticated via a SAML authentication response.
///
/// Model shape `AssumeRoleWithSAMLRequest`.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct AssumeRoleWithSAMLInput {
    /// The Amazon Resource Name (ARN) of the role that the caller is assuming.
    pub role_arn: String,
    /// The Amazon Resource Name (ARN) of the SAML provider in IAM that describes the IdP.
    pub principal_arn: String,
    /// The base64 encoded SAML authentication response provided by the IdP.
    pub saml_assertion: String,
    /// The Amazon Resource Names (ARNs) of the IAM managed policies that you want to use as managed session policies.
    pub policy_arns: Option<Vec<PolicyDescriptorType>>,
    /// An IAM policy in JSON format that you want to use as an inline session policy.
    pub policy: Option<String>,
    /// The duration, in seconds, of the role session.
    pub duration_seconds: Option<i32>,
}

impl fmt::Debug for AssumeRoleWithSAMLInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AssumeRoleWithSAMLInput")
            .field("role_arn", &self.role_arn)
            .field("principal_arn", &self.principal_arn)
            .field("saml_assertion", &"<redacted>")
            .field("policy_arns", &self.policy_arns)
            .field("policy", &self.policy)
            .field("duration_seconds", &self.duration_seconds)
            .finish()
    }
}

impl AssumeRoleWithSAMLInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let role_arn_ = d.string(key, path, "RoleArn", &STR_ARN_TYPE, true);
        let principal_arn_ = d.string(key, path, "PrincipalArn", &STR_ARN_TYPE, true);
        let saml_assertion_ = d.string(key, path, "SAMLAssertion", &STR_SAML_ASSERTION_TYPE, true);
        let policy_arns_ = d.struct_list(
            key,
            path,
            "PolicyArns",
            &LIST_POLICY_DESCRIPTOR_LIST_TYPE,
            false,
            PolicyDescriptorType::decode,
        );
        let policy_ = d.string(
            key,
            path,
            "Policy",
            &STR_SESSION_POLICY_DOCUMENT_TYPE,
            false,
        );
        let duration_seconds_ = d.int(
            key,
            path,
            "DurationSeconds",
            &INT_ROLE_DURATION_SECONDS_TYPE,
            false,
        );
        Some(Self {
            role_arn: role_arn_?,
            principal_arn: principal_arn_?,
            saml_assertion: saml_assertion_?,
            policy_arns: policy_arns_,
            policy: policy_,
            duration_seconds: duration_seconds_,
        })
    }
}

impl FromQuery for AssumeRoleWithSAMLInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Sts);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `AssumeRoleWithSAML`.
///
/// Contains the response to a successful AssumeRoleWithSAML request, including temporary Amazon Web Services credentials that can be used to make Amazon Web Services requests.
///
/// Model shape `AssumeRoleWithSAMLResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AssumeRoleWithSAMLOutput {
    /// The temporary security credentials, which include an access key ID, a secret access key, and a security (or session) token.
    pub credentials: Option<Credentials>,
    /// The identifiers for the temporary security credentials that the operation returns.
    pub assumed_role_user: Option<AssumedRoleUser>,
    /// A percentage value that indicates the packed size of the session policies and session tags combined passed in the request.
    pub packed_policy_size: Option<i32>,
    /// The value of the NameID element in the Subject element of the SAML assertion.
    pub subject: Option<String>,
    /// The format of the name ID, as defined by the Format attribute in the NameID element of the SAML assertion.
    pub subject_type: Option<String>,
    /// The value of the Issuer element of the SAML assertion.
    pub issuer: Option<String>,
    /// The value of the Recipient attribute of the SubjectConfirmationData element of the SAML assertion.
    pub audience: Option<String>,
    /// A hash value based on the concatenation of the following: The Issuer response value.
    pub name_qualifier: Option<String>,
    /// The value in the SourceIdentity attribute in the SAML assertion.
    pub source_identity: Option<String>,
}

impl WriteXml for AssumeRoleWithSAMLOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.credentials {
            w.start("Credentials");
            WriteXml::write_xml(v, w);
            w.end("Credentials");
        }
        if let Some(v) = &self.assumed_role_user {
            w.start("AssumedRoleUser");
            WriteXml::write_xml(v, w);
            w.end("AssumedRoleUser");
        }
        if let Some(v) = &self.packed_policy_size {
            w.int_element("PackedPolicySize", *v);
        }
        if let Some(v) = &self.subject {
            w.element("Subject", v);
        }
        if let Some(v) = &self.subject_type {
            w.element("SubjectType", v);
        }
        if let Some(v) = &self.issuer {
            w.element("Issuer", v);
        }
        if let Some(v) = &self.audience {
            w.element("Audience", v);
        }
        if let Some(v) = &self.name_qualifier {
            w.element("NameQualifier", v);
        }
        if let Some(v) = &self.source_identity {
            w.element("SourceIdentity", v);
        }
    }
}

/// Input of `AssumeRoleWithWebIdentity`.
///
/// Returns a set of temporary security credentials for users who have been authenticated in a mobile or web application with a web identity provider.
///
/// Model shape `AssumeRoleWithWebIdentityRequest`.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct AssumeRoleWithWebIdentityInput {
    /// The Amazon Resource Name (ARN) of the role that the caller is assuming.
    pub role_arn: String,
    /// An identifier for the assumed role session.
    pub role_session_name: String,
    /// The OAuth 2.0 access token or OpenID Connect ID token that is provided by the identity provider.
    pub web_identity_token: String,
    /// The fully qualified host component of the domain name of the OAuth 2.0 identity provider.
    pub provider_id: Option<String>,
    /// The Amazon Resource Names (ARNs) of the IAM managed policies that you want to use as managed session policies.
    pub policy_arns: Option<Vec<PolicyDescriptorType>>,
    /// An IAM policy in JSON format that you want to use as an inline session policy.
    pub policy: Option<String>,
    /// The duration, in seconds, of the role session.
    pub duration_seconds: Option<i32>,
}

impl fmt::Debug for AssumeRoleWithWebIdentityInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AssumeRoleWithWebIdentityInput")
            .field("role_arn", &self.role_arn)
            .field("role_session_name", &self.role_session_name)
            .field("web_identity_token", &"<redacted>")
            .field("provider_id", &self.provider_id)
            .field("policy_arns", &self.policy_arns)
            .field("policy", &self.policy)
            .field("duration_seconds", &self.duration_seconds)
            .finish()
    }
}

impl AssumeRoleWithWebIdentityInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let role_arn_ = d.string(key, path, "RoleArn", &STR_ARN_TYPE, true);
        let role_session_name_ = d.string(
            key,
            path,
            "RoleSessionName",
            &STR_ROLE_SESSION_NAME_TYPE,
            true,
        );
        let web_identity_token_ =
            d.string(key, path, "WebIdentityToken", &STR_CLIENT_TOKEN_TYPE, true);
        let provider_id_ = d.string(key, path, "ProviderId", &STR_URL_TYPE, false);
        let policy_arns_ = d.struct_list(
            key,
            path,
            "PolicyArns",
            &LIST_POLICY_DESCRIPTOR_LIST_TYPE,
            false,
            PolicyDescriptorType::decode,
        );
        let policy_ = d.string(
            key,
            path,
            "Policy",
            &STR_SESSION_POLICY_DOCUMENT_TYPE,
            false,
        );
        let duration_seconds_ = d.int(
            key,
            path,
            "DurationSeconds",
            &INT_ROLE_DURATION_SECONDS_TYPE,
            false,
        );
        Some(Self {
            role_arn: role_arn_?,
            role_session_name: role_session_name_?,
            web_identity_token: web_identity_token_?,
            provider_id: provider_id_,
            policy_arns: policy_arns_,
            policy: policy_,
            duration_seconds: duration_seconds_,
        })
    }
}

impl FromQuery for AssumeRoleWithWebIdentityInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Sts);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `AssumeRoleWithWebIdentity`.
///
/// Contains the response to a successful AssumeRoleWithWebIdentity request, including temporary Amazon Web Services credentials that can be used to make Amazon Web Services requests.
///
/// Model shape `AssumeRoleWithWebIdentityResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AssumeRoleWithWebIdentityOutput {
    /// The temporary security credentials, which include an access key ID, a secret access key, and a security token.
    pub credentials: Option<Credentials>,
    /// The unique user identifier that is returned by the identity provider.
    pub subject_from_web_identity_token: Option<String>,
    /// The Amazon Resource Name (ARN) and the assumed role ID, which are identifiers that you can use to refer to the resulting temporary security credentials.
    pub assumed_role_user: Option<AssumedRoleUser>,
    /// A percentage value that indicates the packed size of the session policies and session tags combined passed in the request.
    pub packed_policy_size: Option<i32>,
    /// The issuing authority of the web identity token presented.
    pub provider: Option<String>,
    /// The intended audience (also known as client ID) of the web identity token.
    pub audience: Option<String>,
    /// The value of the source identity that is returned in the JSON web token (JWT) from the identity provider.
    pub source_identity: Option<String>,
}

impl WriteXml for AssumeRoleWithWebIdentityOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.credentials {
            w.start("Credentials");
            WriteXml::write_xml(v, w);
            w.end("Credentials");
        }
        if let Some(v) = &self.subject_from_web_identity_token {
            w.element("SubjectFromWebIdentityToken", v);
        }
        if let Some(v) = &self.assumed_role_user {
            w.start("AssumedRoleUser");
            WriteXml::write_xml(v, w);
            w.end("AssumedRoleUser");
        }
        if let Some(v) = &self.packed_policy_size {
            w.int_element("PackedPolicySize", *v);
        }
        if let Some(v) = &self.provider {
            w.element("Provider", v);
        }
        if let Some(v) = &self.audience {
            w.element("Audience", v);
        }
        if let Some(v) = &self.source_identity {
            w.element("SourceIdentity", v);
        }
    }
}

/// Input of `AssumeRoot`.
///
/// Returns a set of short term credentials you can use to perform privileged tasks on a member account in your organization.
///
/// Model shape `AssumeRootRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AssumeRootInput {
    /// The member account principal ARN or account ID.
    pub target_principal: String,
    /// The identity based policy that scopes the session to the privileged tasks that can be performed.
    pub task_policy_arn: PolicyDescriptorType,
    /// The duration, in seconds, of the privileged session.
    pub duration_seconds: Option<i32>,
}

impl AssumeRootInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let target_principal_ = d.string(
            key,
            path,
            "TargetPrincipal",
            &STR_TARGET_PRINCIPAL_TYPE,
            true,
        );
        let task_policy_arn_ = d.structure(
            key,
            path,
            "TaskPolicyArn",
            true,
            PolicyDescriptorType::decode,
        );
        let duration_seconds_ = d.int(
            key,
            path,
            "DurationSeconds",
            &INT_ROOT_DURATION_SECONDS_TYPE,
            false,
        );
        Some(Self {
            target_principal: target_principal_?,
            task_policy_arn: task_policy_arn_?,
            duration_seconds: duration_seconds_,
        })
    }
}

impl FromQuery for AssumeRootInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Sts);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `AssumeRoot`.
///
/// Model shape `AssumeRootResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AssumeRootOutput {
    /// The temporary security credentials, which include an access key ID, a secret access key, and a security token.
    pub credentials: Option<Credentials>,
    /// The source identity specified by the principal that is calling the AssumeRoot operation.
    pub source_identity: Option<String>,
}

impl WriteXml for AssumeRootOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.credentials {
            w.start("Credentials");
            WriteXml::write_xml(v, w);
            w.end("Credentials");
        }
        if let Some(v) = &self.source_identity {
            w.element("SourceIdentity", v);
        }
    }
}

/// Input of `DecodeAuthorizationMessage`.
///
/// Decodes additional information about the authorization status of a request from an encoded message returned in response to an Amazon Web Services request.
///
/// Model shape `DecodeAuthorizationMessageRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DecodeAuthorizationMessageInput {
    /// The encoded message that was returned with the response.
    pub encoded_message: String,
}

impl DecodeAuthorizationMessageInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let encoded_message_ =
            d.string(key, path, "EncodedMessage", &STR_ENCODED_MESSAGE_TYPE, true);
        Some(Self {
            encoded_message: encoded_message_?,
        })
    }
}

impl FromQuery for DecodeAuthorizationMessageInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Sts);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `DecodeAuthorizationMessage`.
///
/// A document that contains additional information about the authorization status of a request from an encoded message that is returned in response to an Amazon Web Services request.
///
/// Model shape `DecodeAuthorizationMessageResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DecodeAuthorizationMessageOutput {
    /// The API returns a response with the decoded message.
    pub decoded_message: Option<String>,
}

impl WriteXml for DecodeAuthorizationMessageOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.decoded_message {
            w.element("DecodedMessage", v);
        }
    }
}

/// Input of `GetAccessKeyInfo`.
///
/// Returns the account identifier for the specified access key ID.
///
/// Model shape `GetAccessKeyInfoRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetAccessKeyInfoInput {
    /// The identifier of an access key.
    pub access_key_id: String,
}

impl GetAccessKeyInfoInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let access_key_id_ = d.string(key, path, "AccessKeyId", &STR_ACCESS_KEY_ID_TYPE, true);
        Some(Self {
            access_key_id: access_key_id_?,
        })
    }
}

impl FromQuery for GetAccessKeyInfoInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Sts);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `GetAccessKeyInfo`.
///
/// Model shape `GetAccessKeyInfoResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetAccessKeyInfoOutput {
    /// The number used to identify the Amazon Web Services account.
    pub account: Option<String>,
}

impl WriteXml for GetAccessKeyInfoOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.account {
            w.element("Account", v);
        }
    }
}

/// Input of `GetCallerIdentity`.
///
/// Returns details about the IAM user or role whose credentials are used to call the operation.
///
/// Model shape `GetCallerIdentityRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetCallerIdentityInput {}

impl GetCallerIdentityInput {
    fn decode(_d: &mut Decoder<'_>, _key: &str, _path: &str) -> Option<Self> {
        Some(Self {})
    }
}

impl FromQuery for GetCallerIdentityInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Sts);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `GetCallerIdentity`.
///
/// Contains the response to a successful GetCallerIdentity request, including information about the entity making the request.
///
/// Model shape `GetCallerIdentityResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetCallerIdentityOutput {
    /// The unique identifier of the calling entity.
    pub user_id: Option<String>,
    /// The Amazon Web Services account ID number of the account that owns or contains the calling entity.
    pub account: Option<String>,
    /// The Amazon Web Services ARN associated with the calling entity.
    pub arn: Option<String>,
}

impl WriteXml for GetCallerIdentityOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.user_id {
            w.element("UserId", v);
        }
        if let Some(v) = &self.account {
            w.element("Account", v);
        }
        if let Some(v) = &self.arn {
            w.element("Arn", v);
        }
    }
}

/// Input of `GetDelegatedAccessToken`.
///
/// Exchanges a trade-in token for temporary Amazon Web Services credentials with the permissions associated with the assumed principal.
///
/// Model shape `GetDelegatedAccessTokenRequest`.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct GetDelegatedAccessTokenInput {
    /// The token to exchange for temporary Amazon Web Services credentials.
    pub trade_in_token: String,
}

impl fmt::Debug for GetDelegatedAccessTokenInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GetDelegatedAccessTokenInput")
            .field("trade_in_token", &"<redacted>")
            .finish()
    }
}

impl GetDelegatedAccessTokenInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let trade_in_token_ = d.string(key, path, "TradeInToken", &STR_TRADE_IN_TOKEN_TYPE, true);
        Some(Self {
            trade_in_token: trade_in_token_?,
        })
    }
}

impl FromQuery for GetDelegatedAccessTokenInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Sts);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `GetDelegatedAccessToken`.
///
/// Model shape `GetDelegatedAccessTokenResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetDelegatedAccessTokenOutput {
    /// The `Credentials` member.
    pub credentials: Option<Credentials>,
    /// The percentage of the maximum policy size that is used by the session policy.
    pub packed_policy_size: Option<i32>,
    /// The Amazon Resource Name (ARN) of the principal that was assumed when obtaining the delegated access token.
    pub assumed_principal: Option<String>,
}

impl WriteXml for GetDelegatedAccessTokenOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.credentials {
            w.start("Credentials");
            WriteXml::write_xml(v, w);
            w.end("Credentials");
        }
        if let Some(v) = &self.packed_policy_size {
            w.int_element("PackedPolicySize", *v);
        }
        if let Some(v) = &self.assumed_principal {
            w.element("AssumedPrincipal", v);
        }
    }
}

/// Input of `GetFederationToken`.
///
/// Returns a set of temporary security credentials (consisting of an access key ID, a secret access key, and a security token) for a user.
///
/// Model shape `GetFederationTokenRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetFederationTokenInput {
    /// The name of the federated user.
    pub name: String,
    /// An IAM policy in JSON format that you want to use as an inline session policy.
    pub policy: Option<String>,
    /// The Amazon Resource Names (ARNs) of the IAM managed policies that you want to use as a managed session policy.
    pub policy_arns: Option<Vec<PolicyDescriptorType>>,
    /// The duration, in seconds, that the session should last.
    pub duration_seconds: Option<i32>,
    /// A list of session tags.
    pub tags: Option<Vec<Tag>>,
}

impl GetFederationTokenInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let name_ = d.string(key, path, "Name", &STR_USER_NAME_TYPE, true);
        let policy_ = d.string(
            key,
            path,
            "Policy",
            &STR_SESSION_POLICY_DOCUMENT_TYPE,
            false,
        );
        let policy_arns_ = d.struct_list(
            key,
            path,
            "PolicyArns",
            &LIST_POLICY_DESCRIPTOR_LIST_TYPE,
            false,
            PolicyDescriptorType::decode,
        );
        let duration_seconds_ = d.int(
            key,
            path,
            "DurationSeconds",
            &INT_DURATION_SECONDS_TYPE,
            false,
        );
        let tags_ = d.struct_list(key, path, "Tags", &LIST_TAG_LIST_TYPE, false, Tag::decode);
        Some(Self {
            name: name_?,
            policy: policy_,
            policy_arns: policy_arns_,
            duration_seconds: duration_seconds_,
            tags: tags_,
        })
    }
}

impl FromQuery for GetFederationTokenInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Sts);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `GetFederationToken`.
///
/// Contains the response to a successful GetFederationToken request, including temporary Amazon Web Services credentials that can be used to make Amazon Web Services requests.
///
/// Model shape `GetFederationTokenResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetFederationTokenOutput {
    /// The temporary security credentials, which include an access key ID, a secret access key, and a security (or session) token.
    pub credentials: Option<Credentials>,
    /// Identifiers for the federated user associated with the credentials (such as arn:aws:sts::123456789012:federated-user/Bob or 123456789012:Bob ).
    pub federated_user: Option<FederatedUser>,
    /// A percentage value that indicates the packed size of the session policies and session tags combined passed in the request.
    pub packed_policy_size: Option<i32>,
}

impl WriteXml for GetFederationTokenOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.credentials {
            w.start("Credentials");
            WriteXml::write_xml(v, w);
            w.end("Credentials");
        }
        if let Some(v) = &self.federated_user {
            w.start("FederatedUser");
            WriteXml::write_xml(v, w);
            w.end("FederatedUser");
        }
        if let Some(v) = &self.packed_policy_size {
            w.int_element("PackedPolicySize", *v);
        }
    }
}

/// Input of `GetSessionToken`.
///
/// Returns a set of temporary credentials for an Amazon Web Services account or IAM user.
///
/// Model shape `GetSessionTokenRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetSessionTokenInput {
    /// The duration, in seconds, that the credentials should remain valid.
    pub duration_seconds: Option<i32>,
    /// The identification number of the MFA device that is associated with the IAM user who is making the GetSessionToken call.
    pub serial_number: Option<String>,
    /// The value provided by the MFA device, if MFA is required.
    pub token_code: Option<String>,
}

impl GetSessionTokenInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let duration_seconds_ = d.int(
            key,
            path,
            "DurationSeconds",
            &INT_DURATION_SECONDS_TYPE,
            false,
        );
        let serial_number_ = d.string(key, path, "SerialNumber", &STR_SERIAL_NUMBER_TYPE, false);
        let token_code_ = d.string(key, path, "TokenCode", &STR_TOKEN_CODE_TYPE, false);
        Some(Self {
            duration_seconds: duration_seconds_,
            serial_number: serial_number_,
            token_code: token_code_,
        })
    }
}

impl FromQuery for GetSessionTokenInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Sts);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `GetSessionToken`.
///
/// Contains the response to a successful GetSessionToken request, including temporary Amazon Web Services credentials that can be used to make Amazon Web Services requests.
///
/// Model shape `GetSessionTokenResponse`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetSessionTokenOutput {
    /// The temporary security credentials, which include an access key ID, a secret access key, and a security (or session) token.
    pub credentials: Option<Credentials>,
}

impl WriteXml for GetSessionTokenOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.credentials {
            w.start("Credentials");
            WriteXml::write_xml(v, w);
            w.end("Credentials");
        }
    }
}

/// Input of `GetWebIdentityToken`.
///
/// Returns a signed JSON Web Token (JWT) that represents the calling Amazon Web Services identity.
///
/// Model shape `GetWebIdentityTokenRequest`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetWebIdentityTokenInput {
    /// The intended recipient of the web identity token.
    pub audience: Vec<String>,
    /// The duration, in seconds, for which the JSON Web Token (JWT) will remain valid.
    pub duration_seconds: Option<i32>,
    /// The cryptographic algorithm to use for signing the JSON Web Token (JWT).
    pub signing_algorithm: String,
    /// An optional list of tags to include in the JSON Web Token (JWT).
    pub tags: Option<Vec<Tag>>,
}

impl GetWebIdentityTokenInput {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let audience_ = d.string_list(
            key,
            path,
            "Audience",
            &LIST_WEB_IDENTITY_TOKEN_AUDIENCE_LIST_TYPE,
            &STR_WEB_IDENTITY_TOKEN_AUDIENCE_STRING_TYPE,
            true,
        );
        let duration_seconds_ = d.int(
            key,
            path,
            "DurationSeconds",
            &INT_WEB_IDENTITY_TOKEN_DURATION_SECONDS_TYPE,
            false,
        );
        let signing_algorithm_ =
            d.string(key, path, "SigningAlgorithm", &STR_JWT_ALGORITHM_TYPE, true);
        let tags_ = d.struct_list(key, path, "Tags", &LIST_TAG_LIST_TYPE, false, Tag::decode);
        Some(Self {
            audience: audience_?,
            duration_seconds: duration_seconds_,
            signing_algorithm: signing_algorithm_?,
            tags: tags_,
        })
    }
}

impl FromQuery for GetWebIdentityTokenInput {
    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {
        let mut d = Decoder::new(params, Service::Sts);
        let value = Self::decode(&mut d, "", "");
        d.finish(value)
    }
}

/// Output of `GetWebIdentityToken`.
///
/// Model shape `GetWebIdentityTokenResponse`.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct GetWebIdentityTokenOutput {
    /// A signed JSON Web Token (JWT) that represents the caller's Amazon Web Services identity.
    pub web_identity_token: Option<String>,
    /// The date and time when the web identity token expires, in UTC.
    pub expiration: Option<Timestamp>,
}

impl fmt::Debug for GetWebIdentityTokenOutput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GetWebIdentityTokenOutput")
            .field("web_identity_token", &"<redacted>")
            .field("expiration", &self.expiration)
            .finish()
    }
}

impl WriteXml for GetWebIdentityTokenOutput {
    fn write_xml(&self, w: &mut XmlWriter) {
        if let Some(v) = &self.web_identity_token {
            w.element("WebIdentityToken", v);
        }
        if let Some(v) = &self.expiration {
            w.timestamp_element("Expiration", *v);
        }
    }
}

/// The identifiers for the temporary security credentials that the operation returns.
///
/// Model shape `AssumedRoleUser`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AssumedRoleUser {
    /// A unique identifier that contains the role ID and the role session name of the role that is being assumed.
    pub assumed_role_id: String,
    /// The ARN of the temporary security credentials that are returned from the AssumeRole action.
    pub arn: String,
}

impl WriteXml for AssumedRoleUser {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.element("AssumedRoleId", &self.assumed_role_id);
        w.element("Arn", &self.arn);
    }
}

/// Amazon Web Services credentials for API authentication.
///
/// Model shape `Credentials`.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Credentials {
    /// The access key ID that identifies the temporary security credentials.
    pub access_key_id: String,
    /// The secret access key that can be used to sign requests.
    pub secret_access_key: String,
    /// The token that users must pass to the service API to use the temporary credentials.
    pub session_token: String,
    /// The date on which the current credentials expire.
    pub expiration: Timestamp,
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &"<redacted>")
            .field("session_token", &self.session_token)
            .field("expiration", &self.expiration)
            .finish()
    }
}

impl WriteXml for Credentials {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.element("AccessKeyId", &self.access_key_id);
        w.element("SecretAccessKey", &self.secret_access_key);
        w.element("SessionToken", &self.session_token);
        w.timestamp_element("Expiration", self.expiration);
    }
}

/// Identifiers for the federated user that is associated with the credentials.
///
/// Model shape `FederatedUser`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FederatedUser {
    /// The string that identifies the federated user associated with the credentials, similar to the unique ID of an IAM user.
    pub federated_user_id: String,
    /// The ARN that specifies the federated user that is associated with the credentials.
    pub arn: String,
}

impl WriteXml for FederatedUser {
    fn write_xml(&self, w: &mut XmlWriter) {
        w.element("FederatedUserId", &self.federated_user_id);
        w.element("Arn", &self.arn);
    }
}

/// A reference to the IAM managed policy that is passed as a session policy for a role session or a federated user session.
///
/// Model shape `PolicyDescriptorType`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PolicyDescriptorType {
    /// The Amazon Resource Name (ARN) of the IAM managed policy to use as a session policy for the role.
    pub arn: Option<String>,
}

impl PolicyDescriptorType {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let arn_ = d.string(key, path, "arn", &STR_ARN_TYPE, false);
        Some(Self { arn: arn_ })
    }
}

/// Contains information about the provided context.
///
/// Model shape `ProvidedContext`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProvidedContext {
    /// The context provider ARN from which the trusted context assertion was generated.
    pub provider_arn: Option<String>,
    /// The signed and encrypted trusted context assertion generated by the context provider.
    pub context_assertion: Option<String>,
}

impl ProvidedContext {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let provider_arn_ = d.string(key, path, "ProviderArn", &STR_ARN_TYPE, false);
        let context_assertion_ = d.string(
            key,
            path,
            "ContextAssertion",
            &STR_CONTEXT_ASSERTION_TYPE,
            false,
        );
        Some(Self {
            provider_arn: provider_arn_,
            context_assertion: context_assertion_,
        })
    }
}

/// You can pass custom key-value pair attributes when you assume a role or federate a user.
///
/// Model shape `Tag`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tag {
    /// The key for a session tag.
    pub key: String,
    /// The value for a session tag.
    pub value: String,
}

impl Tag {
    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {
        let key_ = d.string(key, path, "Key", &STR_TAG_KEY_TYPE, true);
        let value_ = d.string(key, path, "Value", &STR_TAG_VALUE_TYPE, true);
        Some(Self {
            key: key_?,
            value: value_?,
        })
    }
}

/// Model pattern `[\u0009\u000A\u000D\u0020-\u007E\u0085\u00A0-\uD7FF\uE000-\uFFFD\u10000-\u10FFFF]+`.
static PATTERN_1: Pattern = Pattern::new(
    r#"[\u0009\u000A\u000D\u0020-\u007E\u0085\u00A0-\uD7FF\uE000-\uFFFD\u10000-\u10FFFF]+"#,
    None,
    || {
        compile(
            r#"^(?:[\x{0009}\x{000A}\x{000D}\x{0020}-\x{007E}\x{0085}\x{00A0}-\x{D7FF}\x{E000}-\x{FFFD}\x{10000}-\x{10FFFF}]+)$"#,
        )
    },
);

/// Constraints of the model shape `arnType`.
static STR_ARN_TYPE: StringRule = StringRule {
    min: Some(20),
    max: Some(2048),
    pattern: Some(&PATTERN_1),
    enum_values: &[],
};

/// Model pattern `[\w+=,.@-]*`.
static PATTERN_2: Pattern = Pattern::new(r#"[\w+=,.@-]*"#, None, || {
    compile("^(?:[A-Za-z0-9_+=,.@-]*)$")
});

/// Constraints of the model shape `roleSessionNameType`.
static STR_ROLE_SESSION_NAME_TYPE: StringRule = StringRule {
    min: Some(2),
    max: Some(64),
    pattern: Some(&PATTERN_2),
    enum_values: &[],
};

/// Item-count constraints of the model shape `policyDescriptorListType`.
static LIST_POLICY_DESCRIPTOR_LIST_TYPE: ListRule = ListRule {
    min: None,
    max: None,
};

/// Model pattern `[\u0009\u000A\u000D\u0020-\u00FF]+`.
static PATTERN_3: Pattern = Pattern::new(r#"[\u0009\u000A\u000D\u0020-\u00FF]+"#, None, || {
    compile(r#"^(?:[\x{0009}\x{000A}\x{000D}\x{0020}-\x{00FF}]+)$"#)
});

/// Constraints of the model shape `unrestrictedSessionPolicyDocumentType`.
static STR_UNRESTRICTED_SESSION_POLICY_DOCUMENT_TYPE: StringRule = StringRule {
    min: Some(1),
    max: None,
    pattern: Some(&PATTERN_3),
    enum_values: &[],
};

/// Constraints of the model shape `roleDurationSecondsType`.
static INT_ROLE_DURATION_SECONDS_TYPE: IntRule = IntRule {
    min: Some(900),
    max: Some(43200),
};

/// Item-count constraints of the model shape `tagListType`.
static LIST_TAG_LIST_TYPE: ListRule = ListRule {
    min: None,
    max: Some(50),
};

/// Item-count constraints of the model shape `tagKeyListType`.
static LIST_TAG_KEY_LIST_TYPE: ListRule = ListRule {
    min: None,
    max: Some(50),
};

/// Model pattern `[\p{L}\p{Z}\p{N}_.:/=+\-@]+`.
static PATTERN_4: Pattern = Pattern::new(r#"[\p{L}\p{Z}\p{N}_.:/=+\-@]+"#, None, || {
    compile(r#"^(?:[\p{L}\p{Z}\p{N}_.:/=+\-@]+)$"#)
});

/// Constraints of the model shape `tagKeyType`.
static STR_TAG_KEY_TYPE: StringRule = StringRule {
    min: Some(1),
    max: Some(128),
    pattern: Some(&PATTERN_4),
    enum_values: &[],
};

/// Model pattern `[\w+=,.@:\/-]*`.
static PATTERN_5: Pattern = Pattern::new(r#"[\w+=,.@:\/-]*"#, None, || {
    compile(r#"^(?:[A-Za-z0-9_+=,.@:\/-]*)$"#)
});

/// Constraints of the model shape `externalIdType`.
static STR_EXTERNAL_ID_TYPE: StringRule = StringRule {
    min: Some(2),
    max: Some(1224),
    pattern: Some(&PATTERN_5),
    enum_values: &[],
};

/// Model pattern `[\w+=/:,.@-]*`.
static PATTERN_6: Pattern = Pattern::new(r#"[\w+=/:,.@-]*"#, None, || {
    compile("^(?:[A-Za-z0-9_+=/:,.@-]*)$")
});

/// Constraints of the model shape `serialNumberType`.
static STR_SERIAL_NUMBER_TYPE: StringRule = StringRule {
    min: Some(9),
    max: Some(256),
    pattern: Some(&PATTERN_6),
    enum_values: &[],
};

/// Model pattern `[\d]*`.
static PATTERN_7: Pattern = Pattern::new(r#"[\d]*"#, None, || compile("^(?:[0-9]*)$"));

/// Constraints of the model shape `tokenCodeType`.
static STR_TOKEN_CODE_TYPE: StringRule = StringRule {
    min: Some(6),
    max: Some(6),
    pattern: Some(&PATTERN_7),
    enum_values: &[],
};

/// Constraints of the model shape `sourceIdentityType`.
static STR_SOURCE_IDENTITY_TYPE: StringRule = StringRule {
    min: Some(2),
    max: Some(64),
    pattern: Some(&PATTERN_2),
    enum_values: &[],
};

/// Item-count constraints of the model shape `ProvidedContextsListType`.
static LIST_PROVIDED_CONTEXTS_LIST_TYPE: ListRule = ListRule {
    min: Some(1),
    max: Some(5),
};

/// Constraints of the model shape `SAMLAssertionType`.
static STR_SAML_ASSERTION_TYPE: StringRule = StringRule {
    min: Some(4),
    max: Some(100000),
    pattern: None,
    enum_values: &[],
};

/// Constraints of the model shape `sessionPolicyDocumentType`.
static STR_SESSION_POLICY_DOCUMENT_TYPE: StringRule = StringRule {
    min: Some(1),
    max: Some(2048),
    pattern: Some(&PATTERN_3),
    enum_values: &[],
};

/// Constraints of the model shape `clientTokenType`.
static STR_CLIENT_TOKEN_TYPE: StringRule = StringRule {
    min: Some(4),
    max: Some(20000),
    pattern: None,
    enum_values: &[],
};

/// Constraints of the model shape `urlType`.
static STR_URL_TYPE: StringRule = StringRule {
    min: Some(4),
    max: Some(2048),
    pattern: None,
    enum_values: &[],
};

/// Constraints of the model shape `TargetPrincipalType`.
static STR_TARGET_PRINCIPAL_TYPE: StringRule = StringRule {
    min: Some(12),
    max: Some(2048),
    pattern: None,
    enum_values: &[],
};

/// Constraints of the model shape `RootDurationSecondsType`.
static INT_ROOT_DURATION_SECONDS_TYPE: IntRule = IntRule {
    min: Some(0),
    max: Some(900),
};

/// Constraints of the model shape `encodedMessageType`.
static STR_ENCODED_MESSAGE_TYPE: StringRule = StringRule {
    min: Some(1),
    max: Some(10240),
    pattern: None,
    enum_values: &[],
};

/// Model pattern `[\w]*`.
static PATTERN_8: Pattern = Pattern::new(r#"[\w]*"#, None, || compile("^(?:[A-Za-z0-9_]*)$"));

/// Constraints of the model shape `accessKeyIdType`.
static STR_ACCESS_KEY_ID_TYPE: StringRule = StringRule {
    min: Some(16),
    max: Some(128),
    pattern: Some(&PATTERN_8),
    enum_values: &[],
};

/// Constraints of the model shape `tradeInTokenType`.
static STR_TRADE_IN_TOKEN_TYPE: StringRule = StringRule {
    min: None,
    max: None,
    pattern: None,
    enum_values: &[],
};

/// Constraints of the model shape `userNameType`.
static STR_USER_NAME_TYPE: StringRule = StringRule {
    min: Some(2),
    max: Some(32),
    pattern: Some(&PATTERN_2),
    enum_values: &[],
};

/// Constraints of the model shape `durationSecondsType`.
static INT_DURATION_SECONDS_TYPE: IntRule = IntRule {
    min: Some(900),
    max: Some(129600),
};

/// Item-count constraints of the model shape `webIdentityTokenAudienceListType`.
static LIST_WEB_IDENTITY_TOKEN_AUDIENCE_LIST_TYPE: ListRule = ListRule {
    min: Some(1),
    max: Some(10),
};

/// Constraints of the model shape `webIdentityTokenAudienceStringType`.
static STR_WEB_IDENTITY_TOKEN_AUDIENCE_STRING_TYPE: StringRule = StringRule {
    min: Some(1),
    max: Some(1000),
    pattern: None,
    enum_values: &[],
};

/// Constraints of the model shape `webIdentityTokenDurationSecondsType`.
static INT_WEB_IDENTITY_TOKEN_DURATION_SECONDS_TYPE: IntRule = IntRule {
    min: Some(60),
    max: Some(3600),
};

/// Constraints of the model shape `jwtAlgorithmType`.
static STR_JWT_ALGORITHM_TYPE: StringRule = StringRule {
    min: Some(5),
    max: Some(5),
    pattern: None,
    enum_values: &[],
};

/// Constraints of the model shape `contextAssertionType`.
static STR_CONTEXT_ASSERTION_TYPE: StringRule = StringRule {
    min: Some(4),
    max: Some(2048),
    pattern: None,
    enum_values: &[],
};

/// Model pattern `[\p{L}\p{Z}\p{N}_.:/=+\-@]*`.
static PATTERN_9: Pattern = Pattern::new(r#"[\p{L}\p{Z}\p{N}_.:/=+\-@]*"#, None, || {
    compile(r#"^(?:[\p{L}\p{Z}\p{N}_.:/=+\-@]*)$"#)
});

/// Constraints of the model shape `tagValueType`.
static STR_TAG_VALUE_TYPE: StringRule = StringRule {
    min: Some(0),
    max: Some(256),
    pattern: Some(&PATTERN_9),
    enum_values: &[],
};

/// Every pattern of the model, so that a test can compile each one.
#[cfg(test)]
pub(crate) static ALL_PATTERNS: [&Pattern; 9] = [
    &PATTERN_1, &PATTERN_2, &PATTERN_3, &PATTERN_4, &PATTERN_5, &PATTERN_6, &PATTERN_7, &PATTERN_8,
    &PATTERN_9,
];
