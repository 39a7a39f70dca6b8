"""Risk profiles, emergency resources, energy and emissions (issue 14 items 3-5): an enterprise
edits only its own profile (each refusal, nothing written), the review flow, vetoes reaching the
evaluation, the energy conversion and park totals agreeing with the firms' approved reports, every
list exporting XLSX, demo data labelled （演示）. Runs on both engines."""
import io
import zipfile


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def park_id(api):
    parks = api.as_user("admin").get("/api/v1/parks").json()["items"]
    return [p for p in parks if p["name"] == "华亭工业园区"][0]["id"]


def me_enterprise(api, user):
    return api.as_user(user).get("/api/v1/me").json()["user"]["enterprise_id"]


def items(api, pid, user="admin", **q):
    qs = "&".join(f"{k}={v}" for k, v in q.items())
    r = api.as_user(user).get(f"/api/v1/parks/{pid}/risk-items?{qs}")
    expect(r.status == 200, f"list: {r.status} {r.body[:200]!r}")
    return r.json()["items"]


def audit_rows(api, entity, entity_id):
    r = api.as_user("admin").get(f"/api/v1/audit?entity={entity}&entity_id={entity_id}")
    expect(r.status == 200, f"audit: {r.status}")
    return r.json()["items"]


def test_risk_enterprise_edits_only_its_own_profile(api):
    pid = park_id(api)
    own, other = me_enterprise(api, "qiye"), me_enterprise(api, "qiye2")
    q, pa = api.as_user("qiye"), api.as_user("parkadmin")
    base = f"/api/v1/parks/{pid}/risk-items"
    r = q.post(base, {"kind": "chemical", "enterprise_id": own, "name": "乙炔（测试）", "quantity": 3, "unit": "吨"})
    expect(r.status == 201, f"own create: {r.status} {r.body[:300]!r}")
    mine = r.json()
    expect(mine["enterprise_id"] == own and mine["kind_name"] == "危险化学品", f"created: {mine}")
    expect(len(audit_rows(api, "risk_item", mine["id"])) == 1, "audit row for the create")

    before = len(items(api, pid, kind="profile"))
    # Another enterprise's profile: 403 on create, nothing written.
    r = q.post(base, {"kind": "chemical", "enterprise_id": other, "name": "x（测试）", "quantity": 1})
    expect(r.status == 403, f"other enterprise create: {r.status}")
    # Emergency resources are the park's: 403 for an enterprise.
    r = q.post(base, {"kind": "team", "name": "自建队伍（测试）", "contact_phone": "110"})
    expect(r.status == 403, f"enterprise emergency create: {r.status}")
    # A veto is the park's call.
    r = q.post(base, {"kind": "accident", "enterprise_id": own, "name": "x（测试）", "level": "general",
                      "event_date": "2023-02-01", "veto": True})
    expect(r.status == 403, f"enterprise veto: {r.status}")
    # Department users and leaders do not write profiles.
    for who in ("gxj", "leader"):
        r = api.as_user(who).post(base, {"kind": "chemical", "enterprise_id": own, "name": "x", "quantity": 1})
        expect(r.status == 403, f"{who} create: {r.status}")
    expect(len(items(api, pid, kind="profile")) == before, "refusals wrote nothing")

    # Another enterprise's existing record: 404 for PUT and DELETE (not even its existence shows).
    r = pa.post(base, {"kind": "permit", "enterprise_id": other, "name": "排污许可证（测试）", "level": "environment",
                       "expiry_date": "2030-01-01"})
    expect(r.status == 201, f"park admin create for other: {r.status} {r.body[:300]!r}")
    theirs = r.json()["id"]
    r = q.put(f"/api/v1/risk-items/{theirs}", {"name": "改名", "level": "environment", "expiry_date": "2030-01-01"})
    expect(r.status == 404, f"put other's: {r.status}")
    expect(q.delete(f"/api/v1/risk-items/{theirs}").status == 404, "delete other's")
    expect(not any(i["id"] == theirs for i in items(api, pid, "qiye", kind="profile")), "not in qiye's list")

    # A record carrying a veto is locked for the enterprise.
    r = pa.post(base, {"kind": "accident", "enterprise_id": own, "name": "火灾事故（测试）", "level": "general",
                       "event_date": "2023-02-01", "veto": True})
    expect(r.status == 201, f"park admin veto: {r.status} {r.body[:300]!r}")
    vetoed = r.json()["id"]
    r = q.put(f"/api/v1/risk-items/{vetoed}", {"name": "小事", "level": "general", "event_date": "2023-02-01"})
    expect(r.status == 403, f"enterprise edits a veto: {r.status}")
    expect(q.delete(f"/api/v1/risk-items/{vetoed}").status == 403, "enterprise deletes a veto")
    expect(pa.delete(f"/api/v1/risk-items/{vetoed}").status == 204, "park admin deletes")

    # Bad input: 422 naming the field, nothing written.
    before = len(items(api, pid, kind="profile"))
    for body, field in [({"kind": "chemical", "enterprise_id": own, "quantity": 1}, "name"),
                        ({"kind": "hazard_source", "enterprise_id": own, "name": "x", "level": "9"}, "level"),
                        ({"kind": "permit", "enterprise_id": own, "name": "x", "level": "safety"}, "expiry_date"),
                        ({"kind": "chemical", "enterprise_id": own, "name": "x", "quantity": -1}, "quantity"),
                        ({"kind": "chemical", "enterprise_id": own, "name": "x", "quantity": 1e300}, "quantity"),
                        ({"kind": "rocket", "enterprise_id": own, "name": "x"}, "kind"),
                        ({"kind": "permit", "enterprise_id": own, "name": "x", "level": "safety",
                          "expiry_date": "2023-02-30"}, "expiry_date")]:
        r = q.post(base, body)
        expect(r.status == 422, f"{body}: {r.status} {r.body[:200]!r}")
        fields = [d["field"] for d in r.json()["error"]["details"]]
        expect(field in fields, f"{body}: fields {fields}")
    expect(len(items(api, pid, kind="profile")) == before, "422s wrote nothing")

    # Submit (own only), review (park admin only), an edit puts it back to draft.
    expect(q.post(f"/api/v1/enterprises/{other}/risk-profile/submit", {}).status == 404, "submit other's")
    r = q.post(f"/api/v1/enterprises/{own}/risk-profile/submit", {})
    if r.status == 409:  # the demo seeded it submitted or approved: change a record first
        expect(q.put(f"/api/v1/risk-items/{mine['id']}", {"name": "乙炔（测试）", "quantity": 4, "unit": "吨"}).status
               == 200, "edit")
        r = q.post(f"/api/v1/enterprises/{own}/risk-profile/submit", {})
    expect(r.status == 200 and r.json()["state"] == "submitted", f"submit: {r.status} {r.body[:200]!r}")
    expect(q.post(f"/api/v1/enterprises/{own}/risk-profile/submit", {}).status == 409, "submit twice")
    expect(q.post(f"/api/v1/enterprises/{own}/risk-profile/review", {"result": "approved"}).status == 403,
           "enterprise reviews")
    expect(api.as_user("gxj").post(f"/api/v1/enterprises/{own}/risk-profile/review", {"result": "approved"}).status
           == 403, "department reviews")
    r = pa.post(f"/api/v1/enterprises/{own}/risk-profile/review", {"result": "returned"})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "note", f"return without note: {r.status}")
    r = pa.post(f"/api/v1/enterprises/{own}/risk-profile/review", {"result": "maybe"})
    expect(r.status == 422, f"bad result: {r.status}")
    r = pa.post(f"/api/v1/enterprises/{own}/risk-profile/review", {"result": "approved"})
    expect(r.status == 200 and r.json()["state"] == "approved", f"approve: {r.status} {r.body[:200]!r}")
    expect(len(audit_rows(api, "risk_profile", own)) >= 2, "submit and approve audited")
    expect(q.put(f"/api/v1/risk-items/{mine['id']}", {"name": "乙炔（测试）", "quantity": 5, "unit": "吨"}).status
           == 200, "edit after approval")
    rows = {p["enterprise_id"]: p for p in q.get(f"/api/v1/parks/{pid}/risk-profiles").json()["items"]}
    expect(list(rows) == [own], f"an enterprise sees only its own profile: {list(rows)}")
    expect(rows[own]["state"] == "draft", f"edited → draft: {rows[own]['state']}")
    expect(q.delete(f"/api/v1/risk-items/{mine['id']}").status == 204, "own delete")
    expect(len(audit_rows(api, "risk_item", mine["id"])) >= 3, "create, updates and delete audited")


