"""Every list route pages, sorts and refuses bad parameters the same way (issue 17).

The walk starts from the OpenAPI document: every GET operation is called as the system admin; an
operation that answers {"items":[...],"total":N} must reference the shared Page/PageSize/Sort
parameters and the other way round, and each list route is then walked with page_size=1, page=2,
sort=field, sort=-field and bad values."""
import re
from urllib.parse import quote

PAGE_REF = "#/components/parameters/PageSize"


def fill(path):
    return re.sub(r"\{[^}]+\}", lambda m: "2023" if m.group(0) == "{year}" else
                  ("2023-06" if m.group(0) == "{period}" else "1"), path)


def is_list(body):
    return isinstance(body, dict) and isinstance(body.get("items"), list) and isinstance(body.get("total"), int)


def get_json(s, url):
    r = s.get(url)
    ok = r.status == 200 and r.headers.get("Content-Type", "").startswith("application/json")
    return r, (r.json() if ok else None)


def sep(url):
    return "&" if "?" in url else "?"


def scalar_field(items):
    """A field to sort by: id when there is one, else the first scalar present in every item."""
    keys = [k for k, v in items[0].items() if isinstance(v, (int, float, str, bool))]
    for k in ["id"] + keys:
        vals = [i.get(k) for i in items]
        if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in vals) or \
           all(isinstance(v, str) for v in vals):
            return k
    return None


def assert_ordered(items, field, desc, where):
    vals = [i.get(field) for i in items if i.get(field) is not None]
    for a, b in zip(vals, vals[1:]):
        if type(a) is not type(b) and not (isinstance(a, (int, float)) and isinstance(b, (int, float))):
            continue
        assert (a >= b) if desc else (a <= b), (where, field, desc, a, b)


def list_routes(api):
    doc = api.anon().get("/api/v1/openapi.json").json()
    admin = api.as_user("admin")
    documented, answered = set(), {}
    for path, item in doc["paths"].items():
        op = item.get("get")
        if not op or path == "/metrics":
            continue
        refs = {p.get("$ref") for p in op.get("parameters", [])}
        if PAGE_REF in refs:
            documented.add(path)
        r, body = get_json(admin, fill(path))
        if is_list(body):
            answered[path] = (body, op)
    return admin, documented, answered


def test_every_list_route_is_documented_as_a_list(api):
    admin, documented, answered = list_routes(api)
    assert len(answered) >= 40, sorted(answered)
    missing = sorted(set(answered) - documented)
    assert not missing, "lists without the page parameters in the document: %s" % missing
    # A documented list that answered 200 answers a list.
    for path in documented:
        r, body = get_json(admin, fill(path))
        if r.status == 200 and body is not None:
            assert is_list(body), (path, str(body)[:200])


def test_every_list_route_pages_and_sorts(api):
    admin, _, answered = list_routes(api)
    walked = sorted_ok = 0
    for path, (full, op) in sorted(answered.items()):
        url = fill(path)
        total = full["total"]
        one = admin.get(url + sep(url) + "page=1&page_size=1")
        assert one.status == 200, (path, one.status, one.body[:200])
        one = one.json()
        assert len(one["items"]) <= 1 and one["total"] == total, (path, one["total"], total)
        if total >= 2 and len(full["items"]) >= 2:
            two = admin.get(url + sep(url) + "page=2&page_size=1").json()
            assert len(two["items"]) == 1 and two["items"][0] != one["items"][0], path
            assert two["total"] == total, path
        for bad, field in (("page=0", "page"), ("page_size=501", "page_size"), ("page=x", "page"),
                           ("page_size=0", "page_size"), ("sort=" + quote("a b;"), "sort"),
                           ("filter=" + quote("no colon"), "filter")):
            r = admin.get(url + sep(url) + bad)
            assert r.status == 422, (path, bad, r.status)
            assert r.json()["error"]["details"][0]["field"] == field, (path, bad)
        walked += 1
        items = [i for i in full["items"] if isinstance(i, dict)]
        if not items:
            continue
        r = admin.get(url + sep(url) + "sort=no_such_field_xyz")
        assert r.status == 422 and r.json()["error"]["details"][0]["field"] == "sort", (path, r.status)
        field = scalar_field(items)
        if not field:
            continue
        # filter=field:value keeps the items whose field equals the value, the same way everywhere.
        first = next((i for i in items if isinstance(i.get(field), (str, int, bool)) and not isinstance(i.get(field), float)), None)
        if first is not None:
            v = first[field]
            text = ("true" if v else "false") if isinstance(v, bool) else str(v)
            if "," not in text:
                r = admin.get(url + sep(url) + "page_size=500&filter=" + quote(field + ":" + text))
                assert r.status == 200, (path, field, r.status, r.body[:200])
                got = r.json()
                assert 1 <= got["total"] <= total and all(i.get(field) == v for i in got["items"]), (path, field, text)
        r = admin.get(url + sep(url) + "filter=no_such_field_xyz:1")
        assert r.status == 422 and r.json()["error"]["details"][0]["field"] == "filter", (path, r.status)
        for desc in (False, True):
            r = admin.get(url + sep(url) + "page_size=500&sort=" + ("-" if desc else "") + field)
            assert r.status == 200, (path, field, r.status, r.body[:200])
            body = r.json()
            assert body["total"] == total, (path, field)
            assert len(body["items"]) == min(total, 500) or len(body["items"]) == len(full["items"]), path
            assert_ordered(body["items"], field, desc, path)
        sorted_ok += 1
    assert walked >= 40 and sorted_ok >= 25, (walked, sorted_ok)


def test_sort_orders_a_known_list_both_ways(api):
    admin = api.as_user("admin")
    full = admin.get("/api/v1/parks").json()
    assert full["total"] >= 2
    asc = admin.get("/api/v1/parks?sort=name").json()["items"]
    desc = admin.get("/api/v1/parks?sort=-name").json()["items"]
    names = [p["name"] for p in full["items"]]
    assert [p["name"] for p in asc] == sorted(names)
    assert [p["name"] for p in desc] == sorted(names, reverse=True)
    # Database-paged lists sort across pages, not within one: the last page in one order is the first in the other.
    users = admin.get("/api/v1/users?page_size=500").json()
    first = admin.get("/api/v1/users?sort=-username&page_size=1").json()["items"][0]["username"]
    assert first == max(u["username"] for u in users["items"])
    audit = admin.get("/api/v1/audit?page_size=3&sort=id").json()
    ids = [a["id"] for a in audit["items"]]
    assert ids == sorted(ids) and audit["total"] >= 3
    # Without parameters every old answer is unchanged: a list that never paged gives all its items.
    assert len(full["items"]) == full["total"]
