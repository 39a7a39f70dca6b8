"""Talent-demand database and rewards (issue 13 items 3 and 4): an enterprise user sees only its own
posts and applications (404 for others), the talent pool is 人社局's and the park's (403 for other
departments and enterprises), every write is audited, bad input is 422 naming the field with nothing
written, reviews by the responsible unit, the yearly list's totals, and an XLSX export of every list."""
import math
import time
import urllib.parse

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def demo_park(api):
    parks = api.as_user("admin").get("/api/v1/parks").json()["items"]
    return [p for p in parks if p["name"] == "华亭工业园区"][0]["id"]


def rsj(api):
    return api.as_user("rsj", "Dept@2023demo")


def dept_user(api, username, unit):
    if username not in api.sessions:
        r = api.as_user("admin").post("/api/v1/users", {"username": username, "password": "Tal@2023test",
                                                         "role": "department", "unit": unit})
        expect(r.status in (201, 409), f"create {username}: {r.status} {r.body[:200]!r}")
    return api.as_user(username, "Tal@2023test")


def own_enterprise(api, username):
    return api.as_user(username).get("/api/v1/me").json()["user"]["enterprise_id"]


def other_park(api):
    r = api.as_user("admin").post("/api/v1/parks", {"name": f"人才测试他园{time.time_ns() % 10**7}"})
    expect(r.status == 201, f"other park: {r.status}")
    return r.json()["id"]


def test_enterprise_sees_only_its_own_posts(api):
    park = demo_park(api)
    mine, theirs = own_enterprise(api, "qiye"), own_enterprise(api, "qiye2")
    every = api.as_user("admin").get(f"/api/v1/parks/{park}/talent-posts").json()["items"]
    expect(len({p["enterprise_id"] for p in every}) > 2, "demo posts of several firms")
    got = api.as_user("qiye").get(f"/api/v1/parks/{park}/talent-posts").json()
    expect(got["total"] == len([p for p in every if p["enterprise_id"] == mine]) > 0,
           f"qiye sees its own posts only: {got['total']}")
    expect(all(p["enterprise_id"] == mine for p in got["items"]), "only own")
    other = [p for p in every if p["enterprise_id"] == theirs][0]
    q = api.as_user("qiye")
    expect(q.get(f"/api/v1/talent-posts/{other['id']}").status == 404, "another firm's post is 404")
    expect(q.patch(f"/api/v1/talent-posts/{other['id']}", {"headcount": 9}).status == 404, "PATCH another's: 404")
    # Creating names its own enterprise whatever the body says.
    body = {"post": "测试岗位", "headcount": 2, "education": "college", "major": "机械制造", "enterprise_id": theirs}
    r = q.post(f"/api/v1/parks/{park}/talent-posts", body)
    expect(r.status == 201 and r.json()["enterprise_id"] == mine, f"own post: {r.status} {r.body[:200]!r}")
    pid = r.json()["id"]
    r = q.patch(f"/api/v1/talent-posts/{pid}", {"status": "filled"})
    expect(r.status == 200 and r.json()["status"] == "filled", "own post edited")
    audit = api.as_user("admin").get(f"/api/v1/audit?entity=talent_post&entity_id={pid}").json()["items"]
    expect(sorted(a["action"] for a in audit) == ["create", "update"] and audit[0]["username"] == "qiye",
           f"audited: {audit}")
    # The pool, demand and matches are not the enterprise's: the route table refuses.
    for path in ("talent-demand", "talent-candidates", "talent-matches", "talent-candidates.xlsx"):
        expect(q.get(f"/api/v1/parks/{park}/{path}").status == 403, f"enterprise refused {path}")
    # Another park does not exist for it.
    expect(q.get(f"/api/v1/parks/{other_park(api)}/talent-posts").status == 404, "other park 404")
    # Its export holds its own rows only.
    r = q.get(f"/api/v1/parks/{park}/talent-posts.xlsx")
    expect(r.status == 200 and r.body[:2] == b"PK", "posts XLSX")


