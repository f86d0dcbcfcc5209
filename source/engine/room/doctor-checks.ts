import type Docker from 'dockerode';
import {messageOf} from '../errors.js';
import {isDockerStatus} from '../known-errors.js';
import {dockerHostLabel} from '../runtime/docker-host.js';
import {findBinary, REDIS_BINARIES} from '../runtime/local-binaries.js';
import {withTimeout} from '../wait.js';
import {execFile} from 'node:child_process';
import {acceptsConnections, processListeningOn} from './port-holder.js';
import {describeRange, firstFreeBase, baseFree, topologyPorts, type PortView} from './ports.js';
import type {ManagedNode} from '../inventory.js';

/** One line of `redis-lab doctor`: ok, a warning, or something that blocks a lab; with a fix unless ok. */
export interface Check {
	topic: string;
	level: 'ok' | 'warn' | 'fail';
	text: string;
	fix?: string;
}

/** The Docker engine: reached (how, which version) or not. `required`: --runtime docker, or no local runtime either. */
export async function dockerCheck(docker: Docker, required: boolean): Promise<{check: Check; reachable: boolean}> {
	const where = dockerHostLabel();
	try {
		const version = await withTimeout(docker.version(), 2500, 'no answer within 2.5s');
		return {reachable: true, check: {topic: 'docker', level: 'ok', text: `engine ${version.Version} (API ${version.ApiVersion}) reached at ${where}`}};
	} catch (error) {
		return {reachable: false, check: {
			topic: 'docker',
			level: required ? 'fail' : 'warn',
			text: `not reachable at ${where}: ${messageOf(error).split('\n')[0]}`,
			fix: 'start Docker (Docker Desktop, colima start, sudo systemctl start docker), or point DOCKER_HOST / docker context use at a running engine',
		}};
	}
}

/** The image: present, or (a warning) to be pulled on first use; registries are not asked. */
export async function imageCheck(docker: Docker, image: string): Promise<Check> {
	try {
		const info = await docker.getImage(image).inspect();
		return {topic: 'image', level: 'ok', text: `${image} present (${Math.round(info.Size / 1048576)} MB)`};
	} catch (error) {
		if (isDockerStatus(error, 404)) return {topic: 'image', level: 'warn', text: `${image} not present; will be pulled on first use`, fix: `pull it while online: docker pull ${image}`};
		return {topic: 'image', level: 'warn', text: `${image}: ${messageOf(error)}`, fix: 'check the Docker engine'};
	}
}

/** Who holds a port: a redis-lab session (by labels), another container, a process, or someone unknown. */
async function holderOf(port: number, view: PortView, owner: string): Promise<string> {
	const holder = view.published.get(port);
	if (holder?.session) return `redis-lab session ${holder.session} of ${holder.owner === owner ? 'yours' : holder.owner} (container ${holder.container})`;
	if (holder) return `Docker container ${holder.container}`;
	const process = await processListeningOn(port);
	if (process) return process;
	if (!(await acceptsConnections(port))) return 'nothing listening, yet it cannot be bound (closing connections: free again within a minute)';
	return 'another user\'s process (sudo ss -ltnp names it)';
}

/** Every port of the base port: one line per taken port, naming its holder; one line when all are free. */
export async function portChecks(basePort: number, choice: 'given' | 'auto' | 'default', view: PortView, owner: string): Promise<Check[]> {
	const ports = topologyPorts(basePort);
	const taken: number[] = [];
	for (const port of ports) if (view.published.has(port) || (await view.hostBusy(port))) taken.push(port);
	if (taken.length === 0) return [{topic: 'ports', level: 'ok', text: `${ports.join(', ')} free (${describeRange(basePort)})`}];
	const free = await firstFreeBase((base) => baseFree(base, view));
	const moves = choice !== 'given';
	const checks: Check[] = [];
	for (const port of taken) {
		checks.push({
			topic: 'ports',
			level: moves ? 'warn' : 'fail',
			text: `${port} is taken by ${await holderOf(port, view, owner)}${moves && free ? `; redis-lab will use --base-port ${free}` : ''}`,
			fix: free ? `use --base-port ${free} (or --base-port auto)` : 'stop what holds the ports, or remove old sessions (redis-lab down)',
		});
	}
	return checks;
}

function versionOf(path: string): Promise<string | undefined> {
	return new Promise((resolve) => {
		execFile(path, ['--version'], {timeout: 5000}, (error, stdout) => resolve(error ? undefined : /(\d+\.\d+\.\d+)/.exec(stdout)?.[1]));
	});
}

