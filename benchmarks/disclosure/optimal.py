"""The reference for Dots' cell suppression: an optimal suppression pattern for each system of linked counts,
found by mixed-integer programming with HiGHS (highspy) and generated constraints, to compare information loss with
the method Dots uses (linked) and the one it used before (greedy).

The model (classic cell suppression, as tau-Argus's "optimal" method and sdcTable's solve the problem):
- one binary x_c per count, zeros included; the primary cells (1 to the threshold) are fixed hidden, and a reader
  knows only that a hidden count is 0 or more (every hidden count marked alike; Dots marks the counts of a
  breakdown it withholds so, primaries among them);
- objective, in order: the fewest headlines hidden while above the threshold (whole-area and local authority totals
  for a quarter, year or rolling year: what a board reads), then the fewest other counts, then the smallest sum.
  Costs: 1 + value / (sum of all counts + 1) per count, times (number of counts + 1) for such a headline, so that
  one headline outweighs every other count together. These are the figures BENCHMARKS.md reports for Dots;
- protection: every hidden count must keep a range of at least the protection level under the interval attack of
  Tests/Disclosure/audit.py (the least and greatest value it can take given everything published).
Protection is checked by that attack on each connected group of hidden counts. A group C with an exposed count e
yields a cut every protecting pattern satisfies: with N(C) the counts that share a relation with C but are not in
it, x_e <= sum of x over N(C) (for a primary: sum >= 1). Why it is valid: hiding more never narrows a range, and a
pattern that hides e but nothing in N(C) leaves e's group, its relations and so e's range as they are. The
loop (solve, attack, cut) ends when the attack finds nothing: the pattern is then optimal for the model.
The counts Dots published rounded are kept rounded (the model chooses only what to hide around them). Each
system stops at
--time-limit and then reports the best lower bound on the objective it proved.

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
from audit import component_bounds, components, intervals  # noqa: E402


def is_headline(label, value, threshold):
    """A total for the whole area or a local authority, for a quarter, year or rolling year, above the threshold."""
    period, scope, breakdown = label.split("|")[:3]
    month = len(period) == 7 and period[4] == "-" and period[:4].isdigit()
    return breakdown == "total" and scope != "unknown" and not month and value > threshold


def solve(system, level, time_limit, threshold):
    counts = system["counts"]
    n = len(counts)
    primary = set(system["primary"])
    # Counts Dots published rounded stay rounded (the model chooses only what to hide): an attacker knows each lies
    # within its rounding interval, as in the audit.
    rounded = set(system.get("rounded", []))
    base = system.get("roundTo") or 1
    span = {}
    for c in rounded:
        r = (counts[c] + base // 2) // base * base
        span[c] = (max(0, r - base // 2), r + (base - 1) // 2)
    # Any count may be hidden, zeros too, and every hidden count is marked alike, so a reader knows only that it
    # is 0 or more: the labelling that protects most, so no pattern Dots could publish hides fewer than the
    # optimum found here.
    candidates = [c for c in range(n) if c not in rounded]
    least = {c: 0 for c in range(n)}
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
    headline = {c for c in candidates if is_headline(system["labels"][c], counts[c], threshold)}
    cost = np.array([
        0.0 if c in primary else (1.0 + counts[c] / (total + 1.0)) * ((m + 1) if c in headline else 1) for c in candidates
    ])
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

    # The attacker's program over the whole system, for capacity cuts (Fischetti and Salazar): two copies of every
    # count's deviation from its true value (y and z), each within -(v - 1)..M when hidden and 0 when published, every
    # relation holding for both; the widest range of a cell e is max y_e - z_e. M, the most a hidden count may rise,
    # is the sum of all counts plus the level: a vertex of this network-like system moves no count further.
    big = total + level
    rel_rows = []
    for rel in system["relations"]:
        kind = rel.get("kind", "equal")
        slack = sum(counts[p] for p in rel["parts"]) - counts[rel["total"]]
        low = 0.0 if kind == "equal" else (-slack if kind == "partsAtLeast" else -highspy.kHighsInf)
        high = 0.0 if kind == "equal" else (-slack if kind == "partsAtMost" else highspy.kHighsInf)
        coef = defaultdict(float)
        coef[rel["total"]] -= 1.0
        for q in rel["parts"]:
            coef[q] += 1.0
        rel_rows.append((low, high, coef))
    attacker = highspy.Highs()
    attacker.setOptionValue("output_flag", False)
    attacker.addVars(2 * n, np.zeros(2 * n), np.zeros(2 * n))
    for copy in (0, n):
        for low, high, coef in rel_rows:
            idx = np.array([copy + c for c in coef], dtype=np.int32)
            attacker.addRow(low, high, len(idx), idx, np.array(list(coef.values())))

    def capacity_cut(hidden, e):
        """The dual of the attacker's program for cell e at the current pattern, as a cut on x; None if e is safe."""
        lo = np.zeros(2 * n)
        hi = np.zeros(2 * n)
        for c, (a, b) in span.items():
            for k in (c, n + c):
                lo[k], hi[k] = a - counts[c], b - counts[c]
        for c in hidden:
            for k in (c, n + c):
                lo[k], hi[k] = -(counts[c] - least[c]), big
        attacker.changeColsBounds(2 * n, np.arange(2 * n, dtype=np.int32), lo, hi)
        cost = np.zeros(2 * n)
        cost[e], cost[n + e] = -1.0, 1.0
        attacker.changeColsCost(2 * n, np.arange(2 * n, dtype=np.int32), cost)
        attacker.run()
        if attacker.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return None
        value = -attacker.getInfo().objective_function_value
        if value >= level - 1e-6:
            return None
        duals = attacker.getSolution().col_dual
        coefficient = defaultdict(float)
        for k in range(2 * n):
            d, c = duals[k], k % n
            if c not in col:
                continue
            # Minimising: a positive reduced cost holds the count at its least value, a negative one at its greatest.
            if d > 1e-9:
                coefficient[c] += d * (counts[c] - least[c])
            elif d < -1e-9:
                coefficient[c] += -d * big
        constant = value - sum(v for c, v in coefficient.items() if c in hidden)
        coefficient[e] -= level
        idx = [col[c] for c, v in coefficient.items() if abs(v) > 1e-9]
        vals = [coefficient[c] for c, v in coefficient.items() if abs(v) > 1e-9]
        return idx, vals, -constant

    # Start from the cuts every method needs: a primary alone in an equation with everything else published.
    for p in primary:
        for r in by_cell[p]:
            # (A count published rounded in the equation already leaves it open.)
            if system["relations"][r].get("kind", "equal") == "equal" and not rounded.intersection(members[r]):
                if not cut([c for c in members[r] if c != p], p):
                    return {"status": "infeasible"}
    cache = {}
    start = time.monotonic()
    rounds = 0
    # Every cut is valid for every protecting pattern, so each solved master's objective is a lower bound on the
    # optimum's.
    bound = 0.0
    while True:
        rounds += 1
        left = time_limit - (time.monotonic() - start)
        if left > 0:
            h.setOptionValue("time_limit", left)
            h.run()
        if left <= 0 or h.getModelStatus() == highspy.HighsModelStatus.kTimeLimit:
            return {"status": "time limit", "rounds": rounds, "seconds": round(time.monotonic() - start, 2), "lowerBound": bound}
        if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return {"status": h.modelStatusToString(h.getModelStatus()), "rounds": rounds}
        bound = round(h.getInfo().objective_function_value, 6)
        x = h.getSolution().col_value
        hidden = {c for c in candidates if x[col[c]] > 0.5}
        view = {"counts": counts, "relations": system["relations"], "primary": sorted(hidden), "secondary": [], "withheld": []}
        added = 0
        for cells, rels in components(view, hidden | rounded):
            key = frozenset(cells)
            if key not in cache:
                lower = {c: span[c][0] if c in rounded else least[c] for c in cells}
                upper = {c: span[c][1] for c in cells if c in rounded}
                bounds = component_bounds(view, cells, rels, lower, upper)
                cache[key] = [c for c, (lo, hi) in bounds.items() if c not in rounded and counts[c] > 0 and hi is not None and hi - lo < level]
            if not cache[key]:
                continue
            inside = set(cells)
            neighbours = {c for r in rels for c in members[r] if c not in inside}
            for e in cache[key]:
                before = len(cuts)
                if not cut(neighbours, e):
                    return {"status": "infeasible", "rounds": rounds}
                added += len(cuts) - before
                strong = capacity_cut(hidden, e)
                if strong:
                    idx, vals, rhs = strong
                    h.addRow(rhs, highspy.kHighsInf, len(idx), np.array(idx, dtype=np.int32), np.array(vals))
                    added += 1
        if not added:
            secondary = sorted(hidden - primary)
            # Checked again by the audit itself, over the whole pattern at once.
            final = dict(system, primary=[], secondary=[], withheld=sorted(hidden), rounded=sorted(rounded))
            narrow = [c for c, (lo, hi) in intervals(final).items() if c not in rounded and counts[c] > 0 and hi is not None and hi - lo < level]
            if narrow:
                raise SystemExit(f"{system['indicatorID']}: the pattern found leaves {len(narrow)} cells exposed")
            return {
                "status": "optimal", "rounds": rounds, "seconds": round(time.monotonic() - start, 2),
                "secondary": len(secondary), "secondarySum": int(sum(counts[c] for c in secondary)),
                "headlines": len(headline & set(secondary)),
                "objective": round(sum(cost[col[c]] for c in secondary), 6),
            }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("systems")
    ap.add_argument("--level", type=int, default=3)
    ap.add_argument("--threshold", type=int, default=5)
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
            result = solve(system, args.level, args.time_limit, args.threshold)
            counts = system["counts"]
            protect = sorted((set(system["secondary"]) | set(system["withheld"])) - set(system["primary"]))
            total = float(sum(counts))
            m = len(counts) - len(system.get("rounded", []))
            headlines = [c for c in protect if is_headline(system["labels"][c], counts[c], args.threshold)]
            # Dots' pattern priced as the model prices it (rounded totals are published, so not counted).
            cost = sum((1.0 + counts[c] / (total + 1.0)) * ((m + 1) if c in headlines else 1) for c in protect)
            result.update({
                "indicator": system["indicatorID"], "quantity": system["quantity"], "cells": len(counts),
                "nonZero": sum(1 for v in counts if v > 0), "primary": len(system["primary"]),
                "method": {"secondary": len(protect), "secondarySum": int(sum(counts[c] for c in protect)),
                           "headlines": len(headlines), "objective": round(cost, 6),
                           "rounded": len(system.get("rounded", []))},
            })
            out.append(result)
            print(json.dumps(result), flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(out, f, indent=1)
    summarise(out)


def summarise(out):
    """Totals over the systems solved to optimality, and over all of them (optimum or lower bound)."""
    solved = [r for r in out if r["status"] == "optimal"]
    bounded = [r for r in out if r["status"] == "time limit"]
    def total(rows, key, sub=None):
        return sum((r[sub][key] if sub else r[key]) for r in rows)
    print(f"Systems: {len(out)}; solved to optimality {len(solved)}; stopped at the time limit {len(bounded)}")
    print(f"  solved: optimal {total(solved, 'headlines')} headlines, {total(solved, 'secondary')} cells ({total(solved, 'secondarySum')} in all); "
          f"Dots linked {total(solved, 'headlines', 'method')} headlines, {total(solved, 'secondary', 'method')} cells "
          f"({total(solved, 'secondarySum', 'method')}) and {total(solved, 'rounded', 'method')} rounded")
    if bounded:
        print(f"  stopped: objective at least {sum(r['lowerBound'] for r in bounded):.1f}; Dots linked objective "
              f"{sum(r['method']['objective'] for r in bounded):.1f}, {total(bounded, 'headlines', 'method')} headlines, "
              f"{total(bounded, 'secondary', 'method')} cells and {total(bounded, 'rounded', 'method')} rounded")


if __name__ == "__main__":
    main()
