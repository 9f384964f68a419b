package main

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

// handMadeUsers is a 60-row table: plan has levels basic (25 rows), pro
// (25), max (6) and gold (4), so max and gold fold into "(other)"; spend
// has one extreme customer (10000) and visits a few.
func handMadeUsers() string {
	var b strings.Builder
	b.WriteString("user,spend,visits,plan,promo,churn\n")
	plans := []string{"basic", "pro"}
	for i := range 60 {
		plan := plans[i%2]
		switch {
		case i >= 56:
			plan = "gold"
		case i >= 50:
			plan = "max"
		}
		spend := fmt.Sprint(10 + 3*i)
		if i == 7 {
			spend = "10000"
		}
		fmt.Fprintf(&b, "u%02d,%s,%d,%s,%s,%s\n", i, spend, (i*7)%23, plan, []string{"no", "yes"}[i%3/2], []string{"no", "yes"}[(i*5)%7/4])
	}
	return b.String()
}

// rareUsers is a 200-row table of small groups: vip is "yes" for 4
// customers, newsletter ("Y" or blank, a presence flag) is blank for 4,
// spend is blank for 3, and country is DE or FR but for 3 customers of
// three rare countries, which fold into "(other)".
func rareUsers() string {
	var b strings.Builder
	b.WriteString("user,spend,visits,vip,newsletter,country,churn\n")
	for i := range 200 {
		spend := fmt.Sprint(5 + (i*37)%150)
		if i%67 == 5 { // rows 5, 72, 139
			spend = ""
		}
		vip := "no"
		if i%50 == 7 { // rows 7, 57, 107, 157
			vip = "yes"
		}
		newsletter := "Y"
		if i%50 == 20 { // rows 20, 70, 120, 170
			newsletter = ""
		}
		country := []string{"DE", "FR"}[i%2]
		switch i {
		case 11:
			country = "AT"
		case 100:
			country = "CH"
		case 199:
			country = "LU"
		}
		fmt.Fprintf(&b, "u%03d,%s,%d,%s,%s,%s,%s\n", i, spend, (i*7)%23, vip, newsletter, country, []string{"no", "yes"}[(i*5+i/7)%7/4])
	}
	return b.String()
}

// trainSmallModel trains a small model on path and returns the model file.
func trainSmallModel(t *testing.T, path string, extra ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "model.json")
	c := newCLI(t)
	args := append([]string{"train", "--data", path, "--epochs", "2", "--layers", "4", "--out", out}, extra...)
	if code := c.run(context.Background(), args...); code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
	}
	return out
}

// TestModelFileHoldsNoSmallGroup trains on the shared online_shoppers set
// and on a hand-made table, under min-max, z-score (the default, with mean
// fills), robust scaling with median fills and no scaling, and checks every
// statistic of the model file against the training rows themselves: with
// --val 0 --calib 0 the pipeline is fitted on every row of the file but
// exact duplicates, which the test drops the same way. Each range bound is
// the mean of the 10th to 19th smallest or largest values (recomputed here,
// with at least 10 rows at or beyond it), log(1+v) is on exactly when the
// lower bound is ≥ 0, every numeric column is clipped, no fill, centre or
// spread (a log column's centre and spread read back through e^x − 1 too)
// equals a value that 1 to 9 training rows hold, every one-hot level was
// seen at least 10 times, and neither file records its path.
func TestModelFileHoldsNoSmallGroup(t *testing.T) {
	hand := writeFile(t, "users.csv", handMadeUsers())
	rare := writeFile(t, "rare.csv", rareUsers())
	sets := []string{hand, rare}
	shoppers := filepath.Join("..", "shared", "datasets", "online_shoppers", "online_shoppers_intention.csv")
	if _, err := os.Stat(shoppers); err == nil {
		sets = append(sets, shoppers)
	} else {
		t.Logf("shared data set not found at %s: checking the hand-made table only", shoppers)
	}
	settings := [][]string{
		{},
		{"--scale", "minmax", "--impute", "median"},
		{"--scale", "robust", "--impute", "median"},
		{"--scale", "none", "--impute", "median"},
	}
	for _, path := range sets {
		cols := trainingColumns(t, path)
		for _, set := range settings {
			if path == rare {
				set = append(slices.Clone(set), "--missing-indicators")
			}
			name := fmt.Sprintf("%s %q", filepath.Base(path), set)
			model := trainSmallModel(t, path, append([]string{"--val", "0", "--calib", "0"}, set...)...)
			raw, err := os.ReadFile(model)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(raw), filepath.Base(path)) {
				t.Errorf("%s: the model file names its training file", name)
			}
			b, err := experiment.ReadBundle(strings.NewReader(string(raw)), model)
			if err != nil {
				t.Fatal(err)
			}
			for i := range b.Pipeline.Columns {
				checkNoSmallGroup(t, name, b.Pipeline.Options, &b.Pipeline.Columns[i], cols[b.Pipeline.Columns[i].Name])
			}
			checkNoSmallCount(t, name, string(raw), b, cols)
			if path == rare {
				checkRareUsers(t, name, b)
			}
			if path != hand {
				continue
			}
			spend := findColumn(b, "spend")
			if spend.Max >= 10000 || spend.Transformed(10000) != spend.Transformed(spend.Max) {
				t.Errorf("%s: the one extreme spend: max %v, transformed %v", name, spend.Max, spend.Transformed(10000))
			}
			plan := findColumn(b, "plan")
			if strings.Join(plan.Levels, ",") != "basic,pro,(other)" || !plan.Other {
				t.Errorf("%s: plan levels %q", name, plan.Levels)
			}
		}
	}
}

