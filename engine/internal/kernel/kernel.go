package kernel

import "fmt"

// MulNT sets c (m×n) to a·bᵀ, where a is m×k and b is n×k.
//
// It is the forward product Z = X·Wᵀ when W is stored as out×in. With k = 0, c
// is set to zero.
func MulNT(c, a, b []float64, m, n, k int) {
	checkShape("MulNT", c, a, b, m, n, k, m*k, n*k)
	if m == 0 || n == 0 {
		return
	}
	mulNT(c, a, b, m, n, k, nil)
}

// ScratchLen is the length of the scratch buffer MulNTScratch and
// MulTNScratch take.
const ScratchLen = 64 * 64

// MulNTScratch is MulNT with a caller's scratch buffer of at least
// ScratchLen values for the transposed panels, instead of a stack buffer
// that Go zeroes on every call. The result is bit-identical to MulNT's.
func MulNTScratch(c, a, b []float64, m, n, k int, scratch []float64) {
	checkShape("MulNT", c, a, b, m, n, k, m*k, n*k)
	checkScratch(scratch)
	if m == 0 || n == 0 {
		return
	}
	mulNT(c, a, b, m, n, k, scratch)
}

// MulTN sets c (m×n) to aᵀ·b, where a is k×m and b is k×n.
//
// It is the weight gradient dW = δᵀ·A when δ and A hold one sample per row. With
// k = 0, c is set to zero.
func MulTN(c, a, b []float64, m, n, k int) {
	checkShape("MulTN", c, a, b, m, n, k, k*m, k*n)
	if m == 0 || n == 0 {
		return
	}
	mulTN(c, a, b, m, n, k, nil)
}

// MulTNScratch is MulTN with a caller's scratch buffer of at least
// ScratchLen values (see MulNTScratch). The result is bit-identical to
// MulTN's.
func MulTNScratch(c, a, b []float64, m, n, k int, scratch []float64) {
	checkShape("MulTN", c, a, b, m, n, k, k*m, k*n)
	checkScratch(scratch)
	if m == 0 || n == 0 {
		return
	}
	mulTN(c, a, b, m, n, k, scratch)
}

// checkScratch panics unless scratch holds ScratchLen values.
func checkScratch(scratch []float64) {
	if len(scratch) < ScratchLen {
		panic(fmt.Sprintf("kernel: scratch of %d values, want %d", len(scratch), ScratchLen))
	}
}

// MulNN sets c (m×n) to a·b, where a is m×k and b is k×n.
//
// It is the input gradient dA = δ·W when W is stored as out×in. With k = 0, c is
// set to zero.
func MulNN(c, a, b []float64, m, n, k int) {
	checkShape("MulNN", c, a, b, m, n, k, m*k, k*n)
	if m == 0 || n == 0 {
		return
	}
	mulNN(c, a, b, m, n, k)
}

// checkShape panics unless the dimensions are non-negative and every slice is
// long enough; the kernels rely on it to never read or write out of bounds.
func checkShape(op string, c, a, b []float64, m, n, k, aLen, bLen int) {
	if m < 0 || n < 0 || k < 0 {
		panic(fmt.Sprintf("kernel: %s: negative dimension m=%d n=%d k=%d", op, m, n, k))
	}
	if len(c) < m*n || len(a) < aLen || len(b) < bLen {
		panic(fmt.Sprintf("kernel: %s: short slice for m=%d n=%d k=%d: len(c)=%d len(a)=%d len(b)=%d",
			op, m, n, k, len(c), len(a), len(b)))
	}
}
