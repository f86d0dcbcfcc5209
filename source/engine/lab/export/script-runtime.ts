// What an exported script needs of a runtime, built from the pure shell-text modules only:
// `redis-lab export` must not load dockerode, ioredis or execa.
import {portFor, renderConf} from '../../topology/topology.js';
import {containerName} from '../../runtime/docker/names.js';
import {dockerShell} from '../../runtime/docker/shell-text.js';
import {DEFAULT_IMAGE} from '../../runtime/image-name.js';
import {renderLocalConf} from '../../runtime/local/config.js';
import {localShell} from '../../runtime/local/shell-text.js';
import type {Runtime, RuntimeKind, RuntimeOptions} from '../../runtime/types.js';

/** The part of a runtime that writes text: commands, configs and addresses, no I/O. */
export type ScriptRuntime = Pick<Runtime, 'kind' | 'label' | 'shell' | 'peerAddress' | 'hostAddress' | 'renderConfig'>;

/** The text side of a runtime of this kind, as a fresh session (no network, nothing created) would write it. */
export function scriptRuntime(kind: RuntimeKind, options: RuntimeOptions): ScriptRuntime {
	const port = (name: string) => portFor(name, options.basePort);
	const hostAddress = (name: string) => ({host: '127.0.0.1', port: port(name)});
	if (kind === 'local') {
		const address = (name: string) => ({host: '127.0.0.1', port: port(name)});
		return {
			kind,
			label: 'redis-server',
			shell: localShell({password: options.password, port}),
			peerAddress: address,
			hostAddress,
			// The script's own folder: ./redis-lab/<node>/, as its commands name it.
			renderConfig: (node) => renderLocalConf(node, {sessionDir: 'redis-lab', password: options.password, address}),
		};
	}
	const image = options.image ?? DEFAULT_IMAGE;
	const peerAddress = (name: string) => ({host: containerName(options.basePort, name), port: port(name)});
	const none = () => undefined;
	return {
		kind,
		label: image,
		shell: dockerShell({basePort: options.basePort, image, password: options.password, port, subnet: none, fixedIp: none, healIp: none, spec: none}),
		peerAddress,
		hostAddress,
		renderConfig: (node) => renderConf(node, {peerAddress, password: options.password, addressBeforeStart: none}),
	};
}
