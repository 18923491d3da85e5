#!/usr/bin/env python3
"""Writes a prepared-style submission for the intake benchmark: people.csv and missing_episodes.csv.

Deterministic (fixed seed). Values vary as real ones do: every column of missing_episodes is filled in most rows,
times are UK wall-clock times across three financial years, every episode refers to a listed person.
Usage: make_intake_fixture.py OUT_DIR [EPISODES] [PEOPLE]
"""
import base64
import datetime as dt
import hashlib
import os
import random
import sys

out = sys.argv[1]
episodes = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
people = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
rng = random.Random(20201124)
os.makedirs(out, exist_ok=True)
areas = ["E06000021"] + [f"E0700019{i}" for i in range(2, 10)]

with open(f"{out}/people.csv", "w") as f:
    f.write("person_id,nhs_pseudonym,upn_pseudonym,local_id_pseudonym,name_dob_pseudonym,first_name_pseudonym,surname_pseudonym,"
            "dob_pseudonym,dob_unordered_pseudonym,postcode_pseudonym,first_name_bloom,surname_bloom,birth_year_month,sex,ethnicity,home_area,looked_after,send\n")
    for i in range(people):
        h = [hashlib.sha256(f"{k}:{i}".encode()).hexdigest() for k in range(7)]
        blooms = [base64.b64encode(hashlib.sha512(f"{k}:{i}".encode()).digest()).decode() for k in range(2)]
        f.write(f"P{i:07d},{h[0] if i % 3 else ''},,,{h[1]},{h[2]},{h[3]},{h[4]},{h[5]},{h[6]},{blooms[0]},{blooms[1]},"
                f"{rng.randint(2006, 2015)}-{rng.randint(1, 12):02d},"
                f"{rng.choice('MMF')},{rng.choice(['WBRI', 'WBRI', 'WBRI', 'APKN', 'MWBC', ''])},{rng.choice(areas)},{rng.choice('NNNY')},\n")

start0 = dt.datetime(2023, 4, 1)
span = (dt.datetime(2026, 3, 28) - start0).total_seconds()
fmt = "%Y-%m-%d %H:%M"
with open(f"{out}/missing_episodes.csv", "w") as f:
    f.write("episode_id,person_id,start_datetime,end_datetime,missing_type,missing_from,placed_by_other_la,found_area,"
            "rhi_offered_datetime,rhi_accepted_datetime,rhi_completed_datetime\n")
    lines = []
    for i in range(episodes):
        start = start0 + dt.timedelta(seconds=rng.randrange(int(span)) // 60 * 60)
        end = start + dt.timedelta(hours=rng.randint(1, 60))
        care = rng.random() < 0.3
        offered = end + dt.timedelta(hours=rng.randint(2, 30))
        rhi = rng.random() < 0.7
        lines.append(f"E{i:08d},P{rng.randrange(people):07d},{start.strftime(fmt)},{end.strftime(fmt)},{'A' if care and rng.random() < 0.25 else 'M'},"
                     f"{'care' if care else 'home'},{('Y' if rng.random() < 0.2 else 'N') if care else ''},{rng.choice(areas)},"
                     f"{offered.strftime(fmt) if rhi else ''},{offered.strftime(fmt) if rhi else ''},"
                     f"{(offered + dt.timedelta(hours=rng.randint(1, 90))).strftime(fmt) if rhi else ''}\n")
        if len(lines) == 100_000:
            f.writelines(lines)
            lines = []
    f.writelines(lines)
