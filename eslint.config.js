// typescript-eslint's recommended rules, type-checked, and the layers kept honest by import patterns
// (patterns, not exact names, so subpaths such as `ioredis/built/...` are caught too).
import tseslint from 'typescript-eslint';

const talksToTheWorld = {group: ['dockerode', 'dockerode/**', 'ioredis', 'ioredis/**', 'execa', 'execa/**'], message: 'Only source/engine/ may talk to Docker, processes or Redis.'};
const drawsTheScreen = {group: ['ink', 'ink/**', 'ink-*', 'ink-*/**', 'react', 'react/**', 'react-dom', 'react-dom/**'], message: 'Only source/ui/ (and the command that renders it) may use Ink or React.'};
const knowsTheUi = {group: ['**/ui/**', '**/ui'], message: 'The engine knows nothing of the UI.'};

/** The same rules for `import('...')`, which no-restricted-imports does not see. */
const dynamic = (pattern, message) => ({selector: `ImportExpression[source.value=${pattern}]`, message});
const dynamicWorld = dynamic('/^(dockerode|ioredis|execa)(\\/|$)/', talksToTheWorld.message);
const dynamicScreen = dynamic('/^(ink|ink-[^/]+|react|react-dom)(\\/|$)/', drawsTheScreen.message);
const dynamicUi = dynamic('/(^|\\/)ui(\\/|$)/', knowsTheUi.message);

export default tseslint.config(
	{ignores: ['dist/**', 'node_modules/**', '.scratch/**']},
	{
		files: ['source/**/*.{ts,tsx}'],
		extends: [tseslint.configs.recommendedTypeChecked],
		languageOptions: {parserOptions: {projectService: true, tsconfigRootDir: import.meta.dirname}},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			// Async methods that implement a Promise-returning interface need no await of their own.
			'@typescript-eslint/require-await': 'off',
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none'}],
		},
	},
	{
		files: ['source/engine/**/*.{ts,tsx}'],
		rules: {'no-restricted-imports': ['error', {patterns: [drawsTheScreen, knowsTheUi]}], 'no-restricted-syntax': ['error', dynamicScreen, dynamicUi]},
	},
	{
		files: ['source/ui/**/*.{ts,tsx}'],
		rules: {'no-restricted-imports': ['error', {patterns: [talksToTheWorld]}], 'no-restricted-syntax': ['error', dynamicWorld]},
	},
	{
		// Commands reach Docker, processes and Redis through the engine; only `start` renders the app.
		files: ['source/commands/**/*.{ts,tsx}', 'source/cli.tsx'],
		ignores: ['source/commands/start.ts'],
		rules: {'no-restricted-imports': ['error', {patterns: [talksToTheWorld, drawsTheScreen]}], 'no-restricted-syntax': ['error', dynamicWorld, dynamicScreen]},
	},
	{
		files: ['source/commands/start.ts'],
		rules: {'no-restricted-imports': ['error', {patterns: [talksToTheWorld]}], 'no-restricted-syntax': ['error', dynamicWorld]},
	},
	{
		files: ['source/i18n/**/*.{ts,tsx}'],
		rules: {'no-restricted-imports': ['error', {patterns: [talksToTheWorld, drawsTheScreen, knowsTheUi]}], 'no-restricted-syntax': ['error', dynamicWorld, dynamicScreen, dynamicUi]},
	},
);
