//! In-process HTTP tests of virtual MFA devices (api.md §5.11) and of MFA in STS
//! (api.md §6.2 step 3, §6.5; policy.md §5: `aws:MultiFactorAuthPresent` / `Age`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests: failing loudly is the point"
)]

mod common;
mod handlers_support;

use std::time::SystemTime;

use aws_credential_types::Credentials;
use aws_sigv4::http_request::{SignableBody, SignableRequest, SigningSettings, sign};
use aws_sigv4::sign::v4;
use aws_smithy_runtime_api::client::identity::Identity;
use axum::body::Body;
use base64::Engine as _;
use common::{ROOT, Resp, Server, form, golden};
use handlers_support::{all_texts, collect_pages, denied, store_user_policy};
use warden_core::{Clock, Store};
use warden_sts::totp;

const DEV: &str = "arn:aws:iam::123456789012:mfa/dev";
const MFA_BOTH: &str =
    "MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.";
const MFA_UNABLE: &str = "MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.";
const MFA_INVALID: &str = "MultiFactorAuthentication failed with invalid MFA one time pass code. ";
const BAD_CODE: &str = "Authentication code for device is not valid.";

// ---- helpers

/// Credentials as a test holds them: long-term (no token) or temporary.
#[derive(Clone, Debug)]
struct Creds {
    key: String,
    secret: String,
    token: Option<String>,
}

impl Creds {
    fn long_term(c: (&str, &str)) -> Self {
        Self {
            key: c.0.to_owned(),
            secret: c.1.to_owned(),
            token: None,
        }
    }

    fn issued(r: &Resp) -> Self {
        r.assert_ok();
        Self {
            key: r.text("AccessKeyId").unwrap(),
            secret: r.text("SecretAccessKey").unwrap(),
            token: Some(r.text("SessionToken").unwrap()),
        }
    }
}

fn signed(creds: &Creds, service: &str, body: &str, time: SystemTime) -> http::Request<Body> {
    let identity: Identity = Credentials::new(
        creds.key.clone(),
        creds.secret.clone(),
        creds.token.clone(),
        None,
        "test",
    )
    .into();
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region("us-east-1")
        .name(service)
        .time(time)
        .settings(SigningSettings::default())
        .build()
        .unwrap()
        .into();
    let headers = [
        ("host", "localhost:8700"),
        (
            "content-type",
            "application/x-www-form-urlencoded; charset=utf-8",
        ),
    ];
    let signable = SignableRequest::new(
        "POST",
        "http://localhost:8700/",
        headers.iter().copied(),
        SignableBody::Bytes(body.as_bytes()),
    )
    .unwrap();
    let (instructions, _) = sign(signable, &params).unwrap().into_parts();
    let mut req = http::Request::builder().method("POST").uri("/");
    for (n, v) in headers {
        req = req.header(n, v);
    }
    let mut req = req.body(Body::from(body.to_owned())).unwrap();
    instructions.apply_to_request_http1x(&mut req);
    req
}

async fn sts<S: Store>(
    srv: &Server<S>,
    creds: &Creds,
    action: &str,
    params: &[(&str, &str)],
) -> Resp {
    let mut all = vec![("Action", action), ("Version", "2011-06-15")];
    all.extend_from_slice(params);
    srv.send(signed(creds, "sts", &form(&all), srv.now())).await
}

async fn iam<S: Store>(
    srv: &Server<S>,
    creds: &Creds,
    action: &str,
    params: &[(&str, &str)],
) -> Resp {
    let mut all = vec![("Action", action), ("Version", "2010-05-08")];
    all.extend_from_slice(params);
    srv.send(signed(creds, "iam", &form(&all), srv.now())).await
}

/// The base32 seed of a CreateVirtualMFADevice answer (a base64 blob on the wire).
fn seed_of(r: &Resp) -> String {
    let blob = r.text("Base32StringSeed").expect("a seed");
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(blob)
        .unwrap();
    String::from_utf8(bytes).unwrap()
}

/// The TOTP code of `seed` at the current step plus `offset` steps.
fn code<S: Store>(srv: &Server<S>, seed: &str, offset: i64) -> String {
    let step = totp::step_at(srv.clock.now().unix_timestamp()) + offset;
    totp::code_at(seed, step).unwrap()
}

/// A code of the current step that differs from `code` (a wrong code).
fn wrong(code: &str) -> String {
    let n: u32 = code.parse().unwrap();
    format!("{:06}", (n + 1) % 1_000_000)
}

