"""API tests of the gates-and-money module (issue 15): the admission review Contract and the signing
gate (409, park-admin override with a reason, audited), refusals (403/404/422) and, below, the
policies matched to enterprises."""


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def _park(api):
    return api.as_user("admin").get("/api/v1/parks").json()["items"][0]["id"]


def _new_park(api, name):
    r = api.as_user("admin").post("/api/v1/parks", {"name": name})
    expect(r.status == 201, f"create park: {r.status} {r.body[:200]!r}")
    return r.json()["id"]


def _project(api, park_id, name):
    body = {"park_id": park_id, "name": name, "kind": "new", "total_investment": 10000,
            "contracted_investment": 8000}
    r = api.as_user("admin").post("/api/v1/projects", body)
    expect(r.status == 201, f"create project: {r.status} {r.body[:300]!r}")
    return r.json()


def _fields(r):
    return [d["field"] for d in (r.json() or {}).get("error", {}).get("details", [])]


def test_admission_contract_and_signing_gate(api):
    admin, pa = api.as_user("admin"), api.as_user("parkadmin")
    park = _park(api)
    p = _project(api, park, "准入测试项目（拒绝）")
    pid, d = p["id"], p["actual"]["reserve"]
    r = pa.post(f"/api/v1/projects/{pid}/admission",
                {"decision": "rejected", "reasons": ["属《产业结构调整指导目录》限制类"],
                 "scores": {"industry_policy": False, "energy_per_output": 35,
                            "investment_intensity": {"score": 40, "evidence": "180万元/亩，低于标准地300万元/亩"}},
                 "opinions": [{"unit": "工信局", "reviewer": "李四", "opinion": "不同意准入"}]})
    expect(r.status == 200, f"record admission: {r.status} {r.body[:300]!r}")
    body = r.json()
    expect(body["decision"] == "rejected" and body["current"]["decision"] == "rejected", f"decision kept: {body}")
    scores = {s["criterion"]: s for s in body["current"]["scores"]}
    expect(scores["industry_policy"]["pass"] is False and scores["energy_per_output"]["score"] == 35,
           f"scores kept: {scores}")
    expect(scores["investment_intensity"]["evidence"].startswith("180"), "evidence kept")
    got = api.as_user("gxj").get(f"/api/v1/projects/{pid}/admission").json()
    expect(got["decision"] == "rejected" and got["total"] == 1, f"GET shows the decision to a reader: {got}")

    # Signing a rejected project: 409 for everyone without the override, even a park admin.
    r = pa.post(f"/api/v1/projects/{pid}/stage", {"stage": "signed", "date": d})
    expect(r.status == 409, f"signing a rejected project: {r.status} {r.body[:200]!r}")
    r = pa.post(f"/api/v1/projects/{pid}/stage", {"stage": "started", "date": d})
    expect(r.status == 409, f"skipping past 签约 is signing too: {r.status}")
    expect(admin.get(f"/api/v1/projects/{pid}").json()["stage"] == "reserve", "nothing written")
    # A responsible department asking for the override is refused (only park admins override).
    units = admin.get("/api/v1/units").json()["items"]
    gxj_unit = [u["id"] for u in units if u["name"] == "工信局"][0]
    expect(admin.patch(f"/api/v1/projects/{pid}", {"responsible_unit_id": gxj_unit}).status == 200, "assign")
    r = api.as_user("gxj").post(f"/api/v1/projects/{pid}/stage",
                                {"stage": "signed", "date": d, "override_admission": True, "reason": "急"})
    expect(r.status == 409, f"department override refused: {r.status}")
    # The park admin's override needs a reason (422 naming it), then goes through, logged and audited.
    r = pa.post(f"/api/v1/projects/{pid}/stage", {"stage": "signed", "date": d, "override_admission": True})
    expect(r.status == 422 and "reason" in _fields(r), f"override without a reason: {r.status} {r.body[:200]!r}")
    r = pa.post(f"/api/v1/projects/{pid}/stage", {"stage": "signed", "date": d,
                                                  "override_admission": True, "reason": "市政府专题会议同意引进"})
    expect(r.status == 200 and r.json()["stage"] == "signed", f"override: {r.status} {r.body[:200]!r}")
    log = admin.get(f"/api/v1/projects/{pid}/stage-log").json()["items"]
    last = log[-1]
    expect(last["override_used"] is True and "市政府专题会议同意引进" in last["reason"], f"stage log: {last}")
    audit = admin.get(f"/api/v1/audit?entity=project&entity_id={pid}&page_size=50").json()["items"]
    actions = [a["action"] for a in audit]
    expect("admission_rejected" in actions, f"admission audited: {actions}")
    signed = [a for a in audit if a["action"] == "stage_forward"]
    expect(signed and "市政府专题会议同意引进" in signed[0]["reason"], f"override audited with its reason: {signed}")
    # After signing, no more admission decisions (409).
    r = pa.post(f"/api/v1/projects/{pid}/admission", {"decision": "approved"})
    expect(r.status == 409, f"admission after signing: {r.status}")


