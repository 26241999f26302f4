//! A workload federated through OIDC, as it is deployed: no static credentials, a web identity
//! token in a file, and aws-config's `WebIdentityTokenCredentialsProvider` with a
//! `StaticConfiguration` (token file, role ARN, session name) and a region. The provider's own
//! STS client takes its endpoint from the process environment only
//!
//! ```text
//! AWS_ENDPOINT_URL_STS=http://127.0.0.1:PORT
//! ```
//!
//! (aws-config 1.x offers no public way to give a `ProviderConfig` an endpoint URL, and the
//! test process cannot set its own environment without `unsafe`), so `tests/web_identity.rs`
//! runs this program with that variable.
//!
//! It asks the provider for credentials once (`fetched <access key id>`, or `provider-error
//! <code>` and `message <message>` with exit status 1 when STS refuses), then uses the
//! provider as the credentials provider of an STS client (`identity <arn>` from
//! GetCallerIdentity) and of an IAM client (`get-role <outcome>` for GetRole of `ROLE_NAME`,
//! `list-roles <outcome>` for ListRoles; the outcome is `ok` or the error code).
//!
//! Usage: `web_identity_client ENDPOINT ROLE_ARN SESSION_NAME TOKEN_FILE ROLE_NAME`.

use std::error::Error as _;
use std::process::ExitCode;

use aws_config::BehaviorVersion;
use aws_config::provider_config::ProviderConfig;
use aws_config::retry::RetryConfig;
use aws_config::web_identity_token::{StaticConfiguration, WebIdentityTokenCredentialsProvider};
use aws_credential_types::provider::ProvideCredentials;
use aws_credential_types::provider::error::CredentialsError;
use aws_sdk_sts::config::Region;
use aws_sdk_sts::config::http::HttpResponse;
use aws_sdk_sts::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_sts::operation::assume_role_with_web_identity::AssumeRoleWithWebIdentityError;

/// The region the provider and the clients use (any region is accepted, api.md §2.3).
const REGION: &str = "us-east-1";

/// STS's error code and message inside a provider failure, when STS answered.
fn sts_error(err: &CredentialsError) -> Option<(String, String)> {
    let mut source = err.source();
    while let Some(cause) = source {
        if let Some(sdk) =
            cause.downcast_ref::<SdkError<AssumeRoleWithWebIdentityError, HttpResponse>>()
        {
            return Some((
                sdk.code().unwrap_or("<no code>").to_owned(),
                sdk.message().unwrap_or("<no message>").to_owned(),
            ));
        }
        source = cause.source();
    }
    None
}

/// `ok`, or the error code of a failed call.
fn outcome<T, E: ProvideErrorMetadata, R>(result: &Result<T, SdkError<E, R>>) -> String {
    match result {
        Ok(_) => "ok".to_owned(),
        Err(err) => err.code().unwrap_or("<no code>").to_owned(),
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [endpoint, role_arn, session_name, token_file, role_name] = args.as_slice() else {
        eprintln!("usage: web_identity_client ENDPOINT ROLE_ARN SESSION_NAME TOKEN_FILE ROLE_NAME");
        return ExitCode::from(2);
    };
    // Plain HTTP to 127.0.0.1; no retries, so a refusal is reported at once.
    let http = aws_smithy_http_client::Builder::new().build_http();
    let provider = WebIdentityTokenCredentialsProvider::builder()
        .configure(
            &ProviderConfig::without_region()
                .with_region(Some(Region::new(REGION)))
                .with_http_client(http.clone())
                .with_retry_config(RetryConfig::disabled()),
        )
        .static_configuration(StaticConfiguration {
            web_identity_token_file: token_file.into(),
            role_arn: role_arn.clone(),
            session_name: session_name.clone(),
        })
        .build();

    match provider.provide_credentials().await {
        Ok(credentials) => println!("fetched {}", credentials.access_key_id()),
        Err(err) => {
            match sts_error(&err) {
                Some((code, message)) => {
                    println!("provider-error {code}");
                    println!("message {message}");
                }
                None => println!(
                    "provider-error <no STS answer>: {}",
                    aws_sdk_sts::error::DisplayErrorContext(&err)
                ),
            }
            return ExitCode::FAILURE;
        }
    }

    let config = aws_config::defaults(BehaviorVersion::latest())
        .credentials_provider(provider)
        .region(Region::new(REGION))
        .endpoint_url(endpoint.clone())
        .http_client(http)
        .retry_config(RetryConfig::disabled())
        .load()
        .await;
    let sts = aws_sdk_sts::Client::new(&config);
    match sts.get_caller_identity().send().await {
        Ok(out) => println!("identity {}", out.arn().unwrap_or("<none>")),
        Err(err) => {
            eprintln!(
                "GetCallerIdentity failed: {}",
                aws_sdk_sts::error::DisplayErrorContext(&err)
            );
            return ExitCode::FAILURE;
        }
    }
    let iam = aws_sdk_iam::Client::new(&config);
    let got = iam.get_role().role_name(role_name).send().await;
    println!("get-role {}", outcome(&got));
    let listed = iam.list_roles().send().await;
    println!("list-roles {}", outcome(&listed));
    ExitCode::SUCCESS
}
