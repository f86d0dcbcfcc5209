// Which language the command line speaks: --lang (remembered), else the remembered choice, else the locale.
import type {Lang} from '../engine/lab/format/types.js';
import {ProgressStore} from '../engine/lab/run/progress.js';
import {langFromEnv} from '../i18n/index.js';

/** The language of a command: the flag, which is remembered for next time, else the saved one, else the locale. */
export function chooseLang(flag: Lang | undefined, store = new ProgressStore()): Lang {
	if (flag) {
		store.setLang(flag);
		return flag;
	}
	return store.lang ?? langFromEnv();
}

/** The language before the flags are parsed (for help and flag errors); nothing is remembered. */
export function langOfArgv(argv: readonly string[], store = new ProgressStore()): Lang {
	const index = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
	const value = index === -1 ? undefined : argv[index]!.startsWith('--lang=') ? argv[index]!.slice('--lang='.length) : argv[index + 1];
	if (value === 'en' || value === 'zh') return value;
	return store.lang ?? langFromEnv();
}
