package experiment

import (
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/internal/shareddata"
)

// Expected quintiles from pandas 1.5.3, n = len(s):
// list(pd.cut(s.rank(method="min"), [1 + j*(n-1)/5 for j in range(6)],
// labels=False, include_lowest=True) + 1).
func TestQuintilesMatchPandasOnMinRanks(t *testing.T) {
	for _, c := range []struct {
		values []float64
		want   []int
	}{
		// Min-ranks 5 1 3 3 7 6 1; edges 1 + j·6/5 = 2.2, 3.4, 4.6, 5.8, 7:
		// the two 2s share rank 3 and quintile 2, the two 1s quintile 1.
		{[]float64{3, 1, 2, 2, 5, 4, 1}, []int{4, 1, 2, 2, 5, 5, 1}},
		{[]float64{10, 20}, []int{1, 5}},
		{[]float64{1, 2, 3, 4, 5, 6}, []int{1, 1, 2, 3, 4, 5}},
		{[]float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, []int{1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5}},
		// Four one-time buyers of ten share F 1 (with first-ranks they
		// were 1, 1, 2, 2); the two 2s share rank 5 and quintile 3.
		{[]float64{1, 1, 1, 1, 2, 2, 3, 4, 5, 6}, []int{1, 1, 1, 1, 3, 3, 4, 4, 5, 5}},
	} {
		if got := Quintiles(c.values); !slices.Equal(got, c.want) {
			t.Errorf("Quintiles(%v) = %v, want %v", c.values, got, c.want)
		}
	}
}

// The grid's corners and a few cells, read off the table in segments.go.
func TestRFMSegmentGrid(t *testing.T) {
	for _, c := range []struct {
		r, fm int
		want  Segment
	}{
		{5, 5, SegChampions}, {5, 1, SegNew}, {4, 1, SegPromising}, {3, 3, SegNeedAttention},
		{3, 1, SegAboutToSleep}, {3, 4, SegLoyal}, {5, 2, SegPotentialLoyalist}, {2, 4, SegAtRisk},
		{1, 5, SegCantLose}, {2, 2, SegHibernating}, {1, 2, SegHibernating}, {1, 1, SegLost},
	} {
		if got := RFMSegment(c.r, c.fm); got != c.want {
			t.Errorf("RFMSegment(%d, %d) = %v, want %v", c.r, c.fm, got, c.want)
		}
	}
	seen := map[Segment]bool{}
	for r := 1; r <= 5; r++ {
		for fm := 1; fm <= 5; fm++ {
			seen[RFMSegment(r, fm)] = true
		}
	}
	if len(seen) != len(RFMSegmentNames) {
		t.Errorf("the grid names %d segments, want %d", len(seen), len(RFMSegmentNames))
	}
}

