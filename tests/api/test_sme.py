"""SME park (issue 16): the occupancy contract, leases (201, 409 on an overlapping term), tenants see
only their own leases, bills and repair tickets, the operating company's unit manages and other
departments do not, every refusal and bad input writes nothing, audit rows for writes."""
import datetime
import io
import zipfile

HDJX = ("hdjx", "Dept@2023demo")  # the operating company's demo user (department, 弘达聚鑫)


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def park_id(api):
    parks = api.as_user("admin").get("/api/v1/parks").json()["items"]
    return [p for p in parks if p["name"] == "华亭工业园区"][0]["id"]


def enterprise_id(api, name):
    r = api.as_user("admin").get("/api/v1/enterprises?page_size=500")
    return [e for e in r.json()["items"] if e["name"] == name][0]["id"]


def new_unit(api, pid, code):
    """A fresh vacant unit in the demo's 标准化厂房2号楼 (so tests do not depend on each other)."""
    co = api.as_user(*HDJX)
    b = [x for x in co.get(f"/api/v1/parks/{pid}/sme-buildings").json()["items"] if x["name"] == "标准化厂房2号楼（演示）"][0]
    r = co.post(f"/api/v1/sme-buildings/{b['id']}/units",
                {"floor": 2, "position": 9, "code": code, "area": 500, "use_kind": "factory", "rent_standard": 10})
    expect(r.status == 201, f"unit: {r.status} {r.body[:300]!r}")
    return b, r.json()


def occupancy(api, pid, building_id):
    o = api.as_user("parkadmin").get(f"/api/v1/parks/{pid}/occupancy").json()
    return o, [x for x in o["buildings"] if x["id"] == building_id][0]


