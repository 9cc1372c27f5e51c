import { useCallback, useRef, type PointerEvent } from 'react';
import type { PixelImage } from '../../shared/api/inspection.js';
import { digitFromInk, inkOfRgba, PAD_SIZE } from './drawing.js';

/** Stroke width in pad pixels: about two MNIST pixels, like a pen on paper. */
const STROKE = 22;

/** A square pad to draw a digit on with the mouse (or a pen); reports the digit after each stroke. */
export function DrawingPad({
  size,
  onDigit,
}: {
  /** The digit's side in pixels (the dataset's image size). */
  size: number;
  onDigit: (digit: PixelImage | null) => void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);

  const at = (e: PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return {
      x: ((e.clientX - rect.left) / rect.width) * PAD_SIZE,
      y: ((e.clientY - rect.top) / rect.height) * PAD_SIZE,
    };
  };
  const stroke = (to: { x: number; y: number }) => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const from = last.current ?? to;
    context.strokeStyle = '#fff';
    context.lineWidth = STROKE;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.beginPath();
    context.moveTo(from.x, from.y);
    context.lineTo(to.x + 0.01, to.y);
    context.stroke();
    last.current = to;
  };
  const finish = useCallback(() => {
    if (!last.current) return;
    last.current = null;
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const { data } = context.getImageData(0, 0, PAD_SIZE, PAD_SIZE);
    onDigit(digitFromInk(inkOfRgba(data), PAD_SIZE, PAD_SIZE, size, Math.round((size * 20) / 28)));
  }, [onDigit, size]);
  const clear = () => {
    canvas.current?.getContext('2d')?.clearRect(0, 0, PAD_SIZE, PAD_SIZE);
    onDigit(null);
  };

  return (
    <div className="drawing-pad">
      <canvas
        ref={canvas}
        width={PAD_SIZE}
        height={PAD_SIZE}
        className="drawing-canvas"
        data-testid="drawing-pad"
        aria-label="Drawing pad: draw a digit"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          last.current = null;
          stroke(at(e));
        }}
        onPointerMove={(e) => e.buttons === 1 && stroke(at(e))}
        onPointerUp={finish}
        onPointerCancel={finish}
      />
      <button type="button" onClick={clear}>
        Clear
      </button>
    </div>
  );
}
