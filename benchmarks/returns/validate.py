"""The peer for benchmarks/returns/run.sh: Data to Insight's validator run over one return, as a local authority runs
it. usage: validate.py cin FILE.xml RULESET | validate.py 903 RULESET TABLE.csv ..."""

import contextlib
import importlib
import io
import logging
import sys
import warnings
import xml.etree.ElementTree as ET

warnings.filterwarnings("ignore")
logging.disable(logging.CRITICAL)

with contextlib.redirect_stdout(io.StringIO()):
    if sys.argv[1] == "cin":
        from cin_validator import cin_validator

        registry = getattr(importlib.import_module(f"cin_validator.rules.{sys.argv[3]}"), "registry")
        data = cin_validator.process_data(cin_validator.convert_data(ET.parse(sys.argv[2]).getroot()))
        issues = len(cin_validator.CinValidator(data, registry).full_issue_df)
    else:
        from lac_validator import lac_validator
        from lac_validator.report import Report
        from lac_validator.utils import process_uploaded_files

        registry = getattr(importlib.import_module(f"lac_validator.rules.{sys.argv[2]}"), "registry")
        files = process_uploaded_files({"This year": sys.argv[3:]})
        v = lac_validator.LacValidator(
            metadata={"collectionYear": sys.argv[2][3:7], "localAuthority": "E10000028"}, files=files, registry=registry, selected_rules=None
        )
        r = Report(v.ds_results, registry)
        issues = len(lac_validator.create_issue_df(r.report, r.error_report))
print(f"{issues} issues")
