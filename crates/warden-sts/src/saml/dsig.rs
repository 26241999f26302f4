//! XML-DSig enveloped-signature verification for SAML (api.md §6.4 step 4).
//!
//! Deliberately narrow, because every option of XML-DSig is an attack surface:
//!
//! * the `Signature` must be a direct child of the element it signs, and its one
//!   `Reference` must name that element by `#ID` — so the signed element is known by its
//!   position, not found by a search that an attacker could steer (signature wrapping);
//! * the referenced `ID` must be unique in the whole document;
//! * transforms: enveloped-signature and exclusive C14N (with or without comments) only;
//!   `SignedInfo` canonicalisation: exclusive C14N only;
//! * signature: RSA PKCS#1 v1.5 with SHA-256/384/512 (SHA-1 only when allowed); digest:
//!   SHA-256/384/512 (SHA-1 only when allowed);
//! * the key is one of the provider metadata's signing certificates — never a key or
//!   certificate carried in the message's own `KeyInfo`.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use roxmltree::{Document, Node, NodeId};
use rsa::{Pkcs1v15Sign, RsaPublicKey};
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha384, Sha512};

use super::c14n::{self, Options};
use super::{DS, SamlError};

const EXC_C14N: &str = "http://www.w3.org/2001/10/xml-exc-c14n#";
const EXC_C14N_COMMENTS: &str = "http://www.w3.org/2001/10/xml-exc-c14n#WithComments";
const ENVELOPED: &str = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";

/// A hash function named by an XML-DSig algorithm URI.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
enum Hash {
    Sha1,
    Sha256,
    Sha384,
    Sha512,
}

impl Hash {
    fn digest(self, data: &[u8]) -> Vec<u8> {
        match self {
            Self::Sha1 => Sha1::digest(data).to_vec(),
            Self::Sha256 => Sha256::digest(data).to_vec(),
            Self::Sha384 => Sha384::digest(data).to_vec(),
            Self::Sha512 => Sha512::digest(data).to_vec(),
        }
    }

    fn pkcs1(self) -> Pkcs1v15Sign {
        match self {
            Self::Sha1 => Pkcs1v15Sign::new::<Sha1>(),
            Self::Sha256 => Pkcs1v15Sign::new::<Sha256>(),
            Self::Sha384 => Pkcs1v15Sign::new::<Sha384>(),
            Self::Sha512 => Pkcs1v15Sign::new::<Sha512>(),
        }
    }

    fn from_digest_uri(uri: &str) -> Option<Self> {
        match uri {
            "http://www.w3.org/2000/09/xmldsig#sha1" => Some(Self::Sha1),
            "http://www.w3.org/2001/04/xmlenc#sha256" => Some(Self::Sha256),
            "http://www.w3.org/2001/04/xmldsig-more#sha384" => Some(Self::Sha384),
            "http://www.w3.org/2001/04/xmlenc#sha512" => Some(Self::Sha512),
            _ => None,
        }
    }

    fn from_signature_uri(uri: &str) -> Option<Self> {
        match uri {
            "http://www.w3.org/2000/09/xmldsig#rsa-sha1" => Some(Self::Sha1),
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256" => Some(Self::Sha256),
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384" => Some(Self::Sha384),
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512" => Some(Self::Sha512),
            _ => None,
        }
    }
}

/// Element children of `node` in namespace `ns` named `local`.
pub(crate) fn children<'a, 'i>(
    node: Node<'a, 'i>,
    ns: &'static str,
    local: &'static str,
) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children()
        .filter(move |c| c.is_element() && c.has_tag_name((ns, local)))
}

/// The one element child `ns:local` of `node`.
fn only_child<'a, 'i>(
    node: Node<'a, 'i>,
    ns: &'static str,
    local: &'static str,
) -> Result<Node<'a, 'i>, SamlError> {
    let mut it = children(node, ns, local);
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(SamlError::BadSignature),
    }
}

fn algorithm<'a>(node: Node<'a, '_>) -> Result<&'a str, SamlError> {
    node.attribute("Algorithm").ok_or(SamlError::BadSignature)
}

/// Base64 with the line breaks and indentation XML documents carry.
pub(super) fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let compact: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    STANDARD.decode(compact).ok()
}

