"""Flow tests of the enterprises module (issue 5): registry with USCC check and duplicates, the
monthly report (save → submit → review → lock), deadline exceptions, reporting status, pools,
rules as data, breakdowns, and the access refusals (other enterprise, other park, read-only)."""
import datetime
import random

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def uscc(first17):
    """The GB 32100-2015 check character, computed here independently of the server."""
    total = sum(CHARSET.index(c) * pow(3, i, 31) for i, c in enumerate(first17))
    return first17 + CHARSET[(31 - total % 31) % 31]


_seq = [0]


def new_uscc():
    """A fresh code per call: a per-run random prefix plus a counter, so two calls never collide
    (an earlier version built codes from the clock and could repeat one)."""
    _seq[0] += 1
    return uscc("91620824MA%s%05d" % (_RUN, _seq[0]))


_RUN = random.choice("ABCDEFGHJKLMNPQRTUWXY") + random.choice("0123456789ABCDEFGHJKLMNPQRTUWXY")  # never "9…", used by other tests


def park_ids(api):
    parks = api.as_user("admin").get("/api/v1/parks").json()["items"]
    top = [p for p in parks if p["parent_id"] is None][0]["id"]
    subs = [p["id"] for p in parks if p["parent_id"] == top]
    return top, subs


def last_month():
    t = datetime.date.today().replace(day=1) - datetime.timedelta(days=1)
    return t.strftime("%Y-%m")


def my_enterprise(api, user="qiye"):
    return api.as_user(user).get("/api/v1/me").json()


def qiye_enterprise_id(api, user="qiye"):
    items = api.as_user(user).get("/api/v1/enterprises").json()["items"]
    expect(len(items) == 1, f"{user} sees exactly its own enterprise: {len(items)}")
    return items[0]["id"]


def test_create_enterprise_checks_uscc_and_duplicates(api):
    pa = api.as_user("parkadmin")
    top, subs = park_ids(api)
    code = new_uscc()
    wrong = code[:17] + ("1" if code[17] != "1" else "2")
    r = pa.post("/api/v1/enterprises", {"uscc": wrong, "name": "校验位测试（演示）", "park_id": top,
                                        "industry_code": "2614"})
    expect(r.status == 422, f"wrong check character: {r.status} {r.body[:300]!r}")
    d = [x for x in r.json()["error"]["details"] if x["field"] == "uscc"]
    expect(d and code[17] in d[0]["message"], f"message names the expected character {code[17]}: {d}")
    r = pa.post("/api/v1/enterprises", {"uscc": code, "name": "新登记企业（演示）", "park_id": subs[0],
                                        "industry_code": "2614", "flags": [{"code": "tech_sme", "since": "2023-01-01"}]})
    expect(r.status == 201, f"create: {r.status} {r.body[:300]!r}")
    e = r.json()
    expect(e["id"] > 0 and e["park_id"] == top and e["sub_park_id"] == subs[0], f"sub-park normalized: {e}")
    expect(e["leading_group"] == "coal_chemical", f"2614 maps to coal_chemical: {e['leading_group']}")
    r = pa.post("/api/v1/enterprises", {"uscc": code, "name": "重复（演示）", "park_id": top, "industry_code": "2614"})
    expect(r.status == 409, f"duplicate USCC: {r.status}")
    r = pa.post("/api/v1/enterprises", {"uscc": new_uscc(), "name": "行业错误（演示）", "park_id": top,
                                        "industry_code": "C"})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "industry_code", f"section code: {r.status}")
    r = pa.post("/api/v1/enterprises", {"name": "缺字段"})
    expect(r.status == 422, f"missing fields: {r.status}")
    # PATCH: scale change records its date; audit keeps the reason.
    r = pa.patch(f"/api/v1/enterprises/{e['id']}", {"above_scale": True, "reason": "年营收超过2000万元"})
    expect(r.status == 200 and r.json()["above_scale"] and r.json()["scale_changed_on"], f"patch: {r.status} {r.body[:200]!r}")
    # Refusals: department and leader cannot create; enterprise users cannot either.
    for who in ("gxj", "leader", "qiye"):
        r = api.as_user(who).post("/api/v1/enterprises", {"uscc": new_uscc(), "name": "x", "park_id": top,
                                                         "industry_code": "2614"})
        expect(r.status == 403, f"{who} cannot create: {r.status}")
    expect(api.as_user("gxj").get(f"/api/v1/enterprises/{e['id']}").status == 200, "department reads")
    r = api.as_user("gxj").patch(f"/api/v1/enterprises/{e['id']}", {"name": "改名"})
    expect(r.status == 403, f"department cannot patch: {r.status}")