/// Creates a device `name` at `/` and returns (serial, seed).
async fn device<S: Store>(srv: &Server<S>, name: &str) -> (String, String) {
    let r = srv
        .call("CreateVirtualMFADevice", &[("VirtualMFADeviceName", name)])
        .await;
    r.assert_ok();
    (r.text("SerialNumber").unwrap(), seed_of(&r))
}

/// Enables `serial` for `user` with the codes of now and the next step.
async fn enable<S: Store>(srv: &Server<S>, user: &str, serial: &str, seed: &str) {
    let (c1, c2) = (code(srv, seed, 0), code(srv, seed, 1));
    srv.call(
        "EnableMFADevice",
        &[
            ("UserName", user),
            ("SerialNumber", serial),
            ("AuthenticationCode1", &c1),
            ("AuthenticationCode2", &c2),
        ],
    )
    .await
    .assert_ok();
}

/// The response with the random seed and QR code replaced, for golden files.
fn without_secrets(r: &Resp) -> Resp {
    let mut body = r.body.clone();
    for tag in ["Base32StringSeed", "QRCodePNG"] {
        if let Some(value) = r.text(tag) {
            body = body.replace(&value, &format!("{tag}-BASE64"));
        }
    }
    Resp {
        status: r.status,
        body,
        request_id: r.request_id.clone(),
        content_type: r.content_type.clone(),
    }
}

// ---- IAM operations

async fn mfa_golden<S: Store>(srv: Server<S>) {
    srv.call("CreateUser", &[("UserName", "alice")])
        .await
        .assert_ok();
    let r = srv
        .call(
            "CreateVirtualMFADevice",
            &[
                ("VirtualMFADeviceName", "dev"),
                ("Tags.member.1.Key", "env"),
                ("Tags.member.1.Value", "dev"),
            ],
        )
        .await;
    r.assert_ok();
    golden("create_virtual_mfa_device", &without_secrets(&r));
    assert_eq!(r.text("SerialNumber").unwrap(), DEV);
    // AWS seeds: 64 base32 characters, base64 on the wire.
    let seed = seed_of(&r);
    assert_eq!(seed.len(), 64, "{seed}");
    assert!(
        seed.bytes()
            .all(|b| b.is_ascii_uppercase() || (b'2'..=b'7').contains(&b))
    );
    // A PNG encoding the otpauth URI.
    let png = base64::engine::general_purpose::STANDARD
        .decode(r.text("QRCodePNG").unwrap())
        .unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));

    let (c1, c2) = (code(&srv, &seed, 0), code(&srv, &seed, 1));
    golden(
        "enable_mfa_device",
        srv.call(
            "EnableMFADevice",
            &[
                ("UserName", "alice"),
                ("SerialNumber", DEV),
                ("AuthenticationCode1", &c1),
                ("AuthenticationCode2", &c2),
            ],
        )
        .await
        .assert_ok(),
    );
    golden(
        "list_mfa_devices",
        srv.call("ListMFADevices", &[("UserName", "alice")])
            .await
            .assert_ok(),
    );
    golden(
        "get_mfa_device",
        srv.call(
            "GetMFADevice",
            &[("UserName", "alice"), ("SerialNumber", DEV)],
        )
        .await
        .assert_ok(),
    );
    srv.call(
        "CreateVirtualMFADevice",
        &[("VirtualMFADeviceName", "spare"), ("Path", "/team/")],
    )
    .await
    .assert_ok();
    golden(
        "list_virtual_mfa_devices",
        srv.call("ListVirtualMFADevices", &[]).await.assert_ok(),
    );
    golden(
        "tag_mfa_device",
        srv.call(
            "TagMFADevice",
            &[
                ("SerialNumber", DEV),
                ("Tags.member.1.Key", "team"),
                ("Tags.member.1.Value", "blue"),
            ],
        )
        .await
        .assert_ok(),
    );
    golden(
        "list_mfa_device_tags",
        srv.call("ListMFADeviceTags", &[("SerialNumber", DEV)])
            .await
            .assert_ok(),
    );
    golden(
        "untag_mfa_device",
        srv.call(
            "UntagMFADevice",
            &[("SerialNumber", DEV), ("TagKeys.member.1", "env")],
        )
        .await
        .assert_ok(),
    );
    srv.advance(90);
    let (c1, c2) = (code(&srv, &seed, 0), code(&srv, &seed, 1));
    golden(
        "resync_mfa_device",
        srv.call(
            "ResyncMFADevice",
            &[
                ("UserName", "alice"),
                ("SerialNumber", DEV),
                ("AuthenticationCode1", &c1),
                ("AuthenticationCode2", &c2),
            ],
        )
        .await
        .assert_ok(),
    );
    golden(
        "deactivate_mfa_device",
        srv.call(
            "DeactivateMFADevice",
            &[("UserName", "alice"), ("SerialNumber", DEV)],
        )
        .await
        .assert_ok(),
    );
    golden(
        "delete_virtual_mfa_device",
        srv.call("DeleteVirtualMFADevice", &[("SerialNumber", DEV)])
            .await
            .assert_ok(),
    );
    let serials = all_texts(
        &srv.call("ListVirtualMFADevices", &[]).await,
        "SerialNumber",
    );
    assert_eq!(serials, ["arn:aws:iam::123456789012:mfa/team/spare"]);
    // The seed is never audited, nor are the codes.
    let audit = serde_json::to_string(&srv.audit().await).unwrap();
    assert!(!audit.contains(&seed), "seed in the audit log");
    assert!(!audit.contains(&c1), "code in the audit log");
    assert!(audit.contains("CreateVirtualMFADevice"));
}

