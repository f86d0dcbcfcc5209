import {serverName} from '../../engine/redis/server-kind.js';
import type {SessionState} from '../../engine/session/state.js';
import type {Lang} from '../../i18n/index.js';

/** The header's gray part: lab title, runtime, image or program, and the server once known ("Valkey 8.0.1"). */
export function headerDetail(state: Pick<SessionState, 'runtime' | 'runtimeLabel' | 'server'>, title: string, lang: Lang): string {
	return [title, state.runtime, state.runtimeLabel, ...(state.server ? [serverName(state.server)[lang]] : [])].filter(Boolean).map((part) => ` · ${part}`).join('');
}

/** The server's warning (not in the support table), for the header, or undefined. */
export function headerWarning(state: Pick<SessionState, 'serverWarning'>, lang: Lang): string | undefined {
	return state.serverWarning ? ` · ⚠ ${state.serverWarning[lang]}` : undefined;
}
