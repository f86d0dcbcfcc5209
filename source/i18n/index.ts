/** One catalogue of every string the app and the CLI show, in English and Simplified Chinese. */
export type Lang = 'en' | 'zh';

/** A message: fixed text, or a function of its parameters, in both languages. */
export type Message = {en: string; zh: string} | {en: (params: Record<string, string | number>) => string; zh: (params: Record<string, string | number>) => string};

/** Declares a group of messages; the type requires both languages for every key. */
export function defineMessages<T extends Record<string, Message>>(messages: T): T {
	return messages;
}

/** The one way to translate: the text of `message` in `lang` (default en), with its parameters filled. */
export function t(lang: Lang | undefined, message: Message, params: Record<string, string | number> = {}): string {
	const text = message[lang ?? 'en'];
	return typeof text === 'function' ? text(params) : text;
}

/** A message in both languages, its parameters filled: for text shown later, in a language not known yet. */
export function both(message: Message, params: Record<string, string | number> = {}): {en: string; zh: string} {
	return {en: t('en', message, params), zh: t('zh', message, params)};
}

/**
 * The language of the user's locale: LC_ALL, LC_MESSAGES, LANG, then LANGUAGE (the first one set
 * decides); zh when it starts with "zh".
 */
export function langFromEnv(env: NodeJS.ProcessEnv = process.env): Lang {
	for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE']) {
		const value = env[name];
		if (value && value !== 'C' && value !== 'POSIX') return value.toLowerCase().startsWith('zh') ? 'zh' : 'en';
	}
	return 'en';
}
