/**
 * out[r, c] = x[r, c] + bias[c] over a [rows, columns] float32 table, columns a multiple of 4:
 * every bias add of a convolution or dense layer. Arguments are byte offsets into the backend's
 * memory, then sizes; `out` may be `x`.
 */
export const addToRowsSource = String.raw`
(module
  (import "env" "memory" (memory 1))
  (func (export "addToRows")
    (param $x i32) (param $bias i32) (param $out i32) (param $rows i32) (param $columns i32)
    (local $rowBytes i32) (local $end i32) (local $c i32)
    (local.set $rowBytes (i32.shl (local.get $columns) (i32.const 2)))
    (local.set $end (i32.add (local.get $x) (i32.mul (local.get $rows) (local.get $rowBytes))))
    (block $done
      (br_if $done (i32.eqz (i32.mul (local.get $rows) (local.get $columns))))
      (loop $eachRow
        (local.set $c (i32.const 0))
        (loop $eachLane
          (v128.store (i32.add (local.get $out) (local.get $c))
            (f32x4.add (v128.load (i32.add (local.get $x) (local.get $c)))
              (v128.load (i32.add (local.get $bias) (local.get $c)))))
          (local.set $c (i32.add (local.get $c) (i32.const 16)))
          (br_if $eachLane (i32.lt_u (local.get $c) (local.get $rowBytes))))
        (local.set $x (i32.add (local.get $x) (local.get $rowBytes)))
        (local.set $out (i32.add (local.get $out) (local.get $rowBytes)))
        (br_if $eachRow (i32.lt_u (local.get $x) (local.get $end))))))
)`;
