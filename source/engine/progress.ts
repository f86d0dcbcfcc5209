import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';

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

/** Progress saved as JSON; a missing or broken file reads as no progress. */
export class ProgressStore {
	private readonly file: string;
	private data: Record<string, LabProgress>;

	constructor(dir = configDir()) {
		this.file = join(dir, 'progress.json');
		try {
			this.data = JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, LabProgress>;
		} catch {
			this.data = {};
		}
	}

	get(labId: string): LabProgress {
		return this.data[labId] ?? {doneSteps: []};
	}

	markDone(labId: string, stepId: string): void {
		const entry = this.get(labId);
		if (!entry.doneSteps.includes(stepId)) this.save({...this.data, [labId]: {...entry, doneSteps: [...entry.doneSteps, stepId]}});
	}

	setLast(labId: string, index: number): void {
		if (this.get(labId).lastStep === index) return;
		this.save({...this.data, [labId]: {...this.get(labId), lastStep: index}});
	}

	reset(): void {
		this.data = {};
		rmSync(this.file, {force: true});
	}

	private save(data: Record<string, LabProgress>): void {
		this.data = data;
		try {
			mkdirSync(join(this.file, '..'), {recursive: true});
			writeFileSync(this.file, JSON.stringify(data, null, 2) + '\n');
		} catch {
			// Progress is a convenience: a read-only home must not break a lab.
		}
	}
}
