/** What an image file's header says, read without decoding any pixels. */
export interface ImageHeader {
  format: 'png' | 'jpeg';
  /** Undefined when the header is cut short or damaged. */
  width?: number;
  height?: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The format and declared size of a PNG or JPEG, or undefined for anything else. */
export function imageHeader(bytes: Uint8Array): ImageHeader | undefined {
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return pngHeader(bytes);
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return jpegHeader(bytes);
  }
  return undefined;
}

/** PNG: the IHDR chunk comes first, width and height as big-endian uint32 at bytes 16 and 20. */
function pngHeader(bytes: Uint8Array): ImageHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ihdr = bytes.length >= 24 && String.fromCharCode(...bytes.subarray(12, 16)) === 'IHDR';
  return ihdr
    ? { format: 'png', width: view.getUint32(16), height: view.getUint32(20) }
    : { format: 'png' };
}

/**
 * JPEG: walks the marker segments to the first start-of-frame (SOF0–SOF15 but DHT, JPG and
 * DAC), which holds the height and width as big-endian uint16 after the sample precision.
 */
function jpegHeader(bytes: Uint8Array): ImageHeader {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return { format: 'jpeg' };
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    const length = (bytes[at + 2] << 8) | bytes[at + 3];
    const frame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (frame) {
      if (at + 9 > bytes.length) return { format: 'jpeg' };
      const height = (bytes[at + 5] << 8) | bytes[at + 6];
      const width = (bytes[at + 7] << 8) | bytes[at + 8];
      return { format: 'jpeg', width, height };
    }
    if (marker === 0xd9 || marker === 0xda || length < 2) return { format: 'jpeg' };
    at += 2 + length;
  }
  return { format: 'jpeg' };
}
