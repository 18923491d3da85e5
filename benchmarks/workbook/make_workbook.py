"""Writes an Annex A-style workbook for the reader benchmark: a title row, then List 1's columns (child id, gender
and ethnicity with Annex A's list letters, dates of birth and contact as Excel dates, age, contact source), with
ROWS children of invented data. Usage: make_workbook.py OUT.xlsx ROWS"""
import datetime
import random
import sys

from openpyxl import Workbook

out, rows = sys.argv[1], int(sys.argv[2])
rng = random.Random(42)
book = Workbook(write_only=True)
sheet = book.create_sheet("List 1")
sheet.append(["Annex A: List 1, contacts (invented data for a benchmark)"])
sheet.append(["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age", "Date of Contact", "Contact Source"])
genders = ["a) Male", "b) Female", "c) Not stated/recorded"]
ethnicities = ["a) WBRI", "k) APKN", "s) NOBT", "f) MWBC", "n) BCRB"]
sources = ["q) 6: Police", "b) 1B: Individual", "e) 2A: Schools", "t) 9: Anonymous"]
for i in range(rows):
    born = datetime.date(2006, 1, 1) + datetime.timedelta(days=rng.randrange(0, 6500))
    contact = datetime.date(2024, 4, 1) + datetime.timedelta(days=rng.randrange(0, 365))
    sheet.append([9_000_000 + i, rng.choice(genders), rng.choice(ethnicities), born, (contact - born).days / 365.25, contact, rng.choice(sources)])
book.save(out)
