"""GET /api/v1/openapi.json: served without login, valid OpenAPI 3 (checked with an npm validator,
scripts/validate-openapi.mjs), and every documented operation exists on the server (the gtest
OpenApiTest.EveryRouteIsAnOperation checks the other direction against the route table).
Paginated lists share page, page_size and sort and the {"items","total"} shape."""
import json, os, re, subprocess, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def fetch_doc(api):
    r = api.anon().get("/api/v1/openapi.json")
    assert r.status == 200, r.status
    assert r.headers.get("Content-Type", "").startswith("application/json")
    return r.json()


def test_document_is_valid_openapi(api):
    doc = fetch_doc(api)
    assert doc["openapi"].startswith("3."), doc["openapi"]
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(doc, f)
    try:
        p = subprocess.run(["node", os.path.join(ROOT, "scripts", "validate-openapi.mjs"), f.name],
                           capture_output=True, text=True, timeout=120)
    finally:
        os.unlink(f.name)
    assert p.returncode == 0, (p.stdout + p.stderr)[-3000:]
    assert "valid OpenAPI" in p.stdout, p.stdout
    # The validator must refuse a broken document (the check can fail).
    broken = dict(doc, paths={"/x": {"get": {"responses": "nope"}}})
    p = subprocess.run(["node", os.path.join(ROOT, "scripts", "validate-openapi.mjs"), "-"], input=json.dumps(broken),
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 1, p.stdout


def fill(path):
    return re.sub(r"\{[^}]+\}", lambda m: "2023" if m.group(0) == "{year}" else
                  ("2023-06" if m.group(0) == "{period}" else "1"), path)


def test_every_documented_operation_exists(api):
    doc = fetch_doc(api)
    anon = api.anon()
    seen = 0
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if path == "/metrics":
                continue
            # Anonymous: a real route answers 401 (or works when public) — never "no such endpoint".
            r = anon.request(method.upper(), fill(path), body={} if method in ("post", "put", "patch") else None)
            body = r.json() if r.body and r.body[:1] == b"{" else {}
            code = (body.get("error") or {}).get("code")
            if op.get("security") == []:
                assert r.status != 404 or code != "not_found" or "接口不存在" not in body["error"]["message"], (method, path)
            else:
                assert r.status == 401, (method, path, r.status, r.body[:200])
            assert r.status != 405, (method, path)
            seen += 1
    assert seen > 150, seen


def test_error_shape_matches_the_document(api):
    doc = fetch_doc(api)
    err = doc["components"]["schemas"]["Error"]["properties"]["error"]
    r = api.as_user("admin").post("/api/v1/users", {"username": ""})
    assert r.status == 422
    e = r.json()["error"]
    for k in err["required"]:
        assert k in e, k
    assert e["details"] and set(e["details"][0]) >= {"field", "message"}


def test_paginated_lists_walk_the_same_way(api):
    doc = fetch_doc(api)
    admin = api.as_user("admin")
    paged = [(p, item["get"]) for p, item in doc["paths"].items()
             if "get" in item and any(x.get("$ref") == "#/components/parameters/PageSize"
                                      for x in item["get"].get("parameters", []))]
    assert len(paged) >= 5, [p for p, _ in paged]
    walked = 0
    for path, op in paged:
        url = fill(path)
        full = admin.get(url)
        if full.status == 422:  # needs a filter (from/to ...); tests/api/test_lists.py walks the rest
            continue
        assert full.status == 200, (path, full.status, full.body[:200])
        walked += 1
        body = full.json()
        assert set(body) >= {"items", "total"} and isinstance(body["items"], list), path
        one = admin.get(url + "?page=1&page_size=1").json()
        assert len(one["items"]) <= 1 and one["total"] == body["total"], path
        if body["total"] >= 2:
            two = admin.get(url + "?page=2&page_size=1").json()
            assert len(two["items"]) == 1 and two["items"][0] != one["items"][0], path
        for bad in ("page_size=0", "page_size=501", "page=0", "page=x"):
            r = admin.get(url + "?" + bad)
            assert r.status == 422, (path, bad, r.status)
            assert r.json()["error"]["details"][0]["field"] == bad.split("=")[0], (path, bad)
    assert walked >= 5, walked
