package data

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestKAnonymousRange checks the bounds worked out by hand: for the values
// 1..n the window at ranks k..2k−1 from the bottom holds k..2k−1 and the
// one from the top n−2k+2..n−k+1, so their means are 1.5k − 0.5 and
// n − 1.5k + 1.5; k drops to ⌊(n+2)/3⌋ below n = 3k − 2.
func TestKAnonymousRange(t *testing.T) {
	seq := func(n int) []float64 {
		v := make([]float64, n)
		for i := range v {
			v[n-1-i] = float64(i + 1) // descending: the function sorts a copy
		}
		return v
	}
	for _, c := range []struct {
		values []float64
		lo, hi float64
	}{
		{seq(30), 14.5, 16.5}, // k = 10: mean(10..19), mean(12..21)
		{seq(28), 14.5, 14.5}, // n = 3k − 2: both windows are 10..19
		{seq(27), 13, 15},     // k = 9: mean(9..17), mean(11..19)
		{seq(4), 2.5, 2.5},    // k = 2: both windows are 2, 3
		{seq(2), 1, 2},        // k = 1: the extremes
		{[]float64{-3}, -3, -3},
	} {
		orig := fmt.Sprint(c.values)
		lo, hi := kAnonymousRange(c.values, 10)
		if lo != c.lo || hi != c.hi || fmt.Sprint(c.values) != orig {
			t.Errorf("%d values: [%v, %v], want [%v, %v] (values now %v)", len(c.values), lo, hi, c.lo, c.hi, c.values)
		}
	}
	// Ten equal values in a window give that value, not a sum rounded off
	// it: 0.1/10 added ten times is 0.09999999999999999.
	tied := make([]float64, 30)
	for i := range tied {
		tied[i] = 0.1
	}
	if lo, hi := kAnonymousRange(tied, 10); lo != 0.1 || hi != 0.1 {
		t.Errorf("thirty 0.1s: [%v, %v]", lo, hi)
	}
}

// TestLogDecidedOnBound: with Log1p a column goes through log(1+v) when
// its k-anonymous lower bound is ≥ 0, however negative a few customers'
// values are, and not when more than a window of them is negative.
func TestLogDecidedOnBound(t *testing.T) {
	table := func(negatives int) *Table {
		var b strings.Builder
		b.WriteString("x,y\n")
		for i := range 40 {
			x := fmt.Sprint(i / 2) // repeated, so not an id column
			if i < negatives {
				x = "-1000"
			}
			fmt.Fprintf(&b, "%s,%s\n", x, []string{"no", "yes"}[i%2])
		}
		return mustRead(t, b.String(), CSVOptions{Label: "y"})
	}
	all := make([]int, 40)
	for i := range all {
		all[i] = i
	}
	// x = ⌊i/2⌋ for rows i ≥ negatives, −1000 below. 0 or 9 negatives: the
	// window at ranks 10..19 is 4,5,5,6,6,7,7,8,8,9, mean 6.5. 10
	// negatives: it is −1000,5,5,6,6,7,7,8,8,9, mean (−1000 + 61)/10.
	for _, c := range []struct {
		negatives int
		min       float64
		log       bool
	}{{0, 6.5, true}, {9, 6.5, true}, {10, -93.9, false}} {
		p, err := FitPipeline(table(c.negatives), all, PipelineOptions{Scale: ScaleZScore, Log1p: true, KeepDuplicates: true})
		if err != nil {
			t.Fatal(err)
		}
		pc := p.Columns[0]
		if !closeTo(pc.Min, c.min, 1e-12) || pc.Log != c.log || !pc.Clip {
			t.Errorf("%d negatives: min %v log %v clip %v, want %v %v true", c.negatives, pc.Min, pc.Log, pc.Clip, c.min, c.log)
		}
		if got, want := pc.Transformed(-1000), pc.Transformed(pc.Min); got != want {
			t.Errorf("%d negatives: −1000 transforms to %v, the bound to %v", c.negatives, got, want)
		}
	}
}

// A count that only 9 of 40 customers have above 0 is 0 at both bounds
// (the 10th to 19th largest values are all 0), so every value reaches the
// model as 0: ConstantColumns names it and its treatment says so. With 10
// such customers the top window holds one 3 (mean 0.3), and it is used.
func TestConstantColumns(t *testing.T) {
	table := func(nonzero int) *Table {
		var b strings.Builder
		b.WriteString("rare,x,y\n")
		for i := range 40 {
			rare := 0
			if i < nonzero {
				rare = 3
			}
			fmt.Fprintf(&b, "%d,%d,%s\n", rare, i/2, []string{"no", "yes"}[i%2])
		}
		return mustRead(t, b.String(), CSVOptions{Label: "y"})
	}
	all := make([]int, 40)
	for i := range all {
		all[i] = i
	}
	for _, c := range []struct {
		nonzero int
		want    []string
		max     float64
	}{{9, []string{"rare"}, 0}, {10, nil, 0.3}} {
		tab := table(c.nonzero)
		p, err := FitPipeline(tab, all, PipelineOptions{Scale: ScaleZScore, Log1p: true, KeepDuplicates: true})
		if err != nil {
			t.Fatal(err)
		}
		if got := p.ConstantColumns(); !slices.Equal(got, c.want) || !closeTo(p.Columns[0].Max, c.max, 1e-12) {
			t.Errorf("%d non-zero: constant %v (max %v), want %v (max %v)", c.nonzero, got, p.Columns[0].Max, c.want, c.max)
		}
		text := Schema(tab, p).Columns[0].Action
		if says := strings.Contains(text, "its bounds meet"); says != (c.want != nil) {
			t.Errorf("%d non-zero: treatment %q", c.nonzero, text)
		}
	}
}
