import type Docker from 'dockerode';
import {saidOf} from '../base/errors.js';
import {dockerNodes, localNodes} from './inventory.js';
import {dockerClient} from '../runtime/docker/client.js';
import type {RuntimeKind} from '../runtime/types.js';
import {binaryChecks, dockerCheck, imageCheck, leftoverChecks, portChecks, saidWith, terminalChecks, type Check} from './doctor-checks.js';
import {cliMessages as m} from '../../i18n/cli.js';
import {both} from '../../i18n/index.js';
import {currentOwner} from '../base/owner.js';
import {portView} from './ports.js';

export interface DoctorOptions {
	runtime?: RuntimeKind;
	image: string;
	basePort: number;
	portChoice: 'given' | 'auto' | 'default';
	redisBin?: string;
}

/** Every check of `redis-lab doctor`, in order: engine, image, ports, redis binaries, terminal, leftovers. */
export async function doctorChecks(options: DoctorOptions): Promise<Check[]> {
	const owner = currentOwner();
	let docker: Docker | undefined;
	let dockerLine: Check;
	let reachable = false;
	try {
		docker = dockerClient();
		({check: dockerLine, reachable} = await dockerCheck(docker, options.runtime === 'docker'));
	} catch (error) {
		// A broken Docker context names itself.
		dockerLine = {topic: 'docker', level: options.runtime === 'docker' ? 'fail' : 'warn', text: saidOf(error).message, fix: both(m.doctorFixContext)};
	}
	const binaries = await binaryChecks(options.redisBin, options.runtime === 'local');
	// No runtime at all blocks a lab whatever was asked for.
	if (!reachable && !binaries.usable && options.runtime === undefined) {
		dockerLine = {...dockerLine, level: 'fail'};
		for (const check of binaries.checks) if (check.level === 'warn') check.level = 'fail';
	}
	const checks: Check[] = [dockerLine];
	if (reachable && docker && options.runtime !== 'local') checks.push(await imageCheck(docker, options.image));
	const view = await portView(reachable ? docker : undefined);
	checks.push(...(await portChecks(options.basePort, options.portChoice, view, owner)));
	checks.push(...binaries.checks);
	checks.push(...terminalChecks());
	const containers = reachable && docker ? await dockerNodes(docker).then((nodes) => ({nodes}), (error: unknown) => ({nodes: [], error})) : {nodes: []};
	if ('error' in containers) checks.push({topic: 'leftovers', level: 'warn', text: saidWith(m.doctorCannotList, (lang) => ({error: saidOf(containers.error).message[lang]}))});
	checks.push(...leftoverChecks([...containers.nodes, ...(await localNodes())], owner));
	return checks;
}
