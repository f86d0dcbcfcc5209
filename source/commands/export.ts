import {RedisLabError} from '../engine/base/errors.js';
import {findLab, loadCatalogue} from '../engine/lab/format/loader.js';
import {exportLab as renderScript} from '../engine/lab/export/export.js';
import {imageFrom} from '../engine/runtime/image-name.js';
import {scriptRuntime} from '../engine/lab/export/script-runtime.js';
import {runtimeFlags} from './options.js';
import type {CommandAction} from './options.js';
import {both} from '../i18n/index.js';
import {ENGINE} from '../i18n/engine.js';

/** Prints a lab as a bash script of the docker / redis-cli commands it runs (pure text: no Docker, Redis or execa loaded). */
export const exportLab: CommandAction = async ([labId], options) => {
	const flags = runtimeFlags(options);
	const lab = findLab(await loadCatalogue(), labId!);
	const kind = flags.runtime ?? 'docker';
	if (!lab.runtimes.includes(kind)) throw new RedisLabError('NEEDS_DOCKER', both(ENGINE.exportNeedsDocker, {lab: lab.id, runtimes: lab.runtimes.join(' / ')}), {hint: both(ENGINE.exportDocker)});
	const runtime = scriptRuntime(kind, {sessionId: 'export', basePort: flags.basePort, image: imageFrom(flags.image), password: flags.password, redisBin: flags.redisBin});
	process.stdout.write(renderScript(lab, runtime, {lang: options.lang, basePort: flags.basePort}));
	return 0;
};
