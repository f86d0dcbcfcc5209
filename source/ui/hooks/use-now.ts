import {useEffect, useState} from 'react';

/** Date.now(), refreshed every `everyMs` (for "last seen" ages and change highlights). */
export function useNow(everyMs = 1000): number {
	const [now, setNow] = useState(Date.now());
	useEffect(() => {
		const timer = setInterval(() => setNow(Date.now()), everyMs);
		return () => clearInterval(timer);
	}, [everyMs]);
	return now;
}
