//! A workload as it is deployed: it has NO static credentials, only the two environment
//! variables of the container credentials provider
//!
//! ```text
//! AWS_CONTAINER_CREDENTIALS_FULL_URI=http://127.0.0.1:PORT/_warden/workload/credentials
//! AWS_CONTAINER_AUTHORIZATION_TOKEN=<token from `warden workload register`>
//! ```
//!
//! which aws-config's ECS provider reads from the process environment (aws-config offers no
//! public way to hand them to the provider builder). It calls STS GetCallerIdentity
//! `CALLS` times, `PAUSE` seconds apart, through an SDK client whose credentials come from
//! that provider (cached and refreshed by the SDK's identity cache), and prints one line per
//! credentials fetch (`fetched <access key id>`) and per call (`identity <arn>`), for
//! `tests/workload.rs`.
//!
//! Usage: `workload_client ENDPOINT CALLS PAUSE`.

use std::process::ExitCode;
use std::time::Duration;

use aws_config::BehaviorVersion;
use aws_config::ecs::EcsCredentialsProvider;
use aws_config::provider_config::ProviderConfig;
use aws_config::retry::RetryConfig;
use aws_credential_types::provider::{ProvideCredentials, future};
use aws_sdk_sts::config::Region;

/// The ECS provider, printing the access key id of every set of credentials it fetches.
#[derive(Debug)]
struct Announcing(EcsCredentialsProvider);

impl ProvideCredentials for Announcing {
    fn provide_credentials<'a>(&'a self) -> future::ProvideCredentials<'a>
    where
        Self: 'a,
    {
        future::ProvideCredentials::new(async move {
            let credentials = self.0.provide_credentials().await?;
            println!("fetched {}", credentials.access_key_id());
            Ok(credentials)
        })
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(endpoint), Some(calls), Some(pause)) = (
        args.first(),
        args.get(1).and_then(|a| a.parse::<u32>().ok()),
        args.get(2).and_then(|a| a.parse::<u64>().ok()),
    ) else {
        eprintln!("usage: workload_client ENDPOINT CALLS PAUSE");
        return ExitCode::from(2);
    };
    // Plain HTTP to 127.0.0.1 (the ECS provider accepts HTTP only on loopback addresses).
    let http = aws_smithy_http_client::Builder::new().build_http();
    let ecs = EcsCredentialsProvider::builder()
        .configure(&ProviderConfig::without_region().with_http_client(http.clone()))
        .build();
    let config = aws_config::defaults(BehaviorVersion::latest())
        .credentials_provider(Announcing(ecs))
        .region(Region::new("us-east-1"))
        .endpoint_url(endpoint.clone())
        .http_client(http)
        .retry_config(RetryConfig::disabled())
        .load()
        .await;
    let sts = aws_sdk_sts::Client::new(&config);
    for call in 0..calls {
        if call > 0 {
            tokio::time::sleep(Duration::from_secs(pause)).await;
        }
        match sts.get_caller_identity().send().await {
            Ok(out) => println!("identity {}", out.arn().unwrap_or("<none>")),
            Err(e) => {
                eprintln!(
                    "GetCallerIdentity failed: {}",
                    aws_sdk_sts::error::DisplayErrorContext(&e)
                );
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
