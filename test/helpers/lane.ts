import {currentOwner} from '../../source/engine/base/owner.js';

/**
 * A real-server test file runs in its own lane (scripts/run-tests.mjs): its own owner, config and
 * cache folders, and a block of ports from REDIS_LAB_TEST_BASE_PORT: ten base ports 10 apart
 * (each with its sentinels at +10000 and a throw-away container at +100), all below the kernel's
 * ephemeral range (32768 and up), where a client socket could hold one.
 */
export const LANE_BASE_PORT = Number(process.env.REDIS_LAB_TEST_BASE_PORT ?? 2000);
export const SLOTS = 10;

/** The base port of slot `slot` (0-9) of this file's lane. */
export function basePort(slot: number): number {
	if (!Number.isInteger(slot) || slot < 0 || slot >= SLOTS) throw new Error(`a lane has slots 0-${SLOTS - 1}, not ${slot}`);
	return LANE_BASE_PORT + slot * 10;
}

/** The owner this file's sessions carry (REDIS_LAB_OWNER of the lane, else the login name). */
export const laneOwner = (): string => currentOwner();