// smallMissing is a missing count of 1 to 9 as a model file would write it.
var smallMissing = regexp.MustCompile(`"missing": [1-9]\b`)

// checkNoSmallCount checks the counts a model file could give away: no
// column records 1 to 9 missing cells, a was-missing input has at least
// 10 blank cells behind it, a yes/no column whose rarer value fewer than
// 10 training customers hold reads every value as its common one, and no
// 0/1 input's baseline (its share of the training rows holding a 1) is
// the count of 1 to 9 customers holding a 1 or a 0. The counts are
// recomputed from the cells (all rows train: --val 0 --calib 0).
func checkNoSmallCount(t *testing.T, name, raw string, b *experiment.Bundle, cols map[string][]string) {
	t.Helper()
	if m := smallMissing.FindString(raw); m != "" {
		t.Errorf("%s: the file records %s", name, m)
	}
	for i := range b.Pipeline.Columns {
		pc := &b.Pipeline.Columns[i]
		cells := cols[pc.Name]
		blanks := 0
		for _, c := range cells {
			if strings.TrimSpace(c) == "" {
				blanks++
			}
		}
		if pc.Indicator && blanks < data.MinGroup {
			t.Errorf("%s: %s has a was-missing input of %d blank cells", name, pc.Name, blanks)
		}
		if pc.Kind != data.Boolean {
			continue
		}
		zeros, ones := 0, 0
		for _, c := range cells {
			switch strings.TrimSpace(c) {
			case pc.Levels[0]:
				zeros++
			case pc.Levels[1]:
				ones++
			}
		}
		if min(zeros, ones) < data.MinGroup && !(pc.RareFlag() && pc.Fill == pc.Min && pc.Transformed(0) == pc.Transformed(1)) {
			t.Errorf("%s: %s, %d %q and %d %q, is an input that tells them apart: %+v", name, pc.Name, zeros, pc.Levels[0], ones, pc.Levels[1], *pc)
		}
	}
	n := float64(b.TrainRows)
	for j, o := range b.Pipeline.Outputs {
		if o.Level == "" && !o.Indicator && b.Pipeline.Columns[o.Input].Kind != data.Boolean {
			continue
		}
		ones := math.Round(b.Baseline[j] * n)
		if zeros := n - ones; (ones >= 1 && ones < data.MinGroup) || (zeros >= 1 && zeros < data.MinGroup) {
			t.Errorf("%s: input %q has the baseline %v = %v/%v", name, o.Name, b.Baseline[j], ones, n)
		}
	}
}

// checkRareUsers checks rareUsers' small groups by name: vip and
// newsletter fold to their common values, spend (3 blanks) has no
// was-missing input and no count, and the catch-all country level of 3
// customers has the baseline 0.
func checkRareUsers(t *testing.T, name string, b *experiment.Bundle) {
	t.Helper()
	for col, common := range map[string]float64{"vip": 0, "newsletter": 1} {
		if pc := findColumn(b, col); !pc.RareFlag() || pc.Min != common {
			t.Errorf("%s: %s not folded to %v: %+v", name, col, common, *pc)
		}
	}
	if spend := findColumn(b, "spend"); spend.Indicator || spend.Missing != 0 || !spend.FewMissing {
		t.Errorf("%s: spend indicator %v, missing %d, few %v", name, spend.Indicator, spend.Missing, spend.FewMissing)
	}
	j := slices.Index(b.Features, "country=(other)")
	if j < 0 || b.Baseline[j] != 0 {
		t.Errorf("%s: country=(other) at %d in %q, baselines %v", name, j, b.Features, b.Baseline)
	}
}

