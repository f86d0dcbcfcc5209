import {cliMessages as m} from '../i18n/cli.js';
import {t} from '../i18n/index.js';
import {listRows} from './list-cache.js';
import type {CommandAction} from './options.js';
import {packageVersion} from './package-version.js';
import {print, table, paint} from './output.js';

/** The labs, one row each, with a bold header. */
export const list: CommandAction = async (_args, {lang}) => {
	const labs = await listRows(packageVersion());
	const header = [m.listNumber, m.listId, m.listTitle, m.listMinutes, m.listRuntimes].map((message) => t(lang, message));
	const [head, ...rows] = (await table(header, labs.map((lab) => [
		String(lab.order).padStart(2, '0'),
		lab.id,
		lab.title[lang] ?? lab.title.en,
		`~${lab.minutes}`,
		lab.runtimes.join(', '),
	]))).split('\n');
	print([paint(head!, 'bold'), ...rows].join('\n'));
	return 0;
};