def test_post_input_is_checked_and_nothing_written(api):
    park = demo_park(api)
    pa = api.as_user("parkadmin")
    before = pa.get(f"/api/v1/parks/{park}/talent-posts").json()["total"]
    eid = own_enterprise(api, "qiye2")
    bad = {"enterprise_id": eid, "post": "x", "headcount": 0, "education": "phd", "salary_min": 9000,
           "salary_max": 5000, "program": "other", "until": "2025-13-01"}
    r = pa.post(f"/api/v1/parks/{park}/talent-posts", bad)
    expect(r.status == 422, f"422: {r.status}")
    fields = {d["field"] for d in r.json()["error"]["details"]}
    expect({"headcount", "education", "until"} <= fields, f"fields named: {fields}")
    r = pa.post(f"/api/v1/parks/{park}/talent-posts", dict(bad, headcount=1, education="college", until=None))
    fields = {d["field"] for d in r.json()["error"]["details"]}
    expect(r.status == 422 and {"salary_max", "program"} <= fields, f"service checks: {fields}")
    r = pa.post(f"/api/v1/parks/{park}/talent-posts", {"enterprise_id": 999999999, "post": "x", "headcount": 1,
                                                       "education": "none"})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "enterprise_id", "unknown firm")
    expect(pa.get(f"/api/v1/parks/{park}/talent-posts").json()["total"] == before, "nothing written")
    # A department that does not keep the talent register may not post for firms; a leader neither.
    expect(api.as_user("gxj").post(f"/api/v1/parks/{park}/talent-posts", dict(bad, headcount=1)).status == 403,
           "工信局 403")
    expect(api.as_user("leader").post(f"/api/v1/parks/{park}/talent-posts", {}).status == 403, "leader 403")


def test_talent_pool_is_kept_by_renshe_and_the_park(api):
    park = demo_park(api)
    r = rsj(api)
    expect(r.get(f"/api/v1/parks/{park}/talent-candidates").status == 200, "人社局 reads the pool")
    for who in ("gxj", "zsfw"):
        s = api.as_user(who)
        expect(s.get(f"/api/v1/parks/{park}/talent-candidates").status == 403, f"{who} 403 (pool)")
        expect(s.get(f"/api/v1/parks/{park}/talent-demand").status == 403, f"{who} 403 (demand)")
        expect(s.post(f"/api/v1/parks/{park}/talent-candidates", {"name": "x", "education": "none"}).status == 403,
               f"{who} cannot add")
    expect(api.as_user("leader").get(f"/api/v1/parks/{park}/talent-matches").status == 200, "leader reads")
    expect(api.as_user("leader").post(f"/api/v1/parks/{park}/talent-candidates", {}).status == 403, "leader 403")
    # 人社局 adds a candidate who fits an open post; the match appears with the documented score.
    posts = r.get(f"/api/v1/parks/{park}/talent-posts").json()["items"]
    post = [p for p in posts if p["status"] == "open" and p["major"] and p["education"] == "college"
            and p["experience_years"] == 0 and p["urgency"] == "normal"][0]
    bad = r.post(f"/api/v1/parks/{park}/talent-candidates", {"name": "", "education": "x", "experience_years": -1})
    expect(bad.status == 422 and {"name", "education", "experience_years"} <=
           {d["field"] for d in bad.json()["error"]["details"]}, f"422: {bad.body[:300]!r}")
    c = r.post(f"/api/v1/parks/{park}/talent-candidates",
               {"name": f"测试人员{time.time_ns() % 10**6}", "education": "college", "major": post["major"],
                "skills": "无关技能"})
    expect(c.status == 201, f"candidate: {c.status} {c.body[:200]!r}")
    cid = c.json()["id"]
    matches = r.get(f"/api/v1/parks/{park}/talent-matches").json()["items"]
    mine = [m for m in matches if m["candidate_id"] == cid and m["post_id"] == post["id"]]
    expect(len(mine) == 1 and mine[0]["score"] == 60, f"same major 40 + exact education 20: {mine}")
    r.patch(f"/api/v1/talent-candidates/{cid}", {"status": "placed"})
    matches = r.get(f"/api/v1/parks/{park}/talent-matches").json()["items"]
    expect(not [m for m in matches if m["candidate_id"] == cid], "a placed candidate is not suggested")
    audit = api.as_user("admin").get(f"/api/v1/audit?entity=talent_candidate&entity_id={cid}").json()["items"]
    expect(len(audit) == 2 and all(a["username"] == "rsj" for a in audit), f"audited: {audit}")
    for path in ("talent-candidates.xlsx", "talent-matches.xlsx", "talent-posts.xlsx"):
        x = r.get(f"/api/v1/parks/{park}/{path}")
        expect(x.status == 200 and x.body[:2] == b"PK", f"{path}")


