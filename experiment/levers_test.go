package experiment

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/engine/metrics"
)

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// leverExplainer is a logistic model over two columns: coupons (numeric,
// range 0 … 4, input coupons/4) and plan (basic or premium, one-hot):
// P(churn) = σ(−2·coupons/4 + basic − premium). Its baseline is 0 coupons
// on the basic plan (P = σ(1)).
func leverExplainer(t *testing.T) *Explainer {
	t.Helper()
	net, err := engine.FromParams(engine.Architecture{Inputs: 3, Outputs: 1, Loss: engine.BCE},
		[]float64{-2, 1, -1, 0})
	if err != nil {
		t.Fatal(err)
	}
	p := &data.Pipeline{Columns: []data.PipelineColumn{
		{Name: "coupons", Kind: data.Numeric, Center: 0, Scale: 4, Min: 0, Max: 4, First: 0, Width: 1},
		{Name: "plan", Kind: data.Categorical, Levels: []string{"basic", "premium"}, First: 1, Width: 2},
	}}
	return &Explainer{Net: net, Pipeline: p, Baseline: []float64{0, 1, 0}}
}

// A customer with 1 coupon on the basic plan: P(churn) = σ(−0.5 + 1) =
// σ(0.5) = 0.6225. Coupons are tried at 0 … 4 (a short whole range), at
// most a quarter of the range, 1 coupon, from the customer's
// (LeverMaxShare): 2 gives σ(−1 + 1) = σ(0) = 0.5 (4, σ(−1), is out of
// reach). Premium gives σ(−0.5 − 1) = σ(−1.5) = 0.1824, the larger move. Encouraging instead (raise P): 0 coupons,
// σ(1) = 0.7311. With the outcome the negative class (1 − P) and lowering
// it: 0 coupons, 1 − σ(1) = 0.2689 from 1 − σ(0.5) = 0.3775. A customer on
// 4 coupons and premium (σ(−3)) cannot be lowered: nil.
func TestBestLeversHandCalculation(t *testing.T) {
	x := leverExplainer(t)
	row := []float64{0.25, 1, 0}
	best := []float64{1, 0, 1}
	for _, c := range []struct {
		levers          []string
		positive, lower bool
		want            LeverMove
	}{
		{[]string{"coupons", "plan"}, true, true, LeverMove{"plan", "basic", "", "premium", sigmoid(0.5), sigmoid(-1.5)}},
		{[]string{"coupons"}, true, true, LeverMove{"coupons", "1", "", "2", sigmoid(0.5), sigmoid(0)}},
		{[]string{"coupons"}, true, false, LeverMove{"coupons", "1", "", "0", sigmoid(0.5), sigmoid(1)}},
		{[]string{"coupons", "plan"}, false, true, LeverMove{"coupons", "1", "", "0", 1 - sigmoid(0.5), 1 - sigmoid(1)}},
	} {
		got, err := x.BestLevers([][]float64{row, best}, c.levers, c.positive, c.lower, nil)
		if err != nil {
			t.Fatal(err)
		}
		g := got[0]
		if g == nil || g.Column != c.want.Column || g.From != c.want.From || g.To != c.want.To ||
			!near(g.Before, c.want.Before) || !near(g.After, c.want.After) {
			t.Errorf("%v positive %v lower %v: %+v, want %+v", c.levers, c.positive, c.lower, g, c.want)
		}
		if c.positive && c.lower && got[1] != nil {
			t.Errorf("the best-placed customer got %+v, want nil", got[1])
		}
	}
	m := LeverMove{"CouponUsed", "0", "", "2", 0.41, 0.28}
	if s := m.String("churn"); s != "CouponUsed 0 → 2: P(churn) 0.41 → 0.28" {
		t.Errorf("String() = %q", s)
	}
}

