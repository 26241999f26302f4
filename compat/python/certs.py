"""Self-signed certificates for the boto3 tests (server and signing certificates, the TLS
listeners of Warden and of the test OIDC issuer), made with `cryptography`."""

from __future__ import annotations

import datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.x509.oid import NameOID


def self_signed(key, common_name: str = "www.example.com", *, san: list[x509.GeneralName] | None = None,
                days_before: float = 1, days_after: float = 365) -> x509.Certificate:
    """A certificate for `key` signed by itself, valid from `days_before` days ago to
    `days_after` days on (negative: already expired), with `san` as subject alternative names."""
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=days_before))
        .not_valid_after(now + datetime.timedelta(days=days_after))
    )
    if san:
        builder = builder.add_extension(x509.SubjectAlternativeName(san), critical=False)
    # Ed25519 signs without a separate digest.
    algorithm = None if isinstance(key, ed25519.Ed25519PrivateKey) else hashes.SHA256()
    return builder.sign(key, algorithm)


def pkcs8_pem(key) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def write_pem_pair(directory: Path, cert: x509.Certificate, key) -> tuple[Path, Path]:
    """`cert.pem` and `key.pem` (PKCS#8, unencrypted) in `directory`, as TLS servers load them."""
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(pkcs8_pem(key))
    return cert_path, key_path
