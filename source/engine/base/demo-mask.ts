/**
 * Text as `--demo` shows it: what changes from run to run is replaced by a fixed stand-in, so two
 * recordings of the same lab differ only in timings. Container addresses, replication and run
 * ids (40 hex digits), container ids (64 or 12 hex digits after `docker`), absolute clock times of
 * log lines, and session ids in names.
 */
export function maskForDemo(text: string, sessionId?: string): string {
	let masked = text
		.replace(/\b[0-9a-f]{64}\b/g, '‹container id›')
		.replace(/\b[0-9a-f]{40}\b/g, '‹run id›')
		.replace(/\b\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?\b/g, (address) => (address.startsWith('127.') || address === '0.0.0.0' ? address : address.includes('/') ? '‹subnet›' : '‹ip›'))
		.replace(/\b\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2}(?:\.\d+)?/g, '‹time›')
		.replace(/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?\b/g, '‹time›');
	if (sessionId) masked = masked.replaceAll(sessionId, '‹session›');
	return masked;
}
