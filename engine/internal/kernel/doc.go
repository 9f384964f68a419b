// Package kernel holds the dense float64 kernels of the training step: the
// three matrix products of forward and backward propagation, the bias and ReLU
// helpers and a fused Adam update.
//
// Every matrix is row-major and contiguous, with no stride: an m×n matrix is a
// slice of at least m·n elements whose element (i, j) is at index i·n+j. The
// kernels never allocate, keep no state and no reference to their arguments,
// and are safe for concurrent use on distinct outputs. The output of a product
// must not overlap its inputs. A slice shorter than its shape needs is a
// programmer error and panics.
//
// # One layer of a training step
//
// With weights W (out×in, row-major), bias b, a batch of B inputs X (B×in) and
// the gradient δ (B×out) arriving from the layer above:
//
//	MulNT(Z, X, W, B, out, in)      // Z = X·Wᵀ
//	AddBiasReLU(Z, b, B, out)       // A = max(Z + b, 0), in place
//	...
//	ReLUMask(δ, A)                  // δ ⊙= ReLU'(Z), read from A
//	MulTN(dW, δ, X, out, in, B)     // dW = δᵀ·X
//	ColSums(db, δ, B, out)          // db = Σ rows of δ
//	MulNN(dX, δ, W, B, in, out)     // δ for the layer below = δ·W
//
// and one Adam call over all parameters and gradients kept in two flat slices.
//
// # Implementations
//
// On amd64 CPUs with AVX2 and FMA the kernels run in generated assembly
// (gen_asm*.go; `go generate` rewrites kernel_amd64.s), with 512-bit vectors
// for the products where the CPU also has AVX-512F; elsewhere, or when built
// with the purego tag, in portable Go. The choice is made once, at start-up,
// from golang.org/x/sys/cpu.
//
// MulNN and MulTN share one register-blocked kernel that keeps a tile of c in
// registers and streams rows of b (long sums are split into L1-sized blocks).
// MulNT transposes b (the weights) onto the stack and uses the same kernel
// when b is small enough, and otherwise runs a dot-product kernel.
//
// # Rounding and determinism
//
// Every path sums each element in a fixed order that depends only on the
// shape and the CPU's features: no threads, no alignment-dependent peeling. The
// same inputs therefore give bit-identical outputs on the same machine. Paths
// do not round alike: the assembly fuses multiply-adds (one rounding each) and
// the dot kernel splits sums into four lanes, so products differ from a naive
// triple loop by a few units in the last place; tests allow 1e-12 of the sum of
// the absolute terms. MulNN and MulTN give the same bits with 256- and 512-bit
// vectors. The element-wise helpers give the same bits on every path, and so
// does Adam except with AVX-512 (see Adam).
package kernel
