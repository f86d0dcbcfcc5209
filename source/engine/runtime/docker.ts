/** Kept for importers not moved yet (detect.ts, commands): the docker runtime lives in ./docker/. */
export * from './docker/index.js';
