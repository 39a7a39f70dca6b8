"""The park evaluation schemes as configuration (issue 13 item 1): a sysadmin adds, changes and removes
an indicator of a scheme; every refusal (other roles 403, unknown scheme or indicator 404, bad input 422
naming the field with nothing written); the audit row; and the ranking recomputed with the new weight."""


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


def fields(r):
    return [d["field"] for d in r.json()["error"]["details"]]


def scheme(api, code="plan8"):
    items = api.as_user("admin").get("/api/v1/park-evaluation-schemes").json()["items"]
    return next(s for s in items if s["code"] == code)


def city(api):
    admin = api.as_user("admin")
    parks = {p["name"]: p for p in admin.get("/api/v1/parks").json()["items"]}
    regions = {r["id"]: r for r in admin.get("/api/v1/regions").json()["items"]}
    return regions[parks["华亭工业园区"]["region_id"]]["parent_id"]


def body_of(ind, **over):
    b = {k: ind[k] for k in ("name", "category", "unit", "source", "formula", "direction", "weight", "method",
                             "benchmark")}
    b.update(over)
    return b


def test_scheme_indicators_are_configuration_a_sysadmin_edits(api):
    admin = api.as_user("admin")
    before = scheme(api)
    ind = next(i for i in before["indicators"] if i["method"] == "efficacy" and i["source"] == "formula")
    url = f"/api/v1/park-evaluation-schemes/plan8/indicators/{ind['code']}"
    for user, pw in (("parkadmin", None), ("leader", None), ("gxj", None), ("qiye", None),
                     ("pingliang", "City@2023demo")):
        s = api.as_user(user, pw) if pw else api.as_user(user)
        expect(s.put(url, body_of(ind, weight=1)).status == 403, f"{user} may not change a scheme")
        expect(s.delete(url).status == 403, f"{user} may not remove an indicator")
    expect(admin.put("/api/v1/park-evaluation-schemes/nope/indicators/x", body_of(ind)).status == 404, "unknown scheme")
    expect(admin.delete("/api/v1/park-evaluation-schemes/plan8/indicators/nope").status == 404, "unknown indicator")
    for bad, field in ((body_of(ind, method="vote"), "method"), (body_of(ind, category="火星"), "category"),
                       (body_of(ind, formula="((("), "formula"), (body_of(ind, weight=-1), "weight"),
                       (body_of(ind, weight=1e9), "weight"), (body_of(ind, direction="up"), "direction"),
                       (body_of(ind, method="ratio", benchmark=None), "benchmark")):
        r = admin.put(url, bad)
        expect(r.status == 422 and field in fields(r), f"{field}: {r.status} {r.body[:200]!r}")
    expect(scheme(api) == before, "nothing written on bad input")

    # Doubling the weight of an efficacy indicator adds its old points to each park's score.
    region = city(api)
    rank = lambda: {p["park_id"]: p for p in admin.get(f"/api/v1/regions/{region}/park-evaluation/2024?scheme=plan8")
                    .json()["parks"]}
    old = rank()
    r = admin.put(url, body_of(ind, weight=ind["weight"] * 2))
    expect(r.status == 200, f"changed: {r.status} {r.body[:200]!r}")
    expect(next(i for i in r.json()["indicators"] if i["code"] == ind["code"])["weight"] == ind["weight"] * 2, "stored")
    new = rank()
    for pid, p in old.items():
        pts = p["indicators"].get(ind["code"], {}).get("score") or 0
        expect(abs(new[pid]["score"] - (p["score"] + pts)) < 0.02,
               f"park {pid}: {p['score']} + {pts} vs {new[pid]['score']}")
    audit = admin.get(f"/api/v1/audit?entity=park_eval_indicator&entity_id=plan8/{ind['code']}").json()["items"]
    upd = [a for a in audit if a["action"] == "update"]
    expect(upd and float(upd[0]["before"]["weight"]) == ind["weight"]
           and float(upd[0]["after"]["weight"]) == ind["weight"] * 2, f"audited: {audit[:1]}")

    # A new indicator, entered by the parks, then removed; the original restored.
    new_url = "/api/v1/park-evaluation-schemes/plan8/indicators/test_extra"
    r = admin.put(new_url, {"name": "测试指标", "category": before["categories"][0], "source": "entered",
                            "formula": "test_extra", "weight": 2, "method": "rank"})
    expect(r.status == 200 and any(i["code"] == "test_extra" for i in r.json()["indicators"]), "added")
    expect(admin.delete(new_url).status == 200, "removed")
    expect(admin.put(url, body_of(ind)).status == 200, "restored")
    expect(scheme(api) == before, "the scheme is as it was")
