import type Docker from 'dockerode';
import {messageOf} from '../engine/errors.js';
import {dockerNodes, localNodes} from '../engine/inventory.js';
import {imageFrom} from '../engine/runtime/detect.js';
import {dockerClient} from '../engine/runtime/docker/index.js';
import {binaryChecks, dockerCheck, imageCheck, leftoverChecks, portChecks, terminalChecks, type Check} from '../engine/room/doctor-checks.js';
import {currentOwner} from '../engine/room/owner.js';
import {portView} from '../engine/room/ports.js';
import {runtimeFlags} from './options.js';
import type {CommandAction} from './program.js';
import {paint, print} from './output.js';

const MARK = {ok: ['ok', 'green'], warn: ['warn', 'yellow'], fail: ['FAIL', 'red']} as const;

function line(check: Check): string {
	const [word, colour] = MARK[check.level];
	return `${paint(word.padEnd(4), colour)}  ${check.topic.padEnd(14)} ${check.text}${check.fix && check.level !== 'ok' ? ` -> fix: ${check.fix}` : ''}`;
}

/** Checks that a lab can start here; one line per check. Exit 1 when something blocks a lab, else 0 (warnings included). */
export const doctor: CommandAction = async (_args, options) => {
	const flags = runtimeFlags(options);
	const owner = currentOwner();
	let docker: Docker | undefined;
	let dockerLine: Check;
	let reachable = false;
	try {
		docker = dockerClient();
		({check: dockerLine, reachable} = await dockerCheck(docker, flags.runtime === 'docker'));
	} catch (error) {
		dockerLine = {topic: 'docker', level: flags.runtime === 'docker' ? 'fail' : 'warn', text: messageOf(error), fix: 'docker context use default, or set DOCKER_HOST to the engine\'s socket'};
	}
	const binaries = await binaryChecks(flags.redisBin, flags.runtime === 'local');
	// No runtime at all blocks a lab whatever was asked for.
	if (!reachable && !binaries.usable && flags.runtime === undefined) {
		dockerLine = {...dockerLine, level: 'fail'};
		for (const check of binaries.checks) if (check.level === 'warn') check.level = 'fail';
	}
	const checks: Check[] = [dockerLine];
	if (reachable && docker && flags.runtime !== 'local') checks.push(await imageCheck(docker, imageFrom(flags.image)));
	const view = await portView(reachable ? docker : undefined);
	checks.push(...(await portChecks(flags.basePort, flags.portChoice, view, owner)));
	checks.push(...binaries.checks);
	checks.push(...terminalChecks());
	const nodes = [...(reachable && docker ? await dockerNodes(docker).catch(() => []) : []), ...(await localNodes())];
	checks.push(...leftoverChecks(nodes, owner));
	for (const check of checks) print(line(check));
	const blocking = checks.filter((check) => check.level === 'fail').length;
	const warnings = checks.filter((check) => check.level === 'warn').length;
	print(blocking > 0
		? paint(`${blocking} problem${blocking === 1 ? '' : 's'} block${blocking === 1 ? 's' : ''} a lab here.`, 'red')
		: `Nothing blocks a lab here${warnings > 0 ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}.`);
	return blocking > 0 ? 1 : 0;
};
