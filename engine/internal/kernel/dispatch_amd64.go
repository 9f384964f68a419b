//go:build amd64 && !purego

package kernel

import "golang.org/x/sys/cpu"

//go:generate go run gen_asm.go gen_asm_adam.go gen_asm_bcast.go gen_asm_dot.go gen_asm_elem.go

// hasAsm reports whether the CPU runs the AVX2+FMA kernels; useAsm selects
// them, and tests clear it to exercise the portable path on the same machine.
var (
	hasAsm = cpu.X86.HasAVX2 && cpu.X86.HasFMA
	useAsm = hasAsm
)

// hasAVX512 reports whether the broadcast kernel can use 512-bit vectors;
// useAVX512 selects them when useAsm is also set.
var (
	hasAVX512 = hasAsm && cpu.X86.HasAVX512F
	useAVX512 = hasAVX512
)

// mulNT computes c = a·bᵀ; scratch, when not nil, holds at least
// ScratchLen values and replaces the stack buffers (which Go zeroes on
// every call) of the panel paths.
func mulNT(c, a, b []float64, m, n, k int, scratch []float64) {
	switch {
	case !useAsm:
		mulNTGo(c, a, b, m, n, k)
	case n < 4:
		mulNTAVX2(c, a, b, m, n, k) // a matrix-vector product: no vector along n
	case k <= ntSmallK && n*k <= 1024 && m >= 4:
		if scratch != nil {
			mulNTPanels(c, a, b, m, n, k, scratch[:1024])
			return
		}
		var buf [1024]float64
		mulNTPanels(c, a, b, m, n, k, buf[:])
	case useAVX512 && m >= 16:
		if scratch != nil {
			mulNTPanels(c, a, b, m, n, k, scratch[:ntPanel*ntPanel])
			return
		}
		var buf [ntPanel * ntPanel]float64
		mulNTPanels(c, a, b, m, n, k, buf[:])
	default:
		mulNTAVX2(c, a, b, m, n, k)
	}
}

// The dot kernel of mulNT is weakest with few columns in a (the input layer:
// k = number of features), where the masked k tail and the horizontal sums
// dominate, and it has no 512-bit version. Transposing b (n×k, the weights)
// onto the stack turns a·bᵀ into plain products with k×n panels, which the
// broadcast kernel runs, for n·k copies against m·n·k multiply-adds. The
// callers size the stack buffer, which Go zeroes on every call.
const (
	ntSmallK = 16
	ntPanel  = 64 // panels of b are at most ntPanel rows × ntPanel columns
)

// mulNTPanels computes c = a·bᵀ panel by panel: for each block of up to
// len(buf)/min(k, ntPanel) rows of b (columns of c) and each block of up to
// ntPanel of its columns, it transposes the block into buf and adds its
// product into c.
func mulNTPanels(c, a, b []float64, m, n, k int, buf []float64) {
	kc := k
	if n*k > len(buf) {
		kc = min(k, ntPanel)
	}
	nb := n
	if kc > 0 {
		nb = min(n, len(buf)/kc)
	}
	for j0 := 0; j0 < n; j0 += nb {
		nw := min(nb, n-j0)
		for p0 := 0; p0 < k || p0 == 0; p0 += max(kc, 1) {
			kw := min(kc, k-p0)
			bt := buf[:kw*nw]
			transpose(bt, b[j0*k+p0:], nw, kw, k)
			mulBcastStrided(c[j0:], a[p0:], bt, m, nw, kw, k, 1, n, nw, p0 > 0)
		}
	}
}

// transpose sets dst (cols×rows) to the transpose of the rows×cols matrix
// whose rows start lds apart in src: 4×4 blocks in assembly, the fringe here.
func transpose(dst, src []float64, rows, cols, lds int) {
	transposeAVX2(dst, src, rows, cols, lds)
	rows4, cols4 := rows&^3, cols&^3
	for r := 0; r < rows; r++ {
		c0 := cols4
		if r >= rows4 {
			c0 = 0
		}
		for col := c0; col < cols; col++ {
			dst[col*rows+r] = src[r*lds+col]
		}
	}
}

// mulTN and mulNN share one kernel: both read b row by row and differ only in
// how a is strided (element (i, p) of the left operand is a[i·ars + p·aps]).
func mulTN(c, a, b []float64, m, n, k int, scratch []float64) {
	switch {
	case !useAsm:
		mulTNGo(c, a, b, m, n, k)
	case n <= 16 && n%8 != 0 && m >= 32 && m*n <= 1024:
		if scratch != nil {
			mulTNSwapped(c, a, b, m, n, k, scratch[:m*n])
			return
		}
		var buf [1024]float64
		mulTNSwapped(c, a, b, m, n, k, buf[:m*n])
	default:
		mulBcast(c, a, b, m, n, k, 1, m)
	}
}

// mulTNSwapped computes a narrow aᵀ·b (the input layer's weight gradient:
// n = number of features) as the transpose of bᵀ·a, whose rows are long, and
// transposes the m·n result from ct (m·n values). Each element is the same
// FMA chain over p either way, so the result is bit-identical to mulBcast's.
func mulTNSwapped(c, a, b []float64, m, n, k int, ct []float64) {
	mulBcast(ct, b, a, n, m, k, 1, n)
	transpose(c, ct, n, m, m)
}

func mulNN(c, a, b []float64, m, n, k int) {
	if useAsm {
		mulBcast(c, a, b, m, n, k, k, 1)
		return
	}
	mulNNGo(c, a, b, m, n, k)
}

