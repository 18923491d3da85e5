"""The reference for Dots' cell suppression: an optimal suppression pattern for each system of linked counts,
found by mixed-integer programming with HiGHS (highspy) and generated constraints, to compare information loss with
the method Dots uses (linked) and the one it used before (greedy).

The model (classic cell suppression, as tau-Argus's "optimal" method and sdcTable's solve the problem):
- one binary x_c per non-zero count (a zero is published as 0, so a reader knows every hidden count is at least 1);
  the primary cells (1 to the threshold) are fixed hidden;
- objective: the number of counts hidden beyond the primaries, ties broken by their sum
  (cost 1 + value / (sum of all counts + 1) per hidden count), the same two figures BENCHMARKS.md reports;
- protection: every hidden count must keep a range of at least the protection level under the interval attack of
  Tests/Disclosure/audit.py (the least and greatest value it can take given everything published).
Protection is checked by that attack on each connected group of hidden counts. A group C with an exposed count e
yields a cut every protecting pattern satisfies: with N(C) the counts that share a relation with C but are not in
it, x_e <= sum of x over N(C) (for a primary: sum >= 1). Why it is valid: hiding more never narrows a range, and a
pattern that hides e but nothing in N(C) leaves e's group, its relations and so e's range as they are. The
loop (solve, attack, cut) ends when the attack finds nothing: the pattern is then optimal for the model.
Not modelled: Dots' withholding of whole breakdowns and its rounding of whole-area totals, so the comparison is of
cells hidden; the cut loop stops at --time-limit per system and then says so.

    python optimal.py SYSTEMS.jsonl [--level 3] [--time-limit 120] [--json OUT]
"""
import argparse
import json
import os
import sys
import time
from collections import defaultdict

import highspy
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "Disclosure"))
from audit import component_bounds, components  # noqa: E402


def solve(system, level, time_limit):
    counts = system["counts"]
    n = len(counts)
    primary = set(system["primary"])
    candidates = [c for c in range(n) if counts[c] > 0]
    col = {c: j for j, c in enumerate(candidates)}
    members = [[r["total"]] + r["parts"] for r in system["relations"]]
    by_cell = defaultdict(list)
    for r, m in enumerate(members):
        for c in m:
            by_cell[c].append(r)
    total = float(sum(counts))
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", 0.0)
    m = len(candidates)
    lower = np.array([1.0 if c in primary else 0.0 for c in candidates])
    h.addVars(m, lower, np.ones(m))
    h.changeColsIntegrality(m, np.arange(m, dtype=np.int32), np.array([highspy.HighsVarType.kInteger] * m))
    cost = np.array([0.0 if c in primary else 1.0 + counts[c] / (total + 1.0) for c in candidates])
    h.changeColsCost(m, np.arange(m, dtype=np.int32), cost)
    cuts = set()

    def cut(neighbours, exposed):
        """sum of x over neighbours >= x_exposed (>= 1 for a primary); False when nothing can protect it."""
        nb = sorted(col[c] for c in neighbours if c in col)
        key = (tuple(nb), None if exposed in primary else col[exposed])
        if key in cuts:
            return True
        cuts.add(key)
        if exposed in primary:
            if not nb:
                return False
            h.addRow(1.0, highspy.kHighsInf, len(nb), np.array(nb, dtype=np.int32), np.ones(len(nb)))
        else:
            idx = nb + [col[exposed]]
            h.addRow(0.0, highspy.kHighsInf, len(idx), np.array(idx, dtype=np.int32), np.array([1.0] * len(nb) + [-1.0]))
        return True

    # Start from the cuts every method needs: a primary alone in an equation with everything else published.
    for p in primary:
        for r in by_cell[p]:
            if system["relations"][r].get("kind", "equal") == "equal":
                if not cut([c for c in members[r] if c != p], p):
                    return {"status": "infeasible"}
    cache = {}
    start = time.monotonic()
    rounds = 0
    while True:
        rounds += 1
        left = time_limit - (time.monotonic() - start)
        if left <= 0:
            return {"status": "time limit", "rounds": rounds, "lowerBound": objective_of(h, candidates, counts, primary, total)[0]}
        h.setOptionValue("time_limit", left)
        h.run()
        if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return {"status": h.modelStatusToString(h.getModelStatus()), "rounds": rounds}
        x = h.getSolution().col_value
        hidden = {c for c in candidates if x[col[c]] > 0.5}
        view = {"counts": counts, "relations": system["relations"], "primary": sorted(hidden), "secondary": [], "withheld": []}
        added = 0
        for cells, rels in components(view, hidden):
            key = frozenset(cells)
            if key not in cache:
                bounds = component_bounds(view, cells, rels, {c: 1 for c in cells}, {})
                cache[key] = [c for c, (lo, hi) in bounds.items() if hi is not None and hi - lo < level]
            if not cache[key]:
                continue
            inside = set(cells)
            neighbours = {c for r in rels for c in members[r] if c not in inside}
            for e in cache[key]:
                before = len(cuts)
                if not cut(neighbours, e):
                    return {"status": "infeasible", "rounds": rounds}
                added += len(cuts) - before
        if not added:
            secondary = sorted(hidden - primary)
            return {
                "status": "optimal", "rounds": rounds, "seconds": round(time.monotonic() - start, 2),
                "secondary": len(secondary), "secondarySum": int(sum(counts[c] for c in secondary)),
                "objective": round(sum(cost[col[c]] for c in secondary), 6),
            }


def objective_of(h, candidates, counts, primary, total):
    return (h.getInfo().mip_dual_bound,)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("systems")
    ap.add_argument("--level", type=int, default=3)
    ap.add_argument("--time-limit", type=float, default=120)
    ap.add_argument("--only", help="indicator id to solve alone")
    ap.add_argument("--json")
    args = ap.parse_args()
    out = []
    with open(args.systems) as f:
        for line in f:
            if not line.strip():
                continue
            system = json.loads(line)
            if args.only and system["indicatorID"] != args.only:
                continue
            result = solve(system, args.level, args.time_limit)
            counts = system["counts"]
            protect = [c for c in system["secondary"]] + [c for c in system["withheld"] if counts[c] > 0]
            result.update({
                "indicator": system["indicatorID"], "quantity": system["quantity"], "cells": len(counts),
                "nonZero": sum(1 for v in counts if v > 0), "primary": len(system["primary"]),
                "method": {"secondary": len(protect), "secondarySum": int(sum(counts[c] for c in protect)),
                           "rounded": len(system.get("rounded", []))},
            })
            out.append(result)
            print(json.dumps(result), flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
