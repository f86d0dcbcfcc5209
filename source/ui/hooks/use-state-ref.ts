import {useRef, useState} from 'react';

/**
 * useState whose newest value is also readable from a ref at once: keys that arrive before React
 * re-renders reach a handler from the previous render, which must still see the new value.
 */
export function useStateRef<T>(initial: T): [T, (next: T) => void, {readonly current: T}] {
	const [value, setValue] = useState(initial);
	const ref = useRef(initial);
	const set = (next: T) => {
		ref.current = next;
		setValue(next);
	};
	return [value, set, ref];
}
