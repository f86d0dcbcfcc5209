import {userInfo} from 'node:os';

/**
 * Who runs this redis-lab: the login name, or REDIS_LAB_OWNER (tests, or a workshop that shares one
 * account). Every container, network and session folder carries it, so `down` removes only one's own.
 */
export function currentOwner(env: NodeJS.ProcessEnv = process.env): string {
	const chosen = env.REDIS_LAB_OWNER?.trim();
	if (chosen) return sanitizeOwner(chosen);
	try {
		return sanitizeOwner(userInfo().username) || fallbackOwner();
	} catch {
		// No passwd entry (a container run with a bare uid).
		return fallbackOwner();
	}
}

function fallbackOwner(): string {
	return `uid-${process.getuid?.() ?? 'unknown'}`;
}

/** Label values may hold almost anything; keep names readable and filter-safe. */
export function sanitizeOwner(name: string): string {
	return name.replace(/[^\w.@-]/g, '_').slice(0, 64);
}
