import {RedisLabError} from '../engine/base/errors.js';
import {reachableDocker} from '../engine/host/inventory.js';
import {dockerClient} from '../engine/runtime/docker/index.js';
import {baseFree, firstFreeBase, portView, takenPorts} from '../engine/host/ports.js';
import {rangeSaid} from '../engine/host/doctor-checks.js';
import {DEFAULT_BASE_PORT} from '../engine/topology/topology.js';
import type {RuntimeFlags} from './options.js';
import {conflictingLeftovers} from '../engine/host/leftovers.js';
import {cliMessages as m} from '../i18n/cli.js';
import {t, type Lang, both} from '../i18n/index.js';
import {langOfArgv} from './lang.js';
import {ENGINE} from '../i18n/engine.js';

/** The line saying which base port a session moved to, and why: `--base-port auto`, or the ports taken. */
export function movedLine(basePort: number, taken: number[] | 'auto', lang: Lang): string {
	const range = rangeSaid(basePort)[lang];
	if (taken === 'auto') return t(lang, m.basePortAuto, {base: basePort, range});
	return t(lang, m.basePortTaken, {count: taken.length, ports: taken.join(', '), base: basePort, range});
}

/**
 * The base port a session uses. Given (--base-port n): as is. auto: the first free range from 6379,
 * by steps of 10. The default: 6379, unless a port is taken by anything but the caller's own
 * leftovers (those are offered for removal instead); then as auto. Says which in one line on stderr,
 * in `lang` (by default, the language the command line chose, as cli.tsx does).
 */
export async function settleBasePort(flags: RuntimeFlags, print: (line: string) => void = (line) => process.stderr.write(`${line}\n`), lang: Lang = langOfArgv(process.argv.slice(2))): Promise<RuntimeFlags> {
	if (flags.portChoice === 'given') return flags;
	const docker = await reachableDocker(dockerClient(), flags.runtime === 'local' ? 500 : 1500);
	const view = await portView(docker);
	const taken = await takenPorts(DEFAULT_BASE_PORT, view);
	if (flags.portChoice === 'default') {
		if (taken.length === 0 && (await baseFree(DEFAULT_BASE_PORT, view))) return flags;
		const ownLeftovers = await conflictingLeftovers(DEFAULT_BASE_PORT, docker ? 'docker' : 'local', docker);
		const ownPorts = new Set(ownLeftovers.map((node) => node.port));
		if (ownLeftovers.length > 0 && taken.every((port) => ownPorts.has(port))) return flags;
	}
	const basePort = await firstFreeBase((base) => baseFree(base, view));
	if (basePort === undefined) throw new RedisLabError('PORT_TAKEN', both(ENGINE.noFreeRange), {hint: both(ENGINE.removeSessions)});
	if (basePort !== DEFAULT_BASE_PORT || flags.portChoice === 'auto') print(movedLine(basePort, flags.portChoice === 'auto' ? 'auto' : taken, lang));
	return {...flags, basePort, portChoice: 'given'};
}
