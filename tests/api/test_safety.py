"""Safety and environment (issue 14, items 1 and 2): the hazard flow 发现 → 整改 → 复查 with each
refusal (role 403, another park 404, another enterprise 403 on rectify / 404 on read, wrong state
409, bad input 422 naming the field and writing nothing), audit rows, statistics and the closure
rate recomputed from the hazard list, overdue escalation to 督办, facility limit and permit warnings
at their boundaries, inspections with hazards, photos and XLSX exports."""
import datetime
import time

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def fields(r):
    return [d["field"] for d in r.json()["error"]["details"]]


def demo_park(api):
    parks = api.as_user("admin").get("/api/v1/parks").json()["items"]
    return [p for p in parks if p["name"] == "华亭工业园区"][0]["id"]


def enterprise_of(api, user):
    me = api.as_user(user).get("/api/v1/me").json()
    ent = me.get("enterprise_id") or (me.get("scope") or {}).get("enterprise_id")
    expect(isinstance(ent, int), f"{user} has an enterprise: {me}")
    return ent


def other_park_admin(api):
    """A park admin of a park of its own (created once per run)."""
    if "safety_other" not in api.vars:
        admin = api.as_user("admin")
        park = admin.post("/api/v1/parks", {"name": f"安全测试园区{time.time_ns() % 10**9}"}).json()["id"]
        name = f"safety_pa_{park}"
        r = admin.post("/api/v1/users", {"username": name, "password": "Safe@2023test", "role": "park_admin",
                                         "park_id": park})
        expect(r.status == 201, f"create park admin: {r.status} {r.body[:200]!r}")
        api.vars["safety_other"] = (name, park)
    name, park = api.vars["safety_other"]
    return api.as_user(name, "Safe@2023test"), park


def day(s, n):
    return (datetime.date.fromisoformat(s) + datetime.timedelta(days=n)).isoformat()


def soon(days=30):
    """A date `days` after today in the deployment's zone (Asia/Shanghai, the server's default)."""
    beijing = datetime.timezone(datetime.timedelta(hours=8))
    return (datetime.datetime.now(beijing).date() + datetime.timedelta(days=days)).isoformat()


def new_hazard(api, park, ent, **kw):
    body = {"park_id": park, "enterprise_id": ent, "level": "general", "description": "消防通道堆放杂物（测试）",
            "deadline": kw.pop("deadline", None) or soon()}
    body.update(kw)
    r = api.as_user("parkadmin").post("/api/v1/hazards", body)
    expect(r.status == 201, f"create hazard: {r.status} {r.body[:300]!r}")
    return r.json()


def hazard_count(api):
    return api.as_user("admin").get("/api/v1/hazards").json()["total"]


