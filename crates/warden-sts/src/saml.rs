//! SAML 2.0 for AssumeRoleWithSAML (api.md §5.14, §6.4; policy.md `saml:*` keys): IdP
//! metadata parsing, XML-signature verification of a `samlp:Response`, and the claims the
//! STS handler needs.
//!
//! Pure: the caller looks up the provider named by `PrincipalArn`, passes its stored
//! metadata and the current time. Parsing uses `roxmltree`, which refuses DTDs (so no
//! entity expansion attacks and no external entities).
//!
//! Defence against signature wrapping: the document must hold exactly one `Assertion`, a
//! direct child of the `Response` root; a signature is only considered when it is a direct
//! child of the root or of that assertion and references its parent's unique `ID`
//! ([`dsig`]); claims are read only from that assertion node, which is therefore always
//! the signed element or a child of the signed root.
//!
//! Error texts: `Response signature invalid`, `Token must be redeemed within 5 minutes of
//! issuance`, `RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}` are
//! AWS's as reported by users; the others are `VERIFY`.

mod c14n;
mod dsig;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use roxmltree::{Document, Node};
use rsa::RsaPublicKey;
use rsa::pkcs8::DecodePublicKey;
use sha1::{Digest, Sha1};
use x509_cert::der::{Decode, Encode};

use crate::rules::{TagError, validate_session_tags};
use crate::saml_encryption::{DecryptError, DecryptionKey, decrypt_assertion};

use crate::token::Federation;
/// Element children of a node in one namespace with one local name (shared with
/// `saml_encryption`).
pub(crate) use dsig::children as element_children;

pub use c14n::{C14nError, Options as C14nOptions, canonicalize};

/// `samlp:` (SAML 2.0 protocol).
pub const PROTOCOL: &str = "urn:oasis:names:tc:SAML:2.0:protocol";
/// `saml:` (SAML 2.0 assertion).
pub const ASSERTION: &str = "urn:oasis:names:tc:SAML:2.0:assertion";
/// `md:` (SAML 2.0 metadata).
pub const METADATA: &str = "urn:oasis:names:tc:SAML:2.0:metadata";
/// `ds:` (XML-DSig).
pub const DS: &str = "http://www.w3.org/2000/09/xmldsig#";
/// Clock skew allowed on every time condition (api.md §6.4 step 6: ≤ 5 minutes).
pub const CLOCK_SKEW_SECONDS: i64 = 300;
/// The prefix of AWS's attribute names.
pub const AWS_ATTRIBUTES: &str = "https://aws.amazon.com/SAML/Attributes/";
/// The audiences AWS accepts by default (api.md §6.4 step 7). The sign-in URLs are also
/// accepted as audience values (`VERIFY`: AWS's newer documentation shows them there).
pub const DEFAULT_AUDIENCES: [&str; 3] = [
    "urn:amazon:webservices",
    "urn:amazon:webservices:govcloud",
    "urn:amazon:webservices:cn-north-1",
];
/// The global sign-in endpoint, AWS's default `Recipient`.
pub const SIGNIN_URL: &str = "https://signin.aws.amazon.com/saml";

const SUCCESS: &str = "urn:oasis:names:tc:SAML:2.0:status:Success";
const BEARER: &str = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
const PERSISTENT: &str = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
const TRANSIENT: &str = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";
const UNSPECIFIED: &str = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified";

/// Why a SAML response was refused. [`SamlError::kind`] gives the wire error family.
#[derive(Clone, Debug, Eq, PartialEq, thiserror::Error)]
pub enum SamlError {
    /// Not base64, not UTF-8, not well-formed XML, a DTD, or not a SAML 2.0 `Response`.
    #[error("Invalid SAML response: the response could not be parsed")]
    Malformed,
    /// The IdP answered with a status other than success.
    #[error("The identity provider reported that authentication failed: {0}")]
    Rejected(String),
    /// `EncryptedAssertion` but the provider has no private key (api.md §6.4 step 3;
    /// AWS's text is unrecorded, `VERIFY`).
    #[error(
        "The SAML assertion is encrypted and the identity provider has no private key to decrypt it"
    )]
    Encrypted,
    /// The `EncryptedAssertion` did not decrypt with the provider's private keys, or what
    /// it decrypted to is not one assertion. One message for every cause: AES-CBC has no
    /// integrity check, and telling padding, parse and key failures apart would make the
    /// endpoint an oracle for the attack on XML Encryption (Jager and Somorovsky, 2011).
    #[error("The SAML assertion could not be decrypted")]
    Decryption(DecryptError),
    /// Not exactly one `Assertion`, directly inside the `Response`.
    #[error("Invalid SAML response: exactly one assertion is required")]
    AssertionCount,
    /// No signature covers the assertion.
    #[error("Response signature invalid")]
    Unsigned,
    /// A signature does not verify (or its structure is not the enveloped form).
    #[error("Response signature invalid")]
    BadSignature,
    /// An algorithm outside the supported set (see [`dsig`]).
    #[error("Response signature invalid: unsupported algorithm")]
    UnsupportedAlgorithm,
    /// The assertion's `Issuer` is not the metadata `entityID`.
    #[error("Issuer of the SAML assertion does not match the identity provider's entity id")]
    Issuer,
    /// A `NotOnOrAfter` has passed.
    #[error("Token must be redeemed within 5 minutes of issuance")]
    Expired,
    /// `Conditions@NotBefore` is in the future.
    #[error("The SAML assertion is not yet valid")]
    NotYetValid,
    /// No accepted `Audience`.
    #[error("SAML assertion audience is not valid for this service")]
    Audience,
    /// No bearer `SubjectConfirmationData` with an accepted `Recipient`.
    #[error("SAML assertion recipient is not valid for this service")]
    Recipient,
    /// No `Subject/NameID`.
    #[error("SAML assertion is missing the subject NameID")]
    Subject,
    /// No `RoleSessionName` attribute.
    #[error("RoleSessionName is required in AuthnResponse")]
    MissingRoleSessionName,
    /// `RoleSessionName` of the wrong shape.
    #[error("RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{{2,64}}")]
    BadRoleSessionName,
    /// `SourceIdentity` of the wrong shape or with the reserved `aws:` prefix.
    #[error("SourceIdentity in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{{2,64}}")]
    BadSourceIdentity,
    /// A `PrincipalTag:` attribute without exactly one value, or a bad `SessionDuration`.
    #[error("Invalid SAML attribute {0}")]
    BadAttribute(String),
    /// Session tags break the AssumeRole tag rules (api.md §6.2 step 2).
    #[error(transparent)]
    Tags(TagError),
}

