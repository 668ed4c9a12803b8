#!/bin/sh
# Fill fuzz/corpus/<target>/ with the repository's own inputs as starting points.
set -e
cd "$(dirname "$0")"
root=..
mkdir -p corpus/txt_parse corpus/html_reader corpus/xml_reader corpus/snapshot_loader corpus/pdf_builtin corpus/docx_reader
cp "$root"/reports/*.txt "$root"/tests/fixtures/bad/*.txt "$root"/tests/fixtures/meetings/reports/*.txt corpus/txt_parse/
cp "$root"/tests/fixtures/formats/*.html corpus/html_reader/
cp "$root"/tests/fixtures/formats/*.xml corpus/xml_reader/
cp "$root"/tests/fixtures/formats/*.pdf corpus/pdf_builtin/
cp "$root"/tests/fixtures/docx/*.docx corpus/docx_reader/
cp "$root"/dossiers.yaml corpus/snapshot_loader/
i=0
for f in "$root"/snapshots/*/*.yaml "$root"/examples/demo/snapshots/*/*.yaml; do
  [ -f "$f" ] || continue
  i=$((i + 1))
  cp "$f" "corpus/snapshot_loader/snapshot-$i.yaml"
done
