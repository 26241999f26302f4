//! `warden serve`, `warden account` and `warden audit`, run as an operator runs them.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers fail loudly by design"
)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// A running `warden serve`; killed on drop.
struct Server {
    child: Child,
    addr: String,
}

impl Server {
    /// Stops the server as an operator does (SIGTERM: graceful shutdown, which also
    /// writes the background audit writer's last events), then waits for it.
    fn stop(mut self) {
        let terminated = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .is_ok_and(|s| s.success());
        if terminated {
            let _ = self.child.wait();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `warden serve ARGS` with `env`, waits (30 s at most) for the listening line.
fn start(args: &[&str], env: &[(&str, &str)]) -> Result<Server, String> {
    start_in(&std::env::temp_dir(), args, env)
}

fn start_in(cwd: &Path, args: &[&str], env: &[(&str, &str)]) -> Result<Server, String> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_warden"));
    cmd.current_dir(cwd)
        .arg("serve")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for var in [
        "WARDEN_LISTEN",
        "WARDEN_DATA_DIR",
        "WARDEN_DATABASE_URL",
        "WARDEN_ACCOUNT_ID",
        "WARDEN_ROOT_ACCESS_KEY_ID",
        "WARDEN_ROOT_SECRET_ACCESS_KEY",
        "WARDEN_LOG",
        "WARDEN_REGION",
    ] {
        cmd.env_remove(var);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { return };
            if tx.send(line).is_err() {
                return;
            }
        }
    });
    let mut seen = Vec::new();
    loop {
        match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(line) => {
                if let Some(addr) = line.strip_prefix("warden: listening on http://") {
                    let addr = addr.to_owned();
                    return Ok(Server { child, addr });
                }
                seen.push(line);
            }
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(seen.join("\n"));
            }
        }
    }
}

/// A plain HTTP GET; returns the response text.
fn get(addr: &str, path: &str) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    stream.read_to_string(&mut out).unwrap();
    out
}

/// Everything the server printed on stdout, once it is killed.
fn printed(server: &mut Server) -> String {
    server.child.kill().unwrap();
    let mut stdout = String::new();
    server
        .child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    stdout
}

fn dir_arg(dir: &Path) -> String {
    dir.to_str().unwrap().to_owned()
}

#[test]
fn first_start_prints_the_generated_root_key_once() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir_arg(dir.path());
    let mut server = start(&["--listen", "127.0.0.1:0", "--data-dir", &data], &[]).unwrap();
    let metrics = get(&server.addr, "/metrics");
    assert!(metrics.starts_with("HTTP/1.1 200"), "{metrics}");
    let stdout = printed(&mut server);
    assert!(stdout.contains("export AWS_ACCESS_KEY_ID=AKIA"), "{stdout}");
    assert!(
        stdout.contains(&format!("AWS_ENDPOINT_URL=http://{} ", server.addr)),
        "{stdout}"
    );
    assert!(
        stdout.contains("aws configure set aws_secret_access_key "),
        "{stdout}"
    );
    drop(server);
    // The second start finds the account: nothing is printed.
    let mut again = start(&["--listen", "127.0.0.1:0", "--data-dir", &data], &[]).unwrap();
    let stdout = printed(&mut again);
    assert_eq!(stdout, "");
}

/// `--region` reaches the printed client configuration; a name no SigV4 scope could carry
/// stops the start with a clear message.
#[test]
fn the_region_setting_is_printed_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir_arg(dir.path());
    let mut server = start(
        &[
            "--listen",
            "127.0.0.1:0",
            "--data-dir",
            &data,
            "--region",
            "eu-west-1",
        ],
        &[],
    )
    .unwrap();
    let stdout = printed(&mut server);
    assert!(
        stdout.contains("AWS_REGION=eu-west-1 AWS_DEFAULT_REGION=eu-west-1"),
        "{stdout}"
    );
    assert!(
        stdout.contains("aws configure set region eu-west-1"),
        "{stdout}"
    );
    drop(server);
    let other = tempfile::tempdir().unwrap();
    let refused = start(
        &[
            "--listen",
            "127.0.0.1:0",
            "--data-dir",
            &dir_arg(other.path()),
        ],
        &[("WARDEN_REGION", "EU_West")],
    )
    .err()
    .unwrap();
    assert!(refused.contains("invalid region `EU_West`"), "{refused}");
}

/// Flags win over environment variables, which win over the config file.
#[test]
fn configuration_precedence() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir_arg(dir.path());
    let config = dir.path().join("warden.toml");
    std::fs::write(&config, "listen = \"not an address\"\n").unwrap();
    let config = dir_arg(&config);
    let dev = [
        "--dev",
        "--root-access-key-id",
        "admin",
        "--root-secret-access-key",
        "secret",
    ];
    // The file alone: its invalid address is used, and refused.
    let mut args = vec!["--config", config.as_str(), "--data-dir", &data];
    args.extend(dev);
    let err = start(&args, &[])
        .err()
        .expect("the file's address must be used");
    assert!(
        err.contains("invalid listen address `not an address`"),
        "{err}"
    );
    // The environment beats the file.
    start(&args, &[("WARDEN_LISTEN", "127.0.0.1:0")]).unwrap();
    // The flag beats the environment.
    let mut with_flag = args.clone();
    with_flag.extend(["--listen", "127.0.0.1:0"]);
    start(&with_flag, &[("WARDEN_LISTEN", "also not an address")]).unwrap();
}

