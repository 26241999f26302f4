//! Helpers shared by the `http_{roles,policies,attachments,inline,boundaries,oidc}` tests,
//! on top of `common` (the in-process harness).

#![allow(dead_code, reason = "each test file uses a different subset")]
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests: failing loudly is the point"
)]

use std::future::Future;

use warden_core::{InlinePolicy, PolicyHolder, Store, Transaction};

use crate::common::{ACCOUNT, Resp, Server};

/// Allows every IAM action.
pub(crate) const ALLOW_ALL: &str =
    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:*","Resource":"*"}]}"#;

/// A trust policy any principal of the account may assume.
pub(crate) const TRUST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}]}"#;

/// A valid managed policy document.
pub(crate) fn doc(action: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"{action}","Resource":"*"}}]}}"#
    )
}

/// Puts an inline user policy straight through the store (independent of the handlers
/// under test); the commit notifies the change feed like any writer's would.
pub(crate) async fn store_user_policy<S: Store>(
    srv: &Server<S>,
    user: &str,
    name: &str,
    doc: &str,
) {
    let account = ACCOUNT.parse().unwrap();
    let mut tx = srv.store.begin().await.unwrap();
    let u = tx.user_by_name(account, user).await.unwrap().unwrap();
    tx.put_inline_policy(
        account,
        &InlinePolicy {
            holder: PolicyHolder::User(u.id),
            name: name.to_owned(),
            document: doc.to_owned(),
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
}

/// Creates a user with a key and the given inline policy; returns its credentials.
pub(crate) async fn user_with_policy<S: Store>(
    srv: &Server<S>,
    name: &str,
    doc: &str,
) -> (String, String) {
    let creds = srv.user_with_key(name).await;
    store_user_policy(srv, name, "p", doc).await;
    creds
}

/// Polls until `call` answers `status` (the change feed is asynchronous for changes made
/// outside the API; API writes invalidate at once).
pub(crate) async fn eventually<S, F, Fut>(srv: &Server<S>, status: u16, mut call: F) -> Resp
where
    S: Store,
    F: FnMut() -> Fut,
    Fut: Future<Output = Resp>,
{
    let _ = srv;
    let mut last = call().await;
    for _ in 0..50 {
        if last.status == status {
            return last;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        last = call().await;
    }
    panic!(
        "expected status {status}, got {}: {}",
        last.status, last.body
    );
}

/// Every text of `<tag>` elements in the body, in order.
pub(crate) fn all_texts(resp: &Resp, tag: &str) -> Vec<String> {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    resp.body
        .split(open.as_str())
        .skip(1)
        .map(|part| part.split(close.as_str()).next().unwrap().to_owned())
        .collect()
}

/// Follows `Marker`s with `MaxItems=<page>` and collects every `<tag>` text.
pub(crate) async fn collect_pages<S: Store>(
    srv: &Server<S>,
    action: &str,
    params: &[(&str, &str)],
    page: &str,
    tag: &str,
) -> Vec<String> {
    let mut seen = Vec::new();
    let mut marker: Option<String> = None;
    for _ in 0..100 {
        let mut all: Vec<(&str, &str)> = params.to_vec();
        all.push(("MaxItems", page));
        if let Some(m) = &marker {
            all.push(("Marker", m.as_str()));
        }
        let r = srv.call(action, &all).await;
        r.assert_ok();
        seen.extend(all_texts(&r, tag));
        if r.text("IsTruncated").unwrap() == "false" {
            assert!(r.text("Marker").is_none(), "{}", r.body);
            return seen;
        }
        marker = r.text("Marker");
    }
    panic!("pagination did not end");
}

/// Decodes AWS's percent-encoding of policy documents (api.md §1.4).
pub(crate) fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// `User: <arn> is not authorized to perform: <action> on resource: <res> because no
/// identity-based policy allows the <action> action`.
pub(crate) fn denied(user: &str, action: &str, resource: &str) -> String {
    format!(
        "User: arn:aws:iam::123456789012:user/{user} is not authorized to perform: {action} on resource: {resource} because no identity-based policy allows the {action} action"
    )
}

/// Runs each scenario once per backend (SQLite; the harness has no PostgreSQL variant).
#[macro_export]
macro_rules! backend_tests {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name(super::common::sqlite().await).await;
                }
            )*
        }
    };
}