def test_sme_occupancy_contract_and_lease_conflict(api):
    pid = park_id(api)
    pa = api.as_user("parkadmin")
    r = pa.get(f"/api/v1/parks/{pid}/occupancy")
    expect(r.status == 200, f"occupancy: {r.status}")
    o = r.json()
    expect(len(o["buildings"]) >= 4, "the demo's four buildings")
    for b in o["buildings"]:
        for k in ("id", "name", "area", "leased_area", "occupancy_pct"):
            expect(k in b, f"building has {k}")
        want = round(b["leased_area"] / b["area"] * 100, 2) if b["area"] else 0
        expect(abs(b["occupancy_pct"] - want) < 0.006, f"{b['name']}: {b['occupancy_pct']} vs {want}")
    total_area = sum(b["area"] for b in o["buildings"])
    total_leased = sum(b["leased_area"] for b in o["buildings"])
    expect(abs(o["occupancy_pct"] - round(total_leased / total_area * 100, 2)) < 0.006, "park occupancy")

    b, unit = new_unit(api, pid, "T-201")
    before_park, before_b = occupancy(api, pid, b["id"])
    expect(abs(before_b["area"] - (b["area"] + 500)) < 1e-6, "the new unit adds to the building's area")
    ent = enterprise_id(api, "华亭人造板有限公司（演示）")
    today = datetime.date.fromisoformat(o["as_of"])
    body = {"unit_id": unit["id"], "enterprise_id": ent, "start_on": str(today - datetime.timedelta(days=10)),
            "end_on": str(today + datetime.timedelta(days=365)), "monthly_rent": 0.5, "property_fee": 0.1,
            "deposit": 1, "free_months": 1}
    co = api.as_user(*HDJX)
    r = co.post("/api/v1/leases", body)
    expect(r.status == 201, f"lease: {r.status} {r.body[:300]!r}")
    lease = r.json()
    expect(lease["status"] == "active" and lease["unit_id"] == unit["id"], f"lease: {lease}")
    after_park, after_b = occupancy(api, pid, b["id"])
    expect(abs(after_b["leased_area"] - before_b["leased_area"] - 500) < 1e-6, "leased area grows by the unit")
    expect(after_park["occupancy_pct"] > before_park["occupancy_pct"], "park occupancy rises")

    # Overlapping terms are refused (409) and write nothing; an adjacent term is fine.
    n = len(pa.get(f"/api/v1/parks/{pid}/leases").json()["items"])
    for start, end in ((today, today + datetime.timedelta(days=30)),
                       (today - datetime.timedelta(days=400), today - datetime.timedelta(days=10))):
        r = co.post("/api/v1/leases", dict(body, start_on=str(start), end_on=str(end)))
        expect(r.status == 409, f"overlap {start}..{end}: {r.status} {r.body[:200]!r}")
    expect(len(pa.get(f"/api/v1/parks/{pid}/leases").json()["items"]) == n, "nothing written")
    later = today + datetime.timedelta(days=366)
    r = co.post("/api/v1/leases", dict(body, start_on=str(later), end_on=str(later + datetime.timedelta(days=100))))
    expect(r.status == 201 and r.json()["status"] == "upcoming", f"adjacent lease: {r.status} {r.body[:200]!r}")
    # Renewing the first into the later one's term is refused too.
    r = co.post(f"/api/v1/leases/{lease['id']}/renew", {"end_on": str(later + datetime.timedelta(days=5))})
    expect(r.status == 409, f"renew overlap: {r.status}")

    # Bad input: 422 naming the field, nothing written.
    for bad, field in (({"end_on": str(today - datetime.timedelta(days=30))}, "end_on"),
                       ({"monthly_rent": -1}, "monthly_rent"), ({"relief_pct": 120}, "relief_pct"),
                       ({"start_on": "2024-02-30"}, "start_on"), ({"enterprise_id": 999999}, "enterprise_id")):
        r = co.post("/api/v1/leases", dict(body, **bad))
        expect(r.status == 422, f"{bad}: {r.status} {r.body[:200]!r}")
        expect(any(d["field"] == field for d in r.json()["error"]["details"]), f"{bad}: names {field}")
    expect(len(pa.get(f"/api/v1/parks/{pid}/leases").json()["items"]) == n + 1, "nothing written by bad input")

    # The write is audited.
    audit = api.as_user("admin").get(f"/api/v1/audit?entity=sme_lease&entity_id={lease['id']}").json()["items"]
    expect(any(a["action"] == "create" and a["username"] == "hdjx" for a in audit), f"audit: {audit[:2]}")

    # Early end frees the unit from that day on; the unit's occupancy drops once the end has passed.
    r = co.post(f"/api/v1/leases/{lease['id']}/end", {"kind": "move_out", "ended_on": str(today - datetime.timedelta(days=1))})
    expect(r.status == 200 and r.json()["status"] == "move_out", f"end: {r.status} {r.body[:200]!r}")
    _, ended_b = occupancy(api, pid, b["id"])
    expect(abs(ended_b["leased_area"] - before_b["leased_area"]) < 1e-6, "moved out: the unit is vacant again")
    r = co.post(f"/api/v1/leases/{lease['id']}/end", {"kind": "move_out", "ended_on": str(today)})
    expect(r.status == 409, f"second end: {r.status}")


