"""Land (issue 6): parcels with GeoJSON boundaries, import, 标准地 contracts, the five kinds of
inefficient land at their boundary dates, rules, disposal records, and who may do what."""

KINDS = ["approved_not_supplied", "supplied_not_used", "used_not_fully", "built_not_producing",
         "producing_below_standard"]


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def square(x=500000, y=3800000, size=100):
    return {"type": "Polygon", "coordinates": [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]}


def demo_park(api):
    parks = api.as_user("admin").get("/api/v1/parks").json()["items"]
    top = [p for p in parks if p["parent_id"] is None and p["name"] == "华亭工业园区"][0]
    subs = [p for p in parks if p["parent_id"] == top["id"]]
    return top["id"], [p["id"] for p in subs]


def user(api, username, **fields):
    """Creates (once) and logs in a user with the given role fields."""
    if username not in api.sessions:
        body = {"username": username, "password": "Land@2023test"}
        body.update(fields)
        r = api.as_user("admin").post("/api/v1/users", body)
        expect(r.status in (201, 409), f"create {username}: {r.status} {r.body[:200]!r}")
    return api.as_user(username, "Land@2023test")


def enterprise_user(api):
    park, _ = demo_park(api)
    return user(api, "land_qiye", role="enterprise", park_id=park, enterprise_id=1)


def zrzy_user(api):
    return user(api, "land_zrzy", role="department", unit="自然资源局")


def own_park(api, name):
    """A park only the sysadmin sees (so the demo data does not interfere)."""
    r = api.as_user("admin").post("/api/v1/parks", {"name": name})
    expect(r.status == 201, f"create park: {r.status} {r.body!r}")
    return r.json()["id"]