def test_enterprise_list_filters_and_scope(api):
    top, subs = park_ids(api)
    pa = api.as_user("parkadmin")
    all_ = pa.get("/api/v1/enterprises?page_size=100").json()
    expect(all_["total"] >= 32, f"demo enterprises: {all_['total']}")
    expect(all(x["name"].endswith("（演示）") for x in all_["items"] if x["is_demo"]), "demo names are labelled")
    power = pa.get("/api/v1/enterprises?leading_group=power&page_size=100").json()
    expect(power["total"] >= 5 and all(x["leading_group"] == "power" for x in power["items"]), "group filter")
    sub = pa.get(f"/api/v1/enterprises?park_id={subs[3]}&page_size=100").json()
    expect(sub["total"] >= 5 and all(x["sub_park_id"] == subs[3] for x in sub["items"]), "sub-park filter")
    above = pa.get("/api/v1/enterprises?above_scale=1&page_size=100").json()
    expect(all(x["above_scale"] for x in above["items"]), "scale filter")
    expect(pa.get("/api/v1/enterprises?status=bogus").status == 422, "bad status filter is 422")
    # The enterprise user sees only its own enterprise; another one is 404, like a missing id (no
    # telling which enterprise ids exist).
    own = qiye_enterprise_id(api)
    other = qiye_enterprise_id(api, "qiye2")
    q = api.as_user("qiye")
    expect(q.get(f"/api/v1/enterprises/{own}").status == 200, "own enterprise")
    expect(q.get(f"/api/v1/enterprises/{other}").status == 404, "another enterprise is 404")
    expect(q.get(f"/api/v1/enterprises/{other}/reports/2023-06").status == 404, "another's report is 404")
    r = q.put(f"/api/v1/enterprises/{other}/reports/{last_month()}", {"values": {"output": 1}})
    expect(r.status == 404, f"writing another's report is 404: {r.status}")
    expect(q.get("/api/v1/enterprises/99999999").status == 404, "a missing enterprise is 404 too")
    expect(q.get(f"/api/v1/parks/{top}/reporting-status?period=2023-06").status == 403, "no park lists for enterprises")
    # Enterprise users may update their contact details only.
    expect(q.patch(f"/api/v1/enterprises/{own}", {"contact_phone": "0933-1234567"}).status == 200, "contact edit")
    expect(q.patch(f"/api/v1/enterprises/{own}", {"above_scale": False}).status == 403, "scale edit refused")
    # Another park: a park created by the admin is invisible to the park admin (404).
    admin = api.as_user("admin")
    other_park = admin.post("/api/v1/parks", {"name": "其他园区（测试）"}).json()["id"]
    r = admin.post("/api/v1/enterprises", {"uscc": new_uscc(), "name": "外园企业（演示）", "park_id": other_park,
                                           "industry_code": "3011"})
    expect(r.status == 201, f"admin creates in another park: {r.status} {r.body[:200]!r}")
    expect(pa.get(f"/api/v1/enterprises/{r.json()['id']}").status == 404, "other park's enterprise is 404")
    expect(pa.get(f"/api/v1/parks/{other_park}/reporting-status?period=2023-06").status == 404, "other park 404")


