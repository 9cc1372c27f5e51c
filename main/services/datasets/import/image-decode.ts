import { basename } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { imageHeader, type ImageHeader } from './image-header.js';

/** A decoded image as RGBA bytes, row-major. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * The largest image decoded: 50 megapixels, 200 MB as RGBA. Larger ones are refused from the
 * size their header declares, before any decoding, so a small file claiming a huge image costs
 * nothing.
 */
export const MAX_IMAGE_PIXELS = 50_000_000;

/**
 * Decodes a PNG or JPEG by its signature bytes; an Error value says why it could not, naming
 * the image by its file name.
 */
export function decodeImage(bytes: Buffer, file: string): RgbaImage | Error {
  const name = basename(file);
  const header = imageHeader(bytes);
  if (header === undefined) {
    return new Error(`image ${name} is neither a PNG nor a JPEG; convert it or remove it`);
  }
  const refused = refusal(header);
  if (refused) return new Error(`image ${name} ${refused}`);
  try {
    if (header.format === 'png') {
      const png = PNG.sync.read(bytes);
      return { width: png.width, height: png.height, data: png.data };
    }
    const image = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: true,
      maxResolutionInMP: MAX_IMAGE_PIXELS / 1e6,
    });
    return { width: image.width, height: image.height, data: image.data };
  } catch (error) {
    const reason = decoderReason(error);
    return new Error(
      `image ${name} could not be decoded: ${reason}; open and save it again in an image editor, or remove it`,
    );
  }
}

/** Why an image is refused from its header alone, or undefined when it may be decoded. */
function refusal(header: ImageHeader): string | undefined {
  const { format, width, height } = header;
  const kind = format.toUpperCase();
  if (width === undefined || height === undefined) {
    return `could not be decoded: its ${kind} header is cut short or damaged`;
  }
  if (width === 0 || height === 0) return `declares an empty size of ${width}×${height} pixels`;
  const megapixels = (width * height) / 1e6;
  if (width * height > MAX_IMAGE_PIXELS) {
    return (
      `is ${width}×${height} pixels (${megapixels.toFixed(0)} megapixels), over the ` +
      `${MAX_IMAGE_PIXELS / 1e6}-megapixel limit; shrink it before importing`
    );
  }
  return undefined;
}

/**
 * The decoder's complaint in plain words: pngjs reports a truncated file as "There are some
 * read requests waitng on finished stream", which means nothing to a person.
 */
function decoderReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/finished stream|unexpected end|end of (data|file|input)/i.test(message)) {
    return 'the file ends before the image does (it is cut short)';
  }
  return `the image data is damaged (${message.replace(/\s+/g, ' ').trim()})`;
}
