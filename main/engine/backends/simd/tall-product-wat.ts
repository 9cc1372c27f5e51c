/**
 * C += A·B for a long inner dimension and few rows: A is [M, K], B is [K, N], C is [M, N], all
 * float32 row-major, N a multiple of 16. This is the filter gradient of a first layer (A the
 * transposed patches, a few taps by every output pixel; B the output gradient), where XNNPACK
 * would first transpose and pack all of B on every step. K runs in blocks so that B's block
 * stays in cache across A's rows; each row keeps 16 sums in four SIMD registers. Arguments
 * are byte offsets into the backend's memory, then sizes; C must start at zero.
 */
export const tallProductSource = String.raw`
(module
  (import "env" "memory" (memory 1))
  (func (export "tallProduct")
    (param $a i32) (param $b i32) (param $c i32) (param $M i32) (param $K i32) (param $N i32)
    (local $rowB i32) (local $k0 i32) (local $kEnd i32) (local $m i32) (local $n i32)
    (local $pa i32) (local $pb i32) (local $end i32) (local $pc i32)
    (local $s v128) (local $acc0 v128) (local $acc1 v128) (local $acc2 v128) (local $acc3 v128)
    (local.set $rowB (i32.shl (local.get $N) (i32.const 2)))
    (block $done
      (br_if $done (i32.eqz (i32.mul (i32.mul (local.get $M) (local.get $K)) (local.get $N))))
      (loop $eachBlock
        (local.set $kEnd (select (local.get $K) (i32.add (local.get $k0) (i32.const 512))
          (i32.gt_u (i32.add (local.get $k0) (i32.const 512)) (local.get $K))))
        (local.set $m (i32.const 0))
        (loop $eachRow
          (local.set $n (i32.const 0))
          (loop $eachColumns
            (local.set $acc0 (v128.const i32x4 0 0 0 0))
            (local.set $acc1 (v128.const i32x4 0 0 0 0))
            (local.set $acc2 (v128.const i32x4 0 0 0 0))
            (local.set $acc3 (v128.const i32x4 0 0 0 0))
            (local.set $pa (i32.add (local.get $a) (i32.shl
              (i32.add (i32.mul (local.get $m) (local.get $K)) (local.get $k0)) (i32.const 2))))
            (local.set $end (i32.add (local.get $a) (i32.shl
              (i32.add (i32.mul (local.get $m) (local.get $K)) (local.get $kEnd)) (i32.const 2))))
            (local.set $pb (i32.add (i32.add (local.get $b) (local.get $n))
              (i32.mul (local.get $k0) (local.get $rowB))))
            (loop $eachInner
              (local.set $s (f32x4.splat (f32.load (local.get $pa))))
              (local.set $acc0 (f32x4.add (local.get $acc0) (f32x4.mul (local.get $s) (v128.load offset=0 (local.get $pb)))))
              (local.set $acc1 (f32x4.add (local.get $acc1) (f32x4.mul (local.get $s) (v128.load offset=16 (local.get $pb)))))
              (local.set $acc2 (f32x4.add (local.get $acc2) (f32x4.mul (local.get $s) (v128.load offset=32 (local.get $pb)))))
              (local.set $acc3 (f32x4.add (local.get $acc3) (f32x4.mul (local.get $s) (v128.load offset=48 (local.get $pb)))))
              (local.set $pa (i32.add (local.get $pa) (i32.const 4)))
              (local.set $pb (i32.add (local.get $pb) (local.get $rowB)))
              (br_if $eachInner (i32.lt_u (local.get $pa) (local.get $end))))
            (local.set $pc (i32.add (i32.add (local.get $c) (local.get $n))
              (i32.mul (local.get $m) (local.get $rowB))))
            (v128.store offset=0 (local.get $pc) (f32x4.add (v128.load offset=0 (local.get $pc)) (local.get $acc0)))
            (v128.store offset=16 (local.get $pc) (f32x4.add (v128.load offset=16 (local.get $pc)) (local.get $acc1)))
            (v128.store offset=32 (local.get $pc) (f32x4.add (v128.load offset=32 (local.get $pc)) (local.get $acc2)))
            (v128.store offset=48 (local.get $pc) (f32x4.add (v128.load offset=48 (local.get $pc)) (local.get $acc3)))
            (local.set $n (i32.add (local.get $n) (i32.const 64)))
            (br_if $eachColumns (i32.lt_u (local.get $n) (local.get $rowB))))
          (local.set $m (i32.add (local.get $m) (i32.const 1)))
          (br_if $eachRow (i32.lt_u (local.get $m) (local.get $M))))
        (local.set $k0 (local.get $kEnd))
        (br_if $eachBlock (i32.lt_u (local.get $k0) (local.get $K))))))
)`;