// TestModelFileHoldsNoSingleScore: a model file's validation metrics hold
// no one customer's score. Each gains group's lowest score and the best-F1
// threshold equal none of the scores the model gives the file's rows (they
// are means of 10 validation scores; uncalibrated, so no ties), and
// inspect prints every gains row, calibration bin and the ROC AUC
// interval the file holds.
func TestModelFileHoldsNoSingleScore(t *testing.T) {
	path := writeFile(t, "rare.csv", rareUsers())
	model := trainSmallModel(t, path, "--val", "0.3", "--calib", "0", "--calibration", "none")
	raw, err := os.ReadFile(model)
	if err != nil {
		t.Fatal(err)
	}
	b, err := experiment.ReadBundle(strings.NewReader(string(raw)), model)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	scored, err := b.ScoreCSV(f, path)
	if err != nil {
		t.Fatal(err)
	}
	m := b.ValidationMetrics
	if m == nil || len(m.Gains) != 10 || m.ROCAUCCI == nil || len(m.Calibration) == 0 {
		t.Fatalf("validation metrics %+v", m)
	}
	stored := map[string]float64{"best-F1 threshold": m.BestF1.Threshold}
	for _, g := range m.Gains {
		stored[fmt.Sprintf("gains group %d's lowest score", g.Group)] = g.MinScore
	}
	for what, v := range stored {
		if slices.Contains(scored.Probabilities, v) {
			t.Errorf("the %s %v is a customer's score", what, v)
		}
	}
	c := newCLI(t)
	if code := c.run(context.Background(), "inspect", "--model", model); code != exitOK {
		t.Fatalf("inspect: exit %d, stderr %q", code, c.stderr.String())
	}
	out := c.stdout.String()
	want := []string{fnum(m.ROCAUCCI.Low), fnum(m.ROCAUCCI.High)}
	for _, g := range m.Gains {
		want = append(want, fmt.Sprintf("%d. %s targeted", g.Group, fnum(g.Targeted)), fnum(g.MinScore), fnum(g.Lift))
	}
	for _, bin := range m.Calibration {
		want = append(want, fmt.Sprintf("(%s, %s]: %d rows", fnum(bin.Lower), fnum(bin.Upper), bin.Count), fnum(bin.ObservedRate))
	}
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("inspect does not print %q:\n%s", w, out)
		}
	}
}

// checkNoSmallGroup checks one fitted column against its training cells.
func checkNoSmallGroup(t *testing.T, name string, opts data.PipelineOptions, pc *data.PipelineColumn, cells []string) {
	t.Helper()
	switch pc.Kind {
	case data.Categorical:
		counts := map[string]int{}
		for _, c := range cells {
			counts[c]++
		}
		for i, l := range pc.Levels {
			if pc.Other && i == len(pc.Levels)-1 {
				continue
			}
			if counts[l] < data.MinGroup {
				t.Errorf("%s: %s level %q seen %d times", name, pc.Name, l, counts[l])
			}
		}
	case data.Numeric:
		var values []float64
		for _, c := range cells {
			if v, err := parseNumber(c); err == nil {
				values = append(values, v)
			}
		}
		slices.Sort(values)
		k, n := data.MinGroup, len(values)
		// The mean of the 10th to 19th smallest and of the 10th to 19th
		// largest (both files have far more than 3·10 − 2 values).
		lo, hi := average(values[k-1:2*k-1]), average(values[n-2*k+1:n-k+1])
		near := func(got, want float64) bool { return math.Abs(got-want) <= 1e-12*max(1, math.Abs(want)) }
		atOrBelow := len(slices.DeleteFunc(slices.Clone(values), func(v float64) bool { return v > pc.Min }))
		atOrAbove := len(slices.DeleteFunc(slices.Clone(values), func(v float64) bool { return v < pc.Max }))
		if !near(pc.Min, lo) || !near(pc.Max, hi) || atOrBelow < k || atOrAbove < k || !pc.Clip {
			t.Errorf("%s: %s range [%v, %v] (clip %v, %d and %d values beyond), want the means of the 10th to 19th values [%v, %v]",
				name, pc.Name, pc.Min, pc.Max, pc.Clip, atOrBelow, atOrAbove, lo, hi)
			return
		}
		lo, hi = pc.Min, pc.Max
		// log(1+v) is decided on the lower bound, never on one value.
		if wantLog := opts.Log1p && opts.Scale != data.ScaleNone && lo >= 0; pc.Log != wantLog {
			t.Errorf("%s: %s log %v with lower bound %v, want %v", name, pc.Name, pc.Log, lo, wantLog)
		}
		fill, centre, spread := clippedAggregates(opts, pc.Log, values, len(cells)-n, lo, hi)
		for _, c := range []struct {
			what      string
			got, want float64
		}{{"fill", pc.Fill, fill}, {"centre", pc.Center, centre}, {"spread", pc.Scale, spread}} {
			if math.Abs(c.got-c.want) > 1e-9*max(1, math.Abs(c.want)) {
				t.Errorf("%s: %s %s %v, want the aggregate %v", name, pc.Name, c.what, c.got, c.want)
			}
		}
	}
}