/// C14N options from a canonicalisation algorithm element (its `InclusiveNamespaces`).
fn c14n_options(method: Node<'_, '_>, exclude: Option<NodeId>) -> Result<Options, SamlError> {
    let with_comments = match algorithm(method)? {
        EXC_C14N => false,
        EXC_C14N_COMMENTS => true,
        _ => return Err(SamlError::UnsupportedAlgorithm),
    };
    let inclusive_prefixes = children(method, EXC_C14N, "InclusiveNamespaces")
        .next()
        .and_then(|n| n.attribute("PrefixList"))
        .map(|list| {
            list.split_ascii_whitespace()
                .map(|p| if p == "#default" { "" } else { p }.to_owned())
                .collect()
        })
        .unwrap_or_default();
    Ok(Options {
        with_comments,
        inclusive_prefixes,
        exclude,
    })
}

/// Whether `id` is the value of exactly one `ID` attribute in the document.
fn id_is_unique(doc: &Document<'_>, id: &str) -> bool {
    doc.descendants()
        .filter(|n| n.is_element() && n.attribute("ID") == Some(id))
        .take(2)
        .count()
        == 1
}

/// Verifies `signature` (a `ds:Signature` element) and returns the element it signs: its
/// parent, which its single reference must name. Any deviation is an error.
pub(super) fn verify<'a, 'i>(
    doc: &'a Document<'i>,
    signature: Node<'a, 'i>,
    keys: &[RsaPublicKey],
    allow_sha1: bool,
) -> Result<Node<'a, 'i>, SamlError> {
    let signed = signature.parent_element().ok_or(SamlError::BadSignature)?;
    let signed_info = only_child(signature, DS, "SignedInfo")?;
    let canonicalization = only_child(signed_info, DS, "CanonicalizationMethod")?;
    let signature_hash =
        Hash::from_signature_uri(algorithm(only_child(signed_info, DS, "SignatureMethod")?)?)
            .ok_or(SamlError::UnsupportedAlgorithm)?;
    let reference = only_child(signed_info, DS, "Reference")?;

    // The reference names the parent by its unique ID (enveloped signature).
    let id = signed.attribute("ID").ok_or(SamlError::BadSignature)?;
    let uri = reference.attribute("URI").ok_or(SamlError::BadSignature)?;
    if uri.strip_prefix('#') != Some(id) || !id_is_unique(doc, id) {
        return Err(SamlError::BadSignature);
    }

    // Transforms: enveloped-signature and one exclusive C14N, nothing else.
    let mut enveloped = false;
    let mut reference_c14n = None;
    if let Some(transforms) = children(reference, DS, "Transforms").next() {
        for t in children(transforms, DS, "Transform") {
            match algorithm(t)? {
                ENVELOPED if !enveloped => enveloped = true,
                EXC_C14N | EXC_C14N_COMMENTS if reference_c14n.is_none() => {
                    reference_c14n = Some(t);
                }
                _ => return Err(SamlError::UnsupportedAlgorithm),
            }
        }
    }
    // Without an explicit exclusive C14N transform the reference would be canonicalised
    // with inclusive C14N 1.0, which this verifier does not implement.
    let reference_c14n = reference_c14n.ok_or(SamlError::UnsupportedAlgorithm)?;
    let digest_hash = Hash::from_digest_uri(algorithm(only_child(reference, DS, "DigestMethod")?)?)
        .ok_or(SamlError::UnsupportedAlgorithm)?;
    if !allow_sha1 && (digest_hash == Hash::Sha1 || signature_hash == Hash::Sha1) {
        return Err(SamlError::UnsupportedAlgorithm);
    }
    let expected_digest = decode_base64(
        only_child(reference, DS, "DigestValue")?
            .text()
            .unwrap_or(""),
    )
    .ok_or(SamlError::BadSignature)?;

    let exclude = enveloped.then(|| signature.id());
    let content = c14n::canonicalize(signed, &c14n_options(reference_c14n, exclude)?)
        .map_err(|_| SamlError::BadSignature)?;
    let digest = digest_hash.digest(content.as_bytes());
    if !bool::from(subtle::ConstantTimeEq::ct_eq(
        digest.as_slice(),
        expected_digest.as_slice(),
    )) {
        return Err(SamlError::BadSignature);
    }

    let signed_info_text = c14n::canonicalize(signed_info, &c14n_options(canonicalization, None)?)
        .map_err(|_| SamlError::BadSignature)?;
    let hashed = signature_hash.digest(signed_info_text.as_bytes());
    let value = decode_base64(
        only_child(signature, DS, "SignatureValue")?
            .text()
            .unwrap_or(""),
    )
    .ok_or(SamlError::BadSignature)?;
    if keys
        .iter()
        .any(|key| key.verify(signature_hash.pkcs1(), &hashed, &value).is_ok())
    {
        Ok(signed)
    } else {
        Err(SamlError::BadSignature)
    }
}
