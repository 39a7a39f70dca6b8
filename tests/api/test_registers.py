"""Registers departments keep (issue 11 item 7): the plan's default assignment, each grant and each
refusal, a park's own assignment (audited), and what a department still may not do."""
import time


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def demo_park(api):
    parks = api.as_user("admin").get("/api/v1/parks").json()["items"]
    return [p for p in parks if p["name"] == "华亭工业园区"][0]["id"]


def user(api, username, unit):
    if username not in api.sessions:
        r = api.as_user("admin").post("/api/v1/users", {"username": username, "password": "Reg@2023test",
                                                         "role": "department", "unit": unit})
        expect(r.status in (201, 409), f"create {username}: {r.status} {r.body[:200]!r}")
    return api.as_user(username, "Reg@2023test")


def reserve_project(park, name):
    return {"park_id": park, "name": name, "kind": "new", "stage": "reserve", "total_investment": 5000}


def test_plan_assignment_is_the_default(api):
    park = demo_park(api)
    r = api.as_user("leader").get(f"/api/v1/parks/{park}/registers")
    expect(r.status == 200, f"registers: {r.status} {r.body[:200]!r}")
    regs = {i["register"]: i for i in r.json()["items"]}
    want = {"reserve_projects": "工信局", "scale_pools": "工信局", "tech_pools": "科技局",
            "parcels": "自然资源局", "crm": "招商服务中心"}
    for code, unit in want.items():
        expect([u["name"] for u in regs[code]["units"]] == [unit], f"{code} kept by {unit}: {regs[code]['units']}")
        expect(regs[code]["is_default"] is True and regs[code]["plan_tasks"], f"{code} default with plan tasks")
    expect(api.as_user("qiye").get(f"/api/v1/parks/{park}/registers").status == 403, "enterprise refused")


def test_gongxinju_creates_reserve_projects_but_cannot_approve_months(api):
    park = demo_park(api)
    gxj = api.as_user("gxj")
    r = gxj.post("/api/v1/projects", reserve_project(park, f"工信局储备项目{time.time_ns() % 10**6}"))
    expect(r.status == 201, f"工信局 creates a reserve project: {r.status} {r.body[:300]!r}")
    p = r.json()
    expect(p["stage"] == "reserve", f"stage {p['stage']}")
    # It keeps it while it is a reserve project.
    r = gxj.patch(f"/api/v1/projects/{p['id']}", {"note": "论证中"})
    expect(r.status == 200, f"keeper edits its reserve project: {r.status} {r.body[:200]!r}")
    # Only reserve projects: a signed project is the park's.
    body = dict(reserve_project(park, "工信局签约项目"), stage="signed", actual={"signed": "2023-03-01"})
    expect(gxj.post("/api/v1/projects", body).status == 403, "department cannot create a signed project")
    # Another department does not keep reserve projects.
    expect(api.as_user("zsfw").post("/api/v1/projects", reserve_project(park, "招商储备")).status == 403,
           "招商服务中心 cannot create reserve projects")
    expect(api.as_user("leader").post("/api/v1/projects", reserve_project(park, "领导")).status == 403, "leader 403")
    # A park it does not serve: 422 naming park_id (the park is invisible), nothing written.
    other = api.as_user("admin").post("/api/v1/parks", {"name": f"登记测试他园{time.time_ns() % 10**6}"}).json()["id"]
    r = gxj.post("/api/v1/projects", reserve_project(other, "他园储备"))
    expect(r.status in (403, 404, 422), f"other park refused: {r.status}")
    # Still no approving of a monitoring month.
    r = gxj.post(f"/api/v1/parks/{park}/monitoring/months/2023-06/approve", {})
    expect(r.status == 403, f"工信局 cannot approve a monitoring month: {r.status}")


def test_pool_keepers(api):
    park = demo_park(api)
    pa = api.as_user("parkadmin")
    pools = {p["code"]: p for p in pa.get(f"/api/v1/parks/{park}/cultivation").json()["pools"]}
    reserve = [c["enterprise_id"] for c in pools["reserve"]["candidates"]]
    expect(len(reserve) >= 1, "demo has 小升规 candidates")
    expect(api.as_user("zsfw").post(f"/api/v1/parks/{park}/cultivation/reserve/members",
                                    {"enterprise_id": reserve[-1]}).status == 403, "招商服务中心 does not keep pools")
    r = api.as_user("gxj").post(f"/api/v1/parks/{park}/cultivation/reserve/members", {"enterprise_id": reserve[-1]})
    expect(r.status == 201, f"工信局 keeps the 入规后备库: {r.status} {r.body[:200]!r}")
    if pools.get("high_tech", {}).get("candidates"):
        cand = pools["high_tech"]["candidates"][0]["enterprise_id"]
        expect(api.as_user("gxj").post(f"/api/v1/parks/{park}/cultivation/high_tech/members",
                                       {"enterprise_id": cand}).status == 403, "工信局 does not keep the high-tech pool")
        r = user(api, "reg_kjj", "科技局").post(f"/api/v1/parks/{park}/cultivation/high_tech/members",
                                               {"enterprise_id": cand})
        expect(r.status == 201, f"科技局 keeps the high-tech pool: {r.status} {r.body[:200]!r}")