// kBlock is the depth of the k blocks mulBcast splits long sums into, so that
// the rows of a and b one block touches stay in the L1 cache while the kernel
// sweeps the tiles of c (weight gradients sum over the whole batch).
//
// 32 rather than 64: the weight gradient of the 64-unit layer (32×64 over
// the batch) reads 32·(32 + 64) values of a and b per block, which with 64
// overflowed a 32 KB L1 cache at large batches. The block size does not
// change the result: each element of c is the same FMA chain over p.
const kBlock = 32

// mulBcast sets c (m×n) to the product of the m×k matrix with elements
// a[i·ars + p·aps] and b (k×n).
func mulBcast(c, a, b []float64, m, n, k, ars, aps int) {
	mulBcastStrided(c, a, b, m, n, k, ars, aps, n, n, false)
}

// mulBcastStrided is mulBcast for c and b with row strides ldc and ldb, adding
// to c instead of overwriting it if accumulate is set. It runs the kernel over
// blocks of k, all but the first adding to c; the order of the additions
// depends only on the shape.
func mulBcastStrided(c, a, b []float64, m, n, k, ars, aps, ldc, ldb int, accumulate bool) {
	for p0 := 0; p0 < k || p0 == 0; p0 += kBlock {
		accum := 0
		if accumulate || p0 > 0 {
			accum = 1
		}
		mulBcastBlock(c, a[p0*aps:], b[p0*ldb:], m, n, min(kBlock, k-p0), ars, aps, accum, ldc, ldb)
	}
}

// mulBcastBlock picks the vector width. It calls the kernels directly, not
// through a func value, so escape analysis keeps the callers' transpose
// buffers on the stack.
func mulBcastBlock(c, a, b []float64, m, n, k, ars, aps, accum, ldc, ldb int) {
	if useAVX512 {
		mulBcastAVX512(c, a, b, m, n, k, ars, aps, accum, ldc, ldb)
		return
	}
	mulBcastAVX2(c, a, b, m, n, k, ars, aps, accum, ldc, ldb)
}

// adamVec runs the vector Adam over the longest prefix that is a multiple of
// the vector length and returns its length.
func adamVec(w, g, m, v []float64, p *adamParams) int {
	switch {
	case !useAsm:
		return 0
	case useAVX512:
		adamAVX512(w, g, m, v, p)
		return len(w) &^ 7
	default:
		adamAVX2(w, g, m, v, p)
		return len(w) &^ 3
	}
}

func addRowVec(c, v []float64, m, n int) {
	if useAsm {
		addRowVecAVX2(c, v, m, n)
		return
	}
	addRowVecGo(c, v, m, n)
}

func addBiasReLU(c, v []float64, m, n int) {
	if useAsm {
		addBiasReLUAVX2(c, v, m, n)
		return
	}
	addBiasReLUGo(c, v, m, n)
}

func reluMask(d, a []float64) {
	done := 0
	if useAsm {
		reluMaskAVX2(d, a)
		done = len(d) &^ 3
	}
	reluMaskGo(d[done:], a[done:])
}

func colSums(dst, a []float64, m, n int) {
	if useAsm {
		colSumsAVX2(dst, a, m, n)
		return
	}
	colSumsGo(dst, a, m, n)
}

// mulBcastAVX2 sets c[i·ldc+j] = Σp a[i·ars+p·aps]·b[p·ldb+j] for i < m,
// j < n, p < k, or adds the sum to c[i·ldc+j] when accum ≠ 0. The slices must
// be long enough.
//
//go:noescape
func mulBcastAVX2(c, a, b []float64, m, n, k, ars, aps, accum, ldc, ldb int)

// mulBcastAVX512 is mulBcastAVX2 with 512-bit vectors.
//
//go:noescape
func mulBcastAVX512(c, a, b []float64, m, n, k, ars, aps, accum, ldc, ldb int)

// transposeAVX2 transposes the leading (rows&^3)×(cols&^3) block of the
// rows×cols matrix whose rows start lds apart in src into dst (cols×rows).
//
//go:noescape
func transposeAVX2(dst, src []float64, rows, cols, lds int)

// mulNTAVX2 sets c[i·n+j] = Σp a[i·k+p]·b[j·k+p].
//
//go:noescape
func mulNTAVX2(c, a, b []float64, m, n, k int)

// adamAVX512 updates the first len(w)/8·8 elements, with refined hardware
// estimates for the square root and the division; g, m and v must be as long
// as w.
//
//go:noescape
func adamAVX512(w, g, m, v []float64, p *adamParams)

// adamAVX2 updates the first len(w)/4·4 elements; g, m and v must be as long
// as w.
//
//go:noescape
func adamAVX2(w, g, m, v []float64, p *adamParams)

// addRowVecAVX2 adds v to each of the m rows of c (n columns).
//
//go:noescape
func addRowVecAVX2(c, v []float64, m, n int)

// addBiasReLUAVX2 adds v to each row of c and applies the ReLU.
//
//go:noescape
func addBiasReLUAVX2(c, v []float64, m, n int)

// reluMaskAVX2 zeroes d where a is not positive, over len(d)/4·4 elements.
//
//go:noescape
func reluMaskAVX2(d, a []float64)

// colSumsAVX2 sets dst[j] to the sum of column j of a (m×n).
//
//go:noescape
func colSumsAVX2(dst, a []float64, m, n int)