def test_admission_approved_and_redecided(api):
    pa = api.as_user("parkadmin")
    p = _project(api, _park(api), "准入测试项目（复议）")
    pid, d = p["id"], p["actual"]["reserve"]
    expect(pa.post(f"/api/v1/projects/{pid}/admission", {"decision": "rejected", "reasons": "能耗超标"}).status == 200,
           "rejected (reasons as a string)")
    r = pa.post(f"/api/v1/projects/{pid}/admission",
                {"decision": "conditional", "reasons": ["落实节能措施后准入"], "scores": {"energy_per_output": 70}})
    expect(r.status == 200 and r.json()["total"] == 2 and r.json()["decision"] == "conditional", r.body[:300])
    r = pa.post(f"/api/v1/projects/{pid}/stage", {"stage": "signed", "date": d})
    expect(r.status == 200, f"the latest decision counts: signing a conditional project: {r.status}")


def test_admission_validation_422(api):
    pa, admin = api.as_user("parkadmin"), api.as_user("admin")
    pid = _project(api, _park(api), "准入测试项目（校验）")["id"]
    cases = [
        ({"decision": "maybe"}, "decision"),
        ({}, "decision"),
        ({"decision": "rejected"}, "reasons"),
        ({"decision": "conditional", "reasons": []}, "reasons"),
        ({"decision": "approved", "scores": {"energy_per_output": 120}}, "scores.energy_per_output"),
        ({"decision": "approved", "scores": {"x": "high"}}, "scores.x"),
        ({"decision": "approved", "scores": [1, 2]}, "scores"),
        ({"decision": "approved", "opinions": [{"unit": "", "opinion": "同意"}]}, "opinions[0].unit"),
        ({"decision": "approved", "decided_on": "2999-01-01"}, "decided_on"),
        ({"decision": "approved", "reasons": 5}, "reasons"),
    ]
    for body, field in cases:
        r = pa.post(f"/api/v1/projects/{pid}/admission", body)
        expect(r.status == 422 and field in _fields(r), f"{body}: {r.status} {_fields(r)}")
    expect(admin.get(f"/api/v1/projects/{pid}/admission").json()["total"] == 0, "nothing written")
    r = pa.post(f"/api/v1/projects/{pid}/admission", raw_body="{bad")
    expect(r.status == 400, f"malformed JSON: {r.status}")


def test_admission_refusals(api):
    admin = api.as_user("admin")
    park = _park(api)
    other = _new_park(api, "他园区（准入拒绝测试）")
    mine = _project(api, park, "准入测试项目（权限）")["id"]
    theirs = _project(api, other, "他园区准入项目")["id"]
    body = {"decision": "rejected", "reasons": ["x"]}
    for user in ("parkadmin", "gxj", "leader"):
        who = api.as_user(user)
        expect(who.get(f"/api/v1/projects/{theirs}/admission").status == 404, f"{user} other park read")
        r = who.post(f"/api/v1/projects/{theirs}/admission", body)
        expect(r.status in (403, 404), f"{user} other park write: {r.status}")
    # Department users (even the responsible unit) record no decision: 403; leaders write nothing.
    units = admin.get("/api/v1/units").json()["items"]
    gxj_unit = [u["id"] for u in units if u["name"] == "工信局"][0]
    expect(admin.patch(f"/api/v1/projects/{mine}", {"responsible_unit_id": gxj_unit}).status == 200, "assign")
    expect(api.as_user("gxj").post(f"/api/v1/projects/{mine}/admission", body).status == 403, "department 403")
    expect(api.as_user("zsfw").post(f"/api/v1/projects/{mine}/admission", body).status == 403, "other dept 403")
    expect(api.as_user("leader").post(f"/api/v1/projects/{mine}/admission", body).status == 403, "leader 403")
    expect(api.as_user("qiye").get(f"/api/v1/projects/{mine}/admission").status == 403, "enterprise read 403")
    expect(api.as_user("qiye").post(f"/api/v1/projects/{mine}/admission", body).status == 403, "enterprise 403")
    expect(api.anon().get(f"/api/v1/projects/{mine}/admission").status == 401, "anonymous 401")
    expect(admin.post("/api/v1/projects/999999/admission", body).status == 404, "unknown project 404")
    expect(admin.get(f"/api/v1/projects/{mine}/admission").json()["total"] == 0, "nothing written")


# ---- 惠企政策 (policies to enterprises) ----------------------------------------------------------
import random

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_RUN = random.choice("ABCDEFGHJKLMNPQRTUWXY") + random.choice("ABCDEFGHJKLMNPQRTUWXY")
_seq = [0]


def _uscc():
    _seq[0] += 1
    first17 = "91620824GT%s%05d" % (_RUN, _seq[0])
    total = sum(CHARSET.index(c) * pow(3, i, 31) for i, c in enumerate(first17))
    return first17 + CHARSET[(31 - total % 31) % 31]