def test_hazard_flow_with_its_refusals(api):
    park = demo_park(api)
    ent = enterprise_of(api, "qiye")
    ent2 = enterprise_of(api, "qiye2")
    expect(ent != ent2, "two demo enterprises")
    pa, qiye, qiye2 = api.as_user("parkadmin"), api.as_user("qiye"), api.as_user("qiye2")
    other, _ = other_park_admin(api)

    # Bad input: 422 naming the field, nothing written.
    before = hazard_count(api)
    for body, field in [({"level": "minor"}, "level"), ({"description": ""}, "description"),
                        ({"deadline": "2023-02-30"}, "deadline"), ({"deadline": soon(4 * 366)}, "deadline"),
                        ({"enterprise_id": 99999999}, "enterprise_id"),
                        ({"facility_id": 99999999}, "facility_id"), ({"park_id": None}, "park_id")]:
        b = {"park_id": park, "enterprise_id": ent, "level": "general", "description": "x", "deadline": soon()}
        b.update(body)
        r = pa.post("/api/v1/hazards", b)
        expect(r.status == 422 and field in fields(r), f"{field}: {r.status} {r.body[:300]!r}")
    expect(hazard_count(api) == before, "nothing written by refused requests")

    # Who may record: staff of the park; not enterprises or leaders (403), not another park (404).
    body = {"park_id": park, "enterprise_id": ent, "level": "major", "description": "危化品库未设防爆照明（测试）",
            "deadline": soon(60)}
    expect(qiye.post("/api/v1/hazards", body).status == 403, "enterprise users cannot record hazards")
    expect(api.as_user("leader").post("/api/v1/hazards", body).status == 403, "leaders are read-only")
    r = other.post("/api/v1/hazards", body)
    expect(r.status == 404, f"another park's admin: {r.status}")
    expect(hazard_count(api) == before, "still nothing written")

    r = pa.post("/api/v1/hazards", body)
    expect(r.status == 201, f"create: {r.status} {r.body[:300]!r}")
    h = r.json()
    hid = h["id"]
    expect(h["state"] == "open" and h["level"] == "major" and h["enterprise_id"] == ent and not h["overdue"], f"{h}")

    # Reading: the hazard's enterprise yes, another enterprise and another park no (404).
    expect(qiye.get(f"/api/v1/hazards/{hid}").status == 200, "own enterprise reads")
    expect(qiye2.get(f"/api/v1/hazards/{hid}").status == 404, "another enterprise: 404")
    expect(other.get(f"/api/v1/hazards/{hid}").status == 404, "another park: 404")
    mine = qiye.get("/api/v1/hazards").json()["items"]
    expect(mine and all(x["enterprise_id"] == ent for x in mine), "an enterprise lists only its own hazards")
    expect(hid in [x["id"] for x in mine], "its new hazard is listed")

    # Rectify: only its own enterprise (403 for another), not leaders, not another park (404).
    r = qiye2.post(f"/api/v1/hazards/{hid}/rectify", {"text": "别人的隐患"})
    expect(r.status == 403, f"another enterprise rectifies: {r.status} {r.body[:200]!r}")
    expect(api.as_user("leader").post(f"/api/v1/hazards/{hid}/rectify", {"text": "x"}).status == 403, "leader")
    expect(other.post(f"/api/v1/hazards/{hid}/rectify", {"text": "x"}).status == 404, "another park")
    # Re-check before rectification: 409.
    r = pa.post(f"/api/v1/hazards/{hid}/recheck", {"result": "closed"})
    expect(r.status == 409, f"re-check of an open hazard: {r.status}")
    r = qiye.post(f"/api/v1/hazards/{hid}/rectify", {"text": "已更换防爆灯具（测试）"})
    expect(r.status == 200 and r.json()["state"] == "rectified" and r.json()["rectified_by"] == "qiye", f"{r.body[:300]!r}")
    expect(qiye.post(f"/api/v1/hazards/{hid}/rectify", {"text": "again"}).status == 409, "rectify twice: 409")

    # Re-check: staff only; result must be closed | reopened.
    expect(qiye.post(f"/api/v1/hazards/{hid}/recheck", {"result": "closed"}).status == 403, "enterprise re-checks")
    r = pa.post(f"/api/v1/hazards/{hid}/recheck", {"result": "ok"})
    expect(r.status == 422 and "result" in fields(r), f"bad result: {r.status}")
    expect(pa.get(f"/api/v1/hazards/{hid}").json()["state"] == "rectified", "a refused re-check changes nothing")
    r = pa.post(f"/api/v1/hazards/{hid}/recheck", {"result": "reopened", "comment": "整改不到位"})
    expect(r.status == 200 and r.json()["state"] == "reopened" and r.json()["reopen_count"] == 1, f"{r.body[:300]!r}")
    expect(qiye.post(f"/api/v1/hazards/{hid}/rectify", {}).status == 200, "rectify again after reopening")
    r = pa.post(f"/api/v1/hazards/{hid}/recheck", {"result": "closed"})
    expect(r.status == 200 and r.json()["state"] == "closed" and r.json()["closed_on"], f"{r.body[:300]!r}")
    expect(pa.post(f"/api/v1/hazards/{hid}/recheck", {"result": "closed"}).status == 409, "closed is final")

    # Every write has its audit row: create, rectify, re-check, rectify, re-check.
    audit = api.as_user("admin").get(f"/api/v1/audit?entity=safety_hazard&entity_id={hid}&page_size=50").json()["items"]
    actions = sorted(a["action"] for a in audit)
    expect(actions == sorted(["create", "rectify", "recheck", "rectify", "recheck"]), f"audit: {actions}")
    expect(any(a["before"] and a["after"] for a in audit if a["action"] == "rectify"), "before and after kept")


