"""Dots' return readers side by side with Data to Insight's validators (csc-validator-be-cin, csc-validator-be-903).

For every DfE rule both implement, the children each flags must be the same; the rules only one implements are
listed (docs/returns.md says why). Run by scripts/validator-check on returns `dots synth returns --defects` wrote,
on the hand-written fixture and on liiatools' fake CIN census. Exits non-zero on any disagreement.

usage: compare.py DOTS FOLDER [--la 860] --cin-ruleset cin2022_23 --lac-ruleset lac2022_23 [--json OUT]
"""

import argparse
import contextlib
import importlib
import io
import json
import logging
import subprocess
import tempfile
import sys
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

warnings.filterwarnings("ignore")
logging.disable(logging.CRITICAL)


def dots_findings(dots, folder, la):
    args = [dots, "returns", "check", folder, "--json"] + (["--la-code", la] if la else [])
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    found = {}
    for f in json.loads(out):
        if f.get("child"):
            found.setdefault((f["collection"], f["rule"]), set()).add(f["child"])
    return found


def cin_findings(xml, ruleset):
    from cin_validator import cin_validator

    registry = getattr(importlib.import_module(f"cin_validator.rules.{ruleset}"), "registry")
    data = cin_validator.process_data(cin_validator.convert_data(ET.parse(xml).getroot()))
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        df = cin_validator.CinValidator(data, registry).full_issue_df
    # The validator prints, and skips, a rule that raises on the data ("Error with rule 8614: TypeError ...").
    for line in printed.getvalue().splitlines():
        if line.startswith("Error with rule "):
            CRASHED.add(("cin", line.split()[3].rstrip(":")))
    found = {}
    for rule, child in zip(df["rule_code"].astype(str), df["child_id"].astype(str)):
        found.setdefault(("cin", rule), set()).add(child)
    return found, {str(r.code) for _, r in registry.items()}


def lac_findings(tables, ruleset):
    from lac_validator import lac_validator
    from lac_validator.report import Report
    from lac_validator.utils import process_uploaded_files

    registry = getattr(importlib.import_module(f"lac_validator.rules.{ruleset}"), "registry")
    files = process_uploaded_files({"This year": [str(t) for t in tables]})
    with contextlib.redirect_stdout(io.StringIO()):
        v = lac_validator.LacValidator(
            metadata={"collectionYear": ruleset[3:7], "localAuthority": "E10000028"}, files=files, registry=registry, selected_rules=None
        )
        r = Report(v.ds_results, registry)
        df = lac_validator.create_issue_df(r.report, r.error_report)
    found = {}
    for rule, child in zip(df["rule_code"].astype(str), df["child_id"].astype(str)):
        found.setdefault(("903", rule), set()).add(child)
    return found, {str(r.code) for _, r in registry.items()}