def _firm(api, park, name, **extra):
    body = {"uscc": _uscc(), "name": name, "park_id": park, "industry_code": "2614"}
    body.update(extra)
    r = api.as_user("admin").post("/api/v1/enterprises", body)
    expect(r.status == 201, f"create enterprise {name}: {r.status} {r.body[:300]!r}")
    return r.json()["id"]


def _ent_user(api, park, eid, username):
    r = api.as_user("admin").post("/api/v1/users", {"username": username, "password": "Ent@2023demo",
                                                    "role": "enterprise", "park_id": park, "enterprise_id": eid})
    expect(r.status == 201, f"create enterprise user: {r.status} {r.body[:200]!r}")
    return api.as_user(username, "Ent@2023demo")


def _world(api, tag):
    """A fresh park with hand-built firms: A 高新 规上 120 persons 3985; B tech_sme 规下 30 persons 2614;
    C 高新 but closed."""
    park = _new_park(api, f"政策测试园区{tag}")
    a = _firm(api, park, f"甲电子{tag}（演示）", industry_code="3985", above_scale=True, employees=120,
              flags=[{"code": "high_tech", "since": "2022-11-01", "until": "2099-10-31"}])
    b = _firm(api, park, f"乙化工{tag}（演示）", industry_code="2614", employees=30,
              flags=[{"code": "tech_sme", "since": "2022-01-01"}])
    c = _firm(api, park, f"丙停业{tag}（演示）", industry_code="3985", above_scale=True, employees=200,
              flags=[{"code": "high_tech", "since": "2022-11-01"}])
    r = api.as_user("admin").patch(f"/api/v1/enterprises/{c}", {"status": "closed", "status_changed_on": "2023-06-30",
                                                                "reason": "注销"})
    expect(r.status == 200, f"close C: {r.status} {r.body[:200]!r}")
    return park, a, b, c


def _policy(api, park, title, criteria, who="admin"):
    r = api.as_user(who).post("/api/v1/policies", {"park_id": park, "title": title, "issuer": "市税务局",
                                                   "category": "tax", "benefit": "按规定减免", "criteria": criteria})
    expect(r.status == 201, f"create policy {title}: {r.status} {r.body[:300]!r}")
    return r.json()


def _matched(api, pid):
    r = api.as_user("admin").get(f"/api/v1/policies/{pid}/matches")
    expect(r.status == 200, f"matches: {r.status} {r.body[:200]!r}")
    return {m["enterprise_id"]: m["reasons"] for m in r.json()["items"]}


def test_policy_matches_each_criterion_kind(api):
    park, a, b, c = _world(api, "M")
    cases = [
        ([{"kind": "flag", "code": "high_tech"}], {a}),
        ([{"kind": "flag", "code": "tech_sme"}], {b}),
        ([{"kind": "above_scale", "expect": True}], {a}),
        ([{"kind": "above_scale", "expect": False}], {b}),
        ([{"kind": "industry", "prefixes": ["26", "27"]}], {b}),
        ([{"kind": "employees", "op": "le", "value": 100}], {b}),
        ([{"kind": "employees", "op": "ge", "value": 120}], {a}),
        ([{"kind": "flag", "code": "high_tech"}, {"kind": "employees", "op": "lt", "value": 100}], set()),
        ([], {a, b}),
    ]
    for criteria, want in cases:
        p = _policy(api, park, f"匹配测试{criteria}", criteria)
        got = _matched(api, p["id"])
        expect(set(got) == want, f"{criteria}: matched {sorted(got)}, want {sorted(want)}")
        for eid, reasons in got.items():
            expect(len(reasons) == max(1, len(criteria)), f"one reason per criterion: {reasons}")
    p = _policy(api, park, "高企减免", [{"kind": "flag", "code": "high_tech"}])
    expect(_matched(api, p["id"])[a] == ["高新技术企业（有效期至2099-10-31）"], "the reason says what was checked")


def test_policy_validation_422(api):
    admin = api.as_user("admin")
    park = _park(api)
    cases = [
        ({"park_id": park, "criteria": []}, "title"),
        ({"park_id": park, "title": "x", "category": "gift"}, "category"),
        ({"park_id": park, "title": "x", "criteria": [{"kind": "magic"}]}, "criteria[0].kind"),
        ({"park_id": park, "title": "x", "criteria": [{"kind": "flag", "code": "unicorn"}]}, "criteria[0].code"),
        ({"park_id": park, "title": "x", "criteria": [{"kind": "figure", "code": "rnd", "op": "eq"}]}, "criteria[0].op"),
        ({"park_id": park, "title": "x", "criteria": [{"kind": "ratio", "code": "rnd"}]}, "criteria[0].code2"),
        ({"park_id": park, "title": "x", "criteria": [{"kind": "industry", "prefixes": []}]}, "criteria[0].prefixes"),
        ({"park_id": park, "title": "x", "criteria": [{"kind": "figure", "code": "rnd", "value": 1e12}]},
         "criteria[0].value"),
        ({"park_id": park, "title": "x", "criteria": "flag"}, "criteria"),
        ({"park_id": park, "title": "x", "valid_from": "2024-01-01", "valid_until": "2023-01-01"}, "valid_until"),
        ({"title": "x"}, "park_id"),
    ]
    before = admin.get(f"/api/v1/policies?park_id={park}").json()["total"]
    for body, field in cases:
        r = admin.post("/api/v1/policies", body)
        expect(r.status == 422 and field in _fields(r), f"{body}: {r.status} {_fields(r)} {r.body[:200]!r}")
    expect(admin.get(f"/api/v1/policies?park_id={park}").json()["total"] == before, "nothing written")


