/**
 * Lays out a convolution's input patches transposed (im2col, one row per filter tap): row
 * (i, j, c) holds, for every output pixel (b, y, x) in order, the input value that tap reads,
 * or zero where it reads padding. A filter gradient is then one matrix product of these rows
 * with the output gradient. The input comes channels first ([C, N, H, W], float32), so that a
 * row's reads run along the input's rows; writes are sequential. Arguments are byte offsets
 * into the backend's memory, then the patch geometry (see `PatchGeometry`).
 */
export const im2colSource = String.raw`
(module
  (import "env" "memory" (memory 1))
  (func (export "im2colTransposed")
    (param $x i32) (param $out i32) (param $images i32) (param $inH i32) (param $inW i32)
    (param $channels i32) (param $outH i32) (param $outW i32) (param $kh i32) (param $kw i32)
    (param $strideH i32) (param $strideW i32) (param $top i32) (param $left i32)
    (local $i i32) (local $j i32) (local $c i32) (local $b i32) (local $oy i32) (local $ox i32)
    (local $y i32) (local $col i32) (local $src i32) (local $step i32) (local $dst i32)
    (local $rowEnd i32) (local $vectorEnd i32)
    (block $done
      (br_if $done (i32.eqz (i32.mul (i32.mul (local.get $images) (local.get $outH))
        (i32.mul (local.get $outW) (local.get $channels)))))
      ;; Bytes between the values one tap reads for neighbouring output columns.
      (local.set $step (i32.shl (local.get $strideW) (i32.const 2)))
      (local.set $dst (local.get $out))
      (loop $eachTapRow
        (local.set $j (i32.const 0))
        (loop $eachTap
          (local.set $c (i32.const 0))
          (loop $eachChannel
            (local.set $b (i32.const 0))
            (loop $eachImage
              (local.set $oy (i32.const 0))
              (loop $eachRow
                (local.set $y (i32.sub (i32.add (i32.mul (local.get $oy) (local.get $strideH)) (local.get $i)) (local.get $top)))
                (local.set $rowEnd (i32.add (local.get $dst) (i32.shl (local.get $outW) (i32.const 2))))
                (if (i32.lt_u (local.get $y) (local.get $inH))
                  (then
                    ;; The input column of output column 0, and the address it would have.
                    (local.set $col (i32.sub (local.get $j) (local.get $left)))
                    (local.set $src (i32.add (local.get $x) (i32.shl (i32.add (i32.mul (i32.add (i32.mul
                      (i32.add (i32.mul (local.get $c) (local.get $images)) (local.get $b))
                      (local.get $inH)) (local.get $y)) (local.get $inW)) (local.get $col)) (i32.const 2))))
                    ;; With stride 1 and no padding in the run, it is one contiguous copy:
                    ;; four values at a time, then the odd ones below.
                    (if (i32.and (i32.eq (local.get $strideW) (i32.const 1))
                          (i32.and (i32.lt_u (local.get $col) (local.get $inW))
                            (i32.le_u (i32.add (local.get $col) (local.get $outW)) (local.get $inW))))
                      (then
                        (local.set $vectorEnd (i32.add (local.get $dst)
                          (i32.shl (i32.and (local.get $outW) (i32.const -4)) (i32.const 2))))
                        (block $copied
                          (br_if $copied (i32.ge_u (local.get $dst) (local.get $vectorEnd)))
                          (loop $eachQuad
                            (v128.store (local.get $dst) (v128.load (local.get $src)))
                            (local.set $src (i32.add (local.get $src) (i32.const 16)))
                            (local.set $col (i32.add (local.get $col) (i32.const 4)))
                            (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
                            (br_if $eachQuad (i32.lt_u (local.get $dst) (local.get $vectorEnd)))))))
                    (block $rowDone
                      (br_if $rowDone (i32.ge_u (local.get $dst) (local.get $rowEnd)))
                      (loop $eachColumn
                        ;; Padding columns read nothing: the address may lie past the memory.
                        (f32.store (local.get $dst)
                          (if (result f32) (i32.lt_u (local.get $col) (local.get $inW))
                            (then (f32.load (local.get $src))) (else (f32.const 0))))
                        (local.set $src (i32.add (local.get $src) (local.get $step)))
                        (local.set $col (i32.add (local.get $col) (local.get $strideW)))
                        (local.set $dst (i32.add (local.get $dst) (i32.const 4)))
                        (br_if $eachColumn (i32.lt_u (local.get $dst) (local.get $rowEnd))))))
                  (else
                    (memory.fill (local.get $dst) (i32.const 0) (i32.shl (local.get $outW) (i32.const 2)))
                    (local.set $dst (local.get $rowEnd))))
                (local.set $oy (i32.add (local.get $oy) (i32.const 1)))
                (br_if $eachRow (i32.lt_u (local.get $oy) (local.get $outH))))
              (local.set $b (i32.add (local.get $b) (i32.const 1)))
              (br_if $eachImage (i32.lt_u (local.get $b) (local.get $images))))
            (local.set $c (i32.add (local.get $c) (i32.const 1)))
            (br_if $eachChannel (i32.lt_u (local.get $c) (local.get $channels))))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br_if $eachTap (i32.lt_u (local.get $j) (local.get $kw))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $eachTapRow (i32.lt_u (local.get $i) (local.get $kh))))))
)`;