def xml_as_tables(files):
    """The SSDA903 XML read by the validator's own XML reader, its tables written out as the CSV return's: the
    validator's report step fails on the empty tables its XML reader makes for sections a return does not have."""
    from lac_validator.ingress import read_xml_from_text

    out = []
    for xml in files:
        text = xml.read_text()
        # The validator's XML reader gives each EPISODE every leaf of its child, so an open episode takes another
        # episode's end date (DEC, REC): put back what each EPISODE itself says, in the same document order.
        own_end = [
            {k: (ep.find(k).text if ep.find(k) is not None else None) for k in ("DEC", "REC", "REASON_PLACE_CHANGE")}
            for child in ET.fromstring(text)
            for ep in child
            if ep.tag == "EPISODE"
        ]
        for name, df in read_xml_from_text(text).items():
            if name == "Episodes":
                for column in ("DEC", "REC", "REASON_PLACE_CHANGE"):
                    df[column] = [e[column] for e in own_end]
            if len(df.columns) == 0:
                continue
            if name == "Header":
                # The XML reader adds a UASC column to the Header that the CSV Header does not have.
                df = df.drop(columns=["UASC"], errors="ignore")
            path = Path(tempfile.mkdtemp()) / f"{name}.csv"
            df.to_csv(path, index=False)
            out.append(path)
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("dots")
    p.add_argument("folder")
    p.add_argument("--la", help="the local authority's DfE code, for SSDA903 tables without a CIN census beside them")
    p.add_argument("--cin-ruleset", default="cin2022_23")
    p.add_argument("--lac-ruleset", default="lac2022_23")
    p.add_argument("--json")
    p.add_argument("--rules-doc", help="the committed list of rules only the validators implement, checked against theirs")
    p.add_argument("--write-rules-doc", action="store_true", help="rewrite --rules-doc instead of checking it")
    a = p.parse_args()
    folder = Path(a.folder)
    ours = dots_findings(a.dots, a.folder, a.la)
    theirs, implemented = {}, {"cin": set(), "903": set()}
    lac_xml = []
    for xml in sorted(folder.glob("*.xml")):
        if "<SSDA903" in xml.read_text()[:2000]:
            lac_xml.append(xml)
            continue
        found, codes = cin_findings(xml, a.cin_ruleset)
        theirs.update(found)
        implemented["cin"] |= codes
    tables = sorted(t for t in folder.glob("*.csv")) + xml_as_tables(lac_xml)
    if tables:
        found, codes = lac_findings(tables, a.lac_ruleset)
        theirs.update(found)
        implemented["903"] |= codes
    dots_rules = {key for key in ours} | DOTS_RULES
    report = {"agree": [], "explained": [], "disagree": [], "dots_only": [], "validator_only": sorted(f"{c} {r}" for c, rules in implemented.items() for r in rules if (c, r) not in DOTS_RULES)}
    for key in sorted(DOTS_RULES):
        collection, rule = key
        if not any(key[0] == c for c in implemented if implemented[c]):
            continue
        if rule not in implemented[collection]:
            report["dots_only"].append(f"{collection} {rule}")
            continue
        mine, other = ours.get(key, set()), theirs.get(key, set())
        entry = {"rule": f"{collection} {rule}", "children": len(mine | other), "dots_only": sorted(mine - other), "validator_only": sorted(other - mine)}
        if mine == other:
            report["agree"].append(entry)
        elif not (other - mine) and (key in CRASHED or key in KNOWN):
            # Dots flags every child the validator does, and more, for a reason docs/returns.md gives.
            entry["why"] = "the validator's rule raised an error on the data and was skipped" if key in CRASHED else KNOWN[key]
            report["explained"].append(entry)
        else:
            report["disagree"].append(entry)
    for e in report["agree"]:
        print(f"  agree     {e['rule']:>9}: {e['children']} children")
    for e in report["explained"]:
        print(f"  explained {e['rule']:>9}: Dots also flags {e['dots_only'][:5]}: {e['why']}")
    for e in report["disagree"]:
        print(f"  DISAGREE  {e['rule']:>9}: Dots only {e['dots_only'][:5]}, validator only {e['validator_only'][:5]}")
    for r in report["dots_only"]:
        print(f"  Dots only {r:>9}: not in the validator's rule pack")
    print(f"  {len(report['validator_only'])} rules only the validators implement (docs/returns.md)")
    if a.json:
        Path(a.json).write_text(json.dumps(report, indent=2))
    if a.rules_doc:
        doc = rules_doc(a.cin_ruleset, a.lac_ruleset)
        if a.write_rules_doc:
            Path(a.rules_doc).write_text(doc)
        elif Path(a.rules_doc).read_text() != doc:
            sys.exit(f"{a.rules_doc} no longer lists the rules only the validators implement: rewrite it with --write-rules-doc")
    if report["disagree"]:
        sys.exit(f"{folder}: Dots and the validators flag different children for {len(report['disagree'])} rules")


def rules_doc(cin_ruleset, lac_ruleset):
    """The rules of the two pinned rule packs that Dots does not check, as markdown."""
    lines = [
        "# DfE rules Dots leaves to the validators",
        "",
        "Generated by `Tests/Validators/compare.py --write-rules-doc` from the pinned rule packs of Data to Insight's",
        f"validators (`{cin_ruleset}` of csc-validator-be-cin, `{lac_ruleset}` of csc-validator-be-903); `scripts/validator-check`",
        "fails if it drifts. Do not edit by hand.",
        "",
        "Dots' readers check the rules that bear on what they carry into Dots and on the integrity of what they make",
        "(docs/returns.md). The rules below are not checked by Dots, for one reason: a local authority already runs them",
        "before it submits to DfE, most concern fields Dots does not carry (disabilities, reviews, adoption, outcomes,",
        "placements' providers and postcodes), and Dots accepts a return DfE has accepted. Where Dots and a validator both",
        "implement a rule, `scripts/validator-check` requires them to flag the same children.",
        "",
        "| Collection | Rule | Message |",
        "|---|---|---|",
    ]
    for collection, module in (("CIN", f"cin_validator.rules.{cin_ruleset}"), ("SSDA903", f"lac_validator.rules.{lac_ruleset}")):
        registry = getattr(importlib.import_module(module), "registry")
        key = "cin" if collection == "CIN" else "903"
        for _, rule in sorted(registry.items(), key=lambda kv: str(kv[1].code)):
            if (key, str(rule.code)) in DOTS_RULES:
                continue
            message = " ".join(str(rule.message).split()).replace("|", "/")
            lines.append(f"| {collection} | {rule.code} | {message} |")
    return "\n".join(lines) + "\n"


# Rules the validator skipped because they raised an error on the data (filled as the CIN validator runs).
CRASHED = set()

# Rules where the validators (the pinned versions) flag fewer children than DfE's rule asks, and why. Dots must
# still flag every child they do.
KNOWN = {
    ("903", "168"): "the validator checks the UPN's pattern only; Dots also checks its check letter, as DfE's rule does",
    ("cin", "8869"): "the validator compares the whole list of an assessment's factors with \"21\", so never matches once it holds two",
    ("cin", "8935"): "the validator counts open plans per plan id, not per child, so never finds two",
}

# The rules Dots' readers check (docs/returns.md), by collection.
DOTS_RULES = {("cin", r) for r in ["8500", "8510", "1103", "2889", "1105", "8805", "8810", "8614", "8869", "8898", "8820", "8935", "8940", "1510"]} | {
    ("903", r) for r in ["142", "501", "581", "586", "168"]
}

if __name__ == "__main__":
    main()
