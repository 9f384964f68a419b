package experiment

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// itemLog is a seeded random order log with items, quantities and prices
// over 2023–2024: 300 customers with their own rates and lapse dates.
func itemLog(withItems bool) string {
	var b strings.Builder
	if withItems {
		b.WriteString("InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID\n")
	} else {
		b.WriteString("InvoiceNo,Quantity,InvoiceDate,UnitPrice,CustomerID\n")
	}
	start := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	inv := 1000
	r := rand.New(rand.NewPCG(12, 1))
	for c := range 300 {
		mean, stop := 5+r.Float64()*80, r.IntN(730)+1
		for day := r.IntN(200); day < stop; day += 1 + int(r.ExpFloat64()*mean) {
			inv++
			for line := range 1 + c%3 {
				date := start.AddDate(0, 0, day).Format(time.DateOnly)
				if withItems {
					fmt.Fprintf(&b, "%d,I%d,%d,%s 10:00,%d.50,u%03d\n", inv, (c+line*7+day)%40, 1+line+c%4, date, 1+c%9, c)
				} else {
					fmt.Fprintf(&b, "%d,%d,%s 10:00,%d.50,u%03d\n", inv, 1+line+c%4, date, 1+c%9, c)
				}
			}
		}
	}
	return b.String()
}

