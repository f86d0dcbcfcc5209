// `--record FILE`: a .cast is written as the app runs; a .svg or .gif is rendered from a cast kept in a
// temporary folder until the app has closed.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {RedisLabError, messageOf} from '../engine/base/errors.js';
import type {Lang} from '../engine/lab/format/types.js';
import {cliMessages as m} from '../i18n/cli.js';
import {both, t} from '../i18n/index.js';
import {formatOf, type RecordFormat} from '../record/render/format.js';

export interface Recording {
	/** Where the cast is written while the app runs. */
	cast: string;
	/** The picture to render from it at the end, if one was asked for. */
	picture?: string;
	/** The temporary folder holding the cast, removed once the picture is written. */
	dir?: string;
}

/** The format `--record file` asks for; a one-line error for a name that is not .cast, .svg or .gif. */
export function recordFormatOf(file: string): RecordFormat {
	const format = formatOf(file);
	if (!format) throw new RedisLabError('BAD_INPUT', both(m.badRecordFile, {file}));
	return format;
}

/** Where `--record file` is written while the app runs (a temporary cast for a picture). */
export function recordingOf(file: string): Recording {
	if (recordFormatOf(file) === 'cast') return {cast: file};
	const dir = mkdtempSync(join(tmpdir(), 'redis-lab-record-'));
	return {cast: join(dir, 'recording.cast'), picture: file, dir};
}

/** Renders the picture, if any; on failure says why and where the cast is kept. Resolves to success. */
export async function finishRecording(recording: Recording, options: {theme?: string}, lang: Lang): Promise<boolean> {
	if (!recording.picture) return true;
	try {
		// The renderer (a headless terminal, the font) is loaded only when a picture is asked for.
		const {renderFile} = await import('./render.js');
		await renderFile(recording.cast, recording.picture, {theme: options.theme}, lang);
	} catch (error) {
		process.stderr.write(`redis-lab: ${messageOf(error, lang)}\n  ${t(lang, m.renderKept, {file: recording.cast})}\n`);
		return false;
	}
	if (recording.dir) rmSync(recording.dir, {recursive: true, force: true});
	return true;
}
