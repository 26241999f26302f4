//! The machine's HTTP ceiling for `bench/http/run.sh`: the same HTTP stack as `warden serve`
//! (axum on hyper, Tokio's multi-thread runtime, `warden_server::serve::serve`) answering
//! every request with a fixed `403 AccessDenied` body of the denied call's size, doing
//! nothing else. What it serves on one core bounds what any handler can: the benchmark
//! reports Warden's figures beside it.
//!
//! `cargo run --release -p warden-server --example http_ceiling -- 127.0.0.1:PORT`

use std::net::SocketAddr;
use std::process::ExitCode;

use axum::Router;
use axum::body::Bytes;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::any;

/// The shape and size of Warden's answer to the benchmark's denied call.
const BODY: &str = "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">\n  <Error>\n    <Type>Sender</Type>\n    <Code>AccessDenied</Code>\n    <Message>User: arn:aws:iam::123456789012:user/nobody is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::123456789012:user/ because no identity-based policy allows the iam:ListUsers action</Message>\n  </Error>\n  <RequestId>4f2c3a1e-0000-4000-8000-000000000000</RequestId>\n</ErrorResponse>\n";

async fn answer(body: Bytes) -> impl IntoResponse {
    // Read the request body as the service does, then answer.
    drop(body);
    (
        StatusCode::FORBIDDEN,
        [
            (header::CONTENT_TYPE, "text/xml"),
            (
                header::HeaderName::from_static("x-amzn-requestid"),
                "4f2c3a1e-0000-4000-8000-000000000000",
            ),
        ],
        BODY,
    )
}

fn main() -> ExitCode {
    let Some(addr) = std::env::args()
        .nth(1)
        .and_then(|a| a.parse::<SocketAddr>().ok())
    else {
        eprintln!("usage: http_ceiling 127.0.0.1:PORT");
        return ExitCode::from(2);
    };
    let Ok(runtime) = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    else {
        eprintln!("cannot start the runtime");
        return ExitCode::FAILURE;
    };
    let app = Router::new().fallback(any(answer));
    match runtime.block_on(warden_server::serve::serve(app, addr, None, |_| {})) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
