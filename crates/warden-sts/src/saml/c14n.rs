//! Exclusive XML Canonicalization 1.0 (<https://www.w3.org/TR/xml-exc-c14n/>) of one element
//! subtree of a parsed document, as XML-DSig needs it for SAML (api.md §6.4 step 4).
//!
//! The input is a `roxmltree` document: DTDs are refused by the parser, entities are
//! expanded, attribute values are normalised and line ends are `\n`, which is exactly the
//! XPath data model that C14N serialises. The prefixes as written are read back from the
//! source text (the tree keeps only namespace URIs), because C14N renders qualified names
//! verbatim.
//!
//! Supported: the element subtree of an apex element (the node-set of a same-document
//! `#ID` reference or of `SignedInfo`), the enveloped-signature transform (one excluded
//! element), comments on or off, and `InclusiveNamespaces PrefixList`.

use std::collections::BTreeMap;

use roxmltree::{Node, NodeId, NodeType};

/// Deeper element nesting than this is refused (recursion bound; SAML responses nest ~8).
const MAX_DEPTH: usize = 128;
const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// Why a subtree could not be canonicalised.
#[derive(Clone, Copy, Debug, Eq, PartialEq, thiserror::Error)]
pub enum C14nError {
    /// The element nesting exceeds the supported depth.
    #[error("the XML nesting is too deep")]
    TooDeep,
    /// A prefix without an in-scope declaration, or a name that cannot be read back.
    #[error("the XML uses an undeclared namespace prefix")]
    Namespace,
}

/// Options of one canonicalisation.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Keep comments (`…#WithComments`).
    pub with_comments: bool,
    /// `InclusiveNamespaces PrefixList` (`#default` is the default namespace, stored as "").
    pub inclusive_prefixes: Vec<String>,
    /// The enveloped-signature transform: this element (and its subtree) is left out.
    pub exclude: Option<NodeId>,
}

/// Canonicalises the subtree rooted at `apex` (an element).
pub fn canonicalize(apex: Node<'_, '_>, options: &Options) -> Result<String, C14nError> {
    let mut out = String::new();
    let mut rendered: Vec<(String, String)> = Vec::new();
    element(apex, options, &mut rendered, &mut out, 0)?;
    Ok(out)
}

/// The qualified name of an element as written (`saml:Assertion`).
fn element_qname<'a>(node: Node<'_, 'a>) -> Result<&'a str, C14nError> {
    let text = node.document().input_text();
    let rest = text
        .get(node.range().start..)
        .and_then(|s| s.strip_prefix('<'))
        .ok_or(C14nError::Namespace)?;
    let end = rest
        .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
        .ok_or(C14nError::Namespace)?;
    rest.get(..end).ok_or(C14nError::Namespace)
}

fn split_prefix(qname: &str) -> (Option<&str>, &str) {
    match qname.split_once(':') {
        Some((p, local)) => (Some(p), local),
        None => (None, qname),
    }
}

/// The innermost namespace value rendered by an output ancestor for `prefix`.
fn rendered_value<'r>(rendered: &'r [(String, String)], prefix: &str) -> Option<&'r str> {
    rendered
        .iter()
        .rev()
        .find(|(p, _)| p == prefix)
        .map(|(_, uri)| uri.as_str())
}

fn element(
    node: Node<'_, '_>,
    options: &Options,
    rendered: &mut Vec<(String, String)>,
    out: &mut String,
    depth: usize,
) -> Result<(), C14nError> {
    if depth > MAX_DEPTH {
        return Err(C14nError::TooDeep);
    }
    let qname = element_qname(node)?;
    let (prefix, _) = split_prefix(qname);

    // Namespaces visibly utilised by this element and its attributes (exc-c14n §3), plus
    // the inclusive prefixes that are in scope.
    let mut needed: BTreeMap<String, String> = BTreeMap::new();
    match prefix {
        Some(p) => {
            let uri = node.tag_name().namespace().ok_or(C14nError::Namespace)?;
            needed.insert(p.to_owned(), uri.to_owned());
        }
        None => {
            let uri = node.tag_name().namespace().unwrap_or("");
            needed.insert(String::new(), uri.to_owned());
        }
    }
    let text = node.document().input_text();
    let mut attributes: Vec<(&str, &str, &str, &str)> = Vec::new();
    for attr in node.attributes() {
        let attr_qname = text.get(attr.range_qname()).ok_or(C14nError::Namespace)?;
        let (attr_prefix, _) = split_prefix(attr_qname);
        let ns = attr.namespace().unwrap_or("");
        if let Some(p) = attr_prefix
            && p != "xml"
        {
            if ns.is_empty() {
                return Err(C14nError::Namespace);
            }
            needed.insert(p.to_owned(), ns.to_owned());
        }
        attributes.push((ns, attr.name(), attr_qname, attr.value()));
    }
    for p in &options.inclusive_prefixes {
        let uri = if p.is_empty() {
            node.default_namespace()
        } else {
            node.lookup_namespace_uri(Some(p.as_str()))
        };
        if let Some(uri) = uri
            && uri != XML_NS
        {
            needed.entry(p.clone()).or_insert_with(|| uri.to_owned());
        }
    }

    out.push('<');
    out.push_str(qname);
    let mark = rendered.len();
    for (p, uri) in &needed {
        let current = rendered_value(rendered, p);
        let render = if p.is_empty() {
            current.unwrap_or("") != uri
        } else {
            current != Some(uri.as_str())
        };
        if render {
            if p.is_empty() {
                out.push_str(" xmlns=\"");
            } else {
                out.push_str(" xmlns:");
                out.push_str(p);
                out.push_str("=\"");
            }
            escape_attribute(uri, out);
            out.push('"');
            rendered.push((p.clone(), uri.clone()));
        }
    }
    attributes.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    for (_, _, attr_qname, value) in &attributes {
        out.push(' ');
        out.push_str(attr_qname);
        out.push_str("=\"");
        escape_attribute(value, out);
        out.push('"');
    }
    out.push('>');

    for child in node.children() {
        if options.exclude == Some(child.id()) {
            continue;
        }
        match child.node_type() {
            NodeType::Element => element(child, options, rendered, out, depth + 1)?,
            NodeType::Text => escape_text(child.text().unwrap_or(""), out),
            NodeType::Comment if options.with_comments => {
                out.push_str("<!--");
                out.push_str(child.text().unwrap_or(""));
                out.push_str("-->");
            }
            NodeType::PI => {
                if let Some(pi) = child.pi() {
                    out.push_str("<?");
                    out.push_str(pi.target);
                    if let Some(value) = pi.value.filter(|v| !v.is_empty()) {
                        out.push(' ');
                        out.push_str(value);
                    }
                    out.push_str("?>");
                }
            }
            NodeType::Comment | NodeType::Root => {}
        }
    }
    rendered.truncate(mark);

    out.push_str("</");
    out.push_str(qname);
    out.push('>');
    Ok(())
}