def test_land_parcel_crud_geometry_and_refusals(api):
    park, subs = demo_park(api)
    pa = api.as_user("parkadmin")
    # The holder must be an enterprise of the park (docs/security.md): take one of the demo park's.
    holder = pa.get("/api/v1/enterprises?page_size=1").json()["items"][0]["id"]
    body = {"code": "T-CRUD-01", "name": "测试地块", "park_id": subs[0], "land_use": "工业用地", "crs": "projected",
            "geometry": square(), "approved": "2020-01-10", "supplied": "2020-06-01", "supply_kind": "出让",
            "agreed_start": "2020-12-01", "holder_enterprise_id": holder, "project_id": 5}
    r = pa.post(f"/api/v1/parks/{park}/parcels", body)
    expect(r.status == 201, f"create: {r.status} {r.body[:400]!r}")
    p = r.json()
    expect(abs(p["area_mu"] - 15.0) < 1e-6, f"area from the boundary: {p['area_mu']}")
    expect(abs(p["geometry_area_m2"] - 10000) < 1e-6, "computed area")
    expect(p["area_check"]["within_tolerance"] is True, "area check")
    expect(p["park_id"] == subs[0] and p["supply_kind"] == "transfer" and p["holder_enterprise_id"] == holder, "fields")
    expect(p["geometry"]["type"] == "Polygon", "geometry returned")
    pid = p["id"]
    # The recorded area is compared with the boundary's.
    r = pa.patch(f"/api/v1/parcels/{pid}", {"area_mu": 16.0, "reason": "复测"})
    expect(r.status == 200, f"patch: {r.status} {r.body[:300]!r}")
    chk = r.json()["area_check"]
    expect(chk["within_tolerance"] is False and abs(chk["difference_m2"] - (10000 - 16 * 10000 / 15)) < 1e-6,
           f"area check after patch: {chk}")
    # Bad rings: 422 naming the ring and the point.
    bowtie = {"type": "Polygon", "coordinates": [[[0, 0], [100, 100], [100, 0], [0, 100], [0, 0]]]}
    r = pa.patch(f"/api/v1/parcels/{pid}", {"geometry": bowtie, "crs": "projected"})
    expect(r.status == 422, f"self-intersection: {r.status}")
    fields = [d["field"] for d in r.json()["error"]["details"]]
    expect(any(f.startswith("geometry.coordinates[0][") for f in fields), f"names the point: {fields}")
    expect("自相交" in r.body.decode(), f"says self-intersection: {r.body.decode()[:300]}")
    unclosed = {"type": "Polygon", "coordinates": [[[0, 0], [100, 0], [100, 100], [0, 100]]]}
    r = pa.patch(f"/api/v1/parcels/{pid}", {"geometry": unclosed, "crs": "projected"})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"].startswith("geometry.coordinates[0]"),
           f"unclosed: {r.status} {r.body[:300]!r}")
    r = pa.patch(f"/api/v1/parcels/{pid}", {"geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, "x"]]]}})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "geometry.coordinates[0][1]",
           f"bad point: {r.body[:300]!r}")
    r = pa.patch(f"/api/v1/parcels/{pid}", {"geometry": {"type": "Point", "coordinates": [1, 2]}})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "geometry.type", "Point refused")
    r = pa.patch(f"/api/v1/parcels/{pid}", {"actual_start": "2019-01-01"})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "actual_start", f"date order: {r.body[:300]!r}")
    # Lists with filters.
    lst = pa.get(f"/api/v1/parks/{park}/parcels?q=T-CRUD&page_size=5").json()
    expect(lst["total"] == 1 and lst["items"][0]["id"] == pid and "geometry" not in lst["items"][0], f"list: {lst}")
    lst = pa.get(f"/api/v1/parks/{park}/parcels?sub_park_id={subs[0]}&stage=supplied&q=T-CRUD").json()
    expect(lst["total"] == 1, f"stage filter: {lst['total']}")
    lst = pa.get(f"/api/v1/parks/{park}/parcels?sub_park_id={subs[1]}&q=T-CRUD").json()
    expect(lst["total"] == 0, "other sub-park filter")
    expect(pa.get(f"/api/v1/parks/{park}/parcels?stage=bogus").status == 422, "bad stage 422")
    expect(pa.get(f"/api/v1/parks/{park}/parcels?date=2023-13-01").status == 422, "bad date 422")
    # Duplicate code 409, missing code 422.
    r = pa.post(f"/api/v1/parks/{park}/parcels", dict(body, geometry=square(600000)))
    expect(r.status == 409 and r.json()["error"]["details"][0]["field"] == "code", f"dup: {r.status}")
    r = pa.post(f"/api/v1/parks/{park}/parcels", {"name": "无编号", "area_mu": 3})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "code", "missing code")
    r = pa.post(f"/api/v1/parks/{park}/parcels", {"code": "T-NOAREA"})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "area_mu", "missing area")
    # Who may do what.
    # 自然资源局 keeps the parcels register (plan task 16; test_registers.py); other departments read.
    dept, leader, ent = api.as_user("gxj"), api.as_user("leader"), enterprise_user(api)
    expect(zrzy_user(api).get(f"/api/v1/parcels/{pid}").status == 200, "department reads")
    expect(dept.get(f"/api/v1/parcels/{pid}").status == 200, "department reads")
    expect(leader.get(f"/api/v1/parks/{park}/parcels").status == 200, "leader reads")
    for who, name in [(dept, "department"), (leader, "leader")]:
        expect(who.patch(f"/api/v1/parcels/{pid}", {"name": "x"}).status == 403, f"{name} cannot patch")
        expect(who.post(f"/api/v1/parks/{park}/parcels", {"code": "X", "area_mu": 1}).status == 403, f"{name} cannot create")
        expect(who.delete(f"/api/v1/parcels/{pid}").status == 403, f"{name} cannot delete")
    expect(ent.get(f"/api/v1/parcels/{pid}").status == 403, "enterprise refused")
    expect(ent.get(f"/api/v1/parks/{park}/parcels").status == 403, "enterprise list refused")
    other = own_park(api, "土地测试-他园")
    admin = api.as_user("admin")
    r = admin.post(f"/api/v1/parks/{other}/parcels", {"code": "OTHER-1", "area_mu": 10})
    expect(r.status == 201, f"admin creates in other park: {r.status} {r.body[:200]!r}")
    oid = r.json()["id"]
    expect(pa.get(f"/api/v1/parcels/{oid}").status == 404, "other park's parcel is 404")
    expect(pa.patch(f"/api/v1/parcels/{oid}", {"name": "x"}).status == 404, "other park's parcel patch is 404")
    expect(pa.get(f"/api/v1/parks/{other}/parcels").status == 404, "other park's list is 404")
    expect(pa.post(f"/api/v1/parks/{park}/parcels", {"code": "MOVE", "area_mu": 1, "park_id": other}).status == 422,
           "a parcel cannot be put into another park")
    # The map has the parcel with its boundary; delete removes it.
    fc = pa.get(f"/api/v1/parks/{park}/land-map").json()
    expect(fc["type"] == "FeatureCollection" and any(f["id"] == pid for f in fc["features"]), "map feature")
    expect(fc["crs"] == "projected" and fc["skipped"] == 0, f"one coordinate system: {fc['crs']} {fc['skipped']}")
    feat = [f for f in fc["features"] if f["id"] == pid][0]
    expect(feat["geometry"]["type"] == "Polygon" and "geometry" not in feat["properties"], "geometry outside properties")
    expect(pa.delete(f"/api/v1/parcels/{pid}?reason=%E5%A4%8D%E6%9F%A5").status == 204, "delete")
    expect(pa.get(f"/api/v1/parcels/{pid}").status == 404, "gone")
    audit = admin.get(f"/api/v1/audit?entity=land_parcel&entity_id={pid}").json()["items"]
    expect({a["action"] for a in audit} >= {"create", "update", "delete"}, f"audited: {[a['action'] for a in audit]}")


