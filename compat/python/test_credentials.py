"""Server certificates, signing certificates, SSH public keys and service-specific credentials
through boto3 (api.md §5.15). Certificates and keys are generated with `cryptography`."""

from __future__ import annotations

import base64
import datetime
import hashlib
import re

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

from certs import pkcs8_pem, self_signed
from helpers import ARN_PREFIX, allow, expect_error
from warden_harness import unique

PEM = serialization.Encoding.PEM
NO_ENCRYPTION = serialization.NoEncryption()


def rsa_key(bits: int = 2048):
    return rsa.generate_private_key(public_exponent=65537, key_size=bits)


def make_cert(key, days_before: int = 1, days_after: int = 365) -> str:
    """A self-signed certificate for `key`, valid from `days_before` ago to `days_after` on."""
    return self_signed(key, days_before=days_before, days_after=days_after).public_bytes(PEM).decode()


def pkcs8(key) -> str:
    return pkcs8_pem(key).decode()


def traditional(key) -> str:
    """PKCS#1 for RSA, SEC1 for EC."""
    return key.private_bytes(PEM, serialization.PrivateFormat.TraditionalOpenSSL, NO_ENCRYPTION).decode()


def openssh(key) -> str:
    return key.public_key().public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH).decode()


def md5_fingerprint(openssh_line: str) -> str:
    blob = base64.b64decode(openssh_line.split()[1])
    digest = hashlib.md5(blob).hexdigest()
    return ":".join(digest[i : i + 2] for i in range(0, 32, 2))


def not_after(pem: str) -> datetime.datetime:
    return x509.load_pem_x509_certificate(pem.encode()).not_valid_after_utc


# ---- server certificates


def test_server_certificate_lifecycle(iam):
    key = rsa_key()
    body = make_cert(key)
    chain = make_cert(rsa_key())
    name = unique("srv")
    uploaded = iam.upload_server_certificate(
        ServerCertificateName=name,
        Path="/cloudfront/",
        CertificateBody=body,
        PrivateKey=pkcs8(key),
        CertificateChain=chain,
        Tags=[{"Key": "env", "Value": "prod"}],
    )
    meta = uploaded["ServerCertificateMetadata"]
    assert meta["ServerCertificateName"] == name
    assert meta["Path"] == "/cloudfront/"
    assert re.fullmatch(r"ASCA[A-Z2-7]{17}", meta["ServerCertificateId"])
    assert meta["Arn"] == f"{ARN_PREFIX}:server-certificate/cloudfront/{name}"
    assert meta["Expiration"] == not_after(body)
    assert uploaded["Tags"] == [{"Key": "env", "Value": "prod"}]

    got = iam.get_server_certificate(ServerCertificateName=name)["ServerCertificate"]
    assert got["ServerCertificateMetadata"] == meta
    assert got["CertificateBody"].strip() == body.strip()
    assert got["CertificateChain"].strip() == chain.strip()
    assert got["Tags"] == [{"Key": "env", "Value": "prod"}]
    assert "PrivateKey" not in got

    listed = iam.list_server_certificates(PathPrefix="/cloudfront/")["ServerCertificateMetadataList"]
    assert [m["ServerCertificateName"] for m in listed] == [name]
    paginator = iam.get_paginator("list_server_certificates")
    names = [m["ServerCertificateName"] for page in paginator.paginate(PaginationConfig={"PageSize": 1}) for m in page["ServerCertificateMetadataList"]]
    assert name in names

    iam.tag_server_certificate(ServerCertificateName=name, Tags=[{"Key": "Env", "Value": "x"}])
    tags = iam.list_server_certificate_tags(ServerCertificateName=name)["Tags"]
    assert sorted((t["Key"], t["Value"]) for t in tags) == [("Env", "x"), ("env", "prod")]
    iam.untag_server_certificate(ServerCertificateName=name, TagKeys=["env", "absent"])
    assert iam.list_server_certificate_tags(ServerCertificateName=name)["Tags"] == [{"Key": "Env", "Value": "x"}]

    renamed = unique("srv2")
    iam.update_server_certificate(ServerCertificateName=name, NewServerCertificateName=renamed, NewPath="/")
    moved = iam.get_server_certificate(ServerCertificateName=renamed)["ServerCertificate"]["ServerCertificateMetadata"]
    assert moved["ServerCertificateId"] == meta["ServerCertificateId"]
    assert moved["Arn"] == f"{ARN_PREFIX}:server-certificate/{renamed}"
    expect_error(
        lambda: iam.get_server_certificate(ServerCertificateName=name),
        "NoSuchEntity",
        f"The Server Certificate with name {name} cannot be found.",
        404,
    )
    iam.delete_server_certificate(ServerCertificateName=renamed)
    expect_error(
        lambda: iam.delete_server_certificate(ServerCertificateName=renamed),
        "NoSuchEntity",
        f"The Server Certificate with name {renamed} cannot be found.",
        404,
    )