async fn listings_and_pagination<S: Store>(srv: Server<S>) {
    srv.call("CreateUser", &[("UserName", "alice")])
        .await
        .assert_ok();
    let mut serials = Vec::new();
    for i in 0..5 {
        let (serial, seed) = device(&srv, &format!("d{i}")).await;
        if i % 2 == 0 {
            enable(&srv, "alice", &serial, &seed).await;
        }
        serials.push(serial);
        srv.advance(1);
    }
    let all = collect_pages(&srv, "ListVirtualMFADevices", &[], "2", "SerialNumber").await;
    assert_eq!(all, serials, "creation order");
    let assigned = collect_pages(
        &srv,
        "ListVirtualMFADevices",
        &[("AssignmentStatus", "Assigned")],
        "1",
        "SerialNumber",
    )
    .await;
    assert_eq!(assigned, [serials[0].as_str(), &serials[2], &serials[4]]);
    let unassigned = collect_pages(
        &srv,
        "ListVirtualMFADevices",
        &[("AssignmentStatus", "Unassigned")],
        "5",
        "SerialNumber",
    )
    .await;
    assert_eq!(unassigned, [serials[1].as_str(), &serials[3]]);
    // Assigned devices carry their user and enable date; unassigned ones neither.
    let r = srv
        .call("ListVirtualMFADevices", &[("AssignmentStatus", "Any")])
        .await;
    assert_eq!(all_texts(&r, "UserName"), ["alice", "alice", "alice"]);
    assert_eq!(all_texts(&r, "EnableDate").len(), 3);
    assert!(!r.body.contains("Base32StringSeed"), "{}", r.body);
    let mine = collect_pages(
        &srv,
        "ListMFADevices",
        &[("UserName", "alice")],
        "2",
        "SerialNumber",
    )
    .await;
    assert_eq!(mine, [serials[0].as_str(), &serials[2], &serials[4]]);
    // A user's own call without UserName lists its own devices.
    let (k, s) = {
        let r = srv.call("CreateAccessKey", &[("UserName", "alice")]).await;
        (
            r.text("AccessKeyId").unwrap(),
            r.text("SecretAccessKey").unwrap(),
        )
    };
    store_user_policy(&srv, "alice", "p", handlers_support::ALLOW_ALL).await;
    let r = iam(&srv, &Creds::long_term((&k, &s)), "ListMFADevices", &[]).await;
    r.assert_ok();
    assert_eq!(all_texts(&r, "SerialNumber").len(), 3);
    // GetAccountSummary counts the devices and those in use.
    let r = srv.call("GetAccountSummary", &[]).await;
    r.assert_ok();
    for (key, want) in [("MFADevices", "5"), ("MFADevicesInUse", "3")] {
        let entry = format!("<key>{key}</key><value>{want}</value>");
        assert!(r.body.contains(&entry), "{entry}: {}", r.body);
    }
    // Root owns no devices here.
    let r = srv.call("ListMFADevices", &[]).await;
    r.assert_ok();
    assert!(all_texts(&r, "SerialNumber").is_empty(), "{}", r.body);
    for action in ["ListVirtualMFADevices", "ListMFADevices"] {
        srv.call(action, &[("Marker", "garbage")])
            .await
            .assert_error(400, "ValidationError", "Invalid Marker.");
    }
    srv.call("ListVirtualMFADevices", &[("AssignmentStatus", "Some")])
        .await
        .assert_ok_or_validation();
}

/// `AssignmentStatus` outside the model's enum is a validation error.
trait OkOrValidation {
    fn assert_ok_or_validation(&self);
}

