package data

import (
	"bytes"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

func TestGenerateShopDeterministic(t *testing.T) {
	a, err := GenerateShop(40000, 7)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := GenerateShop(40000, 7)
	small, _ := GenerateShop(1000, 7) // a prefix, inside the first block
	other, _ := GenerateShop(40000, 8)
	for j, col := range a.Table.Columns {
		if col.Kind == ID {
			continue
		}
		if !slices.Equal(col.Values, b.Table.Columns[j].Values) {
			t.Errorf("column %s differs between two runs with seed 7", col.Name)
		}
		if !slices.Equal(col.Values[:1000], small.Table.Columns[j].Values) {
			t.Errorf("column %s: the first 1000 of 40000 users differ from a population of 1000", col.Name)
		}
		if slices.Equal(col.Values, other.Table.Columns[j].Values) {
			t.Errorf("column %s is identical under seeds 7 and 8", col.Name)
		}
	}
	if !slices.Equal(a.TrueProb, b.TrueProb) || !slices.Equal(a.Table.Label.Values, b.Table.Label.Values) {
		t.Error("labels or true probabilities differ between two runs with seed 7")
	}
}

func TestGenerateShopSizes(t *testing.T) {
	for _, n := range []int{1, 2, TextbookShopUsers, shopBlock, shopBlock + 1, DefaultShopUsers} {
		s, err := GenerateShop(n, 1)
		if err != nil {
			t.Fatalf("GenerateShop(%d): %v", n, err)
		}
		tab := s.Table
		if tab.Rows != n || len(s.TrueProb) != n || len(tab.Columns) != 11 || tab.IDColumn != 0 {
			t.Errorf("n=%d: Rows=%d probs=%d columns=%d IDColumn=%d", n, tab.Rows, len(s.TrueProb), len(tab.Columns), tab.IDColumn)
		}
		if len(tab.Features()) != 10 || tab.Label.Name != ShopLabelName || tab.Label.Positive != "yes" {
			t.Errorf("n=%d: %d features, label %+v", n, len(tab.Features()), tab.Label)
		}
	}
	for _, n := range []int{0, -1, MaxShopUsers + 1} {
		_, err := GenerateShop(n, 1)
		if !errors.Is(err, ErrShopSize) {
			t.Errorf("GenerateShop(%d) error = %v, want ErrShopSize", n, err)
		}
	}
	_, err := GenerateShop(0, 1)
	if want := "synthetic population size out of range: 0 users (want 1..50000000)"; err.Error() != want {
		t.Errorf("error text %q, want %q", err, want)
	}
	if got := DefaultShop().Table.Rows; got != DefaultShopUsers {
		t.Errorf("DefaultShop has %d rows", got)
	}
	if got := TextbookShop().Table.Rows; got != 100 {
		t.Errorf("TextbookShop has %d rows", got)
	}
}

func TestShopIDs(t *testing.T) {
	ids := shopIDs(12)
	if ids[0] != "U000001" || ids[11] != "U000012" {
		t.Errorf("ids = %v", ids)
	}
	big := shopIDs(1_234_567)
	if big[0] != "U0000001" || big[len(big)-1] != "U1234567" {
		t.Errorf("first/last of 1234567 ids = %q %q", big[0], big[len(big)-1])
	}
	if !sort.StringsAreSorted(big) {
		t.Error("ids are not in order (they must be unique and sortable)")
	}
}

// TestShopMarginals checks the invariants the generative model promises and
// that the marginals land in the ranges its doc comment gives.
func TestShopMarginals(t *testing.T) {
	s, err := GenerateShop(200_000, DefaultShopSeed)
	if err != nil {
		t.Fatal(err)
	}
	col := func(name string) []float64 { return s.Table.Column(name).Values }
	sessions, pages, carts, orders := col("sessions_30d"), col("pages_per_session"), col("cart_adds_30d"), col("orders_90d")
	visit, lastOrder, aov, coupon := col("days_since_last_visit"), col("days_since_last_order"), col("avg_order_value"), col("coupon_share")
	returns, tenure := col("returns_90d"), col("tenure_days")
	for i := range sessions {
		for _, c := range [][]float64{sessions, carts, orders, visit, lastOrder, returns, tenure} {
			if c[i] < 0 || c[i] != math.Trunc(c[i]) {
				t.Fatalf("user %d: a count or day value is %v", i, c[i])
			}
		}
		buyer := aov[i] > 0
		bad := tenure[i] < 1 || tenure[i] > 1825 ||
			visit[i] > tenure[i] || lastOrder[i] > tenure[i] || lastOrder[i] < visit[i] ||
			(sessions[i] == 0) != (pages[i] == 0) || (sessions[i] > 0) != (visit[i] < 30) ||
			(orders[i] > 0 && (lastOrder[i] >= 90 || !buyer)) ||
			(orders[i] == 0 && buyer && lastOrder[i] < 90) ||
			(!buyer && (lastOrder[i] != tenure[i] || coupon[i] != 0)) ||
			returns[i] > orders[i] || coupon[i] < 0 || coupon[i] > 1 ||
			(pages[i] > 0 && pages[i] < 1)
		if bad {
			t.Fatalf("user %d breaks an invariant: %v", i, []float64{sessions[i], pages[i], carts[i], orders[i], visit[i], lastOrder[i], aov[i], coupon[i], returns[i], tenure[i]})
		}
	}
	mean := func(v []float64) float64 {
		var sum float64
		for _, x := range v {
			sum += x
		}
		return sum / float64(len(v))
	}
	median := func(v []float64) float64 {
		c := slices.Clone(v)
		slices.Sort(c)
		return c[len(c)/2]
	}
	var buyerAOV []float64
	for _, v := range aov {
		if v > 0 {
			buyerAOV = append(buyerAOV, v)
		}
	}
	ranges := []struct {
		what   string
		got    float64
		lo, hi float64
	}{
		{"mean sessions_30d", mean(sessions), 2.5, 3.5},
		{"median pages_per_session", median(pages), 2.5, 4.5},
		{"mean orders_90d", mean(orders), 0.8, 2},
		{"share of buyers", float64(len(buyerAOV)) / float64(len(aov)), 0.55, 0.85},
		{"median order value of buyers", median(buyerAOV), 30, 45},
		{"mean/median order value (right skew)", mean(buyerAOV) / median(buyerAOV), 1.1, 1.4},
		{"median tenure_days", median(tenure), 200, 350},
		{"corr(sessions, orders)", pearson(sessions, orders), 0.5, 0.8},
		{"corr(sessions, days since visit)", pearson(sessions, visit), -0.6, -0.2},
		{"positive rate", s.Table.Label.PositiveRate(), 0.20, 0.35},
	}
	for _, r := range ranges {
		if r.got < r.lo || r.got > r.hi {
			t.Errorf("%s = %.4f, want in [%v, %v]", r.what, r.got, r.lo, r.hi)
		}
	}
	// Labels are Bernoulli(TrueProb): their mean is within 4 standard errors.
	var variance float64
	for _, p := range s.TrueProb {
		variance += p * (1 - p)
	}
	se := math.Sqrt(variance) / float64(len(s.TrueProb))
	if d := s.Table.Label.PositiveRate() - mean(s.TrueProb); math.Abs(d) > 4*se {
		t.Errorf("positive rate - mean true probability = %.5f, more than 4 SE (%.5f)", d, se)
	}
}

func TestShopTrueProb(t *testing.T) {
	s := DefaultShop()
	row := make([]float64, 10)
	for i, p := range s.TrueProb {
		if !(p > 0 && p < 1) {
			t.Fatalf("user %d: true probability %v not in (0,1)", i, p)
		}
		for j, c := range s.Table.Features() {
			row[j] = c.Values[i]
		}
		if q := ShopProbability(row); q != p {
			t.Fatalf("user %d: TrueProb %v, ShopProbability(row) %v", i, p, q)
		}
	}
}

// TestShopBayesLimit checks the Go figures against scikit-learn: the two
// presets were written to CSV (user_id, features, label, prob with %g
// round-trip precision) and scored with scikit-learn 1.2.1,
// roc_auc_score(label, prob) and accuracy_score(label, prob > 0.5).
func TestShopBayesLimit(t *testing.T) {
	cases := []struct {
		shop      *Shop
		positives float64
		auc, acc  float64
	}{
		{TextbookShop(), 27, 0.854895991882293, 0.89},
		{DefaultShop(), 1375, 0.865734319749216, 0.8374},
	}
	for _, c := range cases {
		b := c.shop.BayesLimit()
		pos := c.shop.Table.Label.PositiveRate() * float64(c.shop.Table.Rows)
		if math.Abs(pos-c.positives) > 1e-9 || math.Abs(b.AUC-c.auc) > 1e-12 || math.Abs(b.Accuracy-c.acc) > 1e-12 {
			t.Errorf("%d users: positives %v AUC %.15f accuracy %v, want %v %.15f %v", c.shop.Table.Rows, pos, b.AUC, b.Accuracy, c.positives, c.auc, c.acc)
		}
	}
}

func TestExactAUC(t *testing.T) {
	// Expected values from scikit-learn 1.2.1 roc_auc_score on the same arrays.
	got, err := exactAUC([]float64{0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.1}, []float64{0, 0, 1, 1, 1, 0, 1})
	if err != nil || math.Abs(got-0.5416666666666667) > 1e-15 {
		t.Errorf("AUC with ties = %v, %v; want 0.5416666666666667", got, err)
	}
	if got, _ := exactAUC([]float64{0.5, 0.5, 0.5, 0.5}, []float64{1, 0, 1, 0}); got != 0.5 {
		t.Errorf("AUC of constant scores = %v, want 0.5", got)
	}
	// Against the O(n²) pair count on coarse (heavily tied) random scores.
	r := rand.New(rand.NewPCG(3, 4))
	scores, labels := make([]float64, 500), make([]float64, 500)
	for i := range scores {
		scores[i] = float64(r.IntN(20))
		if r.Float64() < 0.3+0.02*scores[i] {
			labels[i] = 1
		}
	}
	var wins, pairs float64
	for i := range scores {
		for j := range scores {
			if labels[i] == 1 && labels[j] == 0 {
				pairs++
				switch {
				case scores[i] > scores[j]:
					wins++
				case scores[i] == scores[j]:
					wins += 0.5
				}
			}
		}
	}
	if got, _ := exactAUC(scores, labels); math.Abs(got-wins/pairs) > 1e-12 {
		t.Errorf("exactAUC = %v, pair count = %v", got, wins/pairs)
	}
	if _, err := exactAUC([]float64{1, 2}, []float64{1, 1}); !errors.Is(err, ErrNoScores) {
		t.Errorf("one class: err = %v", err)
	}
	if _, err := BayesLimitOf([]float64{1}, nil); !errors.Is(err, ErrNoScores) {
		t.Errorf("length mismatch: err = %v", err)
	}
}

// TestShopCSVRoundTrip writes the textbook population as CSV and reads it
// back with ReadCSV: same ids, values and labels, the id column recognised
// as an identifier and the label's positive class "yes".
func TestShopCSVRoundTrip(t *testing.T) {
	s := TextbookShop()
	var buf bytes.Buffer
	if err := s.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := ReadCSV(&buf, "shop.csv", CSVOptions{Label: ShopLabelName})
	if err != nil {
		t.Fatal(err)
	}
	if back.Rows != 100 || back.IDColumn != 0 || back.Label.Positive != "yes" || !slices.Equal(back.Label.Values, s.Table.Label.Values) {
		t.Fatalf("read back: %d rows, IDColumn %d, label %+v", back.Rows, back.IDColumn, back.Label)
	}
	if !slices.Equal(back.IDs(), s.Table.IDs()) {
		t.Error("ids differ after the round trip")
	}
	for _, c := range s.Table.Features() {
		got := back.Column(c.Name)
		if got == nil || got.Kind != Numeric || !slices.Equal(got.Values, c.Values) {
			t.Errorf("column %s differs after the round trip: %+v", c.Name, got)
		}
	}
}

func TestCSVQuote(t *testing.T) {
	for in, want := range map[string]string{"plain": "plain", "a,b": `"a,b"`, `say "hi"`: `"say ""hi"""`, " pad": `" pad"`, "": ""} {
		if got := csvQuote(in); got != want {
			t.Errorf("csvQuote(%q) = %q, want %q", in, got, want)
		}
	}
}

func pearson(x, y []float64) float64 {
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= float64(len(x))
	my /= float64(len(y))
	var sxy, sxx, syy float64
	for i := range x {
		sxy += (x[i] - mx) * (y[i] - my)
		sxx += (x[i] - mx) * (x[i] - mx)
		syy += (y[i] - my) * (y[i] - my)
	}
	return sxy / math.Sqrt(sxx*syy)
}

func BenchmarkGenerateShop1M(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := GenerateShop(1_000_000, 1); err != nil {
			b.Fatal(err)
		}
	}
}
