// Reads asciicast files (v2, and v3 which asciinema 3 writes) into one shape: a size and timed events.
// https://docs.asciinema.org/manual/asciicast/v2/ and .../v3/

/** One event, its time in seconds from the start (v3's intervals already added up). */
export interface CastFrameEvent {
	time: number;
	code: string;
	data: string;
}

export interface Cast {
	version: 2 | 3;
	/** Columns and rows of the header; undefined when it has none. */
	width?: number;
	height?: number;
	title?: string;
	/** The header's idle_time_limit, in seconds. */
	idleLimit?: number;
	events: CastFrameEvent[];
}

/** A malformed cast: the line (1-based) and what is wrong with it. */
export class CastError extends Error {
	constructor(readonly line: number, readonly reason: string) {
		super(`line ${line}: ${reason}`);
	}
}

function parseLine(line: string, number: number): unknown {
	try {
		return JSON.parse(line) as unknown;
	} catch {
		throw new CastError(number, 'not JSON');
	}
}

const positive = (value: unknown): number | undefined => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined);

function readHeader(value: unknown): Omit<Cast, 'events'> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CastError(1, 'the header is not a JSON object');
	const header = value as Record<string, unknown>;
	if (header.version !== 2 && header.version !== 3) throw new CastError(1, `version ${JSON.stringify(header.version)}: only asciicast v2 and v3 are read`);
	const term = (typeof header.term === 'object' && header.term !== null ? header.term : {}) as Record<string, unknown>;
	const version = header.version;
	return {
		version,
		width: positive(version === 2 ? header.width : term.cols),
		height: positive(version === 2 ? header.height : term.rows),
		title: typeof header.title === 'string' ? header.title : undefined,
		idleLimit: typeof header.idle_time_limit === 'number' && header.idle_time_limit > 0 ? header.idle_time_limit : undefined,
	};
}

function readEvent(value: unknown, number: number): [number, string, string] {
	if (!Array.isArray(value) || value.length < 3) throw new CastError(number, 'an event is [time, code, data]');
	const [time, code, data] = value as unknown[];
	if (typeof time !== 'number' || !Number.isFinite(time) || time < 0) throw new CastError(number, 'the time is not a number of seconds');
	if (typeof code !== 'string' || code.length === 0) throw new CastError(number, 'the event code is not a string');
	if (typeof data !== 'string') throw new CastError(number, 'the event data is not a string');
	return [time, code, data];
}

/** Parses a cast's text; throws a CastError naming the first bad line. */
export function readCast(text: string): Cast {
	const lines = text.split('\n');
	const first = lines.findIndex((line) => line.trim() !== '');
	if (first < 0) throw new CastError(1, 'the file is empty');
	const header = readHeader(parseLine(lines[first]!, first + 1));
	const events: CastFrameEvent[] = [];
	let clock = 0;
	for (let index = first + 1; index < lines.length; index++) {
		const line = lines[index]!;
		// v3 allows comment lines.
		if (line.trim() === '' || (header.version === 3 && line.startsWith('#'))) continue;
		const [time, code, data] = readEvent(parseLine(line, index + 1), index + 1);
		clock = header.version === 3 ? clock + time : time;
		if (header.version === 2 && events.length > 0 && time < events.at(-1)!.time) throw new CastError(index + 1, 'the time goes backwards');
		events.push({time: clock, code, data});
	}
	return {...header, events};
}
