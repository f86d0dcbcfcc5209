import {useInput, useStdin, type Key} from 'ink';

/**
 * useInput, but a burst of keys that arrives as one chunk ("jjj", "j\r") is handled key by key.
 * Disabled when stdin is not a terminal (useInput would throw).
 */
export function useKeys(handler: (input: string, key: Key) => void, options: {isActive?: boolean; raw?: boolean} = {}): void {
	const {isRawModeSupported} = useStdin();
	useInput((input, key) => {
		if (options.raw || input.length <= 1 || key.ctrl || key.meta) {
			handler(input, key);
			return;
		}
		for (const char of input) {
			if (char === '\r' || char === '\n') handler('', {...key, return: true});
			else handler(char, key);
		}
	}, {isActive: (options.isActive ?? true) && isRawModeSupported});
}