// Every CDNOW master customer at cutoff 1997-09-30 gets the scores and the
// segment testdata/rfm/rfm.py computes with pandas.
func TestRFMMatchesPandasCDNOW(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "..", "shared", "datasets", "cdnow", "CDNOW_master.txt"))
	if err != nil {
		shareddata.Missing(t, filepath.Join("..", "..", "shared", "datasets", "cdnow", "CDNOW_master.txt"), err)
	}
	defer f.Close()
	log, err := data.ReadOrderLog(f, "CDNOW_master.txt", data.LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tab, _, err := data.BuildCurrent(log, time.Date(1997, 9, 30, 0, 0, 0, 0, time.UTC), data.CohortOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ids := tab.IDs()
	scores, err := RFMScores(tab.Column("recency_days").Values, tab.Column("frequency").Values,
		tab.Column("monetary_total").Values)
	if err != nil {
		t.Fatal(err)
	}
	rf, err := os.Open(filepath.Join(rfmReference(t), "cdnow_master.rfm.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer rf.Close()
	recs, err := csv.NewReader(rf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	recs = recs[1:]
	if len(recs) != len(scores) {
		t.Fatalf("%d customers, pandas has %d", len(scores), len(recs))
	}
	bad := 0
	for i, rec := range recs {
		s := scores[i]
		got := []string{ids[i], strconv.Itoa(s.R), strconv.Itoa(s.F), strconv.Itoa(s.M), strconv.Itoa(s.FM), s.Segment.String()}
		if !slices.Equal(got, rec) {
			if bad++; bad <= 5 {
				t.Errorf("row %d: got %v, pandas %v", i+1, got, rec)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d customers differ from pandas", bad, len(recs))
	}
}

// Ten customers. Probabilities 0.9 0.8 0.1 0.2 0.5 0.3 0.05 0.4 0.6 0.7:
// ranked, 0.9 and 0.8 are the top 20 % (High), 0.7 0.6 0.5 the next 30 %
// (Medium). Values 100 10 10 10 10 10 10 10 50 20: 100 and 50 are High
// value, 20 and the first two 10s (rows 1 and 2, ties in row order) Medium,
// the rest Low.
//
//	segment       rows       customers  high risk  mean p          value  in play (prevent)
//	High value    0 8        2          1          (.9+.6)/2=.75   150    90+30 = 120
//	Medium value  1 2 9      3          1          1.6/3           40     8+1+14 = 23
//	Low value     3 4 5 6 7  5          0          1.45/5=.29      50     2+5+3+.5+4 = 14.5
func TestValueSegmentCells(t *testing.T) {
	probs := []float64{0.9, 0.8, 0.1, 0.2, 0.5, 0.3, 0.05, 0.4, 0.6, 0.7}
	values := []float64{100, 10, 10, 10, 10, 10, 10, 10, 50, 20}
	s, err := ValueSegments(probs, values)
	if err != nil {
		t.Fatal(err)
	}
	wantRisk := []Level{High, High, Low, Low, Medium, Low, Low, Low, Medium, Medium}
	if !slices.Equal(s.Risk, wantRisk) {
		t.Errorf("risk %v, want %v", s.Risk, wantRisk)
	}
	cells := s.Cells(probs, values, Prevent, false)
	want := []Cell{
		{Segment: SegHighValue, Customers: 2, Share: 0.2, HighRisk: 1, MeanProb: 0.75, Value: 150, ValueInPlay: 120, Members: []int{0, 8}},
		{Segment: SegMediumValue, Customers: 3, Share: 0.3, HighRisk: 1, MeanProb: 1.6 / 3, Value: 40, ValueInPlay: 23, Members: []int{1, 2, 9}},
		{Segment: SegLowValue, Customers: 5, Share: 0.5, HighRisk: 0, MeanProb: 0.29, Value: 50, ValueInPlay: 14.5, Members: []int{3, 4, 5, 6, 7}},
	}
	if len(cells) != len(want) {
		t.Fatalf("%d cells, want %d: %+v", len(cells), len(want), cells)
	}
	for i, w := range want {
		c := cells[i]
		if c.Segment != w.Segment || c.Customers != w.Customers || !near(c.Share, w.Share) || c.HighRisk != w.HighRisk ||
			!near(c.MeanProb, w.MeanProb) || !near(c.Value, w.Value) || !near(c.ValueInPlay, w.ValueInPlay) ||
			!slices.Equal(c.Members, w.Members) || c.Risk != nil {
			t.Errorf("cell %d = %+v, want %+v", i, c, w)
		}
	}
	// By risk: High value × High {0} 90, × Medium {8} 30; Medium value ×
	// High {1} 8, × Medium {9} 14, × Low {2} 1; Low value × Medium {4} 5,
	// × Low {3 5 6 7} 9.5.
	byRisk := s.Cells(probs, values, Prevent, true)
	type row struct {
		seg   Segment
		risk  Level
		n     int
		stake float64
	}
	wantRisk2 := []row{{SegHighValue, High, 1, 90}, {SegHighValue, Medium, 1, 30}, {SegMediumValue, High, 1, 8},
		{SegMediumValue, Medium, 1, 14}, {SegMediumValue, Low, 1, 1}, {SegLowValue, Medium, 1, 5}, {SegLowValue, Low, 4, 9.5}}
	if len(byRisk) != len(wantRisk2) {
		t.Fatalf("%d cells by risk, want %d", len(byRisk), len(wantRisk2))
	}
	for i, w := range wantRisk2 {
		c := byRisk[i]
		if c.Segment != w.seg || c.Risk == nil || *c.Risk != w.risk || c.Customers != w.n || !near(c.ValueInPlay, w.stake) {
			t.Errorf("cell %d = %+v (risk %v), want %+v", i, c, c.Risk, w)
		}
	}
	// Encouraging the outcome, a contact can change only the customers who
	// would not have it: Σ (1 − p)·v, by hand from the table above —
	// High value .1·100 + .4·50 = 30; Medium value .2·10 + .9·10 + .3·20
	// = 17; Low value (.8 + .5 + .7 + .95 + .6)·10 = 35.5. The least
	// likely segment now has the most in play, where preventing it had
	// the least (review 33, 3b).
	for i, want := range []float64{30, 17, 35.5} {
		if c := s.Cells(probs, values, Encourage, false)[i]; !near(c.ValueInPlay, want) || !near(c.MeanProb, cells[i].MeanProb) {
			t.Errorf("encourage: cell %d in play %g, mean P %g, want %g and %g", i, c.ValueInPlay, c.MeanProb, want, cells[i].MeanProb)
		}
	}
	// Equal values (or none): one segment.
	for _, v := range [][]float64{nil, {3, 3, 3, 3, 3, 3, 3, 3, 3, 3}} {
		s, err := ValueSegments(probs, v)
		if err != nil || !slices.Equal(s.Order, []Segment{SegAll}) || s.Names[4] != SegAll {
			t.Errorf("values %v: %v, %+v", v, err, s)
		}
	}
}

// rfmReference runs the pandas references (testdata/orderlog_features/
// features.py, then testdata/rfm/rfm.py) into a temporary folder and
// returns it; the outputs are too large to commit. It skips, saying why,
// without pandas.
func rfmReference(t *testing.T) string {
	t.Helper()
	py := "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import pandas").Run(); err != nil {
		t.Skip("the pandas reference needs /usr/bin/python3 with pandas (apt-get install -y python3-pandas)")
	}
	dir := t.TempDir()
	env := append(os.Environ(), "RETAIN_REF_OUT="+dir, "RETAIN_OR_CSV="+filepath.Join(dir, "absent.csv"))
	for _, script := range []string{"orderlog_features/features.py", "rfm/rfm.py"} {
		cmd := exec.Command(py, filepath.Join("..", "testdata", script))
		cmd.Env = env
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v: %s", script, err, out)
		}
	}
	return dir
}
