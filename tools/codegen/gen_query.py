#!/usr/bin/env python3
"""Generate warden-query's per-operation Rust code from botocore's IAM and STS models.

Usage: gen_query.py [--models-dir DIR] [--out-dir DIR]

Reads `iam/2010-05-08/service-2.json.gz` and `sts/2011-06-15/service-2.json.gz` (botocore's
`data` directory, located through the installed botocore package unless --models-dir is given)
and writes `crates/warden-query/src/generated/{iam,sts}.rs`. Output is deterministic: the files
are committed and `tools/codegen/check.sh` re-runs this script and diffs.

Standard library only (json, gzip, html, re, ...). The wire rules implemented by the generated code
are in api.md §1.2-§1.6; the runtime helpers it calls live in warden-query's `validate.rs` and
`encode.rs`.
"""

import argparse
import gzip
import html
import json
import os
import re
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_OUT = os.path.join(REPO, "crates", "warden-query", "src", "generated")

SERVICES = [
    # (module, service variant, model directory, version, enum prefix)
    ("iam", "Iam", "iam", "2010-05-08", "Iam"),
    ("sts", "Sts", "sts", "2011-06-15", "Sts"),
]

# Patterns that use Java features the `regex` crate lacks (lookaround). Each maps to an
# equivalent regex plus a substring the value must not contain.
#   ^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$  (account alias): a hyphen may not be followed by a
#   hyphen, i.e. the value contains no "--"; everything else is a plain character class.
PATTERN_OVERRIDES = {
    "^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$": ("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", "--"),
}

RUST_KEYWORDS = {
    "as", "async", "await", "box", "break", "const", "continue", "crate", "dyn", "else", "enum",
    "extern", "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod",
    "move", "mut", "pub", "ref", "return", "self", "static", "struct", "super", "trait", "true",
    "try", "type", "unsafe", "use", "where", "while", "yield",
}


def find_botocore():
    """(data directory, version) of the installed botocore."""
    try:
        import botocore  # noqa: PLC0415 - optional, only to locate the data directory
    except ImportError:
        sys.exit("gen_query.py: botocore not importable; pass --models-dir and --botocore-version")
    return os.path.join(os.path.dirname(botocore.__file__), "data"), botocore.__version__


def snake(name):
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", s)
    s = s.lower()
    return "r#" + s if s in RUST_KEYWORDS else s


def upper_snake(name):
    return snake(name).replace("r#", "").upper()


def rust_str(s):
    """A Rust string literal (raw when it contains backslashes or quotes)."""
    if "\\" in s or '"' in s:
        hashes = "#"
        while '"' + hashes in s:
            hashes += "#"
        return "r" + hashes + '"' + s + '"' + hashes
    return '"' + s + '"'


def first_sentence(doc):
    """The model documentation's first sentence, HTML stripped, made safe for rustdoc."""
    if not doc:
        return None
    text = re.sub(r"<[^>]*>", " ", doc)
    text = html.unescape(text)
    text = " ".join(text.split())
    if not text:
        return None
    m = re.search(r"(?<=[.!?])\s", text)
    if m:
        text = text[: m.start()]
    if len(text) > 400:
        text = text[:397].rsplit(" ", 1)[0] + "..."
    # Markdown / rustdoc safety: no intra-doc links, no HTML tags, no bare URLs, no emphasis.
    text = text.replace("\\", "\\\\")
    for ch in "[]<>*_`":
        text = text.replace(ch, "\\" + ch)
    text = re.sub(r"(https?://\S+)", lambda mm: "<" + mm.group(1).replace("\\", "") + ">", text)
    return text


