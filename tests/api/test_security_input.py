"""Untrusted input (issue 10): crafted XLSX files (far column, deflate bomb), oversized and
costly GeoJSON, formula-looking text in CSV exports, out-of-range numbers, control/bidi characters,
and SIGTERM stopping the server promptly."""
import io
import os
import signal
import subprocess
import tempfile
import time
import zipfile

from test_land import demo_park, square

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BIN = os.environ.get("PARKHQ_BIN", "build/parkhq")


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def xlsx(sheet_rows_xml, extra=None):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml",
                   '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                   "<sheetData>" + sheet_rows_xml + "</sheetData></worksheet>")
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


def top_park(api):
    parks = api.as_user("admin").get("/api/v1/parks").json()["items"]
    return [p for p in parks if p["parent_id"] is None][0]["id"]


def test_xlsx_far_column_and_deflate_bomb_are_refused_quickly(api):
    pa = api.as_user("parkadmin")
    top = top_park(api)
    url = f"/api/v1/parks/{top}/report-imports"
    far = xlsx('<row r="1"><c r="A1" t="inlineStr"><is><t>uscc</t></is></c></row>'
               '<row r="2"><c r="ZZZZZZ2" t="inlineStr"><is><t>x</t></is></c></row>')
    t0 = time.time()
    r = pa.post(url, raw_body=far, headers={"Content-Type": XLSX})
    expect(r.status == 413 and "16384" in r.json()["error"]["message"], f"far column: {r.status} {r.body[:300]!r}")
    expect(time.time() - t0 < 5, f"far column answered in {time.time() - t0:.1f} s")
    # 200 MiB of blanks deflate to ~200 KiB; the reader stops counting at its per-entry limit.
    bomb = xlsx('<row r="1"><c r="A1"><v>1</v></c></row>' + " " * (200 << 20))
    expect(len(bomb) < 1 << 20, f"the bomb is small: {len(bomb)}")
    t0 = time.time()
    r = pa.post(url, raw_body=bomb, headers={"Content-Type": XLSX})
    expect(r.status == 413 and "sheet1.xml" in r.json()["error"]["message"], f"bomb: {r.status} {r.body[:300]!r}")
    expect(time.time() - t0 < 10, f"bomb answered in {time.time() - t0:.1f} s")
    # The server is still healthy.
    expect(pa.get("/api/v1/parks").status == 200, "server alive")


def test_import_cells_with_control_characters_are_field_errors(api):
    pa = api.as_user("parkadmin")
    top = top_park(api)
    cols = "uscc,period,output,revenue,value_added,tax,profit,energy,electricity,employees,rnd,emissions"
    r = pa.post(f"/api/v1/parks/{top}/report-imports", raw_body=cols + "\n91620824MA\u202eX,2023-01,1,1,1,1,1,1,1,1,,\n",
                headers={"Content-Type": "text/csv"})
    e = r.json()["errors"][0] if r.status == 422 else {}
    expect(r.status == 422 and e.get("column") == "uscc" and "U+202E" in e.get("message", ""),
           f"bidi override in a cell: {r.status} {r.body[:300]!r}")
    # The shared CSV/XLSX reader (other imports) names the cell.
    r = api.as_user("admin").post("/api/v1/industries/import", raw_body="code,name\n2614,\u5316\u5de5\x07\n".encode(),
                                  headers={"Content-Type": "text/csv"})
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "rows[2].B",
           f"industry import names the cell: {r.status} {r.body[:300]!r}")
    r = pa.post(f"/api/v1/parks/{top}/report-imports", raw_body=cols + "\n91620824MA9X,2023-01,NaN,1,1,1,1,1,1,1,,\n",
                headers={"Content-Type": "text/csv"})
    expect(r.status == 422, f"NaN in a number column is a field error: {r.status} {r.body[:300]!r}")


