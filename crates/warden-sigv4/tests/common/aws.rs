//! Signing with the `aws-sigv4` crate, the independent implementation we verify against.

use std::time::{Duration, SystemTime};

use aws_credential_types::Credentials;
use aws_sigv4::http_request::{
    SignableBody, SignableRequest, SignatureLocation, SigningSettings, sign,
};
use aws_sigv4::sign::v4;
use aws_smithy_runtime_api::client::identity::Identity;

use super::OwnedRequest;

/// What to sign with.
#[derive(Debug, Clone)]
pub struct SignWith<'a> {
    pub access_key_id: &'a str,
    pub secret: &'a str,
    pub token: Option<&'a str>,
    pub region: &'a str,
    pub service: &'a str,
    pub time: SystemTime,
    pub presign: bool,
}

/// Signs `req` (whose `Host` header must be set) and returns the request as sent.
pub fn sign_request(req: &OwnedRequest, with: &SignWith<'_>) -> OwnedRequest {
    let identity: Identity = Credentials::new(
        with.access_key_id,
        with.secret,
        with.token.map(str::to_owned),
        None,
        "test",
    )
    .into();
    let mut settings = SigningSettings::default();
    if with.presign {
        settings.signature_location = SignatureLocation::QueryParams;
        settings.expires_in = Some(Duration::from_secs(60));
    }
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(with.region)
        .name(with.service)
        .time(with.time)
        .settings(settings)
        .build()
        .unwrap()
        .into();
    let host = req
        .headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("host"))
        .map(|(_, v)| v.clone())
        .unwrap();
    let uri = if req.query.is_empty() {
        format!("https://{host}{}", req.path)
    } else {
        format!("https://{host}{}?{}", req.path, req.query)
    };
    let signable = SignableRequest::new(
        &req.method,
        &uri,
        req.headers.iter().map(|(n, v)| (n.as_str(), v.as_str())),
        SignableBody::Bytes(&req.body),
    )
    .unwrap();
    let (instructions, _signature) = sign(signable, &params).unwrap().into_parts();
    let mut http_req = http::Request::builder()
        .method(req.method.as_str())
        .uri(&uri);
    for (n, v) in &req.headers {
        http_req = http_req.header(n, v);
    }
    let mut http_req = http_req.body(()).unwrap();
    instructions.apply_to_request_http1x(&mut http_req);

    let mut headers: Vec<(String, String)> = Vec::new();
    // Keep the original order for the headers we set, then the ones the signer added.
    for (n, v) in http_req.headers() {
        headers.push((n.as_str().to_owned(), v.to_str().unwrap().to_owned()));
    }
    OwnedRequest {
        method: req.method.clone(),
        path: http_req.uri().path().to_owned(),
        query: http_req.uri().query().unwrap_or("").to_owned(),
        headers,
        body: req.body.clone(),
    }
}
