#!/usr/bin/env bash
# Write the seed corpora: fuzz/corpus/parse/ gets the pages of seeds/ and
# every `~~~page` block of tests/cases.md; fuzz/corpus/merge/ gets the two
# seeds as one input (snapshots are split at 0xFF bytes). Seed files are
# named `seed_*` / `page_*`, so .gitignore keeps them while it ignores the
# hash-named files libFuzzer adds.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p fuzz/corpus/parse fuzz/corpus/merge fuzz/corpus/structured fuzz/corpus/roundtrip
for f in seeds/*.txt; do
    cp "$f" "fuzz/corpus/parse/seed_$(basename "$f" .txt)"
done
awk '
    /^## / { id = substr($0, 4); next }
    $0 == "~~~page" { inpage = 1; out = "fuzz/corpus/parse/page_" id; printf "" > out; next }
    inpage && $0 == "~~~" { inpage = 0; close(out); next }
    inpage { print >> out }
' tests/cases.md
{
    cat seeds/000_*.txt
    printf '\377'
    cat seeds/001_*.txt
} > fuzz/corpus/merge/seed_both
cp seeds/000_*.txt fuzz/corpus/merge/seed_000
cp fuzz/corpus/parse/seed_* fuzz/corpus/parse/page_* fuzz/corpus/roundtrip/
echo "seed corpora: $(ls fuzz/corpus/parse | wc -l) parse, $(ls fuzz/corpus/merge | wc -l) merge"