impl OkOrValidation for Resp {
    fn assert_ok_or_validation(&self) {
        assert_eq!(self.status, 400, "{}", self.body);
        assert_eq!(self.code(), "ValidationError", "{}", self.body);
        assert!(self.message().contains("assignmentStatus"), "{}", self.body);
    }
}

async fn mfa_errors<S: Store>(srv: Server<S>) {
    srv.call("CreateUser", &[("UserName", "alice")])
        .await
        .assert_ok();
    srv.call("CreateUser", &[("UserName", "bob")])
        .await
        .assert_ok();
    let (serial, seed) = device(&srv, "dev").await;
    srv.call("CreateVirtualMFADevice", &[("VirtualMFADeviceName", "dev")])
        .await
        .assert_error(409, "EntityAlreadyExists", "MFA device already exists.");
    // Another path is another serial number.
    srv.call(
        "CreateVirtualMFADevice",
        &[("VirtualMFADeviceName", "dev"), ("Path", "/other/")],
    )
    .await
    .assert_ok();
    srv.call(
        "CreateVirtualMFADevice",
        &[("VirtualMFADeviceName", "x"), ("Path", "nope")],
    )
    .await
    .assert_error(
        400,
        "ValidationError",
        "The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.",
    );
    // The serial number (`arn:aws:iam::123456789012:mfa/` + name, 30 + 226) must fit the
    // 256 characters every other MFA operation accepts; the fuzzer once got a 500 here.
    let longest = "n".repeat(226);
    let created = srv
        .call(
            "CreateVirtualMFADevice",
            &[("VirtualMFADeviceName", &longest)],
        )
        .await;
    created.assert_ok();
    assert_eq!(created.text("SerialNumber").unwrap().len(), 256);
    srv.call(
        "CreateVirtualMFADevice",
        &[("VirtualMFADeviceName", &"n".repeat(227))],
    )
    .await
    .assert_error(
        400,
        "ValidationError",
        "1 validation error detected: Value at 'virtualMFADeviceName' failed to satisfy constraint: Member must have length less than or equal to 226",
    );
    srv.call(
        "CreateVirtualMFADevice",
        &[("VirtualMFADeviceName", &"n".repeat(5000)), ("Path", "/team/")],
    )
    .await
    .assert_error(
        400,
        "ValidationError",
        "1 validation error detected: Value at 'virtualMFADeviceName' failed to satisfy constraint: Member must have length less than or equal to 221",
    );
    let ghost = "arn:aws:iam::123456789012:mfa/ghost";
    let no_device = format!("MFA Device with serial number {ghost} does not exist.");
    let (c1, c2) = (code(&srv, &seed, 0), code(&srv, &seed, 1));
    let enable_params = |user: &'static str, serial: &str, a: &str, b: &str| {
        vec![
            ("UserName".to_owned(), user.to_owned()),
            ("SerialNumber".to_owned(), serial.to_owned()),
            ("AuthenticationCode1".to_owned(), a.to_owned()),
            ("AuthenticationCode2".to_owned(), b.to_owned()),
        ]
    };
    let call = |params: Vec<(String, String)>, action: &'static str| {
        let srv = &srv;
        async move {
            let p: Vec<(&str, &str)> = params
                .iter()
                .map(|(a, b)| (a.as_str(), b.as_str()))
                .collect();
            srv.call(action, &p).await
        }
    };
    call(enable_params("alice", ghost, &c1, &c2), "EnableMFADevice")
        .await
        .assert_error(404, "NoSuchEntity", &no_device);
    call(
        enable_params("nobody", &serial, &c1, &c2),
        "EnableMFADevice",
    )
    .await
    .assert_error(
        404,
        "NoSuchEntity",
        "The user with name nobody cannot be found.",
    );
    // Wrong, swapped, non-consecutive and repeated codes.
    let later = code(&srv, &seed, 2);
    for (a, b) in [
        (wrong(&c1), c2.clone()),
        (c2.clone(), c1.clone()),
        (c1.clone(), later.clone()),
        (c1.clone(), c1.clone()),
    ] {
        if a == c1 && b == c2 {
            continue; // a collision of the 6-digit codes: nothing to test
        }
        call(enable_params("alice", &serial, &a, &b), "EnableMFADevice")
            .await
            .assert_error(403, "InvalidAuthenticationCode", BAD_CODE);
    }
    call(enable_params("alice", &serial, &c1, &c2), "EnableMFADevice")
        .await
        .assert_ok();
    call(enable_params("bob", &serial, &c1, &c2), "EnableMFADevice")
        .await
        .assert_error(409, "EntityAlreadyExists", "MFA Device is already in use.");
    // An enabled device cannot be deleted, and keeps its user.
    srv.call("DeleteVirtualMFADevice", &[("SerialNumber", &serial)])
        .await
        .assert_error(409, "DeleteConflict", "MFA Device is in use by a user");
    srv.call("DeleteUser", &[("UserName", "alice")])
        .await
        .assert_error(
            409,
            "DeleteConflict",
            "Cannot delete entity, must delete MFA device first.",
        );
    // Resync: wrong codes, and the enable codes again (replay), are refused.
    call(
        enable_params("alice", &serial, &wrong(&c1), &c2),
        "ResyncMFADevice",
    )
    .await
    .assert_error(403, "InvalidAuthenticationCode", BAD_CODE);
    call(enable_params("alice", &serial, &c1, &c2), "ResyncMFADevice")
        .await
        .assert_error(403, "InvalidAuthenticationCode", BAD_CODE);
    // Resync of a device the user does not have.
    call(enable_params("bob", &serial, &c1, &c2), "ResyncMFADevice")
        .await
        .assert_error(
            404,
            "NoSuchEntity",
            &format!("MFA Device with serial number {serial} does not exist."),
        );
    // Another user's device is not theirs to get or deactivate.
    for action in ["GetMFADevice", "DeactivateMFADevice"] {
        srv.call(action, &[("UserName", "bob"), ("SerialNumber", &serial)])
            .await
            .assert_error(
                404,
                "NoSuchEntity",
                &format!("MFA Device with serial number {serial} does not exist."),
            );
    }
    for action in [
        "DeleteVirtualMFADevice",
        "ListMFADeviceTags",
        "GetMFADevice",
        "DeactivateMFADevice",
    ] {
        let mut params = vec![("SerialNumber", ghost)];
        if action == "GetMFADevice" || action == "DeactivateMFADevice" {
            params.push(("UserName", "alice"));
        }
        srv.call(action, &params)
            .await
            .assert_error(404, "NoSuchEntity", &no_device);
    }
    srv.call(
        "TagMFADevice",
        &[
            ("SerialNumber", ghost),
            ("Tags.member.1.Key", "k"),
            ("Tags.member.1.Value", "v"),
        ],
    )
    .await
    .assert_error(404, "NoSuchEntity", &no_device);
    srv.call(
        "UntagMFADevice",
        &[("SerialNumber", ghost), ("TagKeys.member.1", "k")],
    )
    .await
    .assert_error(404, "NoSuchEntity", &no_device);
    // Another account's serial names nothing here.
    let foreign = "arn:aws:iam::999999999999:mfa/dev";
    srv.call("ListMFADeviceTags", &[("SerialNumber", foreign)])
        .await
        .assert_error(
            404,
            "NoSuchEntity",
            &format!("MFA Device with serial number {foreign} does not exist."),
        );
    // Tags: case-sensitive keys; exact duplicates refused.
    srv.call(
        "TagMFADevice",
        &[
            ("SerialNumber", &serial),
            ("Tags.member.1.Key", "k"),
            ("Tags.member.1.Value", ""),
            ("Tags.member.2.Key", "K"),
            ("Tags.member.2.Value", ""),
        ],
    )
    .await
    .assert_ok();
    srv.call(
        "TagMFADevice",
        &[
            ("SerialNumber", &serial),
            ("Tags.member.1.Key", "k"),
            ("Tags.member.1.Value", "1"),
            ("Tags.member.2.Key", "k"),
            ("Tags.member.2.Value", "2"),
        ],
    )
    .await
    .assert_error(400, "InvalidInput", "Duplicate tag keys found.");
    let keys = all_texts(
        &srv.call("ListMFADeviceTags", &[("SerialNumber", &serial)])
            .await,
        "Key",
    );
    assert_eq!(keys, ["K", "k"]);
    // Deactivate, then the device and the user can go.
    srv.call(
        "DeactivateMFADevice",
        &[("UserName", "alice"), ("SerialNumber", &serial)],
    )
    .await
    .assert_ok();
    srv.call("DeleteUser", &[("UserName", "alice")])
        .await
        .assert_ok();
    srv.call("DeleteVirtualMFADevice", &[("SerialNumber", &serial)])
        .await
        .assert_ok();
    srv.call("DeleteVirtualMFADevice", &[("SerialNumber", &serial)])
        .await
        .assert_error(
            404,
            "NoSuchEntity",
            &format!("MFA Device with serial number {serial} does not exist."),
        );
}