def test_sme_refusals_by_role_and_scope(api):
    pid = park_id(api)
    b, unit = new_unit(api, pid, "T-202")
    ent = enterprise_id(api, "华亭金属结构有限公司（演示）")
    body = {"unit_id": unit["id"], "enterprise_id": ent, "start_on": "2030-01-01", "end_on": "2030-12-31",
            "monthly_rent": 0.4}
    # Another department (工信局) reads the park but does not run the buildings: 403, nothing written.
    r = api.as_user("gxj").post("/api/v1/leases", body)
    expect(r.status == 403, f"gxj lease: {r.status}")
    r = api.as_user("gxj").post(f"/api/v1/sme-buildings/{b['id']}/units",
                                {"floor": 1, "code": "X-1", "area": 10, "use_kind": "office", "rent_standard": 1})
    expect(r.status == 403, f"gxj unit: {r.status}")
    # ... and sees no tenant's leases, bills or repair tickets.
    for path in ("leases", "sme-bills", "sme-repairs"):
        r = api.as_user("gxj").get(f"/api/v1/parks/{pid}/{path}")
        expect(r.status == 200 and r.json()["items"] == [], f"gxj {path}: {r.status} {r.body[:100]!r}")
    # Enterprises and leaders may not lease; leaders write nothing; enterprises do not read occupancy.
    for user, status in (("qiye", 403), ("leader", 403)):
        r = api.as_user(user).post("/api/v1/leases", body)
        expect(r.status == status, f"{user} lease: {r.status}")
    expect(api.as_user("qiye").get(f"/api/v1/parks/{pid}/occupancy").status == 403, "enterprise occupancy")
    expect(api.anon().get(f"/api/v1/parks/{pid}/occupancy").status == 401, "anonymous occupancy")
    # Another park's admin: the park is not there for it.
    other = api.as_user("admin").post("/api/v1/parks", {"name": f"他园{datetime.datetime.now().microsecond}"}).json()["id"]
    api.as_user("admin").post("/api/v1/users", {"username": f"pa{other}", "password": "Other@2023park",
                                                "role": "park_admin", "park_id": other})
    op = api.as_user(f"pa{other}", "Other@2023park")
    expect(op.get(f"/api/v1/parks/{pid}/occupancy").status == 404, "other park occupancy")
    expect(op.get(f"/api/v1/sme-buildings/{b['id']}/floor-plan").status == 404, "other park floor plan")
    r = op.post("/api/v1/leases", body)
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "unit_id", f"other park lease: {r.status}")
    expect(op.get(f"/api/v1/parks/{other}/occupancy").json()["buildings"] == [], "its own park has no buildings")
    # The park admin may lease (sysadmin and park admins manage too).
    r = api.as_user("parkadmin").post("/api/v1/leases", body)
    expect(r.status == 201, f"park admin lease: {r.status} {r.body[:200]!r}")


def test_sme_tenant_sees_only_its_own_bills_leases_and_repairs(api):
    pid = park_id(api)
    mine = enterprise_id(api, "华亭矿山机械制造有限公司（演示）")     # qiye
    theirs = enterprise_id(api, "华亭啤酒有限公司（演示）")          # qiye2
    q1, q2, co = api.as_user("qiye"), api.as_user("qiye2"), api.as_user(*HDJX)
    all_bills = co.get(f"/api/v1/parks/{pid}/sme-bills").json()["items"]
    expect({b["enterprise_id"] for b in all_bills} >= {mine, theirs}, "the operating company sees both tenants' bills")
    for s, own, other in ((q1, mine, theirs), (q2, theirs, mine)):
        bills = s.get(f"/api/v1/parks/{pid}/sme-bills").json()["items"]
        expect(bills and all(b["enterprise_id"] == own for b in bills), f"own bills only: {[b['enterprise_id'] for b in bills][:5]}")
        leases = s.get(f"/api/v1/parks/{pid}/leases").json()["items"]
        expect(leases and all(l["enterprise_id"] == own for l in leases), "own leases only")
        other_lease = [l for l in co.get(f"/api/v1/parks/{pid}/leases").json()["items"] if l["enterprise_id"] == other][0]
        expect(s.get(f"/api/v1/leases/{other_lease['id']}").status == 404, "another tenant's lease is not there")
        other_bill = [b for b in all_bills if b["enterprise_id"] == other][0]
        r = s.post(f"/api/v1/sme-bills/{other_bill['id']}/payments", {"amount": 0.01, "paid_on": "2024-01-01"})
        expect(r.status == 403, f"tenant pays: {r.status}")
        arrears = s.get(f"/api/v1/parks/{pid}/sme-arrears").json()
        expect(all(b["enterprise_id"] == own for b in arrears["bills"]), "own arrears only")
        x = s.get(f"/api/v1/parks/{pid}/leases.xlsx")
        expect(x.status == 200 and x.body[:2] == b"PK", "rent roll xlsx")
        sheet = zipfile.ZipFile(io.BytesIO(x.body)).read("xl/sharedStrings.xml").decode()
        other_name = "华亭啤酒" if own == mine else "华亭矿山机械"
        expect(other_name not in sheet, "the tenant's rent roll holds only its own lease")

    # A tenant files a repair ticket for its own unit, not for another's; the company assigns and closes.
    my_lease = [l for l in q1.get(f"/api/v1/parks/{pid}/leases").json()["items"] if l["status"] == "active"][0]
    their_lease = [l for l in q2.get(f"/api/v1/parks/{pid}/leases").json()["items"] if l["status"] == "active"][0]
    r = q1.post("/api/v1/sme-repairs", {"unit_id": their_lease["unit_id"], "title": "门坏了"})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "unit_id", f"other's unit: {r.status}")
    r = q1.post("/api/v1/sme-repairs", {"unit_id": my_lease["unit_id"], "title": "车间照明故障", "description": "三盏灯不亮"})
    expect(r.status == 201 and r.json()["status"] == "open", f"repair: {r.status} {r.body[:200]!r}")
    t = r.json()
    expect(t["id"] not in [x["id"] for x in q2.get(f"/api/v1/parks/{pid}/sme-repairs").json()["items"]],
           "another tenant does not see the ticket")
    expect(q1.post(f"/api/v1/sme-repairs/{t['id']}/close", {"result": "自己修好了"}).status == 403, "tenant closes")
    expect(q2.get(f"/api/v1/parks/{pid}/sme-repairs").status == 200, "tenant lists")
    r = co.post(f"/api/v1/sme-repairs/{t['id']}/assign", {"assignee": "电工王师傅"})
    expect(r.status == 200 and r.json()["status"] == "assigned", f"assign: {r.status}")
    r = co.post(f"/api/v1/sme-repairs/{t['id']}/close", {"result": ""})
    expect(r.status == 422, f"close without result: {r.status}")
    r = co.post(f"/api/v1/sme-repairs/{t['id']}/close", {"result": "更换灯管三支"})
    expect(r.status == 200 and r.json()["status"] == "closed" and r.json()["closed_at"], f"close: {r.status}")
    expect(co.post(f"/api/v1/sme-repairs/{t['id']}/close", {"result": "again"}).status == 409, "closed twice")


