#!/usr/bin/env bash
# Builds the Linux app image and Debian package, then proves both work offline: the packaged CLI runs
# `info` and `classify` on a synthetic slide inside a network namespace with no network at all, and the
# .deb, unpacked into a throwaway root with dpkg -x, runs from there.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

bash installer/build-linux.sh --deb

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
app=target/installer/MarrowScope/bin/marrowscope
offline() {
  if unshare -n true 2>/dev/null; then unshare -n "$@"; else echo "(no network namespace: running without isolation)"; "$@"; fi
}
# Fresh data and configuration folders, so nothing cached by earlier runs (DJL natives, settings) helps.
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"

offline "$app" --version
# The distribution's launcher starts from its ahead-of-time cache; a stale cache (jars touched after the build) must
# cost only speed, never a line of output.
dist=target/marrowscope/bin/marrowscope
test -f target/marrowscope/lib/marrowscope.aot || { echo "no AOT cache in the distribution" >&2; exit 1; }
test "$("$dist" --version | wc -l)" -eq 3 || { echo "marrowscope --version printed more than its 3 lines" >&2; exit 1; }
stale=$(mktemp -d); cp -r target/marrowscope/. "$stale/"; touch "$stale"/lib/*.jar
test "$("$stale/bin/marrowscope" --version 2>&1 | wc -l)" -eq 3 || { echo "a stale AOT cache printed a warning" >&2; exit 1; }
rm -rf "$stale"
offline "$app" synth --class MM --size 8000x6000 --seed 9 --no-progress "$work/mm-9.tiff"
offline "$app" info --no-properties "$work/mm-9.tiff"
ls target/installer/MarrowScope/lib/app/models/*/model.json >/dev/null || { echo "no demo models in the app image" >&2; exit 1; }
# The packaged demo models, at the paper's settings, must call this unseen myeloma smear MM.
offline "$app" classify --no-progress --out "$work/results" "$work/mm-9.tiff" | tee "$work/classify.txt"
grep -q "^mm-9.tiff: MM (" "$work/classify.txt"
ls "$work"/results/mm-9.tiff.*.marrowscope.json >/dev/null || { echo "no saved result for mm-9.tiff in --out" >&2; exit 1; }
test -d "$XDG_DATA_HOME/marrowscope/djl/pytorch" || { echo "PyTorch natives were not extracted under the user's data folder" >&2; exit 1; }
# Spark stays out of the app: no Spark jar in the image, and `cohort` says so with its own exit code (26).
if ls target/installer/MarrowScope/lib/app/ | grep -qiE '^(spark-|scala-library|marrowscope-.*-spark\.jar)'; then
  echo "Spark jars in the app image" >&2; exit 1
fi
printf 'slide\n%s\n' "$work/mm-9.tiff" > "$work/cohort.csv"
set +e
offline "$app" cohort --out "$work/cohort" "$work/cohort.csv" 2> "$work/cohort.err"
code=$?
set -e
[ "$code" -eq 26 ] && grep -q "Spark is not part of this installation" "$work/cohort.err" \
  || { echo "cohort in the app image: exit $code, expected 26 (no Spark)" >&2; cat "$work/cohort.err" >&2; exit 1; }

deb=$(ls target/installer/*.deb)
root="$work/root"
dpkg-deb -x "$deb" "$root"
dpkg-deb -I "$deb" | grep -E "Package|Version|Depends|Installed-Size"
offline "$root/opt/marrowscope/bin/marrowscope" info --no-properties "$work/mm-9.tiff" | head -3
test -f "$root/opt/marrowscope/lib/marrowscope-MarrowScope.desktop"
grep -q "^MimeType=.*image/x-aperio-svs" "$root/opt/marrowscope/lib/marrowscope-MarrowScope.desktop"
echo "installer smoke test passed: app image $(du -sh target/installer/MarrowScope | cut -f1) ($(du -sb target/installer/MarrowScope | cut -f1) bytes), package $(du -h "$deb" | cut -f1) ($(stat -c %s "$deb") bytes)"