def test_enterprise_sees_only_its_policies_and_applications(api):
    park, a, b, c = _world(api, "E")
    ua, ub = _ent_user(api, park, a, f"gates_ent_a{_RUN}"), _ent_user(api, park, b, f"gates_ent_b{_RUN}")
    for_a = _policy(api, park, "高企所得税减免（测试）", [{"kind": "flag", "code": "high_tech"}])
    for_b = _policy(api, park, "小微普惠减免（测试）", [{"kind": "above_scale", "expect": False}])
    seen_a = {p["id"] for p in ua.get("/api/v1/policies").json()["items"]}
    expect(for_a["id"] in seen_a and for_b["id"] not in seen_a, f"A sees the policies that fit it: {seen_a}")
    expect(ua.get(f"/api/v1/policies/{for_b['id']}").status == 404, "a policy not fitting A is 404 to A")
    expect(ua.get(f"/api/v1/policies/{for_a['id']}").status == 200, "a fitting one is readable")
    expect(ua.get(f"/api/v1/policies/{for_a['id']}/matches").status == 403, "enterprises see no match lists")
    # Applications: each applies for itself; a non-fitting policy cannot be applied for.
    r = ua.post(f"/api/v1/policies/{for_a['id']}/applications", {"enterprise_id": b, "note": "申请"})
    expect(r.status == 201 and r.json()["enterprise_id"] == a, f"A applies for itself only: {r.status} {r.body[:200]!r}")
    app_a = r.json()["id"]
    expect(ub.post(f"/api/v1/policies/{for_a['id']}/applications", {}).status == 404, "B cannot apply for A's policy")
    r = ub.post(f"/api/v1/policies/{for_b['id']}/applications", {})
    expect(r.status == 201, f"B applies: {r.status}")
    app_b = r.json()["id"]
    mine = [x["id"] for x in ua.get("/api/v1/policy-applications").json()["items"]]
    expect(mine == [app_a], f"A sees only its own applications: {mine}")
    expect(ua.patch(f"/api/v1/policy-applications/{app_b}", {"status": "paid"}).status in (403, 404),
           "A cannot touch B's application")
    expect(ua.patch(f"/api/v1/policy-applications/{app_a}", {"status": "paid", "amount": 99,
                                                             "paid_on": "2024-01-01"}).status == 403,
           "an enterprise does not record its own 兑现")
    # The park admin records 兑现; the sums per policy and year follow.
    admin = api.as_user("admin")
    r = admin.patch(f"/api/v1/policy-applications/{app_a}", {"status": "paid"})
    expect(r.status == 422 and {"amount", "paid_on"} <= set(_fields(r)), f"paid needs amount and date: {_fields(r)}")
    applied_on = admin.get(f"/api/v1/policy-applications?park_id={park}").json()["items"]
    applied_on = [x for x in applied_on if x["id"] == app_a][0]["applied_on"]
    r = admin.patch(f"/api/v1/policy-applications/{app_a}", {"status": "paid", "amount": 35.5, "paid_on": applied_on})
    expect(r.status == 200 and r.json()["amount"] == 35.5, f"兑现 recorded: {r.status} {r.body[:200]!r}")
    sums = admin.get(f"/api/v1/parks/{park}/policy-sums").json()["items"]
    row = [x for x in sums if x["policy_id"] == for_a["id"] and x["year"] == int(applied_on[:4])][0]
    expect(row["applications"] == 1 and row["paid"] == 1 and row["amount"] == 35.5, f"sums: {row}")
    audit = admin.get(f"/api/v1/audit?entity=policy_application&entity_id={app_a}").json()["items"]
    expect(len(audit) >= 2, f"application writes audited: {[x['action'] for x in audit]}")
    expect(ua.get(f"/api/v1/parks/{park}/policy-sums").status in (403, 404), "enterprise: no sums")


