"""Sums the outcomes of every .trx file in a folder and prints 'N passed, N failed' (exit 1 on any failure).
Lines a test wrote starting with "summary: " (the fault suite's counts, for example) are printed too."""
import pathlib
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for trx in sorted(pathlib.Path(sys.argv[1]).glob("*.trx")):
    counters = ET.parse(trx).getroot().find("t:ResultSummary/t:Counters", NS)
    if counters is None:
        failed += 1
        print(f"{trx.name}: no result summary (the test run crashed)")
        continue
    p, f = int(counters.get("passed", 0)), int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    s = int(counters.get("notExecuted", 0))
    print(f"{trx.stem}: {p} passed, {f} failed, {s} skipped")
    for output in ET.parse(trx).getroot().iterfind(".//t:UnitTestResult/t:Output/t:StdOut", NS):
        for line in (output.text or "").splitlines():
            if line.strip().startswith("summary: "):
                print("  " + line.strip()[len("summary: "):])
    passed, failed, skipped = passed + p, failed + f, skipped + s
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
