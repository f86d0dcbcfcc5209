import {useEffect, useState} from 'react';

/**
 * Date.now(), refreshed every `everyMs` while `running` (for "last seen" ages, change highlights and
 * spinners); a screen where nothing ages costs no renders.
 */
export function useNow(everyMs = 1000, running = true): number {
	const [now, setNow] = useState(Date.now());
	useEffect(() => {
		if (!running) return;
		setNow(Date.now());
		const timer = setInterval(() => setNow(Date.now()), everyMs);
		return () => clearInterval(timer);
	}, [everyMs, running]);
	return running ? now : Date.now();
}
