// Every key of a room, under one prefix per room id (docs/workshops.md lists them for redis-cli).

/** Key names of one room. */
export interface RoomKeys {
	prefix: string;
	/** Sorted set: learner id -> Date.now() of its last publish (who is in the room). */
	learners: string;
	/** Hash per learner: its status fields (see status.ts); expires unless the learner refreshes it. */
	learner: (id: string) => string;
	/** Stream of step events (joined, step, passed, failed, finished), capped with MAXLEN. */
	events: string;
	/** Pub/Sub channel: a learner's id each time its hash changed. */
	updates: string;
}

export function roomKeys(roomId: string): RoomKeys {
	const prefix = `redis-lab:room:${roomId}:`;
	return {
		prefix,
		learners: `${prefix}learners`,
		learner: (id) => `${prefix}learner:${id}`,
		events: `${prefix}events`,
		updates: `${prefix}updates`,
	};
}

/** How many step events a room keeps (XADD MAXLEN ~). */
export const EVENTS_MAXLEN = 10_000;

/** Seconds a learner's hash lives without a refresh: REDIS_LAB_ROOM_TTL, else 60. */
export function learnerTtlSeconds(env: NodeJS.ProcessEnv = process.env): number {
	const value = Number(env.REDIS_LAB_ROOM_TTL);
	return Number.isFinite(value) && value >= 1 ? value : 60;
}

/** How often a live learner refreshes its hash: a third of the TTL, at most every 5 s. */
export function heartbeatMs(ttlSeconds: number): number {
	return Math.min(5000, Math.max(300, (ttlSeconds * 1000) / 3));
}
