"""API tokens for other systems (issue 17): an expiry, a module limit, usage per token and day,
and a request rate limit per token (429 with Retry-After)."""
import datetime
import time


def make(admin, **body):
    r = admin.post("/api/v1/tokens", dict({"name": "外部系统（测试）", "read_only": True}, **body))
    assert r.status == 201, (r.status, r.body[:300])
    return r.json()


def field_of(r):
    return r.json()["error"]["details"][0]["field"]


def test_token_expiry_is_checked_and_refused_after_it(api):
    admin = api.as_user("admin")
    # Bad or past expiries are refused, naming the field, and nothing is created.
    before = admin.get("/api/v1/tokens").json()["total"]
    for bad in ("2020-01-01", "tomorrow", "2023-13-40"):
        r = admin.post("/api/v1/tokens", {"name": "x", "expires_at": bad})
        assert r.status == 422 and field_of(r) == "expires_at", (bad, r.status, r.body[:200])
    assert admin.get("/api/v1/tokens").json()["total"] == before
    # The server's clock (it may be pinned for tests): the created_at of a token.
    probe = make(admin, name="时钟探针（测试）")
    now = datetime.datetime.strptime(probe["created_at"], "%Y-%m-%dT%H:%M:%SZ")
    soon = (now + datetime.timedelta(seconds=3)).strftime("%Y-%m-%dT%H:%M:%SZ")
    tok = make(admin, name="短期令牌（测试）", expires_at=soon)
    assert tok["expires_at"] == soon
    t = api.with_token(tok["token"])
    assert t.get("/api/v1/me").status == 200
    time.sleep(4.2)
    r = t.get("/api/v1/me")
    assert r.status == 401, r.status
    # A long-lived one keeps working, and the list shows its expiry.
    far = make(admin, name="长期令牌（测试）", expires_at="2099-12-31")
    assert far["expires_at"].startswith("2099-12-31") or far["expires_at"].startswith("2099-12-31T")
    assert api.with_token(far["token"]).get("/api/v1/me").status == 200


def test_module_limited_token_is_refused_elsewhere(api):
    admin = api.as_user("admin")
    r = admin.post("/api/v1/tokens", {"name": "x", "modules": ["land", "nope"]})
    assert r.status == 422 and field_of(r) == "modules"
    r = admin.post("/api/v1/tokens", {"name": "x", "modules": "land"})
    assert r.status == 422 and field_of(r) == "modules"
    tok = make(admin, name="土地系统（测试）", modules=["land"], scope_park_id=1)
    assert tok["modules"] == ["land"]
    t = api.with_token(tok["token"])
    assert t.get("/api/v1/parks/1/parcels").status == 200
    assert t.get("/api/v1/parks/1/land-contracts").status == 200
    assert t.get("/api/v1/me").status == 200 and t.get("/api/v1/parks").status == 200
    for path in ("/api/v1/projects", "/api/v1/enterprises", "/api/v1/indicators", "/api/v1/tasks",
                 "/api/v1/parks/1/evaluations/2023"):
        r = t.get(path)
        assert r.status == 403, (path, r.status)
        assert r.json()["error"]["code"] == "forbidden"
    # The same account's unlimited token reaches them.
    every = api.with_token(make(admin, name="全部模块（测试）")["token"])
    assert every.get("/api/v1/projects").status == 200


def test_usage_is_counted_per_token_and_shown(api):
    admin = api.as_user("admin")
    tok = make(admin, name="计数令牌（测试）")
    t = api.with_token(tok["token"])

    def row():
        return next(x for x in admin.get("/api/v1/tokens").json()["items"] if x["id"] == tok["id"])

    first = row()
    assert first["requests_today"] == 0 and first["last_used_at"] is None and first["usage"] == []
    for _ in range(3):
        assert t.get("/api/v1/parks").status == 200
    after = row()
    assert after["requests_today"] == 3 and after["requests_14d"] == 3, after
    assert after["last_used_ip"] in ("127.0.0.1", "::1", "::ffff:127.0.0.1"), after["last_used_ip"]
    assert after["last_used_at"] and after["usage"][0]["requests"] == 3
    # A refused request of the token (no such module, wrong role) still counts as a use.
    t.get("/api/v1/users")
    assert row()["requests_today"] == 4


def test_rate_limit_per_token_answers_429_with_retry_after(api):
    admin = api.as_user("admin")
    busy = api.with_token(make(admin, name="高频令牌（测试）")["token"])
    calm = api.with_token(make(admin, name="另一令牌（测试）")["token"])
    statuses, retry = [], None
    for _ in range(120):
        r = busy.get("/api/v1/me")
        statuses.append(r.status)
        if r.status == 429:
            retry = r.headers.get("Retry-After")
            assert r.json()["error"]["code"] == "too_many_requests"
            break
    assert 429 in statuses, statuses[-5:]
    assert statuses.count(200) >= 30, statuses.count(200)  # the burst (40 by default) got through
    assert retry and int(retry) >= 1
    # Another token (and sessions) are not slowed by it.
    assert calm.get("/api/v1/me").status == 200
    assert admin.get("/api/v1/me").status == 200
    time.sleep(1.2)
    assert busy.get("/api/v1/me").status == 200  # the bucket refills


def test_each_use_is_logged_and_listed_per_token(api):
    admin = api.as_user("admin")
    tok = make(admin, name="调用记录令牌（测试）", scope_park_id=1)
    t = api.with_token(tok["token"])
    uses = f"/api/v1/tokens/{tok['id']}/uses"
    assert admin.get(uses).json()["items"] == []
    assert t.get("/api/v1/parks").status == 200
    assert t.get("/api/v1/users").status == 403          # refused: still a use
    assert t.post("/api/v1/parks", {"name": "x"}).status == 403  # a write of a read-only token
    items = admin.get(uses).json()["items"]
    got = [(u["method"], u["path"], u["status"]) for u in items]
    assert got == [("POST", "/api/v1/parks", 403), ("GET", "/api/v1/users", 403),
                   ("GET", "/api/v1/parks", 200)], got
    assert all(u["at"].endswith("Z") and u["ip"] for u in items), items
    # Paged like every list; a session's requests are not token uses.
    assert admin.get("/api/v1/parks").status == 200
    page = admin.get(uses + "?page=1&page_size=2").json()
    assert page["total"] == 3 and len(page["items"]) == 2
    # Who may read them: not another park's admin, not a department user, not the token itself
    # (a park-scoped sysadmin token is a park admin: it sees only tokens of its park, this one).
    assert api.as_user("gxj").get(uses).status == 403
    assert api.as_user("leader").get(uses).status == 403
    assert admin.get("/api/v1/tokens/999999/uses").status == 404
    other = make(admin, name="另一令牌（测试）")  # unscoped: a park-scoped caller cannot see it
    assert t.get(f"/api/v1/tokens/{other['id']}/uses").status in (403, 404)
