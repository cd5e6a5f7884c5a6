#!/usr/bin/env python3
"""Print the first sheet of an .xlsx as CSV, and say whether every cell is a
text cell (inline or shared string): what Excel will show. zipfile only."""
import csv, re, sys, zipfile
from xml.etree import ElementTree as ET
ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
z = zipfile.ZipFile(sys.argv[1])
shared = []
if "xl/sharedStrings.xml" in z.namelist():
    for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns):
        shared.append("".join(t.text or "" for t in si.iter("{%s}t" % ns["m"])))
sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
kinds = set()
out = csv.writer(sys.stdout, lineterminator="\n")
for row in sheet.find("m:sheetData", ns):
    cells = {}
    for c in row:
        col = re.match(r"[A-Z]+", c.get("r")).group()
        n = 0
        for ch in col:
            n = n * 26 + ord(ch) - 64
        t = c.get("t", "n")
        kinds.add(t)
        if t == "inlineStr":
            v = "".join(x.text or "" for x in c.iter("{%s}t" % ns["m"]))
        elif t == "s":
            v = shared[int(c.find("m:v", ns).text)]
        else:
            v = c.find("m:v", ns).text
        cells[n - 1] = v
    out.writerow([cells.get(i, "") for i in range(max(cells) + 1)] if cells else [])
print("cell types:", ",".join(sorted(kinds)), file=sys.stderr)