def test_land_geojson_import_all_or_nothing(api):
    park, subs = demo_park(api)
    pa = api.as_user("parkadmin")
    fc = {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "EPSG:4547"}}, "features": [
        {"type": "Feature", "properties": {"地块编号": "IMP-01", "名称": "导入一", "用地性质": "工业用地"},
         "geometry": square(700000)},
        {"type": "Feature", "properties": {"code": "IMP-02", "sub_park": "电力能源园", "approved": "2022-01-01"},
         "geometry": square(700200)},
        {"type": "Feature", "properties": {"code": "IMP-03"},
         "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [10, 10], [10, 0], [0, 10], [0, 0]]]}},
        {"type": "Feature", "properties": {"code": "IMP-01"}, "geometry": square(700400)},
        {"type": "Feature", "properties": {"code": "IMP-05", "approved": "2022-02-30"}, "geometry": square(700600)},
    ]}
    r = pa.post(f"/api/v1/parks/{park}/parcels/import", fc)
    expect(r.status == 422, f"bad file: {r.status} {r.body[:300]!r}")
    fields = [d["field"] for d in r.json()["error"]["details"]]
    expect(any(f.startswith("features[2].geometry.coordinates[0][") for f in fields), f"bad ring named: {fields}")
    expect("features[3].properties.code" in fields, f"duplicate code named: {fields}")
    expect("features[4].properties.approved" in fields, f"bad date named: {fields}")
    expect(pa.get(f"/api/v1/parks/{park}/parcels?q=IMP-").json()["total"] == 0, "nothing imported")
    fc["features"] = fc["features"][:2]
    r = pa.post(f"/api/v1/parks/{park}/parcels/import", fc)
    expect(r.status == 200 and r.json()["created"] == 2, f"import: {r.status} {r.body[:300]!r}")
    items = r.json()["items"]
    expect(items[0]["code"] == "IMP-01" and items[0]["name"] == "导入一" and items[0]["crs"] == "projected", "aliases")
    expect(items[1]["park_id"] == subs[1], f"sub-park by name: {items[1]['park_id']} vs {subs}")
    # Re-importing updates the boundary of an existing code.
    fc["features"] = [{"type": "Feature", "properties": {"code": "IMP-01"}, "geometry": square(700000, size=200)}]
    r = pa.post(f"/api/v1/parks/{park}/parcels/import", fc)
    expect(r.status == 200 and r.json()["updated"] == 1, f"re-import: {r.body[:300]!r}")
    expect(abs(r.json()["items"][0]["geometry_area_m2"] - 40000) < 1e-6, "new boundary measured")
    expect(pa.post(f"/api/v1/parks/{park}/parcels/import", {"type": "Feature"}).status == 422, "not a collection")
    expect(zrzy_user(api).post(f"/api/v1/parks/{park}/parcels/import", fc).status == 403, "department cannot import")
    expect(api.as_user("leader").post(f"/api/v1/parks/{park}/parcels/import", fc).status == 403, "leader cannot import")


