// Records an autoplayed lab the way a demo recorder would: the built CLI in a tmux terminal of a fixed
// size (its own tmux server), `--autoplay --demo --record`. Used by demo-readme.ts and bench-render.ts.
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const CLI = new URL('../dist/cli.js', import.meta.url).pathname;

export interface LabRecording {
	lab: string;
	cast: string;
	basePort: string;
	pace: string;
	cols: number;
	rows: number;
}

/**
 * Resolves once the app has exited 0 with the cast written; throws with the last screen otherwise.
 * Each run gets a config folder of its own: saved progress would resume the lab at a later step.
 */
export async function recordLab(options: LabRecording): Promise<void> {
	const socket = `redis-lab-record-${process.pid}`;
	const config = mkdtempSync(join(tmpdir(), 'redis-lab-record-config-'));
	const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
	const command = [process.execPath, CLI, 'start', options.lab, '--runtime', 'docker', '--base-port', options.basePort, '--down-after', '3000', '--autoplay', '--pace', options.pace, '--demo', '--record', options.cast].join(' ');
	tmux('new-session', '-d', '-s', 'lab', '-x', String(options.cols), '-y', String(options.rows), `env -u CI LANG=C.UTF-8 REDIS_LAB_CONFIG_DIR=${config} ${command}; echo "[exit $?]"; sleep 600`);
	try {
		const deadline = Date.now() + 300_000;
		for (;;) {
			const screen = tmux('capture-pane', '-p', '-t', 'lab');
			const exit = /\[exit (\d+)\]/.exec(screen);
			if (exit?.[1] === '0') return;
			if (exit) throw new Error(`the autoplay failed (exit ${exit[1]}):\n${screen}`);
			if (Date.now() > deadline) throw new Error(`no end within 5 minutes:\n${screen}`);
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	} finally {
		spawnSync('tmux', ['-L', socket, 'kill-server'], {stdio: 'ignore'});
		rmSync(config, {recursive: true, force: true});
	}
}
