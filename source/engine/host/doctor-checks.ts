import type Docker from 'dockerode';
import {messageOf, type Said} from '../base/errors.js';
import {isDockerStatus} from '../base/known-errors.js';
import {dockerHostLabel} from '../runtime/docker/host.js';
import {sentinelProgram, surveyBinaries, type BinarySurvey} from '../runtime/local/binaries.js';
import {majorOf, serverFromImageEnv, serverName, supportWarning} from '../redis/server-kind.js';
import {withTimeout} from '../base/wait.js';
import {acceptsConnections, processListeningOn} from './port-holder.js';
import {firstFreeBase, baseFree, topologyPorts, type PortView} from './ports.js';
import type {ManagedNode} from './inventory.js';
import {cliMessages as m} from '../../i18n/cli.js';
import {both, t, type Lang, type Message} from '../../i18n/index.js';

/** One line of `redis-lab doctor`: ok, a warning, or something that blocks a lab; with a fix unless ok. Text and fix in both languages. */
export interface Check {
	topic: string;
	level: 'ok' | 'warn' | 'fail';
	text: Said;
	fix?: Said;
}

/** A message in both languages whose parameters differ by language (an error's own text, a nested phrase). */
export function saidWith(message: Message, params: (lang: Lang) => Record<string, string | number>): Said {
	return {en: t('en', message, params('en')), zh: t('zh', message, params('zh'))};
}

/** The ports of a base port, as a phrase: "master 6379, replicas 6380-6381, sentinels 16379-16381". */
export function rangeSaid(basePort: number): Said {
	const [master, replica1, replica2, s1, , s3] = topologyPorts(basePort);
	return both(m.portRange, {master: master!, replicas: `${replica1}-${replica2}`, sentinels: `${s1}-${s3}`});
}

/** The Docker engine: reached (how, which version) or not. `required`: --runtime docker, or no local runtime either. */
export async function dockerCheck(docker: Docker, required: boolean): Promise<{check: Check; reachable: boolean}> {
	const where = dockerHostLabel();
	try {
		const version = await withTimeout(docker.version(), 2500, both(m.doctorNoAnswer));
		return {reachable: true, check: {topic: 'docker', level: 'ok', text: both(m.doctorDockerOk, {version: version.Version, api: version.ApiVersion, where})}};
	} catch (error) {
		return {reachable: false, check: {
			topic: 'docker',
			level: required ? 'fail' : 'warn',
			text: saidWith(m.doctorDockerUnreachable, (lang) => ({where, error: messageOf(error, lang)})),
			fix: both(m.doctorFixStartDocker),
		}};
	}
}

/** The image: present, or (a warning) to be pulled on first use; registries are not asked. */
export async function imageCheck(docker: Docker, image: string): Promise<Check> {
	try {
		const info = await docker.getImage(image).inspect();
		const mb = Math.round(info.Size / 1048576);
		const server = serverFromImageEnv(info.Config?.Env ?? []);
		if (!server) return {topic: 'image', level: 'ok', text: both(m.doctorImagePresent, {image, mb})};
		const warning = supportWarning(server);
		return {topic: 'image', level: warning ? 'warn' : 'ok', text: saidWith(m.doctorImageServer, (lang) => ({image, mb, server: (warning ?? serverName(server))[lang]}))};
	} catch (error) {
		if (isDockerStatus(error, 404)) return {topic: 'image', level: 'warn', text: both(m.doctorImageMissing, {image}), fix: both(m.doctorFixPull, {image})};
		return {topic: 'image', level: 'warn', text: saidWith(m.doctorImageError, (lang) => ({image, error: messageOf(error, lang)})), fix: both(m.doctorFixCheckEngine)};
	}
}

/** Who holds a port: a redis-lab session (by labels), another container, a process, or someone unknown. */
async function holderOf(port: number, view: PortView, owner: string): Promise<Said> {
	const holder = view.published.get(port);
	if (holder?.session) return both(holder.owner === owner ? m.doctorHeldByYourSession : m.doctorHeldBySession, {session: holder.session, owner: String(holder.owner), container: holder.container});
	if (holder) return both(m.doctorHeldByContainer, {container: holder.container});
	// "pid 1234 (node)": the same in both languages.
	const process = await processListeningOn(port);
	if (process) return {en: process, zh: process};
	if (!(await acceptsConnections(port))) return both(m.doctorHeldWhileClosing);
	return both(m.doctorHeldByOtherUser);
}

/** Every port of the base port: one line per taken port, naming its holder; one line when all are free. */
export async function portChecks(basePort: number, choice: 'given' | 'auto' | 'default', view: PortView, owner: string): Promise<Check[]> {
	const ports = topologyPorts(basePort);
	const taken: number[] = [];
	for (const port of ports) if (view.published.has(port) || (await view.hostBusy(port))) taken.push(port);
	if (taken.length === 0) return [{topic: 'ports', level: 'ok', text: saidWith(m.doctorPortsFree, (lang) => ({ports: ports.join(', '), range: rangeSaid(basePort)[lang]}))}];
	const free = await firstFreeBase((base) => baseFree(base, view));
	const moves = choice !== 'given';
	const checks: Check[] = [];
	for (const port of taken) {
		const holder = await holderOf(port, view, owner);
		checks.push({
			topic: 'ports',
			level: moves ? 'warn' : 'fail',
			text: saidWith(m.doctorPortTaken, (lang) => ({port, holder: holder[lang], moveTo: moves && free ? free : ''})),
			fix: free ? both(m.doctorFixBasePort, {free}) : both(m.doctorFixFreePorts),
		});
	}
	return checks;
}