/// The wire error family of a [`SamlError`] (the server maps it to an AWS code).
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum SamlErrorKind {
    /// `InvalidIdentityToken` (400).
    InvalidIdentityToken,
    /// `IDPRejectedClaim` (403).
    IdpRejectedClaim,
    /// `ExpiredTokenException` (400).
    ExpiredToken,
    /// `InvalidParameterValue` (400): the session-tag rules.
    InvalidParameterValue,
}

impl SamlError {
    /// The wire error family.
    pub fn kind(&self) -> SamlErrorKind {
        match self {
            Self::Rejected(_) => SamlErrorKind::IdpRejectedClaim,
            Self::Expired => SamlErrorKind::ExpiredToken,
            Self::Tags(_) => SamlErrorKind::InvalidParameterValue,
            Self::Malformed
            | Self::Encrypted
            | Self::Decryption(_)
            | Self::AssertionCount
            | Self::Unsigned
            | Self::BadSignature
            | Self::UnsupportedAlgorithm
            | Self::Issuer
            | Self::NotYetValid
            | Self::Audience
            | Self::Recipient
            | Self::Subject
            | Self::MissingRoleSessionName
            | Self::BadRoleSessionName
            | Self::BadSourceIdentity
            | Self::BadAttribute(_) => SamlErrorKind::InvalidIdentityToken,
        }
    }
}

/// Why metadata was refused (api.md §5.14: `InvalidInput` `Could not parse metadata`).
#[derive(Clone, Copy, Debug, Eq, PartialEq, thiserror::Error)]
pub enum MetadataError {
    /// Not a SAML 2.0 `EntityDescriptor` with an `IDPSSODescriptor` holding at least one
    /// RSA signing certificate.
    #[error("Could not parse metadata")]
    Invalid,
}

/// What a provider's metadata says (api.md §5.14).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct IdpMetadata {
    /// `entityID`: the expected `Issuer` of assertions.
    pub entity_id: String,
    /// `validUntil` (Unix seconds), when present.
    pub valid_until: Option<i64>,
    /// The RSA keys of the signing certificates (`KeyDescriptor use="signing"` or without
    /// `use`).
    pub signing_keys: Vec<RsaPublicKey>,
}

/// Parses IdP metadata (api.md §5.14).
pub fn parse_metadata(xml: &str) -> Result<IdpMetadata, MetadataError> {
    let doc = Document::parse(xml).map_err(|_| MetadataError::Invalid)?;
    let root = doc.root_element();
    if !root.has_tag_name((METADATA, "EntityDescriptor")) {
        return Err(MetadataError::Invalid);
    }
    let entity_id = root
        .attribute("entityID")
        .filter(|e| !e.trim().is_empty())
        .ok_or(MetadataError::Invalid)?
        .to_owned();
    let valid_until = match root.attribute("validUntil") {
        Some(v) => Some(parse_datetime(v).ok_or(MetadataError::Invalid)?),
        None => None,
    };
    let mut signing_keys = Vec::new();
    let mut idp_descriptors = 0;
    for idp in dsig::children(root, METADATA, "IDPSSODescriptor") {
        idp_descriptors += 1;
        for kd in dsig::children(idp, METADATA, "KeyDescriptor") {
            if !matches!(kd.attribute("use"), None | Some("signing")) {
                continue;
            }
            let certs = kd
                .descendants()
                .filter(|n| n.is_element() && n.has_tag_name((DS, "X509Certificate")));
            for cert in certs {
                let der =
                    dsig::decode_base64(cert.text().unwrap_or("")).ok_or(MetadataError::Invalid)?;
                // Non-RSA certificates are skipped: only RSA signatures are verified.
                if let Some(key) = certificate_rsa_key(&der)? {
                    signing_keys.push(key);
                }
            }
        }
    }
    if idp_descriptors == 0 || signing_keys.is_empty() {
        return Err(MetadataError::Invalid);
    }
    Ok(IdpMetadata {
        entity_id,
        valid_until,
        signing_keys,
    })
}

