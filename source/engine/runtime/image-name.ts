/** The image users get when they name none. */
export const DEFAULT_IMAGE = 'redis:7.2';

/** The image users get: --image, else REDIS_LAB_IMAGE, else redis:7.2. */
export function imageFrom(option?: string): string {
	return option || process.env.REDIS_LAB_IMAGE || DEFAULT_IMAGE;
}
