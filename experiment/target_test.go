package experiment

import (
	"math"
	"slices"
	"testing"

	"github.com/retainlab/retain/data"
)

var (
	churnLabel   = data.LabelSpec{Name: "Churn", Positive: "Yes", Negative: "No"}
	revenueLabel = data.LabelSpec{Name: "Revenue", Positive: "True", Negative: "False"}
	ordersLabel  = data.LabelSpec{Name: "orders_again_90d", Positive: "yes", Negative: "no"}
)

func TestDefaultTargetFromTheLabelName(t *testing.T) {
	cases := []struct {
		label data.LabelSpec
		want  string
	}{
		{churnLabel, `prevent "Churn = Yes"`},
		{revenueLabel, `encourage "Revenue = True"`},
		{ordersLabel, `encourage "orders_again_90d = yes"`},
		{data.LabelSpec{Name: "y", Positive: "1", Negative: "0"}, `prevent "y = 1"`},
		{data.LabelSpec{Name: "cancelled_order", Positive: "1", Negative: "0"}, `prevent "cancelled_order = 1"`},
		// Chinese names: "whether purchased", "whether churned".
		{data.LabelSpec{Name: "是否购买", Positive: "是", Negative: "否"}, `encourage "是否购买 = 是"`},
		{data.LabelSpec{Name: "是否流失", Positive: "是", Negative: "否"}, `prevent "是否流失 = 是"`},
	}
	for _, c := range cases {
		got := DefaultTarget(c.label)
		if got.String() != c.want || !got.OnPositive || !got.Guessed {
			t.Errorf("DefaultTarget(%s) = %s (on positive %v, guessed %v), want %s on the positive class, guessed",
				c.label.Name, got, got.OnPositive, got.Guessed, c.want)
		}
	}
}

func TestParseTarget(t *testing.T) {
	cases := []struct {
		label      data.LabelSpec
		in, want   string
		onPositive bool
		flag       string
	}{
		{churnLabel, "prevent", `prevent "Churn = Yes"`, true, "prevent"},
		{churnLabel, "encourage", `encourage "Churn = No"`, false, "encourage"},
		{revenueLabel, "encourage", `encourage "Revenue = True"`, true, "encourage"},
		{revenueLabel, " Prevent ", `prevent "Revenue = False"`, false, "prevent"},
		{ordersLabel, "prevent", `prevent "orders_again_90d = no"`, false, "prevent"},
		{data.LabelSpec{Name: "y", Positive: "1", Negative: "0"}, "encourage:1", `encourage "y = 1"`, true, "encourage:1"},
		{churnLabel, "prevent:Yes", `prevent "Churn = Yes"`, true, "prevent"},
		// Any case, as the label's cells are read.
		{churnLabel, "prevent:yes", `prevent "Churn = Yes"`, true, "prevent"},
		{churnLabel, "encourage:NO", `encourage "Churn = No"`, false, "encourage"},
	}
	for _, c := range cases {
		got, err := ParseTarget(c.in, c.label)
		if err != nil {
			t.Fatalf("ParseTarget(%q): %v", c.in, err)
		}
		if got.String() != c.want || got.OnPositive != c.onPositive || got.Guessed || got.Flag() != c.flag {
			t.Errorf("ParseTarget(%q) = %s (on positive %v, guessed %v, flag %q), want %s (on positive %v, flag %q)",
				c.in, got, got.OnPositive, got.Guessed, got.Flag(), c.want, c.onPositive, c.flag)
		}
		back, err := ParseTarget(got.Flag(), c.label)
		if err != nil || back != got {
			t.Errorf("ParseTarget(%q).Flag() = %q reads back as %s, %v", c.in, got.Flag(), back, err)
		}
	}
	bad := map[string]string{
		"":              `--target "": want prevent or encourage (optionally :CLASS, one of "Yes" and "No")`,
		"retain":        `--target "retain": want prevent or encourage (optionally :CLASS, one of "Yes" and "No")`,
		"prevent:maybe": `--target "prevent:maybe": "maybe" is not a class of the label Churn (want "Yes" or "No")`,
	}
	for in, want := range bad {
		if _, err := ParseTarget(in, churnLabel); err == nil || err.Error() != want {
			t.Errorf("ParseTarget(%q) = %v, want %q", in, err, want)
		}
	}
}