// A customer whose own value the model clipped (own says 9 where the model
// counts the bound 1) gets the same move (a step from the bound: 1 → 2,
// σ(0)), shown from their own value with
// the model's beside it; own is asked only for the column moved, and
// for the right row.
func TestBestLeversOwnValue(t *testing.T) {
	x := leverExplainer(t)
	var asked []string
	own := func(k int, pc *data.PipelineColumn) (string, bool) {
		asked = append(asked, fmt.Sprint(k, pc.Name))
		return "9", pc.Name == "coupons"
	}
	got, err := x.BestLevers([][]float64{{0.25, 1, 0}, {0.25, 1, 0}}, []string{"coupons"}, true, true, own)
	if err != nil {
		t.Fatal(err)
	}
	want := LeverMove{"coupons", "9", "1", "2", sigmoid(0.5), sigmoid(0)}
	for k, g := range got {
		if g == nil || g.Column != want.Column || g.From != want.From || g.Model != want.Model || g.To != want.To ||
			!near(g.Before, want.Before) || !near(g.After, want.After) {
			t.Errorf("row %d: %+v, want %+v", k, g, want)
		}
	}
	if !slices.Equal(asked, []string{"0coupons", "1coupons"}) {
		t.Errorf("own asked for %v, want row 0 and 1 of coupons", asked)
	}
	if s := want.String("churn"); s != "coupons 9 (model: 1) → 2: P(churn) 0.62 → 0.50" {
		t.Errorf("String() = %q", s)
	}
}