def test_policy_notify_and_refusals(api):
    park, a, b, c = _world(api, "N")
    ua = _ent_user(api, park, a, f"gates_ent_n{_RUN}")
    p = _policy(api, park, "研发费用加计扣除（测试）", [{"kind": "flag", "code": "high_tech"}])
    admin = api.as_user("admin")
    r = admin.post(f"/api/v1/policies/{p['id']}/notify", {})
    expect(r.status == 200 and r.json()["enterprises"] == 1 and r.json()["notified"] == 1, f"notify: {r.body[:200]!r}")
    notes = ua.get("/api/v1/notifications").json()["items"]
    expect(any("研发费用加计扣除" in n["title"] for n in notes), f"A was told: {[n['title'] for n in notes]}")
    r = admin.post(f"/api/v1/policies/{p['id']}/notify", {})
    expect(r.json()["notified"] == 0, "notified once per policy version")
    audit = admin.get(f"/api/v1/audit?entity=policy&entity_id={p['id']}").json()["items"]
    expect({"create", "notify"} <= {x["action"] for x in audit}, f"audited: {[x['action'] for x in audit]}")
    # Other park's staff: 404; departments and leaders: no writes; enterprises: no policy writes.
    demo_policy = _policy(api, _park(api), "演示园区政策（测试）", [])
    pa = api.as_user("parkadmin")
    expect(pa.get(f"/api/v1/policies/{p['id']}").status == 404, "other park's policy is 404")
    expect(pa.get(f"/api/v1/policies/{p['id']}/matches").status == 404, "other park's matches 404")
    expect(pa.patch(f"/api/v1/policies/{p['id']}", {"title": "x"}).status == 404, "other park's policy write 404")
    expect(pa.post(f"/api/v1/policies/{p['id']}/notify", {}).status == 404, "other park notify 404")
    r = pa.post("/api/v1/policies", {"park_id": park, "title": "越权"})
    expect(r.status in (404, 422), f"park admin creating in another park: {r.status}")
    for user in ("gxj", "leader"):
        who = api.as_user(user)
        expect(who.get(f"/api/v1/policies/{demo_policy['id']}").status == 200, f"{user} reads")
        expect(who.post("/api/v1/policies", {"park_id": _park(api), "title": "x"}).status == 403, f"{user} create 403")
        expect(who.patch(f"/api/v1/policies/{demo_policy['id']}", {"title": "x"}).status == 403, f"{user} edit 403")
        expect(who.post(f"/api/v1/policies/{demo_policy['id']}/notify", {}).status == 403, f"{user} notify 403")
    expect(api.as_user("gxj").get(f"/api/v1/policies/{demo_policy['id']}/matches").status == 200, "dept reads matches")
    expect(ua.post("/api/v1/policies", {"park_id": park, "title": "x"}).status == 403, "enterprise create 403")
    expect(ua.patch(f"/api/v1/policies/{p['id']}", {"title": "x"}).status == 403, "enterprise edit 403")
    expect(ua.post(f"/api/v1/policies/{p['id']}/notify", {}).status == 403, "enterprise notify 403")
    expect(api.as_user("qiye").get(f"/api/v1/policies/{p['id']}").status == 404, "another park's enterprise: 404")
    expect(api.anon().get("/api/v1/policies").status == 401, "anonymous 401")
    expect(admin.get("/api/v1/policies/999999").status == 404, "unknown policy 404")
    r = admin.get("/api/v1/policies/export")
    expect(r.status == 200 and r.body[:2] == b"PK", f"XLSX export: {r.status}")
    r = admin.get(f"/api/v1/policy-applications/export?park_id={park}")
    expect(r.status == 200 and r.body[:2] == b"PK", f"applications XLSX export: {r.status}")
    expect(admin.get("/api/v1/policy-applications?park_id=abc").status == 422, "malformed park_id 422")


def test_park_admissions_list_and_export(api):
    park = _park(api)
    pa = api.as_user("parkadmin")
    pid = _project(api, park, "准入测试项目（清单）")["id"]
    expect(pa.post(f"/api/v1/projects/{pid}/admission", {"decision": "conditional", "reasons": ["须节能改造"]}).status == 200,
           "decision")
    rows = api.as_user("leader").get(f"/api/v1/parks/{park}/admissions").json()["items"]
    row = [r for r in rows if r["project_id"] == pid]
    expect(row and row[0]["decision"] == "conditional" and row[0]["reasons"] == ["须节能改造"], f"row: {row}")
    demo = [r for r in rows if r["decision"] == "rejected"]
    expect(demo, "the demo world has a refused reserve project")
    r = pa.get(f"/api/v1/parks/{park}/admissions/export")
    expect(r.status == 200 and r.body[:2] == b"PK", f"XLSX: {r.status}")
    other = _new_park(api, "他园区（准入清单）")
    expect(pa.get(f"/api/v1/parks/{other}/admissions").status == 404, "other park 404")
    expect(api.as_user("qiye").get(f"/api/v1/parks/{park}/admissions").status == 403, "enterprise 403")


