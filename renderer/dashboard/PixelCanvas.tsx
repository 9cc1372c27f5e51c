import { memo, useEffect, useRef } from 'react';
import type { Pixels } from '../../shared/api/training-events.js';

/** A small image from raw pixels (grayscale or RGB), scaled up without blurring. */
export const PixelCanvas = memo(function PixelCanvas({
  pixels,
  size = 56,
  label,
}: {
  pixels: Pixels;
  size?: number;
  label: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context) return;
    const { width, height, channels, data } = pixels;
    const image = context.createImageData(width, height);
    for (let i = 0; i < width * height; i++) {
      const at = i * channels;
      image.data[i * 4] = data[at];
      image.data[i * 4 + 1] = data[channels === 3 ? at + 1 : at];
      image.data[i * 4 + 2] = data[channels === 3 ? at + 2 : at];
      image.data[i * 4 + 3] = 255;
    }
    context.putImageData(image, 0, 0);
  }, [pixels]);
  return (
    <canvas
      ref={ref}
      className="pixel-canvas"
      width={pixels.width}
      height={pixels.height}
      style={{ width: size, height: (size * pixels.height) / pixels.width }}
      role="img"
      aria-label={label}
    />
  );
});
