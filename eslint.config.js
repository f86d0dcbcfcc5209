// typescript-eslint's recommended rules, type-checked, on everything written in TypeScript: the
// app, its tests and its scripts. Which folder may import which is dependency-cruiser's job
// (.dependency-cruiser.cjs), run by the same `npm run lint`.
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ignores: ['dist/**', 'node_modules/**', '.scratch/**', 'test/fixtures/**']},
	{
		files: ['source/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}', 'scripts/**/*.ts'],
		extends: [tseslint.configs.recommendedTypeChecked],
		languageOptions: {parserOptions: {projectService: true, tsconfigRootDir: import.meta.dirname}},
		rules: {
			// node:test's test(), it() and describe() return promises the runner itself awaits.
			'@typescript-eslint/no-floating-promises': ['error', {allowForKnownSafeCalls: [{from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite']}]}],
			// Async methods that implement a Promise-returning interface need no await of their own.
			'@typescript-eslint/require-await': 'off',
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none'}],
		},
	},
	{
		// Tests break lab files on purpose: they edit parsed YAML, which has no type to check.
		files: ['test/unit/lab/**/*.ts'],
		rules: {'@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-unsafe-assignment': 'off', '@typescript-eslint/no-unsafe-member-access': 'off', '@typescript-eslint/no-unsafe-call': 'off', '@typescript-eslint/no-unsafe-return': 'off', '@typescript-eslint/no-unsafe-argument': 'off'},
	},
);
