import {dockerClient} from '../engine/runtime/docker/index.js';
import {dockerNodes, localNodes, reachableDocker, removeSessions, type ManagedNode, type RemovalScope, type Removed} from '../engine/host/inventory.js';
import {currentOwner} from '../engine/base/owner.js';
import type {CommandAction} from './options.js';
import {print} from './output.js';
import {cliMessages as m} from '../i18n/cli.js';
import {t, type Lang} from '../i18n/index.js';

/** What was removed: counts, then the containers by name. */
export function downSummary(removed: Removed, lang: Lang): string {
	return t(lang, m.downRemoved, {containers: removed.containers.length, networks: removed.networks.length, processes: removed.processes.length, names: [...removed.containers].sort().join(', ')});
}

/**
 * The sessions still there after a removal, in one line: `Left 2 sessions of alice, bob (10 nodes)
 * running ...`; `notOf`: the owner whose sessions were removed (they are not among these).
 */
export function othersLeft(nodes: ManagedNode[], lang: Lang, notOf?: string): string | undefined {
	if (nodes.length === 0) return undefined;
	const sessions = new Set(nodes.map((node) => node.session));
	const owners = [...new Set(nodes.map((node) => node.owner))].sort();
	return t(lang, m.downOthersLeft, {sessions: sessions.size, owners: owners.join(', '), nodes: nodes.length, notOf: notOf ?? ''});
}

/**
 * Removes the caller's own sessions (by owner label), one session (--session, whoever owns it), or
 * every session (--all); never anything unlabelled. Safe to repeat.
 */
export const down: CommandAction = async (_args, options) => {
	const docker = await reachableDocker(dockerClient());
	const owner = currentOwner();
	const scope: RemovalScope = options.all ? {all: true} : options.session ? {session: options.session} : {owner};
	const {lang} = options;
	const removed = await removeSessions(docker, scope);
	print(downSummary(removed, lang));
	if (options.all) print(t(lang, m.downEverySession, {sessions: removed.sessions.length}));
	else if (options.session && removed.sessions.length === 0) print(t(lang, m.downNoSuchSession, {session: options.session}));
	const left = [...(docker ? await dockerNodes(docker) : []), ...(await localNodes())];
	const others = othersLeft(left, lang, options.session ? undefined : owner);
	if (others && !options.all) print(others);
	if (!docker) print(t(lang, m.downNoDocker));
	return 0;
};