// clippedAggregates works out a numeric column's fill, centre and spread
// from its sorted present values (and the number of missing ones) clipped
// to [lo, hi], as the privacy pipeline defines them.
func clippedAggregates(opts data.PipelineOptions, log bool, sorted []float64, missing int, lo, hi float64) (fill, centre, spread float64) {
	clipped := make([]float64, len(sorted))
	for i, v := range sorted {
		clipped[i] = min(max(v, lo), hi)
	}
	fill = window10(clipped, 0.5)
	if opts.Impute == data.ImputeMean {
		fill = average(clipped)
	}
	if opts.Scale == data.ScaleNone {
		return fill, 0, 1
	}
	col := slices.Clone(clipped)
	for range missing {
		col = append(col, fill)
	}
	if log {
		for i, v := range col {
			col[i] = math.Log1p(v)
		}
		lo, hi = math.Log1p(lo), math.Log1p(hi)
	}
	slices.Sort(col)
	switch opts.Scale {
	case data.ScaleMinMax:
		centre, spread = lo, hi-lo
	case data.ScaleZScore:
		centre = average(col)
		var ss float64
		for _, v := range col {
			ss += (v - centre) * (v - centre)
		}
		spread = math.Sqrt(ss / float64(len(col)))
	case data.ScaleRobust:
		centre, spread = window10(col, 0.5), window10(col, 0.75)-window10(col, 0.25)
		if spread == 0 {
			spread = hi - lo
		}
	}
	if lo == hi {
		centre, spread = lo, 1
	}
	return fill, centre, spread
}

// window10 is the mean of the 10 sorted values around numpy's position
// q·(n−1) of a quantile (starting 4.5 before it, rounded half up).
func window10(sorted []float64, q float64) float64 {
	start := int(math.Floor(q*float64(len(sorted)-1) - 4))
	start = min(max(start, 0), len(sorted)-10)
	return average(sorted[start : start+10])
}