def test_demo_policies_match_the_demo_world(api):
    admin = api.as_user("admin")
    park = _park(api)
    pols = [p for p in admin.get(f"/api/v1/policies?park_id={park}").json()["items"] if p["is_demo"]]
    expect(len(pols) == 4 and all("（演示）" in p["title"] for p in pols), f"demo policies: {[p['title'] for p in pols]}")
    high_tech = [p for p in pols if p["criteria"] and p["criteria"][0]["kind"] == "flag"][0]
    matched = _matched(api, high_tech["id"])
    firms = admin.get(f"/api/v1/enterprises?park_id={park}&page_size=500").json()["items"]
    flagged = {e["id"] for e in firms if e["status"] == "operating" and e["park_id"] == park
               and any(f["code"] == "high_tech" for f in e["flags"])}
    expect(set(matched) <= flagged and matched, f"matched firms hold the flag: {sorted(matched)} vs {sorted(flagged)}")
    apps = admin.get(f"/api/v1/policy-applications?policy_id={high_tech['id']}").json()["items"]
    expect(apps and {a["enterprise_id"] for a in apps} <= set(matched), "demo applications are by matched firms")


# ---- 用地计划单列 (land quota) --------------------------------------------------------------------
def test_land_quota_never_below_zero_without_exception(api):
    import datetime
    admin, pa = api.as_user("admin"), api.as_user("parkadmin")
    park = _new_park(api, "用地指标测试园区")
    year = datetime.date.today().year - 1
    base = f"/api/v1/parks/{park}/land-quotas/{year}"
    pid = _project(api, park, "用地测试项目")["id"]
    r = admin.post(f"{base}/allocations", {"project_id": pid, "area_mu": 10, "allocated_on": f"{year}-03-01"})
    expect(r.status == 409, f"no quota yet: {r.status} {r.body[:200]!r}")
    r = admin.put(base, {"quota_mu": 100, "note": "市下达"})
    expect(r.status == 200 and r.json()["quota_mu"] == 100 and r.json()["remaining_mu"] == 100, r.body[:200])
    r = admin.post(f"{base}/allocations", {"project_id": pid, "area_mu": 60, "allocated_on": f"{year}-03-01"})
    expect(r.status == 201 and r.json()["remaining_mu"] == 40, f"allocated: {r.status} {r.body[:300]!r}")
    expect(r.json()["items"][0]["title"] == "用地测试项目", "title defaults to the project's name")
    r = admin.post(f"{base}/allocations", {"title": "超量", "area_mu": 40.01, "allocated_on": f"{year}-04-01"})
    expect(r.status == 409, f"beyond the remainder without an exception: {r.status}")
    r = admin.post(f"{base}/allocations", {"title": "刚好", "area_mu": 40, "allocated_on": f"{year}-04-01"})
    expect(r.status == 201 and r.json()["remaining_mu"] == 0, f"exactly the remainder: {r.body[:200]!r}")
    r = admin.post(f"{base}/allocations", {"title": "例外", "area_mu": 15, "allocated_on": f"{year}-05-01",
                                           "exception_reason": "省重点项目，市政府专题会议同意"})
    expect(r.status == 201 and r.json()["remaining_mu"] == -15 and r.json()["exceptions"] == 1,
           f"a recorded exception: {r.body[:300]!r}")
    audit = admin.get("/api/v1/audit?entity=land_quota_allocation&page_size=50").json()["items"]
    expect(any(a["action"] == "create_exception" and "专题会议" in a["reason"] for a in audit), "exception audited")
    got = admin.get(base).json()
    expect(got["allocated_mu"] == 115 and len(got["items"]) == 3, f"use: {got}")
    # 422 naming the field, nothing written.
    for body, field in [({"title": "x", "area_mu": 0}, "area_mu"), ({"title": "x", "area_mu": -1}, "area_mu"),
                        ({"title": "x"}, "area_mu"), ({"title": "x", "area_mu": 1, "allocated_on": f"{year - 1}-12-31"},
                                                      "allocated_on"),
                        ({"area_mu": 1, "allocated_on": f"{year}-05-01"}, "title"),
                        ({"project_id": 999999, "area_mu": 1}, "project_id")]:
        r = admin.post(f"{base}/allocations", body)
        expect(r.status == 422 and field in _fields(r), f"{body}: {r.status} {_fields(r)}")
    expect(admin.put(base, {"quota_mu": -5}).status == 422, "negative quota 422")
    expect(admin.put(f"/api/v1/parks/{park}/land-quotas/1999", {"quota_mu": 5}).status == 422, "absurd year 422")
    expect(len(admin.get(base).json()["items"]) == 3, "nothing written by refusals")
    r = admin.get(f"{base}/export")
    expect(r.status == 200 and r.body[:2] == b"PK", f"XLSX: {r.status}")
    # Refusals: another park's admin 404, department/leader writes 403, enterprise 403.
    expect(pa.get(base).status == 404, "other park 404")
    expect(pa.put(base, {"quota_mu": 1}).status == 404, "other park write 404")
    demo_base = f"/api/v1/parks/{_park(api)}/land-quotas/{year}"
    expect(api.as_user("gxj").get(demo_base).status == 200, "department reads")
    expect(api.as_user("gxj").put(demo_base, {"quota_mu": 1}).status == 403, "department write 403")
    expect(api.as_user("leader").post(f"{demo_base}/allocations", {"title": "x", "area_mu": 1}).status == 403,
           "leader 403")
    expect(api.as_user("qiye").get(demo_base).status == 403, "enterprise 403")
    demo = admin.get(demo_base).json()
    expect(demo["quota_mu"] and demo["items"] and demo["is_demo"], f"demo quota from the demo world: {demo}")


