package recommend

import (
	"math/rand/v2"
	"slices"

	"github.com/retainlab/retain/engine/metrics"
)

// CheckZ is how far, in standard errors of the per-customer differences,
// the network's NDCG@CheckK on the customers held out of training must be
// above GP-TopFreq's for its lists to be written, and CheckDiffering how
// many of those customers must get a different NDCG from the two (fewer
// are too few for the normal approximation behind CheckZ: four customers
// of twenty-four can reach z 2). Otherwise the lists are GP-TopFreq's,
// which is never far behind where the network is not clearly ahead.
const (
	CheckZ         = 2.0
	CheckDiffering = 20
)

// CheckK is the list length the check compares.
const CheckK = 10

// Check is the comparison that decides which ranker writes the lists: the
// network against GP-TopFreq on the customers held out of training (at
// every training cutoff; none of their purchases trained the network),
// each ranked at the training cutoffs after which they bought and judged
// on that horizon (all before the run's cutoff), by NDCG@CheckK. A
// customer's figures are averaged over those cutoffs, and the customers
// are paired: a customer counts once.
type Check struct {
	// Customers counts the held-out customers who bought in the horizon
	// after some training cutoff.
	Customers int `json:"customers"`
	// Model and Baseline are the mean over them of each one's NDCG@CheckK
	// from the network and from GP-TopFreq.
	Model    float64 `json:"model_ndcg"`
	Baseline float64 `json:"gp_topfreq_ndcg"`
	// Differing counts the customers whose NDCG differs between the two.
	Differing int `json:"differing"`
	// SE is the standard error of the mean per-customer difference, Z the
	// difference over it (0 when SE is 0).
	SE float64 `json:"se"`
	Z  float64 `json:"z"`
	// UseModel says the network's lists are written: Z ≥ CheckZ and
	// Differing ≥ CheckDiffering.
	UseModel bool `json:"use_model"`
}

// Ranker names the ranker the check chose: ModelName or GPTopFreqName.
func (c Check) Ranker() string {
	if c.UseModel {
		return ModelName
	}
	return GPTopFreqName
}

// heldOut is a customer held out of training at one training cutoff, with
// what they bought in the horizon after it.
type heldOut struct {
	cutoff   int32
	customer int32
	bought   map[int32]bool
}

// check compares the trained network with GP-TopFreq on the held-out
// customers (Check). GP-TopFreq's list is the first CheckK candidates:
// candidates lists a customer's own items in P-TopFreq order, then the
// TopPop items they have not bought.
func (m *Model) check(l *Log) Check {
	var c Check
	type sums struct{ net, gp float64 }
	per := map[int32]*sums{} // by customer, summed over cutoffs
	var order []int32
	counts := map[int32]int{}
	var s *snapshot
	var cands []candidate
	for _, h := range m.held {
		if s == nil || s.cutoff != h.cutoff {
			s = l.snapshotAt(h.cutoff, m.Horizon)
		}
		cands = s.candidates(h.customer, m.Config.MaxOwn, m.Config.MaxPopular, cands[:0])
		net := make([]int32, 0, CheckK)
		for _, j := range rankByScore(m.scores(s, cands), CheckK) {
			net = append(net, cands[j].item)
		}
		gp := make([]int32, 0, CheckK)
		for _, p := range cands[:min(CheckK, len(cands))] {
			gp = append(gp, p.item)
		}
		_, _, a := listScore(net, h.bought, CheckK)
		_, _, b := listScore(gp, h.bought, CheckK)
		if per[h.customer] == nil {
			per[h.customer] = &sums{}
			order = append(order, h.customer)
		}
		per[h.customer].net += a
		per[h.customer].gp += b
		counts[h.customer]++
	}
	c.Customers = len(order)
	if c.Customers == 0 {
		return c
	}
	diffs := make([]float64, 0, len(order))
	for _, cu := range order {
		n := float64(counts[cu])
		a, b := per[cu].net/n, per[cu].gp/n
		c.Model += a
		c.Baseline += b
		diffs = append(diffs, a-b)
		if a != b {
			c.Differing++
		}
	}
	c.Model /= float64(c.Customers)
	c.Baseline /= float64(c.Customers)
	_, c.SE, c.Z = metrics.PairedZ(diffs)
	c.UseModel = c.Z >= CheckZ && c.Differing >= CheckDiffering
	return c
}

// Gain is the relative change of a ranker's mean recall and NDCG at
// CheckK over GP-TopFreq's on the evaluated customers, with 95 %
// intervals from a paired bootstrap over the customers.
type Gain struct {
	Recall     float64 `json:"recall"`
	RecallLow  float64 `json:"recall_low"`
	RecallHigh float64 `json:"recall_high"`
	NDCG       float64 `json:"ndcg"`
	NDCGLow    float64 `json:"ndcg_low"`
	NDCGHigh   float64 `json:"ndcg_high"`
	// Resamples is the number of bootstrap resamples the intervals come
	// from (those whose GP-TopFreq figures are not all 0).
	Resamples int `json:"resamples"`
}

// gainResamples is the bootstrap's resample count.
const gainResamples = 2000

// gainOver returns the relative change of the per-customer figures a over
// b (paired: a[i] and b[i] are one customer's), with percentile intervals
// of gainResamples resamples of the customers drawn with a fixed seed; ok
// is false when b's mean is 0 (no relative change).
func gainOver(aRecall, bRecall, aNDCG, bNDCG []float64) (g Gain, ok bool) {
	n := len(aRecall)
	sum := func(x []float64, idx []int) float64 {
		t := 0.0
		for _, i := range idx {
			t += x[i]
		}
		return t
	}
	all := make([]int, n)
	for i := range all {
		all[i] = i
	}
	rel := func(a, b []float64, idx []int) (float64, bool) {
		d := sum(b, idx)
		if d == 0 {
			return 0, false
		}
		return sum(a, idx)/d - 1, true
	}
	var okR, okN bool
	if g.Recall, okR = rel(aRecall, bRecall, all); !okR {
		return g, false
	}
	if g.NDCG, okN = rel(aNDCG, bNDCG, all); !okN {
		return g, false
	}
	rng := rand.New(rand.NewPCG(CheckK, 0x9a1))
	rs, ns := make([]float64, 0, gainResamples), make([]float64, 0, gainResamples)
	idx := make([]int, n)
	for range gainResamples {
		for i := range idx {
			idx[i] = rng.IntN(n)
		}
		// A resample whose baseline sums to 0 has no relative change and
		// is left out.
		r, okR := rel(aRecall, bRecall, idx)
		d, okN := rel(aNDCG, bNDCG, idx)
		if okR && okN {
			rs, ns = append(rs, r), append(ns, d)
		}
	}
	if len(rs) == 0 {
		return g, false
	}
	slices.Sort(rs)
	slices.Sort(ns)
	g.RecallLow, g.RecallHigh = metrics.QuantileSorted(rs, 0.025), metrics.QuantileSorted(rs, 0.975)
	g.NDCGLow, g.NDCGHigh = metrics.QuantileSorted(ns, 0.025), metrics.QuantileSorted(ns, 0.975)
	g.Resamples = len(rs)
	return g, true
}