def test_sme_bills_payments_arrears_and_income(api):
    pid = park_id(api)
    co = api.as_user(*HDJX)
    ar = co.get(f"/api/v1/parks/{pid}/sme-arrears").json()
    expect(ar["total"] > 0 and ar["bills"], "the demo has arrears")
    buckets = ar["d1_30"] + ar["d31_90"] + ar["d91_180"] + ar["over_180"]
    expect(abs(buckets - ar["total"]) < 0.011, f"buckets sum to the total: {buckets} vs {ar['total']}")
    expect(abs(sum(b["owed"] for b in ar["bills"]) - ar["total"]) < 0.011, "the listed bills sum to the total")
    for b in ar["bills"]:
        d = b["days_overdue"]
        expect(d > 0, "only bills past due")
    bill = ar["bills"][0]
    before = co.get(f"/api/v1/parks/{pid}/sme-income/{ar['as_of'][:4]}").json()
    # Bad payments: 422 naming the field, nothing written.
    for bad, field in (({"amount": 0}, "amount"), ({"amount": bill["owed"] + 1}, "amount"),
                       ({"paid_on": "2099-01-01"}, "paid_on")):
        r = co.post(f"/api/v1/sme-bills/{bill['id']}/payments", dict({"amount": 0.01, "paid_on": ar["as_of"]}, **bad))
        expect(r.status == 422 and any(d["field"] == field for d in r.json()["error"]["details"]), f"{bad}: {r.status}")
    r = co.post(f"/api/v1/sme-bills/{bill['id']}/payments", {"amount": bill["owed"], "paid_on": ar["as_of"]})
    expect(r.status == 201 and abs(r.json()["owed"]) < 1e-9, f"pay: {r.status} {r.body[:200]!r}")
    after = co.get(f"/api/v1/parks/{pid}/sme-arrears").json()
    expect(abs(ar["total"] - after["total"] - bill["owed"]) < 0.011, "arrears fall by the payment")
    inc = co.get(f"/api/v1/parks/{pid}/sme-income/{ar['as_of'][:4]}").json()
    expect(abs(inc["collected"] - before["collected"] - bill["owed"]) < 0.011, "income collected grows")
    expect(api.as_user("qiye").get(f"/api/v1/parks/{pid}/sme-income/2024").status == 403, "tenants see no income")
    # Generating the current month's bills makes one per lease covering it, once.
    period = ar["as_of"][:7]
    r = co.post(f"/api/v1/parks/{pid}/sme-bills/generate", {"period": period})
    expect(r.status == 201 and r.json()["created"] > 0, f"generate: {r.status} {r.body[:200]!r}")
    r2 = co.post(f"/api/v1/parks/{pid}/sme-bills/generate", {"period": period})
    expect(r2.status == 201 and r2.json()["created"] == 0, "a second run creates nothing")
    expect(co.post(f"/api/v1/parks/{pid}/sme-bills/generate", {"period": "2024-13"}).status == 422, "bad period")
    expect(api.as_user("gxj").post(f"/api/v1/parks/{pid}/sme-bills/generate", {"period": period}).status == 403,
           "another department generates nothing")
    x = co.get(f"/api/v1/parks/{pid}/sme-bills.xlsx?period={period}")
    expect(x.status == 200 and x.body[:2] == b"PK", "bills xlsx")