def test_stats_and_closure_rate_follow_the_hazards(api):
    park = demo_park(api)
    ent = enterprise_of(api, "qiye")
    pa = api.as_user("parkadmin")
    h = new_hazard(api, park, ent)
    year = int(h["found_on"][:4])

    def stats(y):
        r = pa.get(f"/api/v1/parks/{park}/hazard-stats?year={y}")
        expect(r.status == 200, f"stats: {r.status} {r.body[:200]!r}")
        return r.json()

    def expected(y, today):
        items = [x for x in api.as_user("admin").get(f"/api/v1/hazards?park_id={park}").json()["items"]
                 if x["found_on"].startswith(str(y))]
        found = len(items)
        closed = sum(1 for x in items if x["state"] == "closed")
        overdue = sum(1 for x in items if x["state"] in ("open", "reopened") and x["deadline"] < today)
        return found, closed, overdue, (round(closed * 100 / found, 2) if found else 0)

    today = h["found_on"]
    s = stats(year)
    expect((s["found"], s["closed"], s["overdue"], s["closure_pct"]) == expected(year, today), f"{s} vs list")
    expect(set(s["by_level"]) == {"general", "major"}, f"by_level: {s['by_level']}")
    expect(s["by_level"]["general"]["found"] + s["by_level"]["major"]["found"] == s["found"], "levels add up")
    expect(sum(m["found"] for m in s["by_month"]) == s["found"] and len(s["by_month"]) == 12, "months add up")
    # Closing the hazard raises closed by one and the closure rate accordingly.
    api.as_user("qiye").post(f"/api/v1/hazards/{h['id']}/rectify", {"text": "已清理（测试）"})
    pa.post(f"/api/v1/hazards/{h['id']}/recheck", {"result": "closed"})
    s2 = stats(year)
    expect(s2["found"] == s["found"] and s2["closed"] == s["closed"] + 1, f"{s} -> {s2}")
    expect(s2["closure_pct"] == round(s2["closed"] * 100 / s2["found"], 2) and s2["closure_pct"] > s["closure_pct"],
           f"closure rate {s['closure_pct']} -> {s2['closure_pct']}")
    # The demo year: the demo world's 2023 hazards.
    d = stats(2023)
    expect(d["found"] > 0 and (d["found"], d["closed"], d["overdue"], d["closure_pct"]) == expected(2023, today),
           f"2023: {d}")
    # Refusals.
    expect(api.as_user("qiye").get(f"/api/v1/parks/{park}/hazard-stats?year=2023").status == 403, "enterprise")
    other, _ = other_park_admin(api)
    expect(other.get(f"/api/v1/parks/{park}/hazard-stats?year=2023").status == 404, "another park")
    r = pa.get(f"/api/v1/parks/{park}/hazard-stats?year=20x3")
    expect(r.status == 422 and "year" in fields(r), f"bad year: {r.status}")


