package data

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
)

// ShopVariant reshapes a generated population so that defaults can be
// measured on data that does not look like the built-in shop: the zero
// value changes nothing. Every change but Sharpness keeps the label and the
// true probabilities of the rows it keeps.
type ShopVariant struct {
	// NoiseColumns adds that many numeric columns unrelated to the label,
	// alternately normal and log-normal (noise_1, noise_2, …).
	NoiseColumns int
	// HeavyTails replaces the counts and money columns by increasing
	// transforms with far heavier right tails (cubes and exponentials), so
	// that the information is the same but the shape is not.
	HeavyTails bool
	// PositiveShare, when in (0, 1), drops positive rows at random until
	// about that share of the rows are positive (rare positives).
	PositiveShare float64
	// Categoricals turns tenure_days and pages_per_session into text
	// buckets and adds a 12-level "region" column unrelated to the label.
	Categoricals bool
	// BlankShare blanks that share of the numeric feature cells at random.
	BlankShare float64
	// Sharpness, when > 1, multiplies every user's true log-odds by it
	// and draws the labels again from the sharper probabilities. The
	// features then come close to deciding the label, so a flexible model
	// gains far more over a linear one than on the shop as generated (as
	// on tables where gradient boosting scores 0.98 and logistic regression
	// 0.89), and a model held too flat by its regularisation shows.
	Sharpness float64
	// Rules, when > 0, draws the labels again from that many threshold
	// rules instead of the shop's smooth probability: each rule adds a
	// weight (normal, sd 2.5) to the log-odds of the users on one side of a
	// threshold of one feature and on one side of a threshold of another,
	// the thresholds at random quantiles (0.15–0.85) of the population, and
	// one intercept brings the mean probability to 0.26. The label then
	// steps along the axes the way a tree ensemble's does, which a smooth,
	// strongly regularised network fits poorly. Applied after Sharpness.
	Rules int
}

// heavyTail maps each reshaped column to its increasing transform.
var heavyTail = map[string]func(float64) float64{
	"sessions_30d":    func(v float64) float64 { return v * v * v },
	"cart_adds_30d":   func(v float64) float64 { return math.Expm1(v) },
	"avg_order_value": func(v float64) float64 { return v * v * v / 1e4 },
	"orders_90d":      func(v float64) float64 { return math.Expm1(v / 2) },
}

// Variant returns a reshaped copy of the population (s is not changed),
// drawn deterministically from seed.
func (s *Shop) Variant(v ShopVariant, seed uint64) (*Shop, error) {
	rng := rand.New(rand.NewPCG(seed, 0x5a7))
	labels, prob := s.Table.Label.Values, s.TrueProb
	if v.Sharpness > 1 {
		labels, prob = sharpen(prob, v.Sharpness, rng)
	}
	if v.Rules > 0 {
		labels, prob = ruleLabels(s.Table, v.Rules, rng)
	}
	keep := keptRows(labels, v.PositiveShare, rng)
	var cols []*Column
	for _, c := range s.Table.Columns {
		cols = append(cols, reshapeColumn(c, keep, v, rng)...)
	}
	for k := range v.NoiseColumns {
		values := make([]float64, len(keep))
		for i := range values {
			values[i] = rng.NormFloat64()
			if k%2 == 1 {
				values[i] = math.Round(100*math.Exp(1.5*values[i])) / 100
			}
		}
		cols = append(cols, NewNumericColumn("noise_"+strconv.Itoa(k+1), values))
	}
	if v.Categoricals {
		region := make([]string, len(keep))
		for i := range region {
			region[i] = "r" + strconv.Itoa(rng.IntN(12))
		}
		cols = append(cols, categorical("region", region))
	}
	label := s.Table.Label
	label.Values = pick(labels, keep)
	t, err := NewTable(fmt.Sprintf("built-in shop (%s)", v), cols, label)
	if err != nil {
		return nil, err
	}
	return &Shop{Table: t, TrueProb: pick(prob, keep), Seed: s.Seed}, nil
}