def test_sme_repair_photos_reuse_the_attachment_store(api):
    pid = park_id(api)
    q1, q2, co = api.as_user("qiye"), api.as_user("qiye2"), api.as_user(*HDJX)
    lease = [l for l in q1.get(f"/api/v1/parks/{pid}/leases").json()["items"] if l["status"] == "active"][0]
    t = q1.post("/api/v1/sme-repairs", {"unit_id": lease["unit_id"], "title": "窗户玻璃破损"}).json()
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(64))
    up = lambda s, name, body: s.request("POST", f"/api/v1/sme-repairs/{t['id']}/photos?filename={name}",
                                         raw_body=body, headers={"Content-Type": "application/octet-stream"})
    r = up(q1, "window.png", png)
    expect(r.status == 201, f"upload: {r.status} {r.body[:200]!r}")
    photo = r.json()
    expect(photo["content_type"] == "image/png" and photo["size"] == len(png), f"photo: {photo}")
    for bad_name, body in (("notes.pdf", b"%PDF-1.4 x"), ("fake.png", b"GIF89a....")):
        r = up(q1, bad_name, body)
        expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "file", f"{bad_name}: {r.status}")
    expect(up(q2, "x.png", png).status == 404, "another tenant cannot upload to the ticket")
    expect(q2.get(f"/api/v1/sme-repairs/{t['id']}/photos").status == 404, "another tenant cannot list its photos")
    expect(q2.get(photo["url"]).status == 404, "another tenant cannot download the photo")
    expect(api.as_user("gxj").get(photo["url"]).status == 404, "another department cannot download the photo")
    items = co.get(f"/api/v1/sme-repairs/{t['id']}/photos").json()["items"]
    expect([p["id"] for p in items] == [photo["id"]], "the company sees the photo (and the refused uploads wrote nothing)")
    got = co.get(photo["url"])
    expect(got.status == 200 and got.body == png, "the photo comes back byte for byte")
    audit = api.as_user("admin").get(f"/api/v1/audit?entity=sme_repair_photo&entity_id={photo['id']}").json()["items"]
    expect(len(audit) == 1 and audit[0]["username"] == "qiye", f"audited: {audit}")


