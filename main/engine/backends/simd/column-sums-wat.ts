/**
 * Sums of a [rows, columns] float32 table's columns (every bias gradient), columns a multiple
 * of 4. One pass over the table, row by row; the running sums are the output itself, which
 * stays in cache. Arguments are byte offsets into the backend's memory, then sizes; `out` must
 * start at zero.
 */
export const columnSumsSource = String.raw`
(module
  (import "env" "memory" (memory 1))
  (func (export "columnSums") (param $x i32) (param $out i32) (param $rows i32) (param $columns i32)
    (local $rowBytes i32) (local $end i32) (local $c i32) (local $at i32)
    (local.set $rowBytes (i32.shl (local.get $columns) (i32.const 2)))
    (local.set $end (i32.add (local.get $x) (i32.mul (local.get $rows) (local.get $rowBytes))))
    (block $done
      (br_if $done (i32.eqz (i32.mul (local.get $rows) (local.get $columns))))
      (loop $eachRow
        (local.set $c (i32.const 0))
        (loop $eachLane
          (local.set $at (i32.add (local.get $out) (local.get $c)))
          (v128.store (local.get $at) (f32x4.add (v128.load (local.get $at))
            (v128.load (i32.add (local.get $x) (local.get $c)))))
          (local.set $c (i32.add (local.get $c) (i32.const 16)))
          (br_if $eachLane (i32.lt_u (local.get $c) (local.get $rowBytes))))
        (local.set $x (i32.add (local.get $x) (local.get $rowBytes)))
        (br_if $eachRow (i32.lt_u (local.get $x) (local.get $end))))))
)`;
