/** Frames per second Ink may draw on the lab screens: an event reaches the screen within one frame (about 17 ms). */
export const MAX_FPS = 60;
