import {chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';
import type {Lang} from '../format/types.js';

/** Which steps of which labs a learner has done, and where they stopped. */
export interface LabProgress {
	doneSteps: string[];
	lastStep?: number;
}

/** The user's config folder: XDG on Linux, Application Support on macOS, %APPDATA% on Windows. */
export function configDir(): string {
	if (process.env.REDIS_LAB_CONFIG_DIR) return process.env.REDIS_LAB_CONFIG_DIR;
	if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'redis-lab');
	if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'redis-lab');
	return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'redis-lab');
}

/** The saved file: each lab's progress, and the language last chosen with --lang. */
interface SavedProgress {
	labs: Record<string, LabProgress>;
	lang?: Lang;
	/** The workshop room last joined (--room), and the name given there (--name). */
	room?: SavedRoom;
}

export interface SavedRoom {
	url: string;
	name?: string;
}

/** Reads the file; an older file held the labs alone, at the top level. */
function readSaved(file: string): SavedProgress {
	try {
		const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<SavedProgress> | Record<string, LabProgress>;
		if (typeof data.labs === 'object' && data.labs !== null && !('doneSteps' in data.labs)) {
			const {labs, lang, room} = data as Partial<SavedProgress>;
			return {labs: labs ?? {}, lang: lang === 'en' || lang === 'zh' ? lang : undefined, room: typeof room?.url === 'string' ? room : undefined};
		}
		return {labs: data as Record<string, LabProgress>};
	} catch {
		return {labs: {}};
	}
}

/** Progress and the chosen language, saved as JSON; a missing or broken file reads as nothing saved. */
export class ProgressStore {
	private readonly file: string;
	private data: SavedProgress;

	constructor(dir = configDir()) {
		this.file = join(dir, 'progress.json');
		this.data = readSaved(this.file);
	}

	get(labId: string): LabProgress {
		return this.data.labs[labId] ?? {doneSteps: []};
	}

	markDone(labId: string, stepId: string): void {
		const entry = this.get(labId);
		if (!entry.doneSteps.includes(stepId)) this.saveLab(labId, {...entry, doneSteps: [...entry.doneSteps, stepId]});
	}

	setLast(labId: string, index: number): void {
		if (this.get(labId).lastStep === index) return;
		this.saveLab(labId, {...this.get(labId), lastStep: index});
	}

	/** The language last given with --lang, if any. */
	get lang(): Lang | undefined {
		return this.data.lang;
	}

	setLang(lang: Lang): void {
		if (this.data.lang !== lang) this.save({...this.data, lang});
	}

	/** The room last joined, if any. */
	get room(): SavedRoom | undefined {
		return this.data.room;
	}

	/** Remembers the room (undefined: forgets it). */
	setRoom(room: SavedRoom | undefined): void {
		if (JSON.stringify(room) !== JSON.stringify(this.data.room)) this.save({...this.data, room});
	}

	/** Forgets every lab's progress; the chosen language and the room stay. */
	reset(): void {
		if (this.data.lang || this.data.room) this.save({labs: {}, lang: this.data.lang, room: this.data.room});
		else {
			this.data = {labs: {}};
			rmSync(this.file, {force: true});
		}
	}

	private saveLab(labId: string, entry: LabProgress): void {
		this.save({...this.data, labs: {...this.data.labs, [labId]: entry}});
	}

	private save(data: SavedProgress): void {
		this.data = data;
		try {
			mkdirSync(join(this.file, '..'), {recursive: true});
			// Owner-only: a room's address holds its password.
			writeFileSync(this.file, JSON.stringify(data, null, 2) + '\n', {mode: 0o600});
			chmodSync(this.file, 0o600);
		} catch {
			// Progress is a convenience: a read-only home must not break a lab.
		}
	}
}
