/**
 * Adds the columns of a convolution's input gradient back onto the input (col2im): row n of
 * `cols` holds, for output pixel n, the gradient of every filter tap (i, j) and channel, and
 * each tap's channels add onto the input pixel that tap read. Taps that read padding are
 * dropped. NHWC float32, channels a multiple of 4; `dx` must start at zero. Arguments are byte
 * offsets into the backend's memory, then the patch geometry (see `PatchGeometry`).
 */
export const col2imSource = String.raw`
(module
  (import "env" "memory" (memory 1))
  (func (export "col2im")
    (param $cols i32) (param $dx i32) (param $images i32) (param $inH i32) (param $inW i32)
    (param $channels i32) (param $outH i32) (param $outW i32) (param $kh i32) (param $kw i32)
    (param $strideH i32) (param $strideW i32) (param $top i32) (param $left i32)
    (local $pixel i32) (local $b i32) (local $oy i32) (local $ox i32) (local $i i32) (local $j i32)
    (local $y i32) (local $x i32) (local $src i32) (local $dst i32) (local $c i32)
    (local.set $pixel (i32.shl (local.get $channels) (i32.const 2)))
    (local.set $src (local.get $cols))
    (block $done
      (br_if $done (i32.eqz (i32.mul (i32.mul (local.get $images) (local.get $outH)) (local.get $outW))))
      (loop $eachImage
        (local.set $oy (i32.const 0))
        (loop $eachRow
          (local.set $ox (i32.const 0))
          (loop $eachColumn
            (local.set $i (i32.const 0))
            (loop $eachTapRow
              (local.set $y (i32.sub (i32.add (i32.mul (local.get $oy) (local.get $strideH)) (local.get $i)) (local.get $top)))
              (local.set $j (i32.const 0))
              (loop $eachTap
                (local.set $x (i32.sub (i32.add (i32.mul (local.get $ox) (local.get $strideW)) (local.get $j)) (local.get $left)))
                ;; Unsigned comparisons also reject negative rows and columns (the padding).
                (if (i32.and (i32.lt_u (local.get $y) (local.get $inH)) (i32.lt_u (local.get $x) (local.get $inW)))
                  (then
                    (local.set $dst (i32.add (local.get $dx) (i32.mul (local.get $pixel)
                      (i32.add (i32.mul (i32.add (i32.mul (local.get $b) (local.get $inH)) (local.get $y)) (local.get $inW)) (local.get $x)))))
                    (local.set $c (i32.const 0))
                    (loop $eachLane
                      (v128.store (i32.add (local.get $dst) (local.get $c))
                        (f32x4.add (v128.load (i32.add (local.get $dst) (local.get $c)))
                                   (v128.load (i32.add (local.get $src) (local.get $c)))))
                      (local.set $c (i32.add (local.get $c) (i32.const 16)))
                      (br_if $eachLane (i32.lt_u (local.get $c) (local.get $pixel))))))
                (local.set $src (i32.add (local.get $src) (local.get $pixel)))
                (local.set $j (i32.add (local.get $j) (i32.const 1)))
                (br_if $eachTap (i32.lt_u (local.get $j) (local.get $kw))))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br_if $eachTapRow (i32.lt_u (local.get $i) (local.get $kh))))
            (local.set $ox (i32.add (local.get $ox) (i32.const 1)))
            (br_if $eachColumn (i32.lt_u (local.get $ox) (local.get $outW))))
          (local.set $oy (i32.add (local.get $oy) (i32.const 1)))
          (br_if $eachRow (i32.lt_u (local.get $oy) (local.get $outH))))
        (local.set $b (i32.add (local.get $b) (i32.const 1)))
        (br_if $eachImage (i32.lt_u (local.get $b) (local.get $images))))))
)`;
