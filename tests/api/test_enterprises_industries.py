"""The GB/T 4754 table (issue 5): export (CSV / XLSX), a sysadmin's import of a replacement (all or
nothing, rows[N].<column> details, refused when it drops a code enterprises use, stored and
audited), going back to the embedded table, and GET /industries labelled with the park's
leading-group mapping. The table is global: the import test puts the embedded table back at its end."""
from test_enterprises import expect, park_ids
from test_enterprises_config import audited, details, other_park

UNUSED_CLASS = "0111"  # 稻谷种植: no demo or test enterprise uses it


def export_csv(api):
    r = api.as_user("admin").get("/api/v1/industries/export")
    expect(r.status == 200 and "text/csv" in r.headers.get("Content-Type", ""), f"export: {r.status}")
    text = r.body.decode("utf-8-sig")
    return [line for line in text.replace("\r\n", "\n").split("\n") if line]


def test_industry_table_import_and_export(api):
    admin = api.as_user("admin")
    r = admin.get("/api/v1/industries/table")
    expect(r.status == 200, f"info: {r.status} {r.body[:200]!r}")
    info = r.json()
    expect(info["source"] == "embedded" and info["sections"] == 20 and info["divisions"] == 97
           and info["groups"] == 473 and info["classes"] == 1382, f"embedded table: {info}")
    lines = export_csv(api)
    expect(lines[0] == "code,level,name,parent" and len(lines) == 1 + info["rows"], f"csv: {lines[:2]} {len(lines)}")
    expect(api.as_user("leader").get("/api/v1/industries/export?format=xlsx").body[:2] == b"PK", "leader xlsx export")
    expect(admin.get("/api/v1/industries/export?format=pdf").status == 422, "bad format 422")

    # Refusals: only a sysadmin imports or resets.
    for who in ("parkadmin", "gxj", "leader", "qiye"):
        r = api.as_user(who).post("/api/v1/industries/import", raw_body="\n".join(lines) + "\n")
        expect(r.status == 403, f"{who} import: {r.status}")
        expect(api.as_user(who).delete("/api/v1/industries/table").status == 403, f"{who} reset 403")

    # 422: no file, wrong header, and bad rows reported row by row (header = row 1).
    r = admin.post("/api/v1/industries/import", raw_body="")
    expect(r.status == 422 and "file" in details(r), f"empty: {r.status} {r.body[:200]!r}")
    r = admin.post("/api/v1/industries/import", raw_body="code,name\nC,制造业\n")
    expect(r.status == 422 and "header" in details(r), f"header: {r.body[:300]!r}")
    bad = lines + ["2,division,一位数大类,C", "9999,class,,999", "0111,class,稻谷种植,011", "2520,class,煤炭加工其他,29x"]
    n = len(lines)
    r = admin.post("/api/v1/industries/import", raw_body="\n".join(bad) + "\n")
    d = details(r)
    expect(r.status == 422 and f"rows[{n + 1}].code" in d and f"rows[{n + 2}].name" in d
           and f"rows[{n + 3}].code" in d and f"rows[{n + 4}].parent" in d, f"bad rows: {r.status} {d}")
    expect(admin.get("/api/v1/industries/table").json()["source"] == "embedded", "nothing stored on 422")

    # A table without a code an enterprise uses is refused, naming the code.
    used = admin.get("/api/v1/enterprises?page_size=1").json()["items"][0]["industry_code"]
    r = admin.post("/api/v1/industries/import",
                   raw_body="\n".join(x for x in lines if not x.startswith(used + ",")) + "\n")
    expect(r.status == 422 and "rows" in details(r) and used in r.body.decode(), f"in use: {r.status} {r.body[:300]!r}")

    try:
        # The replacement: one class added (2520 is not in the 2017 table), one unused class dropped.
        new = [x for x in lines if not x.startswith(UNUSED_CLASS + ",")] + ["2520,class,煤炭加工（测试新增）,252"]
        r = admin.post("/api/v1/industries/import", raw_body="\n".join(new) + "\n")
        expect(r.status == 200, f"import: {r.status} {r.body[:300]!r}")
        body = r.json()
        expect(body["source"] == "imported" and body["added"] == ["2520"] and body["removed"] == [UNUSED_CLASS],
               f"diff: {body}")
        expect(audited(api, "industry_table", "gbt4754"), "import audited")
        kids = [c["code"] for c in admin.get("/api/v1/industries?parent=252").json()["items"]]
        expect("2520" in kids, f"new class listed: {kids}")
        top, _ = park_ids(api)
        pa = api.as_user("parkadmin")
        r = pa.post("/api/v1/enterprises", {"uscc": "91620824MA00000000", "name": "x", "park_id": top,
                                            "industry_code": UNUSED_CLASS})
        expect(r.status == 422 and "industry_code" in details(r), f"dropped code refused: {r.status}")
        # XLSX round trip: the exported workbook imports back unchanged.
        x = admin.get("/api/v1/industries/export?format=xlsx")
        expect(x.status == 200 and x.body[:2] == b"PK", f"xlsx: {x.status}")
        r = admin.post("/api/v1/industries/import", raw_body=x.body,
                       headers={"Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
        expect(r.status == 200 and r.json()["added"] == [] and r.json()["removed"] == [], f"xlsx import: {r.body[:300]!r}")
    finally:
        r = admin.delete("/api/v1/industries/table")
        expect(r.status == 200 and r.json()["source"] == "embedded", f"reset: {r.status} {r.body[:200]!r}")
    expect(admin.get("/api/v1/industries/table").json()["source"] == "embedded", "embedded again")
    kids = [c["code"] for c in admin.get("/api/v1/industries?parent=252").json()["items"]]
    expect("2520" not in kids, f"reset removed 2520: {kids}")


def test_industries_labelled_with_the_park_mapping(api):
    top, _ = park_ids(api)
    pa = api.as_user("parkadmin")
    url = f"/api/v1/parks/{top}/leading-group-mapping"
    rules = [{"code_prefix": x["code_prefix"], "group": x["group"]} for x in pa.get(url).json()["items"]]
    expect(pa.put(url, {"rules": rules + [{"code_prefix": "3011", "group": "power"}]}).status == 200, "map 3011")

    def group_of(session, query=""):
        r = session.get("/api/v1/industries?parent=301" + query)
        expect(r.status == 200, f"industries: {r.status} {r.body[:200]!r}")
        item = [c for c in r.json()["items"] if c["code"] == "3011"][0]
        return item["leading_group"], item["leading_group_name"]

    try:
        admin = api.as_user("admin")
        expect(group_of(admin) == ("building_materials", "新型建材"), "all parks: the default mapping")
        expect(group_of(admin, f"&park_id={top}") == ("power", "电力"), "park_id: the park's mapping")
        expect(group_of(pa)[0] == "power", "a park admin's own park without asking")
        for who in ("gxj", "leader", "qiye"):
            expect(group_of(api.as_user(who), f"&park_id={top}")[0] == "power", f"{who} reads its park's labels")
        # Unknown or foreign park 404, malformed 422; an enterprise user cannot ask for another park.
        op = other_park(api)
        expect(pa.get(f"/api/v1/industries?parent=301&park_id={op}").status == 404, "other park 404")
        expect(api.as_user("qiye").get(f"/api/v1/industries?parent=301&park_id={op}").status == 404, "qiye other 404")
        expect(pa.get("/api/v1/industries?park_id=99999999").status == 404, "unknown park 404")
        r = pa.get("/api/v1/industries?park_id=abc")
        expect(r.status == 422 and "park_id" in details(r), f"bad park_id: {r.status}")
    finally:
        expect(pa.put(url, {"rules": rules}).status == 200, "restore mapping")
