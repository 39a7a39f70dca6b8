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
    pid = p["id"]
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
    r = pa.post(f"/api/v1/projects/{pid}/stage", {"stage": "signed", "date": "2023-01-10"})
    expect(r.status == 409, f"signing a rejected project: {r.status} {r.body[:200]!r}")
    r = pa.post(f"/api/v1/projects/{pid}/stage", {"stage": "started", "date": "2023-01-10"})
    expect(r.status == 409, f"skipping past 签约 is signing too: {r.status}")
    expect(admin.get(f"/api/v1/projects/{pid}").json()["stage"] == "reserve", "nothing written")
    # A responsible department asking for the override is refused (only park admins override).
    units = admin.get("/api/v1/units").json()["items"]
    gxj_unit = [u["id"] for u in units if u["name"] == "工信局"][0]
    expect(admin.patch(f"/api/v1/projects/{pid}", {"responsible_unit_id": gxj_unit}).status == 200, "assign")
    r = api.as_user("gxj").post(f"/api/v1/projects/{pid}/stage",
                                {"stage": "signed", "date": "2023-01-10", "override_admission": True, "reason": "急"})
    expect(r.status == 409, f"department override refused: {r.status}")
    # The park admin's override needs a reason (422 naming it), then goes through, logged and audited.
    r = pa.post(f"/api/v1/projects/{pid}/stage", {"stage": "signed", "date": "2023-01-10", "override_admission": True})
    expect(r.status == 422 and "reason" in _fields(r), f"override without a reason: {r.status} {r.body[:200]!r}")
    r = pa.post(f"/api/v1/projects/{pid}/stage", {"stage": "signed", "date": "2023-01-10",
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
    pid = _project(api, _park(api), "准入测试项目（复议）")["id"]
    expect(pa.post(f"/api/v1/projects/{pid}/admission", {"decision": "rejected", "reasons": "能耗超标"}).status == 200,
           "rejected (reasons as a string)")
    r = pa.post(f"/api/v1/projects/{pid}/admission",
                {"decision": "conditional", "reasons": ["落实节能措施后准入"], "scores": {"energy_per_output": 70}})
    expect(r.status == 200 and r.json()["total"] == 2 and r.json()["decision"] == "conditional", r.body[:300])
    r = pa.post(f"/api/v1/projects/{pid}/stage", {"stage": "signed", "date": "2023-01-10"})
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