def test_report_fill_submit_review_lock(api):
    top, _ = park_ids(api)
    eid = qiye_enterprise_id(api)
    period = last_month()
    q, pa = api.as_user("qiye"), api.as_user("parkadmin")
    base = f"/api/v1/enterprises/{eid}/reports/{period}"
    view = q.get(base).json()
    expect(view["state"] == "draft" and not view["exists"], f"empty draft: {view['state']}")
    r = q.put(base, {"values": {"output": 100}})
    if r.status == 409:  # past the deadline: the park admin opens late filing (补报)
        until = (datetime.date.today() + datetime.timedelta(days=10)).isoformat()
        r2 = q.post(base + "/exception", {"until": until, "reason": "x"})
        expect(r2.status == 403, f"enterprise cannot grant exceptions: {r2.status}")
        r2 = pa.post(base + "/exception", {"until": until})
        expect(r2.status == 422, f"exception needs a reason: {r2.status}")
        r2 = pa.post(base + "/exception", {"until": until, "reason": "系统测试补报"})
        expect(r2.status == 200, f"exception: {r2.status} {r2.body[:200]!r}")
        r = q.put(base, {"values": {"output": 100}})
    expect(r.status == 200, f"save draft: {r.status} {r.body[:300]!r}")
    expect(r.json()["check"]["can_submit"] is False, "incomplete report cannot be submitted")
    r = q.post(base + "/submit")
    expect(r.status == 422 and any(d["field"] == "values.revenue" for d in r.json()["error"]["details"]),
           f"required fields block submit: {r.status}")
    bad = {"output": 100, "revenue": 98, "value_added": 150, "tax": 3, "profit": 5, "energy": 2,
           "electricity": 8, "employees": 40}
    q.put(base, {"values": bad})
    r = q.post(base + "/submit")
    expect(r.status == 422 and any(d["field"] == "values.value_added" for d in r.json()["error"]["details"]),
           f"value added > output is an error: {r.status} {r.body[:300]!r}")
    r = q.put(base, {"values": {**bad, "bogus": 1}})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "values.bogus", "unknown field 422")
    r = q.put(base, {"values": {**bad, "output": "many"}})
    expect(r.status == 422, f"non-number 422: {r.status}")
    good = {**bad, "value_added": 12}
    expect(q.put(base, {"values": good, "explanations": {"revenue": "新产品投产"}}).status == 200, "save good")
    r = q.post(base + "/submit")
    expect(r.status == 200 and r.json()["state"] == "submitted", f"submit: {r.status} {r.body[:300]!r}")
    expect(q.put(base, {"values": good}).status == 409, "submitted report cannot be edited")
    # Review: enterprise and department may not review; return needs a reason.
    expect(q.post(base + "/review", {"decision": "approve"}).status == 403, "enterprise cannot review")
    expect(api.as_user("gxj").post(base + "/review", {"decision": "approve"}).status == 403, "department cannot")
    expect(api.as_user("leader").post(base + "/review", {"decision": "approve"}).status == 403, "leader cannot")
    expect(pa.post(base + "/review", {"decision": "maybe"}).status == 422, "bad decision 422")
    expect(pa.post(base + "/review", {"decision": "return"}).status == 422, "return without reason 422")
    queue = pa.get(f"/api/v1/parks/{top}/review-queue").json()["items"]
    expect(any(i["enterprise_id"] == eid and i["period"] == period for i in queue), "in the review queue")
    r = pa.post(base + "/review", {"decision": "return", "reason": "利润数据请核实"})
    expect(r.status == 200 and r.json()["state"] == "returned", f"return: {r.status}")
    # The live demo has last year's report of this month, so the revenue swing needs its explanation again.
    expect(q.put(base, {"values": {**good, "profit": 4}, "explanations": {"revenue": "新产品投产"}}).status == 200,
           "returned report can be corrected")
    expect(q.post(base + "/submit").status == 200, "resubmit")
    before = pa.get(f"/api/v1/parks/{top}/enterprise-totals?field=output&year={period[:4]}").json()
    r = pa.post(base + "/review", {"decision": "approve"})
    expect(r.status == 200 and r.json()["state"] == "approved", f"approve: {r.status} {r.body[:200]!r}")
    after = pa.get(f"/api/v1/parks/{top}/enterprise-totals?field=output&year={period[:4]}").json()
    expect(abs(after["total"] - before["total"] - 100) < 1e-6, f"approved figures flow into park totals: {before['total']} -> {after['total']}")
    # Locked: neither the enterprise nor the park admin can edit without an unlock.
    expect(q.put(base, {"values": good}).status == 409, "approved period is locked for the enterprise")
    expect(pa.put(base, {"values": good}).status == 409, "approved period is locked for the park admin too")
    expect(pa.post(base + "/unlock", {}).status == 422, "unlock needs a reason")
    expect(pa.post(base + "/unlock", {"reason": "更正税收"}).status == 200, "unlock")
    revs = q.get(base + "/revisions").json()["items"]
    expect(any(x["field"] == "values.profit" and x["old"] == "5" and x["new"] == "4" for x in revs),
           f"revisions keep old and new values: {revs[:3]}")
    expect(all(x["username"] for x in revs), "revisions record who")
    # A locked period of another year (demo data, approved) is refused to the enterprise.
    expect(q.put(f"/api/v1/enterprises/{eid}/reports/2023-06", {"values": good}).status == 409, "approved 2023-06")
    expect(q.get(f"/api/v1/enterprises/{eid}/report-queue").status == 200, "work queue")
    expect(q.get(f"/api/v1/enterprises/{eid}/reports/2023-13").status == 422, "bad period 422")