# ---- 承接事项清单 (delegated powers) -------------------------------------------------------------
def test_delegated_powers_list_counts_and_adjustment_log(api):
    import datetime
    admin = api.as_user("admin")
    park = _new_park(api, "承接事项测试园区")
    base = f"/api/v1/parks/{park}/delegated-powers"
    r = admin.post(base, {"name": "企业投资项目备案", "legal_basis": "《企业投资项目核准和备案管理条例》",
                          "delegating_unit": "市发改局", "delegated_on": "2023-03-01", "status": "in_progress"})
    expect(r.status == 201 and r.json()["status_name"] == "承接中", f"create: {r.status} {r.body[:200]!r}")
    pid = r.json()["id"]
    r = admin.patch(f"/api/v1/delegated-powers/{pid}", {"status": "accepted"})
    expect(r.status == 422 and "reason" in _fields(r), f"an adjustment needs a reason: {r.status} {_fields(r)}")
    r = admin.patch(f"/api/v1/delegated-powers/{pid}", {"status": "accepted", "reason": "已完成人员培训和系统对接"})
    expect(r.status == 200 and r.json()["status"] == "accepted", f"adjusted: {r.status} {r.body[:200]!r}")
    r = admin.patch(f"/api/v1/delegated-powers/{pid}", {"status": "accepted", "reason": "重复"})
    expect(r.status == 409, f"nothing changed: {r.status}")
    log = admin.get(f"{base}/log").json()["items"]
    expect([e["action"] for e in log] == ["update", "add"], f"log: {log}")
    expect("承接中 → 已承接" in log[0]["changes"] and log[0]["reason"] == "已完成人员培训和系统对接", f"log row: {log[0]}")
    month = datetime.date.today().strftime("%Y-%m")
    r = admin.put(f"/api/v1/delegated-powers/{pid}/counts", {"period": month, "handled": 7})
    expect(r.status == 200 and r.json()["items"] == [{"period": month, "handled": 7}], r.body[:200])
    r = admin.put(f"/api/v1/delegated-powers/{pid}/counts", {"period": month, "handled": 9})
    expect(r.json()["items"] == [{"period": month, "handled": 9}], "a month's count is replaced, not added")
    expect(admin.get(base).json()["items"][0]["handled_total"] == 9, "total")
    for body, field in [({"period": "2999-01", "handled": 1}, "period"), ({"period": month, "handled": -1}, "handled"),
                        ({"period": "2024/01", "handled": 1}, "period")]:
        r = admin.put(f"/api/v1/delegated-powers/{pid}/counts", body)
        expect(r.status == 422 and field in _fields(r), f"{body}: {r.status} {_fields(r)}")
    for body, field in [({"name": ""}, "name"), ({"name": "x", "status": "done"}, "status"),
                        ({"name": "x", "delegated_on": "2999-01-01"}, "delegated_on")]:
        r = admin.post(base, body)
        expect(r.status == 422 and field in _fields(r), f"{body}: {r.status} {_fields(r)}")
    expect(len(admin.get(base).json()["items"]) == 1, "nothing written by refusals")
    r = admin.get(f"{base}/export")
    expect(r.status == 200 and r.body[:2] == b"PK", f"XLSX: {r.status}")
    audit = admin.get(f"/api/v1/audit?entity=delegated_power&entity_id={pid}").json()["items"]
    expect({"create", "update", "count"} <= {a["action"] for a in audit}, f"audited: {[a['action'] for a in audit]}")
    # Refusals.
    pa = api.as_user("parkadmin")
    expect(pa.get(base).status == 404 and pa.post(base, {"name": "x"}).status == 404, "other park 404")
    expect(pa.patch(f"/api/v1/delegated-powers/{pid}", {"name": "y", "reason": "z"}).status == 404, "other park item 404")
    demo_base = f"/api/v1/parks/{_park(api)}/delegated-powers"
    demo = api.as_user("gxj").get(demo_base).json()["items"]
    expect(len(demo) >= 5 and all("（演示）" in d["name"] for d in demo), "department reads the demo list")
    expect(any(d["handled_total"] > 0 for d in demo), "demo counts")
    for user in ("gxj", "leader"):
        who = api.as_user(user)
        expect(who.post(demo_base, {"name": "x"}).status == 403, f"{user} create 403")
        expect(who.patch(f"/api/v1/delegated-powers/{demo[0]['id']}", {"name": "x", "reason": "y"}).status == 403,
               f"{user} edit 403")
        expect(who.put(f"/api/v1/delegated-powers/{demo[0]['id']}/counts", {"period": month, "handled": 1}).status == 403,
               f"{user} count 403")
    expect(api.as_user("qiye").get(demo_base).status == 403, "enterprise 403")