fn escape_text(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#xD;"),
            other => out.push(other),
        }
    }
}

fn escape_attribute(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#x9;"),
            '\n' => out.push_str("&#xA;"),
            '\r' => out.push_str("&#xD;"),
            other => out.push(other),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests")]

    use super::*;

    fn c14n(xml: &str, options: &Options) -> String {
        let doc = roxmltree::Document::parse(xml).unwrap();
        canonicalize(doc.root_element(), options).unwrap()
    }

    #[test]
    fn renders_only_visibly_used_namespaces_and_sorts_attributes() {
        let xml = r#"<a:Root xmlns:a="urn:a" xmlns:b="urn:b" xmlns:unused="urn:u" z="1" b:y="2" a:x="3"><a:Child/></a:Root>"#;
        assert_eq!(
            c14n(xml, &Options::default()),
            r#"<a:Root xmlns:a="urn:a" xmlns:b="urn:b" z="1" a:x="3" b:y="2"><a:Child></a:Child></a:Root>"#
        );
    }

    #[test]
    fn subtree_redeclares_namespaces_of_its_ancestors() {
        let xml = r#"<r:Outer xmlns:r="urn:r" xmlns="urn:d"><r:In><Leaf>t</Leaf></r:In></r:Outer>"#;
        let doc = roxmltree::Document::parse(xml).unwrap();
        let inner = doc.root_element().first_element_child().unwrap();
        assert_eq!(
            canonicalize(inner, &Options::default()).unwrap(),
            r#"<r:In xmlns:r="urn:r"><Leaf xmlns="urn:d">t</Leaf></r:In>"#
        );
    }

    #[test]
    fn escapes_text_and_attributes_and_drops_comments() {
        let xml = "<e a=\"&lt;&amp;&quot;\t\">x &amp; &lt; &gt;<!-- c --></e>";
        assert_eq!(
            c14n(xml, &Options::default()),
            "<e a=\"&lt;&amp;&quot; \">x &amp; &lt; &gt;</e>"
        );
        let with = Options {
            with_comments: true,
            ..Options::default()
        };
        assert_eq!(c14n("<e><!-- c --></e>", &with), "<e><!-- c --></e>");
    }

    #[test]
    fn empty_default_namespace_is_undeclared_below_a_default() {
        let xml = r#"<a xmlns="urn:d"><b xmlns=""/></a>"#;
        assert_eq!(
            c14n(xml, &Options::default()),
            r#"<a xmlns="urn:d"><b xmlns=""></b></a>"#
        );
    }

    #[test]
    fn inclusive_prefixes_are_rendered_when_in_scope() {
        let xml = r#"<a:R xmlns:a="urn:a" xmlns:xs="urn:xs"><a:C/></a:R>"#;
        let options = Options {
            inclusive_prefixes: vec!["xs".to_owned()],
            ..Options::default()
        };
        assert_eq!(
            c14n(xml, &options),
            r#"<a:R xmlns:a="urn:a" xmlns:xs="urn:xs"><a:C></a:C></a:R>"#
        );
    }

    #[test]
    fn excluded_element_is_left_out() {
        let xml = r#"<a><sig><x/></sig><b/></a>"#;
        let doc = roxmltree::Document::parse(xml).unwrap();
        let sig = doc.root_element().first_element_child().unwrap();
        let options = Options {
            exclude: Some(sig.id()),
            ..Options::default()
        };
        assert_eq!(
            canonicalize(doc.root_element(), &options).unwrap(),
            "<a><b></b></a>"
        );
    }
}
