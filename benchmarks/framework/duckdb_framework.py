"""The default framework's queries in DuckDB, for reference beside Dots on SQLite and PostgreSQL.

Copies the tables the queries read from the benchmark's PostgreSQL store into an in-memory DuckDB (same column
types), then runs each indicator's compiled query exactly as Dots runs it on PostgreSQL (`dots framework sql`),
timing each, and checks every result is the same as PostgreSQL's.

Usage: python duckdb_framework.py PSQL PG_URL SQL_JSONL OUT_DIR
"""
import json
import os
import subprocess
import sys
import time

import duckdb

PSQL, PG_URL, SQL_FILE, OUT = sys.argv[1:5]
# Every table the default framework's queries read: the datasets, the links, the imported boundaries (figures by LSOA)
# and the contexts' datasets.
TABLES = ["agencies", "people", "person_links", "ce_screenings", "missing_episodes", "police_incidents", "nrm_referrals",
          "health_contacts", "education_events", "youth_justice", "mace_discussions", "voice_feedback", "boundaries",
          "context_records", "context_reviews", "context_children"]
TYPES = {"timestamp with time zone": "TIMESTAMPTZ", "date": "DATE", "boolean": "BOOLEAN", "integer": "INTEGER",
         "bigint": "BIGINT", "smallint": "INTEGER", "double precision": "DOUBLE", "real": "DOUBLE", "numeric": "DOUBLE",
         "text": "VARCHAR", "character varying": "VARCHAR", "uuid": "VARCHAR"}
ENV = dict(os.environ, PGTZ="UTC")


def psql(sql):
    out = subprocess.run([PSQL, PG_URL, "-X", "-q", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1"], input=sql,
                         capture_output=True, text=True, env=ENV, check=True)
    return [line.split("\t") for line in out.stdout.splitlines() if line]


def canonical(rows):
    """Rows as comparable tuples: numbers as rounded floats, NULL as None."""
    out = []
    for row in rows:
        items = []
        for v in row:
            if v is None or v == "":
                items.append(None)
                continue
            try:
                items.append(round(float(v), 6))
            except (TypeError, ValueError):
                items.append(str(v))
        out.append(tuple(items))
    return sorted(out, key=repr)


con = duckdb.connect()
con.execute("SET TimeZone = 'UTC'")
con.execute("SET integer_division = true")  # PostgreSQL and SQLite divide integers as integers
t0 = time.time()
rows_loaded = 0
for table in TABLES:
    columns = psql(f"SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '{table}' "
                   "AND table_schema = 'public' ORDER BY ordinal_position")
    path = os.path.join(OUT, f"{table}.csv")
    psql(f"\\copy (SELECT * FROM {table}) TO '{path}' WITH (FORMAT csv, HEADER)")
    con.execute(f"CREATE TABLE {table} (" + ", ".join(f'"{c}" {TYPES.get(t, "VARCHAR")}' for c, t in columns) + ")")
    con.execute(f"COPY {table} FROM '{path}' (HEADER, NULL '')")
    rows_loaded += con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
load_seconds = time.time() - t0

queries = [json.loads(line) for line in open(SQL_FILE) if line.strip()]
timings, same = {}, 0
results = {}
for q in queries:
    t = time.time()
    results[q["indicator"]] = con.execute(q["sql"]).fetchall()
    timings[q["indicator"]] = time.time() - t
for q in queries:
    if canonical(results[q["indicator"]]) == canonical(psql(q["sql"])):
        same += 1
    else:
        print(f"DIFFERENT from PostgreSQL: {q['indicator']}", file=sys.stderr)

print(json.dumps({"duckdb": duckdb.__version__, "rows_loaded": rows_loaded, "load_seconds": round(load_seconds, 2),
                  "query_seconds": round(sum(timings.values()), 3), "indicators": len(queries), "same_as_postgres": same,
                  "timings": {k: round(v, 4) for k, v in timings.items()}}))