/// The RSA public key of a DER certificate; `None` for other key types.
fn certificate_rsa_key(der: &[u8]) -> Result<Option<RsaPublicKey>, MetadataError> {
    let cert = x509_cert::Certificate::from_der(der).map_err(|_| MetadataError::Invalid)?;
    let spki = cert
        .tbs_certificate
        .subject_public_key_info
        .to_der()
        .map_err(|_| MetadataError::Invalid)?;
    Ok(RsaPublicKey::from_public_key_der(&spki).ok())
}

/// `xs:dateTime` (`2026-01-01T00:00:00Z`, optional fraction and offset; none means UTC)
/// to Unix seconds.
pub fn parse_datetime(text: &str) -> Option<i64> {
    // Fixed-width digit fields only, so that no value can overflow the arithmetic below.
    fn field(s: &str, width: usize) -> Option<i64> {
        if s.len() == width && s.bytes().all(|b| b.is_ascii_digit()) {
            s.parse().ok()
        } else {
            None
        }
    }
    let text = text.trim();
    let (date, rest) = text.split_once('T')?;
    let mut d = date.split('-');
    let (year, month, day) = (
        field(d.next()?, 4)?,
        field(d.next()?, 2)?,
        field(d.next()?, 2)?,
    );
    if d.next().is_some() || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let (clock, offset) = if let Some(c) = rest.strip_suffix('Z') {
        (c, 0)
    } else if let Some(i) = rest.rfind(['+', '-']).filter(|i| *i >= 8) {
        let (c, o) = rest.split_at(i);
        let sign = if o.starts_with('-') { -1 } else { 1 };
        let (h, m) = o.get(1..)?.split_once(':')?;
        let (h, m) = (field(h, 2)?, field(m, 2)?);
        if h > 14 || m > 59 {
            return None;
        }
        (c, sign * (h * 3600 + m * 60))
    } else {
        (rest, 0)
    };
    let mut t = clock.split(':');
    let hour = field(t.next()?, 2)?;
    let minute = field(t.next()?, 2)?;
    let mut seconds = t.next()?.split('.');
    let second = field(seconds.next()?, 2)?;
    let fraction_ok = seconds
        .next()
        .is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
    if t.next().is_some() || seconds.next().is_some() || !fraction_ok {
        return None;
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    // Days from the civil date (Howard Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + hour * 3600 + minute * 60 + second - offset)
}

/// What the verifier accepts besides AWS's defaults, and when it runs.
#[derive(Clone, Debug, Default)]
pub struct VerifyOptions {
    /// The current time (Unix seconds).
    pub now: i64,
    /// Accept RSA-SHA1 signatures and SHA-1 digests (api.md §6.4 step 4: only if
    /// configured).
    pub allow_sha1: bool,
    /// Further accepted `Audience` values (this installation's own URL).
    pub extra_audiences: Vec<String>,
    /// Further accepted `Recipient` values (this installation's own URL).
    pub extra_recipients: Vec<String>,
}

impl VerifyOptions {
    fn audience_ok(&self, audience: &str) -> bool {
        DEFAULT_AUDIENCES.contains(&audience)
            || is_signin_url(audience)
            || self.extra_audiences.iter().any(|a| a == audience)
    }

    fn recipient_ok(&self, recipient: &str) -> bool {
        is_signin_url(recipient) || self.extra_recipients.iter().any(|r| r == recipient)
    }
}

/// `https://signin.aws.amazon.com/saml` or `https://<region>.signin.aws.amazon.com/saml`.
fn is_signin_url(url: &str) -> bool {
    if url == SIGNIN_URL {
        return true;
    }
    url.strip_prefix("https://")
        .and_then(|u| u.strip_suffix(".signin.aws.amazon.com/saml"))
        .is_some_and(|region| {
            !region.is_empty()
                && region
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
}

/// The verified content of a SAML assertion.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct SamlAssertion {
    /// The assertion `ID` (replay detection).
    pub id: String,
    /// `Issuer` (= the metadata `entityID`).
    pub issuer: String,
    /// `Subject/NameID` (`saml:sub`, result `Subject`).
    pub subject: String,
    /// `persistent`, `transient` or the full `Format` URI (`saml:sub_type`).
    pub subject_type: String,
    /// The accepted `SubjectConfirmationData@Recipient` (`saml:aud`, result `Audience`).
    pub recipient: String,
    /// The earliest `NotOnOrAfter` of the conditions and the subject confirmation.
    pub not_on_or_after: Option<i64>,
    /// `AuthnStatement@SessionNotOnOrAfter` (caps the session, api.md §6.4 step 13).
    pub session_not_on_or_after: Option<i64>,
    /// The `Role` attribute values as (role ARN, provider ARN) pairs.
    pub roles: Vec<(String, String)>,
    /// The `RoleSessionName` attribute.
    pub role_session_name: String,
    /// The `SessionDuration` attribute (console sessions only; not used for API
    /// credentials, api.md §6.4 step 10).
    pub session_duration: Option<i64>,
    /// The `SourceIdentity` attribute.
    pub source_identity: Option<String>,
    /// `PrincipalTag:<Key>` attributes, in document order.
    pub tags: Vec<(String, String)>,
    /// The `TransitiveTagKeys` attribute values.
    pub transitive_tag_keys: Vec<String>,
    /// Every attribute as (`Name`, `FriendlyName`, values), for the `saml:*` keys.
    pub attributes: Vec<(String, Option<String>, Vec<String>)>,
}

/// Decodes the `SAMLAssertion` parameter (base64 of the `Response` XML).
pub fn decode_response(saml_assertion: &str) -> Result<String, SamlError> {
    let bytes = dsig::decode_base64(saml_assertion).ok_or(SamlError::Malformed)?;
    String::from_utf8(bytes).map_err(|_| SamlError::Malformed)
}

/// The `Response` root with a success status (api.md §6.4 step 1).
fn response_root<'a, 'i>(doc: &'a Document<'i>) -> Result<Node<'a, 'i>, SamlError> {
    let root = doc.root_element();
    if !root.has_tag_name((PROTOCOL, "Response")) || root.attribute("Version") != Some("2.0") {
        return Err(SamlError::Malformed);
    }
    let status = dsig::children(root, PROTOCOL, "Status")
        .next()
        .and_then(|s| dsig::children(s, PROTOCOL, "StatusCode").next())
        .and_then(|c| c.attribute("Value"))
        .ok_or(SamlError::Malformed)?;
    if status != SUCCESS {
        return Err(SamlError::Rejected(status.to_owned()));
    }
    Ok(root)
}

/// What step 1 saw of a response (see [`check_response`]).
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub struct ResponseShape {
    /// It carries an `EncryptedAssertion`: only then are the provider's private keys needed.
    pub encrypted: bool,
}

/// Step 1 alone: the XML parses and is a successful SAML 2.0 `Response` (checked before
/// the provider is looked up).
pub fn check_response(xml: &str) -> Result<ResponseShape, SamlError> {
    let doc = Document::parse(xml).map_err(|_| SamlError::Malformed)?;
    response_root(&doc)?;
    Ok(ResponseShape {
        encrypted: doc
            .descendants()
            .any(|n| n.is_element() && n.has_tag_name((ASSERTION, "EncryptedAssertion"))),
    })
}

fn child_text<'a>(node: Node<'a, '_>, ns: &'static str, local: &'static str) -> Option<&'a str> {
    dsig::children(node, ns, local)
        .next()
        .and_then(|n| n.text())
        .map(str::trim)
}

fn time_attr(node: Node<'_, '_>, name: &str) -> Result<Option<i64>, SamlError> {
    node.attribute(name)
        .map(|v| parse_datetime(v).ok_or(SamlError::Malformed))
        .transpose()
}

/// `[\w+=,.@-]{2,64}`, the shape of session names and source identities.
fn is_session_name(s: &str) -> bool {
    (2..=64).contains(&s.chars().count())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "_+=,.@-".contains(c))
}

/// Verifies a decoded `Response` against the provider's metadata (api.md §6.4 steps 1,
/// 3–10) and returns the claims of its one assertion. An encrypted assertion is refused
/// ([`SamlError::Encrypted`]): see [`verify_response_decrypting`].
pub fn verify_response(
    xml: &str,
    metadata: &IdpMetadata,
    options: &VerifyOptions,
) -> Result<SamlAssertion, SamlError> {
    verify_response_decrypting(xml, metadata, options, &[]).map(|v| v.assertion)
}

/// What [`verify_response_decrypting`] established.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct VerifiedResponse {
    /// The claims of the one assertion.
    pub assertion: SamlAssertion,
    /// Whether it arrived as an `EncryptedAssertion` (`AssertionEncryptionMode=Required`
    /// accepts nothing else).
    pub encrypted: bool,
}