// With Platt scaling P = σ(−(A·logit(p) + B)), A = −0.5, B = 0, every
// probability is σ(z/2): the customer above goes from σ(0.25) = 0.5622 to
// σ(−0.75) = 0.3208 on the premium plan, both ends calibrated (the
// network's own σ(−1.5) must not be compared with a calibrated σ(0.25)).
func TestBestLeversCalibrated(t *testing.T) {
	x := leverExplainer(t)
	x.Calibration = &Calibration{Platt: &metrics.Platt{A: -0.5}}
	got, err := x.BestLevers([][]float64{{0.25, 1, 0}}, []string{"coupons", "plan"}, true, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := LeverMove{"plan", "basic", "", "premium", sigmoid(0.25), sigmoid(-0.75)}
	if g := got[0]; g == nil || g.Column != want.Column || g.To != want.To || !near(g.Before, want.Before) || !near(g.After, want.After) {
		t.Errorf("calibrated lever %+v, want %+v", g, want)
	}
}

// A lever limited to a direction is tried only that way. The customer on
// 1 coupon (P(churn) = σ(0.5)): to lower P, coupons:down may only try 0,
// which raises it to σ(1) — no move; coupons:up finds 2, σ(0), as both
// ways do (4 is beyond a step of a quarter of the range). To raise P, coupons:up (2, 3, 4 all lower it) finds nothing and
// coupons:down finds 0, σ(1). A customer on 4 coupons (the top) has no
// value above: coupons:up leaves them without a move.
func TestBestLeversDirection(t *testing.T) {
	x := leverExplainer(t)
	row, top := []float64{0.25, 1, 0}, []float64{1, 1, 0}
	for _, c := range []struct {
		lever string
		lower bool
		want  *LeverMove
	}{
		{"coupons:down", true, nil},
		{"coupons:up", true, &LeverMove{"coupons", "1", "", "2", sigmoid(0.5), sigmoid(0)}},
		{"coupons:UP", true, &LeverMove{"coupons", "1", "", "2", sigmoid(0.5), sigmoid(0)}},
		{"coupons:up", false, nil},
		{"coupons:down", false, &LeverMove{"coupons", "1", "", "0", sigmoid(0.5), sigmoid(1)}},
	} {
		got, err := x.BestLevers([][]float64{row, top}, []string{c.lever}, true, c.lower, nil)
		if err != nil {
			t.Fatal(err)
		}
		g := got[0]
		switch {
		case c.want == nil && g != nil:
			t.Errorf("%s lower %v: %+v, want no move", c.lever, c.lower, g)
		case c.want != nil && (g == nil || g.Column != c.want.Column || g.From != c.want.From || g.To != c.want.To ||
			!near(g.Before, c.want.Before) || !near(g.After, c.want.After)):
			t.Errorf("%s lower %v: %+v, want %+v", c.lever, c.lower, g, c.want)
		}
		if strings.HasSuffix(strings.ToLower(c.lever), ":up") && got[1] != nil {
			t.Errorf("%s: the customer at the top moved %+v", c.lever, got[1])
		}
	}
}

func TestCheckLevers(t *testing.T) {
	x := leverExplainer(t)
	got, err := CheckLevers(x.Pipeline, []string{"PLAN", " coupons", "plan"})
	if err != nil || !slices.Equal(got, []string{"plan", "coupons"}) {
		t.Errorf("got %v, %v", got, err)
	}
	_, err = CheckLevers(x.Pipeline, []string{"discount"})
	if !errors.Is(err, ErrUnknownColumn) ||
		err.Error() != `unknown column: lever "discount" is not a feature column of the model (its columns: coupons, plan)` {
		t.Errorf("err %v", err)
	}
	got, err = CheckLevers(x.Pipeline, []string{"Coupons:UP ", "plan", "coupons:up"})
	if err != nil || !slices.Equal(got, []string{"coupons:up", "plan"}) {
		t.Errorf("with a direction: %v, %v", got, err)
	}
	for _, c := range []struct {
		levers []string
		want   string
	}{
		{[]string{"plan:down"}, `lever "plan:down": plan is categorical, with levels and no up or down; give it without a direction`},
		{[]string{"coupons:up", "coupons:down"}, "lever coupons is given twice, as coupons:up and coupons:down: give it once"},
		{[]string{"coupons", "coupons:down"}, "lever coupons is given twice, as coupons and coupons:down: give it once"},
		{[]string{"coupons:sideways"}, `unknown column: lever "coupons:sideways" is not a feature column of the model (its columns: coupons, plan)`},
	} {
		if _, err := CheckLevers(x.Pipeline, c.levers); err == nil || err.Error() != c.want {
			t.Errorf("%v: %v\nwant %s", c.levers, err, c.want)
		}
	}
}

// With rows that differ from the baseline only in coupons, the plan column
// gets no attribution and coupons gets all of P − P(baseline) (integrated
// gradients are complete). Members 0 … 9 have coupons i mod 5; a sample of
// 5 takes members 0 2 4 6 8, coupons 0 2 4 1 3: P = σ(1), σ(0), σ(−1),
// σ(0.5), σ(−0.5), which sum to 2.5 (σ(a) + σ(−a) = 1), so the mean
// attribution is 0.5 − σ(1).
func TestDriversHandCalculation(t *testing.T) {
	x := leverExplainer(t)
	rows := func(i int) []float64 { return []float64{float64(i%5) / 4, 1, 0} }
	members := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	d, err := x.Drivers(rows, members, 5, true)
	if err != nil {
		t.Fatal(err)
	}
	base := sigmoid(1)
	wantAbs := 0.0
	for _, z := range []float64{1, 0, -1, 0.5, -0.5} {
		wantAbs += math.Abs(sigmoid(z)-base) / 5
	}
	if len(d) != 2 || d[0].Column != "coupons" || math.Abs(d[0].Mean-(0.5-base)) > 1e-4 ||
		math.Abs(d[0].MeanAbs-wantAbs) > 1e-4 || d[1].Column != "plan" || math.Abs(d[1].MeanAbs) > 1e-9 {
		t.Errorf("drivers %+v, want coupons mean %.4f, |mean| %.4f, then plan 0", d, 0.5-base, wantAbs)
	}
	// The negative class as the outcome flips the sign.
	neg, err := x.Drivers(rows, members, 5, false)
	if err != nil {
		t.Fatal(err)
	}
	if !near(neg[0].Mean, -d[0].Mean) || !near(neg[0].MeanAbs, d[0].MeanAbs) {
		t.Errorf("negative outcome %+v, want the opposite of %+v", neg[0], d[0])
	}
}

// Every segment the segmenters can name has both suggestions, and the
// codes keep their English names for the CLI's reports. A customer the
// plan leaves out is not paid to contact, and every not-contacted wording
// says so first: "renewal offer; talk to them" read like a paid contact
// for the Can't lose them customers the plan left out.
func TestSuggestedActionCoversEverySegment(t *testing.T) {
	names := append(slices.Clone(RFMSegmentNames), SegHighValue, SegMediumValue, SegLowValue, SegAll)
	for _, name := range names {
		contact, rest := SuggestedAction(name, true).String(), SuggestedAction(name, false).String()
		if name.String() == "" || contact == "" || rest == "" || contact == rest {
			t.Errorf("%v: contacted %q, not contacted %q", name, contact, rest)
		}
		if rest != "no paid contact" && !strings.HasPrefix(rest, "no paid contact; ") {
			t.Errorf("%v: not contacted %q does not say there is no paid contact", name, rest)
		}
	}
	if got := SuggestedAction(SegCantLose, true).String(); got != "personal call or account manager; best offer" {
		t.Errorf("Can't lose them, contacted: %q", got)
	}
	if got := SuggestedAction(Segment(0), true).String(); got != "" {
		t.Errorf("no segment: %q", got)
	}
	// A cell whose customers are all left out has no contact action, and
	// the JSON leaves it out.
	rest := SuggestedAction(SegCantLose, false)
	text, err := json.Marshal(SegmentAction{PlanSegment: PlanSegment{Cell: Cell{Segment: SegCantLose, Customers: 3}, Others: &rest}})
	if want := `{"segment":"Can't lose them","customers":3,"share":0,"high_p":0,"mean_probability":0,"value":0,"value_in_play":0,` +
		`"contacted":0,"action_not_contacted":"no paid contact; usual programme, watch closely","drivers":null}`; err != nil || string(text) != want {
		t.Errorf("JSON %s, %v; want %s", text, err, want)
	}
}

// TestLeverCandidatesOfWholeColumns: a count's k-anonymous bounds are
// means of 10 values (0.3 … 27.4), so its levers were suggested at
// fractions ("cart_adds_30d → 2.025"). A column of whole numbers is now
// tried at whole numbers: 1 … 27 is 26 steps, more than LeverSteps, so the
// 21 evenly spaced values 1 + 26k/20 are rounded: 1, 2 (2.3), 4 (3.6), 5
// (4.9), 6 (6.2), 8 (7.5), 9 (8.8), 10 (10.1), 11 (11.4), 13 (12.7), 14,
// 15 (15.3), 17 (16.6), 18 (17.9), 19 (19.2), 21 (20.5), 22 (21.8), 23
// (23.1), 24 (24.4), 26 (25.7), 27. A range of 2.2 … 6.6 is 3 … 6. A
// column that is not whole keeps the 21 evenly spaced values.
func TestLeverCandidatesOfWholeColumns(t *testing.T) {
	x := leverExplainer(t)
	pc := &x.Pipeline.Columns[0]
	pc.Whole, pc.Min, pc.Max = true, 0.3, 27.4
	c, err := x.candidates("coupons")
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{1, 2, 4, 5, 6, 8, 9, 10, 11, 13, 14, 15, 17, 18, 19, 21, 22, 23, 24, 26, 27}
	if !slices.Equal(c.values, want) {
		t.Errorf("0.3 … 27.4: %v, want %v", c.values, want)
	}
	pc.Min, pc.Max = 2.2, 6.6
	if c, _ = x.candidates("coupons"); !slices.Equal(c.values, []float64{3, 4, 5, 6}) {
		t.Errorf("2.2 … 6.6: %v, want [3 4 5 6]", c.values)
	}
	pc.Whole = false
	if c, _ = x.candidates("coupons"); len(c.values) != LeverSteps+1 || c.values[1] != 2.2+4.4/20 {
		t.Errorf("not whole: %v", c.values)
	}
}

// TestLeversThatBarelyMoveAreNotSuggested: a lever whose best value moves
// the probability by less than MinLeverGain read "0.90 → 0.90". With the
// coupons' weight −2 scaled down to −0.001 per input unit, 1 → 4 coupons
// moves σ(0.5 − …) by under 0.0002: no suggestion.
func TestLeversThatBarelyMoveAreNotSuggested(t *testing.T) {
	x := leverExplainer(t)
	net, err := engine.FromParams(engine.Architecture{Inputs: 3, Outputs: 1, Loss: engine.BCE},
		[]float64{-0.001, 1, -1, 0})
	if err != nil {
		t.Fatal(err)
	}
	x.Net = net
	got, err := x.BestLevers([][]float64{{0.25, 1, 0}}, []string{"coupons"}, true, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got[0] != nil {
		t.Errorf("suggested %+v (a change of %.5f)", *got[0], got[0].After-got[0].Before)
	}
}

// A date column's candidates are dates, written as dates (they were day
// numbers: "signup_date 2023-12-26 → 19723"): days 19720 … 19723 are
// 2023-12-29 … 2024-01-01.
func TestLeverCandidatesOfDates(t *testing.T) {
	x := leverExplainer(t)
	pc := &x.Pipeline.Columns[0]
	pc.Date, pc.Whole, pc.Min, pc.Max = true, true, 19719.6, 19723.1
	c, err := x.candidates("coupons")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"2023-12-29", "2023-12-30", "2023-12-31", "2024-01-01"}; !slices.Equal(c.labels, want) {
		t.Errorf("labels %v, want %v", c.labels, want)
	}
}

// A column whose name ends in ":up" is a lever both ways under its own
// name, and up only as "Hours:up:up"; a blank value (the indicator on)
// takes any value within a step (a quarter of the range, 1 hour, from the
// fill) whatever the direction, as it is neither below nor above one.
func TestLeverNamesWithColonsAndBlanks(t *testing.T) {
	net, err := engine.FromParams(engine.Architecture{Inputs: 2, Outputs: 1, Loss: engine.BCE}, []float64{-2, 0, 0})
	if err != nil {
		t.Fatal(err)
	}
	p := &data.Pipeline{Columns: []data.PipelineColumn{
		{Name: "Hours:up", Kind: data.Numeric, Center: 0, Scale: 4, Min: 0, Max: 4, First: 0, Width: 2, Indicator: true, Fill: 2},
	}}
	got, err := CheckLevers(p, []string{"hours:UP"})
	if err != nil || !slices.Equal(got, []string{"Hours:up"}) {
		t.Fatalf("the column's own name: %v, %v", got, err)
	}
	if got, err = CheckLevers(p, []string{"Hours:up:down"}); err != nil || !slices.Equal(got, []string{"Hours:up:down"}) {
		t.Fatalf("its name with a direction: %v, %v", got, err)
	}
	x := &Explainer{Net: net, Pipeline: p, Baseline: []float64{0, 0}}
	// P = σ(−2·hours/4): lowering P means raising hours. The row holds 2
	// hours; the blank row holds the fill (2) with the indicator on.
	rows := [][]float64{{0.5, 0}, {0.5, 1}}
	for _, c := range []struct {
		lever       string
		want, want2 string // To of each row ("": no move)
	}{
		{"Hours:up", "3", "3"},
		{"Hours:up:down", "", "3"},
	} {
		moves, err := x.BestLevers(rows, []string{c.lever}, true, true, nil)
		if err != nil {
			t.Fatal(err)
		}
		for k, want := range []string{c.want, c.want2} {
			got := ""
			if moves[k] != nil {
				got = moves[k].To
			}
			if got != want {
				t.Errorf("%s, row %d: moved to %q, want %q", c.lever, k, got, want)
			}
		}
	}
}

// A numeric lever moves at most a quarter of its range as the model
// measures it (LeverMaxShare; review 33, 3: "distinct_items 1 → 387"). A
// log column of whole numbers, 1 … 387, with P(churn) = σ(−log(1+v)): the
// customer on 1 has P σ(−ln 2) = 1/3, and every step up lowers it. The
// candidates are evenly spaced in log(1+v), ln 2 … ln 388; the largest
// move is a quarter of ln 388 − ln 2 = 1.3170, up to log(1+v) = 2.0101,
// v = 6.46: the candidate there rounds to 6 (ln 7 − ln 2 = 1.2528, within
// it), the next to 9 (ln 10 − ln 2 = 1.6094, beyond). So 1 → 6, P 1/3 →
// σ(−ln 7) = 1/8; without the cap it was 387, P 1/389. A customer on 100
// with the lever down (raising P, to encourage the outcome) is capped
// alike: to at least e^(ln 101 − 1.3170) − 1 = 26.06, the candidate
// e^(ln 2 + 10 × 0.26339) − 1 = 26.86 → 27 (ln 28 = 3.3322 ≥ 3.2981; the
// one below, 20, is beyond), P 1/102 → 1/29, as P = 1/(2 + v) (without
// the cap, 1: 1/3).
func TestLeverStepIsCapped(t *testing.T) {
	net, err := engine.FromParams(engine.Architecture{Inputs: 1, Outputs: 1, Loss: engine.BCE}, []float64{-1, 0})
	if err != nil {
		t.Fatal(err)
	}
	p := &data.Pipeline{Columns: []data.PipelineColumn{
		{Name: "distinct_items", Kind: data.Numeric, Log: true, Whole: true, Clip: true, Center: 0, Scale: 1,
			Min: 1, Max: 387, First: 0, Width: 1},
	}}
	x := &Explainer{Net: net, Pipeline: p, Baseline: []float64{0}}
	rows := [][]float64{{math.Log(2)}, {math.Log(101)}}
	lower, err := x.BestLevers(rows[:1], []string{"distinct_items"}, true, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	if g := lower[0]; g == nil || g.From != "1" || g.To != "6" || !near(g.Before, 1.0/3) || !near(g.After, 1.0/8) {
		t.Errorf("lowering P from 1 item: %+v, want 1 → 6, 1/3 → 1/8", g)
	}
	raise, err := x.BestLevers(rows[1:], []string{"distinct_items"}, true, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	if g := raise[0]; g == nil || g.To != "27" || !near(g.Before, 1.0/102) || !near(g.After, 1.0/29) {
		t.Errorf("raising P from 100 items: %+v, want 100 → 27, P 1/102 → 1/29", g)
	}
}
