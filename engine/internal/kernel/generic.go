package kernel

// The portable kernels. They are the only path off amd64 (or with the purego
// tag) and the reference the assembly is tested against besides naive loops,
// so they favour plain, bounds-check-friendly loops over cleverness.

// mulNTGo sets c = a·bᵀ with one dot product per element. Four partial sums
// break the dependency chain of the additions.
func mulNTGo(c, a, b []float64, m, n, k int) {
	for i := 0; i < m; i++ {
		aRow := a[i*k : i*k+k]
		cRow := c[i*n : i*n+n]
		for j := range cRow {
			cRow[j] = dotGo(aRow, b[j*k:j*k+k])
		}
	}
}

// dotGo returns the dot product of x and y (len(y) ≥ len(x)), summing lane p%4
// into partial sum p%4 and combining them pairwise at the end.
func dotGo(x, y []float64) float64 {
	y = y[:len(x)]
	var s0, s1, s2, s3 float64
	p := 0
	for ; p+4 <= len(x); p += 4 {
		s0 += x[p] * y[p]
		s1 += x[p+1] * y[p+1]
		s2 += x[p+2] * y[p+2]
		s3 += x[p+3] * y[p+3]
	}
	for ; p < len(x); p++ {
		s0 += x[p] * y[p]
	}
	return (s0 + s1) + (s2 + s3)
}

// mulNNGo sets c = a·b row by row: each row of c accumulates the rows of b
// scaled by the matching row of a, in order of p.
func mulNNGo(c, a, b []float64, m, n, k int) {
	for i := 0; i < m; i++ {
		cRow := c[i*n : i*n+n]
		clear(cRow)
		aRow := a[i*k : i*k+k]
		for p, aip := range aRow {
			axpyGo(cRow, b[p*n:p*n+n], aip)
		}
	}
}

// mulTNGo sets c = aᵀ·b by accumulating one outer product per row p of a and
// b, in order of p.
func mulTNGo(c, a, b []float64, m, n, k int) {
	c = c[:m*n]
	clear(c)
	for p := 0; p < k; p++ {
		aRow := a[p*m : p*m+m]
		bRow := b[p*n : p*n+n]
		for i, api := range aRow {
			axpyGo(c[i*n:i*n+n], bRow, api)
		}
	}
}

// axpyGo adds alpha·x to y (len(x) ≥ len(y)).
func axpyGo(y, x []float64, alpha float64) {
	x = x[:len(y)]
	for j, xj := range x {
		y[j] += alpha * xj
	}
}