def test_sme_financing_needs_seen_by_the_finance_office_and_summed(api):
    pid = park_id(api)
    admin = api.as_user("admin")
    name = f"jrb{datetime.datetime.now().microsecond}"
    r = admin.post("/api/v1/users", {"username": name, "password": "Jrb@2023demo1", "role": "department",
                                     "park_id": pid, "unit": "金融办"})
    expect(r.status == 201, f"finance office user: {r.status} {r.body[:200]!r}")
    jrb, q1, q2 = api.as_user(name, "Jrb@2023demo1"), api.as_user("qiye"), api.as_user("qiye2")
    body = {"amount": 120, "term_months": 12, "purpose": "流动资金", "collateral": "factory_mortgage",
            "channel": "xinyidai"}
    r = q1.post("/api/v1/financing-needs", body)
    expect(r.status == 201 and r.json()["status"] == "open", f"post: {r.status} {r.body[:200]!r}")
    need = r.json()
    # Bad input and another enterprise's id: 422 naming the field.
    for bad, field in (({"amount": 0}, "amount"), ({"term_months": 0}, "term_months"),
                       ({"collateral": "gold"}, "collateral"),
                       ({"enterprise_id": enterprise_id(api, "华亭啤酒有限公司（演示）")}, "enterprise_id")):
        r = q1.post("/api/v1/financing-needs", dict(body, **bad))
        expect(r.status == 422 and any(d["field"] == field for d in r.json()["error"]["details"]), f"{bad}: {r.status}")
    # Who sees it: the finance office, the park admin, the enterprise; not another tenant or department.
    ids = lambda s: [n["id"] for n in s.get(f"/api/v1/parks/{pid}/financing-needs").json()["items"]]
    expect(need["id"] in ids(jrb) and need["id"] in ids(api.as_user("parkadmin")) and need["id"] in ids(q1), "seen")
    expect(need["id"] not in ids(q2), "another tenant does not see it")
    expect(ids(api.as_user("gxj")) == [], "another department sees no needs")
    # Only the finance office (and park admins) record the match and the loan.
    expect(q1.post(f"/api/v1/financing-needs/{need['id']}/status", {"status": "matched", "bank": "X", "on": "2024-01-01"}).status == 403, "tenant")
    expect(api.as_user("gxj").post(f"/api/v1/financing-needs/{need['id']}/status", {"status": "matched", "bank": "X", "on": "2024-01-01"}).status == 404, "gxj")
    before = jrb.get(f"/api/v1/parks/{pid}/financing-totals").json()
    r = jrb.post(f"/api/v1/financing-needs/{need['id']}/status", {"status": "granted", "on": "2024-01-01", "loan_amount": 100})
    expect(r.status == 422 and any(d["field"] == "bank" for d in r.json()["error"]["details"]), f"grant without bank: {r.status}")
    r = jrb.post(f"/api/v1/financing-needs/{need['id']}/status", {"status": "matched", "bank": "测试银行", "on": "2024-01-02"})
    expect(r.status == 200 and r.json()["status"] == "matched", f"match: {r.status} {r.body[:200]!r}")
    r = jrb.post(f"/api/v1/financing-needs/{need['id']}/status", {"status": "granted", "on": "2024-01-20", "loan_amount": 100})
    expect(r.status == 200 and r.json()["loan_amount"] == 100 and r.json()["bank"] == "测试银行", f"grant: {r.status}")
    expect(jrb.post(f"/api/v1/financing-needs/{need['id']}/status", {"status": "declined"}).status == 409, "closed")
    after = jrb.get(f"/api/v1/parks/{pid}/financing-totals").json()
    expect(abs(after["all"]["granted"] - before["all"]["granted"] - 100) < 1e-6, "granted total grows by the loan")
    bank = [g for g in after["by_bank"] if g["key"] == "测试银行"][0]
    expect(bank["needs"] == 1 and bank["amount"] == 120 and bank["granted"] == 100, f"by bank: {bank}")
    expect(abs(sum(g["amount"] for g in after["by_chain"]) - after["all"]["amount"]) < 0.011, "chains sum to the total")
    expect(q1.get(f"/api/v1/parks/{pid}/financing-totals").status == 403, "tenants see no park totals")
    audit = admin.get(f"/api/v1/audit?entity=sme_financing_need&entity_id={need['id']}").json()["items"]
    expect({a["action"] for a in audit} == {"create", "matched", "granted"}, f"audit: {[a['action'] for a in audit]}")


