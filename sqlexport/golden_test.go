package sqlexport

import (
	"errors"
	"flag"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/engine/metrics"
	"github.com/retainlab/retain/experiment"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// handUsers is a small hand-made per-user model: a log column and a column
// with a missing indicator, both clipped to their k-anonymous ranges, a
// categorical column with a catch-all "(other)" level and a boolean
// column, a ReLU layer, a sigmoid output and Platt calibration.
func handUsers() *experiment.Bundle {
	p := &data.Pipeline{
		IDName: "user_id",
		Label:  data.LabelSpec{Name: "churn", Positive: "yes", Negative: "no"},
		Columns: []data.PipelineColumn{
			{Name: "age", Kind: data.Numeric, Fill: 30, Center: 1.5, Scale: 2.5, Log: true, Min: 18, Max: 80, Clip: true, First: 0, Width: 1},
			{Name: "visits", Kind: data.Numeric, Fill: 2, Center: 1, Scale: 4, Indicator: true, Min: 0, Max: 10, Clip: true, First: 1, Width: 2},
			{Name: "plan", Kind: data.Categorical, Levels: []string{"it's pro", data.OtherLevel}, Other: true, First: 3, Width: 2},
			{Name: "member", Kind: data.Boolean, Levels: []string{"no", "yes"}, Fill: 1, Scale: 1, First: 5, Width: 1},
		},
		Outputs: []data.Output{{Name: "age"}, {Name: "visits", Input: 1}, {Name: "visits (missing)", Input: 1, Indicator: true},
			{Name: "plan=it's pro", Input: 2, Level: "it's pro"}, {Name: "plan=(other)", Input: 2, Level: data.OtherLevel}, {Name: "member", Input: 3}},
	}
	return &experiment.Bundle{
		Source: experiment.Source{Kind: "csv", Path: "users.csv"}, Label: experiment.BundleLabel(p.Label),
		Features: p.FeatureNames(), Threshold: 0.35, Pipeline: p,
		Net: experiment.BundleNetwork{Architecture: engine.Architecture{Inputs: 6, Outputs: 1, Loss: engine.BCE,
			Hidden: []engine.LayerSpec{{Units: 2, Activation: engine.ReLU}}}, Layers: []experiment.BundleLayer{
			{Inputs: 6, Outputs: 2, Activation: engine.ReLU,
				Weights: []float64{0.5, -1.25, 3e-7, 0.1, -0.2, 2, 1, 1, -1, 0.3333333333333333, 0, -0.75}, Biases: []float64{0.1, -0.05}},
			{Inputs: 2, Outputs: 1, Activation: engine.Sigmoid, Weights: []float64{1.5, -2}, Biases: []float64{0.25}},
		}},
		Calibration: &experiment.Calibration{Method: experiment.CalibPlatt, Platt: &metrics.Platt{A: -1.1, B: 0.2}},
	}
}

// handOrders is a small hand-made order-log model: four cohort features,
// a tanh layer and isotonic calibration, the log's roles recorded.
func handOrders() *experiment.Bundle {
	names := []string{"recency_days", "frequency", "monetary_total", "spend_trend", "interval_std_days"}
	p := &data.Pipeline{IDName: data.CohortIDName, Label: data.LabelSpec{Name: "orders_again_90d", Positive: "yes", Negative: "no"}}
	for i, n := range names {
		p.Columns = append(p.Columns, data.PipelineColumn{Name: n, Kind: data.Numeric, Center: float64(i), Scale: 10, First: i, Width: 1})
		p.Outputs = append(p.Outputs, data.Output{Name: n, Input: i})
	}
	return &experiment.Bundle{
		Source: experiment.Source{Kind: "log", Path: "orders.csv", HorizonDays: 90,
			LogColumns: data.LogColumns{Customer: "cust", Time: "ordered_at", Amount: "amount", Order: "invoice"}},
		Label: experiment.BundleLabel(p.Label), Features: p.FeatureNames(), Threshold: 0.5, Pipeline: p,
		Net: experiment.BundleNetwork{Layers: []experiment.BundleLayer{
			{Inputs: 5, Outputs: 2, Activation: engine.Tanh, Weights: []float64{1, -1, 0.5, 0.25, 2, -0.5, 0.125, 1e-3, 3, 0}, Biases: []float64{0, 1}},
			{Inputs: 2, Outputs: 1, Activation: engine.Sigmoid, Weights: []float64{0.7, -0.7}, Biases: []float64{-0.1}},
		}},
		Calibration: &experiment.Calibration{Method: experiment.CalibIsotonic,
			Isotonic: &metrics.Isotonic{X: []float64{0.1, 0.4, 0.9}, Y: []float64{0.05, 0.5, 0.8}}},
	}
}

// handRetail is handOrders on a log of items without quantities and with
// cancellations: distinct_items, basket_size_avg counted by items and
// cancel_share among its features.
func handRetail() *experiment.Bundle {
	b := handOrders()
	for i, name := range []string{"distinct_items", "basket_size_avg", "cancel_share"} {
		b.Pipeline.Columns[i+1].Name = name
		b.Pipeline.Outputs[i+1].Name = name
	}
	b.Features = b.Pipeline.FeatureNames()
	b.Source.ItemBaskets = true
	b.Source.LogColumns.Item = "sku"
	return b
}

// handOrdersNet is handOrders made with feature set 3: monetary_total and
// spend_trend net of the cancellations' refunds.
func handOrdersNet() *experiment.Bundle {
	b := handOrders()
	b.Source.Features.Version = 3
	return b
}

// handEvents is handOrders on an event log, counting its views and its
// "add to cart" events.
func handEvents() *experiment.Bundle {
	b := handOrders()
	for i, name := range []string{"event_view_30d", "event_add_to_cart_90d"} {
		b.Pipeline.Columns[i+1].Name = name
		b.Pipeline.Outputs[i+1].Name = name
	}
	b.Features = b.Pipeline.FeatureNames()
	b.Source.EventColumn = "event_type"
	b.Source.Features.Events = []string{"view", "add to cart"}
	return b
}

// The exported text of the hand-made models, in every dialect, is checked
// against golden files (go test ./sqlexport -run Golden -update rewrites
// them; read the diff first).
func TestGoldenText(t *testing.T) {
	cut := time.Date(2024, 6, 30, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		b    *experiment.Bundle
		o    Options
	}{
		{"users", handUsers(), Options{Table: "shop.users"}},
		{"dates", handDates(), Options{Table: "shop.users"}},
		{"orders", handOrders(), Options{OrdersTable: "shop.orders", Cutoff: cut}},
		{"retail", handRetail(), Options{OrdersTable: "shop.orders"}},
		{"orders_net", handOrdersNet(), Options{OrdersTable: "shop.orders", Cutoff: cut}},
		{"events", handEvents(), Options{OrdersTable: "shop.events", Columns: data.LogColumns{Event: "event_type"}}},
	}
	for _, c := range cases {
		for _, d := range []Dialect{SQLite, DuckDB, Postgres, BigQuery, Snowflake, Trino, Spark, MySQL} {
			c.o.Dialect = d
			got, err := Build(c.b, c.o)
			if err != nil {
				t.Fatalf("%s %s: %v", c.name, d, err)
			}
			path := filepath.Join("testdata", c.name+"_"+d.String()+".sql")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("%s differs from the golden file (run with -update and read the diff):\n%s", path, got)
			}
		}
	}
}