def test_demand_summary_and_high_tech_share_agree_with_the_posts(api):
    park = demo_park(api)
    posts = api.as_user("admin").get(f"/api/v1/parks/{park}/talent-posts").json()["items"]
    d = rsj(api).get(f"/api/v1/parks/{park}/talent-demand?year=2024")
    expect(d.status == 200, f"demand: {d.status} {d.body[:200]!r}")
    d = d.json()
    of_year = [p for p in posts if p["created_at"].startswith("2024") and p["status"] != "closed"
               and p["program"] in ("support", "internship")]
    places = sum(p["headcount"] for p in of_year)
    ht = sum(p["headcount"] for p in of_year if p["high_tech"])
    total = [x for x in d["programs"] if x["program"] == "all"][0]
    expect(places > 0 and total["places"] == places and total["high_tech_places"] == ht, f"places: {total}")
    expect(math.isclose(total["high_tech_pct"], 100.0 * ht / places, abs_tol=1e-9), "share")
    expect(0 < ht < places, "the demo has places at high-tech firms and others")
    today = d["as_of"]
    open_posts = [p for p in posts if p["status"] == "open" and (p["until"] is None or p["until"] >= today)]
    expect(d["open_headcount"] == sum(p["headcount"] for p in open_posts), "open headcount")
    expect(sum(b["headcount"] for b in d["by_major"]) == d["open_headcount"], "majors add up")
    expect(sum(b["headcount"] for b in d["by_industry"]) == d["open_headcount"], "industries add up")
    expect(rsj(api).get(f"/api/v1/parks/{park}/talent-demand?year=abc").status == 422, "bad year 422")


def test_enterprise_sees_only_its_own_applications(api):
    park = demo_park(api)
    mine, theirs = own_enterprise(api, "qiye"), own_enterprise(api, "qiye2")
    every = api.as_user("admin").get(f"/api/v1/parks/{park}/reward-applications").json()["items"]
    q = api.as_user("qiye")
    got = q.get(f"/api/v1/parks/{park}/reward-applications").json()
    expect(got["total"] == len([a for a in every if a["enterprise_id"] == mine]) > 0, "own applications only")
    other = [a for a in every if a["enterprise_id"] == theirs][0]
    expect(q.get(f"/api/v1/reward-applications/{other['id']}").status == 404, "another's application 404")
    expect(q.get(f"/api/v1/reward-applications/{other['id']}/files").status == 404, "another's files 404")
    expect(q.post(f"/api/v1/reward-applications/{other['id']}/files?filename=a.pdf", raw_body=PDF,
                  headers={"Content-Type": "application/pdf"}).status == 404, "upload to another's 404")
    demo_file = [a for a in every if a["files"] > 0][0]
    files = api.as_user("admin").get(f"/api/v1/reward-applications/{demo_file['id']}/files").json()["items"]
    if demo_file["enterprise_id"] != mine:
        expect(q.get(files[0]["url"]).status == 404, "another's evidence file 404")
    expect(q.post(f"/api/v1/reward-applications/{other['id']}/review", {"decision": "approve"}).status == 403,
           "enterprise cannot review")
    expect(q.get(f"/api/v1/parks/{park}/rewards/2024").status == 403, "the yearly list is staff's")
    r = q.get(f"/api/v1/parks/{park}/reward-applications.xlsx")
    expect(r.status == 200 and r.body[:2] == b"PK", "own applications XLSX")


