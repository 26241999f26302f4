//! In-process HTTP tests of OpenID Connect providers (api.md §5.13).

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests: failing loudly is the point"
)]

mod common;
mod handlers_support;

use common::{Server, golden};
use handlers_support::{all_texts, collect_pages, denied};
use warden_core::Store;

const URL: &str = "https://token.example.com/id/ABC";
const ARN: &str = "arn:aws:iam::123456789012:oidc-provider/token.example.com/id/ABC";
const THUMB: &str = "9e99a48a9960b14926bb7f3b02e22da2b0ab7280";

async fn oidc_golden<S: Store>(srv: Server<S>) {
    golden(
        "create_oidc_provider",
        srv.call(
            "CreateOpenIDConnectProvider",
            &[
                ("Url", URL),
                ("ClientIDList.member.1", "sts.amazonaws.com"),
                ("ThumbprintList.member.1", THUMB),
                ("Tags.member.1.Key", "env"),
                ("Tags.member.1.Value", "dev"),
            ],
        )
        .await
        .assert_ok(),
    );
    golden(
        "get_oidc_provider",
        srv.call(
            "GetOpenIDConnectProvider",
            &[("OpenIDConnectProviderArn", ARN)],
        )
        .await
        .assert_ok(),
    );
    srv.call(
        "CreateOpenIDConnectProvider",
        &[("Url", "https://a.example.org")],
    )
    .await
    .assert_ok();
    golden(
        "get_oidc_provider_bare",
        srv.call(
            "GetOpenIDConnectProvider",
            &[(
                "OpenIDConnectProviderArn",
                "arn:aws:iam::123456789012:oidc-provider/a.example.org",
            )],
        )
        .await
        .assert_ok(),
    );
    golden(
        "list_oidc_providers",
        srv.call("ListOpenIDConnectProviders", &[])
            .await
            .assert_ok(),
    );
    golden(
        "add_client_id",
        srv.call(
            "AddClientIDToOpenIDConnectProvider",
            &[("OpenIDConnectProviderArn", ARN), ("ClientID", "app")],
        )
        .await
        .assert_ok(),
    );
    // Idempotent both ways.
    srv.call(
        "AddClientIDToOpenIDConnectProvider",
        &[("OpenIDConnectProviderArn", ARN), ("ClientID", "app")],
    )
    .await
    .assert_ok();
    golden(
        "remove_client_id",
        srv.call(
            "RemoveClientIDFromOpenIDConnectProvider",
            &[
                ("OpenIDConnectProviderArn", ARN),
                ("ClientID", "sts.amazonaws.com"),
            ],
        )
        .await
        .assert_ok(),
    );
    srv.call(
        "RemoveClientIDFromOpenIDConnectProvider",
        &[("OpenIDConnectProviderArn", ARN), ("ClientID", "absent")],
    )
    .await
    .assert_ok();
    golden(
        "update_thumbprint",
        srv.call(
            "UpdateOpenIDConnectProviderThumbprint",
            &[
                ("OpenIDConnectProviderArn", ARN),
                ("ThumbprintList.member.1", &"a".repeat(40)),
            ],
        )
        .await
        .assert_ok(),
    );
    let r = srv
        .call(
            "GetOpenIDConnectProvider",
            &[("OpenIDConnectProviderArn", ARN)],
        )
        .await;
    assert_eq!(all_texts(&r, "member").len(), 3, "{}", r.body); // app, thumbprint, tag
    assert!(
        r.body
            .contains("<ClientIDList><member>app</member></ClientIDList>"),
        "{}",
        r.body
    );
    golden(
        "tag_oidc_provider",
        srv.call(
            "TagOpenIDConnectProvider",
            &[
                ("OpenIDConnectProviderArn", ARN),
                ("Tags.member.1.Key", "Env"),
                ("Tags.member.1.Value", "x"),
            ],
        )
        .await
        .assert_ok(),
    );
    golden(
        "list_oidc_provider_tags",
        srv.call(
            "ListOpenIDConnectProviderTags",
            &[("OpenIDConnectProviderArn", ARN)],
        )
        .await
        .assert_ok(),
    );
    golden(
        "untag_oidc_provider",
        srv.call(
            "UntagOpenIDConnectProvider",
            &[
                ("OpenIDConnectProviderArn", ARN),
                ("TagKeys.member.1", "env"),
            ],
        )
        .await
        .assert_ok(),
    );
    let keys = collect_pages(
        &srv,
        "ListOpenIDConnectProviderTags",
        &[("OpenIDConnectProviderArn", ARN)],
        "1",
        "Key",
    )
    .await;
    assert_eq!(keys, ["Env"]);
    golden(
        "delete_oidc_provider",
        srv.call(
            "DeleteOpenIDConnectProvider",
            &[("OpenIDConnectProviderArn", ARN)],
        )
        .await
        .assert_ok(),
    );
    srv.call(
        "DeleteOpenIDConnectProvider",
        &[("OpenIDConnectProviderArn", ARN)],
    )
    .await
    .assert_error(
        404,
        "NoSuchEntity",
        &format!("OpenId connect Provider {ARN} cannot be found."),
    );
}

