import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/** A decoded image as RGBA bytes, row-major. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Decodes a PNG or JPEG by its signature bytes; an Error value says why it could not. */
export function decodeImage(bytes: Buffer): RgbaImage | Error {
  try {
    if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0x89504e47) {
      const png = PNG.sync.read(bytes);
      return { width: png.width, height: png.height, data: png.data };
    }
    if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
      const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
      return { width: image.width, height: image.height, data: image.data };
    }
    return new Error('neither a PNG nor a JPEG image');
  } catch (error) {
    return new Error(
      `cannot decode the image (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}