def test_overdue_hazard_becomes_a_supervision_item(api):
    park = demo_park(api)
    ent = enterprise_of(api, "qiye")
    pa = api.as_user("parkadmin")
    today = new_hazard(api, park, ent)["found_on"]
    late = new_hazard(api, park, ent, found_on=day(today, -20), deadline=day(today, -1))
    expect(late["overdue"] and late["days_left"] == -1, f"overdue the day after its deadline: {late}")
    on_time = new_hazard(api, park, ent, found_on=day(today, -20), deadline=today)
    expect(not on_time["overdue"], "not overdue on its deadline day")
    listed = pa.get(f"/api/v1/hazards?park_id={park}&overdue=1").json()["items"]
    expect(late["id"] in [x["id"] for x in listed] and on_time["id"] not in [x["id"] for x in listed], "overdue filter")
    r = pa.post(f"/api/v1/hazards/{on_time['id']}/escalate", {"units": ["工信局"]})
    expect(r.status == 409, f"a hazard within its deadline: {r.status}")
    expect(api.as_user("gxj").post(f"/api/v1/hazards/{late['id']}/escalate", {"units": ["工信局"]}).status == 403,
           "departments do not issue 督办")
    r = pa.post(f"/api/v1/hazards/{late['id']}/escalate", {"units": []})
    expect(r.status == 422 and "units" in fields(r), f"no units: {r.status}")
    r = pa.post(f"/api/v1/hazards/{late['id']}/escalate", {"units": ["工信局"]})
    expect(r.status == 200 and r.json()["supervision_id"], f"escalate: {r.status} {r.body[:300]!r}")
    sup = pa.get(f"/api/v1/supervision/{r.json()['supervision_id']}").json()
    expect(sup["source"]["kind"] == "warning" and sup["source"]["id"] == f"hazard-{late['id']}", f"source: {sup['source']}")
    expect(pa.post(f"/api/v1/hazards/{late['id']}/escalate", {"units": ["工信局"]}).status == 409, "only once")


def test_facility_limit_and_permit_warnings_at_their_boundaries(api):
    park = demo_park(api)
    pa = api.as_user("parkadmin")
    today = new_hazard(api, park, enterprise_of(api, "qiye"))["found_on"]
    other, _ = other_park_admin(api)
    base = f"/api/v1/parks/{park}/facilities"
    good = {"name": f"测试应急池{time.time_ns() % 10**6}", "kind": "事故应急池", "unit": "立方米", "capacity": 100,
            "discharge_limit": 50, "permit_no": "TEST-1", "permit_expiry": day(today, 60), "warn_pct": 80,
            "permit_warn_days": 60}
    for patch, field in [({"capacity": -1}, "capacity"), ({"warn_pct": 0}, "warn_pct"), ({"name": ""}, "name"),
                         ({"permit_expiry": "2024-13-01"}, "permit_expiry"), ({"capacity": "x"}, "capacity")]:
        r = pa.post(base, {**good, **patch})
        expect(r.status == 422 and field in fields(r), f"{field}: {r.status} {r.body[:200]!r}")
    expect(api.as_user("gxj").post(base, good).status == 403, "departments do not keep the register")
    expect(other.post(base, good).status == 404, "another park")
    r = pa.post(base, good)
    expect(r.status == 201, f"create facility: {r.status} {r.body[:300]!r}")
    f = r.json()
    expect(f["permit_state"] == "expiring" and f["permit_days_left"] == 60, f"60 days left warns: {f}")

    def warnings():
        return [w for w in pa.get(f"/api/v1/parks/{park}/facility-warnings").json()["items"] if w["facility_id"] == f["id"]]

    expect([w["level"] for w in warnings()] == ["expiring"], f"permit only: {warnings()}")
    r = pa.patch(f"/api/v1/facilities/{f['id']}", {"permit_expiry": day(today, 61)})
    expect(r.status == 200 and r.json()["permit_state"] == "ok", f"61 days: {r.body[:200]!r}")
    r = pa.patch(f"/api/v1/facilities/{f['id']}", {"permit_expiry": day(today, -1)})
    expect(r.json()["permit_state"] == "expired", "expired yesterday")
    pa.patch(f"/api/v1/facilities/{f['id']}", {"permit_expiry": day(today, 400)})

    rec = f"/api/v1/facilities/{f['id']}/records"
    r = pa.post(rec, {"recorded_on": day(today, 1), "load": 10})
    expect(r.status == 422 and "recorded_on" in fields(r), f"future record: {r.status}")
    r = pa.post(rec, {"recorded_on": today, "load": -5})
    expect(r.status == 422 and "load" in fields(r), f"negative load: {r.status}")
    expect(api.as_user("qiye").post(rec, {"recorded_on": today, "load": 1}).status == 403, "enterprise")
    expect(api.as_user("leader").post(rec, {"recorded_on": today, "load": 1}).status == 403, "leader")
    expect(other.post(rec, {"recorded_on": today, "load": 1}).status == 404, "another park")
    cases = [(79.9, None, "ok", []), (80, None, "near", ["load:near"]), (100, None, "near", ["load:near"]),
             (100.01, None, "over", ["load:over"]), (50, 40, "ok", ["discharge:near"]), (50, 50.5, "ok", ["discharge:over"])]
    for load, discharge, state, warns in cases:
        body = {"recorded_on": today, "load": load}
        if discharge is not None:
            body["discharge"] = discharge
        r = api.as_user("gxj").post(rec, body)  # a department serving the park records operations
        expect(r.status == 201 and r.json()["load_state"] == state, f"load {load}: {r.status} {r.body[:200]!r}")
        got = sorted(f"{w['kind']}:{w['level']}" for w in warnings())
        expect(got == sorted(warns), f"load {load} discharge {discharge}: {got}")
    recs = api.as_user("leader").get(rec).json()
    expect(recs["total"] == len(cases), f"records listed: {recs['total']}")
    expect(api.as_user("qiye").get(base).status == 403, "enterprise users do not read the register")
    x = pa.get(f"/api/v1/parks/{park}/facility-export")
    expect(x.status == 200 and x.body[:2] == b"PK", "facility export is XLSX")
    x = api.as_user("leader").get(f"{rec}/export")
    expect(x.status == 200 and x.body[:2] == b"PK", "records export is XLSX")
    expect(other.get(f"{rec}/export").status == 404, "another park's records export")
    audit = api.as_user("admin").get(f"/api/v1/audit?entity=safety_facility&entity_id={f['id']}").json()["items"]
    expect(len(audit) >= 4, f"facility audit rows: {len(audit)}")


