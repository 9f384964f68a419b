package tui

import (
	"fmt"
	"math"
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// distBins is how many bins each numeric feature's distribution has.
const distBins = 12

// featureDist is one feature's binned counts in each label class.
type featureDist struct {
	name     string
	lo, hi   float64  // the binned range (numeric); NaN for categorical
	levels   []string // the bins of a categorical or boolean feature
	neg, pos []int
}

// dataInfo is everything the Data screen shows about a loaded data set,
// computed off the UI goroutine when the data is loaded or re-split.
type dataInfo struct {
	source     string
	schema     data.SchemaReport
	dists      []featureDist
	train      int // rows the network trains on (after dropping duplicates)
	val, test  int
	inputs     int
	seed       uint64
	candidates []string // columns that could be the label (CSV only)
}

// loadCmd reads a source and prepares it with cfg.
func loadCmd(gen int, src experiment.Source, open experiment.Opener, cfg experiment.Config, limits Limits) tea.Cmd {
	return func() tea.Msg {
		d, err := experiment.Load(src, open)
		if err != nil {
			return loadedMsg{gen: gen, err: err}
		}
		if limits.MaxRows > 0 && d.Table.Rows > limits.MaxRows {
			return loadedMsg{gen: gen, err: fmt.Errorf("%s has %s rows; this session allows at most %s (refused before training)",
				d.Source.Describe(), common.Thousands(d.Table.Rows), common.Thousands(limits.MaxRows))}
		}
		return prepare(gen, d, cfg)
	}
}

// resplitCmd prepares already loaded data again (a new seed or shares).
func resplitCmd(gen int, d *experiment.Data, cfg experiment.Config) tea.Cmd {
	return func() tea.Msg { return prepare(gen, d, cfg) }
}

func prepare(gen int, d *experiment.Data, cfg experiment.Config) loadedMsg {
	exp, err := experiment.New(d, cfg)
	if err != nil {
		return loadedMsg{gen: gen, err: fmt.Errorf("preparing %s: %w", d.Source.Describe(), err)}
	}
	info := dataInfo{
		source: d.Source.Describe(),
		schema: data.Schema(d.Table, exp.Pipeline),
		dists:  distributions(d.Table),
		train:  exp.Train.Rows, val: exp.Val.Rows, test: exp.Test.Rows,
		inputs: exp.Pipeline.Width(),
		seed:   cfg.Seed,
	}
	if d.Source.Kind == "csv" {
		info.candidates = labelCandidates(d.Table)
	}
	return loadedMsg{gen: gen, data: d, prep: exp, info: info}
}

// labelCandidates lists the current label and every two-valued column.
func labelCandidates(t *data.Table) []string {
	out := []string{t.Label.Name}
	for _, c := range t.Columns {
		if c.Kind == data.Boolean || (c.Kind == data.Categorical && len(c.Levels) == 2) {
			out = append(out, c.Name)
		}
	}
	return out
}

// distributions bins every feature separately for the two label classes.
func distributions(t *data.Table) []featureDist {
	var out []featureDist
	y := t.Label.Values
	for _, c := range t.Features() {
		switch c.Kind {
		case data.Numeric:
			out = append(out, numericDist(c, y))
		case data.Boolean, data.Categorical:
			out = append(out, levelDist(c, y))
		}
	}
	return out
}

// numericDist bins the 1st–99th percentile range, so one extreme value does
// not squeeze everything else into a single bin; the tails fall into the
// end bins.
func numericDist(c *data.Column, y []float64) featureDist {
	vals := make([]float64, 0, len(c.Values))
	for _, v := range c.Values {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			vals = append(vals, v)
		}
	}
	fd := featureDist{name: c.Name, lo: math.NaN(), hi: math.NaN(), neg: make([]int, distBins), pos: make([]int, distBins)}
	if len(vals) == 0 {
		return fd
	}
	slices.Sort(vals)
	fd.lo, fd.hi = vals[len(vals)/100], vals[len(vals)-1-len(vals)/100]
	if fd.hi <= fd.lo {
		fd.lo, fd.hi = vals[0], vals[len(vals)-1]
	}
	span := fd.hi - fd.lo
	for r, v := range c.Values {
		if math.IsNaN(v) || math.IsInf(v, 0) || r >= len(y) {
			continue
		}
		b := 0
		if span > 0 {
			b = min(max(int((v-fd.lo)/span*distBins), 0), distBins-1)
		}
		if y[r] == 1 {
			fd.pos[b]++
		} else {
			fd.neg[b]++
		}
	}
	return fd
}

// levelDist counts a categorical or boolean feature's levels per class.
func levelDist(c *data.Column, y []float64) featureDist {
	levels := c.Levels
	if len(levels) > distBins {
		levels = levels[:distBins]
	}
	fd := featureDist{name: c.Name, lo: math.NaN(), hi: math.NaN(), levels: levels,
		neg: make([]int, len(levels)), pos: make([]int, len(levels))}
	index := map[string]int{}
	for i, l := range levels {
		index[l] = i
	}
	for r := 0; r < c.Len() && r < len(y); r++ {
		b := -1
		if c.Kind == data.Boolean {
			if v := c.Values[r]; v == 0 || v == 1 {
				b = int(v)
			}
		} else if i, ok := index[c.Strings[r]]; ok {
			b = i
		}
		if b < 0 || b >= len(levels) {
			continue
		}
		if y[r] == 1 {
			fd.pos[b]++
		} else {
			fd.neg[b]++
		}
	}
	return fd
}