macro_rules! url_cases {
    ($($name:ident: $url:expr => $ok:expr;)*) => {$(
        async fn $name<S: Store>(srv: Server<S>) {
            let r = srv.call("CreateOpenIDConnectProvider", &[("Url", $url)]).await;
            if $ok {
                r.assert_ok();
                let arn = r.text("OpenIDConnectProviderArn").unwrap();
                assert_eq!(arn, format!("arn:aws:iam::123456789012:oidc-provider/{}", $url.strip_prefix("https://").unwrap()));
            } else {
                r.assert_error(400, "ValidationError", "Invalid Open ID Connect Provider URL");
            }
        }
    )*};
}

url_cases! {
    url_host_only: "https://issuer.example.com" => true;
    url_with_path: "https://oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF" => true;
    url_with_port: "https://issuer.example.com:8443" => true;
    url_http: "http://issuer.example.com" => false;
    url_no_host: "https:///path" => false;
    url_query: "https://issuer.example.com/?a=b" => false;
    url_fragment: "https://issuer.example.com/#x" => false;
    url_scheme_only: "https://" => false;
}

async fn oidc_errors<S: Store>(srv: Server<S>) {
    srv.call("CreateOpenIDConnectProvider", &[("Url", URL)])
        .await
        .assert_ok();
    srv.call("CreateOpenIDConnectProvider", &[("Url", URL)])
        .await
        .assert_error(
            409,
            "EntityAlreadyExists",
            &format!("Provider with url {URL} already exists."),
        );
    let ghost = "arn:aws:iam::123456789012:oidc-provider/ghost.example.com";
    for (action, extra) in [
        ("GetOpenIDConnectProvider", None),
        (
            "AddClientIDToOpenIDConnectProvider",
            Some(("ClientID", "x")),
        ),
        (
            "RemoveClientIDFromOpenIDConnectProvider",
            Some(("ClientID", "x")),
        ),
        (
            "UpdateOpenIDConnectProviderThumbprint",
            Some(("ThumbprintList.member.1", THUMB)),
        ),
        ("ListOpenIDConnectProviderTags", None),
    ] {
        let mut params = vec![("OpenIDConnectProviderArn", ghost)];
        params.extend(extra);
        srv.call(action, &params).await.assert_error(
            404,
            "NoSuchEntity",
            &format!("OpenIDConnect Provider not found for arn {ghost}"),
        );
    }
    // Another account's ARN names nothing here.
    let foreign = "arn:aws:iam::999999999999:oidc-provider/token.example.com/id/ABC";
    srv.call(
        "GetOpenIDConnectProvider",
        &[("OpenIDConnectProviderArn", foreign)],
    )
    .await
    .assert_error(
        404,
        "NoSuchEntity",
        &format!("OpenIDConnect Provider not found for arn {foreign}"),
    );
    let six: Vec<(String, String)> = (1..=6)
        .map(|i| {
            (
                format!("ThumbprintList.member.{i}"),
                format!("{i}").repeat(40),
            )
        })
        .collect();
    let mut params: Vec<(&str, &str)> = vec![("Url", "https://six.example.com")];
    params.extend(six.iter().map(|(a, b)| (a.as_str(), b.as_str())));
    srv.call("CreateOpenIDConnectProvider", &params)
        .await
        .assert_error(
            400,
            "InvalidInput",
            "Thumbprint list must contain fewer than 5 entries.",
        );
    params.pop();
    srv.call("CreateOpenIDConnectProvider", &params)
        .await
        .assert_ok();
    let mut update: Vec<(&str, &str)> = vec![("OpenIDConnectProviderArn", ARN)];
    update.extend(six.iter().map(|(a, b)| (a.as_str(), b.as_str())));
    srv.call("UpdateOpenIDConnectProviderThumbprint", &update)
        .await
        .assert_error(
            400,
            "InvalidInput",
            "Thumbprint list must contain fewer than 5 entries.",
        );
    let ids: Vec<String> = (0..101)
        .map(|i| format!("ClientIDList.member.{}", i + 1))
        .collect();
    let vals: Vec<String> = (0..101).map(|i| format!("client{i}")).collect();
    let mut params: Vec<(&str, &str)> = vec![("Url", "https://many.example.com")];
    params.extend(ids.iter().zip(&vals).map(|(a, b)| (a.as_str(), b.as_str())));
    srv.call("CreateOpenIDConnectProvider", &params)
        .await
        .assert_error(
            409,
            "LimitExceeded",
            "Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: 100",
        );
    params.pop();
    srv.call("CreateOpenIDConnectProvider", &params)
        .await
        .assert_ok();
    srv.call(
        "AddClientIDToOpenIDConnectProvider",
        &[
            (
                "OpenIDConnectProviderArn",
                "arn:aws:iam::123456789012:oidc-provider/many.example.com",
            ),
            ("ClientID", "one-more"),
        ],
    )
    .await
    .assert_error(
        409,
        "LimitExceeded",
        "Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: 100",
    );
    // Case-sensitive tag keys.
    srv.call(
        "TagOpenIDConnectProvider",
        &[
            ("OpenIDConnectProviderArn", ARN),
            ("Tags.member.1.Key", "k"),
            ("Tags.member.1.Value", ""),
            ("Tags.member.2.Key", "K"),
            ("Tags.member.2.Value", ""),
        ],
    )
    .await
    .assert_ok();
}