def test_land_contract_crud_and_check(api):
    park, subs = demo_park(api)
    pa = api.as_user("parkadmin")
    r = pa.post(f"/api/v1/parks/{park}/parcels", {
        "code": "T-CON-01", "park_id": subs[2], "area_mu": 30, "approved": "2019-01-01", "supplied": "2019-06-01",
        "supply_kind": "transfer", "actual_start": "2019-10-01", "completed": "2020-10-01", "production": "2021-01-01",
        "invested": 9000, "floor_area_m2": 24000})
    expect(r.status == 201, f"parcel: {r.body[:300]!r}")
    pid = r.json()["id"]
    expect(pa.get(f"/api/v1/parcels/{pid}/contract").status == 404, "no contract yet")
    body = {"contract_no": "HT-2019-01", "signed_on": "2019-06-01", "agreed_start": "2019-09-30",
            "agreed_completion": "2020-12-31", "agreed_production": "2021-03-31", "production_check": "2023-06-30",
            "checked_on": "2023-07-10",
            "indicators": [{"code": "investment_intensity", "agreed": 300},
                           {"code": "floor_area_ratio", "agreed": 1.0},
                           {"code": "tax_per_mu", "agreed": 15, "actual": 12.5}]}
    r = pa.put(f"/api/v1/parcels/{pid}/contract", body)
    expect(r.status == 200, f"put contract: {r.status} {r.body[:400]!r}")
    c = r.json()
    by = {i["code"]: i for i in c["indicators"]}
    expect(by["investment_intensity"]["passed"] is True and by["investment_intensity"]["computed"] is True,
           f"computed 300 万元/亩 passes: {by['investment_intensity']}")
    expect(abs(by["floor_area_ratio"]["actual_used"] - 1.2) < 1e-9 and by["floor_area_ratio"]["passed"] is True, "FAR")
    expect(by["tax_per_mu"]["passed"] is False, "tax below agreed fails")
    expect(c["status"] == "failed" and c["check"]["failed"] == 1, f"status: {c['status']}")
    expect(c["agreed_production"] == "2021-03-31", "deadline written to the parcel")
    expect(pa.get(f"/api/v1/parcels/{pid}").json()["standard_status"] == "failed", "parcel shows it")
    bad = dict(body, indicators=[{"code": "labour_productivity", "agreed": 1}, {"code": "nope", "agreed": 1},
                                 {"code": "tax_per_mu", "agreed": -1}])
    r = pa.put(f"/api/v1/parcels/{pid}/contract", bad)
    expect(r.status == 422, f"bad indicators: {r.status}")
    fields = {d["field"] for d in r.json()["error"]["details"]}
    expect({"indicators[1].code"} <= fields, f"unknown code named: {fields}")
    r = pa.put(f"/api/v1/parcels/{pid}/contract", dict(body, production_check="2021-01-01"))
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "production_check", "check before production")
    r = pa.put(f"/api/v1/parcels/{pid}/contract", dict(body, indicators=[{"code": "labour_productivity", "agreed": 1}]))
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "indicators[0].code", "not a 标准地 indicator")
    dept, leader = zrzy_user(api), api.as_user("leader")
    lst = dept.get(f"/api/v1/parks/{park}/land-contracts?date=2023-12-31").json()
    mine = [c for c in lst["items"] if c["parcel_id"] == pid]
    expect(len(mine) == 1 and mine[0]["status"] == "failed" and mine[0]["parcel_code"] == "T-CON-01", f"list: {mine}")
    expect(any(c["parcel_code"] == "HT-MH-01-DEMO" and c["status"] == "passed" for c in lst["items"]), "demo contract")
    expect(dept.get(f"/api/v1/parks/{park}/land-contracts?date=x").status == 422, "bad date")
    expect(enterprise_user(api).get(f"/api/v1/parks/{park}/land-contracts").status == 403, "enterprise refused")
    expect(dept.get(f"/api/v1/parcels/{pid}/contract").status == 200, "department reads the contract")
    expect(api.as_user("gxj").put(f"/api/v1/parcels/{pid}/contract", body).status == 403,
           "a department not keeping parcels cannot write")
    expect(leader.put(f"/api/v1/parcels/{pid}/contract", body).status == 403, "leader cannot write")
    expect(enterprise_user(api).get(f"/api/v1/parcels/{pid}/contract").status == 403, "enterprise refused")
    expect(leader.delete(f"/api/v1/parcels/{pid}/contract").status == 403, "leader cannot delete")
    expect(pa.delete(f"/api/v1/parcels/{pid}/contract").status == 204, "delete")
    expect(pa.get(f"/api/v1/parcels/{pid}/contract").status == 404, "deleted")
    expect(pa.delete(f"/api/v1/parcels/{pid}/contract").status == 404, "delete again 404")


