import type {InstanceRole, SentinelEventData, SentinelLogLine} from './types.js';

const ROLES = new Set<InstanceRole>(['master', 'slave', 'sentinel']);

function int(value: string | undefined): number | undefined {
	if (value === undefined) return undefined;
	const number = Number.parseInt(value, 10);
	return Number.isFinite(number) ? number : undefined;
}

/**
 * Parses a Sentinel pub/sub message. The channel is the event type; the payload is
 * `<role> <name> <ip> <port> [@ <master> <mip> <mport>]` with event-specific tails.
 */
export function parseEvent(channel: string, message: string): SentinelEventData {
	const type = channel.trim();
	const payload = message.trim();
	const event: SentinelEventData = {type, payload};
	// Split on single spaces: an address Sentinel could not resolve is an empty field (`slave :6379  6379 @ ...`).
	const words = payload.split(' ');

	if (type === '+switch-master' && words.length >= 5) {
		event.switchMaster = {name: words[0]!, oldHost: words[1]!, oldPort: int(words[2]) ?? 0, newHost: words[3]!, newPort: int(words[4]) ?? 0};
		event.instanceRole = 'master';
		event.instanceName = words[0];
		return event;
	}
	if (type === '+new-epoch') {
		event.epoch = int(words[0]);
		return event;
	}
	if (type === '+vote-for-leader' && !ROLES.has(words[0] as InstanceRole)) {
		event.leader = words[0];
		event.epoch = int(words[1]);
		return event;
	}

	if (ROLES.has(words[0] as InstanceRole) && words.length >= 4) {
		event.instanceRole = words[0] as InstanceRole;
		event.instanceName = words[1];
		event.host = words[2];
		event.port = int(words[3]);
		const at = words.indexOf('@');
		if (at !== -1 && words.length >= at + 4) event.master = {name: words[at + 1]!, host: words[at + 2]!, port: int(words[at + 3]) ?? 0};
	}
	const quorum = /#quorum (\d+)\/(\d+)/.exec(payload);
	if (quorum) event.quorum = {count: Number(quorum[1]), needed: Number(quorum[2])};
	const epoch = /#epoch (\d+)/.exec(payload);
	if (epoch) event.epoch = Number(epoch[1]);
	return event;
}

const LOG_LINE = /^(\d+):([XMSC]) (\d{1,2} \w{3} \d{4} \d{2}:\d{2}:\d{2}\.\d{3}) ([.\-*#]) (.*)$/;
const EVENT_TEXT = /^([+-][a-z][a-z-]*)(?:\s+(.*))?$/;

/** Parses a sentinel log line such as `1:X 03 Aug 2024 04:18:54.656 # +sdown master master 172.17.0.2 6379`. */
export function parseLogLine(line: string): SentinelLogLine | undefined {
	const match = LOG_LINE.exec(line.replace(/\r$/, '').trim());
	if (!match) return undefined;
	const text = match[5]!;
	const parsed: SentinelLogLine = {pid: Number(match[1]), roleChar: match[2]!, time: match[3]!, level: match[4]!, text};
	const event = EVENT_TEXT.exec(text);
	if (event) parsed.event = parseEvent(event[1]!, event[2] ?? '');
	return parsed;
}
