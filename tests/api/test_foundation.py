"""Flow tests of the foundation: login, lockout, logout, tokens, limits, scope refusals."""
import json


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def test_login_errors_and_lockout(api):
    admin = api.as_user("admin")
    r = admin.post("/api/v1/users", {"username": "locky", "password": "Locky@2023x", "role": "leader"})
    expect(r.status == 201, f"create locky: {r.status} {r.body!r}")
    anon = api.anon()
    r = anon.post("/api/v1/auth/login", {"username": "locky", "password": "wrong"}, csrf=False)
    expect(r.status == 401, f"bad password: {r.status}")
    r = anon.post("/api/v1/auth/login", {"username": "nobody-here", "password": "wrong"}, csrf=False)
    expect(r.status == 401 and r.json()["error"]["code"] == "unauthenticated", "unknown user is 401")
    r = anon.post("/api/v1/auth/login", {"username": "locky"}, csrf=False)
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "password", "missing password is 422")
    for _ in range(4):
        r = anon.post("/api/v1/auth/login", {"username": "locky", "password": "wrong"}, csrf=False)
    expect(r.status in (423, 429), f"5th failure locks: {r.status}")
    r = anon.post("/api/v1/auth/login", {"username": "locky", "password": "Locky@2023x"}, csrf=False)
    expect(r.status in (423, 429), f"the right password is refused while locked: {r.status}")
    audit = admin.get("/api/v1/audit?user=locky").json()
    expect(any(i["action"] == "lockout" for i in audit["items"]), "the lockout is audited")
    # An admin password reset clears the lock.
    uid = [u for u in admin.get("/api/v1/users?page_size=500").json()["items"] if u["username"] == "locky"][0]["id"]
    r = admin.post(f"/api/v1/users/{uid}/password", {"password": "Locky@2024y"})
    expect(r.status == 204, f"reset: {r.status} {r.body!r}")
    r = anon.post("/api/v1/auth/login", {"username": "locky", "password": "Locky@2024y"}, csrf=False)
    expect(r.status == 200, f"login after reset: {r.status}")


def test_session_cookie_flags_and_logout(api):
    s = api.anon()
    r = s.post("/api/v1/auth/login", {"username": "parkadmin", "password": "Park@2023demo"}, csrf=False)
    expect(r.status == 200, "login")
    cookie = r.headers.get("Set-Cookie", "")
    for flag in ("HttpOnly", "SameSite=Strict", "Path=/"):
        expect(flag in cookie, f"cookie has {flag}: {cookie}")
    s.csrf = r.json()["csrf_token"]
    expect(s.get("/api/v1/me").status == 200, "me after login")
    r = s.post("/api/v1/auth/logout", csrf=False)
    expect(r.status == 403, f"logout needs the CSRF token too: {r.status}")
    r = s.post("/api/v1/auth/logout")
    expect(r.status == 204, f"logout: {r.status}")
    expect(s.get("/api/v1/me").status == 401, "me after logout is 401")


def test_body_over_limit_is_413_and_nothing_written(api):
    admin = api.as_user("admin")
    before = admin.get("/api/v1/parks").json()["total"]
    big = json.dumps({"name": "x" * (11 * 1024 * 1024)})
    r = admin.post("/api/v1/parks", raw_body=big)
    expect(r.status == 413, f"11 MiB body: {r.status}")
    expect(r.json()["error"]["code"] == "payload_too_large", "413 has the JSON error shape")
    expect(admin.get("/api/v1/parks").json()["total"] == before, "nothing written")


def test_oversize_field_is_422(api):
    admin = api.as_user("admin")
    r = admin.post("/api/v1/parks", {"name": "园" * 200})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "name", f"{r.status} {r.body[:200]!r}")


def test_api_tokens_scoped_and_revocable(api):
    admin = api.as_user("admin")
    park_id = admin.get("/api/v1/parks").json()["items"][0]["id"]
    r = admin.post("/api/v1/tokens", {"name": "统计局接口", "scope_park_id": park_id, "read_only": True})
    expect(r.status == 201, f"create token: {r.status} {r.body!r}")
    tok = r.json()
    t = api.with_token(tok["token"])
    expect(t.get("/api/v1/tasks").json()["total"] == 25, "token reads tasks")
    parks = t.get("/api/v1/parks").json()["items"]
    expect(all(p["id"] == park_id or p["parent_id"] == park_id for p in parks), "token sees only its park")
    r = t.post("/api/v1/parks", {"name": "令牌写入"})
    expect(r.status == 403, f"read-only token cannot write: {r.status}")
    expect(admin.delete(f"/api/v1/tokens/{tok['id']}").status == 204, "revoke")
    expect(t.get("/api/v1/tasks").status == 401, "revoked token is refused")
    expect(api.with_token("phq_not-a-token").get("/api/v1/tasks").status == 401, "unknown token is 401")


def test_enterprise_and_department_users_are_refused_what_is_not_theirs(api):
    admin = api.as_user("admin")
    park_id = admin.get("/api/v1/parks").json()["items"][0]["id"]
    r = admin.post("/api/v1/users", {"username": "ent_user_t", "password": "Ent@2023demoX", "role": "enterprise",
                                      "park_id": park_id, "enterprise_id": 1})
    expect(r.status == 201, f"create enterprise user: {r.status} {r.body!r}")
    ent = api.as_user("ent_user_t", "Ent@2023demoX")
    for method, path, body in [("GET", "/api/v1/users", None), ("GET", "/api/v1/audit", None),
                               ("POST", "/api/v1/parks", {"name": "x"}), ("GET", "/api/v1/tokens", None),
                               ("POST", "/api/v1/users", {"username": "x"})]:
        r = ent.request(method, path, body=body)
        expect(r.status == 403, f"enterprise {method} {path}: {r.status}")
    dept = api.as_user("gxj")
    for method, path, body in [("POST", "/api/v1/tokens", {"name": "x"}), ("PATCH", "/api/v1/users/1", {"disabled": True}),
                               ("POST", "/api/v1/users/1/password", {"password": "Hacked@2023x"})]:
        r = dept.request(method, path, body=body)
        expect(r.status == 403, f"department {method} {path}: {r.status}")
    # A sub-park created outside the department's parks is invisible to it.
    new = admin.post("/api/v1/parks", {"name": "部门不可见园区"}).json()["id"]
    expect(dept.get(f"/api/v1/parks/{new}/targets/2023").status == 404, "other park's targets are 404")


def test_disabled_user_loses_session(api):
    admin = api.as_user("admin")
    r = admin.post("/api/v1/users", {"username": "soon_gone", "password": "SoonGone@2023", "role": "leader"})
    uid = r.json()["id"]
    s = api.as_user("soon_gone", "SoonGone@2023")
    expect(s.get("/api/v1/me").status == 200, "works before")
    r = admin.patch(f"/api/v1/users/{uid}", {"disabled": True})
    expect(r.status == 200 and r.json()["disabled"] is True, f"disable: {r.status}")
    expect(s.get("/api/v1/me").status == 401, "session ends when disabled")
    r = api.anon().post("/api/v1/auth/login", {"username": "soon_gone", "password": "SoonGone@2023"}, csrf=False)
    expect(r.status == 401, "disabled user cannot log in")


def test_spa_fallback_and_static_headers(api):
    s = api.anon()
    r = s.get("/some/deep/link")
    expect(r.status == 200 and b"<" in r.body, f"SPA fallback: {r.status}")
    r = s.get("/assets/does-not-exist.js")
    expect(r.status == 404, f"missing hashed asset is 404: {r.status}")
