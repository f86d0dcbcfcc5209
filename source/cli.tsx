#!/usr/bin/env node
// React's development build is several times slower; the app is never developed through this entry.
process.env.NODE_ENV ??= 'production';
import {RedisLabError, isRedisLabError, messageOf} from './engine/errors.js';

const HELP = `redis-lab: learn Redis replication and Sentinel by running them for real

Usage
  redis-lab                      open the interactive lab menu
  redis-lab start <lab>          open one lab in the interactive app
  redis-lab list                 list the labs
  redis-lab run <lab|all>        run a lab headless, printing every command and check
  redis-lab export <lab>         print the lab as a bash script of docker/redis-cli commands
  redis-lab up                   start master, replica1, replica2, sentinel1, sentinel2 and leave them running
  redis-lab status               show every redis-lab node
  redis-lab down                 remove every redis-lab container, network and process (nothing else)

Options
  --runtime docker|local         where nodes run (default: docker if it answers, else local redis-server)
  --image IMAGE                  Docker image (default redis:7.2, or $REDIS_LAB_IMAGE)
  --base-port N                  shift every port (master 6379, replicas 6380-6381, sentinels 16379-16381)
  --password P                   protect every node with requirepass / masterauth / sentinel auth-pass
  --lang en|zh                   narrative language
  --keep                         leave the nodes running at the end
  --clean                        remove leftovers of an earlier session first
  --reset                        forget saved lab progress
  --debug                        show stack traces
  -h, --help                     this help
  -v, --version                  the version`;

type Command = (argv: string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
	up: async () => (await import('./commands/up.js')).up,
	status: async () => (await import('./commands/status.js')).status,
	down: async () => (await import('./commands/down.js')).down,
	list: async () => (await import('./commands/list.js')).list,
	run: async () => (await import('./commands/run.js')).run,
	export: async () => (await import('./commands/export.js')).exportLab,
	start: async () => (await import('./commands/start.js')).start,
};

async function version(): Promise<string> {
	const {readFile} = await import('node:fs/promises');
	const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {version: string};
	return pkg.version;
}

async function main(argv: string[]): Promise<number> {
	const [first, ...rest] = argv;
	if (first === '-h' || first === '--help' || first === 'help') {
		process.stdout.write(HELP + '\n');
		return 0;
	}
	if (first === '-v' || first === '--version') {
		process.stdout.write((await version()) + '\n');
		return 0;
	}
	if (first === undefined || first.startsWith('-')) return (await COMMANDS.start!())(argv);
	const load = COMMANDS[first];
	if (!load) throw new RedisLabError('BAD_INPUT', `Unknown command "${first}"`, {hint: 'Run redis-lab --help for the commands.'});
	return (await load())(rest.filter((arg) => arg !== '--debug'));
}

const debug = process.argv.includes('--debug');
try {
	process.exitCode = await main(process.argv.slice(2));
} catch (error) {
	if (debug) console.error(error);
	if (isRedisLabError(error)) {
		process.stderr.write(`redis-lab: ${error.message}\n${error.hint ? `  ${error.hint}\n` : ''}`);
		process.exitCode = error.code === 'BAD_INPUT' || error.code === 'UNKNOWN_LAB' || error.code === 'LAB_FILE' ? 2 : 1;
	} else {
		process.stderr.write(`redis-lab: ${messageOf(error)}\n  This looks like a bug; run again with --debug for details.\n`);
		process.exitCode = 1;
	}
}
// Keep-alive sockets of the Docker client would hold the process for seconds: the work is done.
process.exit();