#[test]
fn dev_mode_without_storage_uses_a_temporary_directory() {
    let cwd = tempfile::tempdir().unwrap();
    let server = start_in(
        cwd.path(),
        &[
            "--dev",
            "--listen",
            "127.0.0.1:0",
            "--root-access-key-id",
            "admin",
            "--root-secret-access-key",
            "secret",
        ],
        &[],
    )
    .unwrap();
    // Nothing is written where it was started (no ./warden-data).
    assert_eq!(std::fs::read_dir(cwd.path()).unwrap().count(), 0);
    let reset = {
        let mut stream = TcpStream::connect(&server.addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        write!(
            stream,
            "POST /_warden/dev/reset HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut out = String::new();
        stream.read_to_string(&mut out).unwrap();
        out
    };
    assert!(reset.starts_with("HTTP/1.1 200"), "{reset}");
}

#[test]
fn account_create_then_audit() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir_arg(dir.path());
    let out = Command::new(env!("CARGO_BIN_EXE_warden"))
        .args([
            "account",
            "create",
            "--account-id",
            "210987654321",
            "--data-dir",
            &data,
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("created account 210987654321"), "{text}");
    assert!(text.contains("root access key id:     AKIA"), "{text}");
    let again = Command::new(env!("CARGO_BIN_EXE_warden"))
        .args([
            "account",
            "create",
            "--account-id",
            "210987654321",
            "--data-dir",
            &data,
        ])
        .output()
        .unwrap();
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("account 210987654321 already exists"));
    let audit = Command::new(env!("CARGO_BIN_EXE_warden"))
        .args(["audit", "--data-dir", &data, "--output", "json"])
        .output()
        .unwrap();
    assert!(
        audit.status.success(),
        "{}",
        String::from_utf8_lossy(&audit.stderr)
    );
    assert_eq!(String::from_utf8(audit.stdout).unwrap(), "");
}

/// A failed authentication is audited; `warden audit` filters it by outcome and
/// `warden audit export` writes it as a gzip CloudTrail file.
#[test]
fn audit_filters_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir_arg(dir.path());
    let server = start(
        &[
            "--listen",
            "127.0.0.1:0",
            "--data-dir",
            &data,
            "--root-access-key-id",
            "admin",
            "--root-secret-access-key",
            "secret",
        ],
        &[],
    )
    .unwrap();
    let now = time::OffsetDateTime::now_utc();
    let stamp = format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        now.year(),
        u8::from(now.month()),
        now.day(),
        now.hour(),
        now.minute(),
        now.second()
    );
    let body = "Action=ListUsers&Version=2010-05-08";
    let auth = format!(
        "AWS4-HMAC-SHA256 Credential=AKIAUNKNOWNKEY000000/{}/eu-west-1/iam/aws4_request, SignedHeaders=host;x-amz-date, Signature={}",
        stamp.get(..8).unwrap(),
        "0".repeat(64)
    );
    let mut stream = TcpStream::connect(&server.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "POST / HTTP/1.1\r\nHost: {}\r\nX-Amz-Date: {stamp}\r\nAuthorization: {auth}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        server.addr,
        body.len()
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(
        response.contains("<Code>InvalidClientTokenId</Code>"),
        "{response}"
    );
    server.stop();

    let audit = |extra: &[&str]| {
        let mut args = vec!["audit", "--data-dir", data.as_str(), "--output", "json"];
        args.extend(extra);
        let out = Command::new(env!("CARGO_BIN_EXE_warden"))
            .args(&args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let errors = audit(&["--outcome", "error"]);
    assert_eq!(errors.lines().count(), 1, "{errors}");
    let record: serde_json::Value = serde_json::from_str(errors.trim()).unwrap();
    assert_eq!(record["errorCode"], "InvalidClientTokenId");
    assert_eq!(
        record["userIdentity"]["accessKeyId"],
        "AKIAUNKNOWNKEY000000"
    );
    assert_eq!(audit(&["--outcome", "allowed"]), "");
    assert_eq!(audit(&["--action", "CreateUser"]), "");
    // A malformed time is refused once, clearly, with the expected form.
    let bad = Command::new(env!("CARGO_BIN_EXE_warden"))
        .args(["audit", "--data-dir", data.as_str(), "--since", "yesterday"])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert_eq!(
        String::from_utf8(bad.stderr).unwrap(),
        "error: invalid time `yesterday`: the 'year' component could not be parsed (expected RFC 3339, e.g. 2026-11-23T04:00:00Z)\n"
    );

    let export = dir.path().join("trail");
    let out = Command::new(env!("CARGO_BIN_EXE_warden"))
        .args(["audit", "export", "--data-dir", &data, "--dir"])
        .arg(&export)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let files: Vec<_> = std::fs::read_dir(&export).unwrap().collect();
    assert_eq!(files.len(), 1);
    let path = files.into_iter().next().unwrap().unwrap().path();
    // Named like CloudTrail's files, with the region the client signed for.
    let name = path.file_name().unwrap().to_str().unwrap();
    assert!(
        name.starts_with("123456789012_CloudTrail_eu-west-1_") && name.ends_with("_warden.json.gz"),
        "{name}"
    );
    let mut json = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(&path).unwrap())
        .read_to_string(&mut json)
        .unwrap();
    let trail: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(trail["Records"][0]["eventName"], "ListUsers");
}