/// [`verify_response`] for a provider with private keys: a `Response` carrying one
/// `EncryptedAssertion` instead of an `Assertion` is decrypted with `keys` (api.md §6.4
/// step 3). A signature on the `Response` is verified as received (it covers the encrypted
/// form); a signature inside the decrypted assertion is verified on the decrypted
/// element. One of them must exist, and the claims are read only from the decrypted
/// element.
pub fn verify_response_decrypting(
    xml: &str,
    metadata: &IdpMetadata,
    options: &VerifyOptions,
    keys: &[DecryptionKey],
) -> Result<VerifiedResponse, SamlError> {
    let doc = Document::parse(xml).map_err(|_| SamlError::Malformed)?;
    let root = response_root(&doc)?;
    let named =
        |n: &Node<'_, '_>, local: &str| n.is_element() && n.has_tag_name((ASSERTION, local));
    let encrypted: Vec<Node<'_, '_>> = doc
        .descendants()
        .filter(|n| named(n, "EncryptedAssertion"))
        .collect();
    if encrypted.is_empty() {
        let mut assertions = doc.descendants().filter(|n| named(n, "Assertion"));
        let assertion = match (assertions.next(), assertions.next()) {
            (Some(a), None) if a.parent_element() == Some(root) => a,
            _ => return Err(SamlError::AssertionCount),
        };
        // Step 4: every signature present on the root or the assertion must verify, and
        // at least one must cover its holder.
        let response_signed = signature_covers(&doc, root, metadata, options)?;
        let assertion_signed = signature_covers(&doc, assertion, metadata, options)?;
        if !(response_signed || assertion_signed) {
            return Err(SamlError::Unsigned);
        }
        return Ok(VerifiedResponse {
            assertion: claims(assertion, metadata, options)?,
            encrypted: false,
        });
    }
    // Exactly one encrypted assertion, directly in the Response, and no plaintext one.
    let only = match encrypted.as_slice() {
        [one] if one.parent_element() == Some(root) => *one,
        _ => return Err(SamlError::AssertionCount),
    };
    if doc.descendants().any(|n| named(&n, "Assertion")) {
        return Err(SamlError::AssertionCount);
    }
    if keys.is_empty() {
        return Err(SamlError::Encrypted);
    }
    let response_signed = signature_covers(&doc, root, metadata, options)?;
    let plaintext = decrypt_assertion(only, keys).map_err(SamlError::Decryption)?;
    let wrapped = in_scope_of(only, &plaintext);
    // What did not decrypt to one well-formed assertion is answered like a failed
    // decryption (see `SamlError::Decryption`).
    let garbled = || SamlError::Decryption(DecryptError::Integrity);
    let inner = Document::parse(&wrapped).map_err(|_| garbled())?;
    let mut elements = inner.root_element().children().filter(Node::is_element);
    let assertion = match (elements.next(), elements.next()) {
        (Some(a), None) if named(&a, "Assertion") => a,
        _ => return Err(garbled()),
    };
    let assertion_signed = signature_covers(&inner, assertion, metadata, options)?;
    if !(response_signed || assertion_signed) {
        return Err(SamlError::Unsigned);
    }
    Ok(VerifiedResponse {
        assertion: claims(assertion, metadata, options)?,
        encrypted: true,
    })
}

