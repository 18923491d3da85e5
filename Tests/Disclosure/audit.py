"""An interval attack on Dots' published figures, independent of Dots' own audit: for every hidden cell of every
system `dots framework audit --systems FILE` wrote, the smallest and largest value it can take given every
published count, every relation (parts add up to their total, or to at least or at most it) and each hidden
cell's least value (and, for a count published rounded, its greatest), solved with HiGHS (highspy). Exits 1 listing the non-zero cells narrower than the protection
level.

    python audit.py SYSTEMS.jsonl --level 3 [--expect-exposed] [--json OUT]

--expect-exposed inverts the check (for the old method, which must be caught leaking).
"""
import argparse
import json
import math
import sys

import highspy
import numpy as np


CEILING = 1e7


def components(system, hidden):
    parent = {h: h for h in hidden}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    touching = []
    for r, rel in enumerate(system["relations"]):
        members = [rel["total"]] + rel["parts"]
        h = [m for m in members if m in hidden]
        if not h:
            continue
        touching.append(r)
        for other in h[1:]:
            a, b = find(h[0]), find(other)
            if a != b:
                parent[b] = a
    cells, rels = {}, {}
    for h in sorted(hidden):
        cells.setdefault(find(h), []).append(h)
    for r in touching:
        rel = system["relations"][r]
        first = next(m for m in [rel["total"]] + rel["parts"] if m in hidden)
        rels.setdefault(find(first), []).append(r)
    return [(cells[k], rels.get(k, [])) for k in sorted(cells)]


def intervals(system):
    """Every hidden cell's (lower, upper) bound; upper is None when unbounded."""
    counts = system["counts"]
    rounded = set(system.get("rounded", []))
    hidden = set(system["primary"]) | set(system["secondary"]) | set(system["withheld"]) | rounded
    lower = {h: 1 for h in hidden}
    upper = {}
    for w in system["withheld"]:
        lower[w] = 0
    # A count published rounded to the nearest `base` (halves up) lies within r - base/2 ... r + (base-1)/2.
    base = system.get("roundTo") or 1
    for c in rounded:
        r = (counts[c] + base // 2) // base * base
        lower[c], upper[c] = max(0, r - base // 2), r + (base - 1) // 2
    out = {}
    for cells, rels in components(system, hidden):
        out.update(component_bounds(system, cells, rels, lower, upper))
    return out


def component_bounds(system, cells, rels, lower, upper):
    """The least and greatest value of each hidden cell of one connected group (`cells`, the relations `rels` that
    touch it), every other count being published; upper is None when unbounded."""
    counts = system["counts"]
    out = {}
    index = {c: j for j, c in enumerate(cells)}
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    n = len(cells)
    # A finite ceiling far above any count keeps every program bounded (HiGHS can end "unknown" on unbounded
    # ones); a maximum near it means nothing published bounds the cell.
    h.addVars(n, np.array([float(lower[c]) for c in cells]), np.array([float(upper.get(c, CEILING)) for c in cells]))
    for r in rels:
        rel = system["relations"][r]
        coef, rhs = {}, 0.0
        for cell, sign in [(rel["total"], -1.0)] + [(p, 1.0) for p in rel["parts"]]:
            if cell in index:
                coef[index[cell]] = coef.get(index[cell], 0.0) + sign
            else:
                rhs -= sign * counts[cell]
        idx = np.array(sorted(coef), dtype=np.int32)
        kind = rel.get("kind", "equal")
        # Σ parts − total ≥ 0 where a child can be counted in two groups; ≤ 0 where some are in none.
        low = rhs if kind in ("equal", "partsAtLeast") else -highspy.kHighsInf
        high = rhs if kind in ("equal", "partsAtMost") else highspy.kHighsInf
        h.addRow(low, high, len(idx), idx, np.array([coef[i] for i in idx]))
    for j, c in enumerate(cells):
        bounds = []
        for sense in (highspy.ObjSense.kMinimize, highspy.ObjSense.kMaximize):
            cost = np.zeros(n)
            cost[j] = 1.0
            h.changeColsCost(n, np.arange(n, dtype=np.int32), cost)
            h.changeObjectiveSense(sense)
            h.run()
            status = h.getModelStatus()
            if status == highspy.HighsModelStatus.kUnknown:
                # Presolve can stop short on an unbounded program; ask the simplex directly.
                h.setOptionValue("presolve", "off")
                h.run()
                status = h.getModelStatus()
                h.setOptionValue("presolve", "choose")
            if status == highspy.HighsModelStatus.kOptimal:
                bounds.append(h.getInfo().objective_function_value)
            elif status in (highspy.HighsModelStatus.kUnbounded, highspy.HighsModelStatus.kUnboundedOrInfeasible):
                bounds.append(None)
            else:
                raise SystemExit(f"{system['indicatorID']}: HiGHS status {h.modelStatusToString(status)} for {system['labels'][c]}")
        low, high = bounds
        if high is not None and high > CEILING / 2:
            high = None
        out[c] = (math.ceil(low - 1e-6), None if high is None else math.floor(high + 1e-6))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("systems")
    ap.add_argument("--level", type=int, default=3)
    ap.add_argument("--expect-exposed", action="store_true")
    ap.add_argument("--json")
    args = ap.parse_args()
    exposed, hidden_total, systems = [], 0, 0
    with open(args.systems) as f:
        for line in f:
            if not line.strip():
                continue
            system = json.loads(line)
            systems += 1
            published_rounded = set(system.get("rounded", []))
            for cell, (low, high) in intervals(system).items():
                if cell in published_rounded:
                    continue
                hidden_total += 1
                # A withheld zero is not at risk: only counts above zero must be protected.
                if system["counts"][cell] > 0 and high is not None and high - low < args.level:
                    exposed.append({
                        "indicator": system["indicatorID"], "quantity": system["quantity"], "cell": system["labels"][cell],
                        "value": system["counts"][cell], "lower": low, "upper": high,
                    })
    print(f"HiGHS interval attack: {systems} systems, {hidden_total} hidden cells, {len(exposed)} narrower than {args.level}.")
    for e in exposed[:10]:
        print(f"  {e['indicator']} {e['quantity']} {e['cell']} = {e['value']}: narrowed to {e['lower']}...{e['upper']}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"systems": systems, "hidden": hidden_total, "exposed": exposed}, f, indent=1)
    if args.expect_exposed:
        if not exposed:
            print("Expected the old method to be caught leaking, but the attack found nothing.", file=sys.stderr)
            sys.exit(1)
    elif exposed:
        sys.exit(1)


if __name__ == "__main__":
    main()
