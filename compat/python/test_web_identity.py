"""AssumeRoleWithWebIdentity and Warden's own OIDC issuer through boto3 (api.md §5.21, §6.3,
§6.10).

A real OIDC issuer runs inside the test: an RSA key made with `cryptography`, discovery and
JWKS served by `http.server` over HTTPS on localhost with a self-signed certificate whose
SHA-1 thumbprint is registered on the provider. boto3 sends AssumeRoleWithWebIdentity
unsigned (the operation is `noAuth` in botocore's model).
"""

from __future__ import annotations

import base64
import hashlib
import json
import ssl
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from certs import self_signed, write_pem_pair
from helpers import expect_error
from warden_harness import ACCOUNT_ID, unique

CLIENT_ID = "e2e-app"


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64_int(n: int) -> str:
    return b64(n.to_bytes((n.bit_length() + 7) // 8, "big"))


class Issuer:
    """An OIDC issuer on https://localhost:<port> with a self-signed certificate."""

    def __init__(self) -> None:
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = "e2e-key-1"
        tls_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        cert = self_signed(tls_key, "localhost", san=[x509.DNSName("localhost")], days_after=1)
        der = cert.public_bytes(serialization.Encoding.DER)
        self.thumbprint = hashlib.sha1(der).hexdigest()
        self._dir = tempfile.TemporaryDirectory()
        cert_path, key_path = write_pem_pair(Path(self._dir.name), cert, tls_key)
        issuer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                if self.path == "/.well-known/openid-configuration":
                    body = {"issuer": issuer.url, "jwks_uri": f"{issuer.url}/keys"}
                elif self.path == "/keys":
                    body = issuer.jwks()
                else:
                    self.send_error(404)
                    return
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert_path, key_path)
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.port = self.server.server_address[1]
        self.url = f"https://localhost:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def jwks(self) -> dict:
        numbers = self.key.public_key().public_numbers()
        return {
            "keys": [
                {
                    "kty": "RSA",
                    "kid": self.kid,
                    "use": "sig",
                    "alg": "RS256",
                    "n": b64_int(numbers.n),
                    "e": b64_int(numbers.e),
                }
            ]
        }

    def token(self, sub: str, key=None, **overrides) -> str:
        now = int(time.time())
        claims = {"iss": self.url, "sub": sub, "aud": CLIENT_ID, "iat": now, "exp": now + 600}
        claims.update(overrides)
        header = {"alg": "RS256", "typ": "JWT", "kid": self.kid}
        signing_input = f"{b64(json.dumps(header).encode())}.{b64(json.dumps(claims).encode())}"
        signature = (key or self.key).sign(signing_input.encode(), padding.PKCS1v15(), hashes.SHA256())
        return f"{signing_input}.{b64(signature)}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self._dir.cleanup()


@pytest.fixture(scope="module")
def issuer():
    server = Issuer()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def web_role(iam, issuer):
    provider_arn = iam.create_open_id_connect_provider(
        Url=issuer.url, ClientIDList=[CLIENT_ID], ThumbprintList=[issuer.thumbprint]
    )["OpenIDConnectProviderArn"]
    host = issuer.url.removeprefix("https://")
    trust = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"Federated": provider_arn},
                "Action": "sts:AssumeRoleWithWebIdentity",
                "Condition": {"StringEquals": {f"{host}:aud": CLIENT_ID, f"{host}:sub": "alice"}},
            }
        ],
    }
    name = unique("web")
    role = iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust))["Role"]
    yield role["Arn"], provider_arn
    iam.delete_role(RoleName=name)
    iam.delete_open_id_connect_provider(OpenIDConnectProviderArn=provider_arn)


