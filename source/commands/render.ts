import {readFile, writeFile} from 'node:fs/promises';
import {RedisLabError} from '../engine/base/errors.js';
import type {Lang} from '../engine/lab/format/types.js';
import {cliMessages as m} from '../i18n/cli.js';
import {both, t} from '../i18n/index.js';
import {CastError} from '../record/render/cast-reader.js';
import {progressOn} from '../record/render/progress.js';
import {SizeError, formatOf, renderCast, type PictureFormat, type RenderOptions} from '../record/render/render.js';
import {MarkerError} from '../record/render/timeline.js';
import type {CommandAction} from './options.js';

/** The picture format `file` asks for; a one-line error for any other name. */
export function pictureFormatOf(file: string): PictureFormat {
	const format = formatOf(file);
	if (format === 'svg' || format === 'gif') return format;
	throw new RedisLabError('BAD_INPUT', both(m.badPictureFile, {file}));
}

const sizeOf = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

/** What went wrong with a cast, as the one line the user reads (exit 2). */
function castProblem(error: unknown, file: string): RedisLabError | undefined {
	if (error instanceof CastError) return new RedisLabError('BAD_INPUT', both(m.castMalformed, {file, line: error.line, reason: error.reason}));
	if (error instanceof SizeError) return new RedisLabError('BAD_INPUT', both(m.castNoSize, {file}));
	if (error instanceof MarkerError) return new RedisLabError('BAD_INPUT', both(m.castMarker, {file, reason: error.message}));
	return undefined;
}

/** Renders the cast `input` to the picture `output`, with progress on stderr; resolves when written. */
export async function renderFile(input: string, output: string, options: RenderOptions, lang: Lang): Promise<void> {
	const format = pictureFormatOf(output);
	let text: string;
	try {
		text = await readFile(input, 'utf8');
	} catch (error) {
		throw new RedisLabError('BAD_INPUT', both(m.castUnreadable, {file: input, error: (error as Error).message}));
	}
	const started = Date.now();
	const progress = progressOn(process.stderr, t(lang, m.renderProgress, {file: output}));
	try {
		const picture = await renderCast(text, format, {...options, onProgress: (done, total) => progress.update(done, total)});
		await writeFile(output, picture.data);
		const took = ((Date.now() - started) / 1000).toFixed(1);
		progress.done(t(lang, m.renderDone, {file: output, frames: picture.frames, seconds: picture.duration.toFixed(1), size: sizeOf(picture.data.length), took}));
	} catch (error) {
		throw castProblem(error, input) ?? error;
	}
}

/** `redis-lab render IN.cast OUT.svg|OUT.gif`. */
export const render: CommandAction = async ([input, output], options) => {
	pictureFormatOf(output!);
	const {idleLimit, speed, fromMarker, toMarker, cols, rows, theme} = options;
	await renderFile(input!, output!, {idleLimit, speed, fromMarker, toMarker, cols, rows, theme}, options.lang);
	return 0;
};
