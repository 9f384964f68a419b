#!/usr/bin/env python3
"""Parse exported SQL files with sqlglot in the dialect each is written for.

The dialect is the last "_word" of the file name (users_trino.sql -> trino)
unless --dialect names it. Each file is parsed, written back in the same
dialect and parsed again; a file that fails prints the parser's message and
makes the exit status 1. Needs sqlglot (Debian: apt-get install python3-sqlglot).

  python3 scripts/sql_dialect_check.py sqlexport/testdata/*_{snowflake,trino,spark}.sql
  retain export --model m.json --format sql --dialect spark > s.sql && python3 scripts/sql_dialect_check.py --dialect spark s.sql
"""
import argparse
import os
import sys

import sqlglot


def dialect_of(path, given):
    if given:
        return given
    stem = os.path.splitext(os.path.basename(path))[0]
    return stem.rsplit("_", 1)[-1]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dialect", help="sqlglot dialect for every file (default: from each file name)")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    failed = 0
    for path in args.files:
        dialect = dialect_of(path, args.dialect)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        try:
            tree = sqlglot.parse_one(text, read=dialect)
            sqlglot.parse_one(tree.sql(dialect=dialect), read=dialect)
        except Exception as e:  # sqlglot raises ParseError and others
            failed += 1
            print(f"{path}: not valid {dialect}: {e}")
            continue
        print(f"{path}: parses as {dialect}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