def test_risk_emergency_resources_and_duty_list(api):
    pid = park_id(api)
    pa = api.as_user("parkadmin")
    res = items(api, pid, "leader", kind="emergency")
    kinds = {i["kind"] for i in res}
    expect({"team", "store", "equipment", "plan", "drill"} <= kinds, f"demo emergency kinds: {kinds}")
    expect(all("（演示）" in i["name"] and i["is_demo"] for i in res), "demo labelled")
    expect(all(i["contact_phone"] for i in res if i["kind"] in ("team", "store", "equipment")), "phones")
    expect(any(i["revision_due"] for i in res if i["kind"] == "plan"), "a plan older than 3 years is flagged")
    # Enterprises see the park's resources (they need the numbers in an emergency) but cannot write.
    expect(len(items(api, pid, "qiye", kind="team")) == len([i for i in res if i["kind"] == "team"]), "qiye sees teams")
    base = f"/api/v1/parks/{pid}/risk-items"
    r = pa.post(base, {"kind": "team", "name": "夜间值守队（测试）", "quantity": 6, "location": "东门",
                       "contact_name": "张三", "contact_phone": "13800000000"})
    expect(r.status == 201, f"team: {r.status} {r.body[:200]!r}")
    tid = r.json()["id"]
    r = pa.post(base, {"kind": "team", "name": "无电话队（测试）"})
    expect(r.status == 422 and "contact_phone" in [d["field"] for d in r.json()["error"]["details"]], "phone required")
    r = pa.post(base, {"kind": "plan", "name": "预案（测试）", "level": "park"})
    expect(r.status == 422 and "revised_on" in [d["field"] for d in r.json()["error"]["details"]], "plan date")
    expect(api.as_user("qiye").put(f"/api/v1/risk-items/{tid}", {"name": "x", "contact_phone": "1"}).status == 404,
           "enterprise edits a park resource: hidden")
    expect(api.as_user("gxj").delete(f"/api/v1/risk-items/{tid}").status == 403, "department deletes")
    r = pa.put(f"/api/v1/risk-items/{tid}", {"name": "夜间值守队（测试）", "quantity": 8, "contact_phone": "13800000001"})
    expect(r.status == 200 and r.json()["quantity"] == 8 and r.json()["kind"] == "team", f"put: {r.body[:200]!r}")
    expect(pa.delete(f"/api/v1/risk-items/{tid}").status == 204, "delete")
    expect(pa.get(f"/api/v1/parks/{pid}/risk-items?kind=zzz").status == 422, "unknown kind filter")