func TestTargetScoreGainsAndToggle(t *testing.T) {
	prevent := NewTarget(ordersLabel, Prevent) // outcome: orders_again_90d = no
	if got := prevent.Score(0.25); got != 0.75 {
		t.Errorf("prevent not ordering: Score(0.25) = %v, want 0.75", got)
	}
	if got := prevent.Toggled(); got.String() != `encourage "orders_again_90d = yes"` || got.Toggled() != prevent {
		t.Errorf("Toggled = %s, toggled back %s", got, got.Toggled())
	}
	// The two users least likely to order are the two who did not.
	probs := []float64{0.9, 0.1, 0.8, 0.2}
	labels := []float64{1, 0, 1, 0}
	g, err := prevent.Gains(probs, labels, nil, 2)
	if err != nil {
		t.Fatal(err)
	}
	if g[0].ShareCaptured != 1 || g[0].Lift != 2 {
		t.Errorf("prevent gains top half: captured %v lift %v, want 1 and 2", g[0].ShareCaptured, g[0].Lift)
	}
}

func TestAssignBandsByShare(t *testing.T) {
	// 20 users scored 1.00, 0.95, 0.90, …, except that rows 3 and 4 tie at
	// 0.85 and row 19 has no score. The 20 % cut (4 users) falls between
	// the tied rows: the earlier one (row 3) stays in the higher band.
	scores := make([]float64, 20)
	for i := range scores {
		scores[i] = 1 - 0.05*float64(i)
	}
	scores[4] = scores[3]
	scores[19] = math.NaN()
	b := AssignBands(scores, BandScheme{})
	// ⌈5 %·20⌉ = 1, ⌈10 %·20⌉ = 2, ⌈20 %·20⌉ = 4, ⌈50 %·20⌉ = 10.
	var counts []int
	for _, band := range b.Bands {
		counts = append(counts, band.Users())
	}
	if want := []int{1, 1, 2, 6, 10}; !slices.Equal(counts, want) {
		t.Errorf("band counts %v, want %v", counts, want)
	}
	wantOf := []int{0, 1, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4}
	if !slices.Equal(b.Of, wantOf) {
		t.Errorf("bands %v, want %v", b.Of, wantOf)
	}
	if b.Rank[3] != 3 || b.Rank[4] != 4 || b.Rank[19] != 19 {
		t.Errorf("ranks of the tied rows 3, 4 and the NaN row: %d %d %d, want 3 4 19", b.Rank[3], b.Rank[4], b.Rank[19])
	}
	if b.Bands[2].MinScore != scores[3] || b.Bands[3].MaxScore != scores[3] {
		t.Errorf("the tie at the 20 %% cut: band 3 min %v, band 4 max %v, want both %v", b.Bands[2].MinScore, b.Bands[3].MaxScore, scores[3])
	}
	labels := []string{"top 5 %", "5–10 %", "10–20 %", "20–50 %", "rest"}
	for i, want := range labels {
		if got := b.Label(i); got != want {
			t.Errorf("band %d label %q, want %q", i, got, want)
		}
	}
	// Swapping the tied rows in the input swaps who gets the higher band.
	scores[3], scores[4] = scores[4], scores[3]
	if b2 := AssignBands(scores, BandScheme{}); b2.Of[3] != 2 || b2.Of[4] != 3 {
		t.Errorf("tie broken by input order: rows 3, 4 in bands %d, %d, want 2, 3", b2.Of[3], b2.Of[4])
	}
}

func TestAssignBandsSmallAndCapacity(t *testing.T) {
	// 3 users, all tied: ⌈5 %·3⌉ = ⌈10 %·3⌉ = ⌈20 %·3⌉ = 1, ⌈50 %·3⌉ = 2.
	b := AssignBands([]float64{0.5, 0.5, 0.5}, BandScheme{})
	if !slices.Equal(b.Of, []int{0, 3, 4}) {
		t.Errorf("three tied users: bands %v, want [0 3 4]", b.Of)
	}
	c := AssignBands([]float64{0.1, 0.7, 0.7, 0.3, 0.9}, BandScheme{Capacity: 2})
	if !slices.Equal(c.Of, []int{1, 0, 1, 1, 0}) || c.Bands[0].Users() != 2 || c.Bands[1].Users() != 3 {
		t.Errorf("capacity 2: bands %v, want [1 0 1 1 0]", c.Of)
	}
	if c.Label(0) != "top 2" || c.Label(1) != "rest" {
		t.Errorf("capacity labels %q %q", c.Label(0), c.Label(1))
	}
	big := AssignBands([]float64{0.1, 0.2}, BandScheme{Capacity: 5})
	if big.Bands[0].Users() != 2 || big.Bands[1].Users() != 0 || !math.IsNaN(big.Bands[1].MinScore) {
		t.Errorf("capacity above the users: %+v", big.Bands)
	}
	out, err := c.Outcomes([]float64{0, 1, 0, math.NaN(), 1}, NewTarget(churnLabel, Prevent))
	if err != nil || !slices.Equal(out, []int{2, 0}) {
		t.Errorf("outcomes %v, %v; want [2 0]", out, err)
	}
	empty := AssignBands(nil, BandScheme{})
	if len(empty.Bands) != 5 || empty.Bands[4].Users() != 0 {
		t.Errorf("no users: %+v", empty.Bands)
	}
}