def test_crm_and_parcel_keepers(api):
    park = demo_park(api)
    r = api.as_user("zsfw").post("/api/v1/investors", {"park_id": park, "name": "登记测试客商（演示）"})
    expect(r.status == 201, f"招商服务中心 keeps the CRM: {r.status}")
    expect(api.as_user("gxj").post("/api/v1/investors", {"park_id": park, "name": "工信局客商"}).status == 403,
           "工信局 does not keep the CRM")
    zr = user(api, "reg_zrzy", "自然资源局")
    code = f"REG-{time.time_ns() % 10**8}"
    r = zr.post(f"/api/v1/parks/{park}/parcels", {"code": code, "area_mu": 12})
    expect(r.status == 201, f"自然资源局 keeps parcels: {r.status} {r.body[:200]!r}")
    pid = r.json()["id"]
    expect(zr.patch(f"/api/v1/parcels/{pid}", {"name": "登记测试地块"}).status == 200, "自然资源局 edits")
    expect(zr.delete(f"/api/v1/parcels/{pid}").status == 403, "deleting stays with park staff")
    expect(api.as_user("gxj").post(f"/api/v1/parks/{park}/parcels", {"code": code + "X", "area_mu": 1}).status == 403,
           "工信局 does not keep parcels")
    # The operating company is a unit users can belong to; it keeps nothing by default.
    hd = user(api, "reg_hdjx", "弘达聚鑫基础产业投资集团")
    expect(hd.get(f"/api/v1/parks/{park}/registers").status == 200, "company user reads")
    expect(hd.post("/api/v1/investors", {"park_id": park, "name": "公司客商"}).status == 403, "company keeps no CRM")


def test_park_reassigns_a_register(api):
    admin = api.as_user("admin")
    name = f"登记分配园区{time.time_ns() % 10**6}"
    park = admin.post("/api/v1/parks", {"name": name}).json()["id"]
    units = {u["name"]: u["id"] for u in admin.get("/api/v1/units").json()["items"]}
    url = f"/api/v1/parks/{park}/registers"
    # Refusals and bad input: nothing written.
    expect(api.as_user("gxj").put(url, {"registers": {"crm": [units["工信局"]]}}).status in (403, 404), "dept refused")
    expect(api.as_user("leader").put(url, {"registers": {"crm": []}}).status == 403, "leader refused")
    for body, field in [({"registers": {"nope": []}}, "registers.nope"),
                        ({"registers": {"crm": ["x"]}}, "registers.crm"),
                        ({"registers": {"crm": [99999999]}}, "registers.crm"),
                        ({"registers": {"crm": [units["工业园区"]]}}, "registers.crm"),
                        ({"registers": {"crm": [units["工信局"]]}}, "registers.crm"),  # does not serve this park
                        ({}, "registers")]:
        r = admin.put(url, body)
        expect(r.status == 422, f"{body}: {r.status}")
        expect(field in [d["field"] for d in r.json()["error"]["details"]], f"{body}: names {field}: {r.body[:200]!r}")
    regs = {i["register"]: i for i in admin.get(url).json()["items"]}
    expect(regs["crm"]["is_default"], "nothing written")
    # On the demo park: give the CRM to 工信局 as well, then back.
    demo = demo_park(api)
    url = f"/api/v1/parks/{demo}/registers"
    pa = api.as_user("parkadmin")
    r = pa.put(url, {"registers": {"crm": [units["招商服务中心"], units["工信局"]]}})
    expect(r.status == 200, f"reassign: {r.status} {r.body[:200]!r}")
    crm = {i["register"]: i for i in r.json()["items"]}["crm"]
    expect(not crm["is_default"] and len(crm["units"]) == 2, f"crm: {crm}")
    expect(api.as_user("gxj").post("/api/v1/investors", {"park_id": demo, "name": "工信局受托客商（演示）"}).status == 201,
           "工信局 now keeps the CRM too")
    audit = admin.get("/api/v1/audit?entity=park_registers").json()["items"]
    expect(any(a["entity"] == "park_registers" for a in audit), f"audited: {audit[:2]}")
    r = pa.put(url, {"registers": {"crm": [units["招商服务中心"]]}})
    expect(r.status == 200, "back to the plan's keeper")
    expect(api.as_user("gxj").post("/api/v1/investors", {"park_id": demo, "name": "x"}).status == 403, "and refused again")
