import {RedisLabError} from '../engine/errors.js';
import {findLab, loadCatalogue} from '../engine/lab/loader.js';
import {exportLab as renderScript} from '../engine/lab/export.js';
import {DockerRuntime} from '../engine/runtime/docker.js';
import {LocalRuntime} from '../engine/runtime/local.js';
import {imageFrom} from '../engine/runtime/detect.js';
import {parse, parseLang, runtimeFlags} from './options.js';

export const usage = 'redis-lab export <lab> [--runtime docker|local] [--image IMAGE] [--base-port N] [--lang en|zh]';

/** Prints a lab as a bash script of the docker / redis-cli commands it runs. */
export async function exportLab(argv: string[]): Promise<number> {
	const {values, positionals} = parse(argv, {runtime: {type: 'string'}, image: {type: 'string'}, 'base-port': {type: 'string'}, lang: {type: 'string'}, password: {type: 'string'}});
	const flags = runtimeFlags(values);
	if (positionals.length !== 1) throw new RedisLabError('BAD_INPUT', 'Which lab? redis-lab export <lab>', {hint: 'Run redis-lab list to see the labs.'});
	const lab = findLab(await loadCatalogue(), positionals[0]!);
	const kind = flags.runtime ?? 'docker';
	if (!lab.runtimes.includes(kind)) throw new RedisLabError('NEEDS_DOCKER', `Lab ${lab.id} needs the ${lab.runtimes.join(' or ')} runtime`, {hint: 'Export it with --runtime docker.'});
	const options = {sessionId: 'export', basePort: flags.basePort, image: imageFrom(flags.image), password: flags.password, redisBin: flags.redisBin};
	const runtime = kind === 'docker' ? new DockerRuntime(options) : new LocalRuntime(options);
	process.stdout.write(renderScript(lab, runtime, {lang: parseLang(values.lang), basePort: flags.basePort}));
	return 0;
}
