# Source this for a shell that can run Debian's emcc/emcmake by hand: `source scripts/env.sh`.
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"
