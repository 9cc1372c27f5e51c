import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSafetensors, encodeSafetensors } from './safetensors.js';

describe('encodeSafetensors', () => {
  it('round-trips any set of float32 tensors, data aligned to 8 bytes', () => {
    const tensor = fc
      .array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: 3 })
      .chain((shape) =>
        fc.record({
          shape: fc.constant(shape),
          data: fc.float32Array({
            minLength: shape.reduce((n, d) => n * d, 1),
            maxLength: shape.reduce((n, d) => n * d, 1),
            noDefaultInfinity: true,
            noNaN: true,
          }),
        }),
      );
    fc.assert(
      fc.property(fc.array(tensor, { maxLength: 5 }), (tensors) => {
        const named = tensors.map((t, i) => ({ name: `t${i}.weight`, ...t }));
        const bytes = encodeSafetensors(named);
        const headerLength = Number(new DataView(bytes.buffer).getBigUint64(0, true));
        expect((8 + headerLength) % 8).toBe(0);
        const back = decodeSafetensors(bytes);
        for (const t of named) {
          expect(back.get(t.name)?.shape).toEqual(t.shape);
          expect(Array.from(back.get(t.name)!.data)).toEqual(Array.from(t.data));
        }
      }),
    );
  });

  it('refuses data that does not fill its shape', () => {
    expect(() =>
      encodeSafetensors([{ name: 'w', shape: [2, 2], data: new Float32Array(3) }]),
    ).toThrow('"w" has 3 values but shape [2, 2]');
  });
});