func average(xs []float64) float64 {
	var s float64
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

func findColumn(b *experiment.Bundle, name string) *data.PipelineColumn {
	for i := range b.Pipeline.Columns {
		if b.Pipeline.Columns[i].Name == name {
			return &b.Pipeline.Columns[i]
		}
	}
	return &data.PipelineColumn{}
}

func parseNumber(s string) (float64, error) {
	var v float64
	_, err := fmt.Sscan(strings.TrimSpace(s), &v)
	if err == nil && (math.IsNaN(v) || math.IsInf(v, 0)) {
		err = errors.New("not finite")
	}
	return v, err
}

// trainingColumns reads a CSV into its columns by header name, without
// the rows that exactly repeat an earlier one (as train drops them).
func trainingColumns(t *testing.T, path string) map[string][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	cols := map[string][]string{}
	seen := map[string]bool{}
	for _, r := range recs[1:] {
		key := strings.Join(r, "\x00")
		if seen[key] {
			continue
		}
		seen[key] = true
		for j, h := range recs[0] {
			cols[h] = append(cols[h], r[j])
		}
	}
	return cols
}

// TestTrainRefusesSmallTables: a model file of fewer than 10 customers is
// refused before training as bad input (exit 2; it was 1), and a column
// with fewer than 10 values too, and a numeric one with fewer than 28 (data.MinNumeric: 3·10−2, the fewest whose
// two bounds can each be the mean of 10 values).
func TestTrainRefusesSmallTables(t *testing.T) {
	small := writeFile(t, "small.csv", "x,y\n1,yes\n2,no\n3,yes\n4,no\n5,yes\n6,no\n")
	c := newCLI(t)
	out := filepath.Join(t.TempDir(), "m.json")
	code := c.run(context.Background(), "train", "--data", small, "--epochs", "1", "--out", out)
	// Six rows, three per class: the 10 % validation share rounds to none.
	want := "retain: the pipeline was fitted on 6 training rows; a model file holds no statistic of fewer than 10 customers; no model can be written with --out\n"
	if code != exitUsage || c.stderr.String() != want {
		t.Errorf("exit %d, stderr %q\nwant %q", code, c.stderr.String(), want)
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a model file was written: %v", err)
	}
	var b strings.Builder
	b.WriteString("x,rare,half,y\n")
	for i := range 40 {
		rare, half := "", ""
		if i < 5 {
			rare = fmt.Sprint(i)
		}
		if i < 24 { // about 22 of them in the 36 training rows: over 10, under 28
			half = fmt.Sprint(i * 3)
		}
		fmt.Fprintf(&b, "%d,%s,%s,%s\n", i, rare, half, []string{"no", "yes"}[i%2])
	}
	c = newCLI(t)
	code = c.run(context.Background(), "train", "--data", writeFile(t, "rare.csv", b.String()), "--epochs", "1", "--out", out)
	if code != exitUsage || !strings.Contains(c.stderr.String(), `"rare" (`) || !strings.Contains(c.stderr.String(), `"half" (`) ||
		!strings.Contains(c.stderr.String(), "too few present training values (at least 28 for a numeric column, 10 for a yes/no one)") {
		t.Errorf("a mostly blank column: exit %d, stderr %q", code, c.stderr.String())
	}
}

// A count fewer than 10 customers have above 0 reaches the model as one
// number (its privacy bounds are both 0): train says so on stderr, naming
// the column, and still trains.
func TestTrainNotesAConstantColumn(t *testing.T) {
	var b strings.Builder
	b.WriteString("x,returns,y\n")
	for i := range 60 {
		returns := 0
		if i < 6 {
			returns = 2 + i
		}
		fmt.Fprintf(&b, "%d,%d,%s\n", i%25, returns, []string{"no", "yes"}[i%2])
	}
	c := newCLI(t)
	code := c.run(context.Background(), "train", "--data", writeFile(t, "returns.csv", b.String()), "--epochs", "1")
	want := `note: column "returns": its privacy bounds (means of the 10th to 19th smallest and largest training values) meet`
	if code != exitOK || !strings.Contains(c.stderr.String(), want) || strings.Contains(c.stderr.String(), `column "x": its privacy`) {
		t.Errorf("exit %d, stderr %q, want a note on returns only", code, c.stderr.String())
	}
}

var createdAt = regexp.MustCompile(`"created_at": "[^"]*"`)

// TestInspectGolden prints a hand-made table's model file in words
// (testdata/TestInspectGolden.golden; -update rewrites it).
func TestInspectGolden(t *testing.T) {
	engine.SetPortableKernels(true)
	t.Cleanup(func() { engine.SetPortableKernels(false) })
	// spend written as spreadsheets export money ("$10", "$10,000"): the
	// model records that its numbers were read without those marks.
	users := regexp.MustCompile(`(?m)^(u\d\d),(\d+),`).ReplaceAllStringFunc(handMadeUsers(), func(row string) string {
		user, spend, _ := strings.Cut(strings.TrimSuffix(row, ","), ",")
		if len(spend) > 3 {
			spend = spend[:len(spend)-3] + "," + spend[len(spend)-3:]
		}
		return fmt.Sprintf("%s,\"$%s\",", user, spend)
	})
	model := trainSmallModel(t, writeFile(t, "users.csv", users), "--calib", "0")
	raw, err := os.ReadFile(model)
	if err != nil {
		t.Fatal(err)
	}
	raw = createdAt.ReplaceAll(raw, []byte(`"created_at": "2026-12-01T00:00:00Z"`))
	fixed := filepath.Join(t.TempDir(), "model.json")
	if err := os.WriteFile(fixed, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	c := newCLI(t)
	if code := c.run(context.Background(), "inspect", "--model", fixed); code != exitOK {
		t.Fatalf("inspect: exit %d, stderr %q", code, c.stderr.String())
	}
	golden.RequireEqual(t, []byte(strings.ReplaceAll(c.stdout.String(), fixed, "model.json")))
}
