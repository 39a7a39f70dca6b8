"""僵尸企业 N as a stored per-park setting (issue 5): GET/PUT /parks/{id}/zombie-settings (park admin
writes, audited, 1..60), used by GET /parks/{id}/zombies unless ?months= overrides it. Restores 6."""
from test_enterprises import expect, park_ids
from test_enterprises_config import REFUSED_WRITERS, audited, details, other_park


def test_zombie_months_setting(api):
    top, subs = park_ids(api)
    pa = api.as_user("parkadmin")
    url = f"/api/v1/parks/{top}/zombie-settings"
    r = pa.get(url)
    expect(r.status == 200 and r.json()["months"] == 6, f"default: {r.status} {r.body[:200]!r}")
    z6 = pa.get(f"/api/v1/parks/{top}/zombies").json()
    expect(z6["months"] == 6, f"zombies use the default: {z6.get('months')}")
    for who in ("gxj", "leader"):
        expect(api.as_user(who).get(url).status == 200, f"{who} reads")
    expect(api.as_user("qiye").get(url).status == 403, "enterprise user 403")

    # 422 names the field.
    for bad in (0, 61, -1, "x", None, 6.5):
        r = pa.put(url, {"months": bad})
        expect(r.status == 422 and "months" in details(r), f"months={bad!r}: {r.status} {r.body[:200]!r}")
    r = pa.put(url, {})
    expect(r.status == 422 and "months" in details(r), f"missing: {r.status}")
    # Refusals: enterprise, department, read-only leader 403; another park 404.
    for who, code in REFUSED_WRITERS:
        expect(api.as_user(who).put(url, {"months": 3}).status == code, f"{who} refused")
    op = other_park(api)
    expect(pa.get(f"/api/v1/parks/{op}/zombie-settings").status == 404, "other park GET 404")
    expect(pa.put(f"/api/v1/parks/{op}/zombie-settings", {"months": 3}).status == 404, "other park PUT 404")
    expect(pa.get(url).json()["months"] == 6, "refusals changed nothing")

    try:
        r = pa.put(url, {"months": 3})
        expect(r.status == 200 and r.json()["months"] == 3, f"put: {r.status} {r.body[:200]!r}")
        expect(audited(api, "setting", "enterprise.zombie_months"), "audited")
        # A sub-park uses its park's setting.
        expect(pa.get(f"/api/v1/parks/{subs[0]}/zombie-settings").json()["months"] == 3, "sub-park inherits")
        z3 = pa.get(f"/api/v1/parks/{top}/zombies").json()
        expect(z3["months"] == 3, f"zombies use the stored N: {z3.get('months')}")
        c3 = sum(1 for x in z3["items"] if x["candidate"])
        c6 = sum(1 for x in z6["items"] if x["candidate"])
        expect(c3 >= c6, f"a shorter run finds at least as many candidates: {c3} < {c6}")
        z12 = pa.get(f"/api/v1/parks/{top}/zombies?months=12").json()
        expect(z12["months"] == 12, "the query parameter overrides the setting")
        for bad in ("0", "61", "abc"):
            r = pa.get(f"/api/v1/parks/{top}/zombies?months={bad}")
            expect(r.status == 422 and "months" in details(r), f"?months={bad}: {r.status}")
    finally:
        expect(pa.put(url, {"months": 6}).status == 200, "restore 6")
