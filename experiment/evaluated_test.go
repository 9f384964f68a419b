package experiment

import (
	"context"
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/engine/metrics"
)

// backtestDays lists the order days (since 2024-01-01) of every customer
// of backtestLog, written out from its description rather than read back.
func backtestDays() map[string][]int {
	days := map[string][]int{}
	for i := range 20 {
		for d := 0; d <= 60; d += aStep(i) {
			days[fmt.Sprintf("a%02d", i)] = append(days[fmt.Sprintf("a%02d", i)], d)
		}
		days[fmt.Sprintf("b%02d", i)] = []int{i % 10}
	}
	for i := range 10 {
		for d := i % 3; d <= 15; d += 4 {
			days[fmt.Sprintf("d%02d", i)] = append(days[fmt.Sprintf("d%02d", i)], d)
		}
		days[fmt.Sprintf("c%02d", i)] = []int{35, 50}
	}
	return days
}

// cohortLabels is the cohort at day cutoff counted from backtestDays: every
// customer with an order on or before it, positive when one falls in the
// horizon days after it.
func cohortLabels(cutoff, horizon int) map[string]float64 {
	out := map[string]float64{}
	for id, ds := range backtestDays() {
		if slices.Min(ds) > cutoff {
			continue
		}
		out[id] = 0
		for _, d := range ds {
			if d > cutoff && d <= cutoff+horizon {
				out[id] = 1
			}
		}
	}
	return out
}

func TestEvaluatedIsTheCohortAtTheCutoff(t *testing.T) {
	d := loadedAt(t, "2024-02-20") // day 50
	cfg := schemeConfig()
	cfg.Validation = OutOfTime
	e, err := Prepare(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	v := e.Evaluated()
	if v == e || v != e.Evaluated() || v.Evaluated() != v || v.Trained() != e || v.Loaded() != d || v.TrainRows != nil {
		t.Fatalf("Evaluated of an out-of-time run: want one view of the loaded cohort, made once")
	}
	s, err := v.ScoreAll()
	if err != nil {
		t.Fatal(err)
	}
	want := cohortLabels(50, 10)
	got := map[string]float64{}
	for r := range s.Probabilities {
		got[s.ID(r)] = s.Labels[r]
		if s.Parts[r] != RowLater || s.Parts[r].Part() != LaterPart {
			t.Fatalf("row %d in part %v, want %v", r, s.Parts[r].Part(), LaterPart)
		}
	}
	if len(got) != 60 || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("evaluated customers and labels\n got %v\nwant %v", got, want)
	}
	// The trained experiment's own table is the cohort ten days earlier,
	// where the c customers (orders 02-05 and 02-20) are positive.
	early, err := e.ScoreAll()
	if err != nil {
		t.Fatal(err)
	}
	positives := 0
	for r := range early.Labels {
		if early.Labels[r] == 1 {
			positives++
		}
	}
	if positives != 30 {
		t.Fatalf("the training cohort has %d positives, want 30 (a and c)", positives)
	}
	// The view scores the rows Evaluate(LaterPart) measures, so its right
	// and wrong at a threshold add up to that confusion matrix.
	probs, labels, _, err := e.Scores(LaterPart)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(probs, s.Probabilities) || !slices.Equal(labels, s.Labels) {
		t.Fatal("the view's probabilities or labels differ from Scores(LaterPart)")
	}
	const th = 0.5
	rep, err := metrics.NewReport(probs, labels, nil, th)
	if err != nil {
		t.Fatal(err)
	}
	right := 0
	for r, p := range s.Probabilities {
		if (p >= th) == (s.Labels[r] == 1) {
			right++
		}
	}
	if c := rep.Confusion; float64(right) != c.TP+c.TN || float64(len(probs)-right) != c.FP+c.FN {
		t.Fatalf("%d right of %d, confusion %+v", right, len(probs), c)
	}
	// Axis ranges stay those of the training rows.
	col := e.Pipeline.Columns[0].Name
	lo, hi, _ := e.AxisRange(col)
	vlo, vhi, _ := v.AxisRange(col)
	if lo != vlo || hi != vhi {
		t.Errorf("axis range of %s: view %g…%g, run %g…%g", col, vlo, vhi, lo, hi)
	}
}

