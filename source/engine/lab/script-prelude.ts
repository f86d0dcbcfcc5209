import type {ScriptRuntime} from '../runtime/script-runtime.js';
import type {NodeSpec} from '../topology.js';

/** Shell helpers the exported script starts with. */
export function prelude(runtime: ScriptRuntime, specs: NodeSpec[]): string {
	const cli = specs.map((spec) => `cli_${spec.name}() { ${runtime.shell.cli(spec.name, [])} "$@"; }`).join('\n');
	const sentinels = specs.filter((spec) => spec.kind === 'sentinel');
	const byPort = specs.map((spec) => `${spec.port}) echo ${spec.name} ;;`).join(' ');
	return `# Every node's redis-cli, as you would type it.
${cli}

# Polls a condition for up to N seconds (4 times a second).
wait_for() {
  local what=$1 seconds=$2; shift 2
  for _ in $(seq 1 $((seconds * 4))); do
    if "$@" >/dev/null 2>&1; then echo "  ok: $what"; return 0; fi
    sleep 0.25
  done
  echo "  FAILED: $what (not within \${seconds}s)" >&2
  return 1
}

# info_get NODE FIELD[.SUBFIELD]: one INFO value, e.g. info_get master connected_slaves, info_get master slave0.lag
info_get() {
  local field=\${2%%.*} sub=""
  [ "$2" != "$field" ] && sub=\${2#*.}
  cli_$1 INFO | tr -d '\\r' | awk -F: -v f="$field" -v s="$sub" '$1 == f { v = substr($0, length(f) + 2); if (s == "") print v; else { n = split(v, kv, ","); for (i = 1; i <= n; i++) { split(kv[i], p, "="); if (p[1] == s) print p[2] } } }'
}
info_is() { local v; v=$(info_get "$1" "$2"); case $3 in eq) [ "$v" = "$4" ] ;; ge) [ -n "$v" ] && [ "$v" -ge "$4" ] ;; le) [ -n "$v" ] && [ "$v" -le "$4" ] ;; re) [[ $v =~ $4 ]] ;; gt) [ -n "$v" ] && [ "$v" -gt "$4" ] ;; esac; }
role_is() { if [ "$2" = down ]; then ! cli_$1 PING; else [ "$(cli_$1 ROLE | head -1)" = "$2" ]; fi; }
key_is() { [ "$(cli_$1 GET "$2")" = "$3" ]; }
reply_matches() { local n=$1 p=$2; shift 2; cli_$n "$@" 2>&1 | grep -Eq "$p"; }
in_sync() {
  local m n; m=$(info_get "$1" master_repl_offset)
  for n in ${specs.filter((spec) => spec.kind === 'redis').map((spec) => spec.name).join(' ')}; do
    [ "$n" = "$1" ] && continue
    [ "$(info_get "$n" master_port 2>/dev/null)" = "$(node_port "$1")" ] || continue
    [ "$(info_get "$n" slave_repl_offset)" = "$m" ] || return 1
  done
}
node_port() { case $1 in ${specs.map((spec) => `${spec.name}) echo ${spec.port} ;;`).join(' ')} esac; }
node_host() { case $1 in ${specs.map((spec) => `${spec.name}) echo ${runtime.peerAddress(spec.name).host} ;;`).join(' ')} esac; }
node_by_port() { case $1 in ${byPort} esac; }
# The node the sentinels report as master now.
current_master() {
  local s port
  for s in ${sentinels.map((spec) => spec.name).join(' ') || 'none'}; do
    port=$(cli_$s SENTINEL GET-MASTER-ADDR-BY-NAME master 2>/dev/null | tail -1) && [ -n "$port" ] && { node_by_port "$port"; return 0; }
  done
  return 1
}
sentinel_master_is() { local m; m=$(current_master) && [ "$m" = "$1" ]; }
sentinel_master_not() { local m; m=$(current_master) && [ "$m" != "$1" ]; }
`;
}
