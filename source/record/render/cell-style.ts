// How a cell's colour and attributes are coded in a Screen (no terminal emulator needed to read them).

/** Colours: -1 the default, 0-255 the palette, RGB | TRUE_COLOR for a 24-bit colour. */
export const TRUE_COLOR = 0x1000000;
export const BOLD = 1;
export const DIM = 2;
export const ITALIC = 4;
export const UNDERLINE = 8;
export const INVERSE = 16;
export const INVISIBLE = 32;
