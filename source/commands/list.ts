import {loadCatalogue} from '../engine/lab/loader.js';
import {parse, parseLang} from './options.js';
import {print, table, paint} from './output.js';

export const usage = 'redis-lab list [--lang en|zh]';

export async function list(argv: string[]): Promise<number> {
	const {values} = parse(argv, {lang: {type: 'string'}}, false);
	const lang = parseLang(values.lang);
	const labs = await loadCatalogue();
	print(paint(table(['#', 'ID', 'TITLE', 'MIN', 'RUNTIMES'], labs.map((lab) => [
		String(lab.order).padStart(2, '0'),
		lab.id,
		lab.title[lang] ?? lab.title.en,
		`~${lab.minutes}`,
		lab.runtimes.join(', '),
	])), 'bold').replace(/\u001B\[22m[\s\S]*$/, (rest) => rest));
	return 0;
}
