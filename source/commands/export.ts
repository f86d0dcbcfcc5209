import {RedisLabError} from '../engine/errors.js';
import {findLab, loadCatalogue} from '../engine/lab/loader.js';
import {exportLab as renderScript} from '../engine/lab/export.js';
import {DockerRuntime} from '../engine/runtime/docker/index.js';
import {LocalRuntime} from '../engine/runtime/local/runtime.js';
import {imageFrom} from '../engine/runtime/detect.js';
import {runtimeFlags} from './options.js';
import type {CommandAction} from './program.js';

/** Prints a lab as a bash script of the docker / redis-cli commands it runs. */
export const exportLab: CommandAction = async ([labId], options) => {
	const flags = runtimeFlags(options);
	const lab = findLab(await loadCatalogue(), labId!);
	const kind = flags.runtime ?? 'docker';
	if (!lab.runtimes.includes(kind)) throw new RedisLabError('NEEDS_DOCKER', `Lab ${lab.id} needs the ${lab.runtimes.join(' or ')} runtime`, {hint: 'Export it with --runtime docker.'});
	const runtimeOptions = {sessionId: 'export', basePort: flags.basePort, image: imageFrom(flags.image), password: flags.password, redisBin: flags.redisBin};
	const runtime = kind === 'docker' ? new DockerRuntime(runtimeOptions) : new LocalRuntime(runtimeOptions);
	process.stdout.write(renderScript(lab, runtime, {lang: options.lang, basePort: flags.basePort}));
	return 0;
};