def test_inspection_records_hazards_in_one_transaction(api):
    park = demo_park(api)
    ent = enterprise_of(api, "qiye")
    pa = api.as_user("parkadmin")
    today = new_hazard(api, park, ent)["found_on"]
    before = hazard_count(api)
    body = {"park_id": park, "inspected_on": today, "inspector": "安环办 李工（测试）", "enterprise_id": ent,
            "checklist": "企业安全生产检查表", "provider": "第三方安评机构（测试）",
            "hazards": [{"level": "general", "description": "灭火器过期（测试）", "deadline": day(today, 10)},
                        {"level": "huge", "description": "", "deadline": day(today, 10)}]}
    r = pa.post("/api/v1/inspections", body)
    expect(r.status == 422 and {"hazards[1].level", "hazards[1].description"} <= set(fields(r)), f"{r.body[:300]!r}")
    expect(hazard_count(api) == before, "nothing written")
    expect(api.as_user("qiye").post("/api/v1/inspections", body).status == 403, "enterprise")
    body["hazards"][1] = {"level": "major", "description": "叉车未检验（测试）", "deadline": day(today, 30)}
    r = pa.post("/api/v1/inspections", body)
    expect(r.status == 201 and r.json()["hazard_count"] == 2, f"{r.status} {r.body[:300]!r}")
    iid = r.json()["id"]
    expect(hazard_count(api) == before + 2, "two hazards recorded")
    items = pa.get(f"/api/v1/hazards?park_id={park}").json()["items"]
    found = [x for x in items if x["inspection_id"] == iid]
    expect(len(found) == 2 and all(x["enterprise_id"] == ent and x["found_on"] == today for x in found), f"{found}")
    expect(iid in [i["id"] for i in api.as_user("leader").get("/api/v1/inspections").json()["items"]], "listed")
    for path in ["/api/v1/inspection-export", "/api/v1/hazard-export"]:
        x = pa.get(path)
        expect(x.status == 200 and x.body[:2] == b"PK", f"{path} is XLSX")
    expect(api.as_user("qiye").get("/api/v1/hazard-export").status == 200, "an enterprise exports its own hazards")