// String names the changes in a few words.
func (v ShopVariant) String() string {
	var parts []string
	if v.NoiseColumns > 0 {
		parts = append(parts, fmt.Sprintf("+%d noise columns", v.NoiseColumns))
	}
	if v.HeavyTails {
		parts = append(parts, "heavy tails")
	}
	if v.PositiveShare > 0 && v.PositiveShare < 1 {
		parts = append(parts, fmt.Sprintf("%g%% positives", 100*v.PositiveShare))
	}
	if v.Categoricals {
		parts = append(parts, "categoricals")
	}
	if v.BlankShare > 0 {
		parts = append(parts, fmt.Sprintf("%g%% blanks", 100*v.BlankShare))
	}
	if v.Sharpness > 1 {
		parts = append(parts, fmt.Sprintf("log-odds ×%g", v.Sharpness))
	}
	if v.Rules > 0 {
		parts = append(parts, fmt.Sprintf("%d threshold rules", v.Rules))
	}
	if len(parts) == 0 {
		return "as generated"
	}
	return strings.Join(parts, ", ")
}

// sharpen multiplies the log-odds of every probability by k and draws a
// label from each new probability.
func sharpen(prob []float64, k float64, rng *rand.Rand) (labels, sharp []float64) {
	labels, sharp = make([]float64, len(prob)), make([]float64, len(prob))
	for i, p := range prob {
		sharp[i] = logistic(k * math.Log(p/(1-p)))
		if rng.Float64() < sharp[i] {
			labels[i] = 1
		}
	}
	return labels, sharp
}

// keptRows drops positives at random so that about share of the kept rows
// are positive (all rows when share is not in (0, 1) or already met).
func keptRows(labels []float64, share float64, rng *rand.Rand) []int {
	pos := 0
	for _, y := range labels {
		pos += int(y)
	}
	neg := len(labels) - pos
	keepPos := 1.0
	if share > 0 && share < 1 && pos > 0 {
		keepPos = min(1, share/(1-share)*float64(neg)/float64(pos))
	}
	rows := make([]int, 0, len(labels))
	for i, y := range labels {
		if y == 0 || rng.Float64() < keepPos {
			rows = append(rows, i)
		}
	}
	return rows
}

func pick(values []float64, rows []int) []float64 {
	if values == nil {
		return nil
	}
	out := make([]float64, len(rows))
	for i, r := range rows {
		out[i] = values[r]
	}
	return out
}

// reshapeColumn applies the variant to one column of the kept rows.
func reshapeColumn(c *Column, keep []int, v ShopVariant, rng *rand.Rand) []*Column {
	if c.Kind == ID {
		ids := make([]string, len(keep))
		for i, r := range keep {
			ids[i] = c.Strings[r]
		}
		return []*Column{NewIDColumn(c.Name, ids)}
	}
	values := pick(c.Values, keep)
	if f := heavyTail[c.Name]; v.HeavyTails && f != nil {
		for i, x := range values {
			values[i] = math.Round(100*f(x)) / 100
		}
	}
	if v.Categoricals && (c.Name == "tenure_days" || c.Name == "pages_per_session") {
		return []*Column{categorical(c.Name, buckets(values))}
	}
	for i := range values {
		if v.BlankShare > 0 && rng.Float64() < v.BlankShare {
			values[i] = math.NaN()
		}
	}
	return []*Column{NewNumericColumn(c.Name, values)}
}

// buckets names each value by the quintile of the column it falls in.
func buckets(values []float64) []string {
	sorted := slices.Clone(values)
	slices.Sort(sorted)
	var cuts [4]float64
	for q := range cuts {
		cuts[q] = quantileSorted(sorted, float64(q+1)/5)
	}
	out := make([]string, len(values))
	for i, x := range values {
		b := 0
		for b < len(cuts) && x > cuts[b] {
			b++
		}
		out[i] = "q" + strconv.Itoa(b+1)
	}
	return out
}

// categorical builds a Categorical column over strs (no blanks).
func categorical(name string, strs []string) *Column {
	levels := slices.Clone(strs)
	slices.Sort(levels)
	return &Column{Name: name, Kind: Categorical, Strings: strs, Levels: slices.Compact(levels)}
}