/// Whether `holder` carries a signature that verifies and covers exactly `holder`
/// (`dsig::verify` returns the signed element). A signature that is present but does not
/// verify, or a second one, refuses the response.
fn signature_covers(
    doc: &Document<'_>,
    holder: Node<'_, '_>,
    metadata: &IdpMetadata,
    options: &VerifyOptions,
) -> Result<bool, SamlError> {
    let mut signatures = dsig::children(holder, DS, "Signature");
    let Some(signature) = signatures.next() else {
        return Ok(false);
    };
    if signatures.next().is_some() {
        return Err(SamlError::BadSignature);
    }
    let signed = dsig::verify(doc, signature, &metadata.signing_keys, options.allow_sha1)?;
    Ok(signed == holder)
}

/// The decrypted assertion inside an element declaring every namespace in scope where the
/// `EncryptedAssertion` stood, so that prefixes the IdP declared on the `Response` still
/// resolve (exclusive C14N of the assertion does not depend on the wrapper).
fn in_scope_of(encrypted: Node<'_, '_>, plaintext: &str) -> String {
    // An XML declaration cannot stand inside an element.
    let body = match plaintext.trim_start().strip_prefix("<?xml") {
        Some(rest) => rest.split_once("?>").map_or("", |(_, after)| after),
        None => plaintext,
    };
    let mut out = String::with_capacity(body.len() + 256);
    out.push_str("<warden-decrypted");
    for ns in encrypted.namespaces() {
        match ns.name() {
            Some("xml") => continue,
            Some(prefix) => {
                out.push_str(" xmlns:");
                out.push_str(prefix);
            }
            None => out.push_str(" xmlns"),
        }
        out.push_str("=\"");
        for c in ns.uri().chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '"' => out.push_str("&quot;"),
                _ => out.push(c),
            }
        }
        out.push('"');
    }
    out.push('>');
    out.push_str(body);
    out.push_str("</warden-decrypted>");
    out
}

