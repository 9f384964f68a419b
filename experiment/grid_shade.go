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
	return m.BandsIn(lo, hi, n)
}

// BandsIn cuts lo…hi into n equal bands and returns the band of every
// cell as Bands does; a probability outside lo…hi falls in the end band.
// BandsIn(0, 1, n) shades probabilities absolutely: one shade means one
// probability on every map.
func (m *DecisionMap) BandsIn(lo, hi float64, n int) [][]int {
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

// Boundary marks the cells on the decision boundary at threshold: those at
// or above it with a neighbour (left, right, above or below) under it, so
// that the marked cells trace the edge of the region a user would be
// flagged in. [row][col] as Prob; every cell is false when none crosses.
func (m *DecisionMap) Boundary(threshold float64) [][]bool {
	out := make([][]bool, len(m.Prob))
	for r, row := range m.Prob {
		out[r] = make([]bool, len(row))
		for c, p := range row {
			if p < threshold {
				continue
			}
			for _, d := range [][2]int{{-1, 0}, {1, 0}, {0, -1}, {0, 1}} {
				rr, cc := r+d[0], c+d[1]
				if rr >= 0 && rr < len(m.Prob) && cc >= 0 && cc < len(m.Prob[rr]) && m.Prob[rr][cc] < threshold {
					out[r][c] = true
					break
				}
			}
		}
	}
	return out
}

// Sides counts the cells under threshold and at or above it: when one of
// them is 0, no decision boundary crosses the map.
func (m *DecisionMap) Sides(threshold float64) (below, above int) {
	for _, row := range m.Prob {
		for _, p := range row {
			if p >= threshold {
				above++
			} else {
				below++
			}
		}
	}
	return below, above
}
