// From a cast's text to a finished picture: the timeline, the screens, then the SVG or GIF writer.
import {readCast} from './cast-reader.js';
import {GifWriter} from './gif.js';
import {framesOf} from './screens.js';
import {SvgWriter} from './svg.js';
import {THEMES} from './themes.js';
import {timelineOf, type TimelineOptions} from './timeline.js';

export {formatOf, type PictureFormat, type RecordFormat} from './format.js';
import type {PictureFormat} from './format.js';

export interface RenderOptions extends TimelineOptions {
	/** The picture's size in cells when the cast has none (or to override it). */
	cols?: number;
	rows?: number;
	/** A name of THEMES (default dark). */
	theme?: string;
	/** Screens done out of all, as the replay goes. */
	onProgress?: (done: number, total: number) => void;
}

export interface Picture {
	data: Uint8Array;
	frames: number;
	/** Seconds of one loop, the last frame's hold included. */
	duration: number;
}

/** The cast has no size and none was given. */
export class SizeError extends Error {}

export async function renderCast(text: string, format: PictureFormat, options: RenderOptions = {}): Promise<Picture> {
	const cast = readCast(text);
	const cols = options.cols ?? cast.width;
	const rows = options.rows ?? cast.height;
	if (!cols || !rows) throw new SizeError('the cast says no terminal size: pass --cols and --rows');
	const theme = THEMES[options.theme ?? 'dark'] ?? THEMES.dark!;
	const timeline = timelineOf(cast, options);
	const writer = format === 'svg' ? new SvgWriter(cols, rows, theme) : new GifWriter(cols, rows, theme);
	for await (const frame of framesOf(timeline, {cols, rows, onProgress: options.onProgress})) writer.add(frame);
	const duration = timeline.duration + timeline.hold;
	const data = writer instanceof SvgWriter ? Buffer.from(writer.finish(duration, timeline.markers, cast.title), 'utf8') : writer.finish(duration);
	return {data, frames: writer.frameCount, duration};
}