// logBundle trains a quick model on src and returns it read back from its
// JSON, after edit (when not nil) has changed the JSON's "source" object.
func logBundle(t *testing.T, src Source, content string, edit func(source map[string]any)) *Bundle {
	t.Helper()
	d, err := LoadAt(src, stringOpener(content), time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(d, quickConfig(2))
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Trainer.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	raw := encodeBundle(t, mustBundle(t, e, 0.5))
	if edit != nil {
		var doc map[string]any
		if err := json.Unmarshal(raw, &doc); err != nil {
			t.Fatal(err)
		}
		edit(doc["source"].(map[string]any))
		if raw, err = json.Marshal(doc); err != nil {
			t.Fatal(err)
		}
	}
	b, err := ReadBundle(bytes.NewReader(raw), "model.json")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// scoreLogWith builds the cohort of content at cutoff the model's way and
// scores it, returning the loaded data and the probabilities.
func scoreLogWith(t *testing.T, b *Bundle, content string, cutoff time.Time) (*Data, []float64, error) {
	t.Helper()
	src, err := b.ForLog(Source{Kind: "log", Path: "later.csv", Cutoff: cutoff})
	if err != nil {
		return nil, nil, err
	}
	d, err := LoadAt(src, stringOpener(content), time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		return nil, nil, err
	}
	if err := b.CheckCohort(d); err != nil {
		return d, nil, err
	}
	s, err := b.ScoreTable(d.Table)
	if err != nil {
		return d, nil, err
	}
	return d, s.Probabilities, nil
}

func TestModelRecordsItsLogFeatures(t *testing.T) {
	content := itemLog(true)
	b := logBundle(t, Source{Kind: "log", Path: "orders.csv", Cutoff: time.Date(2024, 3, 31, 0, 0, 0, 0, time.UTC), HorizonDays: 90},
		content, nil)
	want := LogFeatures{Version: 3, ShortWindowDays: 30, LongWindowDays: 90, TrendWindowDays: 30}
	if !reflect.DeepEqual(b.Source.Features, want) {
		t.Errorf("recorded %+v, want %+v", b.Source.Features, want)
	}
	d, _, err := scoreLogWith(t, b, content, time.Date(2024, 6, 30, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(d.Source.Features, want) || d.Table.Column("distinct_items") == nil {
		t.Errorf("scored with %+v", d.Source.Features)
	}
	// The same model on a log without an item column is refused.
	_, _, err = scoreLogWith(t, b, itemLog(false), time.Date(2024, 6, 30, 0, 0, 0, 0, time.UTC))
	wantErr := "model.json was trained on the feature distinct_items, which later.csv cannot give: the log has no item column; " +
		"give its column with --log-columns or score a log that has it"
	var m *MismatchError
	if !errors.As(err, &m) || !errors.Is(err, ErrSource) || err.Error() != wantErr {
		t.Errorf("no items: %v\nwant %s", err, wantErr)
	}
}

// TestOlderModelFileScoresAsBefore makes a model file as retain wrote it
// before the feature record (rows from the first feature set, no
// "log_features" in its source) and checks that it still loads and scores
// with the columns it was trained on.
func TestOlderModelFileScoresAsBefore(t *testing.T) {
	content := itemLog(true)
	src := Source{Kind: "log", Path: "orders.csv", Cutoff: time.Date(2024, 3, 31, 0, 0, 0, 0, time.UTC), HorizonDays: 90,
		Features: LogFeatures{Version: 1}}
	b := logBundle(t, src, content, func(source map[string]any) {
		if _, ok := source["log_features"]; !ok {
			t.Fatal("the model file does not record log_features")
		}
		delete(source, "log_features")
	})
	if !b.Source.Features.isZero() {
		t.Fatalf("older file read with features %+v", b.Source.Features)
	}
	cut := time.Date(2024, 6, 30, 0, 0, 0, 0, time.UTC)
	d, prob, err := scoreLogWith(t, b, content, cut)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range d.Table.Features() {
		names = append(names, c.Name)
	}
	want := []string{"recency_days", "frequency", "monetary_total", "monetary_avg", "tenure_days",
		"orders_30d", "orders_90d", "interval_mean_days", "interval_std_days"}
	if !slices.Equal(names, want) {
		t.Errorf("older model's rows have %q, want %q", names, want)
	}
	// The same figures as scoring the first feature set directly.
	direct, err := LoadAt(Source{Kind: "log", Path: "later.csv", Cutoff: cut, HorizonDays: 90, Features: LogFeatures{Version: 1}},
		stringOpener(content), time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	s, err := b.ScoreTable(direct.Table)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(prob, s.Probabilities) {
		t.Error("the older model scores differently through ForLog")
	}
}

func TestBTYDFeatures(t *testing.T) {
	content := itemLog(true)
	src := Source{Kind: "log", Path: "orders.csv", Cutoff: time.Date(2024, 3, 31, 0, 0, 0, 0, time.UTC), HorizonDays: 90,
		Features: LogFeatures{BTYD: true}}
	b := logBundle(t, src, content, nil)
	if !b.Source.Features.BTYD {
		t.Fatalf("recorded %+v", b.Source.Features)
	}
	d, _, err := scoreLogWith(t, b, content, time.Date(2024, 6, 30, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"btyd_p_alive", "btyd_expected_90d", "btyd_p_any_90d"} {
		c := d.Table.Column(name)
		if c == nil {
			t.Fatalf("no column %s in %v", name, d.Cohort.Features)
		}
		for i, v := range c.Values {
			if math.IsNaN(v) || v < 0 || (name != "btyd_expected_90d" && v > 1) {
				t.Fatalf("%s row %d = %v", name, i, v)
			}
		}
	}
	if !slices.Contains(d.Cohort.Features, "btyd_p_any_90d") {
		t.Errorf("features made %v", d.Cohort.Features)
	}
	// The baseline beside the network is the fit that made the inputs, not
	// a second one: the same scores, and its P(any) is the input column.
	bg, err := d.BGNBD()
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := d.BGNBD(); again != bg {
		t.Error("BGNBD fitted again on the loaded table")
	}
	fresh, err := BGNBDBaseline(d.Log, d.Table, d.Cohort.Cutoff, 90)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(bg.PAny, fresh.PAny) || !slices.Equal(bg.PAny, d.Table.Column("btyd_p_any_90d").Values) {
		t.Errorf("P(any) reused %v, fresh %v, input %v", bg.PAny, fresh.PAny, d.Table.Column("btyd_p_any_90d").Values)
	}
	// Asking a model without BG/NBD inputs for them is refused.
	plain := logBundle(t, Source{Kind: "log", Path: "orders.csv", Cutoff: src.Cutoff, HorizonDays: 90}, content, nil)
	_, err = plain.ForLog(Source{Kind: "log", Path: "later.csv", Features: LogFeatures{BTYD: true}})
	want := "--btyd-features disagrees with model.json, which was trained without the BG/NBD inputs: leave the flag out and the model's own features are built"
	if !errors.Is(err, ErrSource) || err == nil || err.Error() != want {
		t.Errorf("btyd on a plain model: %v", err)
	}
}

func TestLogFeaturesRefusesWhatThisBuildCannotMake(t *testing.T) {
	for _, tc := range []struct {
		f    LogFeatures
		want string
	}{
		{LogFeatures{Version: 4}, "x.csv: the model's rows were made with cohort feature set 4, and this build of retain makes sets 1 to 3: use a newer retain"},
		{LogFeatures{Version: 2, ShortWindowDays: 14}, "x.csv: the model's rows were made with windows of 14, 90 and 30 days, and this build makes 30, 90 and 30"},
	} {
		if _, err := tc.f.resolve("x.csv"); !errors.Is(err, ErrSource) || err.Error() != tc.want {
			t.Errorf("%+v: %v", tc.f, err)
		}
	}
}
