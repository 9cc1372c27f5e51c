import type { PixelImage } from '../../shared/api/inspection.js';
import { pixelsOfRgba } from './drawing.js';

/** Main resizes to the dataset's size anyway; this only keeps the request small. */
const MAX_SIDE = 128;

/** An image file the user picked, decoded and shrunk to at most 128 pixels a side. */
export async function readImageFile(file: File, channels: 1 | 3): Promise<PixelImage> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot decode images on a canvas.');
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return pixelsOfRgba(context.getImageData(0, 0, width, height).data, width, height, channels);
}