// Literals keep every digit (Go's shortest round-trip form) and always
// read as floats.
func TestNumberLiterals(t *testing.T) {
	for v, want := range map[float64]string{1: "1.0", -2: "-2.0", 0.1: "0.1", 1.0 / 3: "0.3333333333333333",
		3e-7: "3e-07", 1e21: "1e+21", -0.000123456789012345678: "-0.00012345678901234567"} {
		if got := mustNum(v); got != want {
			t.Errorf("num(%v) = %s, want %s", v, got, want)
		}
	}
}

func TestErrors(t *testing.T) {
	if _, err := ParseDialect("oracle"); !errors.Is(err, ErrDialect) || !strings.Contains(err.Error(), `"oracle": want sqlite, duckdb, postgres, bigquery, snowflake, trino, spark or mysql`) {
		t.Errorf("ParseDialect(oracle): %v", err)
	}
	for name, want := range map[string]Dialect{" PostgreSQL ": Postgres, "Snowflake": Snowflake, "presto": Trino,
		"athena": Trino, "databricks": Spark, "spark-sql": Spark, "BIGQUERY": BigQuery, "MariaDB": MySQL} {
		if d, err := ParseDialect(name); err != nil || d != want {
			t.Errorf("ParseDialect(%q) = %v, %v; want %v", name, d, err, want)
		}
	}
	noID := handUsers()
	noID.Pipeline.IDName = ""
	check := func(name string, b *experiment.Bundle, o Options, want string) {
		t.Helper()
		_, err := Build(b, o)
		if !errors.Is(err, ErrModel) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want ErrModel saying %q", name, err, want)
		}
	}
	check("no id", noID, Options{}, "records no id column to key the scores by: name it with --id COLUMN")
	btyd := handOrders()
	btyd.Source.Features.BTYD = true
	check("BG/NBD", btyd, Options{}, "BG/NBD inputs (btyd_*)")
	views := handOrders()
	views.Pipeline.Columns[0].Name = "event_view_30d"
	check("event counts", views, Options{}, `feature "event_view_30d", which the SQL export cannot build yet (it builds basket_size_avg, cancel_share, distinct_items, frequency,`)
	other := handEvents()
	other.Source.Features.Events = append(other.Source.Features.Events, data.OtherEventTypes())
	check("other event types", other, Options{Columns: data.LogColumns{Event: "event_type"}}, `counts the events of its log's rarer types together as "(other types)"`)
	dayNumbers := handOrders()
	dayNumbers.Source.DayNumbers = true
	check("day numbers", dayNumbers, Options{}, "date column holds day numbers, not dates")
	detected := handOrders()
	detected.Source.LogColumns = data.LogColumns{}
	check("detected roles", detected, Options{}, "name them with --log-columns customer=COL,time=COL")
	if _, err := Build(detected, Options{Columns: data.LogColumns{Customer: "c", Time: "t", Amount: "a"}}); err != nil {
		t.Errorf("roles given by the caller: %v", err)
	}
	inf := handUsers()
	inf.Net.Layers[1].Biases[0] = math.Inf(1)
	check("non-finite weight", inf, Options{}, "non-finite number")
	wide := handUsers()
	wide.Net.Layers[1].Outputs = 2
	check("two outputs", wide, Options{}, "weights and")
}