def test_risk_vetoes_reach_the_evaluation(api):
    pid = park_id(api)
    pa = api.as_user("parkadmin")
    # The demo: the evaluation's 2023 veto has its accident here.
    demo = pa.get(f"/api/v1/parks/{pid}/risk-vetoes?year=2023").json()["items"]
    expect(demo and all(v["status"] in ("already", "applied") for v in demo), f"demo vetoes: {demo}")
    expect(api.as_user("qiye").get(f"/api/v1/parks/{pid}/risk-vetoes?year=2023").status == 403, "enterprise")
    expect(api.as_user("gxj").post(f"/api/v1/parks/{pid}/risk-vetoes/apply", {"year": 2031}).status == 403, "dept")
    expect(pa.post(f"/api/v1/parks/{pid}/risk-vetoes/apply", {"year": "x"}).status == 422, "bad year")
    # Year 2031 (this test's own): two demo firms evaluated, one has an accident marked veto.
    firms = [p["enterprise_id"] for p in pa.get(f"/api/v1/parks/{pid}/risk-profiles").json()["items"]][:2]
    scheme = {"groups": [{"code": "above_scale",
                          "indicators": [{"code": "tax_per_mu", "weight": 60, "benchmark": 10, "cap": 90},
                                         {"code": "value_added_per_mu", "weight": 40, "benchmark": 20, "cap": None}],
                          "classes": {"method": "percentile", "bounds": [20, 60, 95]}}]}
    expect(pa.put(f"/api/v1/parks/{pid}/evaluation-schemes/2031", scheme).status == 200, "scheme")
    inputs = [{"enterprise_id": firms[0], "group": "above_scale", "land_mu": 10, "tax": 100, "value_added": 400},
              {"enterprise_id": firms[1], "group": "above_scale", "land_mu": 10, "tax": 10, "value_added": 40}]
    r = pa.put(f"/api/v1/parks/{pid}/evaluations/2031/inputs", {"items": inputs})
    expect(r.status == 200, f"inputs: {r.status} {r.body[:200]!r}")
    r = pa.post(f"/api/v1/parks/{pid}/risk-items", {"kind": "accident", "enterprise_id": firms[0],
                                                    "name": "重大环境事件（测试）", "level": "major",
                                                    "event_date": "2031-04-02", "veto": True})
    expect(r.status == 201, f"accident: {r.status} {r.body[:200]!r}")
    v = pa.get(f"/api/v1/parks/{pid}/risk-vetoes?year=2031").json()["items"]
    expect([x["enterprise_id"] for x in v] == [firms[0]] and v[0]["status"] == "pending", f"pending: {v}")
    r = pa.post(f"/api/v1/parks/{pid}/risk-vetoes/apply", {"year": 2031})
    expect(r.status == 200 and r.json()["applied"] == 1, f"apply: {r.status} {r.body[:200]!r}")
    got = {i["enterprise_id"]: i for i in pa.get(f"/api/v1/parks/{pid}/evaluations/2031/inputs").json()["items"]}
    expect("重大环境事件（测试）" in (got[firms[0]]["veto_reason"] or ""), f"veto reason: {got[firms[0]]}")
    expect(not got[firms[1]]["veto_reason"], "the other firm untouched")
    run = {i["enterprise_id"]: i for i in pa.post(f"/api/v1/parks/{pid}/evaluations/2031/run").json()["items"]}
    expect(run[firms[0]]["class_by_rank"] in ("A", "B") and run[firms[0]]["class"] == "C"
           and "veto" in run[firms[0]]["flags"], f"veto applied in the run: {run[firms[0]]}")
    again = pa.get(f"/api/v1/parks/{pid}/risk-vetoes?year=2031").json()["items"]
    expect(again[0]["status"] == "applied", f"applied: {again}")


