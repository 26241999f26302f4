"""`warden serve --tls-cert --tls-key`: the SDK over HTTPS, and `aws:SecureTransport` true
there and false on plain HTTP (issue: "Optional TLS (rustls) from certificate and key
files, so aws:SecureTransport is true there")."""

from __future__ import annotations

import ipaddress
import json
import tempfile
from pathlib import Path

import boto3
import pytest
from botocore.exceptions import ClientError, SSLError
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec

from certs import self_signed, write_pem_pair
from warden_harness import ACCOUNT_ID, REGION, ROOT_ACCESS_KEY_ID, ROOT_SECRET_ACCESS_KEY, WardenServer, client_config

ONLY_OVER_TLS = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "iam:ListUsers", "Resource": "*",
                   "Condition": {"Bool": {"aws:SecureTransport": "true"}}}],
}


def self_signed_for_localhost(directory: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 (what the client checks) and its key, as PEM files."""
    key = ec.generate_private_key(ec.SECP256R1())
    cert = self_signed(key, "warden-test", san=[x509.IPAddress(ipaddress.ip_address("127.0.0.1"))])
    return write_pem_pair(directory, cert, key)


def client(server: WardenServer, key_id: str, secret: str, verify):
    return boto3.client("iam", endpoint_url=server.url, region_name=REGION, aws_access_key_id=key_id,
                        aws_secret_access_key=secret, verify=verify, config=client_config())


@pytest.fixture
def data_dir():
    with tempfile.TemporaryDirectory(prefix="warden-tls-") as path:
        yield Path(path)


def test_secure_transport_is_true_over_tls_only(data_dir):
    cert, key = self_signed_for_localhost(data_dir)
    store = data_dir / "data"
    tls = WardenServer(data_dir=str(store), extra_args=["--tls-cert", str(cert), "--tls-key", str(key)]).start()
    try:
        assert tls.url.startswith("https://")
        root = client(tls, ROOT_ACCESS_KEY_ID, ROOT_SECRET_ACCESS_KEY, str(cert))
        root.create_user(UserName="tls-only")
        root.put_user_policy(UserName="tls-only", PolicyName="tls", PolicyDocument=json.dumps(ONLY_OVER_TLS))
        access = root.create_access_key(UserName="tls-only")["AccessKey"]
        user = client(tls, access["AccessKeyId"], access["SecretAccessKey"], str(cert))
        assert any(u["UserName"] == "tls-only" for u in user.list_users()["Users"])
        # A client that does not trust the certificate refuses the server.
        with pytest.raises(SSLError):
            client(tls, ROOT_ACCESS_KEY_ID, ROOT_SECRET_ACCESS_KEY, True).list_users()
    finally:
        tls.stop()

    plain = WardenServer(data_dir=str(store)).start()
    try:
        user = client(plain, access["AccessKeyId"], access["SecretAccessKey"], None)
        with pytest.raises(ClientError) as denied:
            user.list_users()
        error = denied.value.response["Error"]
        assert error["Code"] == "AccessDenied"
        assert error["Message"] == (
            f"User: arn:aws:iam::{ACCOUNT_ID}:user/tls-only is not authorized to perform: iam:ListUsers on resource: "
            f"arn:aws:iam::{ACCOUNT_ID}:user/ because no identity-based policy allows the iam:ListUsers action"
        )
    finally:
        plain.stop()
