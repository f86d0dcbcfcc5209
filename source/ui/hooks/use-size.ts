import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

/** Terminal columns and rows, updated on resize. */
export function useSize(): {columns: number; rows: number} {
	const {stdout} = useStdout();
	const read = () => ({columns: stdout?.columns || 100, rows: stdout?.rows || 30});
	const [size, setSize] = useState(read);
	useEffect(() => {
		const onResize = () => setSize(read());
		stdout?.on('resize', onResize);
		return () => {
			stdout?.off('resize', onResize);
		};
	}, [stdout]);
	return size;
}
