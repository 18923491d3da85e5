#!/usr/bin/env python3
"""Links one synthetic partnership with Splink (clear identifiers, DuckDB) or anonlink (clkhash encodings) and
prints one JSON line: F1 (pairwise, from clusters, as `dots link --evaluate` computes it), wall seconds.

Usage: [PEERS_SHARED_ID=column] peers.py splink|anonlink SYNTH_DIR
SYNTH_DIR is what `dots synth` wrote: <agency>/people.csv extracts and truth.csv.
"""
import csv
import datetime as dt
import json
import os
import sys
import time
import unicodedata
from collections import Counter, defaultdict

tool, root = sys.argv[1], sys.argv[2]
# The shared identifier Splink compares exactly and blocks on: the NHS number, or (PEERS_SHARED_ID=local_id, the
# FEBRL benchmark) the agencies' other id.
shared_id = os.environ.get("PEERS_SHARED_ID", "nhs_number")


def name(s):
    s = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().upper()
    return "".join(c for c in s if c.isalpha()) or None


def dob(s):
    s = (s or "").strip()
    for f in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(s, f).date().isoformat()
        except ValueError:
            pass
    return None


def records():
    out = []
    for agency in sorted(os.listdir(root)):
        path = os.path.join(root, agency, "people.csv")
        if not os.path.exists(path):
            continue
        with open(path, newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                nhs = "".join(c for c in r[shared_id] if c.isdigit()) or None
                pc = "".join(c for c in r["postcode"].upper() if c.isalnum()) or None
                out.append({"unique_id": f"{agency}/{r['person_id']}", "agency": agency, "first_name": name(r["first_name"]),
                            "surname": name(r["surname"]), "dob": dob(r["date_of_birth"]), "nhs": nhs, "postcode": pc,
                            "sex": r["sex"] if r["sex"] in ("M", "F") else None})
    return out


def truth():
    with open(os.path.join(root, "truth.csv"), newline="") as f:
        return {f"{r['agency']}/{r['person_id']}": r["true_person_id"] for r in csv.DictReader(f)}


def f1(clusters, truth_map):
    """Pairwise precision, recall, F1 from a record → cluster map, over records in the truth."""
    pairs = lambda n: n * (n - 1) // 2
    pred, true, both = Counter(), Counter(), Counter()
    for k, t in truth_map.items():
        c = clusters.get(k, "single:" + k)
        pred[c] += 1
        true[t] += 1
        both[(c, t)] += 1
    tp = sum(pairs(n) for n in both.values())
    p = tp / max(1, sum(pairs(n) for n in pred.values()))
    r = tp / max(1, sum(pairs(n) for n in true.values()))
    return {"precision": p, "recall": r, "f1": 0 if p + r == 0 else 2 * p * r / (p + r)}


def run_splink(recs):
    import pandas as pd
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    import duckdb
    # A memory cap keeps a large run from taking the whole machine; DuckDB spills to disk beyond it.
    os.makedirs("benchmarks/out/duckdb-tmp", exist_ok=True)
    db = DuckDBAPI(connection=duckdb.connect(config={"memory_limit": "12GB", "temp_directory": "benchmarks/out/duckdb-tmp"}))
    df = db.register(pd.DataFrame(recs))
    settings = SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            cl.ExactMatch("nhs"),
            cl.NameComparison("first_name"),
            cl.NameComparison("surname"),
            cl.DateOfBirthComparison("dob", input_is_string=True),
            cl.ExactMatch("postcode"),
            cl.ExactMatch("sex"),
        ],
        # The same rules as Dots' defaults, on the clear values (Splink has no day-and-month-unordered date).
        blocking_rules_to_generate_predictions=[
            block_on("nhs"), block_on("first_name", "surname", "dob"), block_on("dob", "first_name"), block_on("dob", "surname"),
            block_on("first_name", "surname", "substr(dob, 1, 4)"), block_on("first_name", "surname", "postcode"),
            block_on("postcode", "substr(dob, 1, 4)"),
        ],
        retain_intermediate_calculation_columns=False,
    )
    linker = Linker(df, settings, log_level=None)
    linker.training.estimate_probability_two_random_records_match([block_on("nhs"), block_on("first_name", "surname", "dob")], recall=0.8)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6)
    for rule in (block_on("dob", "surname"), block_on("dob", "first_name"), block_on("first_name", "surname", "substr(dob, 1, 4)")):
        linker.training.estimate_parameters_using_expectation_maximisation(rule)
    pred = linker.inference.predict(threshold_match_probability=0.5)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(pred, 0.95).as_pandas_dataframe()
    return dict(zip(clusters["unique_id"], clusters["cluster_id"].astype(str)))


def run_anonlink(recs):
    import anonlink
    from clkhash import clk
    from clkhash.schema import from_json_dict

    feature = lambda ident, n, bits: {"identifier": ident, "format": {"type": "string", "encoding": "utf-8"},
                                      "hashing": {"comparison": {"type": "ngram", "n": n}, "strategy": {"bitsPerToken": bits}, "hash": {"type": "doubleHash"}}}
    schema = from_json_dict({"version": 3, "clkConfig": {"l": 1024, "kdf": {"type": "HKDF", "hash": "SHA256", "keySize": 64,
                                                                           "salt": "U2FsdCBmb3IgdGhlIERvdHMgYmVuY2htYXJr", "info": ""}},
                             "features": [feature("first_name", 2, 20), feature("surname", 2, 20), feature("dob", 1, 12),
                                          feature("postcode", 2, 8), feature("sex", 1, 4)]})
    by_agency = defaultdict(list)
    for r in recs:
        by_agency[r["agency"]].append(r)
    agencies = sorted(by_agency)
    datasets, ids = [], []
    for a in agencies:
        rows = [[r["first_name"] or "", r["surname"] or "", (r["dob"] or "").replace("-", ""), r["postcode"] or "", r["sex"] or ""] for r in by_agency[a]]
        datasets.append(clk.generate_clks(rows, schema, "dots-benchmark-secret", validate=False))
        ids.append([r["unique_id"] for r in by_agency[a]])
    # anonlink compares every record of one dataset with every record of another unless told otherwise; blocking
    # on the encoded birth year (a clear year, as Dots also keeps in clear) keeps 1M records feasible.
    years = {}
    for a_i, a in enumerate(agencies):
        for r_i, r in enumerate(by_agency[a]):
            years[(a_i, r_i)] = (r["dob"] or "????")[:4]
    blocking = lambda di, ri, _h: (years[(di, ri)],)
    candidates = anonlink.candidate_generation.find_candidate_pairs(datasets, anonlink.similarities.dice_coefficient_accelerated, 0.8, blocking_f=blocking)
    groups = anonlink.solving.greedy_solve(candidates)
    clusters = {}
    for g, members in enumerate(groups):
        for di, ri in members:
            clusters[ids[di][ri]] = f"g{g}"
    return clusters


recs = records()
t = truth()
start = time.time()
clusters = run_splink(recs) if tool == "splink" else run_anonlink(recs)
seconds = time.time() - start
print(json.dumps({"tool": tool, "records": len(recs), "seconds": round(seconds, 2), **{k: round(v, 4) for k, v in f1(clusters, t).items()}}))
