// gifenc ships no types: the part of its API the GIF writer uses.
declare module 'gifenc' {
	interface FrameOptions {
		palette?: Array<[number, number, number]>;
		/** Milliseconds (written in centiseconds). */
		delay?: number;
		transparent?: boolean;
		transparentIndex?: number;
		/** GIF disposal method: 1 keeps the frame under the next one. */
		dispose?: number;
		/** 0 loops forever. */
		repeat?: number;
	}
	interface Encoder {
		writeFrame(index: Uint8Array, width: number, height: number, options?: FrameOptions): void;
		finish(): void;
		bytes(): Uint8Array;
	}
	const gifenc: {GIFEncoder(options?: {auto?: boolean; initialCapacity?: number}): Encoder};
	export default gifenc;
}
