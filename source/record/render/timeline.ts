// What a picture shows of a cast: its events on the picture's own clock (pauses shortened to the idle
// limit, sped up, cut to a range of step markers) and the markers themselves.
import type {Cast, CastFrameEvent} from './cast-reader.js';

export interface TimelineOptions {
	/** Pauses longer than this many seconds are shortened to it (default: the cast's own, else 2). */
	idleLimit?: number;
	/** 2 plays twice as fast (default 1). */
	speed?: number;
	/** The first marker shown: its number (1-based) or a part of its label. */
	fromMarker?: string;
	/** The last marker shown (its step is shown to its end). */
	toMarker?: string;
}

export interface Marker {
	time: number;
	label: string;
}

export interface Timeline {
	/** Output and resizes played before the picture starts (before --from-marker), all at once. */
	preroll: CastFrameEvent[];
	/** Output and resizes of the picture, times from its start. */
	events: CastFrameEvent[];
	markers: Marker[];
	/** Seconds from the start to the last event shown. */
	duration: number;
	/** Seconds the last frame is held after that (the idle limit): the loop rests on the final screen. */
	hold: number;
}

/** A marker option names no marker of the cast. */
export class MarkerError extends Error {}

/** The cast's times with every pause shortened to `idleLimit`, then divided by `speed`. */
function retime(events: CastFrameEvent[], idleLimit: number, speed: number): CastFrameEvent[] {
	let last = 0;
	let clock = 0;
	return events.map((event) => {
		clock += Math.min(Math.max(0, event.time - last), idleLimit);
		last = event.time;
		return {...event, time: clock / speed};
	});
}

function findMarker(markers: Marker[], wanted: string): number {
	const index = /^\d+$/.test(wanted) ? Number(wanted) - 1 : markers.findIndex((marker) => marker.label.toLowerCase().includes(wanted.toLowerCase()));
	if (index < 0 || index >= markers.length) {
		const known = markers.map((marker, at) => `${at + 1}. ${marker.label}`).join('; ');
		throw new MarkerError(`no marker "${wanted}" in the cast (${known || 'it has none'})`);
	}
	return index;
}

/** Start and end (seconds, on the retimed clock) of the marker range asked for. */
function range(markers: Marker[], end: number, options: TimelineOptions): [number, number] {
	const from = options.fromMarker === undefined ? undefined : findMarker(markers, options.fromMarker);
	const to = options.toMarker === undefined ? undefined : findMarker(markers, options.toMarker);
	if (from !== undefined && to !== undefined && to < from) throw new MarkerError(`--to-marker ${options.toMarker} comes before --from-marker ${options.fromMarker}`);
	const start = from === undefined ? 0 : markers[from]!.time;
	const stop = to === undefined ? end : markers[to + 1]?.time ?? end;
	return [start, stop];
}

export function timelineOf(cast: Cast, options: TimelineOptions = {}): Timeline {
	const idleLimit = options.idleLimit ?? cast.idleLimit ?? 2;
	const speed = options.speed ?? 1;
	const events = retime(cast.events, idleLimit, speed);
	const allMarkers = events.filter((event) => event.code === 'm').map((event) => ({time: event.time, label: event.data}));
	const screen = events.filter((event) => event.code === 'o' || event.code === 'r');
	const [start, stop] = range(allMarkers, screen.at(-1)?.time ?? 0, options);
	const shown = screen.filter((event) => event.time >= start && event.time <= stop).map((event) => ({...event, time: event.time - start}));
	return {
		preroll: screen.filter((event) => event.time < start),
		events: shown,
		markers: allMarkers.filter((marker) => marker.time >= start && marker.time < stop).map((marker) => ({...marker, time: marker.time - start})),
		duration: Math.max(0, (shown.at(-1)?.time ?? 0)),
		hold: idleLimit / speed,
	};
}
