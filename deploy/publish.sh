#!/usr/bin/env bash
# Publishes a generation of an index directory to replicas with rsync: the
# generation's directory first, CURRENT last, then removes from each
# replica the generations the indexing host no longer keeps.
#
#   deploy/publish.sh [--generation NAME] INDEX DEST...
#
# INDEX is the indexing host's index directory (`sifa reindex --index
# INDEX`); each DEST is a replica's index directory as rsync names it
# (`sifa@replica1:/var/lib/sifa/index`, or a local path). Without
# --generation the live one (INDEX/CURRENT) is published; naming an older
# generation the host still keeps rolls the replicas back to it.
#
# Why this order is safe: a replica serves only what CURRENT names, and
# only once it matches its manifest; rsync writes every file under a
# temporary name and renames it when complete, so CURRENT changes from one
# name to the other at once. `--checksum` compares contents, so a copy
# damaged on a replica is repaired by publishing again.
set -euo pipefail

generation=""
if [ "${1:-}" = "--generation" ]; then
  generation=${2:?--generation needs a name}
  shift 2
fi
if [ $# -lt 2 ]; then
  echo "usage: $0 [--generation NAME] INDEX DEST..." >&2
  exit 2
fi
index=$1
shift
[ -n "$generation" ] || generation=$(cat "$index/CURRENT")
source="$index/generations/$generation"
if [ ! -f "$source/manifest.json" ]; then
  echo "publish: $source is not a complete generation (no manifest.json)" >&2
  exit 1
fi

pointer=$(mktemp -d)
trap 'rm -rf "$pointer"' EXIT
printf '%s' "$generation" >"$pointer/CURRENT"

for dest in "$@"; do
  # 1. The generation: every file, checked by content; files of an earlier
  #    broken copy are deleted; tantivy's lock files stay behind.
  rsync -a --checksum --delete --mkpath --exclude '.tantivy-*' "$source/" "$dest/generations/$generation/"
  # 2. CURRENT, last.
  rsync -a --checksum "$pointer/CURRENT" "$dest/CURRENT"
  # 3. Generations the host no longer keeps (it keeps the live and the
  #    previous one): nothing is copied, extraneous ones are deleted. A
  #    replica still reading one keeps its open files until it switches.
  rsync -a --delete --existing --ignore-existing "$index/generations/" "$dest/generations/"
  echo "publish: $generation -> $dest"
done
