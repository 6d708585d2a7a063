#!/usr/bin/env bash
# Re-importing a large catalog into a store that already holds it: the file's SKUs and handles are
# looked up in the store's indexes, so the time grows with the file, not with file x store.
# Usage (from the repository root, after building the Release tree):
#   cmake --build build-release --target soukctl
#   tests/bench/catalog_reimport.sh [PRODUCTS]     (default 30000)
set -euo pipefail
PRODUCTS=${1:-30000}
SOUKCTL=${BUILD:-build-release}/app/soukctl/soukctl
[[ -x $SOUKCTL ]] || { echo "catalog_reimport.sh: $SOUKCTL is missing; build it first" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
write() { # $1: file, $2: cents of every price
    echo "handle,title,description,vendor,category,tags,status,option1_name,option1_value,option2_name,option2_value,option3_name,option3_value,sku,price,compare_at_price,cost,barcode,weight_grams,low_stock_threshold,inventory_qty,currency" >"$1"
    awk -v n="$PRODUCTS" -v c="$2" 'BEGIN { for (i = 0; i < n; i++) printf "big%06d,Big product %d,Bulk %d,Souk Goods,Bulk,,active,,,,,,,BIG-%06d,%d.%s,,,,,,,EUR\n", i, i, i, i, (i % 500) + 1, c }' >>"$1"
}
write "$WORK/a.csv" 25
write "$WORK/b.csv" 75
"$SOUKCTL" --store "$WORK/s.souk" simulate --orders 1 --seed 1 >/dev/null 2>&1
for step in "a.csv:into the store" "a.csv:again, nothing to change" "b.csv:every price changed"; do
    file=${step%%:*}
    start=$(date +%s.%N)
    out=$("$SOUKCTL" --store "$WORK/s.souk" catalog import "$WORK/$file" 2>&1 | tail -n 1)
    end=$(date +%s.%N)
    printf '%-28s %7.2f s   %s\n' "${step#*:}" "$(echo "$end - $start" | bc)" "$out"
done
