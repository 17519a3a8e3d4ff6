#!/usr/bin/env bash
# The site workflow's sharded cold build (.github/workflows/site.yml) moves each shard's cache
# between runners with this script, run from the project's root:
#
#   bash scripts/shard-cache.sh pack ARCHIVE       .cache (without tmp/) into a zstd tar
#   bash scripts/shard-cache.sh merge DIR COUNT    DIR/toasoan-shard-I/shard.tar.zst, I = 1…COUNT, into .cache
#
# A shard's files are valid whichever copy wins (entries are named by what they were made from), so
# merging is plain copying, in hard links. Each archive is unpacked into a folder of its own first,
# so a truncated or corrupt one never leaves a partial file under an entry's name in .cache: it is
# skipped with a warning, like a missing one, and the build makes that share itself (slower, not
# wrong). Exit 0 then; 2 on a usage error; any other failure (a full disk) is the merge's and fails it.
set -euo pipefail

usage() {
  echo "usage: bash scripts/shard-cache.sh pack ARCHIVE | merge DIR COUNT" >&2
  exit 2
}

# A GitHub Actions annotation on the run's summary; a plain line elsewhere.
warn() {
  if [ -n "${GITHUB_ACTIONS:-}" ]; then echo "::warning::$1"; else echo "warning: $1" >&2; fi
}

pack() {
  local archive=$1
  mkdir -p .cache
  # tmp/ holds the run's temporary files (tsx's compile cache), not cache entries.
  tar --zstd -cf "$archive" -C .cache --exclude=./tmp .
  echo "packed .cache into $archive ($(du -h "$archive" | cut -f1))"
}

merge() {
  local dir=$1 count=$2 merged=0 shard archive unpacked
  [[ "$count" =~ ^[1-9][0-9]*$ ]] || usage
  mkdir -p .cache
  for ((shard = 1; shard <= count; shard++)); do
    archive="$dir/toasoan-shard-$shard/shard.tar.zst"
    if [ ! -f "$archive" ]; then
      warn "shard $shard/$count left no cache: the build makes its share itself."
      continue
    fi
    unpacked="$dir/toasoan-shard-$shard/unpacked"
    rm -rf "$unpacked"
    mkdir -p "$unpacked"
    if ! tar --zstd -xf "$archive" -C "$unpacked"; then
      warn "shard $shard/$count's cache is unreadable: the build makes its share itself."
      rm -rf "$unpacked"
      continue
    fi
    # Hard links where the file system allows them (no bytes copied), copies elsewhere.
    cp -a --link --remove-destination "$unpacked/." .cache/ 2>/dev/null || cp -a --remove-destination "$unpacked/." .cache/
    rm -rf "$unpacked" "$archive"
    merged=$((merged + 1))
  done
  echo "merged the caches of $merged of $count shards into .cache"
}

case "${1:-}" in
  pack) [ $# -eq 2 ] || usage; pack "$2" ;;
  merge) [ $# -eq 3 ] || usage; merge "$2" "$3" ;;
  *) usage ;;
esac
