package anomaly

import (
	"math"
	"slices"
)

// kdTree is an exact k-nearest-neighbour index over the rows of a row-major
// matrix (Euclidean distance). Nearest means the smallest squared distance,
// ties broken by the smaller row, so that a search has exactly one answer
// whatever the tree's shape: the same as sorting every row by (distance,
// row). Every node keeps the bounding box of its points and the smallest
// row among them; a search visits the nearer child first and skips a node
// whose box lies farther than the k-th neighbour found so far (or as far,
// with no smaller row inside). The squared distance to a box is summed over
// the dimensions in the same order as a point's, from differences that are
// never larger, so in floating point too it never exceeds the distance of a
// point inside: no row that belongs among the k nearest is skipped.
type kdTree struct {
	width int
	// pts are the points in tree order (len(rows) × width) and rows the
	// row of each.
	pts  []float64
	rows []int32
	// nodes are the tree's nodes, the root first; box holds each node's
	// bounding box (width lows, then width highs).
	nodes []kdNode
	box   []float64
}

// kdNode is one node: its points are pts in tree order lo..hi-1.
type kdNode struct {
	lo, hi      int32
	left, right int32 // the children (-1: a leaf)
	minRow      int32 // the smallest row among the node's points
	// equal marks a leaf whose points are all equal, its rows ascending:
	// a search takes the first k rows of it and stops, however many
	// identical rows (a scripted group of users) it holds.
	equal bool
}

// kdLeaf is the most points a leaf holds (unless they are all equal).
const kdLeaf = 32

// newKDTree indexes the rows of x (rows × width, row-major; it is copied).
func newKDTree(x []float64, width int) *kdTree {
	n := len(x) / width
	t := &kdTree{width: width, rows: make([]int32, n), pts: append([]float64(nil), x[:n*width]...)}
	for i := range t.rows {
		t.rows[i] = int32(i)
	}
	if n > 0 {
		t.build(0, n, make([]float64, width))
	}
	return t
}

// build makes the node of tree-order points lo..hi-1 (and its subtree) and
// returns its index: it splits the dimension whose values spread widest
// near its median, until a node holds kdLeaf points or its points are all
// equal. The split falls on an end of the run of points whose value equals
// the median, whichever is nearer the middle, so that rows with equal
// values stay on one side and a group of identical rows ends in one leaf
// of equal points. tmp holds one point.
func (t *kdTree) build(lo, hi int, tmp []float64) int32 {
	w := t.width
	id := int32(len(t.nodes))
	t.nodes = append(t.nodes, kdNode{lo: int32(lo), hi: int32(hi), left: -1, right: -1, minRow: slices.Min(t.rows[lo:hi])})
	box := len(t.box)
	t.box = append(t.box, t.pts[lo*w:(lo+1)*w]...)
	t.box = append(t.box, t.pts[lo*w:(lo+1)*w]...)
	low, high := t.box[box:box+w], t.box[box+w:box+2*w]
	for i := lo + 1; i < hi; i++ {
		for d, v := range t.pts[i*w : (i+1)*w] {
			low[d], high[d] = min(low[d], v), max(high[d], v)
		}
	}
	dim, spread := 0, 0.0
	for d := range w {
		if s := high[d] - low[d]; s > spread {
			dim, spread = d, s
		}
	}
	if spread == 0 { // all points equal: one leaf, rows ascending
		slices.Sort(t.rows[lo:hi])
		t.nodes[id].equal = true
		return id
	}
	if hi-lo <= kdLeaf {
		return id
	}
	mid := (lo + hi) / 2
	first, end := t.selectPoints(lo, hi, mid, dim, tmp)
	// The run first..end-1 cannot span the node: the dimension spreads.
	split := first
	if first == lo || end != hi && end-mid < mid-first {
		split = end
	}
	left := t.build(lo, split, tmp)
	right := t.build(split, hi, tmp)
	t.nodes[id].left, t.nodes[id].right = left, right
	return id
}

// selectPoints reorders the tree-order points lo..hi-1 so that point k
// holds the value that would be k-th in ascending order of dimension dim,
// with no larger value before it and no smaller after (quickselect with a
// median-of-three pivot and a three-way partition, so that equal values end
// it quickly). It returns the run first..end-1 of the points whose value
// equals point k's: those before it are smaller, those after larger. tmp
// holds one point.
func (t *kdTree) selectPoints(lo, hi, k, dim int, tmp []float64) (first, end int) {
	w := t.width
	key := func(i int) float64 { return t.pts[i*w+dim] }
	swap := func(i, j int) {
		t.rows[i], t.rows[j] = t.rows[j], t.rows[i]
		a, b := t.pts[i*w:(i+1)*w], t.pts[j*w:(j+1)*w]
		copy(tmp, a)
		copy(a, b)
		copy(b, tmp)
	}
	l, r := lo, hi
	for r-l > 1 {
		a, b, c := key(l), key((l+r)/2), key(r-1)
		p := max(min(a, b), min(max(a, b), c))
		// l..lt-1 < p, lt..i-1 == p, gt..r-1 > p.
		lt, i, gt := l, l, r
		for i < gt {
			switch v := key(i); {
			case v < p:
				swap(lt, i)
				lt++
				i++
			case v > p:
				gt--
				swap(gt, i)
			default:
				i++
			}
		}
		switch {
		case k < lt:
			r = lt
		case k >= gt:
			l = gt
		default:
			return lt, gt
		}
	}
	return l, r
}