def inefficient(s, park, date, kind=None):
    q = f"/api/v1/parks/{park}/inefficient-land?date={date}" + (f"&kind={kind}" if kind else "")
    r = s.get(q)
    expect(r.status == 200, f"{q}: {r.status} {r.body[:300]!r}")
    return r.json()


def kinds_of(report, parcel_id):
    return {i["kind"] for i in report["items"] if i["parcel_id"] == parcel_id}


def test_land_each_inefficiency_kind_at_its_boundary_date(api):
    admin = api.as_user("admin")
    park = own_park(api, "土地测试-边界日期")

    def mk(code, **f):
        body = {"code": code, "area_mu": 10}
        body.update(f)
        r = admin.post(f"/api/v1/parks/{park}/parcels", body)
        expect(r.status == 201, f"{code}: {r.status} {r.body[:300]!r}")
        return r.json()["id"]

    sup = {"approved": "2020-01-01", "supplied": "2020-06-01", "supply_kind": "transfer"}
    ans = mk("B-ANS", approved="2021-12-31")                                    # due 2023-12-31
    snu = mk("B-SNU", agreed_start="2022-12-31", **sup)                          # idle from 2023-12-31
    halted = mk("B-HALT", agreed_start="2020-09-01", actual_start="2020-10-01", halted_since="2022-12-31",
                developed_area_m2=1000, **sup)                                   # halted a full year 2023-12-31
    unf = mk("B-UNF", actual_start="2021-01-01", completed="2023-12-31", agreed_production="2024-06-30",
             footprint_m2=1000, **sup)                                           # coverage 15% once completed
    bnp = mk("B-BNP", actual_start="2021-01-01", completed="2023-01-01", agreed_production="2023-12-30",
             footprint_m2=4000, **sup)                                           # missed from 2023-12-31
    pbs = mk("B-PBS", actual_start="2021-01-01", completed="2022-01-01", production="2022-06-01",
             footprint_m2=4000, **sup)
    r = admin.put(f"/api/v1/parcels/{pbs}/contract", {"production_check": "2023-12-31", "checked_on": "2023-12-31",
                                                      "indicators": [{"code": "tax_per_mu", "agreed": 15, "actual": 9}]})
    expect(r.status == 200, f"pbs contract: {r.status} {r.body[:300]!r}")
    before = inefficient(admin, park, "2023-12-30")
    at = inefficient(admin, park, "2023-12-31")
    for pid, kind in [(ans, "approved_not_supplied"), (snu, "supplied_not_used"), (halted, "supplied_not_used"),
                      (unf, "used_not_fully"), (bnp, "built_not_producing"), (pbs, "producing_below_standard")]:
        expect(kind not in kinds_of(before, pid), f"{kind} not yet on 2023-12-30 (parcel {pid})")
        expect(kind in kinds_of(at, pid), f"{kind} on 2023-12-31 (parcel {pid}): {at['items']}")
    expect(set(at["totals_mu"]) == set(KINDS), f"totals keys: {at['totals_mu']}")
    expect(at["totals_mu"]["supplied_not_used"] == 20 and at["totals_mu"]["approved_not_supplied"] == 10,
           f"totals: {at['totals_mu']}")
    expect(before["totals_mu"]["approved_not_supplied"] == 0, "zero totals are present")
    item = [i for i in at["items"] if i["parcel_id"] == snu][0]
    expect(item["area_mu"] == 10 and item["reasons"] and item["facts"]["agreed_start"] == "2022-12-31", f"item: {item}")
    expect([c["code"] for c in item["consequences"]] == ["idle_fee", "reclaim"], "consequences listed")
    expect(item["consequences"][0]["from"] == "2023-12-31" and item["consequences"][0]["reached"] is True, "idle fee")
    only = inefficient(admin, park, "2023-12-31", "used_not_fully")
    expect({i["kind"] for i in only["items"]} == {"used_not_fully"}, "kind filter")
    expect(admin.get(f"/api/v1/parks/{park}/inefficient-land?date=2023-02-30").status == 422, "bad date")
    expect(admin.get(f"/api/v1/parks/{park}/inefficient-land?kind=idle").status == 422, "bad kind")
    expect(api.as_user("parkadmin").get(f"/api/v1/parks/{park}/inefficient-land").status == 404, "other park 404")
    expect(enterprise_user(api).get(f"/api/v1/parks/{park}/inefficient-land").status == 403, "enterprise 403")
    demo, _ = demo_park(api)
    expect(api.as_user("leader").get(f"/api/v1/parks/{demo}/inefficient-land?date=2023-12-31").status == 200,
           "leader reads")
    expect(zrzy_user(api).get(f"/api/v1/parks/{demo}/inefficient-land?date=2023-12-31").status == 200,
           "自然资源局 reads its park")
    # Rules are settings: three years for 批而未供 moves the boundary.
    r = admin.put(f"/api/v1/parks/{park}/inefficiency-rules", {"approved_not_supplied_years": 3})
    expect(r.status == 200 and r.json()["approved_not_supplied_years"] == 3, f"rules: {r.status} {r.body[:200]!r}")
    expect("approved_not_supplied" not in kinds_of(inefficient(admin, park, "2023-12-31"), ans), "rule applied")
    expect(admin.put(f"/api/v1/parks/{park}/inefficiency-rules", {"approved_not_supplied_years": 0}).status == 422,
           "0 years refused")
    r = admin.put(f"/api/v1/parks/{park}/inefficiency-rules", {"min_invested_share": 2})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "min_invested_share", "share > 1 refused")
    expect(api.as_user("leader").put(f"/api/v1/parks/{demo}/inefficiency-rules", {"halted_years": 2}).status == 403,
           "leader cannot set rules")