def test_reporting_status_contract(api):
    top, subs = park_ids(api)
    pa = api.as_user("parkadmin")
    r = pa.get(f"/api/v1/parks/{top}/reporting-status?period=2023-06")
    expect(r.status == 200, f"status: {r.status}")
    s = r.json()
    for k in ("expected", "submitted", "on_time", "approved", "completeness_pct", "timeliness_pct", "missing"):
        expect(k in s, f"{k} in reporting status")
    expect(s["expected"] >= 29 and s["approved"] == s["submitted"], f"demo 2023-06: {s}")
    demo_ids = {e["id"] for e in pa.get("/api/v1/enterprises?page_size=200").json()["items"] if e["is_demo"] and
                not e["name"].startswith("新登记")}
    expect(not demo_ids & set(s["missing"]), f"all demo firms reported 2023-06: {s}")
    expect(s["completeness_pct"] == round(s["submitted"] * 100 / s["expected"], 2), "completeness = submitted/expected")
    r = pa.get(f"/api/v1/parks/{top}/reporting-status?period={last_month()}").json()
    expect(r["missing"] and r["completeness_pct"] < 100, "the current period has a reminder list")
    expect(api.as_user("leader").get(f"/api/v1/parks/{subs[0]}/reporting-status?period=2023-06").status == 200, "leader reads")
    expect(pa.get(f"/api/v1/parks/{top}/reporting-status").status == 422, "period is required")
    expect(pa.get(f"/api/v1/parks/{top}/reporting-status?period=2023").status == 422, "malformed period")


def test_cultivation_pools_and_zombies(api):
    top, _ = park_ids(api)
    pa = api.as_user("parkadmin")
    r = pa.get(f"/api/v1/parks/{top}/cultivation")
    expect(r.status == 200, f"cultivation: {r.status}")
    pools = {p["code"]: p for p in r.json()["pools"]}
    for code in ("reserve", "watch", "specialized_sme", "little_giant", "high_tech"):
        expect(code in pools and "members" in pools[code] and "candidates" in pools[code], f"pool {code}")
    expect(pools["reserve"]["candidates"], "demo has 小升规 candidates")
    expect(pools["watch"]["candidates"], "demo has 防退规 candidates")
    cand = pools["reserve"]["candidates"][0]["enterprise_id"]
    r = pa.post(f"/api/v1/parks/{top}/cultivation/reserve/members", {"enterprise_id": cand, "note": "纳入培育"})
    expect(r.status == 201, f"accept: {r.status} {r.body[:200]!r}")
    expect(pa.post(f"/api/v1/parks/{top}/cultivation/reserve/members", {"enterprise_id": cand}).status == 409, "twice 409")
    expect(pa.post(f"/api/v1/parks/{top}/cultivation/nope/members", {"enterprise_id": cand}).status == 404, "unknown pool")
    # 工信局 keeps the 入规后备库 (test_registers.py); a department that does not keep it cannot accept.
    expect(api.as_user("zsfw").post(f"/api/v1/parks/{top}/cultivation/reserve/members",
                                    {"enterprise_id": cand}).status == 403, "department cannot accept")
    pools = {p["code"]: p for p in pa.get(f"/api/v1/parks/{top}/cultivation").json()["pools"]}
    expect(any(m["enterprise_id"] == cand for m in pools["reserve"]["members"]), "member listed")
    expect(all(c["enterprise_id"] != cand for c in pools["reserve"]["candidates"]), "no longer suggested")
    z = pa.get(f"/api/v1/parks/{top}/zombies").json()["items"]
    expect(len(z) >= 1 and z[0]["candidate"], f"demo zombie candidate: {z}")
    r = pa.post(f"/api/v1/enterprises/{z[0]['enterprise_id']}/disposals",
                {"measure": "兼并重组", "responsible_unit": "工信局", "due": "2024-06-30"})
    expect(r.status == 201, f"disposal: {r.status} {r.body[:200]!r}")
    r = pa.post(f"/api/v1/enterprises/{z[0]['enterprise_id']}/disposals", {"measure": ""})
    expect(r.status == 422, f"disposal validation: {r.status}")
    expect(api.as_user("qiye").get(f"/api/v1/parks/{top}/cultivation").status == 403, "enterprise cannot read pools")