def test_assume_role_with_web_identity(warden, sts, issuer, web_role):
    role_arn, provider_arn = web_role
    out = sts.assume_role_with_web_identity(
        RoleArn=role_arn, RoleSessionName="e2e-session", WebIdentityToken=issuer.token("alice")
    )
    assert out["SubjectFromWebIdentityToken"] == "alice"
    assert out["Audience"] == CLIENT_ID
    assert out["Provider"] == provider_arn
    assert out["AssumedRoleUser"]["Arn"].endswith(":assumed-role/" + role_arn.split("/")[-1] + "/e2e-session")
    creds = out["Credentials"]
    assert creds["AccessKeyId"].startswith("ASIA")
    session = warden.client(
        creds["AccessKeyId"], creds["SecretAccessKey"], service="sts", session_token=creds["SessionToken"]
    )
    assert session.get_caller_identity()["Arn"] == out["AssumedRoleUser"]["Arn"]


def test_refused_tokens(sts, issuer, web_role):
    role_arn, _ = web_role

    def assume(token):
        return lambda: sts.assume_role_with_web_identity(
            RoleArn=role_arn, RoleSessionName="e2e-session", WebIdentityToken=token
        )

    other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    expect_error(
        assume(issuer.token("alice", key=other_key)), "InvalidIdentityToken", "Signature verification failed", 400
    )
    expect_error(assume(issuer.token("alice", aud="someone-else")), "InvalidIdentityToken", "Incorrect token audience", 400)
    past = int(time.time()) - 3600
    err = expect_error(assume(issuer.token("alice", exp=past)), "ExpiredTokenException", None, 400)
    assert err.response["Error"]["Message"].startswith("Token expired: current date/time ")
    expect_error(
        assume(issuer.token("mallory")),
        "AccessDenied",
        "Not authorized to perform sts:AssumeRoleWithWebIdentity",
        403,
    )
    expect_error(
        assume(issuer.token("alice", iss="https://nobody.example.com")),
        "InvalidIdentityToken",
        "No OpenIDConnect provider found in your account for https://nobody.example.com",
        400,
    )


def test_warden_issued_token_verifies_with_published_keys(warden, iam, sts):
    try:
        issuer_id = iam.enable_outbound_web_identity_federation()["IssuerIdentifier"]
    except iam.exceptions.ClientError as e:  # already enabled by an earlier run of the session
        assert e.response["Error"]["Code"] == "FeatureEnabled"
        issuer_id = iam.get_outbound_web_identity_federation_info()["IssuerIdentifier"]
    # Without --oidc-issuer-url the issuer lives under the listen address.
    assert issuer_id == f"{warden.url}/oidc/{ACCOUNT_ID}"
    out = sts.get_web_identity_token(Audience=["https://api.example.com"], SigningAlgorithm="RS256")
    token = out["WebIdentityToken"]
    # The published key set, fetched over the server's own HTTP listener.
    path = issuer_id.split("://", 1)[1].split("/", 1)[1]
    discovery = requests.get(f"{warden.url}/{path}/.well-known/openid-configuration", timeout=5).json()
    assert discovery["issuer"] == issuer_id
    jwks_path = discovery["jwks_uri"].split("://", 1)[1].split("/", 1)[1]
    jwks = requests.get(f"{warden.url}/{jwks_path}", timeout=5).json()
    header_b64, claims_b64, sig_b64 = token.split(".")
    pad = lambda s: s + "=" * (-len(s) % 4)  # noqa: E731
    header = json.loads(base64.urlsafe_b64decode(pad(header_b64)))
    claims = json.loads(base64.urlsafe_b64decode(pad(claims_b64)))
    jwk = next(k for k in jwks["keys"] if k["kid"] == header["kid"])
    n = int.from_bytes(base64.urlsafe_b64decode(pad(jwk["n"])), "big")
    e = int.from_bytes(base64.urlsafe_b64decode(pad(jwk["e"])), "big")
    public = rsa.RSAPublicNumbers(e, n).public_key()
    public.verify(
        base64.urlsafe_b64decode(pad(sig_b64)),
        f"{header_b64}.{claims_b64}".encode(),
        padding.PKCS1v15(),
        hashes.SHA256(),
    )
    assert claims["iss"] == issuer_id
    assert claims["sub"] == f"arn:aws:iam::{ACCOUNT_ID}:root"
    assert claims["aud"] == "https://api.example.com"
    assert claims["exp"] - claims["iat"] == 300