// neighbours holds a search's nearest rows found so far, nearest first, at
// most k of them.
type neighbours struct {
	k    int
	dist []float64 // squared distances
	rows []int32
}

// full reports whether k rows have been found.
func (nb *neighbours) full() bool { return len(nb.rows) == nb.k }

// mayHold reports whether a point at squared distance d with row at least
// row could still belong among the k nearest.
func (nb *neighbours) mayHold(d float64, row int32) bool {
	if !nb.full() {
		return true
	}
	worst := nb.dist[nb.k-1]
	return d < worst || d == worst && row < nb.rows[nb.k-1]
}

// add inserts row at squared distance d if it belongs among the k nearest.
func (nb *neighbours) add(d float64, row int32) {
	if !nb.mayHold(d, row) {
		return
	}
	if !nb.full() {
		nb.dist, nb.rows = append(nb.dist, 0), append(nb.rows, 0)
	}
	i := len(nb.rows) - 1
	for ; i > 0 && (nb.dist[i-1] > d || nb.dist[i-1] == d && nb.rows[i-1] > row); i-- {
		nb.dist[i], nb.rows[i] = nb.dist[i-1], nb.rows[i-1]
	}
	nb.dist[i], nb.rows[i] = d, row
}

// search finds the k nearest rows to q other than self (self < 0: none
// left out) into nb, nearest first.
func (t *kdTree) search(q []float64, self int32, k int, nb *neighbours) {
	nb.k, nb.dist, nb.rows = k, nb.dist[:0], nb.rows[:0]
	if k <= 0 || len(t.nodes) == 0 {
		return
	}
	t.visit(0, q, self, nb)
}

// visit searches node id's points, the nearer child first.
func (t *kdTree) visit(id int32, q []float64, self int32, nb *neighbours) {
	n := &t.nodes[id]
	if n.left < 0 {
		t.scan(n, q, self, nb)
		return
	}
	first, second := n.left, n.right
	d1, d2 := t.boxDist(first, q, nb), t.boxDist(second, q, nb)
	if d2 < d1 {
		first, second, d1, d2 = second, first, d2, d1
	}
	if nb.mayHold(d1, t.nodes[first].minRow) {
		t.visit(first, q, self, nb)
	}
	if nb.mayHold(d2, t.nodes[second].minRow) {
		t.visit(second, q, self, nb)
	}
}

// scan offers every point of leaf n to nb.
func (t *kdTree) scan(n *kdNode, q []float64, self int32, nb *neighbours) {
	w := t.width
	if n.equal {
		t.scanEqual(n, q, self, nb)
		return
	}
	worst := math.Inf(1)
	if nb.full() {
		worst = nb.dist[nb.k-1]
	}
	for i := n.lo; i < n.hi; i++ {
		row := t.rows[i]
		if row == self {
			continue
		}
		p := t.pts[int(i)*w : int(i+1)*w]
		s := 0.0
		for d, v := range p {
			diff := q[d] - v
			s += float64(diff * diff) // the conversion forbids a fused multiply-add
			if s > worst {
				break
			}
		}
		if s > worst {
			continue
		}
		nb.add(s, row)
		if nb.full() {
			worst = nb.dist[nb.k-1]
		}
	}
}

// scanEqual offers the points of a leaf of equal points to nb in
// ascending row order, until one does not belong among the k nearest (nor
// does any later row).
func (t *kdTree) scanEqual(n *kdNode, q []float64, self int32, nb *neighbours) {
	w := t.width
	s := 0.0
	for d, v := range t.pts[int(n.lo)*w : int(n.lo+1)*w] {
		diff := q[d] - v
		s += float64(diff * diff)
	}
	for _, row := range t.rows[n.lo:n.hi] {
		if row == self {
			continue
		}
		if !nb.mayHold(s, row) {
			return
		}
		nb.add(s, row)
	}
}

// boxDist is the squared distance from q to node id's bounding box (summed
// until it exceeds the k-th neighbour's, which is then enough to skip it).
func (t *kdTree) boxDist(id int32, q []float64, nb *neighbours) float64 {
	w := t.width
	low, high := t.box[int(id)*2*w:int(id)*2*w+w], t.box[int(id)*2*w+w:int(id+1)*2*w]
	worst := math.Inf(1)
	if nb.full() {
		worst = nb.dist[nb.k-1]
	}
	s := 0.0
	for d, v := range q {
		var diff float64
		switch {
		case v < low[d]:
			diff = low[d] - v
		case v > high[d]:
			diff = v - high[d]
		default:
			continue
		}
		s += float64(diff * diff)
		if s > worst {
			return s
		}
	}
	return s
}