def test_rules_as_data(api):
    top, _ = park_ids(api)
    pa = api.as_user("parkadmin")
    rules = pa.get(f"/api/v1/parks/{top}/report-rules").json()["items"]
    codes = [r["code"] for r in rules]
    for c in ("value_added_le_output", "revenue_yoy_50", "energy_when_output", "non_negative.output"):
        expect(c in codes, f"seeded rule {c}")
    bad = rules + [{"code": "x", "name": "坏规则", "left": "outptu", "op": "<=", "right": "1", "severity": "error",
                    "message": "m"}]
    r = pa.put(f"/api/v1/parks/{top}/report-rules", {"rules": bad})
    expect(r.status == 422 and any("rules[" in d["field"] for d in r.json()["error"]["details"]), f"bad rule: {r.status}")
    r = pa.put(f"/api/v1/parks/{top}/report-rules", {"rules": [{**x, "op": "~"} for x in rules[:1]]})
    expect(r.status == 422, f"bad operator: {r.status}")
    new = rules + [{"code": "tax_le_revenue", "name": "税收不大于营业收入", "left": "tax", "op": "<=",
                    "right": "revenue", "severity": "warning", "message": "税收大于营业收入，请说明", "field": "tax"}]
    r = pa.put(f"/api/v1/parks/{top}/report-rules", {"rules": new})
    expect(r.status == 200 and r.json()["total"] == len(new), f"replace rules: {r.status} {r.body[:200]!r}")
    expect(api.as_user("gxj").put(f"/api/v1/parks/{top}/report-rules", {"rules": new}).status == 403, "dept 403")
    expect(api.as_user("leader").put(f"/api/v1/parks/{top}/report-rules", {"rules": new}).status == 403, "leader 403")


def test_breakdown_movement_and_totals(api):
    top, subs = park_ids(api)
    pa = api.as_user("parkadmin")
    # One demo world (docs/figures.md §4): the above-scale firms' 2022 output is the plan's base
    # (157000 / 1.07); with growth and the smaller firms every firm's 2023 output is ≈ 171500.
    t = pa.get(f"/api/v1/parks/{top}/enterprise-totals?field=output&year=2023").json()
    expect(abs(t["total"] - 171500) < 2500, f"2023 output ≈ 171500 万元: {t['total']}")
    s = pa.get(f"/api/v1/parks/{top}/enterprise-totals?field=revenue&year=2023").json()
    expect(abs(s["total"] - t["total"] * 0.9873) < 2000, f"2023 sales ≈ 98.7% of output: {s['total']}")
    v = pa.get(f"/api/v1/parks/{top}/enterprise-totals?field=value_added&year=2023").json()
    expect(abs(v["total"] - t["total"] * 0.121) < 500, f"2023 value added ≈ 12.1% of output: {v['total']}")
    sub_total = sum(pa.get(f"/api/v1/parks/{p}/enterprise-totals?field=output&year=2023").json()["total"] for p in subs)
    expect(abs(sub_total - t["total"]) < 1e-3, "sub-parks roll up to the park")
    b = pa.get(f"/api/v1/parks/{top}/enterprise-breakdown?field=output&year=2023").json()
    expect(len(b["by_group"]) == 5 and len(b["by_scale"]) == 2, "breakdown rows")
    expect(abs(sum(x["total"] for x in b["by_group"]) - t["total"]) < 1e-3, "groups add up")
    m = pa.get(f"/api/v1/parks/{top}/enterprise-movement?field=output&period=2023-12").json()
    expect(m["yoy_pct"] is not None and m["top_increases"], f"movement: {m.get('yoy_pct')}")
    expect(m["effects"]["entered"]["count"] >= 1 and m["effects"]["scale_up"]["count"] >= 1, f"effects: {m['effects']}")
    expect(m["comparable_last"] != m["total_last"], "同口径 differs from the reported last year")
    expect(pa.get(f"/api/v1/parks/{top}/enterprise-movement?field=nope&period=2023-12").status == 422, "bad field")
    expect(pa.get(f"/api/v1/parks/{top}/enterprise-breakdown?field=output").status == 422, "year required")


