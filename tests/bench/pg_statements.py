#!/usr/bin/env python3
"""Counts the statements one connection sent, by text, from a PostgreSQL log written with
  log_min_duration_statement=0 and log_line_prefix='%m [%p] %a %d '
(QPSQL's EXECUTE lines are matched to the PREPARE in their DETAIL line). For example:
  SOUK_TEST_PG_LOG=/tmp/pg.log SOUK_TEST_PG_OPTIONS="-c log_min_duration_statement=0 \
      -c log_line_prefix='%m [%p] %a %d '" build-release/tests/bench/bench_orders --postgresql 400 128
  tests/bench/pg_statements.py /tmp/pg.log souk-writer bench [ORDERS]
ORDERS: divide the counts by it (statements per order)."""
import collections
import re
import sys


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    path, application, database = sys.argv[1:4]
    orders = float(sys.argv[4]) if len(sys.argv) > 4 else None
    prefix = re.compile(r"^\S+ \S+ \S+ \[\d+\] (\S+) (\S+) LOG:  duration: ([\d.]+) ms  statement: (.*)$")
    texts, counts, millis = {}, collections.Counter(), collections.Counter()
    lines = open(path, errors="replace").read().split("\n")
    for i, line in enumerate(lines):
        m = prefix.match(line)
        if not m or m.group(1) != application or m.group(2) != database:
            continue
        statement = m.group(4)
        prepared = re.match(r"EXECUTE (qpsqlpstmt_\w+)", statement)
        if prepared:
            name = prepared.group(1)
            if i + 1 < len(lines) and "DETAIL:  prepare: " in lines[i + 1]:
                texts[name] = re.sub(r"^PREPARE \S+ AS ", "", lines[i + 1].split("prepare: ", 1)[1])
            statement = texts.get(name, name)
        key = statement[:140]
        counts[key] += 1
        millis[key] += float(m.group(3))
    total = sum(counts.values())
    per = f" ({total / orders:.1f} per order)" if orders else ""
    print(f"{total} statements{per}, {sum(millis.values()):.0f} ms inside the server")
    for key, n in counts.most_common(60):
        each = f"{n / orders:6.2f}/order " if orders else ""
        print(f"{n:8d} {each}{millis[key]:8.0f} ms  {key}")


if __name__ == "__main__":
    main()
