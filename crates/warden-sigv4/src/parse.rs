//! Phase 1: parse the `Authorization` header or the presigned query parameters into a
//! [`ParsedRequest`] and run the structural and scope checks (api.md §2.1-§2.4, §2.6, §2.8
//! steps 1-3).

use std::borrow::Cow;
use std::ops::Range;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::canonical::percent_decode;
use crate::error::{Reason, SigV4Error};
use crate::time::{BasicTime, parse_basic, parse_http_date};

/// The only algorithm accepted (SigV2 and SigV4a are out of scope, api.md §2.1).
pub const ALGORITHM: &str = "AWS4-HMAC-SHA256";

/// The credential scope terminator.
const TERMINATOR: &str = "aws4_request";

/// The parts of an HTTP request that SigV4 covers, as received on the wire.
#[derive(Debug, Clone, Copy)]
pub struct RequestParts<'a> {
    /// HTTP method, upper-case as sent (`POST`, `GET`).
    pub method: &'a str,
    /// Raw request path, still percent-encoded, without the query (`/` for every real client).
    pub path: &'a str,
    /// Raw query string without the leading `?`, still percent-encoded; empty when absent.
    pub query: &'a str,
    /// Headers as `(name, value)` pairs in received order, repeated names repeated. Names
    /// match case-insensitively. Under HTTP/2, pass the `:authority` pseudo-header (it stands
    /// in for a missing `Host`). Values that are not UTF-8 cannot be signed by SDKs; the
    /// server may reject such requests before calling this crate.
    pub headers: &'a [(&'a str, &'a str)],
}

impl<'a> RequestParts<'a> {
    fn header(&self, name: &str) -> Option<&'a str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| *v)
    }
}

/// Which scopes the endpoint accepts (api.md §2.3).
#[derive(Debug, Clone, Copy)]
pub struct ScopeRules<'r> {
    services: &'r [&'r str],
    regions: Option<&'r [&'r str]>,
}

impl<'r> ScopeRules<'r> {
    /// Accepts the given services (e.g. `&["iam", "sts"]` for one endpoint serving both; the
    /// first is named in the rejection message) and any syntactically valid region: the spec
    /// forbids hard-coding `us-east-1` because clients with endpoint overrides sign with their
    /// configured region.
    pub const fn new(services: &'r [&'r str]) -> Self {
        Self {
            services,
            regions: None,
        }
    }

    /// Restricts regions to an operator-configured allow-list (api.md §2.3 "MAY").
    pub const fn with_allowed_regions(mut self, regions: &'r [&'r str]) -> Self {
        self.regions = Some(regions);
        self
    }
}

/// How the request was authenticated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthForm {
    /// `Authorization: AWS4-HMAC-SHA256 …` header.
    Header,
    /// Presigned URL (`X-Amz-Algorithm` & co. in the query string).
    Query,
}

/// The credential scope `<yyyymmdd>/<region>/<service>/aws4_request`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scope<'s> {
    /// `yyyymmdd`.
    pub date: &'s str,
    /// Region, validated as `[a-z0-9-]{1,32}`; becomes `aws:RequestedRegion`.
    pub region: &'s str,
    /// Service (`iam` / `sts`), one of the accepted services; the caller dispatches on it.
    pub service: &'s str,
}

/// A request whose SigV4 authentication parsed and whose credential scope is acceptable;
/// the signature is not verified yet. Next: [`check_time`](Self::check_time), look up the
/// secret for [`access_key_id`](Self::access_key_id), then [`verify`](Self::verify).
#[derive(Debug, Clone)]
pub struct ParsedRequest<'a> {
    pub(crate) parts: RequestParts<'a>,
    pub(crate) form: AuthForm,
    /// `<key>/<date>/<region>/<service>/<terminator>`, percent-decoded in the query form.
    pub(crate) credential: Cow<'a, str>,
    /// Ranges of the five parts within `credential`.
    pub(crate) cred: [Range<usize>; 5],
    pub(crate) signed_headers: Cow<'a, str>,
    pub(crate) signature: Cow<'a, str>,
    pub(crate) session_token: Option<Cow<'a, str>>,
    pub(crate) time: i64,
    pub(crate) amz_date: BasicTime,
    pub(crate) content_sha256: Option<&'a str>,
}

