/**
 * MaxPoolGrad of the usual pool (2×2, stride 2, no padding) over NHWC float32 with channels a
 * multiple of 4, four channels per SIMD lane group. Each window's gradient goes to its first
 * maximum in row-major order, as on the cpu backend: the scan starts from -Infinity and strict
 * comparisons keep earlier ties, so a NaN never wins and a window of NaNs sends nothing. Every pixel a window covers is written (gradient or zero), so `dx` needs
 * zeroing beforehand only where odd sizes leave a last row or column outside every window.
 * Arguments are byte offsets into the backend's memory, then sizes.
 */
export const maxPoolGradSource = String.raw`
(module
  (import "env" "memory" (memory 1))
  (func (export "maxPoolGrad2x2")
    (param $x i32) (param $dy i32) (param $dx i32) (param $images i32) (param $inH i32)
    (param $inW i32) (param $channels i32) (param $outH i32) (param $outW i32)
    (local $pixel i32) (local $row i32) (local $r i32) (local $rows i32) (local $window i32) (local $ox i32)
    (local $c i32) (local $at i32) (local $g i32)
    (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128) (local $best v128)
    (local $m0 v128) (local $m1 v128) (local $m2 v128) (local $m3 v128) (local $grad v128)
    ;; $pixel: bytes per pixel; $row: bytes per input row.
    (local.set $pixel (i32.shl (local.get $channels) (i32.const 2)))
    (local.set $row (i32.mul (local.get $inW) (local.get $pixel)))
    (local.set $rows (i32.mul (local.get $images) (local.get $outH)))
    (local.set $g (local.get $dy))
    (block $done
      (br_if $done (i32.eqz (i32.mul (local.get $rows) (local.get $outW))))
      (loop $eachRow
        ;; The first input row of output row r: image r / outH, row 2 * (r % outH).
        (local.set $window (i32.mul (local.get $row) (i32.add
          (i32.mul (i32.div_u (local.get $r) (local.get $outH)) (local.get $inH))
          (i32.shl (i32.rem_u (local.get $r) (local.get $outH)) (i32.const 1)))))
        (local.set $ox (i32.const 0))
        (loop $eachColumn
          (local.set $c (i32.const 0))
          (loop $eachLane
            (local.set $at (i32.add (local.get $window) (local.get $c)))
            (local.set $v0 (v128.load (i32.add (local.get $x) (local.get $at))))
            (local.set $v1 (v128.load (i32.add (local.get $x) (i32.add (local.get $at) (local.get $pixel)))))
            (local.set $v2 (v128.load (i32.add (local.get $x) (i32.add (local.get $at) (local.get $row)))))
            (local.set $v3 (v128.load (i32.add (local.get $x)
              (i32.add (local.get $at) (i32.add (local.get $row) (local.get $pixel))))))
            (local.set $m0 (f32x4.gt (local.get $v0) (f32x4.splat (f32.const -inf))))
            (local.set $best (v128.bitselect (local.get $v0) (f32x4.splat (f32.const -inf)) (local.get $m0)))
            (local.set $m1 (f32x4.gt (local.get $v1) (local.get $best)))
            (local.set $best (v128.bitselect (local.get $v1) (local.get $best) (local.get $m1)))
            (local.set $m2 (f32x4.gt (local.get $v2) (local.get $best)))
            (local.set $best (v128.bitselect (local.get $v2) (local.get $best) (local.get $m2)))
            (local.set $m3 (f32x4.gt (local.get $v3) (local.get $best)))
            ;; A later winner clears the earlier ones.
            (local.set $m2 (v128.andnot (local.get $m2) (local.get $m3)))
            (local.set $m1 (v128.andnot (v128.andnot (local.get $m1) (local.get $m3)) (local.get $m2)))
            (local.set $grad (v128.load (local.get $g)))
            (v128.store (i32.add (local.get $dx) (local.get $at))
              (v128.andnot (v128.and (local.get $grad) (local.get $m0))
                (v128.or (local.get $m1) (v128.or (local.get $m2) (local.get $m3)))))
            (v128.store (i32.add (local.get $dx) (i32.add (local.get $at) (local.get $pixel)))
              (v128.and (local.get $grad) (local.get $m1)))
            (v128.store (i32.add (local.get $dx) (i32.add (local.get $at) (local.get $row)))
              (v128.and (local.get $grad) (local.get $m2)))
            (v128.store (i32.add (local.get $dx)
              (i32.add (local.get $at) (i32.add (local.get $row) (local.get $pixel))))
              (v128.and (local.get $grad) (local.get $m3)))
            (local.set $g (i32.add (local.get $g) (i32.const 16)))
            (local.set $c (i32.add (local.get $c) (i32.const 16)))
            (br_if $eachLane (i32.lt_u (local.get $c) (local.get $pixel))))
          (local.set $window (i32.add (local.get $window) (i32.shl (local.get $pixel) (i32.const 1))))
          (local.set $ox (i32.add (local.get $ox) (i32.const 1)))
          (br_if $eachColumn (i32.lt_u (local.get $ox) (local.get $outW))))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br_if $eachRow (i32.lt_u (local.get $r) (local.get $rows))))))
)`;