/** redis-server, redis-sentinel and redis-cli for the local runtime; `required`: --runtime local, or Docker is not there. */
export async function binaryChecks(binDir: string | undefined, required: boolean): Promise<{checks: Check[]; usable: boolean}> {
	const checks: Check[] = [];
	let usable = process.platform !== 'win32';
	for (const name of REDIS_BINARIES) {
		const path = await findBinary(name, {binDir});
		const version = path ? await versionOf(path) : undefined;
		const old = name === 'redis-server' && version !== undefined && Number(version.split('.')[0]) < 7;
		if (path && version && !old) {
			checks.push({topic: name, level: 'ok', text: `${version} at ${path}`});
			continue;
		}
		usable = false;
		checks.push({
			topic: name,
			level: required ? 'fail' : 'warn',
			text: !path ? `not found ${binDir ? `in ${binDir}` : 'on PATH'} (needed by --runtime local only)` : old ? `${version} is too old: the labs need Redis 7` : `${path} does not run`,
			fix: 'install Redis 7 (apt-get install redis-server redis-sentinel redis-tools / brew install redis), or use --runtime docker',
		});
	}
	return {checks, usable};
}

/** Size, colour and Unicode of the terminal this runs in. */
export function terminalChecks(stream: {isTTY?: boolean; columns?: number; rows?: number} = process.stdout, env: NodeJS.ProcessEnv = process.env): Check[] {
	const checks: Check[] = [];
	if (!stream.isTTY) checks.push({topic: 'terminal', level: 'warn', text: 'output is not a terminal: size unknown', fix: 'run redis-lab doctor in the terminal you will use'});
	else if ((stream.columns ?? 0) < 80 || (stream.rows ?? 0) < 24) checks.push({topic: 'terminal', level: 'warn', text: `${stream.columns}x${stream.rows} is small: panels are cut`, fix: 'make the window at least 80x24 (100x30 is comfortable)'});
	else checks.push({topic: 'terminal', level: 'ok', text: `${stream.columns}x${stream.rows}`});
	if (env.NO_COLOR) checks.push({topic: 'colour', level: 'warn', text: 'off: NO_COLOR is set', fix: 'unset NO_COLOR for roles in colour'});
	else if (env.FORCE_COLOR !== undefined) checks.push({topic: 'colour', level: 'ok', text: `FORCE_COLOR=${env.FORCE_COLOR}`});
	else if (env.TERM === 'dumb') checks.push({topic: 'colour', level: 'warn', text: 'off: TERM=dumb', fix: 'export TERM=xterm-256color'});
	else checks.push({topic: 'colour', level: 'ok', text: `on (TERM=${env.TERM ?? 'unset'}${env.COLORTERM ? `, COLORTERM=${env.COLORTERM}` : ''})`});
	const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
	if (process.platform === 'win32' || /utf-?8/i.test(locale)) checks.push({topic: 'unicode', level: 'ok', text: locale ? `locale ${locale}` : 'Windows terminal'});
	else checks.push({topic: 'unicode', level: 'warn', text: `locale ${locale || 'unset'} is not UTF-8: borders and Chinese text may break`, fix: 'export LANG=C.UTF-8 (or en_US.UTF-8)'});
	return checks;
}

/** Sessions still there: the caller's own (a warning: they hold ports and memory) and other users'. */
export function leftoverChecks(nodes: ManagedNode[], owner: string): Check[] {
	const sessionsOf = (list: ManagedNode[]) => [...new Set(list.map((node) => node.session))];
	const mine = sessionsOf(nodes.filter((node) => node.owner === owner));
	const others = nodes.filter((node) => node.owner !== owner);
	const checks: Check[] = [];
	if (mine.length === 0) checks.push({topic: 'leftovers', level: 'ok', text: `none of yours (${owner})`});
	else checks.push({topic: 'leftovers', level: 'warn', text: `${mine.length} session${mine.length === 1 ? '' : 's'} of yours still there: ${mine.join(', ')}`, fix: 'redis-lab down (yours only), or redis-lab down --session <id>'});
	if (others.length > 0) {
		const owners = [...new Set(others.map((node) => node.owner))].sort();
		checks.push({topic: 'leftovers', level: 'ok', text: `${sessionsOf(others).length} session(s) of other users (${owners.join(', ')}): left alone`});
	}
	return checks;
}