def test_sme_refurbishment_projects(api):
    pid = park_id(api)
    co, pa = api.as_user(*HDJX), api.as_user("parkadmin")
    items = pa.get(f"/api/v1/parks/{pid}/sme-refurbishments").json()["items"]
    expect(any(f["is_demo"] and f["status"] == "in_progress" for f in items), "the demo has a project under way")
    b = [x for x in co.get(f"/api/v1/parks/{pid}/sme-buildings").json()["items"] if x["kind"] == "incubator"][0]
    body = {"title": "孵化楼电梯更新", "budget": 90, "start_on": "2026-01-01", "end_on": "2026-06-30"}
    expect(api.as_user("gxj").post(f"/api/v1/sme-buildings/{b['id']}/refurbishments", body).status == 403, "gxj")
    expect(api.as_user("qiye").get(f"/api/v1/parks/{pid}/sme-refurbishments").status == 403, "tenants do not read")
    for bad, field in (({"budget": 0}, "budget"), ({"end_on": "2025-01-01"}, "end_on"), ({"progress_pct": 120}, "progress_pct")):
        r = co.post(f"/api/v1/sme-buildings/{b['id']}/refurbishments", dict(body, **bad))
        expect(r.status == 422 and any(d["field"] == field for d in r.json()["error"]["details"]), f"{bad}: {r.status}")
    r = co.post(f"/api/v1/sme-buildings/{b['id']}/refurbishments", body)
    expect(r.status == 201 and r.json()["status"] == "planned", f"create: {r.status} {r.body[:200]!r}")
    f = r.json()
    r = co.put(f"/api/v1/sme-refurbishments/{f['id']}", dict(body, status="in_progress", spent=30, progress_pct=35))
    expect(r.status == 200 and r.json()["progress_pct"] == 35 and r.json()["spent"] == 30, f"update: {r.status}")
    expect(api.as_user("gxj").put(f"/api/v1/sme-refurbishments/{f['id']}", body).status == 403, "gxj update")
    x = pa.get(f"/api/v1/parks/{pid}/sme-refurbishments.xlsx")
    expect(x.status == 200 and x.body[:2] == b"PK", "xlsx")
    audit = api.as_user("admin").get(f"/api/v1/audit?entity=sme_refurbishment&entity_id={f['id']}").json()["items"]
    expect({a["action"] for a in audit} == {"create", "update"}, f"audit: {audit}")


def test_sme_expiring_leases_graduation_unit_status_and_floor_plan(api):
    pid = park_id(api)
    co, pa = api.as_user(*HDJX), api.as_user("parkadmin")
    as_of = datetime.date.fromisoformat(pa.get(f"/api/v1/parks/{pid}/occupancy").json()["as_of"])
    expiring = co.get(f"/api/v1/parks/{pid}/expiring-leases").json()["items"]
    expect({l["expiry_window"] for l in expiring} >= {30, 60, 90}, f"the demo has all windows: {[l['expiry_window'] for l in expiring]}")
    for l in expiring:
        days = (datetime.date.fromisoformat(l["ended_on"] or l["end_on"]) - as_of).days
        want = 30 if days <= 30 else 60 if days <= 60 else 90
        expect(0 <= days <= 90 and l["expiry_window"] == want and l["status"] == "active", f"{l['enterprise']}: {days} days")
    # Graduation (毕业): only incubatees, once; the demo's graduate is there.
    leases = co.get(f"/api/v1/parks/{pid}/leases").json()["items"]
    expect(any(l["graduated_on"] and l["graduation_kind"] == "above_scale" for l in leases), "the demo's graduate")
    inc = [l for l in leases if l["incubatee"] and not l["graduated_on"]][0]
    plain = [l for l in leases if not l["incubatee"] and l["status"] == "active"][0]
    expect(co.post(f"/api/v1/leases/{plain['id']}/graduate", {"kind": "own_land", "graduated_on": str(as_of)}).status == 409, "not an incubatee")
    r = co.post(f"/api/v1/leases/{inc['id']}/graduate", {"kind": "moon", "graduated_on": str(as_of)})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "kind", f"bad kind: {r.status}")
    r = co.post(f"/api/v1/leases/{inc['id']}/graduate", {"kind": "own_land", "graduated_on": str(as_of)})
    expect(r.status == 200 and r.json()["graduated_on"] == str(as_of), f"graduate: {r.status} {r.body[:200]!r}")
    expect(co.post(f"/api/v1/leases/{inc['id']}/graduate", {"kind": "own_land", "graduated_on": str(as_of)}).status == 409, "twice")
    # A leased unit's status follows its lease; a vacant one can go under repair and back.
    b = [x for x in co.get(f"/api/v1/parks/{pid}/sme-buildings").json()["items"] if x["name"] == "标准化厂房1号楼（演示）"][0]
    units = co.get(f"/api/v1/sme-buildings/{b['id']}/floor-plan").json()["units"]
    leased = [u for u in units if u["status"] == "leased"][0]
    vacant = [u for u in units if u["status"] == "vacant"][0]
    expect(co.patch(f"/api/v1/sme-units/{leased['id']}", {"status": "repair"}).status == 409, "leased unit")
    expect(co.patch(f"/api/v1/sme-units/{vacant['id']}", {"status": "broken"}).status == 422, "bad status")
    expect(api.as_user("gxj").patch(f"/api/v1/sme-units/{vacant['id']}", {"status": "repair"}).status == 403, "gxj")
    expect(co.patch(f"/api/v1/sme-units/{vacant['id']}", {"status": "repair"}).status == 204, "under repair")
    r = co.post("/api/v1/leases", {"unit_id": vacant["id"], "enterprise_id": enterprise_id(api, "华亭印务有限公司（演示）"),
                                   "start_on": "2031-01-01", "end_on": "2031-12-31", "monthly_rent": 1})
    expect(r.status == 409, f"a unit under repair is not leased: {r.status}")
    expect(co.patch(f"/api/v1/sme-units/{vacant['id']}", {"status": "vacant"}).status == 204, "vacant again")
    # The floor plan names tenants for the company, not for another department.
    expect(any(u["tenant"] for u in units), "the company sees tenants")
    other = api.as_user("gxj").get(f"/api/v1/sme-buildings/{b['id']}/floor-plan").json()["units"]
    expect([u["status"] for u in other] == [u["status"] for u in units] and not any(u["tenant"] for u in other),
           "another department sees the statuses, not the tenants")


