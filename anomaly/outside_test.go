package anomaly

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
)

// TestOutsideOnTheSignedLogScale checks usualRange.outside on the values
// 0 to 999 against numpy (np.quantile(np.arange(1000.0), [0.01, 0.99]) is
// 9.99 and 989.01; on sign(v)·log(1+|v|) the range is 4.5007 wide): 10⁹ lies
// (ln(10⁹+1) − ln 990.01)/4.5007 = 3.0718 widths above it; 10⁶ only 1.54 and
// 5,000 0.36, which are not far out; −5, in a column with no negative value,
// lies 2 + (ln 10.99 + ln 6)/4.5007 = 2.9307 out; 5, below the range's low
// end 9.99, only 0.13 widths below it.
func TestOutsideOnTheSignedLogScale(t *testing.T) {
	values := make([]float64, 1000)
	for i := range values {
		values[i] = float64(i)
	}
	r := fitUsualRange(values)
	if math.Abs(r.low-9.99) > 1e-9 || math.Abs(r.high-989.01) > 1e-9 || !r.nonNegative {
		t.Fatalf("range %v to %v (non-negative %v), want 9.99 to 989.01, non-negative", r.low, r.high, r.nonNegative)
	}
	for _, c := range []struct{ v, want float64 }{{1e9, 3.07184679349411}, {1e6, 0}, {5000, 0}, {-5, 2.930681447623394}, {5, 0}, {500, 0}, {math.NaN(), 0}} {
		if got := r.outside(c.v); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("outside(%v) = %v, want %v", c.v, got, c.want)
		}
	}
}

// TestNegativeCountsOnlyWhereAlmostNoneAre: a column with 2 % negative
// values (a balance) has no domain to leave; one negative value in 1,000
// is out of it.
func TestNegativeCountsOnlyWhereAlmostNoneAre(t *testing.T) {
	values := make([]float64, 1000)
	for i := range values {
		values[i] = float64(i % 50)
	}
	values[0] = -1
	if r := fitUsualRange(values); !r.nonNegative || r.outside(-1) <= farOutside {
		t.Errorf("one negative in 1,000: non-negative %v, outside(-1) %v; want it out of range", r.nonNegative, r.outside(-1))
	}
	for i := range 20 {
		values[i*50] = -1
	}
	if r := fitUsualRange(values); r.nonNegative || r.outside(-1) != 0 {
		t.Errorf("20 negatives in 1,000: non-negative %v, outside(-1) %v; want a column that may be negative", r.nonNegative, r.outside(-1))
	}
}

// TestLiftOutsideKeepsTheRestInOrder: the rows out of range go above the
// highest row in range (3) by how far out they lie; the others keep their
// scores.
func TestLiftOutsideKeepsTheRestInOrder(t *testing.T) {
	got := liftOutside([]float64{1, 3, 0.5, 2, 10}, []float64{0, 0, 2.5, 0, 1.5})
	want := []float64{1, 3, 5.5, 2, 10}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("lifted %v, want %v", got, want)
		}
	}
}

// TestImpossibleValuesRankFirst is review 28's finding 1 on a hand-made
// table: spend −1,000,000,000 and visits −5 ranked 31st and 52nd of 300
// (the networks see ranks: −1e9 is the same input as the column's ordinary
// minimum). Out of range, they lead the ranking with the column as their
// first reason, its value and its usual range (numpy: np.quantile of the
// column at 10/300 and 1 − 10/300, the ends MinGroup values from each
// extreme: 28.97 to 309.03 for spend, 0 to 20 for visits).
func TestImpossibleValuesRankFirst(t *testing.T) {
	var b strings.Builder
	b.WriteString("user_id,visits,spend\n")
	for i := range 300 {
		visits, spend := fmt.Sprint(i%21), fmt.Sprintf("%.2f", 20+float64(i*37%300))
		switch i {
		case 29:
			visits = "-5"
		case 30:
			spend = "-1e9"
		}
		fmt.Fprintf(&b, "u%d,%s,%s\n", i, visits, spend)
	}
	tab, err := data.ReadCSV(strings.NewReader(b.String()), "neg.csv", data.CSVOptions{NoLabel: true})
	if err != nil {
		t.Fatal(err)
	}
	_, res := trainAndFinish(t, tab, Options{Members: 1, Trim: -1, Train: engine.TrainConfig{Epochs: 2, BatchSize: 64,
		Optimizer: engine.OptimizerConfig{Kind: "adam", LR: 3e-3}}})
	if got := []int{res.Rank[30], res.Rank[29]}; got[0] != 1 || got[1] != 2 {
		t.Fatalf("ranks of spend −1e9 and visits −5: %v, want 1 and 2", got)
	}
	for _, c := range []struct {
		row  int
		want string
	}{
		{30, "spend -1000000000, negative where the column is otherwise 0 or more (usual 28.97 to 309.03)"},
		{29, "visits -5, negative where the column is otherwise 0 or more (usual 0 to 20)"},
	} {
		r := res.Reasons(c.row, 3)[0]
		if got := r.String(); got != c.want || !r.Negative {
			t.Errorf("first reason %q (negative %v), want %q", got, r.Negative, c.want)
		}
	}
	for row, o := range res.Outside {
		if o > 0 && row != 29 && row != 30 {
			t.Errorf("row %d out of range by %v: only the two planted rows are", row, o)
		}
	}
}

// TestUsualRangeOfALargeColumnFromEveryKthValue: on 50,000 values the
// quantiles come from every 3rd (16,667 values; numpy:
// np.quantile(np.arange(50000.0)[::3], [0.01, 0.99]) is 499.98 and
// 49498.02), so that 1,000,000 users cost one pass over each column, not a
// sort; the share of negative values still counts every value.
func TestUsualRangeOfALargeColumnFromEveryKthValue(t *testing.T) {
	values := make([]float64, 50_000)
	for i := range values {
		values[i] = float64(i)
	}
	r := fitUsualRange(values)
	if math.Abs(r.low-499.98) > 1e-6 || math.Abs(r.high-49498.02) > 1e-6 {
		t.Errorf("range %v to %v, want 499.98 to 49498.02", r.low, r.high)
	}
	for i := range 600 { // 1.2 %, none of them on the stride
		values[i*3+1] = -1
	}
	if r := fitUsualRange(values); r.nonNegative {
		t.Error("600 negative values of 50,000 (1.2 %) off the stride: read as a column of values ≥ 0")
	}
}
