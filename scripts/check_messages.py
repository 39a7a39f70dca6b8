#!/usr/bin/env python3
"""Checks that every Chinese message the server can return has an English catalog entry.

It reads the C++ sources under src/ (not tests, not the demo seed), finds each Chinese string
literal that is an argument of an error-building call (Status::X(...), Status(...), FieldError{...},
AddError, push_back onto an error list, the modules' small error helpers listed in BUILDERS), and
turns the concatenation the literal is part of into a template: literal pieces are kept, every
other operand becomes "{}" ("没有“" + code + "”的企业" -> "没有“{}”的企业"). Each template must be a
key of the catalog in src/http/messages/*.tsv (the same catalog the server loads).

  scripts/check_messages.py            exit 1 and list the templates without an entry
  scripts/check_messages.py --dump     print every template with file:line (for translators)
  scripts/check_messages.py --self-test  checks the scanner itself on small snippets
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CATALOG_DIR = ROOT / "src" / "http" / "messages"

# Calls whose arguments are user-facing error text (or a label that becomes part of one).
BUILDERS = {
    "Status", "FieldError", "FieldInvalid", "AddError", "add_error", "Finish", "ImportError",
    "ImportFailed", "SimpleError", "Localize",
    # the modules' error helpers (each builds a Status/FieldError from its text arguments)
    "PathId", "FailNode", "CheckText", "Refuse", "Invalid", "Denied", "CheckOrder", "CheckAmount",
    "CheckNeeds", "CheckStageOrder", "CheckNotFuture", "Fail", "fail", "bad", "err", "add", "Add",
    "non_negative", "finite", "check_codes",
}
# push_back/emplace_back count when the receiver is an error list.
ERROR_LISTS = re.compile(r"^(e|errs?|errors|details|problems|errs_|errors_|issues)$")
SKIP_FILES = re.compile(r"(_test\.cc$|/app/[a-z_]*demo[a-z_]*\.cc$|/app/demo_seed\.cc$|/app/main\.cc$)")
HAN = re.compile(r"[\u4e00-\u9fff]")

TOKEN = re.compile(
    r'(?P<ws>\s+)|(?P<comment>//[^\n]*|/\*.*?\*/)|(?P<raw>R"(?P<delim>[^(]*)\((?:.|\n)*?\)(?P=delim)")'
    r'|(?P<str>(?:u8|u|U|L)?"(?:[^"\\\n]|\\.)*")|(?P<chr>\'(?:[^\'\\\n]|\\.)+\')'
    r"|(?P<id>[A-Za-z_][A-Za-z0-9_]*)|(?P<num>[0-9][0-9A-Za-z_.']*)"
    r"|(?P<op>::|->|\+\+|--|<<|>>|&&|\|\||[-+*/%=<>!&|^~?:;,.(){}\[\]#])",
    re.S)

ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "'": "'"}


def unescape(lit):
    body = lit[lit.index('"') + 1:-1]
    return re.sub(r"\\(.)", lambda m: ESCAPES.get(m.group(1), m.group(0)), body)


def tokenize(text):
    out, line = [], 1
    for m in TOKEN.finditer(text):
        kind = m.lastgroup if m.lastgroup != "delim" else "raw"
        if kind not in ("ws", "comment"):
            if kind == "raw":
                kind = "str"
            out.append((kind, m.group(0), line))
        line += m.group(0).count("\n")
    return out


def opener_name(toks, i):
    """The builder name for the bracket at toks[i] ('(' or '{'), or None."""
    j = i - 1
    if j < 0:
        return None
    if toks[j][1] in ("(", ",", "{", "=", "return") and toks[i][1] == "{":
        # a braced initializer: look at what encloses it instead
        return ""
    if toks[j][0] != "id":
        return None
    name = toks[j][1]
    if name in ("push_back", "emplace_back") and j >= 2 and toks[j - 1][1] in (".", "->"):
        recv = toks[j - 2][1]
        return "ErrorList" if ERROR_LISTS.match(recv) else None
    if name in BUILDERS:
        return name
    if j >= 2 and toks[j - 1][1] == "::" and toks[j - 2][1] == "Status":
        return "Status"
    return None


def chain_template(toks, i):
    """The template of the '+' chain around the string literal toks[i], with its token range."""
    start = end = i
    if i >= 4 and [t[1] for t in toks[i - 4:i]] == ["std", "::", "string", "("] and toks[i + 1][1] == ")":
        start, end = i - 4, i + 1  # std::string("...") is one literal operand
    while True:
        j = start - 1
        if j >= 0 and toks[j][1] == "+":
            k = j - 1
            k = skip_operand_back(toks, k)
            if k is None:
                break
            start = k
        else:
            break
    while end + 1 < len(toks) and toks[end + 1][1] == "+":
        k = skip_operand_fwd(toks, end + 2)
        if k is None:
            break
        end = k
    parts, k, lits = [], start, set()
    while k <= end:
        e = skip_operand_fwd(toks, k)
        lit = literal_of(toks, k, e)
        if lit is not None:
            parts.append(lit)
            lits.update(range(k, e + 1))
        elif not parts or parts[-1] != "{}":
            parts.append("{}")
        k = e + 2  # skip the '+'
    return "".join(parts), lits


def literal_of(toks, a, b):
    """Text of an operand that is a string literal (adjacent literals, std::string("...")), else None."""
    seq = toks[a:b + 1]
    if all(t[0] == "str" for t in seq):
        return "".join(unescape(t[1]) for t in seq)
    if (len(seq) >= 6 and [t[1] for t in seq[:4]] == ["std", "::", "string", "("] and seq[-1][1] == ")"
            and all(t[0] == "str" for t in seq[4:-1])):
        return "".join(unescape(t[1]) for t in seq[4:-1])
    return None


CLOSE = {"(": ")", "[": "]", "{": "}"}
STOP = {",", ";", "?", ":", "=", "return", "<<", "&&", "||", "==", "!="}


def skip_operand_fwd(toks, k):
    """Index of the last token of the operand starting at k (identifiers, calls, member access)."""
    if k >= len(toks) or toks[k][1] in STOP or toks[k][1] in (")", "]", "}"):
        return None
    while k < len(toks):
        t = toks[k][1]
        if t in CLOSE:
            depth = 0
            while k < len(toks):
                if toks[k][1] in CLOSE:
                    depth += 1
                elif toks[k][1] in (")", "]", "}"):
                    depth -= 1
                    if depth == 0:
                        break
                k += 1
        nxt = toks[k + 1][1] if k + 1 < len(toks) else ";"
        if nxt in ("(", "[", ".", "->", "::") or (toks[k][1] in (".", "->", "::")) or (
                toks[k][0] == "str" and toks[k + 1][0] == "str"):
            k += 1
            continue
        return k
    return None


def skip_operand_back(toks, k):
    """Index of the first token of the operand ending at k."""
    if k < 0 or toks[k][1] in STOP or toks[k][1] in ("(", "[", "{"):
        return None
    while k >= 0:
        if toks[k][1] in (")", "]", "}"):
            depth = 0
            while k >= 0:
                if toks[k][1] in (")", "]", "}"):
                    depth += 1
                elif toks[k][1] in CLOSE:
                    depth -= 1
                    if depth == 0:
                        break
                k -= 1
        prev = toks[k - 1][1] if k >= 1 else ";"
        if prev in (".", "->", "::") or toks[k][1] in (".", "->", "::") or (
                toks[k][1] in ("(", "[") and k >= 1 and toks[k - 1][0] == "id") or (
                toks[k][0] == "str" and k >= 1 and toks[k - 1][0] == "str"):
            k -= 1
            continue
        return k
    return None


def scan_text(text, path="<text>"):
    """Yields (template, path, line) for each Chinese literal in an error-building call."""
    toks = tokenize(text)
    stack = []  # builder name per open bracket
    covered = set()  # literals already reported as part of a chain's template
    used_in_builders = set()  # identifiers passed to builders (constants holding a message)
    constants = []  # (name, index of its Chinese literal) for `const char kName[] = "..."`
    for i, (kind, val, line) in enumerate(toks):
        if kind == "id" and any(s for s in stack):
            used_in_builders.add(val)
        if (kind == "str" and i >= 4 and toks[i - 1][1] == "=" and toks[i - 2][1] == "]"
                and toks[i - 3][1] == "[" and toks[i - 4][0] == "id" and toks[i + 1][1] == ";"
                and not any(s for s in stack)):
            constants.append((toks[i - 4][1], i))
        if val in ("(", "{", "["):
            stack.append(opener_name(toks, i) if val != "[" else None)
        elif val in (")", "}", "]"):
            if stack:
                stack.pop()
        elif val == ";":
            # a statement ends: brackets cannot span it except in lambdas/blocks, which stay open
            pass
        elif kind == "str" and HAN.search(unescape(val)):
            if not any(s for s in stack):
                continue
            if i in covered:
                continue
            tpl, lits = chain_template(toks, i)
            covered |= lits
            yield tpl, path, line
    for name, i in constants:
        if name in used_in_builders and HAN.search(unescape(toks[i][1])):
            yield unescape(toks[i][1]), path, toks[i][2]


def sources():
    for p in sorted((ROOT / "src").rglob("*")):
        if p.suffix in (".cc", ".h") and not SKIP_FILES.search(str(p)):
            yield p


def load_catalog():
    keys = {}
    for f in sorted(CATALOG_DIR.glob("*.tsv")):
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            zh, sep, rest = line.partition("\t")
            en = rest.split("\t")[0]
            if not sep or not en.strip():
                raise SystemExit(f"{f.name}:{n}: expected 'chinese<TAB>english'")
            keys[zh] = (en, f"{f.name}:{n}")
    return keys


def self_test():
    snippet = r'''
      return Status::NotFound("本园区没有统一社会信用代码为“" + code + "”的企业");
      errs.push_back({"from", "日期格式应为 YYYY-MM-DD"});
      labels.push_back("不是消息");
      f.AddError(std::string(key) + "." + k, "应为" + std::string("文本"));
      CheckText(v, "name", "项目名称", 200, errs);
      std::string title = "标题";
      constexpr char kBad[] = "用户名或密码错误";
      constexpr char kLabel[] = "不是消息";
      return Status::Unauthenticated(kBad);
      errs.push_back({f, "前" + Label("名称") + "后"});
      return Status::Validation(std::string("设置 ") + key + " 格式损坏", {{"x", Label(a, "名称") + "无效"}});
    '''
    got = [t for t, _, _ in scan_text(snippet)]
    want = ["本园区没有统一社会信用代码为“{}”的企业", "日期格式应为 YYYY-MM-DD", "应为文本", "项目名称",
            "前{}后", "名称", "设置 {} 格式损坏", "名称", "{}无效",
            "用户名或密码错误"]
    if got != want:
        print("self-test failed:\n got  %r\n want %r" % (got, want))
        return 1
    # A message without an entry is reported; one with an entry is not.
    catalog = load_catalog()
    snippet = 'return Status::NotFound("园区不存在");\nreturn Status::Conflict("这条消息没有英文（自检）");\n'
    missing = missing_templates({t: [w] for t, w, _ in scan_text(snippet)}, catalog)
    if list(missing) != ["这条消息没有英文（自检）"]:
        print("self-test failed: missing %r" % list(missing))
        return 1
    print("self-test ok")
    return 0


def missing_templates(found, catalog):
    return {t: w for t, w in found.items() if t not in catalog}


def main(argv):
    if "--self-test" in argv:
        return self_test()
    found = {}
    for p in sources():
        rel = p.relative_to(ROOT)
        for tpl, _, line in scan_text(p.read_text(encoding="utf-8"), str(rel)):
            found.setdefault(tpl, []).append(f"{rel}:{line}")
    if "--dump" in argv:
        for tpl, where in sorted(found.items(), key=lambda kv: kv[1][0]):
            print(f"{tpl}\t{where[0]}")
        return 0
    catalog = load_catalog()
    missing = missing_templates(found, catalog)
    for tpl, where in sorted(missing.items(), key=lambda kv: kv[1][0]):
        print(f"no English for {tpl!r} ({', '.join(where[:3])})")
    print(f"messages: {len(found)} templates in src/, {len(catalog)} catalog entries, {len(missing)} missing")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
