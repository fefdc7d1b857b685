#!/usr/bin/env bash
# mlplay setup: what `npm start`, `npm test`, `npm run build` and `npm run bench` run first.
# Idempotent and quick when everything is present:
#   1. Debian packages (compilers, Emscripten, Eigen, Catch2, Chromium, R) via apt-get,
#      when root (or with password-less sudo); otherwise prints the exact apt-get line and exits 1.
#   2. Node packages via `npm ci` when node_modules is missing or older than package-lock.json.
# Debian's emcc also needs NODE_PATH=/usr/share/nodejs; scripts/build.mjs sets it for every build
# step (for a shell of your own: `source scripts/env.sh`).
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  cmake g++ make pkg-config        # native toolchain
  emscripten                        # WebAssembly toolchain (Emscripten 3.1.6 on Debian 12)
  libeigen3-dev nlohmann-json3-dev  # header-only C++ libraries
  catch2                            # native tests
  chromium                          # browser tests and benchmarks (driven by playwright-core)
)

missing=()
for package in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} > 0)); then
  echo "mlplay setup: installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  else
    echo "mlplay setup: these Debian packages are missing and this user cannot install them:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

# R reads the data sets that Debian ships as R data bases (scripts/datasets.sh); without recommends
# it is 3 packages, 43 MB.
if ! dpkg-query -W -f='${Status}' r-base-core 2>/dev/null | grep -q "install ok installed"; then
  echo "mlplay setup: installing r-base-core (no recommends)"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends r-base-core
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends r-base-core
  else
    echo "mlplay setup: r-base-core is missing and this user cannot install it:" >&2
    echo "  sudo apt-get install -y --no-install-recommends r-base-core" >&2
    exit 1
  fi
fi

# Node packages: reinstall exactly what package-lock.json pins whenever it changed.
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
stamp=node_modules/.mlplay-lock-sha256
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  echo "mlplay setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > "$stamp"
fi

# Data sets from Debian packages, exported to datasets/.
bash scripts/datasets.sh
