package anomaly

import (
	"cmp"
	"context"
	"math"
	"runtime"
	"slices"
	"strings"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/engine/metrics"
)

// Result is every row's score, the baseline's and, with a truth column,
// the evaluation of both. Rows are the table's, in its order.
type Result struct {
	// Source names the table scored.
	Source string
	// IDs identify the rows.
	IDs []string
	// Score is each row's anomaly score: its Error averaged with the Errors
	// of its nearest other rows (see Options.Neighbours and DefaultNeighbours),
	// or its Error when smoothing is off; a row with a value out of range
	// (Outside) is lifted above every row in range. Order, Rank, Cutoff and
	// Evaluation are Score's.
	Score []float64
	// Outside is how far each row's most outlying value lies beyond its
	// column's usual range, in widths of that range on the signed-log
	// scale (0 for a row with every value in range; see
	// usualRange.outside). The networks do not see magnitude (their
	// inputs are ranks), so this is what ranks a negative price or a
	// duration of −1,000,000 s: such a row's Score is the highest Score of
	// a row in range plus its Outside.
	Outside []float64
	// Error is each row's reconstruction error: the mean over the members
	// of each member's score (see ScoreKind) of the row, plus its Joint
	// divided by the number of inputs (Joint counts as one more input).
	Error []float64
	// Joint is each row's largest disagreement between two strongly
	// related numeric columns (|correlation| ≥ 0.5 between their
	// rank-gauss inputs): the smaller squared standardised residual of
	// either given the other under a bivariate normal (see
	// pairCheck.residual2), 0 when no pair applies. 400 product pages in 0
	// seconds, where pages and time rise together, scores about 100.
	Joint []float64
	// Neighbours is how many nearest rows Score averaged (0: none).
	Neighbours int
	// Baseline is each row's robust baseline score (see BaselineScores).
	Baseline []float64
	// Order lists the rows by Score, the highest first (ties by row, or
	// by id with Options.TiesByID).
	Order []int
	// Rank is each row's 1-based place in Order.
	Rank []int
	// Cutoff is the default cut-off on Score (see DefaultCutoff).
	Cutoff float64
	// Truth (0/1) and Archetype are the truth columns' values, nil when
	// none was named.
	Truth     []float64
	Archetype []string
	// Evaluation measures Score and Baseline against Truth (nil without).
	Evaluation *Evaluation
	// Typical is each feature column's typical value, in Columns order.
	Typical []Typical
	// Columns are the feature columns, in the pipeline's order.
	Columns []string
	// Constant names the feature columns left out of the model because
	// every user holds the same value (Run.Constant): they take no share
	// of a score and are never a reason.
	Constant []string
	// Clipped names the columns left out because the preprocessing reads
	// every user as one value (Run.Clipped).
	Clipped []string

	run    *Run
	ranges []usualRange // each pipeline column's usual range
	pairOf []int        // each row's pair behind Joint (index in run.pairs; −1: none)
}

// Typical is a feature column's typical value: the median of a numeric or
// boolean column, the most frequent level of a categorical one. Whole is
// true when every value of a numeric or boolean column is a whole number
// (counts, days, flags), so that expected values are rounded to one.
// Year is true for a column of years (data.Column.YearLike).
type Typical struct {
	Column string
	Value  float64
	Level  string
	Whole  bool
	Year   bool
}

