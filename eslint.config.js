// Keeps the layers honest: only the engine talks to Docker, processes and Redis; only the UI uses Ink.
import tseslint from 'typescript-eslint';

const engineOnly = ['dockerode', 'ioredis', 'execa'].map((name) => ({name, message: 'Only source/engine/ may talk to Docker, processes or Redis.'}));
const uiOnly = ['ink', 'react', 'ink-testing-library'].map((name) => ({name, message: 'Only source/ui/ may use Ink or React.'}));

export default tseslint.config(
	{ignores: ['dist/**', 'node_modules/**', '.scratch/**']},
	{
		files: ['source/**/*.{ts,tsx}'],
		languageOptions: {parser: tseslint.parser},
		rules: {},
	},
	{
		files: ['source/ui/**/*.{ts,tsx}'],
		rules: {'no-restricted-imports': ['error', {paths: engineOnly}]},
	},
	{
		files: ['source/engine/**/*.ts'],
		rules: {'no-restricted-imports': ['error', {paths: uiOnly, patterns: [{group: ['**/ui/**'], message: 'The engine knows nothing of the UI.'}]}]},
	},
	{
		files: ['source/commands/**/*.ts'],
		rules: {'no-restricted-imports': ['error', {paths: engineOnly}]},
	},
);
