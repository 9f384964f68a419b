# Writes the xlsx fixtures of data/xlsx_test.go with openpyxl 3.0.9
# (/usr/bin/python3 make_fixtures.py, run in this directory), then edits
# the first sheet for what openpyxl 3.0.9 cannot write: a rich-text string
# with a phonetic run (it writes each string as a plain inline string) and
# a formula's cached value (it writes formulas without one), as Excel
# writes them. Shared strings are tested with workbooks built in Go.
import csv
import datetime
import re
import zipfile

import openpyxl

# table.xlsx: a per-user table on sheet "Users", and a sheet "Notes" with
# other columns, which the reader leaves.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Users"
ws.append(["user_id", "signup", "last_seen", "spend", "plan", "comment", "total", "churned"])
rows = [
    (17850, datetime.datetime(2010, 12, 1, 8, 26), datetime.date(2011, 1, 5), 2.55, "basic", "RICH", 3, 1),
    (123456789012, datetime.datetime(2010, 12, 2, 9, 0, 30), datetime.date(2011, 2, 6), 10.5, "pro", 'say "hi", then', 3, 0),
    (13047, datetime.datetime(2011, 1, 3, 17, 5), datetime.date(2011, 3, 7), 0.1, "basic", None, 3, 1),
    (12583, datetime.datetime(2011, 2, 4, 23, 59, 59), datetime.date(2011, 4, 8), 1e21, "pro", "inline text", 3, 0),
    (13748, datetime.datetime(2011, 3, 5, 0, 0), datetime.date(2011, 5, 9), 7, "basic", "two\nlines", 3, 1),
    (15100, datetime.datetime(2011, 4, 6, 12, 0), datetime.date(2011, 6, 10), 3.75, "pro", "ok", 3, 0),
]
for r in rows:
    ws.append(list(r))
for row in ws.iter_rows(min_row=2):
    row[1].number_format = "yyyy-mm-dd h:mm:ss"
    row[2].number_format = "d/m/yyyy"
    row[6].value = "=D%d+1" % row[0].row  # the cached value is set below
notes = wb.create_sheet("Notes")
notes.append(["written by", "when"])
notes.append(["make_fixtures.py", "2026"])
wb.save("table.xlsx")

# orders.xlsx: an Online Retail II shaped log over two sheets with the
# same header; orders.csv holds the same lines as CSV.
header = ["Invoice", "StockCode", "Description", "Quantity", "InvoiceDate", "Price", "Customer ID", "Country"]
lines = [
    ("489434", "85048", "15CM CHRISTMAS GLASS BALL 20 LIGHTS", 12, datetime.datetime(2009, 12, 1, 7, 45), 6.95, 13085, "United Kingdom"),
    ("489434", "79323P", "PINK CHERRY LIGHTS", 12, datetime.datetime(2009, 12, 1, 7, 45), 6.75, 13085, "United Kingdom"),
    ("489435", "22350", "CAT BOWL", 12, datetime.datetime(2009, 12, 1, 7, 46), 2.55, 13085, "United Kingdom"),
    ("489436", "48173C", "DOOR MAT BLACK FLOCK", 10, datetime.datetime(2009, 12, 1, 9, 6), 5.95, 13078, "United Kingdom"),
    ("C489449", "22087", "PAPER BUNTING WHITE LACE", -12, datetime.datetime(2009, 12, 1, 10, 33), 2.95, 16321, "Australia"),
    ("489450", "21137", "BLACK RECORD COVER FRAME", 4, datetime.datetime(2009, 12, 1, 10, 40), 3.75, None, "United Kingdom"),
    ("489460", "22065", "CHRISTMAS PUDDING TRINKET POT", 24, datetime.datetime(2010, 3, 4, 12, 1), 1.45, 16321, "Australia"),
    ("489461", "22138", "BAKING SET 9 PIECE RETROSPOT", 3, datetime.datetime(2010, 6, 5, 14, 30), 4.95, 13078, "United Kingdom"),
]
later = [
    ("536365", "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 6, datetime.datetime(2010, 12, 1, 8, 26), 2.55, 17850, "United Kingdom"),
    ("536365", "71053", "WHITE METAL LANTERN", 6, datetime.datetime(2010, 12, 1, 8, 26), 3.39, 17850, "United Kingdom"),
    ("536366", "22633", "HAND WARMER UNION JACK", 6, datetime.datetime(2010, 12, 1, 8, 28), 1.85, 17850, "United Kingdom"),
    ("536367", "84879", "ASSORTED COLOUR BIRD ORNAMENT", 32, datetime.datetime(2010, 12, 1, 8, 34), 1.69, 13047, "United Kingdom"),
    ("C536379", "D", "Discount", -1, datetime.datetime(2010, 12, 1, 9, 41), 27.5, 14527, "United Kingdom"),
    ("536380", "22961", "JAM MAKING SET PRINTED", 24, datetime.datetime(2011, 2, 1, 9, 45), 1.45, 13085, "United Kingdom"),
]
wb = openpyxl.Workbook()
for title, part in (("Year 2009-2010", lines), ("Year 2010-2011", later)):
    ws = wb.active if title.endswith("2010") else wb.create_sheet(title)
    ws.title = title
    ws.append(header)
    for r in part:
        ws.append(list(r))
    for row in ws.iter_rows(min_row=2):
        row[4].number_format = "m/d/yyyy h:mm"
wb.save("orders.xlsx")
with open("orders.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(header)
    for r in lines + later:
        r = list(r)
        r[4] = r[4].strftime("%Y-%m-%d %H:%M:%S")
        r[6] = "" if r[6] is None else r[6]
        w.writerow(r)


def edit(path, change):
    """Rewrites parts of the zip at path: change(name, text, texts) -> text."""
    with zipfile.ZipFile(path) as z:
        parts = [(i, z.read(i.filename).decode("utf-8")) for i in z.infolist()]
    texts = {i.filename: text for i, text in parts}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, text in parts:
            z.writestr(info, change(info.filename, text, texts).encode("utf-8"))


def table_parts(name, text, texts):
    if name != "xl/worksheets/sheet1.xml":
        return text
    # "RICH" becomes rich text with a phonetic run, as Excel writes it.
    text = text.replace('<is><t>RICH</t></is>',
                        '<is><r><t>Bold</t></r><r><rPr><b/></rPr><t xml:space="preserve"> and plain</t></r>'
                        '<rPh sb="0" eb="1"><t>ボ</t></rPh></is>')
    # Each formula =Dn+1 gets its cached value, as Excel saves it.
    spend = {r + 2: rows[r][3] for r in range(len(rows))}
    return re.sub(r'<c r="G(\d+)"([^>]*)><f>(.*?)</f><v\s*/?>(</v>)?</c>',
                  lambda m: '<c r="G%s"%s><f>%s</f><v>%s</v></c>' % (
                      m.group(1), m.group(2), m.group(3), repr(spend[int(m.group(1))] + 1)),
                  text)


edit("table.xlsx", table_parts)

# titled.xlsx: a shop's report export, a per-user table under a title and
# an export-date line, with a hidden sheet (a backup copy) beside it.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Report"
ws.append(["Customer report"])
ws.append([None, "exported 2024-05-01"])
ws.append([])
ws.append(["user_id", "orders", "spend", "churned"])
for i in range(40):
    ws.append([1000 + i, 1 + i % 7, round(5.5 * (i % 9) + 0.25, 2), "yes" if i % 3 == 0 else "no"])
backup = wb.create_sheet("Backup")
backup.sheet_state = "hidden"
backup.append(["user_id", "orders", "spend", "churned"])
wb.save("titled.xlsx")