def translate_pattern(p):
    """Java regex → `regex` crate syntax, anchored on the whole value (api.md §1.6)."""
    if p in PATTERN_OVERRIDES:
        body, forbidden = PATTERN_OVERRIDES[p]
        return "^(?:" + body + ")$", forbidden
    if "(?=" in p or "(?!" in p or "(?<" in p:
        raise SystemExit("unsupported lookaround in pattern %r: add an override" % p)
    out = []
    i = 0
    in_class = False
    while i < len(p):
        c = p[i]
        if c == "\\" and i + 1 < len(p):
            n = p[i + 1]
            if n == "u":
                run = ""
                j = i + 2
                while j < len(p) and len(run) < 6 and p[j] in "0123456789abcdefABCDEF":
                    run += p[j]
                    j += 1
                # `\u10000-\u10FFFF` is meant as the supplementary planes (Java itself would read
                # `\u1000` then `0`): accept 5-6 digit escapes above U+FFFF, else take 4.
                if len(run) > 4 and 0xFFFF < int(run, 16) <= 0x10FFFF:
                    code = run
                else:
                    code = run[:4]
                if len(code) < 4:
                    raise SystemExit("bad \\u escape in %r" % p)
                out.append("\\x{%s}" % code.upper())
                i += 2 + len(code)
                continue
            if n == "w":
                # Java's \w is ASCII-only; the regex crate's is Unicode.
                out.append("A-Za-z0-9_" if in_class else "[A-Za-z0-9_]")
            elif n == "d":
                out.append("0-9" if in_class else "[0-9]")
            elif n == "p":
                end = p.index("}", i)
                out.append(p[i : end + 1])
                i = end + 1
                continue
            else:
                out.append(c + n)
            i += 2
            continue
        if c == "[" and not in_class:
            in_class = True
        elif c == "]" and in_class:
            in_class = False
        out.append(c)
        i += 1
    return "^(?:" + "".join(out) + ")$", None