/// The claims of a verified assertion (api.md §6.4 steps 5–10).
fn claims(
    assertion: Node<'_, '_>,
    metadata: &IdpMetadata,
    options: &VerifyOptions,
) -> Result<SamlAssertion, SamlError> {
    // Step 5: the issuer.
    let issuer = child_text(assertion, ASSERTION, "Issuer").unwrap_or("");
    if issuer != metadata.entity_id {
        return Err(SamlError::Issuer);
    }

    // Subject, bearer confirmation, recipient (steps 6, 7).
    let now = options.now;
    let subject = dsig::children(assertion, ASSERTION, "Subject")
        .next()
        .ok_or(SamlError::Subject)?;
    let name_id = dsig::children(subject, ASSERTION, "NameID")
        .next()
        .ok_or(SamlError::Subject)?;
    let subject_value = name_id.text().map(str::trim).unwrap_or("");
    if subject_value.is_empty() {
        return Err(SamlError::Subject);
    }
    let subject_type = match name_id.attribute("Format").unwrap_or(UNSPECIFIED) {
        PERSISTENT => "persistent".to_owned(),
        TRANSIENT => "transient".to_owned(),
        other => other.to_owned(),
    };
    let mut recipient = None;
    let mut expired_confirmation = false;
    let mut confirmation_deadline = None;
    for confirmation in dsig::children(subject, ASSERTION, "SubjectConfirmation")
        .filter(|c| c.attribute("Method") == Some(BEARER))
    {
        for data in dsig::children(confirmation, ASSERTION, "SubjectConfirmationData") {
            let Some(r) = data
                .attribute("Recipient")
                .filter(|r| options.recipient_ok(r))
            else {
                continue;
            };
            let deadline = time_attr(data, "NotOnOrAfter")?;
            if deadline.is_some_and(|d| now - CLOCK_SKEW_SECONDS >= d) {
                expired_confirmation = true;
                continue;
            }
            if recipient.is_none() {
                recipient = Some(r.to_owned());
                confirmation_deadline = deadline;
            }
        }
    }
    let recipient = match recipient {
        Some(r) => r,
        None if expired_confirmation => return Err(SamlError::Expired),
        None => return Err(SamlError::Recipient),
    };

    // Conditions: time window and audience restrictions (every restriction must accept).
    let conditions = dsig::children(assertion, ASSERTION, "Conditions").next();
    let mut not_on_or_after = confirmation_deadline;
    let mut audience_restrictions = 0;
    if let Some(c) = conditions {
        if time_attr(c, "NotBefore")?.is_some_and(|nb| nb > now + CLOCK_SKEW_SECONDS) {
            return Err(SamlError::NotYetValid);
        }
        if let Some(deadline) = time_attr(c, "NotOnOrAfter")? {
            if now - CLOCK_SKEW_SECONDS >= deadline {
                return Err(SamlError::Expired);
            }
            not_on_or_after = Some(not_on_or_after.map_or(deadline, |d: i64| d.min(deadline)));
        }
        for restriction in dsig::children(c, ASSERTION, "AudienceRestriction") {
            audience_restrictions += 1;
            let accepted = dsig::children(restriction, ASSERTION, "Audience")
                .filter_map(|a| a.text())
                .any(|a| options.audience_ok(a.trim()));
            if !accepted {
                return Err(SamlError::Audience);
            }
        }
    }
    if audience_restrictions == 0 {
        return Err(SamlError::Audience);
    }
    let mut session_not_on_or_after: Option<i64> = None;
    for statement in dsig::children(assertion, ASSERTION, "AuthnStatement") {
        if let Some(t) = time_attr(statement, "SessionNotOnOrAfter")? {
            session_not_on_or_after = Some(session_not_on_or_after.map_or(t, |s| s.min(t)));
        }
    }

    // Attributes (steps 8-10).
    let mut attributes: Vec<(String, Option<String>, Vec<String>)> = Vec::new();
    for statement in dsig::children(assertion, ASSERTION, "AttributeStatement") {
        for attribute in dsig::children(statement, ASSERTION, "Attribute") {
            let Some(name) = attribute.attribute("Name") else {
                continue;
            };
            let values = dsig::children(attribute, ASSERTION, "AttributeValue")
                .map(|v| v.text().unwrap_or("").trim().to_owned())
                .collect();
            attributes.push((
                name.to_owned(),
                attribute.attribute("FriendlyName").map(str::to_owned),
                values,
            ));
        }
    }
    let aws = |suffix: &str| aws_values(&attributes, suffix);
    let roles = aws("Role").iter().filter_map(|v| role_pair(v)).collect();
    let session_names = aws("RoleSessionName");
    let role_session_name = match session_names.as_slice() {
        [] => return Err(SamlError::MissingRoleSessionName),
        [one] if is_session_name(one) => one.clone(),
        _ => return Err(SamlError::BadRoleSessionName),
    };
    let session_duration = match aws("SessionDuration").as_slice() {
        [] => None,
        [one] => Some(
            one.parse::<i64>()
                .ok()
                .filter(|d| (900..=43_200).contains(d))
                .ok_or_else(|| SamlError::BadAttribute("SessionDuration".to_owned()))?,
        ),
        _ => return Err(SamlError::BadAttribute("SessionDuration".to_owned())),
    };
    let source_identity = match aws("SourceIdentity").as_slice() {
        [] => None,
        [one] if is_session_name(one) && !one.to_ascii_lowercase().starts_with("aws:") => {
            Some(one.clone())
        }
        _ => return Err(SamlError::BadSourceIdentity),
    };
    let mut tags = Vec::new();
    for (name, _, values) in &attributes {
        let Some(key) = name
            .strip_prefix(AWS_ATTRIBUTES)
            .and_then(|n| n.strip_prefix("PrincipalTag:"))
        else {
            continue;
        };
        match values.as_slice() {
            [value] if !key.is_empty() => tags.push((key.to_owned(), value.clone())),
            _ => return Err(SamlError::BadAttribute(name.clone())),
        }
    }
    let transitive_tag_keys = aws("TransitiveTagKeys");
    validate_session_tags(&tags, &transitive_tag_keys, &[]).map_err(SamlError::Tags)?;

    Ok(SamlAssertion {
        id: assertion.attribute("ID").unwrap_or("").to_owned(),
        issuer: issuer.to_owned(),
        subject: subject_value.to_owned(),
        subject_type,
        recipient,
        not_on_or_after,
        session_not_on_or_after,
        roles,
        role_session_name,
        session_duration,
        source_identity,
        tags,
        transitive_tag_keys,
        attributes,
    })
}