func TestEvaluatedOfRandomSplitIsItself(t *testing.T) {
	d := loadedAt(t, "2024-02-20")
	cfg := schemeConfig()
	cfg.Validation = RandomSplit
	e, err := Prepare(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if e.Evaluated() != e || e.Trained() != e {
		t.Fatal("a random split's evaluated experiment is not itself")
	}
}

// TestEvaluatedTakesTheTrainedCalibration checks that the out-of-time view
// and the current customers are scored with the calibration map fitted on
// the trained experiment's validation part, as Scores(LaterPart) is: the
// view's rows are where Evaluate measures ECE "after", so every screen
// that scores them (Users, Plan, the map, exports) shows those
// probabilities, not the network's own.
func TestEvaluatedTakesTheTrainedCalibration(t *testing.T) {
	d := loadedAt(t, "2024-02-20")
	cfg := schemeConfig()
	cfg.Validation = OutOfTime
	// Both classes enough to fit on; isotonic, as this small log's
	// validation part is too small for Platt scaling (plattTooFew).
	cfg.Calibration, cfg.CalibFrac, cfg.ValFrac = CalibIsotonic, 0, 0.4
	e, err := Prepare(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Trainer.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	cal, err := e.Calibration()
	if err != nil || cal == nil {
		t.Fatalf("trained run's calibration %v, %v: want an isotonic map", cal, err)
	}
	v := e.Evaluated()
	if got, err := v.Calibration(); got != cal || err != nil {
		t.Fatalf("view's calibration %p (%v), want the trained run's %p", got, err, cal)
	}
	if got := v.Explainer().Calibration; got != cal {
		t.Errorf("view's explainer calibrates with %p, want %p", got, cal)
	}
	s, probs := viewAndLaterScores(t, v, e)
	raw, labels, _, err := e.RawScores(LaterPart)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(probs, s.Probabilities) {
		t.Fatal("the view's probabilities differ from Scores(LaterPart)")
	}
	if slices.Equal(raw, s.Probabilities) {
		t.Fatal("the view's probabilities are the network's own: the map changed nothing")
	}
	ch, err := e.CheckCalibration(LaterPart)
	if err != nil {
		t.Fatal(err)
	}
	ece, err := metrics.ExpectedCalibrationError(s.Probabilities, labels)
	if err != nil {
		t.Fatal(err)
	}
	if ece != ch.ECEAfter || ece == ch.ECEBefore {
		t.Errorf("ECE of the view's probabilities %v, want Evaluate's after %v (before %v)", ece, ch.ECEAfter, ch.ECEBefore)
	}
	// The current customers take the same map, from the run or its view.
	c, err := v.Current()
	if err != nil {
		t.Fatal(err)
	}
	for _, from := range []*Experiment{e, v} {
		cur := from.OnCurrent(c)
		if got, _ := cur.Calibration(); got != cal {
			t.Fatalf("current customers' calibration %p, want %p", got, cal)
		}
		sc, err := cur.ScoreAll()
		if err != nil {
			t.Fatal(err)
		}
		x, err := cur.Row(0)
		if err != nil {
			t.Fatal(err)
		}
		p := make([]float64, 1)
		engine.NewPredictor(e.Net).PredictFlat(p, nil, x, 1)
		if want := cal.Apply(p[0]); math.Abs(sc.Probabilities[0]-want) > 1e-12 {
			t.Errorf("current customer 0: %v, want the calibrated %v (network %v)", sc.Probabilities[0], want, p[0])
		}
	}
}

// TestEvaluatedFollowsTheDecaySwitch checks that when the decay check puts
// its second network in place, the out-of-time view scores the customers
// at the cutoff with it, as Evaluate(LaterPart) does, and not with the
// first network it was made with.
func TestEvaluatedFollowsTheDecaySwitch(t *testing.T) {
	d := loadedAt(t, "2024-02-20")
	cfg := schemeConfig()
	cfg.Validation = OutOfTime
	prepared := func(seed uint64) *Experiment {
		c := cfg
		c.Seed = seed
		e, err := Prepare(d, c)
		if err != nil {
			t.Fatal(err)
		}
		if err := e.Trainer.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		return e
	}
	e, other := prepared(1), prepared(2)
	v := e.Evaluated()
	first, err := v.ScoreAll()
	if err != nil {
		t.Fatal(err)
	}
	e.ApplyDecay(&DecayOutcome{Check: DecayCheck{Switched: true}, net: other.Net, tr: other.Trainer, l2: 0.05})
	if v != e.Evaluated() || v.Net != e.Net || v.Trainer != e.Trainer || v.Decay != e.Decay || v.Config.Train.L2 != 0.05 {
		t.Fatal("the view kept the first network, trainer or decay after the switch")
	}
	s, probs := viewAndLaterScores(t, v, e)
	if !slices.Equal(probs, s.Probabilities) || slices.Equal(first.Probabilities, s.Probabilities) {
		t.Fatal("after the switch the view's probabilities are not Scores(LaterPart)'s")
	}
}

// viewAndLaterScores returns the scores of every row of v, e's out-of-time
// view, and e's probabilities on the later part (Scores(LaterPart)).
func viewAndLaterScores(t *testing.T, v, e *Experiment) (*TableScores, []float64) {
	t.Helper()
	s, err := v.ScoreAll()
	if err != nil {
		t.Fatal(err)
	}
	probs, _, _, err := e.Scores(LaterPart)
	if err != nil {
		t.Fatal(err)
	}
	return s, probs
}