impl ParsedRequest<'_> {
    fn cred_part(&self, i: usize) -> &str {
        self.cred
            .get(i)
            .and_then(|r| self.credential.get(r.clone()))
            .unwrap_or("")
    }

    /// The access key id from the credential. The caller looks it up; unknown or inactive
    /// keys MUST be answered with [`SigV4Error::invalid_client_token_id`] — this crate cannot
    /// tell, and must not be made to reveal, whether a key exists.
    pub fn access_key_id(&self) -> &str {
        self.cred_part(0)
    }

    /// The credential scope.
    pub fn scope(&self) -> Scope<'_> {
        Scope {
            date: self.cred_part(1),
            region: self.cred_part(2),
            service: self.cred_part(3),
        }
    }

    /// `<yyyymmdd>/<region>/<service>/aws4_request` as it appears in the string to sign.
    pub(crate) fn scope_str(&self) -> &str {
        let start = self.cred.get(1).map_or(0, |r| r.start);
        self.credential.get(start..).unwrap_or("")
    }

    /// `X-Amz-Security-Token` (header, or query parameter for presigned URLs), signed or not.
    pub fn session_token(&self) -> Option<&str> {
        self.session_token.as_deref()
    }

    /// Whether the session token is covered by the signature (always in the query form;
    /// in the header form when `x-amz-security-token` is a signed header). The server accepts
    /// both (api.md §2.5); the token is checked against the session store anyway.
    pub fn session_token_signed(&self) -> bool {
        match self.form {
            AuthForm::Query => true,
            AuthForm::Header => self
                .signed_headers
                .split(';')
                .any(|h| h.eq_ignore_ascii_case("x-amz-security-token")),
        }
    }

    /// The request time (from `X-Amz-Date`, else `Date`).
    pub fn request_time(&self) -> SystemTime {
        let secs = self.time.unsigned_abs();
        if self.time >= 0 {
            UNIX_EPOCH + Duration::from_secs(secs)
        } else {
            UNIX_EPOCH - Duration::from_secs(secs)
        }
    }

    /// The request time in the basic ISO-8601 form used in the string to sign.
    pub fn amz_date(&self) -> &str {
        self.amz_date.as_str()
    }

    /// Header or presigned-query authentication.
    pub fn form(&self) -> AuthForm {
        self.form
    }

    /// `SignedHeaders` exactly as received (decoded in the query form).
    pub fn signed_headers(&self) -> &str {
        &self.signed_headers
    }
}

/// The `X-Amz-*` parameters of a presigned query, raw (still percent-encoded).
#[derive(Default)]
struct QueryAuth<'a> {
    algorithm: Option<&'a str>,
    credential: Option<&'a str>,
    date: Option<&'a str>,
    signed_headers: Option<&'a str>,
    signature: Option<&'a str>,
    token: Option<&'a str>,
}

impl<'a> QueryAuth<'a> {
    fn scan(query: &'a str) -> Self {
        let mut q = Self::default();
        if !query.contains("X-Amz-") && !query.contains('%') {
            return q;
        }
        for piece in query.split('&') {
            let (name, value) = piece.split_once('=').unwrap_or((piece, ""));
            let Some(name) = percent_decode(name) else {
                continue;
            };
            // First occurrence wins, like the header form's component parsing.
            let slot = match &*name {
                "X-Amz-Algorithm" => &mut q.algorithm,
                "X-Amz-Credential" => &mut q.credential,
                "X-Amz-Date" => &mut q.date,
                "X-Amz-SignedHeaders" => &mut q.signed_headers,
                "X-Amz-Signature" => &mut q.signature,
                "X-Amz-Security-Token" => &mut q.token,
                _ => continue,
            };
            if slot.is_none() {
                *slot = Some(value);
            }
        }
        q
    }
}

/// Phase 1: parses SigV4 authentication from `parts` and checks it structurally (§2.2, §2.6)
/// and its credential scope against `rules` (§2.3, plus `host` being signed, §2.5).
///
/// Errors, in the precedence of api.md §2.8: [`SigV4Error::MissingAuthenticationToken`] when
/// the request carries no authentication at all (the caller lets the STS `noAuth` operations
/// through on exactly this error), [`SigV4Error::IncompleteSignature`] for structural
/// problems, [`SigV4Error::SignatureDoesNotMatch`] for scope problems.
pub fn parse<'a>(
    parts: RequestParts<'a>,
    rules: &ScopeRules<'_>,
) -> Result<ParsedRequest<'a>, SigV4Error> {
    let authorization = parts.header("authorization");
    let query = QueryAuth::scan(parts.query);
    let parsed = match (authorization, query.algorithm) {
        (None, None) => return Err(SigV4Error::missing_authentication_token()),
        (Some(_), Some(_)) => {
            // api.md §2.1: both forms at once is rejected (AWS S3's wording).
            return Err(SigV4Error::incomplete(
                Reason::BothAuthForms,
                "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified",
            ));
        }
        (Some(value), None) => parse_header(parts, value)?,
        (None, Some(_)) => parse_query(parts, &query)?,
    };
    check_scope(&parsed, rules)?;
    Ok(parsed)
}