def test_import_reports_all_or_nothing(api):
    top, _ = park_ids(api)
    pa = api.as_user("parkadmin")
    r = pa.get(f"/api/v1/parks/{top}/report-export?from=2023-06&to=2023-06")
    expect(r.status == 200 and r.headers.get("Content-Type", "").startswith("text/csv"), f"export: {r.status}")
    lines = r.body.decode("utf-8-sig").strip().split("\r\n")
    expect(lines[0].startswith("uscc,period,state,output") and len(lines) >= 30, f"export rows: {len(lines)}")
    # Re-importing approved (locked) reports is refused row by row, and nothing is written.
    header = "uscc,period," + ",".join(lines[0].split(",")[3:])
    body = header + "\n" + "\n".join(",".join(l.split(",")[:2] + l.split(",")[3:]) for l in lines[1:3]) + "\n"
    r = pa.post(f"/api/v1/parks/{top}/report-imports", raw_body=body, headers={"Content-Type": "text/csv"})
    expect(r.status == 422 and r.json()["errors"][0]["row"] == 1 and "锁定" in r.json()["errors"][0]["message"],
           f"locked rows: {r.status} {r.body[:300]!r}")
    # A file with one bad row imports nothing.
    period = last_month()
    firms = pa.get("/api/v1/enterprises?leading_group=power&page_size=3").json()["items"]
    good = [f"{f['uscc']},{period},1000,990,120,30,50,2400,80,200,,1" for f in firms[:2]]
    cols = "uscc,period,output,revenue,value_added,tax,profit,energy,electricity,employees,rnd,emissions"
    bad = good + [f"91620824MA9ZZZZZZ0,{period},1,1,1,1,1,1,1,1,,", f"{firms[2]['uscc']},{period},abc,1,1,1,1,1,1,1,,"]
    before = pa.get(f"/api/v1/parks/{top}/reporting-status?period={period}").json()["submitted"]
    r = pa.post(f"/api/v1/parks/{top}/report-imports", raw_body=cols + "\n" + "\n".join(bad) + "\n")
    expect(r.status == 422, f"bad file: {r.status} {r.body[:300]!r}")
    errs = r.json()["errors"]
    expect({(e["row"], e["column"]) for e in errs} >= {(3, "uscc"), (4, "output")}, f"row/column report: {errs}")
    expect(r.json()["error"]["details"][0]["field"].startswith("rows["), "standard error shape too")
    expect(pa.get(f"/api/v1/parks/{top}/reporting-status?period={period}").json()["submitted"] == before, "nothing written")
    r = pa.post(f"/api/v1/parks/{top}/report-imports", raw_body=cols + "\n" + "\n".join(good + [good[0]]) + "\n")
    expect(r.status == 422 and "重复" in r.json()["errors"][0]["message"], f"duplicate row: {r.body[:200]!r}")
    r = pa.post(f"/api/v1/parks/{top}/report-imports", raw_body=cols.replace("output", "outptu") + "\n")
    expect(r.status == 422 and r.json()["errors"][0]["row"] == 0, "unknown column")
    r = pa.post(f"/api/v1/parks/{top}/report-imports", raw_body=cols + "\n" + "\n".join(good) + "\n")
    expect(r.status == 200 and r.json()["imported"] == 2, f"import: {r.status} {r.body[:300]!r}")
    after = pa.get(f"/api/v1/parks/{top}/reporting-status?period={period}").json()["submitted"]
    expect(after == before + 2, f"two reports submitted: {before} -> {after}")
    for who in ("gxj", "leader", "qiye"):
        expect(api.as_user(who).post(f"/api/v1/parks/{top}/report-imports", raw_body=cols + "\n").status == 403,
               f"{who} cannot import")
    expect(api.as_user("qiye").get(f"/api/v1/parks/{top}/report-export?from=2023-01&to=2023-01").status == 403,
           "enterprise cannot export the park")
    expect(pa.get(f"/api/v1/parks/{top}/report-export?from=2023-06").status == 422, "to is required")


