import {z} from 'zod';
import {RedisLabError} from '../../base/errors.js';
import {defineAction} from '../define/define.js';
import {fieldsOf, NODE_NAMES, Text, WholeAboveZero} from '../define/fields.js';
import {throwawayPort} from '../define/throwaway.js';
import type {ThrowawayPlan} from '../../runtime/types.js';
import {t, both} from '../../../i18n/index.js';
import {ENGINE} from '../../../i18n/engine.js';

const Port = WholeAboveZero.max(65_535, 'must be a port (1-65535)');

const DockerRun = fieldsOf({
	id: Text.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug like article').refine((id) => !NODE_NAMES.includes(id), 'must not be a node name').meta({description: 'Names the container (with the session\'s prefix) for reach checks'}),
	publish: Port.meta({description: 'Container port published on 127.0.0.1 (at the master\'s port + 100)'}),
	port: Port.optional().meta({description: 'Port redis-server listens on inside (default 6379, as in the image)'}),
});
type Body = z.output<typeof DockerRun>;

/** The plan of the container: the server's port as `--port` when not the image's 6379; protected mode off, as the official redis and valkey/valkey images are built. */
function plan({publish, port = 6379}: Body, masterHostPort: number): ThrowawayPlan {
	return {hostPort: throwawayPort(masterHostPort), publish, listen: port, args: [...(port === 6379 ? [] : ['--port', String(port)]), '--protected-mode', 'no']};
}

export const dockerRun = defineAction({
	key: 'docker-run',
	schema: DockerRun,
	changesState: true,
	summary: 'Docker only: runs a throw-away Redis container outside the lab (`docker run -d -p 127.0.0.1:<master port + 100>:<publish> ... redis-server [--port <port>]`), replacing one with the same id; removed at teardown.',
	label: ({id, publish, port = 6379}, lang) => t(lang, {en: `run container ${id}: publish ${publish}, server on ${port}`, zh: `运行容器 ${id}：发布 ${publish} 端口，服务器监听 ${port}`}),
	async perform(body, context) {
		const {session} = context;
		const {runtime} = session;
		if (!runtime.runThrowaway || !runtime.shell.throwaway) throw new RedisLabError('NEEDS_DOCKER', both(ENGINE.dockerRunNeedsDocker));
		const container = plan(body, runtime.hostAddress('master').port);
		session.record('command', runtime.shell.throwaway(body.id, container));
		await runtime.runThrowaway(body.id, container);
	},
	preview: (body, context) => (context.shell.throwaway ? [context.shell.throwaway(body.id, plan(body, context.hostPort('master')))] : []),
	script(body, context) {
		if (!context.shell.throwaway) return [`# docker-run ${body.id}: needs the docker runtime`];
		context.removeAtEnd(body.id);
		return [
			`${context.shell.remove(body.id)} >/dev/null 2>&1 || true  # a throw-away container, replaced if it exists`,
			context.shell.throwaway(body.id, plan(body, context.hostPort('master'))),
			`wait_for "${body.id} answers PING inside" 10 ${context.shell.script(body.id, `redis-cli -p ${body.port ?? 6379} PING`)}`,
		];
	},
	dockerOnly: true,
	declares: ({id}) => ({kind: 'container', id}),
});
