"""Security of authentication, sessions and access (docs/security.md, "Authentication, sessions and
access"): read-only and park-scoped tokens, passwords, sessions, bodies refused before they are
read, security headers, proxies, connection caps, login throttling, paths with control characters."""
import os, re, socket, subprocess, time

BIN = os.environ.get("PARKHQ_BIN", "build/parkhq")
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
       "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
       "frame-ancestors 'none'")


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def user_id(api, username):
    users = api.as_user("admin").get("/api/v1/users?page_size=500").json()["items"]
    return [u for u in users if u["username"] == username][0]["id"]


def header(r, name):
    for k, v in r.headers.items():
        if k.lower() == name.lower():
            return v
    return None


def test_read_only_token_writes_nothing_not_even_passwords(api):
    admin = api.as_user("admin")
    tok = admin.post("/api/v1/tokens", {"name": "只读令牌（测试）", "read_only": True}).json()
    t = api.with_token(tok["token"])
    leader = user_id(api, "leader")
    for path in (f"/api/v1/users/{leader}/password", f"/api/v1/users/{user_id(api, 'admin')}/password"):
        r = t.post(path, {"password": "Hacked@2023xyz", "current_password": "Admin@2023demo"})
        expect(r.status == 403, f"read-only token {path}: {r.status} {r.body[:200]!r}")
    expect(t.post("/api/v1/auth/logout").status == 403, "read-only token cannot even log out")
    expect(t.post("/api/v1/tokens", {"name": "x"}).status == 403, "nor mint tokens")
    expect(api.anon().post("/api/v1/auth/login", {"username": "leader", "password": "Leader@2023demo"},
                           csrf=False).status == 200, "the leader's password is unchanged")


def test_own_password_needs_the_current_one_and_ends_other_sessions_and_tokens(api):
    admin = api.as_user("admin")
    r = admin.post("/api/v1/users", {"username": "pw_owner", "password": "Owner@2023abc", "role": "park_admin",
                                      "park_id": 1})
    expect(r.status == 201, f"create: {r.status} {r.body!r}")
    uid = r.json()["id"]
    a = api.as_user("pw_owner", "Owner@2023abc")
    b = api.anon()
    b.username = "pw_owner"
    b.login("Owner@2023abc")
    tok = a.post("/api/v1/tokens", {"name": "owner token", "read_only": False}).json()["token"]
    expect(api.with_token(tok).get("/api/v1/me").status == 200, "token works before")
    path = f"/api/v1/users/{uid}/password"
    r = a.post(path, {"password": "Owner@2024xyz"})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "current_password", f"no current: {r.status}")
    r = a.post(path, {"password": "Owner@2024xyz", "current_password": "wrong-one"})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "current_password", f"wrong current: {r.status}")
    for common in ("Password123", "P@ssw0rd123", "Qwerty@12345"):
        r = a.post(path, {"password": common, "current_password": "Owner@2023abc"})
        expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "password", f"{common}: {r.status}")
    r = a.post(path, {"password": "Owner@2024xyz", "current_password": "Owner@2023abc"})
    expect(r.status == 204, f"change: {r.status} {r.body!r}")
    expect(a.get("/api/v1/me").status == 200, "the session that changed it goes on")
    expect(b.get("/api/v1/me").status == 401, "the other session ended")
    expect(api.with_token(tok).get("/api/v1/me").status == 401, "the user's token was revoked")
    anon = api.anon()
    expect(anon.post("/api/v1/auth/login", {"username": "pw_owner", "password": "Owner@2023abc"}, csrf=False).status == 401,
           "old password refused")
    expect(anon.post("/api/v1/auth/login", {"username": "pw_owner", "password": "Owner@2024xyz"}, csrf=False).status == 200,
           "new password works")
    # Someone else's password: sysadmins only.
    r = api.as_user("parkadmin").post(f"/api/v1/users/{user_id(api, 'leader')}/password", {"password": "Hacked@2023xyz"})
    expect(r.status == 403, f"park admin resets the leader's password: {r.status}")
    audit = admin.get("/api/v1/audit?entity=api_token").json()["items"]
    expect(any(i["action"] == "revoke" and i["reason"] == "password changed" for i in audit), "revocation audited")


