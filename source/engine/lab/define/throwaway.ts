/** A throw-away container of a lab (`docker-run`) is published at the master's port + this. */
export const THROWAWAY_PORT_OFFSET = 100;

/** The host port of a lab's throw-away container, from the master's host port (which follows --base-port). */
export const throwawayPort = (masterHostPort: number): number => masterHostPort + THROWAWAY_PORT_OFFSET;