def test_server_certificate_ec_keys_and_errors(iam):
    ec_key = ec.generate_private_key(ec.SECP384R1())
    name = unique("ec")
    iam.upload_server_certificate(ServerCertificateName=name, CertificateBody=make_cert(ec_key), PrivateKey=traditional(ec_key))
    try:
        expect_error(
            lambda: iam.upload_server_certificate(ServerCertificateName=name.upper(), CertificateBody=make_cert(ec_key), PrivateKey=pkcs8(ec_key)),
            "EntityAlreadyExists",
            f"The Server Certificate with name {name.upper()} already exists.",
            409,
        )
    finally:
        iam.delete_server_certificate(ServerCertificateName=name)
    key = rsa_key()
    body = make_cert(key)
    other = unique("bad")
    expect_error(
        lambda: iam.upload_server_certificate(ServerCertificateName=other, CertificateBody="junk", PrivateKey=pkcs8(key)),
        "MalformedCertificate",
        "Unable to parse certificate. Please ensure the certificate is in PEM format.",
        400,
    )
    expect_error(
        lambda: iam.upload_server_certificate(ServerCertificateName=other, CertificateBody=body, PrivateKey=pkcs8(rsa_key())),
        "KeyPairMismatch",
        "Public key certificate and private key doesn't match.",
        400,
    )
    expect_error(
        lambda: iam.upload_server_certificate(ServerCertificateName=other, CertificateBody=body, PrivateKey="junk"),
        "MalformedCertificate",
        "Unable to parse private key. Please ensure the private key is in PEM format.",
        400,
    )
    expect_error(
        lambda: iam.upload_server_certificate(ServerCertificateName=other, CertificateBody=make_cert(key, 20, -10), PrivateKey=pkcs8(key)),
        "MalformedCertificate",
        "The certificate has expired.",
        400,
    )
    expect_error(
        lambda: iam.upload_server_certificate(ServerCertificateName=other, CertificateBody=body, PrivateKey=pkcs8(key), CertificateChain="chain"),
        "MalformedCertificate",
        "Unable to parse certificate chain. Please ensure the certificate chain is in PEM format.",
        400,
    )
    ed = ed25519.Ed25519PrivateKey.generate()
    expect_error(
        lambda: iam.upload_server_certificate(ServerCertificateName=other, CertificateBody=make_cert(ed), PrivateKey=pkcs8(ed)),
        "InvalidInput",
        None,
        400,
    )
    assert other not in [m["ServerCertificateName"] for m in iam.list_server_certificates()["ServerCertificateMetadataList"]]


# ---- signing certificates


def test_signing_certificates(iam):
    user = unique("sig")
    iam.create_user(UserName=user)
    key = rsa_key()
    first = make_cert(key)
    cert = iam.upload_signing_certificate(UserName=user, CertificateBody=first)["Certificate"]
    assert cert["UserName"] == user
    assert cert["Status"] == "Active"
    assert re.fullmatch(r"[A-Z0-9]{32}", cert["CertificateId"])
    assert cert["CertificateBody"].strip() == first.strip()
    second = iam.upload_signing_certificate(UserName=user, CertificateBody=make_cert(key))["Certificate"]
    listed = iam.list_signing_certificates(UserName=user)["Certificates"]
    assert [c["CertificateId"] for c in listed] == [cert["CertificateId"], second["CertificateId"]]
    expect_error(
        lambda: iam.upload_signing_certificate(UserName=user, CertificateBody=make_cert(key)),
        "LimitExceeded",
        "Cannot exceed quota for CertificatesPerUser: 2",
        409,
    )
    iam.update_signing_certificate(UserName=user, CertificateId=cert["CertificateId"], Status="Inactive")
    assert [c["Status"] for c in iam.list_signing_certificates(UserName=user)["Certificates"]] == ["Inactive", "Active"]
    other = unique("sig2")
    iam.create_user(UserName=other)
    expect_error(
        lambda: iam.upload_signing_certificate(UserName=other, CertificateBody=first),
        "DuplicateCertificate",
        None,
        409,
    )
    expect_error(
        lambda: iam.upload_signing_certificate(UserName=other, CertificateBody="junk"),
        "MalformedCertificate",
        "Certificate junk is malformed.",
        400,
    )
    expect_error(
        lambda: iam.upload_signing_certificate(UserName=other, CertificateBody=make_cert(key, 20, -10)),
        "InvalidCertificate",
        None,
        400,
    )
    expect_error(
        lambda: iam.delete_signing_certificate(UserName=other, CertificateId=cert["CertificateId"]),
        "NoSuchEntity",
        f"The Certificate with id {cert['CertificateId']} cannot be found.",
        404,
    )
    expect_error(
        lambda: iam.delete_user(UserName=user),
        "DeleteConflict",
        "Cannot delete entity, must delete signing certificates first.",
        409,
    )
    for c in (cert, second):
        iam.delete_signing_certificate(UserName=user, CertificateId=c["CertificateId"])
    assert iam.list_signing_certificates(UserName=user)["Certificates"] == []
    iam.delete_user(UserName=user)
    iam.delete_user(UserName=other)