# ---- 资金来源 (funding sources) ------------------------------------------------------------------
def test_funding_sources_totals_and_bond_projects(api):
    import datetime
    admin = api.as_user("admin")
    park = _new_park(api, "资金来源测试园区")
    a = _project(api, park, "园区污水处理厂（测试）")["id"]
    b = _project(api, park, "标准化厂房（测试）")["id"]
    today = datetime.date.today()
    year, month = today.year, today.strftime("%Y-%m")
    jan = f"{year}-01"
    rows = [(a, jan, "special_bond", 500, 200), (a, month, "special_bond", 0, 100) if month != jan else None,
            (a, jan, "self", 300, 300), (b, jan, "bond_loan", 800, 400), (b, jan, "bank_loan", 200, 0)]
    for row in filter(None, rows):
        pid, period, source, planned, in_place = row
        r = admin.put(f"/api/v1/projects/{pid}/funding", {"period": period, "source": source, "planned": planned,
                                                          "in_place": in_place})
        expect(r.status == 200, f"{row}: {r.status} {r.body[:200]!r}")
    got = admin.get(f"/api/v1/projects/{a}/funding?year={year}").json()
    bond = [t for t in got["totals"] if t["source"] == "special_bond"][0]
    drawn = 200 + (100 if month != jan else 0)
    expect(bond["planned"] == 500 and bond["in_place"] == drawn, f"project totals: {bond}")
    # A month's row is replaced, not added.
    r = admin.put(f"/api/v1/projects/{a}/funding", {"period": jan, "source": "self", "planned": 300, "in_place": 250})
    expect([t for t in r.json()["totals"] if t["source"] == "self"][0]["in_place"] == 250, "replaced")
    totals = {t["source"]: t for t in admin.get(f"/api/v1/parks/{park}/funding-totals?year={year}").json()["items"]}
    expect(len(totals) == 6 and totals["bond_loan"]["planned"] == 800 and totals["bank_loan"]["in_place"] == 0,
           f"park totals by source: {totals}")
    expect(totals["bond_loan"]["in_place_pct"] == 50, f"到位率: {totals['bond_loan']}")
    bonds = admin.get(f"/api/v1/parks/{park}/bond-projects?year={year}").json()["items"]
    expect([x["project_id"] for x in bonds] == [b, a], f"bond projects, largest first: {bonds}")
    expect(bonds[1]["bond_planned"] == 500 and bonds[1]["bond_drawn"] == drawn, f"bond row: {bonds[1]}")
    r = admin.get(f"/api/v1/parks/{park}/bond-projects/export?year={year}")
    expect(r.status == 200 and r.body[:2] == b"PK", f"XLSX: {r.status}")
    audit = admin.get(f"/api/v1/audit?entity=project&entity_id={a}").json()["items"]
    expect(any(x["action"] == "funding" for x in audit), "funding writes audited")
    # 422, nothing written.
    future = (today.replace(day=28) + datetime.timedelta(days=10)).strftime("%Y-%m")
    for body, field in [({"period": jan, "source": "gift", "planned": 1}, "source"),
                        ({"period": jan, "source": "self", "planned": -1}, "planned"),
                        ({"period": future, "source": "self", "in_place": 5}, "period"),
                        ({"period": "2024/01", "source": "self"}, "period"),
                        ({"source": "self"}, "period")]:
        r = admin.put(f"/api/v1/projects/{a}/funding", body)
        expect(r.status == 422 and field in _fields(r), f"{body}: {r.status} {_fields(r)}")
    expect(admin.get(f"/api/v1/parks/{park}/funding-totals?year=20x4").status == 422, "bad year 422")
    # Refusals.
    pa = api.as_user("parkadmin")
    expect(pa.get(f"/api/v1/projects/{a}/funding").status == 404, "other park's project 404")
    expect(pa.put(f"/api/v1/projects/{a}/funding", {"period": jan, "source": "self"}).status == 404, "write 404")
    expect(pa.get(f"/api/v1/parks/{park}/bond-projects").status == 404, "other park 404")
    demo_park = _park(api)
    demo = admin.get(f"/api/v1/parks/{demo_park}/bond-projects?year={year}").json()["items"]
    expect(demo and demo[0]["bond_planned"] > 0, f"the demo world has bond-funded projects: {demo[:1]}")
    pid = demo[0]["project_id"]
    for user in ("gxj", "leader"):
        who = api.as_user(user)
        expect(who.get(f"/api/v1/projects/{pid}/funding").status == 200, f"{user} reads")
        expect(who.put(f"/api/v1/projects/{pid}/funding", {"period": jan, "source": "self"}).status == 403,
               f"{user} write 403")
    expect(api.as_user("qiye").get(f"/api/v1/parks/{demo_park}/funding-totals").status == 403, "enterprise 403")