/** A missing, broken or too old program: a warning, or a failure when the local runtime is wanted. */
function binaryProblem(topic: string, text: Said, required: boolean): Check {
	return {topic, level: required ? 'fail' : 'warn', text, fix: both(m.doctorFixInstallRedis)};
}

/**
 * The server (`redis-server`, else `valkey-server`), how a sentinel starts and the cli for the
 * local runtime, each with what its --version says; `required`: --runtime local, or Docker is not there.
 */
export async function binaryChecks(binDir: string | undefined, required: boolean): Promise<{checks: Check[]; usable: boolean}> {
	const survey = await surveyBinaries({binDir});
	const notFound = binDir ? both(m.doctorBinaryNotInDir, {dir: binDir}) : both(m.doctorBinaryNotOnPath);
	if (!survey.family) return {usable: false, checks: [binaryProblem('redis-server', notFound, required), binaryProblem('redis-cli', notFound, required)]};
	const {server, cli, sentinel} = survey as Required<BinarySurvey>;
	const checks: Check[] = [];
	let usable = process.platform !== 'win32';
	for (const each of [server, cli]) {
		const old = each === server && each.kind !== undefined && majorOf(each.kind) < 7;
		if (each.path && each.kind && !old) {
			checks.push({topic: each.name, level: 'ok', text: saidWith(m.doctorBinaryOk, (lang) => ({version: serverName(each.kind!)[lang], path: each.path!}))});
		} else {
			usable = false;
			checks.push(binaryProblem(each.name, !each.path ? notFound : old ? both(m.doctorBinaryOld, {version: each.kind!.version}) : both(m.doctorBinaryBroken, {path: each.path}), required));
		}
		if (each === server) {
			const program = sentinelProgram(survey as Required<BinarySurvey>);
			checks.push({topic: sentinel.name, level: 'ok', text: program.args.length === 0 ? both(m.doctorSentinelProgram, {path: program.path}) : both(m.doctorSentinelFlag, {server: server.name})});
		}
	}
	return {checks, usable};
}

/** Size, colour and Unicode of the terminal this runs in. */
export function terminalChecks(stream: {isTTY?: boolean; columns?: number; rows?: number} = process.stdout, env: NodeJS.ProcessEnv = process.env): Check[] {
	const checks: Check[] = [];
	// String() keeps what the English always showed ("undefined") should a TTY not report its size.
	const size = {columns: String(stream.columns), rows: String(stream.rows)};
	if (!stream.isTTY) checks.push({topic: 'terminal', level: 'warn', text: both(m.doctorTerminalPiped), fix: both(m.doctorFixRunInTerminal)});
	else if ((stream.columns ?? 0) < 80 || (stream.rows ?? 0) < 24) checks.push({topic: 'terminal', level: 'warn', text: both(m.doctorTerminalSmall, size), fix: both(m.doctorFixTerminalSize)});
	else checks.push({topic: 'terminal', level: 'ok', text: both(m.doctorTerminalOk, size)});
	if (env.NO_COLOR) checks.push({topic: 'colour', level: 'warn', text: both(m.doctorColourNoColor), fix: both(m.doctorFixNoColor)});
	else if (env.FORCE_COLOR !== undefined) checks.push({topic: 'colour', level: 'ok', text: both(m.doctorColourForced, {value: env.FORCE_COLOR})});
	else if (env.TERM === 'dumb') checks.push({topic: 'colour', level: 'warn', text: both(m.doctorColourDumb), fix: both(m.doctorFixDumb)});
	else checks.push({topic: 'colour', level: 'ok', text: saidWith(m.doctorColourOn, (lang) => ({term: env.TERM ?? t(lang, m.doctorUnset), colorterm: env.COLORTERM ?? ''}))});
	const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
	if (process.platform === 'win32' || /utf-?8/i.test(locale)) checks.push({topic: 'unicode', level: 'ok', text: locale ? both(m.doctorLocale, {locale}) : both(m.doctorWindowsTerminal)});
	else checks.push({topic: 'unicode', level: 'warn', text: saidWith(m.doctorLocaleNotUtf8, (lang) => ({locale: locale || t(lang, m.doctorUnset)})), fix: both(m.doctorFixLocale)});
	return checks;
}

/** Sessions still there: the caller's own (a warning: they hold ports and memory) and other users'. */
export function leftoverChecks(nodes: ManagedNode[], owner: string): Check[] {
	const sessionsOf = (list: ManagedNode[]) => [...new Set(list.map((node) => node.session))];
	const mine = sessionsOf(nodes.filter((node) => node.owner === owner));
	const others = nodes.filter((node) => node.owner !== owner);
	const checks: Check[] = [];
	if (mine.length === 0) checks.push({topic: 'leftovers', level: 'ok', text: both(m.doctorNoLeftovers, {owner})});
	else checks.push({topic: 'leftovers', level: 'warn', text: both(m.doctorYourLeftovers, {count: mine.length, sessions: mine.join(', ')}), fix: both(m.doctorFixLeftovers)});
	if (others.length > 0) {
		const owners = [...new Set(others.map((node) => node.owner))].sort();
		checks.push({topic: 'leftovers', level: 'ok', text: both(m.doctorOthersLeftovers, {count: sessionsOf(others).length, owners: owners.join(', ')})});
	}
	return checks;
}