def test_risk_energy_accounts_agree_with_reports(api):
    pid = park_id(api)
    admin = api.as_user("admin")
    f = admin.get("/api/v1/energy-factors").json()
    by = {x["code"]: x for x in f["items"]}
    expect(abs(by["electricity"]["tce_per_unit"] - 1.229) < 1e-12 and abs(by["raw_coal"]["tce_per_unit"] - 0.7143)
           < 1e-12 and "GB/T 2589" in f["standard"], f"factors: {f['standard']}")
    accts = admin.get(f"/api/v1/parks/{pid}/energy-accounts?year=2023").json()["items"]
    expect(len(accts) >= 5, f"demo accounts: {len(accts)}")
    for a in accts:
        tce = sum(v * by[k]["tce_per_unit"] for k, v in a["energy"].items())
        expect(abs(tce - a["energy_tce"]) < 1e-6, f"{a['enterprise_name']}: conversion {tce} vs {a['energy_tce']}")
        expect(a["reported_tce"] is not None and abs(a["energy_tce"] - a["reported_tce"]) < 0.05,
               f"{a['enterprise_name']}: account {a['energy_tce']} vs reports {a['reported_tce']}")
        expect("（演示）" in a["enterprise_name"] and a["is_demo"], "demo firm")
    s = admin.get(f"/api/v1/parks/{pid}/energy-summary?year=2023").json()
    expect(abs(s["energy_tce"] - sum(a["energy_tce"] for a in accts)) < 1e-6, "park total = Σ accounts")
    expect(abs(s["energy_tce"] - s["reported_tce"]) < 0.05 * len(accts), "park total = Σ reports")
    va = sum(a["value_added"] for a in accts if a["value_added"] and a["value_added"] > 0 and a["energy"])
    expect(abs(s["value_added"] - va) < 1e-6, f"value added {s['value_added']} vs {va}")
    expect(abs(s["intensity"] - s["energy_tce"] / va) < 1e-9 or s["value_added"] != va, "intensity")
    expect(s["targets"]["energy_cap_tce"] and not s["energy_over"], f"demo cap met: {s['targets']}")
    expect(s["emissions_over"], "demo emission cap missed")
    expect(api.as_user("qiye").get(f"/api/v1/parks/{pid}/energy-summary?year=2023").status == 403, "enterprise")
    expect(admin.get(f"/api/v1/parks/{pid}/energy-summary?year=12").status == 422, "bad year")

    # An enterprise fills in its own account (hand-checked: 100 万kWh + 1000 t coal + 10 万m³ gas = 970.2 tce).
    own, other = me_enterprise(api, "qiye"), me_enterprise(api, "qiye2")
    q = api.as_user("qiye")
    body = {"energy": {"electricity": 100, "raw_coal": 1000, "natural_gas": 10}, "emissions": {"so2": 1.5}}
    r = q.put(f"/api/v1/enterprises/{own}/energy-accounts/2032", body)
    expect(r.status == 200 and abs(r.json()["energy_tce"] - 970.2) < 1e-9, f"own: {r.status} {r.body[:300]!r}")
    expect(q.put(f"/api/v1/enterprises/{other}/energy-accounts/2032", body).status == 404, "other enterprise")
    expect(api.as_user("leader").put(f"/api/v1/enterprises/{own}/energy-accounts/2032", body).status == 403, "leader")
    for bad, field in [({"energy": {"firewood": 1}}, "energy.firewood"), ({"energy": {"electricity": -1}},
                        "energy.electricity"), ({"emissions": {"so2": "x"}}, "emissions.so2"),
                       ({"emissions": {"mercury": 1}}, "emissions.mercury")]:
        r = q.put(f"/api/v1/enterprises/{own}/energy-accounts/2032", bad)
        expect(r.status == 422 and field in [d["field"] for d in r.json()["error"]["details"]], f"{bad}: {r.body[:200]!r}")
    r = q.put(f"/api/v1/enterprises/{own}/energy-accounts/2033", {})
    expect(r.status == 200 and r.json()["energy_tce"] == 0 and r.json()["energy"] == {}, f"empty: {r.body[:200]!r}")
    mine = q.get(f"/api/v1/parks/{pid}/energy-accounts?year=2032").json()["items"]
    expect(len(mine) == 1 and mine[0]["energy"] == body["energy"], f"422s kept the account: {mine}")
    expect(len(audit_rows(api, "energy_account", f"{own}:2032")) == 1, "audited once")
    pa = api.as_user("parkadmin")
    expect(q.put(f"/api/v1/parks/{pid}/energy-targets/2032", {"energy_cap_tce": 900}).status == 403, "ent targets")
    r = pa.put(f"/api/v1/parks/{pid}/energy-targets/2032", {"energy_cap_tce": 0})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "energy_cap_tce", "target > 0")
    expect(pa.put(f"/api/v1/parks/{pid}/energy-targets/2032", {"energy_cap_tce": 900, "intensity_target": 0.5})
           .status == 200, "targets")
    s = pa.get(f"/api/v1/parks/{pid}/energy-summary?year=2032").json()
    expect(abs(s["energy_tce"] - 970.2) < 1e-9 and s["energy_over"], f"970.2 > 900: {s}")
    expect(abs(s["energy_cap_used_pct"] - 970.2 / 900 * 100) < 1e-9, "cap used pct")


