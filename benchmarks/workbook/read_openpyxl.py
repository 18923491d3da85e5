"""The peer: openpyxl reading the same sheet, read-only, every value as Python sees it (no checks, no writing)."""
import sys

from openpyxl import load_workbook

book = load_workbook(sys.argv[1], read_only=True, data_only=True)
n = sum(1 for _ in book["List 1"].iter_rows(values_only=True))
print(n)