def test_hazard_photos(api):
    park = demo_park(api)
    ent = enterprise_of(api, "qiye")
    h = new_hazard(api, park, ent)
    up = f"/api/v1/hazards/{h['id']}/photos?filename=site.png"
    qiye = api.as_user("qiye")
    r = qiye.post(up, raw_body=PNG, headers={"Content-Type": "application/octet-stream"})
    expect(r.status == 201 and r.json()["content_type"] == "image/png", f"upload: {r.status} {r.body[:200]!r}")
    r2 = qiye.post(f"/api/v1/hazards/{h['id']}/photos?filename=a.pdf", raw_body=PDF,
                   headers={"Content-Type": "application/octet-stream"})
    expect(r2.status == 422, f"pdf is not a photo: {r2.status}")
    expect(api.as_user("qiye2").post(up, raw_body=PNG, headers={"Content-Type": "application/octet-stream"}).status
           in (403, 404), "another enterprise")
    d = api.as_user("parkadmin").get(r.json()["url"])
    expect(d.status == 200 and d.body == PNG, "download")
    expect(api.as_user("qiye2").get(r.json()["url"]).status == 404, "another enterprise cannot download")


def test_inspection_plan_is_carried_out_once(api):
    park = demo_park(api)
    ent = enterprise_of(api, "qiye")
    pa = api.as_user("parkadmin")
    other, _ = other_park_admin(api)
    plan = {"park_id": park, "planned": True, "inspected_on": soon(7), "inspector": "安环办（测试）", "enterprise_id": ent,
            "checklist": "危化品专项检查表"}
    r = pa.post("/api/v1/inspections", {**plan, "inspected_on": soon(-3)})
    expect(r.status == 422 and "inspected_on" in fields(r), f"a plan in the past: {r.status}")
    r = pa.post("/api/v1/inspections", {**plan, "hazards": [{"level": "general", "description": "x", "deadline": soon()}]})
    expect(r.status == 422 and "hazards" in fields(r), f"a plan with hazards: {r.status}")
    r = pa.post("/api/v1/inspections", plan)
    expect(r.status == 201 and r.json()["status"] == "planned" and not r.json()["plan_overdue"], f"{r.body[:300]!r}")
    iid = r.json()["id"]
    done = {"inspected_on": soon(0), "hazards": [{"level": "major", "description": "储罐区防火堤破损（测试）",
                                                  "deadline": soon(20)}]}
    r = pa.post(f"/api/v1/inspections/{iid}/complete", {**done, "inspected_on": soon(1)})
    expect(r.status == 422 and "inspected_on" in fields(r), f"carried out tomorrow: {r.status}")
    expect(api.as_user("qiye").post(f"/api/v1/inspections/{iid}/complete", done).status == 403, "enterprise")
    expect(api.as_user("leader").post(f"/api/v1/inspections/{iid}/complete", done).status == 403, "leader")
    expect(other.post(f"/api/v1/inspections/{iid}/complete", done).status == 404, "another park")
    r = pa.post(f"/api/v1/inspections/{iid}/complete", done)
    expect(r.status == 200 and r.json()["status"] == "done" and r.json()["hazard_count"] == 1, f"{r.body[:300]!r}")
    expect(r.json()["checklist"] == "危化品专项检查表" and r.json()["enterprise_id"] == ent, "the plan's fields kept")
    hz = [h for h in pa.get(f"/api/v1/hazards?park_id={park}").json()["items"] if h["inspection_id"] == iid]
    expect(len(hz) == 1 and hz[0]["enterprise_id"] == ent and hz[0]["level"] == "major", f"{hz}")
    expect(pa.post(f"/api/v1/inspections/{iid}/complete", done).status == 409, "only once")
    audit = api.as_user("admin").get(f"/api/v1/audit?entity=safety_inspection&entity_id={iid}").json()["items"]
    expect(sorted(a["action"] for a in audit) == ["complete", "create"], f"audit: {[a['action'] for a in audit]}")