def test_park_scoped_token_of_a_sysadmin_stays_in_its_park(api):
    admin = api.as_user("admin")
    other = admin.post("/api/v1/parks", {"name": "令牌外园区（测试）"}).json()["id"]
    spare = admin.post("/api/v1/tokens", {"name": "admin 其他令牌", "read_only": True}).json()
    tok = admin.post("/api/v1/tokens", {"name": "园区令牌", "scope_park_id": 1, "read_only": False}).json()
    t = api.with_token(tok["token"])
    pa = user_id(api, "parkadmin")
    checks = [("GET", "/api/v1/audit", None), ("GET", "/api/v1/users", None),
              ("POST", "/api/v1/users", {"username": "evil_root", "password": "EvilRoot@2023x", "role": "sysadmin"}),
              ("PATCH", f"/api/v1/users/{pa}", {"disabled": True}), ("POST", "/api/v1/parks", {"name": "令牌建园"}),
              ("DELETE", f"/api/v1/tokens/{spare['id']}", None),
              ("POST", f"/api/v1/users/{pa}/password", {"password": "Hacked@2023xyz"}),
              ("GET", f"/api/v1/parks/{other}/targets/2023", None),
              ("GET", f"/api/v1/parks/{other}/monitoring?period=2023-06", None)]
    for method, path, body in checks:
        r = t.request(method, path, body=body)
        expect(r.status in (403, 404), f"park token {method} {path}: {r.status} {r.body[:200]!r}")
    parks = t.get("/api/v1/parks").json()["items"]
    expect(all(p["id"] != other for p in parks), "the other park is not listed")
    r = t.post("/api/v1/tokens", {"name": "minted", "read_only": False})
    expect(r.status == 201 and r.json()["scope_park_id"] == 1, f"a minted token is no broader: {r.status} {r.body!r}")
    r = t.post("/api/v1/tokens", {"name": "minted2", "scope_park_id": other})
    expect(r.status == 422, f"nor for another park: {r.status}")
    expect(admin.get("/api/v1/audit?user=evil_root").status == 200, "admin still works")
    expect(t.get("/api/v1/parks/1/targets/2023").status == 200, "its own park works")


def raw_exchange(base, request_head, read_timeout=5.0):
    host, port = re.match(r"http://([^:]+):(\d+)", base).groups()
    s = socket.create_connection((host, int(port)), timeout=read_timeout)
    try:
        s.sendall(request_head.encode())
        data = b""
        t0 = time.time()
        while b"\r\n\r\n" not in data and time.time() - t0 < read_timeout:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        return data
    finally:
        s.close()