/// The values of every attribute named `https://aws.amazon.com/SAML/Attributes/<suffix>`.
fn aws_values(attributes: &[(String, Option<String>, Vec<String>)], suffix: &str) -> Vec<String> {
    attributes
        .iter()
        .filter(|(n, _, _)| n.strip_prefix(AWS_ATTRIBUTES) == Some(suffix))
        .flat_map(|(_, _, v)| v.iter().cloned())
        .collect()
}

/// `"<role ARN>,<provider ARN>"` in either order (api.md §6.4 step 8).
fn role_pair(value: &str) -> Option<(String, String)> {
    let (a, b) = value.split_once(',')?;
    let (a, b) = (a.trim(), b.trim());
    let is_role = |s: &str| s.starts_with("arn:") && s.contains(":role/");
    let is_provider = |s: &str| s.starts_with("arn:") && s.contains(":saml-provider/");
    if is_role(a) && is_provider(b) {
        Some((a.to_owned(), b.to_owned()))
    } else if is_provider(a) && is_role(b) {
        Some((b.to_owned(), a.to_owned()))
    } else {
        None
    }
}

/// Attribute `Name` → `saml:` key and whether it is multivalued (api.md §6.4 table).
const ATTRIBUTE_KEYS: &[(&str, &str, bool)] = &[
    (
        "urn:oid:1.3.6.1.4.1.5923.1.1.1.1",
        "saml:edupersonaffiliation",
        true,
    ),
    (
        "urn:oid:1.3.6.1.4.1.5923.1.1.1.2",
        "saml:edupersonnickname",
        true,
    ),
    (
        "urn:oid:1.3.6.1.4.1.5923.1.1.1.3",
        "saml:edupersonorgdn",
        false,
    ),
    (
        "urn:oid:1.3.6.1.4.1.5923.1.1.1.4",
        "saml:edupersonorgunitdn",
        true,
    ),
    (
        "urn:oid:1.3.6.1.4.1.5923.1.1.1.5",
        "saml:edupersonprimaryaffiliation",
        false,
    ),
    (
        "urn:oid:1.3.6.1.4.1.5923.1.1.1.6",
        "saml:edupersonprincipalname",
        false,
    ),
    (
        "urn:oid:1.3.6.1.4.1.5923.1.1.1.7",
        "saml:edupersonentitlement",
        true,
    ),
    (
        "urn:oid:1.3.6.1.4.1.5923.1.1.1.8",
        "saml:edupersonprimaryorgunitdn",
        false,
    ),
    (
        "urn:oid:1.3.6.1.4.1.5923.1.1.1.9",
        "saml:edupersonscopedaffiliation",
        true,
    ),
    (
        "urn:oid:1.3.6.1.4.1.5923.1.1.1.10",
        "saml:edupersontargetedid",
        true,
    ),
    (
        "urn:oid:1.3.6.1.4.1.5923.1.1.1.11",
        "saml:edupersonassurance",
        true,
    ),
    (
        "urn:oid:1.3.6.1.4.1.5923.1.2.1.2",
        "saml:eduorghomepageuri",
        true,
    ),
    (
        "urn:oid:1.3.6.1.4.1.5923.1.2.1.3",
        "saml:eduorgidentityauthnpolicyuri",
        true,
    ),
    (
        "urn:oid:1.3.6.1.4.1.5923.1.2.1.4",
        "saml:eduorglegalname",
        true,
    ),
    (
        "urn:oid:1.3.6.1.4.1.5923.1.2.1.5",
        "saml:eduorgsuperioruri",
        true,
    ),
    (
        "urn:oid:1.3.6.1.4.1.5923.1.2.1.6",
        "saml:eduorgwhitepagesuri",
        true,
    ),
    ("urn:oid:2.5.4.3", "saml:cn", true),
    (
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
        "saml:name",
        false,
    ),
    (
        "http://schemas.xmlsoap.org/claims/CommonName",
        "saml:commonName",
        false,
    ),
    (
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname",
        "saml:givenName",
        false,
    ),
    (
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname",
        "saml:surname",
        false,
    ),
    (
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
        "saml:mail",
        false,
    ),
    (
        "http://schemas.microsoft.com/ws/2008/06/identity/claims/primarygroupsid",
        "saml:uid",
        false,
    ),
    ("2.5.4.3", "saml:commonName", false),
    ("2.5.4.4", "saml:surname", false),
    ("2.4.5.42", "saml:givenName", false),
    ("2.5.4.45", "saml:x500UniqueIdentifier", false),
];

