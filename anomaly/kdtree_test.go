package anomaly

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// bruteNeighbours is the independent reference: every other row sorted by
// (squared distance, row), the first k kept.
func bruteNeighbours(x []float64, width, self, k int) (dist []float64, rows []int32) {
	n := len(x) / width
	type cand struct {
		d   float64
		row int
	}
	var all []cand
	for r := range n {
		if r == self {
			continue
		}
		s := 0.0
		for j := range width {
			diff := x[self*width+j] - x[r*width+j]
			s += float64(diff * diff)
		}
		all = append(all, cand{s, r})
	}
	slices.SortFunc(all, func(a, b cand) int {
		if c := cmp.Compare(a.d, b.d); c != 0 {
			return c
		}
		return cmp.Compare(a.row, b.row)
	})
	for _, c := range all[:min(k, len(all))] {
		dist, rows = append(dist, c.d), append(rows, int32(c.row))
	}
	return dist, rows
}

// kdCases are random tables: continuous values, values on a small grid
// (many rows at equal distances: ties), and exact duplicates.
func kdCases() map[string][]float64 {
	rng := rand.New(rand.NewPCG(16, 1))
	cases := map[string][]float64{}
	cont := make([]float64, 600*4)
	for i := range cont {
		cont[i] = rng.NormFloat64()
	}
	cases["continuous"] = cont
	grid := make([]float64, 700*3)
	for i := range grid {
		grid[i] = float64(rng.IntN(4))
	}
	cases["grid"] = grid
	dup := make([]float64, 500*5)
	for r := range 500 {
		src := r
		if r%3 != 0 {
			src = rng.IntN(40) // most rows copy one of the first 40
		}
		for j := range 5 {
			if src == r {
				dup[r*5+j] = rng.Float64()
			} else {
				dup[r*5+j] = dup[src*5+j]
			}
		}
	}
	cases["duplicates"] = dup
	cases["all equal"] = make([]float64, 100*2)
	// A group of about 500 identical rows among about 500 others, which
	// ends in one leaf of equal points, far larger than kdLeaf.
	group := make([]float64, 1000*3)
	for r := range 1000 {
		for j := range 3 {
			group[r*3+j] = 0.5
			if rng.IntN(5) == 0 {
				group[r*3+j] = rng.NormFloat64()
			}
		}
	}
	cases["group"] = group
	return cases
}

// TestKDTreeMatchesBruteForce checks every row's k nearest other rows
// against the brute-force ranking, rows and distances exactly, for several
// k, including every other row.
func TestKDTreeMatchesBruteForce(t *testing.T) {
	width := map[string]int{"continuous": 4, "grid": 3, "duplicates": 5, "all equal": 2, "group": 3}
	for name, x := range kdCases() {
		w := width[name]
		n := len(x) / w
		tree := newKDTree(x, w)
		nb := &neighbours{}
		for _, k := range []int{1, 5, 20, n - 1, n + 3} {
			for self := range n {
				tree.search(x[self*w:(self+1)*w], int32(self), k, nb)
				dist, rows := bruteNeighbours(x, w, self, k)
				if !slices.Equal(nb.rows, rows) || !slices.Equal(nb.dist, dist) {
					t.Fatalf("%s k=%d row %d: tree %v %v, brute force %v %v", name, k, self, nb.rows, nb.dist, rows, dist)
				}
			}
		}
	}
}

// TestSelectPoints checks the quickselect on keys with many ties against a
// sort: the k-th key in place, none larger before, none smaller after.
func TestSelectPoints(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 2))
	keys := make([]float64, 257)
	for i := range keys {
		keys[i] = float64(rng.IntN(5))
	}
	sorted := slices.Clone(keys)
	slices.Sort(sorted)
	for k := range keys {
		// Two dimensions: the key, and the row (to check that points move
		// whole, with their rows).
		tree := &kdTree{width: 2, rows: make([]int32, len(keys)), pts: make([]float64, 2*len(keys))}
		for i := range tree.rows {
			tree.rows[i], tree.pts[2*i], tree.pts[2*i+1] = int32(i), keys[i], float64(i)
		}
		first, end := tree.selectPoints(0, len(keys), k, 0, make([]float64, 2))
		if tree.pts[2*k] != sorted[k] {
			t.Fatalf("k=%d: key %v, want %v", k, tree.pts[2*k], sorted[k])
		}
		// The run of the k-th key: where it starts and ends in sorted.
		wantFirst, wantEnd := k, k+1
		for wantFirst > 0 && sorted[wantFirst-1] == sorted[k] {
			wantFirst--
		}
		for wantEnd < len(sorted) && sorted[wantEnd] == sorted[k] {
			wantEnd++
		}
		if first != wantFirst || end != wantEnd {
			t.Fatalf("k=%d: run %d..%d, want %d..%d", k, first, end, wantFirst, wantEnd)
		}
		for i, r := range tree.rows {
			if v := tree.pts[2*i]; i < k && v > sorted[k] || i > k && v < sorted[k] || v != keys[r] || tree.pts[2*i+1] != float64(r) {
				t.Fatalf("k=%d: position %d holds %v of row %d", k, i, v, r)
			}
		}
	}
}