def test_uploads_are_refused_before_the_body_is_read(api):
    admin = api.as_user("admin")
    ro = admin.post("/api/v1/tokens", {"name": "只读上传", "read_only": True}).json()["token"]
    for path in ("/api/v1/parks/1/report-imports", "/api/v1/parks/1/parcels/import", "/api/v1/industries/import"):
        head = (f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nContent-Length: 268435456\r\n\r\n")
        t0 = time.time()
        data = raw_exchange(api.base, head)  # the body is never sent
        expect(data.startswith(b"HTTP/1.1 401"), f"anonymous {path}: {data[:80]!r}")
        expect(time.time() - t0 < 3, "answered at once, without waiting for 256 MiB")
        head = head.replace("Host: x\r\n", f"Host: x\r\nAuthorization: Bearer {ro}\r\n")
        data = raw_exchange(api.base, head)
        expect(data.startswith(b"HTTP/1.1 403"), f"read-only token {path}: {data[:80]!r}")


def test_security_headers(api):
    s = api.anon()
    r = s.get("/")
    expect(header(r, "Content-Security-Policy") == CSP, f"CSP on /: {header(r, 'Content-Security-Policy')}")
    for name, value in (("X-Frame-Options", "DENY"), ("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer")):
        expect(header(r, name) == value, f"{name} on /: {header(r, name)}")
        expect(header(s.get("/api/v1/health"), name) == value, f"{name} on the API")
        expect(header(s.get("/api/v1/me"), name) == value, f"{name} on an API error")
    expect(header(s.get("/projects/kanban"), "Content-Security-Policy") == CSP, "CSP on an SPA route")
    expect(header(r, "Strict-Transport-Security") is None, "no HSTS over plain HTTP")


def test_paths_with_control_characters_are_400(api):
    s = api.anon()
    for path in ("/index.html%00.png", "/api/v1/health%0a", "/api/v1/x%0d%0aFake:%20log"):
        r = s.get(path)
        expect(r.status == 400, f"{path}: {r.status}")


def test_login_and_json_writes_need_json(api):
    s = api.anon()
    r = s.post("/api/v1/auth/login", raw_body='{"username":"admin","password":"Admin@2023demo"}',
               headers={"Content-Type": "text/plain"}, csrf=False)
    expect(r.status == 415, f"text/plain login: {r.status}")
    admin = api.as_user("admin")
    r = admin.post("/api/v1/parks", raw_body='{"name":"表单园区"}', headers={"Content-Type": "application/x-www-form-urlencoded"})
    expect(r.status == 415, f"form-encoded write: {r.status}")


def test_sessions_are_listed_and_revoked_by_their_owner(api):
    a = api.anon()
    a.username = "gxj"
    a.login("Dept@2023demo")
    b = api.anon()
    b.username = "gxj"
    b.login("Dept@2023demo")
    items = a.get("/api/v1/me/sessions").json()["items"]
    expect(len(items) >= 2 and sum(1 for i in items if i["current"]) == 1, f"sessions: {items}")
    expect(all(set(i) == {"id", "created_at", "last_seen", "ip", "current"} for i in items), "no secrets listed")
    other = [i for i in items if not i["current"]][0]["id"]
    expect(api.as_user("zsfw").delete(f"/api/v1/me/sessions/{other}").status == 404, "not someone else's session")
    expect(a.delete("/api/v1/me/sessions/not-a-session").status == 404, "unknown id")
    before = b.get("/api/v1/me").status
    r = a.delete(f"/api/v1/me/sessions/{[i for i in b.get('/api/v1/me/sessions').json()['items'] if i['current']][0]['id']}")
    expect(before == 200 and r.status == 204, f"revoke: {r.status}")
    expect(b.get("/api/v1/me").status == 401, "the revoked session is gone")
    expect(a.get("/api/v1/me").status == 200, "the revoking one goes on")


def start_server(api, *flags):
    env = dict(os.environ, PARKHQ_FAST_HASH="1")
    p = subprocess.Popen([BIN, "serve", "--db", api.db, "--listen", "127.0.0.1:0", "--web-root", "/nonexistent", *flags],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    line = p.stdout.readline()
    m = re.search(r"serving (http://\S+)", line)
    if not m:
        p.kill()
        raise AssertionError(f"server did not start: {line!r}")
    return p, m.group(1)


def stop(p):
    p.terminate()
    try:
        p.wait(10)
    except subprocess.TimeoutExpired:
        p.kill()


def test_trusted_proxy_secure_cookies_hsts_and_per_ip_login_throttle(api):
    Session = type(api.anon())
    p, base = start_server(api, "--trusted-proxy", "127.0.0.1")
    try:
        s = Session(base)
        login = {"username": "parkadmin", "password": "Park@2023demo"}
        r = s.post("/api/v1/auth/login", login, headers={"X-Forwarded-Proto": "https"}, csrf=False)
        expect(r.status == 200 and "Secure" in header(r, "Set-Cookie"), f"https via the proxy: {header(r, 'Set-Cookie')}")
        expect(header(r, "Strict-Transport-Security"), "HSTS via the proxy")
        r = Session(base).post("/api/v1/auth/login", login, csrf=False)
        expect("Secure" not in header(r, "Set-Cookie") and not header(r, "Strict-Transport-Security"), "plain http")
        # Failed logins count per (username, client address): one address locked out does not lock
        # the account out for another, and an unknown username is answered the same way.
        for name in ("parkadmin", "no-such-user-x"):
            statuses = []
            for _ in range(6):
                r = Session(base).post("/api/v1/auth/login", {"username": name, "password": "wrong"},
                                       headers={"X-Forwarded-For": "203.0.113.7"}, csrf=False)
                statuses.append(r.status)
            expect(statuses == [401] * 4 + [429] * 2, f"{name}: {statuses}")
        r = Session(base).post("/api/v1/auth/login", login, headers={"X-Forwarded-For": "203.0.113.7"}, csrf=False)
        expect(r.status == 429, f"locked from that address: {r.status}")
        r = Session(base).post("/api/v1/auth/login", login, headers={"X-Forwarded-For": "198.51.100.9"}, csrf=False)
        expect(r.status == 200, f"not from another: {r.status}")
    finally:
        stop(p)
    # Forwarded headers from a peer that is not a trusted proxy are ignored.
    p, base = start_server(api, "--trusted-proxy", "10.11.12.13")
    try:
        r = Session(base).post("/api/v1/auth/login", {"username": "gxj", "password": "Dept@2023demo"},
                               headers={"X-Forwarded-Proto": "https"}, csrf=False)
        expect(r.status == 200 and "Secure" not in header(r, "Set-Cookie"), "untrusted X-Forwarded-Proto ignored")
    finally:
        stop(p)
    p, base = start_server(api, "--secure-cookies")
    try:
        r = Session(base).post("/api/v1/auth/login", {"username": "gxj", "password": "Dept@2023demo"}, csrf=False)
        expect("Secure" in header(r, "Set-Cookie") and header(r, "Strict-Transport-Security"), "--secure-cookies")
    finally:
        stop(p)


def test_connections_per_address_are_capped(api):
    p, base = start_server(api, "--max-connections-per-ip", "8")
    host, port = re.match(r"http://([^:]+):(\d+)", base).groups()
    held = []
    try:
        for _ in range(8):
            held.append(socket.create_connection((host, int(port)), timeout=5))
        time.sleep(0.3)
        extra = socket.create_connection((host, int(port)), timeout=5)
        try:
            extra.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n")
            data = extra.recv(1024)
        except OSError:
            data = b""
        extra.close()
        expect(not data.startswith(b"HTTP/1.1 200"), f"the 9th idle connection is refused: {data[:40]!r}")
        for s in held[:4]:
            s.close()
        time.sleep(0.3)
        data = raw_exchange(base, "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        expect(data.startswith(b"HTTP/1.1 200"), f"a place freed is usable again: {data[:40]!r}")
    finally:
        for s in held:
            s.close()
        stop(p)


def test_references_to_another_park_are_422_naming_the_field(api):
    from test_enterprises import new_uscc
    admin = api.as_user("admin")
    other = admin.post("/api/v1/parks", {"name": "引用外园区（测试）"}).json()["id"]
    r = admin.post("/api/v1/enterprises", {"uscc": new_uscc(), "name": "外园用地企业（测试）", "park_id": other,
                                           "industry_code": "3011"})
    expect(r.status == 201, f"enterprise in the other park: {r.status} {r.body[:200]!r}")
    foreign = r.json()["id"]
    pa = api.as_user("parkadmin")
    for holder, what in ((foreign, "another park's enterprise"), (99999999, "a missing enterprise")):
        r = pa.post("/api/v1/parks/1/parcels", {"code": f"SEC-{holder}", "area_mu": 10, "holder_enterprise_id": holder})
        expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "holder_enterprise_id",
               f"parcel held by {what}: {r.status} {r.body[:200]!r}")
    # A sysadmin binds an enterprise user only to an existing enterprise of the user's park.
    for eid, what in ((foreign, "another park's"), (99999999, "a missing")):
        r = admin.post("/api/v1/users", {"username": f"sec_ent_{eid}", "password": "SecEnt@2023abc", "role": "enterprise",
                                          "park_id": 1, "enterprise_id": eid})
        expect(r.status == 422 and any(d["field"] == "enterprise_id" for d in r.json()["error"]["details"]),
               f"enterprise user bound to {what} enterprise: {r.status} {r.body[:200]!r}")
    # A project's chain link of another park.
    link = admin.post(f"/api/v1/parks/{other}/chains", {"name": "外园链（测试）"})
    if link.status == 201:
        chain = link.json()["id"]
        lr = admin.post(f"/api/v1/chains/{chain}/links", {"name": "外园环节（测试）", "position": "up"})
        expect(lr.status == 201, f"link: {lr.status} {lr.body[:200]!r}")
        r = pa.post("/api/v1/projects", {"park_id": 1, "name": "跨园项目（测试）", "chain_link_id": lr.json()["id"]})
        expect(r.status == 422 and any(d["field"] == "chain_link_id" for d in r.json()["error"]["details"]),
               f"project on another park's chain link: {r.status} {r.body[:200]!r}")
