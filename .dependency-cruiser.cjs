// The house rules for imports: no circles, every layer imports only from the layers below it, and
// only the engine talks to Docker, processes and Redis, only the UI draws. Run by `npm run lint`.
// The layers, lowest first; a folder may import from its own layer and the ones listed before it.
const engineLayers = [
	'base',
	'topology',
	'redis',
	// The workshop room (a Redis of the host's): its keys, the learner's publisher, the host's watcher.
	'room',
	'runtime',
	'session',
	'host',
	'lab/define',
	'lab/(actions|checks)',
	'lab/format',
	'lab/(run|export)',
];
const appLayers = ['i18n', 'engine', 'record', 'ui', 'commands', 'cli\\.tsx$'];

const upward = (layers, prefix) => layers.slice(0, -1).map((layer, index) => ({
	name: `no-upward-from-${prefix}${layer.replace(/\W+/g, '-')}`,
	comment: `source/${prefix}${layer} is below ${layers.slice(index + 1).join(', ')}: it must not import them.`,
	severity: 'error',
	from: {path: `^source/${prefix}${layer}(/|$)`},
	to: {path: `^source/${prefix}(${layers.slice(index + 1).join('|')})(/|$)`},
}));

// Siblings on one layer stay apart: run and export, actions and checks.
const apart = (a, b) => ({name: `no-${a.replace(/\W+/g, '-')}-to-${b.replace(/\W+/g, '-')}`, severity: 'error', from: {path: `^source/engine/${a}/`}, to: {path: `^source/engine/${b}/`}});

module.exports = {
	forbidden: [
		{name: 'no-circular', comment: 'Import circles make the layers unreadable.', severity: 'error', from: {}, to: {circular: true}},
		{name: 'engine-knows-no-app', comment: 'The engine knows nothing of the UI, the commands or recording.', severity: 'error', from: {path: '^source/engine/'}, to: {path: '^source/(ui|commands|record)/|^source/cli\\.tsx$'}},
		{name: 'no-source-to-test', comment: 'Shipped code never imports tests or their doubles.', severity: 'error', from: {path: '^source/'}, to: {path: '^(test|scripts)/'}},
		...upward(engineLayers, 'engine/'),
		...upward(appLayers, ''),
		apart('lab/run', 'lab/export'),
		apart('lab/export', 'lab/run'),
		apart('lab/actions', 'lab/checks'),
		apart('lab/checks', 'lab/actions'),
		{name: 'only-engine-talks-to-the-world', comment: 'Only source/engine/ talks to Docker, processes or Redis.', severity: 'error', from: {path: '^source/', pathNot: '^source/engine/'}, to: {path: '(^|/)node_modules/(dockerode|ioredis|execa)/'}},
		{name: 'only-ui-draws', comment: 'Only source/ui/ (and the command that renders it) use Ink or React.', severity: 'error', from: {path: '^source/', pathNot: '^source/(ui/|commands/start\\.ts$)'}, to: {path: '(^|/)node_modules/(ink|ink-[^/]+|react|react-dom)/'}},
	],
	options: {
		doNotFollow: {path: 'node_modules'},
		exclude: {path: '^(node_modules|dist)/'},
		tsPreCompilationDeps: true,
		tsConfig: {fileName: 'tsconfig.json'},
		enhancedResolveOptions: {exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.mjs']},
		reporterOptions: {text: {highlightFocused: true}},
	},
};