def test_import_replaces_reports_keeping_fields_not_in_the_file(api):
    top, _ = park_ids(api)
    pa = api.as_user("parkadmin")
    code = new_uscc()
    r = pa.post("/api/v1/enterprises", {"uscc": code, "name": "替换导入测试（演示）", "park_id": top, "industry_code": "2614"})
    expect(r.status == 201, f"create: {r.status} {r.body[:200]!r}")
    eid, period = r.json()["id"], last_month()
    cols = "uscc,period,output,revenue,value_added,tax,profit,energy,electricity,employees,rnd,emissions"
    def month_before(p):
        y, m = map(int, p.split("-"))
        return f"{y - 1}-12" if m == 1 else f"{y}-{m - 1:02d}"
    before = month_before(period)
    first = month_before(before)
    r = pa.post(f"/api/v1/parks/{top}/report-imports",
                raw_body=f"{cols}\n{code},{first},800,790,90,21,30,1900,60,180,,1\n{code},{before},900,890,100,25,40,2000,70,190,,1\n"
                         f"{code},{period},1000,990,120,30,50,2400,80,200,7,1\n")
    expect(r.status == 200 and r.json()["imported"] == 3 and r.json()["replaced"] == 0, f"first: {r.body[:300]!r}")
    # A second file with fewer columns replaces the reports: its columns are taken from the file (the
    # empty rnd cell removes rnd), every other field keeps its own report's value, each change is a revision.
    r = pa.post(f"/api/v1/parks/{top}/report-imports",
                raw_body=f"uscc,period,output,rnd\n{code},{first},850,\n{code},{before},950,\n{code},{period},1100,\n")
    expect(r.status == 200 and r.json()["replaced"] == 3, f"replace: {r.status} {r.body[:300]!r}")
    earlier = pa.get(f"/api/v1/enterprises/{eid}/reports/{before}").json()["values"]
    expect(earlier.get("output") == 950 and earlier.get("tax") == 25 and earlier.get("employees") == 190,
           f"the earlier month keeps its own values: {earlier}")
    rep = pa.get(f"/api/v1/enterprises/{eid}/reports/{period}").json()
    vals = rep["values"]
    expect(vals.get("output") == 1100 and vals.get("tax") == 30 and vals.get("employees") == 200 and "rnd" not in vals,
           f"merged values: {vals}")
    revs = pa.get(f"/api/v1/enterprises/{eid}/reports/{period}/revisions").json()["items"]
    changed = {(x["field"], x["old"], x["new"]) for x in revs if x["reason"] == "导入月报"}
    expect(("values.output", "1000", "1100") in changed and ("values.rnd", "7", None) in changed and
           not any(f == "values.tax" for f, _, _ in changed), f"revisions of the replace: {changed}")
    # Once approved, the period is locked for imports too; the refused file writes nothing.
    r = pa.post(f"/api/v1/enterprises/{eid}/reports/{period}/review", {"decision": "approve"})
    expect(r.status == 200, f"approve: {r.status} {r.body[:200]!r}")
    r = pa.post(f"/api/v1/parks/{top}/report-imports", raw_body=f"uscc,period,output\n{code},{period},1\n")
    expect(r.status == 422 and "锁定" in r.json()["errors"][0]["message"], f"locked: {r.status} {r.body[:200]!r}")
    expect(pa.get(f"/api/v1/enterprises/{eid}/reports/{period}").json()["values"]["output"] == 1100, "unchanged")


def test_import_replace_keeps_explanations_without_revising_them(api):
    top, _ = park_ids(api)
    pa = api.as_user("parkadmin")
    r = pa.post("/api/v1/enterprises", {"uscc": new_uscc(), "name": "说明保留测试（演示）", "park_id": top, "industry_code": "2614"})
    expect(r.status == 201, f"create: {r.status} {r.body[:200]!r}")
    eid, code, period = r.json()["id"], r.json()["uscc"], last_month()
    base = f"/api/v1/enterprises/{eid}/reports/{period}"
    expect(pa.post(base + "/exception", {"until": "2099-12-31", "reason": "补报测试"}).status == 200, "exception")
    r = pa.put(base, {"values": {"output": 100, "revenue": 98}, "explanations": {"revenue": "新产品投产"}})
    expect(r.status == 200, f"draft with an explanation: {r.status} {r.body[:200]!r}")
    r = pa.post(f"/api/v1/parks/{top}/report-imports",
                raw_body=f"uscc,period,output,revenue,value_added,tax,profit,energy,electricity,employees\n"
                         f"{code},{period},110,100,12,3,5,2,8,40\n")
    expect(r.status == 200 and r.json()["replaced"] == 1, f"replace: {r.status} {r.body[:300]!r}")
    rep = pa.get(base).json()
    expect(rep["explanations"].get("revenue") == "新产品投产" and rep["values"]["output"] == 110, f"kept: {rep['explanations']}")
    revs = [x for x in pa.get(base + "/revisions").json()["items"] if x["reason"] == "导入月报"]
    expect(revs and not any(x["field"].startswith("explanations.") for x in revs), f"no explanation revisions: {revs}")


