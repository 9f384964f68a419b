package kernel

import "fmt"

// AddRowVec adds the vector v (length n) to every row of c (m×n): the bias
// broadcast of a forward pass.
func AddRowVec(c, v []float64, m, n int) {
	checkRowVec("AddRowVec", c, v, m, n)
	addRowVec(c, v, m, n)
}

// AddBiasReLU adds v (length n) to every row of c (m×n) and then applies the
// ReLU in place: a hidden layer's bias and activation in one pass. Negative
// sums become +0; NaN and −0 pass through unchanged, so a diverging network
// still shows NaN downstream.
func AddBiasReLU(c, v []float64, m, n int) {
	checkRowVec("AddBiasReLU", c, v, m, n)
	addBiasReLU(c, v, m, n)
}

// ReLUMask multiplies the gradient d by the ReLU derivative read from the
// layer's output a (same length): d[i] becomes +0 wherever a[i] is not
// positive (including NaN) and is unchanged elsewhere.
func ReLUMask(d, a []float64) {
	if len(a) < len(d) {
		panic(fmt.Sprintf("kernel: ReLUMask: len(a)=%d < len(d)=%d", len(a), len(d)))
	}
	reluMask(d, a[:len(d)])
}

// ColSums sets dst (length n) to the column sums of a (m×n), adding the rows in
// order from first to last: the bias gradient of a backward pass.
func ColSums(dst, a []float64, m, n int) {
	if m < 0 || n < 0 || len(a) < m*n || len(dst) < n {
		panic(fmt.Sprintf("kernel: ColSums: short slice for m=%d n=%d: len(dst)=%d len(a)=%d", m, n, len(dst), len(a)))
	}
	if n == 0 {
		return
	}
	colSums(dst, a, m, n)
}

func checkRowVec(op string, c, v []float64, m, n int) {
	if m < 0 || n < 0 || len(c) < m*n || len(v) < n {
		panic(fmt.Sprintf("kernel: %s: short slice for m=%d n=%d: len(c)=%d len(v)=%d", op, m, n, len(c), len(v)))
	}
}

// The portable element-wise loops; the assembly computes the same values bit
// for bit.

func addRowVecGo(c, v []float64, m, n int) {
	v = v[:n]
	for i := 0; i < m; i++ {
		row := c[i*n : i*n+n]
		for j, x := range v {
			row[j] += x
		}
	}
}

func addBiasReLUGo(c, v []float64, m, n int) {
	v = v[:n]
	for i := 0; i < m; i++ {
		row := c[i*n : i*n+n]
		for j, x := range v {
			s := row[j] + x
			if s < 0 {
				s = 0
			}
			row[j] = s
		}
	}
}

func reluMaskGo(d, a []float64) {
	a = a[:len(d)]
	for i, x := range a {
		if !(x > 0) {
			d[i] = 0
		}
	}
}

func colSumsGo(dst, a []float64, m, n int) {
	dst = dst[:n]
	clear(dst)
	for i := 0; i < m; i++ {
		row := a[i*n : i*n+n]
		for j, x := range row {
			dst[j] += x
		}
	}
}