async fn devices_per_user_quota<S: Store>(srv: Server<S>) {
    srv.call("CreateUser", &[("UserName", "alice")])
        .await
        .assert_ok();
    for i in 0..8 {
        let (serial, seed) = device(&srv, &format!("d{i}")).await;
        enable(&srv, "alice", &serial, &seed).await;
    }
    let (serial, seed) = device(&srv, "ninth").await;
    let (c1, c2) = (code(&srv, &seed, 0), code(&srv, &seed, 1));
    srv.call(
        "EnableMFADevice",
        &[
            ("UserName", "alice"),
            ("SerialNumber", &serial),
            ("AuthenticationCode1", &c1),
            ("AuthenticationCode2", &c2),
        ],
    )
    .await
    .assert_error(
        409,
        "LimitExceeded",
        "Cannot exceed quota for MFADevicesPerUser: 8",
    );
}

async fn access_denied<S: Store>(srv: Server<S>) {
    let (k, s) = srv.user_with_key("bob").await;
    let bob = Creds::long_term((&k, &s));
    iam(
        &srv,
        &bob,
        "CreateVirtualMFADevice",
        &[("VirtualMFADeviceName", "dev")],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &denied("bob", "iam:CreateVirtualMFADevice", DEV),
    );
    iam(&srv, &bob, "ListVirtualMFADevices", &[])
        .await
        .assert_error(
            403,
            "AccessDenied",
            &denied(
                "bob",
                "iam:ListVirtualMFADevices",
                "arn:aws:iam::123456789012:mfa/",
            ),
        );
    iam(
        &srv,
        &bob,
        "EnableMFADevice",
        &[
            ("UserName", "bob"),
            ("SerialNumber", DEV),
            ("AuthenticationCode1", "123456"),
            ("AuthenticationCode2", "654321"),
        ],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &denied(
            "bob",
            "iam:EnableMFADevice",
            "arn:aws:iam::123456789012:user/bob",
        ),
    );
    // Creating with tags needs iam:TagMFADevice too (api.md §4.3).
    // Through the API: the policy cache sees the change at once.
    srv.call(
        "PutUserPolicy",
        &[
            ("UserName", "bob"),
            ("PolicyName", "p"),
            (
                "PolicyDocument",
                &handlers_support::doc("iam:CreateVirtualMFADevice"),
            ),
        ],
    )
    .await
    .assert_ok();
    iam(
        &srv,
        &bob,
        "CreateVirtualMFADevice",
        &[
            ("VirtualMFADeviceName", "dev"),
            ("Tags.member.1.Key", "k"),
            ("Tags.member.1.Value", "v"),
        ],
    )
    .await
    .assert_error(403, "AccessDenied", &denied("bob", "iam:TagMFADevice", DEV));
    let r = iam(
        &srv,
        &bob,
        "CreateVirtualMFADevice",
        &[("VirtualMFADeviceName", "dev")],
    )
    .await;
    r.assert_ok();
    assert_eq!(seed_of(&r).len(), 64);
}

