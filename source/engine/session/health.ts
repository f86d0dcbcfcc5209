import {realClock, waitFor, type Clock} from '../base/wait.js';
import type {NodeSpec} from '../topology/topology.js';
import type {SessionState} from './state.js';
import type {StateStore} from './store.js';
import type {Said} from '../base/errors.js';
import {both} from '../../i18n/index.js';
import {ENGINE} from '../../i18n/engine.js';

/** A clock whose sleeps also end when the session's state changes, so a wait re-tests at once. */
function wakingOnChange(store: StateStore, base: Clock): Clock {
	return {
		now: () => base.now(),
		async sleep(ms, signal) {
			const inner = new AbortController();
			const onOuter = () => inner.abort(signal!.reason);
			signal?.addEventListener('abort', onOuter, {once: true});
			const unsubscribe = store.subscribe(() => inner.abort());
			try {
				await base.sleep(ms, inner.signal);
			} catch (error) {
				if (signal?.aborted) throw error;
			} finally {
				unsubscribe();
				signal?.removeEventListener('abort', onOuter);
			}
		},
	};
}

/**
 * Resolves when `test` passes on a state snapshot; re-tests on every state change and at least
 * every `everyMs`. Rejects with TIMEOUT after `timeoutMs`.
 */
export function waitForState<T>(store: StateStore, test: (state: SessionState) => T | undefined | false, options: {timeoutMs: number; what: string | Said; everyMs?: number; clock?: Clock; signal?: AbortSignal}): Promise<T> {
	return waitFor(() => test(store.getState()), {
		timeoutMs: options.timeoutMs,
		intervalMs: options.everyMs ?? 250,
		what: options.what,
		signal: options.signal,
		clock: wakingOnChange(store, options.clock ?? realClock),
	});
}

/** The node the running sentinels report as master when they agree; else the only master with replicas. */
export function currentMaster(state: SessionState, resolve: (host: string, port: number) => string | undefined): string | undefined {
	let found: string | undefined;
	for (const node of state.nodes) {
		if (node.kind !== 'sentinel' || node.health !== 'up' || !node.sentinel) continue;
		const master = node.sentinel.masters[0];
		if (!master) continue;
		const name = resolve(master.host, master.port);
		if (!name) continue;
		if (found && found !== name) return undefined;
		found = name;
	}
	if (found) return found;
	const masters = state.nodes.filter((node) => node.health === 'up' && node.replication?.role === 'master' && node.replication.connectedSlaves > 0);
	return masters.length === 1 ? masters[0]!.name : undefined;
}

/** Whether every started replica links and every started sentinel reports the master ok with all of them. */
export function healthTest(started: NodeSpec[]): {test: (state: SessionState) => true | undefined; what: Said} {
	const sentinels = started.filter((spec) => spec.kind === 'sentinel');
	const replicas = started.filter((spec) => spec.kind === 'redis').length - 1;
	return {
		test: (state) => {
			// Linked replicas are the proof: a sentinel may count replicas from its config before they run.
			const linked = state.nodes.filter((node) => node.replication?.role === 'slave' && node.replication.masterLinkStatus === 'up').length >= replicas;
			return (linked && sentinels.every((spec) => {
				const master = state.nodes.find((node) => node.name === spec.name)?.sentinel?.masters[0];
				return master && master.status === 'ok' && master.slaves >= replicas && master.sentinels >= sentinels.length;
			})) || undefined;
		},
		what: sentinels.length > 0 ? both(ENGINE.waitHealthy, {slaves: replicas, sentinels: sentinels.length}) : both(ENGINE.waitLinked),
	};
}

/** Whether every given replica (nodes with `replicaOf`) reports its link up. */
export function replicasLinked(replicas: string[]): (state: SessionState) => true | undefined {
	return (state) => replicas.every((name) => state.nodes.find((node) => node.name === name)?.replication?.masterLinkStatus === 'up') || undefined;
}
