import {RedisLabError} from '../base/errors.js';
import {DockerRuntime} from './docker/index.js';
import {imageFrom} from './image-name.js';
import {describeDockerHost, dockerClient, pingDocker} from './docker/client.js';
import {surveyBinaries} from './local/binaries.js';
import {LocalRuntime} from './local/runtime.js';
import type {Runtime, RuntimeKind, RuntimeOptions} from './types.js';
import {both} from '../../i18n/index.js';
import {ENGINE} from '../../i18n/engine.js';

export interface DetectOptions extends Omit<RuntimeOptions, 'image'> {
	/** Forced runtime; otherwise docker when the daemon answers, else local when redis-server exists. */
	runtime?: RuntimeKind;
	image?: string;
	/** Where to say that Docker was not reachable and local processes are used; default: stderr, once per process. */
	onNotice?: (line: string) => void;
}

export function parseRuntimeKind(value: string | undefined): RuntimeKind | undefined {
	if (value === undefined) return undefined;
	if (value === 'docker' || value === 'local') return value;
	throw new RedisLabError('BAD_INPUT', both(ENGINE.unknownRuntime, {value}), {hint: {en: 'Use --runtime docker or --runtime local.', zh: '请使用 --runtime docker 或 --runtime local。'}});
}

export {imageFrom};

/** Whether the local runtime could run here: Linux or macOS with a redis-server on PATH (or in --redis-bin). */
async function localPossible(redisBin?: string): Promise<boolean> {
	return process.platform !== 'win32' && (await surveyBinaries({binDir: redisBin})).family !== undefined;
}

let announced = false;

/** Says once per process, on stderr (before any screen is drawn), that Docker was tried and local processes are used. */
function announceOnce(line: string): void {
	if (announced) return;
	announced = true;
	process.stderr.write(`${line}\n`);
}

/** Picks and builds the runtime for a session. Docker down with --runtime docker fails within ~3 s. */
export async function createRuntime(options: DetectOptions): Promise<Runtime> {
	const base: RuntimeOptions = {...options, image: imageFrom(options.image)};
	if (options.runtime === 'local') return new LocalRuntime(base);
	const docker = dockerClient();
	if (options.runtime === 'docker') {
		await pingDocker(docker);
		return new DockerRuntime(base, docker);
	}
	try {
		await pingDocker(docker, 1500);
		return new DockerRuntime(base, docker);
	} catch (dockerFailure) {
		const tried = describeDockerHost();
		if (await localPossible(options.redisBin)) {
			(options.onNotice ?? announceOnce)(`redis-lab: Docker is not reachable at ${tried}; using local redis-server processes (--runtime docker to insist).`);
			return new LocalRuntime(base);
		}
		throw new RedisLabError('NO_RUNTIME', both(ENGINE.noRuntime, {tried}), {
			hint: process.platform === 'win32' ? both(ENGINE.noRuntimeWindows) : both(ENGINE.noRuntimeContext),
			cause: dockerFailure,
		});
	}
}
