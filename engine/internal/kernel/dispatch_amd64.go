//go:build amd64 && !purego

package kernel

import "golang.org/x/sys/cpu"

//go:generate go run gen_asm.go

// hasAsm reports whether the CPU runs the AVX2+FMA kernels; useAsm selects
// them, and tests clear it to exercise the portable path on the same machine.
var (
	hasAsm = cpu.X86.HasAVX2 && cpu.X86.HasFMA
	useAsm = hasAsm
)

func mulNT(c, a, b []float64, m, n, k int) {
	if useAsm {
		mulNTAVX2(c, a, b, m, n, k)
		return
	}
	mulNTGo(c, a, b, m, n, k)
}

// mulTN and mulNN share one kernel: both read b row by row and differ only in
// how a is strided (element (i, p) of the left operand is a[i·ars + p·aps]).
func mulTN(c, a, b []float64, m, n, k int) {
	if useAsm {
		mulBcastAVX2(c, a, b, m, n, k, 1, m)
		return
	}
	mulTNGo(c, a, b, m, n, k)
}

func mulNN(c, a, b []float64, m, n, k int) {
	if useAsm {
		mulBcastAVX2(c, a, b, m, n, k, k, 1)
		return
	}
	mulNNGo(c, a, b, m, n, k)
}

// adamVec runs the vector Adam over the longest prefix that is a multiple of
// four and returns its length.
func adamVec(w, g, m, v []float64, p *adamParams) int {
	if !useAsm {
		return 0
	}
	adamAVX2(w, g, m, v, p)
	return len(w) &^ 3
}

// mulBcastAVX2 sets c[i·n+j] = Σp a[i·ars+p·aps]·b[p·n+j] for i < m, j < n,
// p < k. The slices must be long enough.
//
//go:noescape
func mulBcastAVX2(c, a, b []float64, m, n, k, ars, aps int)

// mulNTAVX2 sets c[i·n+j] = Σp a[i·k+p]·b[j·k+p].
//
//go:noescape
func mulNTAVX2(c, a, b []float64, m, n, k int)

// adamAVX2 updates the first len(w)/4·4 elements; g, m and v must be as long
// as w.
//
//go:noescape
func adamAVX2(w, g, m, v []float64, p *adamParams)