// Finish scores every row with the trained network, computes the baseline
// and, with a truth column, evaluates both. It checks ctx between chunks.
func (r *Run) Finish(ctx context.Context) (*Result, error) {
	rows := r.Table.Rows
	res := &Result{Source: r.Table.Source, IDs: r.Table.IDs(), Error: make([]float64, rows),
		Truth: r.truth, Archetype: r.archetype, Constant: r.Constant, Clipped: r.Clipped, run: r}
	r.saveMember()
	for _, m := range r.members {
		for start := 0; start < rows; start += chunkRows {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			end := min(start+chunkRows, rows)
			for i, s := range r.scoreRange(m, start, end) {
				res.Error[start+i] += s / float64(len(r.members))
			}
		}
	}
	// The joint component: a strongly related pair of columns that
	// disagree counts as one more input of the score (see pairs.go).
	res.Joint, res.pairOf = pairScores(r.X, r.Pipeline.Width(), r.pairs, r.missing)
	for i, j := range res.Joint {
		res.Error[i] += j / float64(r.Pipeline.Width())
	}
	res.Neighbours = r.Options.neighbours()
	var err error
	if res.Score, err = smoothScores(ctx, r.X, r.Pipeline.Width(), res.Error, res.Neighbours, runtime.GOMAXPROCS(0)); err != nil {
		return nil, err
	}
	// The cut-off is the networks' (Tukey's fence on the scores before the
	// out-of-range rows are lifted, which lie above it anyway).
	res.Cutoff = DefaultCutoff(res.Score)
	res.ranges = usualRanges(r.Features, r.Pipeline)
	res.Outside = outsideScores(r.Features, r.Pipeline, res.ranges)
	res.Score = liftOutside(res.Score, res.Outside)
	var tieIDs []string
	if r.Options.TiesByID && r.Table.IDColumn >= 0 {
		tieIDs = res.IDs
	}
	res.Order, res.Rank = rankByID(res.Score, tieIDs)
	res.Baseline = BaselineScores(r.Features)
	res.Typical, res.Columns = typicalValues(r.Features, r.Pipeline)
	if r.truth != nil {
		ev, err := Evaluate(res.Score, res.Baseline, r.truth, r.archetype)
		if err != nil {
			return nil, err
		}
		if res.Neighbours > 0 {
			m, err := measure(res.Error, r.truth, r.archetype, ev.Positives)
			if err != nil {
				return nil, err
			}
			ev.Error = &m
		}
		ev.Truth = r.Options.Truth
		res.Evaluation = ev
	}
	return res, nil
}

// chunkRows is how many rows Finish predicts at once.
const chunkRows = 8192

// maxExplained is the largest share of an input's variance the score takes
// the network to explain: an input's squared error is divided by at least
// (1 − maxExplained) of its variance. An input that the others determine
// (Telco's "no internet service" level of six columns, set exactly when
// InternetService is No) is otherwise reconstructed almost perfectly, and a
// slight wobble of the network on it, divided by a tiny mean error, outweighed
// every other column (its weight was 900, a numeric column's 4 to 9). On the
// built-in shop (5,000 users, seeds 0 to 3) the floor changed none of the
// figures.
const maxExplained = 0.9

// inputWeights returns the weight of each input's squared error in the
// score: 1 for ScoreMSE, otherwise 1/(mean squared error of the input over the
// member's sample, the rows a trim left out included: an input that only
// those rows vary on, such as a rare level the trim took out entirely, is
// not weighed as if it never varied), with the error floored by
// maxExplained.
func (r *Run) inputWeights(pred *engine.Predictor) []float64 {
	sampled := r.sampled
	if sampled == nil {
		sampled = r.TrainRows
	}
	width := r.Pipeline.Width()
	w := make([]float64, width)
	for j := range w {
		w[j] = 1
	}
	if r.Options.Score == ScoreMSE {
		return w
	}
	ms := make([]float64, width)
	sum := make([]float64, width)
	sq := make([]float64, width)
	x := make([]float64, chunkRows*width)
	out := make([]float64, chunkRows*width)
	for start := 0; start < len(sampled); start += chunkRows {
		rows := sampled[start:min(start+chunkRows, len(sampled))]
		for i, row := range rows {
			copy(x[i*width:(i+1)*width], r.X[row*width:(row+1)*width])
		}
		pred.PredictFlat(out, nil, x, len(rows))
		for i := range rows {
			for j := range width {
				v := x[i*width+j]
				d := out[i*width+j] - v
				ms[j] += d * d
				sum[j] += v
				sq[j] += v * v
			}
		}
	}
	n := float64(len(sampled))
	for j := range w {
		ms[j] /= n
		mean := sum[j] / n
		ms[j] = max(ms[j], (1-maxExplained)*(sq[j]/n-mean*mean))
		if ms[j] > 1e-12 {
			w[j] = 1 / ms[j]
		}
		if r.binary != nil {
			w[j] *= r.binary[j]
		}
	}
	return w
}

// scoreRange scores the contiguous rows start..end-1 (at most chunkRows)
// by member m.
func (r *Run) scoreRange(m member, start, end int) []float64 {
	width := r.Pipeline.Width()
	n := end - start
	out := make([]float64, n*width)
	x := r.X[start*width : end*width]
	engine.NewPredictor(m.net).PredictFlat(out, nil, x, n)
	return r.rowScores(m, out, x, n)
}