def test_risk_retrofits(api):
    pid = park_id(api)
    pa = api.as_user("parkadmin")
    demo = pa.get(f"/api/v1/parks/{pid}/retrofits").json()["items"]
    expect({r["kind"] for r in demo} == {"elimination", "clean_production"} and all(r["is_demo"] for r in demo),
           f"demo retrofits: {demo}")
    own = me_enterprise(api, "qiye")
    body = {"enterprise_id": own, "kind": "clean_production", "name": "清洁生产审核（测试）", "saving_tce": 50,
            "deadline": "2020-01-01"}
    expect(api.as_user("qiye").post(f"/api/v1/parks/{pid}/retrofits", body).status == 403, "enterprise flags")
    r = pa.post(f"/api/v1/parks/{pid}/retrofits", body)
    expect(r.status == 201 and r.json()["status"] == "flagged" and r.json()["overdue"], f"create: {r.body[:200]!r}")
    rid = r.json()["id"]
    r = pa.put(f"/api/v1/retrofits/{rid}", {"kind": "clean_production", "name": "清洁生产审核（测试）",
                                            "status": "completed"})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "completed_on", "completed needs date")
    r = pa.put(f"/api/v1/retrofits/{rid}", {"kind": "clean_production", "name": "清洁生产审核（测试）",
                                            "status": "completed", "completed_on": "2023-12-01"})
    expect(r.status == 200 and not r.json()["overdue"], f"complete: {r.body[:200]!r}")
    expect(len(audit_rows(api, "retrofit", rid)) == 2, "audited")
    mine = api.as_user("qiye").get(f"/api/v1/parks/{pid}/retrofits").json()["items"]
    expect(all(x["enterprise_id"] == own for x in mine) and any(x["id"] == rid for x in mine), "enterprise sees own")
    other_firm = [x for x in demo if x["enterprise_id"] != own]
    if other_firm:
        expect(api.as_user("qiye").put(f"/api/v1/retrofits/{other_firm[0]['id']}", body).status == 403, "other's")


