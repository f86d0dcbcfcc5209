/** Kept for importers not moved yet (detect.ts, commands): the local runtime lives in ./local/. */
export {LocalRuntime} from './local/runtime.js';