func TestParseBands(t *testing.T) {
	for in, want := range map[string]BandScheme{"shares": {}, "capacity:500": {Capacity: 500}, " Capacity: 3 ": {Capacity: 3}} {
		got, err := ParseBands(in)
		if err != nil || got != want {
			t.Errorf("ParseBands(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	bad := map[string]string{
		"capacity:0":  `--bands "capacity:0": the capacity must be a whole number of users ≥ 1`,
		"capacity:x":  `--bands "capacity:x": the capacity must be a whole number of users ≥ 1`,
		"thirds":      `--bands "thirds": want shares or capacity:N (N users to contact)`,
		"capacity:-3": `--bands "capacity:-3": the capacity must be a whole number of users ≥ 1`,
	}
	for in, want := range bad {
		if _, err := ParseBands(in); err == nil || err.Error() != want {
			t.Errorf("ParseBands(%q) = %v, want %q", in, err, want)
		}
	}
}

// TestNameJudges: a label's name or positive class with a word for a bad
// or good outcome judges it; gender, a flag or y say nothing.
func TestNameJudges(t *testing.T) {
	for _, c := range []struct {
		l    data.LabelSpec
		want bool
	}{
		{data.LabelSpec{Name: "Churn", Positive: "Yes", Negative: "No"}, true},
		{data.LabelSpec{Name: "Revenue", Positive: "TRUE", Negative: "FALSE"}, true},
		{data.LabelSpec{Name: "status", Positive: "churned", Negative: "active"}, true},
		{data.LabelSpec{Name: "是否流失", Positive: "是", Negative: "否"}, true},
		{data.LabelSpec{Name: "gender", Positive: "Female", Negative: "Male"}, false},
		{data.LabelSpec{Name: "flag", Positive: "yes", Negative: "no"}, false},
		{data.LabelSpec{Name: "y", Positive: "1", Negative: "0"}, false},
	} {
		if got := NameJudges(c.l); got != c.want {
			t.Errorf("NameJudges(%+v) = %v, want %v", c.l, got, c.want)
		}
	}
}

// TestAssignBandsInOrderBreaksTiesByTheGivenOrder: three users tied at
// 0.5 are banded as AssignBands bands [0.5, 0.5, 0.5] (bands 0, 3, 4: see
// TestAssignBandsSmallAndCapacity), but in the order 2, 0, 1 instead of
// the input's: user 2 takes the top band, then 0, then 1.
func TestAssignBandsInOrderBreaksTiesByTheGivenOrder(t *testing.T) {
	b := AssignBandsInOrder([]float64{0.5, 0.5, 0.5}, []int{2, 0, 1}, BandScheme{})
	if !slices.Equal(b.Of, []int{3, 4, 0}) || !slices.Equal(b.Rank, []int{1, 2, 0}) {
		t.Errorf("bands %v, ranks %v; want [3 4 0], [1 2 0]", b.Of, b.Rank)
	}
	// The order breaks ties only: a higher score still ranks first.
	c := AssignBandsInOrder([]float64{0.1, 0.7, 0.7, 0.3, 0.9}, []int{4, 3, 2, 1, 0}, BandScheme{Capacity: 2})
	if !slices.Equal(c.Of, []int{1, 1, 0, 1, 0}) {
		t.Errorf("capacity 2: bands %v, want [1 1 0 1 0]", c.Of)
	}
	if d := AssignBandsInOrder([]float64{0.5, 0.5, 0.5}, nil, BandScheme{}); !slices.Equal(d.Of, []int{0, 3, 4}) {
		t.Errorf("nil order: bands %v, want the input order's [0 3 4]", d.Of)
	}
}
