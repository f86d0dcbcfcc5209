import {readFileSync} from 'node:fs';

/** The version in the package's own package.json. */
export function packageVersion(): string {
	return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}).version;
}