def test_land_demo_park_has_every_kind(api):
    park, _ = demo_park(api)
    rep = inefficient(api.as_user("parkadmin"), park, "2023-12-31")
    expect({i["kind"] for i in rep["items"]} == set(KINDS), f"demo kinds: {[i['kind'] for i in rep['items']]}")
    expect(all(i["reasons"] for i in rep["items"]), "every item has reasons")
    expect(any(i["disposals"] for i in rep["items"]), "demo disposal records shown with their items")
    lst = api.as_user("gxj").get(f"/api/v1/parks/{park}/parcels?q=DEMO&page_size=100").json()
    expect(lst["total"] >= 20, f"about twenty demo parcels: {lst['total']}")


def test_land_disposal_crud_and_refusals(api):
    park, _ = demo_park(api)
    pa = api.as_user("parkadmin")
    pid = pa.get(f"/api/v1/parks/{park}/parcels?q=HT-MH-04-DEMO").json()["items"][0]["id"]
    r = pa.post(f"/api/v1/parks/{park}/land-disposals", {"parcel_id": pid, "kind": "supplied_not_used",
                                                          "method": "reclaim", "unit": "自然资源局",
                                                          "deadline": "2025-06-30"})
    expect(r.status == 201 and r.json()["status"] == "planned", f"create: {r.status} {r.body[:300]!r}")
    did = r.json()["id"]
    r = pa.post(f"/api/v1/parks/{park}/land-disposals", {"parcel_id": pid, "kind": "idle", "method": "sell"})
    expect(r.status == 422 and {d["field"] for d in r.json()["error"]["details"]} == {"kind", "method"},
           f"bad kind/method: {r.body[:300]!r}")
    r = pa.post(f"/api/v1/parks/{park}/land-disposals", {"kind": "supplied_not_used", "method": "reclaim"})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "parcel_id", "parcel required")
    r = pa.patch(f"/api/v1/land-disposals/{did}", {"audited": True})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "audited", "audit needs completion")
    r = pa.patch(f"/api/v1/land-disposals/{did}", {"status": "completed", "completed_on": "2025-05-01", "audited": True})
    expect(r.status == 200 and r.json()["audited"] is True and r.json()["audited_by"] == "parkadmin",
           f"complete + audit: {r.body[:300]!r}")
    lst = pa.get(f"/api/v1/parks/{park}/land-disposals?parcel_id={pid}").json()
    expect(any(d["id"] == did for d in lst["items"]), "listed")
    expect(pa.get(f"/api/v1/parks/{park}/land-disposals?status=done").status == 422, "bad status filter")
    dept, leader, ent = zrzy_user(api), api.as_user("leader"), enterprise_user(api)
    expect(dept.get(f"/api/v1/land-disposals/{did}").status == 200, "department reads")
    expect(dept.patch(f"/api/v1/land-disposals/{did}", {"status": "planned"}).status == 403, "department cannot write")
    expect(leader.post(f"/api/v1/parks/{park}/land-disposals", {"parcel_id": pid}).status == 403, "leader cannot write")
    expect(ent.get(f"/api/v1/parks/{park}/land-disposals").status == 403, "enterprise refused")
    other = own_park(api, "土地测试-处置他园")
    admin = api.as_user("admin")
    oid = admin.post(f"/api/v1/parks/{other}/parcels", {"code": "OD-1", "area_mu": 5}).json()["id"]
    od = admin.post(f"/api/v1/parks/{other}/land-disposals", {"parcel_id": oid, "kind": "used_not_fully",
                                                             "method": "rectify"}).json()["id"]
    expect(pa.get(f"/api/v1/land-disposals/{od}").status == 404, "other park's disposal 404")
    expect(pa.delete(f"/api/v1/land-disposals/{od}").status == 404, "other park's disposal delete 404")
    r = pa.post(f"/api/v1/parks/{park}/land-disposals", {"parcel_id": oid, "kind": "used_not_fully", "method": "rectify"})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "parcel_id", "parcel of another park")
    expect(pa.delete(f"/api/v1/land-disposals/{did}").status == 204, "delete")
    expect(pa.get(f"/api/v1/land-disposals/{did}").status == 404, "deleted")