// ---- STS

/// A trust policy for the account that requires MFA.
const MFA_TRUST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}"#;
/// Identity policy: AssumeRole always; ListUsers only with MFA; GetUser only within an
/// hour of the MFA authentication.
const MFA_POLICY: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"},{"Effect":"Allow","Action":"iam:ListUsers","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}},{"Effect":"Allow","Action":"iam:GetUser","Resource":"*","Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}}}]}"#;

const ROLE: &str = "arn:aws:iam::123456789012:role/secure";

/// alice (with [`MFA_POLICY`] and a device enabled), the role `secure` (MFA trust, same
/// policy). Returns alice's credentials and the device's serial and seed.
async fn mfa_setup<S: Store>(srv: &Server<S>) -> (Creds, String, String) {
    let (k, s) = srv.user_with_key("alice").await;
    store_user_policy(srv, "alice", "p", MFA_POLICY).await;
    srv.call(
        "CreateRole",
        &[
            ("RoleName", "secure"),
            ("AssumeRolePolicyDocument", MFA_TRUST),
            ("MaxSessionDuration", "43200"),
        ],
    )
    .await
    .assert_ok();
    srv.call(
        "PutRolePolicy",
        &[
            ("RoleName", "secure"),
            ("PolicyName", "p"),
            ("PolicyDocument", MFA_POLICY),
        ],
    )
    .await
    .assert_ok();
    let (serial, seed) = device(srv, "alice-dev").await;
    enable(srv, "alice", &serial, &seed).await;
    // The enable codes used steps now and now+1: move past them.
    srv.advance(60);
    (Creds::long_term((&k, &s)), serial, seed)
}

fn denied_assume() -> String {
    format!(
        "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: sts:AssumeRole on resource: {ROLE}"
    )
}

async fn assume_role_with_mfa<S: Store>(srv: Server<S>) {
    let (alice, serial, seed) = mfa_setup(&srv).await;
    let assume = |extra: Vec<(&'static str, String)>| {
        let srv = &srv;
        let alice = alice.clone();
        async move {
            let mut p: Vec<(&str, &str)> = vec![("RoleArn", ROLE), ("RoleSessionName", "s1")];
            p.extend(extra.iter().map(|(a, b)| (*a, b.as_str())));
            sts(srv, &alice, "AssumeRole", &p).await
        }
    };
    // Without MFA the trust policy refuses.
    assume(vec![])
        .await
        .assert_error(403, "AccessDenied", &denied_assume());
    let now_code = code(&srv, &seed, 0);
    assume(vec![("SerialNumber", serial.clone())])
        .await
        .assert_error(403, "AccessDenied", MFA_BOTH);
    assume(vec![("TokenCode", now_code.clone())])
        .await
        .assert_error(403, "AccessDenied", MFA_BOTH);
    for bad_serial in [
        "arn:aws:iam::123456789012:mfa/ghost",
        "arn:aws:iam::999999999999:mfa/alice-dev",
        "GAHT12345678",
    ] {
        assume(vec![
            ("SerialNumber", bad_serial.to_owned()),
            ("TokenCode", now_code.clone()),
        ])
        .await
        .assert_error(403, "AccessDenied", MFA_UNABLE);
    }
    // Another user's device.
    srv.call("CreateUser", &[("UserName", "bob")])
        .await
        .assert_ok();
    let (bob_serial, bob_seed) = device(&srv, "bob-dev").await;
    enable(&srv, "bob", &bob_serial, &bob_seed).await;
    assume(vec![
        ("SerialNumber", bob_serial.clone()),
        ("TokenCode", code(&srv, &bob_seed, 0)),
    ])
    .await
    .assert_error(403, "AccessDenied", MFA_UNABLE);
    // A wrong code, then a code of a step outside the ±1 window.
    assume(vec![
        ("SerialNumber", serial.clone()),
        ("TokenCode", wrong(&now_code)),
    ])
    .await
    .assert_error(403, "AccessDenied", MFA_INVALID);
    let far = code(&srv, &seed, 3);
    if far != now_code {
        assume(vec![("SerialNumber", serial.clone()), ("TokenCode", far)])
            .await
            .assert_error(403, "AccessDenied", MFA_INVALID);
    }
    // The right code: allowed, and the session is MFA-authenticated.
    let r = assume(vec![
        ("SerialNumber", serial.clone()),
        ("TokenCode", now_code.clone()),
        ("DurationSeconds", "7200".to_owned()),
    ])
    .await;
    let session = Creds::issued(&r);
    // The same code again is refused (replay protection).
    assume(vec![
        ("SerialNumber", serial.clone()),
        ("TokenCode", now_code.clone()),
    ])
    .await
    .assert_error(403, "AccessDenied", MFA_INVALID);
    // aws:MultiFactorAuthPresent and Age reach policy evaluation through the token.
    iam(&srv, &session, "ListUsers", &[]).await.assert_ok();
    iam(&srv, &session, "GetUser", &[("UserName", "alice")])
        .await
        .assert_ok();
    srv.advance(3_000);
    iam(&srv, &session, "GetUser", &[("UserName", "alice")])
        .await
        .assert_ok();
    srv.advance(700);
    let r = iam(&srv, &session, "GetUser", &[("UserName", "alice")]).await;
    assert_eq!(r.code(), "AccessDenied", "an hour after MFA: {}", r.body);
    iam(&srv, &session, "ListUsers", &[]).await.assert_ok();
    // Chaining from the MFA session passes MFA on without a code.
    let chained = sts(
        &srv,
        &session,
        "AssumeRole",
        &[("RoleArn", ROLE), ("RoleSessionName", "chained")],
    )
    .await;
    let chained = Creds::issued(&chained);
    iam(&srv, &chained, "ListUsers", &[]).await.assert_ok();
    // A role session has no MFA device of its own.
    sts(
        &srv,
        &session,
        "AssumeRole",
        &[
            ("RoleArn", ROLE),
            ("RoleSessionName", "again"),
            ("SerialNumber", &serial),
            ("TokenCode", &code(&srv, &seed, 0)),
        ],
    )
    .await
    .assert_error(403, "AccessDenied", MFA_UNABLE);
    // The audit trail says which requests were MFA-authenticated, and hides the code.
    let events = srv.audit().await;
    let list_users: Vec<&serde_json::Value> = events
        .iter()
        .filter(|e| e["eventName"] == "ListUsers")
        .collect();
    assert!(!list_users.is_empty());
    for e in list_users {
        assert_eq!(
            e["userIdentity"]["sessionContext"]["attributes"]["mfaAuthenticated"], "true",
            "{e}"
        );
    }
    let assume_events: Vec<&serde_json::Value> = events
        .iter()
        .filter(|e| {
            e["eventName"] == "AssumeRole" && e["requestParameters"]["tokenCode"].is_string()
        })
        .collect();
    assert!(!assume_events.is_empty());
    for e in assume_events {
        assert_ne!(
            e["requestParameters"]["tokenCode"],
            now_code.as_str(),
            "{e}"
        );
    }
}

async fn get_session_token_with_mfa<S: Store>(srv: Server<S>) {
    let (alice, serial, seed) = mfa_setup(&srv).await;
    // Without MFA: a session without IAM access, which the MFA trust refuses.
    let plain = Creds::issued(&sts(&srv, &alice, "GetSessionToken", &[]).await);
    let r = iam(&srv, &plain, "ListUsers", &[]).await;
    assert_eq!(r.code(), "AccessDenied", "{}", r.body);
    sts(
        &srv,
        &plain,
        "AssumeRole",
        &[("RoleArn", ROLE), ("RoleSessionName", "s1")],
    )
    .await
    .assert_error(403, "AccessDenied", &denied_assume());
    // That session may still authenticate with a code when assuming the role: the
    // request's MFA replaces the session's "false".
    let r = sts(
        &srv,
        &plain,
        "AssumeRole",
        &[
            ("RoleArn", ROLE),
            ("RoleSessionName", "s1"),
            ("SerialNumber", &serial),
            ("TokenCode", &code(&srv, &seed, 0)),
        ],
    )
    .await;
    let role_session = Creds::issued(&r);
    iam(&srv, &role_session, "ListUsers", &[]).await.assert_ok();
    // Wrong and missing parameters.
    sts(
        &srv,
        &alice,
        "GetSessionToken",
        &[("SerialNumber", &serial)],
    )
    .await
    .assert_error(403, "AccessDenied", MFA_BOTH);
    srv.advance(30);
    let now_code = code(&srv, &seed, 0);
    sts(
        &srv,
        &alice,
        "GetSessionToken",
        &[("SerialNumber", &serial), ("TokenCode", &wrong(&now_code))],
    )
    .await
    .assert_error(403, "AccessDenied", MFA_INVALID);
    sts(
        &srv,
        &Creds::long_term(ROOT),
        "GetSessionToken",
        &[("SerialNumber", &serial), ("TokenCode", &now_code)],
    )
    .await
    .assert_error(403, "AccessDenied", MFA_UNABLE);
    // With MFA: IAM allowed, subject to policies that test MFA.
    let session = Creds::issued(
        &sts(
            &srv,
            &alice,
            "GetSessionToken",
            &[("SerialNumber", &serial), ("TokenCode", &now_code)],
        )
        .await,
    );
    sts(
        &srv,
        &alice,
        "GetSessionToken",
        &[("SerialNumber", &serial), ("TokenCode", &now_code)],
    )
    .await
    .assert_error(403, "AccessDenied", MFA_INVALID);
    iam(&srv, &session, "ListUsers", &[]).await.assert_ok();
    // ... and the MFA trust admits it without another code.
    let r = sts(
        &srv,
        &session,
        "AssumeRole",
        &[("RoleArn", ROLE), ("RoleSessionName", "from-gst")],
    )
    .await;
    let chained = Creds::issued(&r);
    iam(&srv, &chained, "ListUsers", &[]).await.assert_ok();
    // Deactivated: the device no longer authenticates.
    srv.call(
        "DeactivateMFADevice",
        &[("UserName", "alice"), ("SerialNumber", &serial)],
    )
    .await
    .assert_ok();
    srv.advance(30);
    sts(
        &srv,
        &alice,
        "GetSessionToken",
        &[
            ("SerialNumber", &serial),
            ("TokenCode", &code(&srv, &seed, 0)),
        ],
    )
    .await
    .assert_error(403, "AccessDenied", MFA_UNABLE);
}

backend_tests!(
    mfa_golden,
    listings_and_pagination,
    mfa_errors,
    devices_per_user_quota,
    access_denied,
    assume_role_with_mfa,
    get_session_token_with_mfa,
);

/// PostgreSQL: the device operations and the one-use-per-step rule.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_mfa_errors() {
    common::on_postgres(mfa_errors).await;
}

/// PostgreSQL: MFA through AssumeRole, the session token and the audit log.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_assume_role_with_mfa() {
    common::on_postgres(assume_role_with_mfa).await;
}