def test_signing_certificate_of_the_caller(make_user):
    me = make_user("sigme", inline={"p": allow("iam:*SigningCertificate*")})
    cert = me.client.upload_signing_certificate(CertificateBody=make_cert(rsa_key()))["Certificate"]
    assert cert["UserName"] == me.name
    assert [c["CertificateId"] for c in me.client.list_signing_certificates()["Certificates"]] == [cert["CertificateId"]]
    me.client.delete_signing_certificate(CertificateId=cert["CertificateId"])


# ---- SSH public keys


def test_ssh_public_keys(iam):
    user = unique("ssh")
    iam.create_user(UserName=user)
    key = rsa_key()
    line = openssh(key) + " me@example"
    uploaded = iam.upload_ssh_public_key(UserName=user, SSHPublicKeyBody=line)["SSHPublicKey"]
    key_id = uploaded["SSHPublicKeyId"]
    assert re.fullmatch(r"APKA[A-Z2-7]{16}", key_id)
    assert uploaded["Fingerprint"] == md5_fingerprint(line)
    assert uploaded["Status"] == "Active"
    assert uploaded["UserName"] == user

    as_ssh = iam.get_ssh_public_key(UserName=user, SSHPublicKeyId=key_id, Encoding="SSH")["SSHPublicKey"]
    assert as_ssh["SSHPublicKeyBody"] == line
    as_pem = iam.get_ssh_public_key(UserName=user, SSHPublicKeyId=key_id, Encoding="PEM")["SSHPublicKey"]
    spki = key.public_key().public_bytes(PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    assert as_pem["SSHPublicKeyBody"].strip() == spki.strip()
    assert as_pem["Fingerprint"] == uploaded["Fingerprint"]

    expect_error(
        lambda: iam.upload_ssh_public_key(UserName=user, SSHPublicKeyBody=spki),
        "DuplicateSSHPublicKey",
        None,
        400,
    )
    expect_error(
        lambda: iam.upload_ssh_public_key(UserName=user, SSHPublicKeyBody=openssh(ed25519.Ed25519PrivateKey.generate())),
        "UnrecognizedPublicKeyEncoding",
        None,
        400,
    )
    expect_error(
        lambda: iam.upload_ssh_public_key(UserName=user, SSHPublicKeyBody=openssh(rsa_key(1024))),
        "InvalidPublicKey",
        None,
        400,
    )
    # A PEM upload is given back in OpenSSH form on request.
    pem_key = rsa_key()
    pem_body = pem_key.public_key().public_bytes(PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    second = iam.upload_ssh_public_key(UserName=user, SSHPublicKeyBody=pem_body)["SSHPublicKey"]
    got = iam.get_ssh_public_key(UserName=user, SSHPublicKeyId=second["SSHPublicKeyId"], Encoding="SSH")["SSHPublicKey"]
    assert got["SSHPublicKeyBody"] == openssh(pem_key)
    assert second["Fingerprint"] == md5_fingerprint(openssh(pem_key))
    for _ in range(3):
        iam.upload_ssh_public_key(UserName=user, SSHPublicKeyBody=openssh(rsa_key()))
    expect_error(
        lambda: iam.upload_ssh_public_key(UserName=user, SSHPublicKeyBody=openssh(rsa_key())),
        "LimitExceeded",
        None,
        409,
    )
    iam.update_ssh_public_key(UserName=user, SSHPublicKeyId=key_id, Status="Inactive")
    listed = iam.list_ssh_public_keys(UserName=user)["SSHPublicKeys"]
    assert len(listed) == 5
    assert listed[0]["SSHPublicKeyId"] == key_id and listed[0]["Status"] == "Inactive"
    assert set(listed[0]) == {"UserName", "SSHPublicKeyId", "Status", "UploadDate"}

    expect_error(
        lambda: iam.delete_user(UserName=user),
        "DeleteConflict",
        "Cannot delete entity, must delete SSH public keys first.",
        409,
    )
    for k in listed:
        iam.delete_ssh_public_key(UserName=user, SSHPublicKeyId=k["SSHPublicKeyId"])
    expect_error(
        lambda: iam.get_ssh_public_key(UserName=user, SSHPublicKeyId=key_id, Encoding="SSH"),
        "NoSuchEntity",
        f"The Public Key with id {key_id} cannot be found.",
        404,
    )
    iam.delete_user(UserName=user)


# ---- service-specific credentials


def test_service_specific_credentials(iam, account_id):
    user = unique("ssc")
    iam.create_user(UserName=user)
    created = iam.create_service_specific_credential(UserName=user, ServiceName="codecommit.amazonaws.com")["ServiceSpecificCredential"]
    cred_id = created["ServiceSpecificCredentialId"]
    assert re.fullmatch(r"ACCA[A-Z2-7]{17}", cred_id)
    assert created["ServiceUserName"] == f"{user}-at-{account_id}"
    assert len(created["ServicePassword"]) >= 44
    assert created["Status"] == "Active"
    assert "ExpirationDate" not in created

    expect_error(
        lambda: iam.create_service_specific_credential(UserName=user, ServiceName="cassandra.amazonaws.com", CredentialAgeDays=3),
        "InvalidInput",
        None,
        400,
    )
    aged = iam.create_service_specific_credential(UserName=user, ServiceName="bedrock.amazonaws.com", CredentialAgeDays=3)["ServiceSpecificCredential"]
    assert aged["ServiceCredentialAlias"] == f"{user}-at-{account_id}"
    assert aged["ServiceCredentialSecret"].startswith("ABSK")
    assert "ServicePassword" not in aged and "ServiceUserName" not in aged
    assert aged["ExpirationDate"] - aged["CreateDate"] == datetime.timedelta(days=3)

    listed = iam.list_service_specific_credentials(UserName=user)["ServiceSpecificCredentials"]
    assert [c["ServiceSpecificCredentialId"] for c in listed] == [cred_id, aged["ServiceSpecificCredentialId"]]
    assert all("ServicePassword" not in c for c in listed)
    only = iam.list_service_specific_credentials(UserName=user, ServiceName="bedrock.amazonaws.com")["ServiceSpecificCredentials"]
    assert [c["ServiceName"] for c in only] == ["bedrock.amazonaws.com"]
    assert only[0]["ServiceCredentialAlias"] == aged["ServiceCredentialAlias"]

    reset = iam.reset_service_specific_credential(UserName=user, ServiceSpecificCredentialId=cred_id)["ServiceSpecificCredential"]
    assert reset["ServicePassword"] != created["ServicePassword"]
    iam.update_service_specific_credential(UserName=user, ServiceSpecificCredentialId=cred_id, Status="Inactive")
    statuses = {c["ServiceSpecificCredentialId"]: c["Status"] for c in iam.list_service_specific_credentials(UserName=user)["ServiceSpecificCredentials"]}
    assert statuses[cred_id] == "Inactive"

    expect_error(
        lambda: iam.create_service_specific_credential(UserName=user, ServiceName="s3.amazonaws.com"),
        "NoSuchEntity",
        "No such service s3.amazonaws.com is supported for Service Specific Credentials",
        404,
    )
    iam.create_service_specific_credential(UserName=user, ServiceName="codecommit.amazonaws.com")
    expect_error(
        lambda: iam.create_service_specific_credential(UserName=user, ServiceName="codecommit.amazonaws.com"),
        "LimitExceeded",
        None,
        409,
    )
    expect_error(
        lambda: iam.delete_user(UserName=user),
        "DeleteConflict",
        "Cannot delete entity, must remove referenced objects first.",
        409,
    )
    missing = "ACCA" + "Z" * 17
    expect_error(
        lambda: iam.delete_service_specific_credential(UserName=user, ServiceSpecificCredentialId=missing),
        "NoSuchEntity",
        f"No such credential {missing} exists",
        404,
    )
    for c in iam.list_service_specific_credentials(UserName=user)["ServiceSpecificCredentials"]:
        iam.delete_service_specific_credential(UserName=user, ServiceSpecificCredentialId=c["ServiceSpecificCredentialId"])
    iam.delete_user(UserName=user)


def test_service_specific_credential_of_the_caller(make_user):
    me = make_user("sscme", inline={"p": allow("iam:*ServiceSpecificCredential*")})
    created = me.client.create_service_specific_credential(UserName=me.name, ServiceName="codecommit.amazonaws.com")["ServiceSpecificCredential"]
    listed = me.client.list_service_specific_credentials()["ServiceSpecificCredentials"]
    assert [c["ServiceSpecificCredentialId"] for c in listed] == [created["ServiceSpecificCredentialId"]]
    me.client.delete_service_specific_credential(ServiceSpecificCredentialId=created["ServiceSpecificCredentialId"])


@pytest.mark.parametrize(
    "action, params",
    [
        ("list_ssh_public_keys", {}),
        ("list_signing_certificates", {}),
    ],
)
def test_denied_on_the_callers_own_arn(make_user, action, params):
    me = make_user("nocred")
    expect_error(
        lambda: getattr(me.client, action)(**params),
        "AccessDenied",
        None,
        403,
    )