def test_land_exports_xlsx_and_csv(api):
    park, _ = demo_park(api)
    gxj = api.as_user("gxj")
    r = gxj.get(f"/api/v1/parks/{park}/parcels/export?format=xlsx&kind=used_not_fully")
    expect(r.status == 200 and r.body[:2] == b"PK", f"xlsx: {r.status} {r.body[:100]!r}")
    expect("spreadsheetml" in r.headers.get("Content-Type", ""), "xlsx content type")
    expect("attachment" in r.headers.get("Content-Disposition", ""), "attachment")
    r = gxj.get(f"/api/v1/parks/{park}/parcels/export?format=csv&q=HT-MH")
    text = r.body.decode("utf-8-sig")
    expect(r.status == 200 and "地块编号" in text and text.count("HT-MH-") == 5, f"csv: {text[:300]}")
    expect(gxj.get(f"/api/v1/parks/{park}/parcels/export?format=pdf").status == 422, "bad format")
    r = api.as_user("leader").get(f"/api/v1/parks/{park}/inefficient-land/export?date=2023-12-31")
    expect(r.status == 200 and r.body[:2] == b"PK", f"inefficient xlsx: {r.status}")
    r = gxj.get(f"/api/v1/parks/{park}/inefficient-land/export?date=2023-12-31&format=csv")
    text = r.body.decode("utf-8-sig")
    expect("HT-DL-04-DEMO" in text and "批而未供" in text, f"inefficient csv: {text[:300]}")
    expect(gxj.get(f"/api/v1/parks/{park}/inefficient-land/export?date=2023-13-01").status == 422, "bad date")
    expect(enterprise_user(api).get(f"/api/v1/parks/{park}/parcels/export").status == 403, "enterprise refused")
    other = own_park(api, "土地测试-导出他园")
    expect(gxj.get(f"/api/v1/parks/{other}/inefficient-land/export").status == 404, "other park 404")
