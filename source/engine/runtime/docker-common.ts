/** Kept for importers not moved yet (detect.ts, commands): see ./docker/client.ts and ./docker/names.ts. */
export {dockerClient, describeDockerHost, pingDocker} from './docker/client.js';
export {managedLabels, namePrefix, MANAGED_LABEL, NODE_LABEL, SESSION_LABEL} from './docker/names.js';
export {dockerError} from '../known-errors.js';