def test_apply_upload_review_and_yearly_totals(api):
    park = demo_park(api)
    mine = own_enterprise(api, "qiye")
    pa = api.as_user("parkadmin")
    types = pa.get(f"/api/v1/parks/{park}/reward-types").json()["items"]
    ht = [t for t in types if t["flag"] == "high_tech"][0]
    q = api.as_user("qiye")
    year = int(api.as_user("admin").get(f"/api/v1/parks/{park}/talent-demand").json()["year"])
    bad = q.post(f"/api/v1/parks/{park}/reward-applications", {"type_id": 999999999, "year": 1990,
                                                               "amount_requested": 5})
    expect(bad.status == 422 and {"type_id", "year"} <=
           {d["field"] for d in bad.json()["error"]["details"]}, f"422 names fields: {bad.body[:300]!r}")
    bad = q.post(f"/api/v1/parks/{park}/reward-applications", {"type_id": ht["id"], "year": year,
                                                               "amount_requested": -1})
    expect(bad.status == 422 and bad.json()["error"]["details"][0]["field"] == "amount_requested", "negative")
    expect(q.get(f"/api/v1/parks/{park}/reward-applications?year={year}").json()["total"] ==
           len([a for a in q.get(f"/api/v1/parks/{park}/reward-applications").json()["items"] if a["year"] == year]),
           "year filter")
    r = q.post(f"/api/v1/parks/{park}/reward-applications", {"type_id": ht["id"], "year": year,
                                                             "amount_requested": 30, "enterprise_id": 1})
    expect(r.status == 201 and r.json()["enterprise_id"] == mine and r.json()["state"] == "submitted",
           f"apply: {r.status} {r.body[:200]!r}")
    app = r.json()
    r = q.post(f"/api/v1/reward-applications/{app['id']}/files?filename={urllib.parse.quote('证书.pdf')}", raw_body=PDF,
               headers={"Content-Type": "application/pdf"})
    expect(r.status == 201, f"upload: {r.status} {r.body[:200]!r}")
    got = q.get(r.json()["url"])
    expect(got.status == 200 and got.body == PDF, "download own file")
    r = q.post(f"/api/v1/reward-applications/{app['id']}/files?filename=x.exe", raw_body=b"MZ\x90\x00",
               headers={"Content-Type": "application/octet-stream"})
    expect(r.status == 422, f"exe refused: {r.status}")
    # Review: the type's unit (科技局) or the park; not another department.
    path = f"/api/v1/reward-applications/{app['id']}/review"
    expect(api.as_user("gxj").post(path, {"decision": "approve"}).status == 403, "工信局 does not review 科技局's")
    kjj = dept_user(api, "kjj_talent", "科技局")
    r = kjj.post(path, {"decision": "reject"})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "reason", "reject needs a reason")
    r = kjj.post(path, {"decision": "approve", "amount_approved": 25})
    expect(r.status == 200 and r.json()["state"] == "approved" and r.json()["amount_approved"] == 25,
           f"approve: {r.status} {r.body[:200]!r}")
    expect(kjj.post(path, {"decision": "approve"}).status == 409, "reviewed once")
    expect(q.post(f"/api/v1/reward-applications/{app['id']}/files?filename=b.pdf", raw_body=PDF,
                  headers={"Content-Type": "application/pdf"}).status == 409, "no files after review")
    audit = api.as_user("admin").get(f"/api/v1/audit?entity=reward_application&entity_id={app['id']}").json()
    expect(sorted(a["action"] for a in audit["items"]) == ["approve", "create"], f"audited: {audit['items']}")
    # The yearly list: approved applications, totals that add up, links to flags and class.
    for y in (year, 2024):
        v = pa.get(f"/api/v1/parks/{park}/rewards/{y}")
        expect(v.status == 200, f"year list {y}: {v.status}")
        v = v.json()
        every = pa.get(f"/api/v1/parks/{park}/reward-applications?year={y}").json()["items"]
        approved = [a for a in every if a["state"] == "approved"]
        expect(v["totals"]["count"] == len(approved) == len(v["items"]), "count")
        expect(math.isclose(v["totals"]["amount"], sum(a["amount_approved"] for a in approved)), "amount")
        expect(math.isclose(sum(t["amount"] for t in v["totals"]["by_type"]), v["totals"]["amount"]), "by type")
        x = pa.get(f"/api/v1/parks/{park}/rewards/{y}.xlsx")
        expect(x.status == 200 and x.body[:2] == b"PK", "year XLSX")
    v2024 = pa.get(f"/api/v1/parks/{park}/rewards/2024").json()
    expect(any(a["flags"] for a in v2024["items"]), "2024 applications show the firms' flags")
    expect(api.as_user("leader").get(f"/api/v1/parks/{park}/rewards/2024").status == 200, "leader reads")
    expect(pa.get(f"/api/v1/parks/{other_park(api)}/rewards/2024").status in (200, 404), "another park")
    expect(api.as_user("gxj").get(f"/api/v1/parks/{other_park(api)}/rewards/2024").status == 404, "unserved park")


def test_award_types_are_the_parks(api):
    park = demo_park(api)
    pa = api.as_user("parkadmin")
    types = pa.get(f"/api/v1/parks/{park}/reward-types").json()["items"]
    names = " ".join(t["name"] for t in types)
    for n in ("新认定高新技术企业", "绿色工厂", "节能降碳技改", "节水型企业", "新入规"):
        expect(n in names, f"award type {n}")
    code = f"t{time.time_ns() % 10**8}"
    bad = pa.post(f"/api/v1/parks/{park}/reward-types", {"code": "a b", "name": "", "amount": -5})
    expect(bad.status == 422, f"bad type: {bad.status}")
    r = pa.post(f"/api/v1/parks/{park}/reward-types", {"code": code, "name": "测试奖补", "rule": "按规则"})
    expect(r.status == 201 and r.json()["amount"] is None, f"type by rule: {r.status} {r.body[:200]!r}")
    expect(pa.post(f"/api/v1/parks/{park}/reward-types", {"code": code, "name": "重复", "amount": 1}).status == 409,
           "duplicate code 409")
    r = pa.patch(f"/api/v1/reward-types/{r.json()['id']}", {"amount": 12.5, "active": False})
    expect(r.status == 200 and r.json()["amount"] == 12.5 and r.json()["active"] is False, "edit")
    expect(api.as_user("gxj").post(f"/api/v1/parks/{park}/reward-types", {"code": "x"}).status == 403, "dept 403")
    expect(api.as_user("qiye").patch(f"/api/v1/reward-types/{r.json()['id']}", {}).status == 403, "firm 403")
    x = api.as_user("qiye").get(f"/api/v1/parks/{park}/reward-types.xlsx")
    expect(x.status == 200 and x.body[:2] == b"PK", "types XLSX")