/// Keys whose source attribute AWS does not document: matched by `Name` or `FriendlyName`
/// (api.md §6.4, `VERIFY`).
const NAMED_KEYS: &[(&str, &str)] = &[
    ("organizationStatus", "saml:organizationStatus"),
    ("primaryGroupSID", "saml:primaryGroupSID"),
];

/// One condition key of the trust evaluation: name, values, multivalued.
pub type ConditionKey = (String, Vec<String>, bool);

impl SamlAssertion {
    /// `saml:namequalifier` = base64(SHA-1(issuer + account + "/" + provider name)).
    pub fn name_qualifier(&self, account: &str, provider_name: &str) -> String {
        let mut hasher = Sha1::new();
        hasher.update(self.issuer.as_bytes());
        hasher.update(account.as_bytes());
        hasher.update(b"/");
        hasher.update(provider_name.as_bytes());
        STANDARD.encode(hasher.finalize())
    }

    /// Whether the `Role` attribute names this role/provider pair (exact ARNs).
    pub fn grants(&self, role_arn: &str, provider_arn: &str) -> bool {
        self.roles
            .iter()
            .any(|(r, p)| r == role_arn && p == provider_arn)
    }

    /// The trust-policy condition keys (api.md §6.4 tables, policy.md): `saml:aud`,
    /// `saml:iss`, `saml:sub`, `saml:sub_type`, `saml:doc`, `saml:namequalifier` and the
    /// mapped attribute keys (first attribute per key wins).
    pub fn condition_keys(&self, account: &str, provider_name: &str) -> Vec<ConditionKey> {
        let single = |k: &str, v: String| (k.to_owned(), vec![v], false);
        let mut keys = vec![
            single("saml:aud", self.recipient.clone()),
            single("saml:iss", self.issuer.clone()),
            single("saml:sub", self.subject.clone()),
            single("saml:sub_type", self.subject_type.clone()),
            single("saml:doc", format!("{account}/{provider_name}")),
            single(
                "saml:namequalifier",
                self.name_qualifier(account, provider_name),
            ),
        ];
        let mut push = |key: &str, values: &[String], multi: bool| {
            if values.is_empty() || keys.iter().any(|(k, _, _)| k == key) {
                return;
            }
            let values = if multi {
                values.to_vec()
            } else {
                values.iter().take(1).cloned().collect()
            };
            keys.push((key.to_owned(), values, multi));
        };
        for (name, friendly, values) in &self.attributes {
            if let Some((_, key, multi)) = ATTRIBUTE_KEYS.iter().find(|(n, _, _)| n == name) {
                push(key, values, *multi);
            }
            if let Some((_, key)) = NAMED_KEYS
                .iter()
                .find(|(n, _)| n == name || friendly.as_deref() == Some(*n))
            {
                push(key, values, false);
            }
        }
        keys
    }

    /// The federation data the session keeps (api.md §7.5).
    pub fn federation(&self, account: &str, provider_name: &str) -> Federation {
        Federation::Saml {
            sub: self.subject.clone(),
            sub_type: self.subject_type.clone(),
            namequalifier: self.name_qualifier(account, provider_name),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests")]

    use super::*;

    #[test]
    fn datetimes() {
        assert_eq!(parse_datetime("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            parse_datetime("2026-11-22T19:18:26.123Z"),
            Some(1_795_375_106)
        );
        assert_eq!(
            parse_datetime("2026-11-22T20:18:26+01:00"),
            Some(1_795_375_106)
        );
        assert_eq!(parse_datetime("2026-11-22T19:18:26"), Some(1_795_375_106));
        assert_eq!(parse_datetime("2026-13-22T19:18:26Z"), None);
        assert_eq!(parse_datetime("yesterday"), None);
        // Oversized fields are refused rather than overflowing.
        assert_eq!(parse_datetime("99999999999999999-01-01T00:00:00Z"), None);
        assert_eq!(
            parse_datetime("2026-01-01T00:00:00+99999999999999:00"),
            None
        );
        assert_eq!(parse_datetime("2026-01-01T-1:00:00Z"), None);
        assert_eq!(parse_datetime("2026-01-01T00:00:00.Z"), None);
    }

    #[test]
    fn role_pairs_in_either_order() {
        let role = "arn:aws:iam::123456789012:role/R";
        let idp = "arn:aws:iam::123456789012:saml-provider/P";
        let expected = Some((role.to_owned(), idp.to_owned()));
        assert_eq!(role_pair(&format!("{role},{idp}")), expected);
        assert_eq!(role_pair(&format!("{idp}, {role}")), expected);
        assert_eq!(role_pair(role), None);
        assert_eq!(role_pair(&format!("{role},{role}")), None);
    }

    #[test]
    fn signin_urls() {
        assert!(is_signin_url("https://signin.aws.amazon.com/saml"));
        assert!(is_signin_url(
            "https://eu-west-1.signin.aws.amazon.com/saml"
        ));
        assert!(!is_signin_url(
            "https://evil.example/.signin.aws.amazon.com/saml"
        ));
        assert!(!is_signin_url("http://signin.aws.amazon.com/saml"));
    }
}