def test_import_registry_all_or_nothing(api):
    top, subs = park_ids(api)
    pa = api.as_user("parkadmin")
    sub_name = [p for p in pa.get("/api/v1/parks").json()["items"] if p["id"] == subs[1]][0]["name"]
    a, b = new_uscc(), new_uscc()
    head = "统一社会信用代码,企业名称,行业代码,子园区,规上,入园日期,企业标识\n"
    good = [f"{a},导入企业甲（演示）,4411,{sub_name},是,2023-05-01,tech_sme", f"{b},导入企业乙（演示）,3011,,否,,"]
    bad = good + [f"{a[:17]}{'1' if a[17] != '1' else '2'},坏企业,4411,,,,", f"{new_uscc()},坏行业,C,,,,",
                  f"{new_uscc()},坏日期,3011,,,2023-13-01,", good[0]]
    before = pa.get("/api/v1/enterprises?page_size=1").json()["total"]
    r = pa.post(f"/api/v1/parks/{top}/enterprise-imports", raw_body=head + "\n".join(bad) + "\n")
    expect(r.status == 422, f"bad registry file: {r.status} {r.body[:300]!r}")
    cols = {(e["row"], e["column"]) for e in r.json()["errors"]}
    expect({(3, "统一社会信用代码"), (4, "行业代码"), (5, "入园日期"), (6, "统一社会信用代码")} <= cols, f"row report: {cols}")
    expect(pa.get("/api/v1/enterprises?page_size=1").json()["total"] == before, "nothing written")
    r = pa.post(f"/api/v1/parks/{top}/enterprise-imports", raw_body=head + "\n".join(good) + "\n")
    expect(r.status == 201 and r.json()["imported"] == 2, f"import: {r.status} {r.body[:300]!r}")
    items = pa.get(f"/api/v1/enterprises?q={a}").json()["items"]
    expect(items and items[0]["sub_park_id"] == subs[1] and items[0]["above_scale"] and
           items[0]["leading_group"] == "power" and items[0]["flags"][0]["code"] == "tech_sme", f"imported: {items}")
    r = pa.post(f"/api/v1/parks/{top}/enterprise-imports", raw_body=head + good[1] + "\n")
    expect(r.status == 422 and "已登记" in r.json()["errors"][0]["message"], "already registered")
    expect(api.as_user("gxj").post(f"/api/v1/parks/{top}/enterprise-imports", raw_body=head).status == 403, "dept 403")


def test_xlsx_export_and_import(api):
    top, _ = park_ids(api)
    pa = api.as_user("parkadmin")
    r = pa.get("/api/v1/enterprise-export?format=xlsx&leading_group=power")
    expect(r.status == 200 and r.body[:2] == b"PK" and "spreadsheetml" in r.headers.get("Content-Type", ""),
           f"registry xlsx: {r.status} {r.headers.get('Content-Type')}")
    r = pa.get("/api/v1/enterprise-export?format=csv")
    expect(r.status == 200 and "统一社会信用代码" in r.body.decode("utf-8-sig").split("\r\n")[0], "registry csv")
    q = api.as_user("qiye").get("/api/v1/enterprise-export?format=csv").body.decode("utf-8-sig").strip().split("\r\n")
    expect(len(q) == 2, f"an enterprise user exports only its own enterprise: {len(q)} lines")
    x = pa.get(f"/api/v1/parks/{top}/report-export?from=2023-06&to=2023-06&format=xlsx")
    expect(x.status == 200 and x.body[:2] == b"PK", f"reports xlsx: {x.status}")
    # The exported workbook goes back in as it is: its rows are approved, so each is refused as locked.
    r = pa.post(f"/api/v1/parks/{top}/report-imports", raw_body=x.body,
                headers={"Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    expect(r.status == 422 and r.json()["rows"] >= 29 and all("锁定" in e["message"] for e in r.json()["errors"]),
           f"xlsx import is read row by row: {r.status} {r.body[:300]!r}")
