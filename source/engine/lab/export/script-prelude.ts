import type {ScriptRuntime} from './script-runtime.js';
import {confFileName, type NodeSpec} from '../../topology/topology.js';

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
config_lacks() { ! config_is "$@"; }

# info_get NODE FIELD[.SUBFIELD]: one INFO value, e.g. info_get master connected_slaves, info_get master slave0.lag
info_get() {
  local field=\${2%%.*} sub=""
  [ "$2" != "$field" ] && sub=\${2#*.}
  cli_$1 INFO | tr -d '\\r' | awk -F: -v f="$field" -v s="$sub" '$1 == f { v = substr($0, length(f) + 2); if (s == "") print v; else { n = split(v, kv, ","); for (i = 1; i <= n; i++) { split(kv[i], p, "="); if (p[1] == s) print p[2] } } }'
}
info_is() { local v; v=$(info_get "$1" "$2"); case $3 in eq) [ "$v" = "$4" ] ;; ge) [ -n "$v" ] && [ "$v" -ge "$4" ] ;; le) [ -n "$v" ] && [ "$v" -le "$4" ] ;; re) [[ $v =~ $4 ]] ;; gt) [ -n "$v" ] && [ "$v" -gt "$4" ] ;; ne) [ -n "$v" ] && [ "$v" != "$4" ] ;; esac; }
role_is() { if [ "$2" = down ]; then ! cli_$1 PING; else [ "$(cli_$1 ROLE | head -1)" = "$2" ]; fi; }
key_is() { [ "$(cli_$1 GET "$2")" = "$3" ]; }
# reply_from_matches FROM NODE PATTERN ARGS...: redis-cli next to FROM, connecting to NODE's address.
reply_from_matches() { local f=$1 n=$2 p=$3; shift 3; cli_from "$f" "$n" "$@" 2>&1 | grep -Eq "$p"; }
cli_from() { local f=$1 n=$2; shift 2; case $f in ${specs.map((spec) => `${spec.name}) ${runtime.shell.cli(spec.name, []).replace(/ -p \S+/, ' -h "$(node_host "$n")" -p "$(node_port "$n")"')} "$@" ;;`).join(' ')} esac; }
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
# The node's config file, and the values of its lines for a directive: config_values replica1 replicaof
config_file() { case $1 in ${specs.map((spec) => `${spec.name}) echo ./redis-lab/${spec.name}/${confFileName(spec)} ;;`).join(' ')} esac; }
config_values() { local f; f=$(config_file "$1") && [ -f "$f" ] || return 0; tr -d '\r' < "$f" | awk -v d="$2" 'BEGIN { n = split(tolower(d), w, " ") } /^[ \t]*#/ { next } { for (i = 1; i <= n; i++) if (tolower($i) != w[i]) next; v = ""; for (i = n + 1; i <= NF; i++) v = v (v == "" ? "" : " ") $i; print v }'; }
# config_is NODE DIRECTIVE eq|re|set [VALUE]: some line of the directive has this value.
config_is() {
  local v
  while IFS= read -r v; do case $3 in set) return 0 ;; eq) [ "$v" = "$4" ] && return 0 ;; re) [[ $v =~ $4 ]] && return 0 ;; esac; done < <(config_values "$1" "$2")
  return 1
}
# The node's whole log (the script cannot tell which lines came after a step began).
node_log() { case $1 in ${specs.map((spec) => `${spec.name}) ${runtime.shell.logs(spec.name, {tail: 10_000}).replace(/ 2>&1$/, '')} 2>&1 ;;`).join(' ')} esac; }
log_has() { node_log "$1" | grep -Eq "$2"; }
# reach_answers PORT yes|no: whether 127.0.0.1:PORT answers a Redis PING (bash's /dev/tcp, 1 s).
reach_answers() {
  local reply
  reply=$(timeout 2 bash -c 'exec 3<>/dev/tcp/127.0.0.1/'"$1"' && printf "PING\r\n" >&3 && timeout 1 head -c 1 <&3' 2>/dev/null)
  if [ "$2" = yes ]; then [ -n "$reply" ]; else [ -z "$reply" ]; fi
}
sentinel_master_is() { local m; m=$(current_master) && [ "$m" = "$1" ]; }
sentinel_master_not() { local m; m=$(current_master) && [ "$m" != "$1" ]; }
`;
}