def test_geojson_limits_answer_fast(api):
    park, subs = demo_park(api)
    pa = api.as_user("parkadmin")
    base = {"name": "几何上限测试", "park_id": subs[0], "land_use": "工业用地", "crs": "projected"}
    # 150,000 points in one ring (default limit 20,000 per ring, 100,000 per geometry).
    ring = [[500000 + i * 0.001, 3800000 + (i % 2) * 0.001] for i in range(150000)] + [[500000, 3800000]]
    t0 = time.time()
    r = pa.post(f"/api/v1/parks/{park}/parcels", dict(base, code="T-SEC-PTS", geometry={"type": "Polygon", "coordinates": [ring]}))
    expect(r.status == 422 and r.json()["error"]["details"][0]["field"] == "geometry.coordinates",
           f"too many points: {r.status} {r.body[:300]!r}")
    expect(time.time() - t0 < 10, f"answered in {time.time() - t0:.1f} s")
    polys = [square(500000 + 200 * i, 3800000, 100)["coordinates"] for i in range(600)]
    r = pa.post(f"/api/v1/parks/{park}/parcels", dict(base, code="T-SEC-POLY", geometry={"type": "MultiPolygon", "coordinates": polys}))
    expect(r.status == 422 and "最多 500" in r.body.decode(), f"too many polygons: {r.status} {r.body[:300]!r}")
    # 400 separate polygons of 200 points each is fine and quick (the pairwise checks use boxes and a sweep).
    import math
    many = []
    for i in range(400):
        cx, cy = 500000 + 100.0 * (i % 20), 3800000 + 100.0 * (i // 20)
        pts = [[cx + 40 * math.cos(2 * math.pi * k / 200), cy + 40 * math.sin(2 * math.pi * k / 200)] for k in range(200)]
        many.append([pts + [pts[0]]])
    t0 = time.time()
    r = pa.post(f"/api/v1/parks/{park}/parcels", dict(base, code="T-SEC-MANY", geometry={"type": "MultiPolygon", "coordinates": many}))
    expect(r.status == 201, f"many small polygons: {r.status} {r.body[:300]!r}")
    expect(time.time() - t0 < 10, f"many polygons took {time.time() - t0:.1f} s")


def test_numbers_out_of_range_and_bad_text_are_field_errors(api):
    park, subs = demo_park(api)
    pa = api.as_user("parkadmin")
    base = {"park_id": subs[0], "land_use": "工业用地", "crs": "projected", "geometry": square(600000, 3800000, 50)}
    r = pa.post(f"/api/v1/parks/{park}/parcels", raw_body='{"code":"T-SEC-INF","name":"x","invested":1e400}')
    expect(r.status in (400, 422), f"1e400: {r.status} {r.body[:300]!r}")
    if r.status == 422:
        expect(any(d["field"] == "invested" for d in r.json()["error"]["details"]), f"names the field: {r.body[:300]!r}")
    r = pa.post(f"/api/v1/parks/{park}/parcels", dict(base, code="T-SEC-BIG", name="x", invested=1e308))
    expect(r.status == 422 and any(d["field"] == "invested" for d in r.json()["error"]["details"]),
           f"1e308 invested: {r.status} {r.body[:300]!r}")
    r = pa.post(f"/api/v1/parks/{park}/parcels", dict(base, code="T-SEC-BIDI", name="地块\u202egnp.exe"))
    expect(r.status == 422 and any(d["field"] == "name" for d in r.json()["error"]["details"]),
           f"bidi override in a name: {r.status} {r.body[:300]!r}")
    r = pa.post(f"/api/v1/parks/{park}/parcels", dict(base, code="T-SEC-FFFE", name="地块\ufffe"))
    expect(r.status == 422, f"U+FFFE in a name: {r.status} {r.body[:300]!r}")


def test_csv_export_escapes_formula_text(api):
    park, subs = demo_park(api)
    pa = api.as_user("parkadmin")
    body = {"code": "T-SEC-CSV", "name": "=HYPERLINK(\"http://evil\",\"x\")", "park_id": subs[0], "land_use": "工业用地",
            "crs": "projected", "geometry": square(700000, 3800000, 50), "holder_name": "@SUM(1+1)"}
    r = pa.post(f"/api/v1/parks/{park}/parcels", body)
    expect(r.status == 201, f"create: {r.status} {r.body[:300]!r}")
    r = pa.get(f"/api/v1/parks/{park}/parcels/export?format=csv")
    expect(r.status == 200, f"export: {r.status}")
    import csv
    rows = list(csv.reader(io.StringIO(r.body.decode("utf-8-sig"))))
    row = [x for x in rows if x and x[0] == "T-SEC-CSV"]
    expect(row and row[0][1].startswith("'=HYPERLINK") and "'@SUM(1+1)" in row[0], f"escaped: {row}")
    for x in rows:
        for cell in x:
            if cell[:1] in ("=", "+", "@"):
                raise AssertionError(f"unescaped formula-like cell {cell!r}")
            if cell[:1] == "-":
                float(cell)  # only numbers may start with a minus


def test_sigterm_stops_the_server_promptly(api):
    if api.engine != "sqlite":
        return
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "t.db")
        env = dict(os.environ, PARKHQ_FAST_HASH="1")
        subprocess.run([BIN, "init", "--db", db], env=env, capture_output=True, check=True)
        p = subprocess.Popen([BIN, "serve", "--db", db, "--listen", "127.0.0.1:0", "--web-root", tmp,
                              "--shutdown-grace", "2", "--work-seconds", "5"],
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        line = p.stdout.readline()
        expect("serving" in line, f"started: {line!r}")
        t0 = time.time()
        p.send_signal(signal.SIGTERM)
        try:
            p.wait(timeout=8)
        except subprocess.TimeoutExpired:
            p.kill()
            raise AssertionError("SIGTERM did not stop the server within 8 s")
        expect(time.time() - t0 < 8, "stopped promptly")
        # Bad limit flags are refused at start.
        bad = subprocess.run([BIN, "serve", "--db", db, "--xlsx-max-cells", "abc"], env=env, capture_output=True, text=True)
        expect(bad.returncode == 2 and "xlsx-max-cells" in bad.stderr, f"bad flag: {bad.returncode} {bad.stderr!r}")