def test_risk_lists_export_xlsx(api):
    pid = park_id(api)
    admin = api.as_user("admin")
    for path, title in [(f"/api/v1/parks/{pid}/risk-items.xlsx?kind=emergency", "应急"),
                        (f"/api/v1/parks/{pid}/risk-items.xlsx?kind=profile", "风险档案"),
                        (f"/api/v1/parks/{pid}/risk-profiles.xlsx", "企业风险档案"),
                        (f"/api/v1/parks/{pid}/energy-accounts.xlsx?year=2023", "能源消费"),
                        (f"/api/v1/parks/{pid}/retrofits.xlsx", "改造")]:
        r = admin.get(path)
        expect(r.status == 200 and r.headers.get("Content-Type", "").startswith(
            "application/vnd.openxmlformats-officedocument.spreadsheetml"), f"{path}: {r.status}")
        z = zipfile.ZipFile(io.BytesIO(r.body))
        text = z.read("xl/sharedStrings.xml").decode()
        expect(title in text and "（演示）" in text, f"{path}: content")
    # A formula-looking name is exported as text, not as a formula.
    pa = api.as_user("parkadmin")
    r = pa.post(f"/api/v1/parks/{pid}/risk-items", {"kind": "store", "name": "=HYPERLINK(\"x\")",
                                                    "contact_phone": "+86 1"})
    expect(r.status == 201, f"store: {r.status}")
    body = admin.get(f"/api/v1/parks/{pid}/risk-items.xlsx?kind=store").body
    z = zipfile.ZipFile(io.BytesIO(body))
    sheet = z.read("xl/worksheets/sheet1.xml").decode()
    expect("<f>" not in sheet, "no formula cells")
    expect("'=HYPERLINK" in z.read("xl/sharedStrings.xml").decode(), "leading = neutralised")
    expect(pa.delete(f"/api/v1/risk-items/{r.json()['id']}").status == 204, "cleanup")
    # Other park's admin: 404 (the park gate).
    expect(api.anon().get(f"/api/v1/parks/{pid}/risk-profiles.xlsx").status == 401, "anonymous")
