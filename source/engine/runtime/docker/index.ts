export {DockerRuntime, DEFAULT_IMAGE} from './runtime.js';
export {dockerClient, describeDockerHost, pingDocker} from './client.js';
export {removeManaged} from './cleanup.js';
export {fixedIp} from './network.js';
export {containerName, managedLabels, namePrefix, networkName, MANAGED_LABEL, NODE_LABEL, OWNER_LABEL, SESSION_LABEL} from './names.js';
export {dockerShell, type DockerShellContext} from './shell-text.js';
