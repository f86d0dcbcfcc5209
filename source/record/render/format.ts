export type PictureFormat = 'svg' | 'gif';
export type RecordFormat = 'cast' | PictureFormat;

/** The format a file name asks for by its extension (case-insensitive), or undefined. */
export function formatOf(file: string): RecordFormat | undefined {
	const extension = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase();
	return extension === 'cast' || extension === 'svg' || extension === 'gif' ? extension : undefined;
}
