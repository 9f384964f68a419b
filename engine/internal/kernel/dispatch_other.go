//go:build !amd64 || purego

package kernel

// hasAsm and useAsm are always false without the assembly; tests read them
// to skip the comparisons that need both paths.
var (
	hasAsm    = false
	useAsm    = false
	hasAVX512 = false
	useAVX512 = false
)

func mulNT(c, a, b []float64, m, n, k int, _ []float64) { mulNTGo(c, a, b, m, n, k) }
func mulTN(c, a, b []float64, m, n, k int, _ []float64) { mulTNGo(c, a, b, m, n, k) }
func mulNN(c, a, b []float64, m, n, k int)              { mulNNGo(c, a, b, m, n, k) }

// adamVec has no vector version here: it leaves all elements to adamGo.
func adamVec(w, g, m, v []float64, p *adamParams) int { return 0 }

func addRowVec(c, v []float64, m, n int)   { addRowVecGo(c, v, m, n) }
func addBiasReLU(c, v []float64, m, n int) { addBiasReLUGo(c, v, m, n) }
func reluMask(d, a []float64)              { reluMaskGo(d, a) }
func colSums(dst, a []float64, m, n int)   { colSumsGo(dst, a, m, n) }