fn unsupported_algorithm(alg: &str) -> SigV4Error {
    SigV4Error::incomplete(
        Reason::UnsupportedAlgorithm,
        format!("Unsupported AWS 'algorithm': '{alg}'."),
    )
}

fn parse_header<'a>(
    parts: RequestParts<'a>,
    value: &'a str,
) -> Result<ParsedRequest<'a>, SigV4Error> {
    let (alg, rest) = value.split_once(' ').unwrap_or((value, ""));
    if alg != ALGORITHM {
        return Err(unsupported_algorithm(alg));
    }
    let (mut credential, mut signed_headers, mut signature) = (None, None, None);
    for component in rest.split(',') {
        let component = component.trim_matches(|c: char| c.is_ascii_whitespace());
        if component.is_empty() {
            continue;
        }
        let Some((key, val)) = component.split_once('=') else {
            return Err(SigV4Error::incomplete(
                Reason::MissingEqualSign,
                format!(
                    "'{component}' not a valid key=value pair (missing equal-sign) in Authorization header: '{value}'."
                ),
            ));
        };
        // Keys are case-sensitive, unknown keys ignored, the first occurrence wins (§2.2).
        let slot = match key {
            "Credential" => &mut credential,
            "SignedHeaders" => &mut signed_headers,
            "Signature" => &mut signature,
            _ => continue,
        };
        if slot.is_none() {
            *slot = Some(val);
        }
    }
    let amz_date = parts.header("x-amz-date");
    let date = parts.header("date");

    // One sentence per missing piece, in AWS's order, then the echoed header (§2.2).
    let mut missing = String::new();
    for (absent, sentence) in [
        (
            credential.is_none(),
            "Authorization header requires 'Credential' parameter.",
        ),
        (
            signature.is_none(),
            "Authorization header requires 'Signature' parameter.",
        ),
        (
            signed_headers.is_none(),
            "Authorization header requires 'SignedHeaders' parameter.",
        ),
        (
            amz_date.is_none() && date.is_none(),
            "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
        ),
    ] {
        if absent {
            missing.push_str(sentence);
            missing.push(' ');
        }
    }
    let (Some(credential), Some(signature), Some(signed_headers)) =
        (credential, signature, signed_headers)
    else {
        return Err(SigV4Error::incomplete(
            Reason::MissingComponents,
            format!("{missing}Authorization={value}"),
        ));
    };
    let (time, amz) = match (amz_date, date) {
        (Some(raw), _) => parse_amz_date(raw)?,
        (None, Some(raw)) => {
            let secs = parse_http_date(raw).ok_or_else(|| {
                SigV4Error::incomplete(
                    Reason::MalformedDate,
                    format!("Date header '{raw}' is not a valid HTTP date."),
                )
            })?;
            let basic = BasicTime::from_unix(secs).ok_or_else(|| {
                SigV4Error::incomplete(
                    Reason::MalformedDate,
                    format!("Date header '{raw}' is not a valid HTTP date."),
                )
            })?;
            (secs, basic)
        }
        (None, None) => {
            return Err(SigV4Error::incomplete(
                Reason::MissingComponents,
                format!("{missing}Authorization={value}"),
            ));
        }
    };
    let cred = split_credential(credential)?;
    Ok(ParsedRequest {
        parts,
        form: AuthForm::Header,
        credential: Cow::Borrowed(credential),
        cred,
        signed_headers: Cow::Borrowed(signed_headers),
        signature: Cow::Borrowed(signature),
        session_token: parts.header("x-amz-security-token").map(Cow::Borrowed),
        time,
        amz_date: amz,
        content_sha256: parts.header("x-amz-content-sha256"),
    })
}

fn parse_amz_date(raw: &str) -> Result<(i64, BasicTime), SigV4Error> {
    parse_basic(raw)
        .and_then(|secs| BasicTime::from_unix(secs).map(|b| (secs, b)))
        .ok_or_else(|| {
            SigV4Error::incomplete(
                Reason::MalformedDate,
                format!(
                    "Date must be in ISO-8601 'basic format'. Got '{raw}'. See http://en.wikipedia.org/wiki/ISO_8601"
                ),
            )
        })
}

fn split_credential(credential: &str) -> Result<[Range<usize>; 5], SigV4Error> {
    let mut ranges: [Range<usize>; 5] = Default::default();
    let mut count = 0;
    let mut start = 0;
    for (i, part) in credential.split('/').enumerate() {
        if let Some(slot) = ranges.get_mut(i) {
            *slot = start..start + part.len();
        }
        start += part.len() + 1;
        count += 1;
    }
    if count != 5 {
        return Err(SigV4Error::incomplete(
            Reason::MalformedCredential,
            format!(
                "Credential must have the form '<AccessKeyId>/<yyyymmdd>/<region>/<service>/aws4_request', got '{credential}'."
            ),
        ));
    }
    Ok(ranges)
}