// scoreRows scores the given rows by member m.
func (r *Run) scoreRows(m member, rows []int) []float64 {
	width := r.Pipeline.Width()
	pred := engine.NewPredictor(m.net)
	score := make([]float64, 0, len(rows))
	x := make([]float64, chunkRows*width)
	out := make([]float64, chunkRows*width)
	for start := 0; start < len(rows); start += chunkRows {
		part := rows[start:min(start+chunkRows, len(rows))]
		for i, row := range part {
			copy(x[i*width:(i+1)*width], r.X[row*width:(row+1)*width])
		}
		pred.PredictFlat(out, nil, x, len(part))
		score = append(score, r.rowScores(m, out, x, len(part))...)
	}
	return score
}

// rowScores turns n rows of member m's outputs and inputs into scores.
func (r *Run) rowScores(m member, out, x []float64, n int) []float64 {
	width := r.Pipeline.Width()
	score := make([]float64, n)
	for i := range n {
		s := 0.0
		for j := range width {
			s += r.term(m, out[i*width+j]-x[i*width+j], j)
		}
		score[i] = s / float64(width)
	}
	return score
}

// term is input j's part of member m's score for the reconstruction error d.
func (r *Run) term(m member, d float64, j int) float64 {
	sq := d * d * m.weights[j]
	if r.Options.Score == ScoreRobust {
		return math.Log1p(sq)
	}
	return sq
}

// Above counts the rows whose score exceeds cut.
func (res *Result) Above(cut float64) int {
	n := 0
	for _, s := range res.Score {
		if s > cut {
			n++
		}
	}
	return n
}

// Features returns the table of features the network saw (for exporting).
func (res *Result) Features() *data.Table { return res.run.Features }

// Pipeline returns the fitted preprocessing.
func (res *Result) Pipeline() *data.Pipeline { return res.run.Pipeline }

// rank orders rows by score, highest first, ties by row number.
func rank(score []float64) (order, ranks []int) { return rankByID(score, nil) }

// rankByID is rank with ties by ids when ids is not nil, then by row
// number.
func rankByID(score []float64, ids []string) (order, ranks []int) {
	order = make([]int, len(score))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := cmp.Compare(score[b], score[a]); c != 0 {
			return c
		}
		if ids != nil {
			if c := strings.Compare(ids[a], ids[b]); c != 0 {
				return c
			}
		}
		return cmp.Compare(a, b)
	})
	ranks = make([]int, len(score))
	for i, row := range order {
		ranks[row] = i + 1
	}
	return order, ranks
}

// DefaultCutoff is Tukey's inner fence on the scores, Q3 + 1.5·IQR: it
// adapts to every data set and flags the users outside the usual
// spread of scores.
func DefaultCutoff(score []float64) float64 {
	sorted := slices.Clone(score)
	slices.Sort(sorted)
	q1, q3 := metrics.QuantileSorted(sorted, 0.25), metrics.QuantileSorted(sorted, 0.75)
	return q3 + 1.5*(q3-q1)
}

// typicalValues returns each pipeline column's typical value.
func typicalValues(t *data.Table, p *data.Pipeline) ([]Typical, []string) {
	typ := make([]Typical, len(p.Columns))
	names := make([]string, len(p.Columns))
	for i, pc := range p.Columns {
		c := t.Column(pc.Name)
		names[i] = pc.Name
		typ[i] = Typical{Column: pc.Name}
		if c.Kind == data.Categorical {
			typ[i].Level = mode(c.Strings)
			continue
		}
		typ[i].Value = medianOf(c.Values)
		typ[i].Whole = wholeNumbers(c.Values)
		typ[i].Year = c.YearLike()
		typ[i].Level = booleanLevel(&p.Columns[i], typ[i].Value)
	}
	return typ, names
}

// wholeNumbers reports whether every non-missing value is a whole number.
func wholeNumbers(values []float64) bool {
	for _, v := range values {
		if !math.IsNaN(v) && v != math.Trunc(v) {
			return false
		}
	}
	return true
}

// medianOf is the median of the non-missing values (NaN when none).
func medianOf(values []float64) float64 {
	xs := make([]float64, 0, len(values))
	for _, v := range values {
		if !math.IsNaN(v) {
			xs = append(xs, v)
		}
	}
	if len(xs) == 0 {
		return math.NaN()
	}
	return data.Median(xs)
}

// mode is the most frequent non-empty string (the first in sorted order on
// ties).
func mode(values []string) string {
	counts := map[string]int{}
	for _, v := range values {
		if v != "" {
			counts[v]++
		}
	}
	best, bestN := "", 0
	for v, n := range counts {
		if n > bestN || n == bestN && v < best {
			best, bestN = v, n
		}
	}
	return best
}