def test_sme_bank_contact_sees_open_needs_and_records_its_own_bank(api):
    """Banks' contact persons (item 5): a department user of a unit of kind "bank" (demo: yinhang of
    甘肃银行平凉分行) sees the open needs and its bank's, matches and grants for its own bank only."""
    pid = park_id(api)
    bank = api.as_user("yinhang", "Dept@2023demo")
    mine = "甘肃银行平凉分行（演示）"
    q1 = api.as_user("qiye")
    r = q1.post("/api/v1/financing-needs", {"amount": 90, "term_months": 6, "purpose": "银行对接测试",
                                            "collateral": "credit", "channel": "bank"})
    expect(r.status == 201, f"post: {r.status}")
    need = r.json()["id"]
    seen = {n["id"]: n for n in bank.get(f"/api/v1/parks/{pid}/financing-needs").json()["items"]}
    expect(need in seen, "an open need is offered to the banks")
    expect(all(n["status"] == "open" or n["bank"] == mine for n in seen.values()),
           f"only open needs and its own bank's: {[(n['status'], n['bank']) for n in seen.values()]}")
    everything = api.as_user("parkadmin").get(f"/api/v1/parks/{pid}/financing-needs").json()["items"]
    other = [n for n in everything if n["bank"] and n["bank"] != mine]
    expect(other and all(n["id"] not in seen for n in other), "another bank's needs are not shown")
    expect(bank.post("/api/v1/financing-needs", {"amount": 1, "term_months": 1, "purpose": "x",
                                                 "collateral": "credit", "channel": "bank",
                                                 "enterprise_id": need}).status in (403, 422), "banks do not post")
    url = f"/api/v1/financing-needs/{need}/status"
    expect(bank.post(url, {"status": "matched", "bank": "别的银行", "on": "2024-03-01"}).status == 403,
           "a bank records only its own bank")
    expect(bank.post(url, {"status": "declined"}).status == 403, "a bank does not close a need")
    r = bank.post(url, {"status": "matched", "on": "2024-03-01"})
    expect(r.status == 200 and r.json()["bank"] == mine, f"matched with its bank: {r.status} {r.body[:200]!r}")
    r = bank.post(url, {"status": "granted", "on": "2024-03-20", "loan_amount": 80})
    expect(r.status == 200 and r.json()["loan_amount"] == 80, f"granted: {r.status}")
    expect(other and bank.post(f"/api/v1/financing-needs/{other[0]['id']}/status",
                               {"status": "granted", "on": "2024-03-20", "loan_amount": 1}).status == 404,
           "another bank's need does not exist for it")
    audit = api.as_user("admin").get(f"/api/v1/audit?entity=sme_financing_need&entity_id={need}").json()["items"]
    expect(any(a["action"] == "matched" and a["username"] == "yinhang" for a in audit), "audited as the bank")
