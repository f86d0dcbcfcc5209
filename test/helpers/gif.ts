import omggif from 'omggif';

/** A decoded GIF: its size, each frame's delay (centiseconds) and the picture after each frame. */
export interface DecodedGif {
	width: number;
	height: number;
	delays: number[];
	/** RGBA of the whole picture once frame i is drawn over the ones before it. */
	pictureAt(index: number): Uint8Array;
}

export function decodeGif(bytes: Uint8Array): DecodedGif {
	const reader = new omggif.GifReader(Buffer.from(bytes));
	const count = reader.numFrames();
	return {
		width: reader.width,
		height: reader.height,
		delays: Array.from({length: count}, (_, index) => reader.frameInfo(index).delay),
		pictureAt(index) {
			const rgba = new Uint8Array(reader.width * reader.height * 4);
			for (let frame = 0; frame <= index; frame++) reader.decodeAndBlitFrameRGBA(frame, rgba);
			return rgba;
		},
	};
}

/** The distinct RGB colours inside a rectangle of a picture. */
export function coloursIn(rgba: Uint8Array, width: number, box: {x: number; y: number; w: number; h: number}): Set<number> {
	const found = new Set<number>();
	for (let y = box.y; y < box.y + box.h; y++) {
		for (let x = box.x; x < box.x + box.w; x++) {
			const at = (y * width + x) * 4;
			found.add((rgba[at]! << 16) | (rgba[at + 1]! << 8) | rgba[at + 2]!);
		}
	}
	return found;
}