class Generator:
    def __init__(self, module, variant, model, prefix):
        self.module = module
        self.variant = variant
        self.model = model
        self.prefix = prefix
        self.shapes = model["shapes"]
        self.ops = model["operations"]
        self.op_names = sorted(self.ops)
        self.lines = []
        self.patterns = {}  # model text -> static name
        self.rules = {}  # (kind, shape) -> static name
        self.rule_defs = []
        # Struct names: op inputs/outputs get Input/Output, everything else keeps its name.
        self.struct_names = {}
        for name in self.op_names:
            op = self.ops[name]
            if "input" in op:
                shape = op["input"]["shape"]
                self.struct_names[shape] = re.sub(r"Request$", "", shape) + "Input"
            if "output" in op:
                shape = op["output"]["shape"]
                self.struct_names[shape] = re.sub(r"Response$", "", shape) + "Output"
        self.input_structs = self.closure(
            [self.ops[n]["input"]["shape"] for n in self.op_names if "input" in self.ops[n]]
        )
        self.output_structs = self.closure(
            [self.ops[n]["output"]["shape"] for n in self.op_names if "output" in self.ops[n]]
        )

    def closure(self, roots):
        seen = []
        stack = list(roots)
        while stack:
            s = stack.pop(0)
            if s in seen:
                continue
            seen.append(s)
            shape = self.shapes[s]
            if shape["type"] == "structure":
                stack += [m["shape"] for m in shape["members"].values()]
            elif shape["type"] == "list":
                stack.append(shape["member"]["shape"])
            elif shape["type"] == "map":
                stack += [shape["key"]["shape"], shape["value"]["shape"]]
        return {s for s in seen if self.shapes[s]["type"] == "structure"}

    def struct_name(self, shape):
        name = self.struct_names.get(shape, shape)
        return name[0].upper() + name[1:]

    def emit(self, line=""):
        self.lines.append(line)

    # ---- types -------------------------------------------------------------------------------

    def rust_type(self, shape_name):
        shape = self.shapes[shape_name]
        t = shape["type"]
        if t == "string":
            return "String"
        if t == "integer":
            return "i32"
        if t == "boolean":
            return "bool"
        if t == "timestamp":
            return "Timestamp"
        if t == "blob":
            return "Vec<u8>"
        if t == "list":
            return "Vec<%s>" % self.rust_type(shape["member"]["shape"])
        if t == "map":
            return "BTreeMap<%s, %s>" % (
                self.rust_type(shape["key"]["shape"]),
                self.rust_type(shape["value"]["shape"]),
            )
        if t == "structure":
            return self.struct_name(shape_name)
        raise SystemExit("unsupported shape type %s" % t)

    def is_sensitive(self, shape_name):
        return bool(self.shapes[shape_name].get("sensitive"))

    # ---- constraint tables -------------------------------------------------------------------

    def pattern_static(self, model_text):
        if model_text not in self.patterns:
            name = "PATTERN_%d" % (len(self.patterns) + 1)
            self.patterns[model_text] = name
            regex, forbidden = translate_pattern(model_text)
            forb = "Some(%s)" % rust_str(forbidden) if forbidden else "None"
            self.rule_defs.append(
                "/// Model pattern `%s`.\nstatic %s: Pattern = Pattern::new(%s, %s, || compile(%s));"
                % (model_text.replace("`", "'"), name, rust_str(model_text), forb, rust_str(regex))
            )
        return self.patterns[model_text]

    def string_rule(self, shape_name):
        key = ("string", shape_name)
        if key not in self.rules:
            shape = self.shapes[shape_name]
            name = "STR_" + upper_snake(shape_name)
            self.rules[key] = name
            opt = lambda k: "Some(%d)" % shape[k] if k in shape else "None"  # noqa: E731
            pattern = (
                "Some(&%s)" % self.pattern_static(shape["pattern"]) if "pattern" in shape else "None"
            )
            enums = ", ".join(rust_str(v) for v in shape.get("enum", []))
            self.rule_defs.append(
                "/// Constraints of the model shape `%s`.\nstatic %s: StringRule = StringRule {\n"
                "    min: %s,\n    max: %s,\n    pattern: %s,\n    enum_values: &[%s],\n};"
                % (shape_name, name, opt("min"), opt("max"), pattern, enums)
            )
        return self.rules[key]

    def int_rule(self, shape_name):
        key = ("int", shape_name)
        if key not in self.rules:
            shape = self.shapes[shape_name]
            name = "INT_" + upper_snake(shape_name)
            self.rules[key] = name
            opt = lambda k: "Some(%d)" % shape[k] if k in shape else "None"  # noqa: E731
            self.rule_defs.append(
                "/// Constraints of the model shape `%s`.\nstatic %s: IntRule = IntRule { min: %s, max: %s };"
                % (shape_name, name, opt("min"), opt("max"))
            )
        return self.rules[key]

    def list_rule(self, shape_name):
        key = ("list", shape_name)
        if key not in self.rules:
            shape = self.shapes[shape_name]
            name = "LIST_" + upper_snake(shape_name)
            self.rules[key] = name
            opt = lambda k: "Some(%d)" % shape[k] if k in shape else "None"  # noqa: E731
            self.rule_defs.append(
                "/// Item-count constraints of the model shape `%s`.\nstatic %s: ListRule = ListRule { min: %s, max: %s };"
                % (shape_name, name, opt("min"), opt("max"))
            )
        return self.rules[key]

    # ---- structures --------------------------------------------------------------------------

    def gen_struct(self, shape_name):
        shape = self.shapes[shape_name]
        name = self.struct_name(shape_name)
        required = set(shape.get("required", []))
        members = shape["members"]
        doc = first_sentence(shape.get("documentation"))
        ops_in = [n for n in self.op_names if self.ops[n].get("input", {}).get("shape") == shape_name]
        ops_out = [
            n for n in self.op_names if self.ops[n].get("output", {}).get("shape") == shape_name
        ]
        if ops_in:
            head = "Input of `%s`." % ops_in[0]
            opdoc = first_sentence(self.ops[ops_in[0]].get("documentation"))
            self.emit("/// %s" % head)
            if opdoc:
                self.emit("///")
                self.emit("/// %s" % opdoc)
        elif ops_out:
            self.emit("/// Output of %s." % ", ".join("`%s`" % o for o in ops_out))
            if doc:
                self.emit("///")
                self.emit("/// %s" % doc)
        else:
            self.emit("/// %s" % (doc or "The model structure `%s`." % shape_name))
        self.emit("///")
        self.emit("/// Model shape `%s`." % shape_name)
        sensitive = [m for m, spec in members.items() if self.is_sensitive(spec["shape"])]
        derives = "Clone, Default, PartialEq, Eq" if sensitive else "Clone, Debug, Default, PartialEq, Eq"
        self.emit("#[derive(%s)]" % derives)
        self.emit("pub struct %s {" % name)
        for m, spec in members.items():
            mdoc = first_sentence(spec.get("documentation")) or "The `%s` member." % m
            self.emit("    /// %s" % mdoc)
            ty = self.rust_type(spec["shape"])
            if m not in required:
                ty = "Option<%s>" % ty
            self.emit("    pub %s: %s," % (snake(m), ty))
        self.emit("}")
        self.emit()
        if sensitive:
            # Secrets (passwords, secret access keys, private keys) never reach logs.
            self.emit("impl fmt::Debug for %s {" % name)
            self.emit("    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {")
            self.emit('        f.debug_struct("%s")' % name)
            for m in members:
                if m in sensitive:
                    self.emit('            .field("%s", &"<redacted>")' % snake(m).replace("r#", ""))
                else:
                    self.emit('            .field("%s", &self.%s)' % (snake(m).replace("r#", ""), snake(m)))
            self.emit("            .finish()")
            self.emit("    }")
            self.emit("}")
            self.emit()
        if shape_name in self.input_structs:
            self.gen_decode(shape_name, name, members, required)
            if ops_in:
                self.emit("impl FromQuery for %s {" % name)
                self.emit("    fn from_query(params: &QueryParams) -> Result<Self, ValidationErrors> {")
                self.emit("        let mut d = Decoder::new(params, Service::%s);" % self.variant)
                self.emit('        let value = Self::decode(&mut d, "", "");')
                self.emit("        d.finish(value)")
                self.emit("    }")
                self.emit("}")
                self.emit()
        if shape_name in self.output_structs:
            self.gen_write(shape_name, name, members)

    def gen_decode(self, shape_name, name, members, required):
        self.emit("impl %s {" % name)
        if not members:
            self.emit("    fn decode(_d: &mut Decoder<'_>, _key: &str, _path: &str) -> Option<Self> {")
            self.emit("        Some(Self {})")
            self.emit("    }")
            self.emit("}")
            self.emit()
            return
        self.emit("    fn decode(d: &mut Decoder<'_>, key: &str, path: &str) -> Option<Self> {")
        for m, spec in members.items():
            var = snake(m).replace("r#", "") + "_"
            req = "true" if m in required else "false"
            k = "key, path, %s" % rust_str(m)
            mshape = self.shapes[spec["shape"]]
            t = mshape["type"]
            if t == "string":
                call = "d.string(%s, &%s, %s)" % (k, self.string_rule(spec["shape"]), req)
            elif t == "integer":
                call = "d.int(%s, &%s, %s)" % (k, self.int_rule(spec["shape"]), req)
            elif t == "boolean":
                call = "d.boolean(%s, %s)" % (k, req)
            elif t == "structure":
                call = "d.structure(%s, %s, %s::decode)" % (
                    k, req, self.struct_name(spec["shape"]))
            elif t == "list":
                elem = mshape["member"]["shape"]
                et = self.shapes[elem]["type"]
                if et == "string":
                    call = "d.string_list(%s, &%s, &%s, %s)" % (
                        k, self.list_rule(spec["shape"]), self.string_rule(elem), req)
                elif et == "structure":
                    call = "d.struct_list(%s, &%s, %s, %s::decode)" % (
                        k, self.list_rule(spec["shape"]), req, self.struct_name(elem))
                else:
                    raise SystemExit("unsupported input list element type %s" % et)
            else:
                raise SystemExit("unsupported input member type %s (%s.%s)" % (t, shape_name, m))
            self.emit("        let %s = %s;" % (var, call))
        self.emit("        Some(Self {")
        for m in members:
            var = snake(m).replace("r#", "") + "_"
            self.emit("            %s: %s%s," % (snake(m), var, "?" if m in required else ""))
        self.emit("        })")
        self.emit("    }")
        self.emit("}")
        self.emit()

    def write_value(self, shape_name, element, expr, indent):
        """Statements writing `expr` (a reference) as element `element`."""
        pad = " " * indent
        copied = expr[1:] if expr.startswith("&") else "*" + expr
        shape = self.shapes[shape_name]
        t = shape["type"]
        el = rust_str(element)
        if t == "string":
            if shape_name == "policyDocumentType":
                return [pad + "w.policy_document_element(%s, %s);" % (el, expr)]
            return [pad + "w.element(%s, %s);" % (el, expr)]
        if t == "integer":
            return [pad + "w.int_element(%s, %s);" % (el, copied)]
        if t == "timestamp":
            return [pad + "w.timestamp_element(%s, %s);" % (el, copied)]
        if t == "boolean":
            return [pad + "w.bool_element(%s, %s);" % (el, copied)]
        if t == "blob":
            return [pad + "w.blob_element(%s, %s);" % (el, expr)]
        if t == "structure":
            return [pad + "w.start(%s);" % el, pad + "WriteXml::write_xml(%s, w);" % expr, pad + "w.end(%s);" % el]
        if t == "list":
            lines = [pad + "w.start(%s);" % el, pad + "for item in %s {" % expr]
            lines += self.write_value(shape["member"]["shape"], "member", "item", indent + 4)
            lines += [pad + "}", pad + "w.end(%s);" % el]
            return lines
        if t == "map":
            lines = [pad + "w.start(%s);" % el, pad + "for (k, v) in %s {" % expr]
            lines.append(pad + '    w.start("entry");')
            lines += self.write_value(shape["key"]["shape"], "key", "k", indent + 4)
            lines += self.write_value(shape["value"]["shape"], "value", "v", indent + 4)
            lines.append(pad + '    w.end("entry");')
            lines += [pad + "}", pad + "w.end(%s);" % el]
            return lines
        raise SystemExit("unsupported output type %s" % t)

    def gen_write(self, shape_name, name, members):
        self.emit("impl WriteXml for %s {" % name)
        if not members:
            self.emit("    fn write_xml(&self, _w: &mut XmlWriter) {}")
            self.emit("}")
            self.emit()
            return
        required = set(self.shapes[shape_name].get("required", []))
        self.emit("    fn write_xml(&self, w: &mut XmlWriter) {")
        for m, spec in members.items():
            field = snake(m)
            if m in required:
                for line in self.write_value(spec["shape"], m, "&self.%s" % field, 8):
                    self.emit(line)
            else:
                self.emit("        if let Some(v) = &self.%s {" % field)
                for line in self.write_value(spec["shape"], m, "v", 12):
                    self.emit(line)
                self.emit("        }")
        self.emit("    }")
        self.emit("}")
        self.emit()

    # ---- operations, requests, errors --------------------------------------------------------

    def gen_operations(self):
        enum = self.prefix + "Operation"
        n = len(self.op_names)
        self.emit("/// Every %s operation of the model, alphabetical." % self.variant.upper())
        self.emit("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]")
        self.emit("pub enum %s {" % enum)
        for op in self.op_names:
            doc = first_sentence(self.ops[op].get("documentation")) or "The `%s` operation." % op
            self.emit("    /// %s" % doc)
            self.emit("    %s," % op)
        self.emit("}")
        self.emit()
        self.emit("impl %s {" % enum)
        self.emit("    /// All %d operations, alphabetical." % n)
        self.emit("    pub const ALL: [Self; %d] = [" % n)
        for op in self.op_names:
            self.emit("        Self::%s," % op)
        self.emit("    ];")
        self.emit()
        self.emit("    /// The operation named by an `Action` parameter (case-sensitive).")
        self.emit("    #[must_use]")
        self.emit("    pub fn from_action(action: &str) -> Option<Self> {")
        self.emit("        match action {")
        for op in self.op_names:
            self.emit('            "%s" => Some(Self::%s),' % (op, op))
        self.emit("            _ => None,")
        self.emit("        }")
        self.emit("    }")
        self.emit()
        self.emit("    /// The `Action` name.")
        self.emit("    #[must_use]")
        self.emit("    pub const fn name(self) -> &'static str {")
        self.emit("        match self {")
        for op in self.op_names:
            self.emit('            Self::%s => "%s",' % (op, op))
        self.emit("        }")
        self.emit("    }")
        self.emit()
        self.emit("    /// Whether the response has a result element (api.md §1.3 rules 2-3).")
        self.emit("    #[must_use]")
        self.emit("    pub const fn output(self) -> OutputKind {")
        self.emit("        match self {")
        groups = {"None": [], "Result": [], "EmptyResult": []}
        for op in self.op_names:
            o = self.ops[op].get("output")
            if not o:
                groups["None"].append(op)
            elif not self.shapes[o["shape"]]["members"]:
                groups["EmptyResult"].append(op)
            else:
                groups["Result"].append(op)
        for kind, ops in groups.items():
            if ops:
                self.emit("            %s => OutputKind::%s," % (" | ".join("Self::" + o for o in ops), kind))
        self.emit("        }")
        self.emit("    }")
        self.emit("}")
        self.emit()

        req = self.prefix + "Request"
        self.emit("/// A decoded, validated %s request: one variant per operation." % self.variant.upper())
        self.emit("#[allow(")
        self.emit("    clippy::large_enum_variant,")
        self.emit('    reason = "built once per request and moved into the handler; boxing would only add an allocation"')
        self.emit(")]")
        self.emit("#[derive(Clone, Debug, PartialEq, Eq)]")
        self.emit("pub enum %s {" % req)
        for op in self.op_names:
            self.emit("    /// `%s`." % op)
            if "input" in self.ops[op]:
                self.emit("    %s(%s)," % (op, self.struct_name(self.ops[op]["input"]["shape"])))
            else:
                self.emit("    %s," % op)
        self.emit("}")
        self.emit()
        self.emit("impl %s {" % req)
        self.emit("    /// Decodes and validates the input of `operation` from the request parameters.")
        self.emit("    ///")
        self.emit("    /// # Errors")
        self.emit("    ///")
        self.emit("    /// [`ValidationErrors`] listing every violated model constraint (api.md §1.6).")
        self.emit("    pub fn from_query(operation: %s, params: &QueryParams) -> Result<Self, ValidationErrors> {" % enum)
        self.emit("        Ok(match operation {")
        for op in self.op_names:
            if "input" in self.ops[op]:
                self.emit("            %s::%s => Self::%s(%s::from_query(params)?)," % (
                    enum, op, op, self.struct_name(self.ops[op]["input"]["shape"])))
            else:
                self.emit("            %s::%s => Self::%s," % (enum, op, op))
        self.emit("        })")
        self.emit("    }")
        self.emit()
        self.emit("    /// The operation this request is for.")
        self.emit("    #[must_use]")
        self.emit("    pub const fn operation(&self) -> %s {" % enum)
        self.emit("        match self {")
        for op in self.op_names:
            pat = "Self::%s(_)" % op if "input" in self.ops[op] else "Self::%s" % op
            self.emit("            %s => %s::%s," % (pat, enum, op))
        self.emit("        }")
        self.emit("    }")
        self.emit("}")
        self.emit()

    def gen_errors(self):
        enum = self.prefix + "Error"
        errs = sorted(s for s in self.shapes if self.shapes[s].get("exception"))
        self.emit("/// The modelled error shapes of %s (api.md Appendix B), alphabetical." % self.variant.upper())
        self.emit("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]")
        self.emit("pub enum %s {" % enum)
        for e in errs:
            doc = first_sentence(self.shapes[e].get("documentation")) or "The `%s` error shape." % e
            self.emit("    /// %s" % doc)
            self.emit("    %s," % e)
        self.emit("}")
        self.emit()
        self.emit("impl %s {" % enum)
        self.emit("    /// All %d error shapes, alphabetical." % len(errs))
        self.emit("    pub const ALL: [Self; %d] = [" % len(errs))
        for e in errs:
            self.emit("        Self::%s," % e)
        self.emit("    ];")
        self.emit()
        self.emit("    /// The model's shape name.")
        self.emit("    #[must_use]")
        self.emit("    pub const fn shape_name(self) -> &'static str {")
        self.emit("        match self {")
        for e in errs:
            self.emit('            Self::%s => "%s",' % (e, e))
        self.emit("        }")
        self.emit("    }")
        self.emit()
        self.emit("    /// How the error goes on the wire: `error.code` of the model (the shape name when")
        self.emit("    /// absent), `error.httpStatusCode` (400 when absent), fault from the status.")
        self.emit("    #[must_use]")
        self.emit("    pub const fn service_error(self) -> ServiceError {")
        self.emit("        match self {")
        for e in errs:
            info = self.shapes[e].get("error") or {}
            code = info.get("code", e)
            status = info.get("httpStatusCode", 400)
            self.emit('            Self::%s => ServiceError::new("%s", %d),' % (e, code, status))
        self.emit("        }")
        self.emit("    }")
        self.emit("}")
        self.emit()

    def generate(self, version, botocore_version):
        body_start = len(self.lines)
        self.gen_operations()
        self.gen_errors()
        order = []
        for name in self.op_names:
            op = self.ops[name]
            for k in ("input", "output"):
                if k in op and op[k]["shape"] not in order:
                    order.append(op[k]["shape"])
        others = sorted((self.input_structs | self.output_structs) - set(order))
        for s in order + others:
            self.gen_struct(s)
        body = self.lines[body_start:]
        self.lines = self.lines[:body_start]

        header = [
            "//! %s types generated from botocore's `%s/%s/service-2.json` model (botocore %s)." % (
                self.variant.upper(), self.module, version, botocore_version),
            "//!",
            "//! Do not edit: run `python3 tools/codegen/gen_query.py` (checked by",
            "//! `tools/codegen/check.sh`). Operations, their inputs with `from_query` (api.md §1.2, §1.6),",
            "//! their outputs with `write_xml` (api.md §1.3, §1.4) and the modelled errors (Appendix B).",
            "",
            "use std::collections::BTreeMap;",
            "use std::fmt;",
            "",
            "use crate::decode::QueryParams;",
            "use crate::encode::{Timestamp, WriteXml, XmlWriter};",
            "use crate::error::ServiceError;",
            "use crate::validate::{",
            "    Decoder, IntRule, ListRule, Pattern, StringRule, ValidationErrors, compile,",
            "};",
            "use crate::{FromQuery, OutputKind, Service};",
            "",
        ]
        rules = []
        for d in self.rule_defs:
            rules.append(d)
            rules.append("")
        rules.append("/// Every pattern of the model, so that a test can compile each one.")
        rules.append("#[cfg(test)]")
        rules.append("pub(crate) static ALL_PATTERNS: [&Pattern; %d] = [" % len(self.patterns))
        for name in self.patterns.values():
            rules.append("    &%s," % name)
        rules.append("];")
        rules.append("")
        text = "\n".join(header + body + rules) + "\n"
        # Drop imports the service does not need (STS has no maps and no sensitive structures).
        if "BTreeMap<" not in text:
            text = text.replace("use std::collections::BTreeMap;\n", "")
        if "fmt::Debug" not in text:
            text = text.replace("use std::fmt;\n", "")
        return text


