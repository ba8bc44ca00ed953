#!/usr/bin/env bash
# Re-syncs Conformance/ from the shared corpus (../shared/conformance beside the repo, or the
# folder given as $1). The shared copy wins: each shared folder is mirrored exactly (files
# removed upstream are removed here). Our own cases live in folders the corpus does not have
# (Conformance/own*, Conformance/sse-own, Conformance/examples) and are left alone, as is
# Conformance/known-failures.txt.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src="${1:-$root/../shared/conformance}"
if [ ! -d "$src" ]; then
  echo "sync-conformance: no shared corpus at $src" >&2
  exit 1
fi
dst="$root/Conformance"
mkdir -p "$dst"
for entry in "$src"/*; do
  name="$(basename "$entry")"
  if [ -d "$entry" ]; then
    rm -rf "${dst:?}/$name"
    cp -R "$entry" "$dst/$name"
  else
    cp "$entry" "$dst/$name"
  fi
done
echo "sync-conformance: mirrored $(find "$src" -type f | wc -l) files from $src"