async fn access_denied<S: Store>(srv: Server<S>) {
    srv.call("CreateOpenIDConnectProvider", &[("Url", URL)])
        .await
        .assert_ok();
    let (id, secret) = srv.user_with_key("bob").await;
    let me = (id.as_str(), secret.as_str());
    srv.call_as(
        me,
        "GetOpenIDConnectProvider",
        &[("OpenIDConnectProviderArn", ARN)],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &denied("bob", "iam:GetOpenIDConnectProvider", ARN),
    );
    srv.call_as(
        me,
        "CreateOpenIDConnectProvider",
        &[("Url", "https://new.example.com")],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &denied(
            "bob",
            "iam:CreateOpenIDConnectProvider",
            "arn:aws:iam::123456789012:oidc-provider/new.example.com",
        ),
    );
    srv.call_as(me, "ListOpenIDConnectProviders", &[])
        .await
        .assert_error(
            403,
            "AccessDenied",
            &denied("bob", "iam:ListOpenIDConnectProviders", "*"),
        );
    // Tag-on-create needs iam:TagOpenIDConnectProvider too.
    srv.call(
        "PutUserPolicy",
        &[
            ("UserName", "bob"),
            ("PolicyName", "p"),
            ("PolicyDocument", r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:CreateOpenIDConnectProvider","Resource":"*"}]}"#),
        ],
    )
    .await
    .assert_ok();
    srv.call_as(
        me,
        "CreateOpenIDConnectProvider",
        &[
            ("Url", "https://new.example.com"),
            ("Tags.member.1.Key", "k"),
            ("Tags.member.1.Value", "v"),
        ],
    )
    .await
    .assert_error(
        403,
        "AccessDenied",
        &denied(
            "bob",
            "iam:TagOpenIDConnectProvider",
            "arn:aws:iam::123456789012:oidc-provider/new.example.com",
        ),
    );
    srv.call_as(
        me,
        "CreateOpenIDConnectProvider",
        &[("Url", "https://new.example.com")],
    )
    .await
    .assert_ok();
    // The provider now exists, so a trust policy may name it.
    let trust = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/new.example.com"},"Action":"sts:AssumeRoleWithWebIdentity"}]}"#;
    srv.call(
        "CreateRole",
        &[("RoleName", "web"), ("AssumeRolePolicyDocument", trust)],
    )
    .await
    .assert_ok();
}

backend_tests!(
    oidc_golden,
    url_host_only,
    url_with_path,
    url_with_port,
    url_http,
    url_no_host,
    url_query,
    url_fragment,
    url_scheme_only,
    oidc_errors,
    access_denied,
);