def rustfmt(text):
    """Format like `cargo fmt` does, so that formatting the workspace never dirties the files."""
    try:
        done = subprocess.run(
            ["rustfmt", "--edition", "2024", "--emit", "stdout"],
            input=text, capture_output=True, text=True, check=False,
        )
    except FileNotFoundError:
        sys.exit("gen_query.py: rustfmt not found on PATH")
    if done.returncode != 0:
        sys.exit("gen_query.py: rustfmt failed:\n" + done.stderr)
    return done.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--models-dir", default=None)
    ap.add_argument("--botocore-version", default=None, help="recorded in the file headers")
    ap.add_argument("--out-dir", default=DEFAULT_OUT)
    args = ap.parse_args()
    if args.models_dir:
        models, botocore_version = args.models_dir, args.botocore_version or "unknown"
    else:
        models, botocore_version = find_botocore()
    os.makedirs(args.out_dir, exist_ok=True)
    for module, variant, directory, version, prefix in SERVICES:
        path = os.path.join(models, directory, version, "service-2.json.gz")
        with gzip.open(path, "rt", encoding="utf-8") as f:
            model = json.load(f)
        gen = Generator(module, variant, model, prefix)
        text = rustfmt(gen.generate(version, botocore_version))
        with open(os.path.join(args.out_dir, module + ".rs"), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