fn decode_param<'a>(name: &str, raw: &'a str) -> Result<Cow<'a, str>, SigV4Error> {
    percent_decode(raw).ok_or_else(|| {
        SigV4Error::incomplete(
            Reason::MalformedCredential,
            format!("Query-string parameter '{name}' is not valid UTF-8 after decoding."),
        )
    })
}

fn parse_query<'a>(
    parts: RequestParts<'a>,
    q: &QueryAuth<'a>,
) -> Result<ParsedRequest<'a>, SigV4Error> {
    let (Some(alg), Some(credential), Some(signature), Some(date), Some(signed_headers)) = (
        q.algorithm,
        q.credential,
        q.signature,
        q.date,
        q.signed_headers,
    ) else {
        // Listing only the missing ones, in the order of AWS's S3 message (VERIFY for STS).
        let missing: Vec<String> = [
            ("X-Amz-Algorithm", q.algorithm),
            ("X-Amz-Credential", q.credential),
            ("X-Amz-Signature", q.signature),
            ("X-Amz-Date", q.date),
            ("X-Amz-SignedHeaders", q.signed_headers),
        ]
        .into_iter()
        .filter(|(_, v)| v.is_none())
        .map(|(n, _)| format!("'{n}'"))
        .collect();
        return Err(SigV4Error::incomplete(
            Reason::MissingQueryParameters,
            format!(
                "AWS query-string parameters must include {}. Re-examine the query-string parameters.",
                missing.join(", ")
            ),
        ));
    };
    let alg = decode_param("X-Amz-Algorithm", alg)?;
    if alg != ALGORITHM {
        return Err(unsupported_algorithm(&alg));
    }
    let credential = decode_param("X-Amz-Credential", credential)?;
    let date = decode_param("X-Amz-Date", date)?;
    let (time, amz) = parse_amz_date(&date)?;
    let cred = split_credential(&credential)?;
    let token = match q.token {
        Some(raw) => Some(decode_param("X-Amz-Security-Token", raw)?),
        None => parts.header("x-amz-security-token").map(Cow::Borrowed),
    };
    Ok(ParsedRequest {
        parts,
        form: AuthForm::Query,
        credential,
        cred,
        signed_headers: decode_param("X-Amz-SignedHeaders", signed_headers)?,
        signature: decode_param("X-Amz-Signature", signature)?,
        session_token: token,
        time,
        amz_date: amz,
        content_sha256: parts.header("x-amz-content-sha256"),
    })
}

/// Whether `region` is a region name as credential scopes carry them: 1-32 lower-case
/// letters, digits and hyphens (any such name is accepted, api.md §2.3: clients with an
/// endpoint override sign with their own region). Also the rule for a configured region.
pub fn is_region_name(region: &str) -> bool {
    (1..=32).contains(&region.len())
        && region
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Scope checks in the order of the table in api.md §2.3, then `host` being signed (§2.5).
fn check_scope(p: &ParsedRequest<'_>, rules: &ScopeRules<'_>) -> Result<(), SigV4Error> {
    let scope = p.scope();
    if scope.date != p.amz_date.date() {
        return Err(SigV4Error::mismatch(
            Reason::ScopeDate,
            format!(
                "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{}' != '{}', from '{}'.",
                scope.date,
                p.amz_date.date(),
                p.amz_date.as_str()
            ),
        ));
    }
    let terminator = p.cred_part(4);
    if terminator != TERMINATOR {
        return Err(SigV4Error::mismatch(
            Reason::ScopeTerminator,
            format!(
                "Credential should be scoped with a valid terminator: 'aws4_request', not '{terminator}'."
            ),
        ));
    }
    if !rules.services.contains(&scope.service) {
        let expected = rules.services.first().copied().unwrap_or("");
        return Err(SigV4Error::mismatch(
            Reason::ScopeService,
            // AWS's text ends with a space.
            format!("Credential should be scoped to correct service: '{expected}'. "),
        ));
    }
    if !is_region_name(scope.region)
        || rules
            .regions
            .is_some_and(|allowed| !allowed.contains(&scope.region))
    {
        return Err(SigV4Error::mismatch(
            Reason::ScopeRegion,
            "Credential should be scoped to a valid region. ",
        ));
    }
    if !p
        .signed_headers
        .split(';')
        .any(|h| h.eq_ignore_ascii_case("host"))
    {
        return Err(SigV4Error::SignatureDoesNotMatch(
            crate::error::ErrorDetail::new(Reason::HostNotSigned, crate::error::MISMATCH_MESSAGE)
                .with_log(format!(
                    "'host' must be a signed header, got SignedHeaders={}",
                    p.signed_headers
                )),
        ));
    }
    Ok(())
}
