package experiment

import "math"

// Range returns the lowest and highest probability on the map (NaN, NaN
// for a map without cells). A map drawn in shades scales them to this
// range, so a user whose probabilities all lie below 0.2 still shows where
// they rise.
func (m *DecisionMap) Range() (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, row := range m.Prob {
		for _, p := range row {
			lo, hi = min(lo, p), max(hi, p)
		}
	}
	if lo > hi {
		return math.NaN(), math.NaN()
	}
	return lo, hi
}

// Bands cuts the map's Range into n equal bands and returns the band of
// every cell, 0 (lowest) to n−1 (highest), [row][col] as Prob. When every
// cell has the same probability, all are in the middle band n/2.
func (m *DecisionMap) Bands(n int) [][]int {
	lo, hi := m.Range()
	out := make([][]int, len(m.Prob))
	for r, row := range m.Prob {
		out[r] = make([]int, len(row))
		for c, p := range row {
			out[r][c] = band(p, lo, hi, n)
		}
	}
	return out
}

// band is the band of p among n equal bands of lo…hi.
func band(p, lo, hi float64, n int) int {
	if n < 1 {
		return 0
	}
	if !(hi > lo) {
		return n / 2
	}
	return min(max(int((p-lo)/(hi-lo)*float64(n)), 0), n-1)
}
