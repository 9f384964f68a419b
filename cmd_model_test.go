package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/experiment"
)

// usersCSV writes a per-user table whose churn label follows a noisy rule
// of visits, spend and plan, drawn from a fixed seed.
func usersCSV(t *testing.T, rows int) string {
	t.Helper()
	rng := rand.New(rand.NewPCG(7, 11))
	var b strings.Builder
	b.WriteString("user_id,visits,spend,plan,churn\n")
	plans := []string{"basic", "plus", "pro"}
	for i := range rows {
		visits := rng.IntN(20)
		spend := math.Round(rng.Float64()*2000) / 10
		plan := plans[rng.IntN(3)]
		score := 1.5 - 0.25*float64(visits) + 0.01*spend
		if plan == "pro" {
			score -= 1
		}
		churn := "no"
		if rng.Float64() < 1/(1+math.Exp(-score)) {
			churn = "yes"
		}
		fmt.Fprintf(&b, "u%04d,%d,%g,%s,%s\n", i+1, visits, spend, plan, churn)
	}
	return writeFile(t, "users.csv", b.String())
}

// trainModel trains a small model on csvPath and returns the model path.
func trainModel(t *testing.T, csvPath string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "model.json")
	c := newCLI(t)
	code := c.run(context.Background(), "train", "--data", csvPath, "--label", "churn", "--epochs", "2",
		"--layers", "8", "--out", out)
	if code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
	}
	return out
}

func TestTrainWritesALoadableModel(t *testing.T) {
	data := usersCSV(t, 300)
	out := trainModel(t, data)
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := experiment.ReadBundle(f, out)
	if err != nil {
		t.Fatalf("the written model does not load: %v", err)
	}
	if b.EpochsTrained != 2 || b.Label.Name != "churn" || b.Label.Positive != "yes" {
		t.Errorf("model: %d epochs, label %+v; want 2 epochs of churn=yes", b.EpochsTrained, b.Label)
	}
	if got := b.Net.Architecture.Hidden; len(got) != 1 || got[0].Units != 8 {
		t.Errorf("hidden layers %+v, want one of 8 units", got)
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("files beside the model: %v (a temporary file was left?)", entries)
	}
}

func TestPredictPrintsOneRowPerUser(t *testing.T) {
	data := usersCSV(t, 300)
	model := trainModel(t, data)
	c := newCLI(t)
	if code := c.run(context.Background(), "predict", "--model", model, "--data", data, "--explain", "2"); code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, c.stderr.String())
	}
	recs, err := csv.NewReader(strings.NewReader(c.stdout.String())).ReadAll()
	if err != nil {
		t.Fatalf("stdout is not CSV: %v", err)
	}
	// The one scores format, shared with the TUI's Users export.
	if want := []string{"user_id", "probability_churn_yes", "predicted_churn", "reason_1", "reason_2"}; strings.Join(recs[0], ",") != strings.Join(want, ",") {
		t.Errorf("header %q, want %q", recs[0], want)
	}
	if len(recs) != 301 {
		t.Fatalf("%d data lines, want 300", len(recs)-1)
	}
	reason := regexp.MustCompile(`^(visits|spend|plan)[=≥≤]\S+ \([+-]\d\.\d{4}\)$`)
	for i, r := range recs[1:] {
		if want := fmt.Sprintf("u%04d", i+1); r[0] != want {
			t.Fatalf("line %d id %q, want %q", i+2, r[0], want)
		}
		p, err := strconv.ParseFloat(r[1], 64)
		if err != nil || p < 0 || p > 1 {
			t.Fatalf("line %d probability %q", i+2, r[1])
		}
		// The model keeps train's default threshold, 0.5.
		if want := map[bool]string{true: "yes", false: "no"}[p >= 0.5]; r[2] != want {
			t.Errorf("line %d: probability %v labelled %q, want %q", i+2, p, r[2], want)
		}
		for _, cell := range r[3:] {
			if !reason.MatchString(cell) {
				t.Errorf("line %d reason %q is not column=value (±attribution)", i+2, cell)
			}
		}
		if r[3] == r[4] {
			t.Errorf("line %d gives the same reason twice", i+2)
		}
	}
}

func TestEvalAgreesWithPredict(t *testing.T) {
	data := usersCSV(t, 300)
	model := trainModel(t, data)
	c := newCLI(t)
	if code := c.run(context.Background(), "predict", "--model", model, "--data", data); code != exitOK {
		t.Fatalf("predict: exit %d, stderr %q", code, c.stderr.String())
	}
	recs, _ := csv.NewReader(strings.NewReader(c.stdout.String())).ReadAll()
	labels, _ := csv.NewReader(strings.NewReader(mustRead(t, data))).ReadAll()
	var probs, ys []float64
	for i, r := range recs[1:] {
		p, _ := strconv.ParseFloat(r[1], 64)
		probs = append(probs, p)
		ys = append(ys, map[string]float64{"yes": 1, "no": 0}[labels[i+1][4]])
	}

	c = newCLI(t)
	if code := c.run(context.Background(), "eval", "--model", model, "--data", data, "--json"); code != exitOK {
		t.Fatalf("eval: exit %d, stderr %q", code, c.stderr.String())
	}
	var doc struct {
		ROCAUC float64 `json:"roc_auc"`
		Rows   int     `json:"rows"`
		Gains  []any   `json:"gains"`
	}
	if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
		t.Fatalf("eval --json: %v\n%s", err, c.stdout.String())
	}
	// predict rounds probabilities to 6 decimals, which can reorder only
	// near-ties, so the AUCs agree closely rather than exactly.
	if want := rankAUC(probs, ys); doc.Rows != 300 || math.Abs(doc.ROCAUC-want) > 2e-3 {
		t.Errorf("eval: %d rows, roc_auc %v; the Mann–Whitney AUC of predict's output is %v", doc.Rows, doc.ROCAUC, want)
	}
	if len(doc.Gains) != 10 {
		t.Errorf("%d gains rows, want 10 deciles", len(doc.Gains))
	}

	c = newCLI(t)
	if code := c.run(context.Background(), "eval", "--model", model, "--data", data); code != exitOK {
		t.Fatalf("eval: exit %d", code)
	}
	for _, want := range []string{"roc_auc", "Confusion matrix:", "predicted 1", "Cumulative gains", "100.0%"} {
		if !strings.Contains(c.stdout.String(), want) {
			t.Errorf("eval output lacks %q:\n%s", want, c.stdout.String())
		}
	}
}

// rankAUC is the Mann–Whitney U statistic over all positive–negative pairs,
// ties counting one half: an O(n²) definition independent of the metrics
// package.
func rankAUC(scores, labels []float64) float64 {
	var pairs, wins float64
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
	return wins / pairs
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestEvalAndPredictRefuseBadInput(t *testing.T) {
	data := usersCSV(t, 200)
	model := trainModel(t, data)
	broken := writeFile(t, "broken.json", "{\n \"format\": \"retain-model\",\n \"version\": 1,\n \"threshold\": oops\n}\n")
	unlabelled := writeFile(t, "unlabelled.csv", "user_id,visits,spend,plan\nu1,3,10,basic\n")
	noColumn := writeFile(t, "nocol.csv", "user_id,visits,plan\nu1,3,basic\n")
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"eval", "--model", broken, "--data", data}, "broken.json: not valid JSON at line 4, column 15"},
		{[]string{"predict", "--model", broken, "--data", data}, "broken.json: not valid JSON at line 4"},
		{[]string{"eval", "--model", model, "--data", unlabelled}, `has no "churn" column: eval needs the true labels`},
		{[]string{"predict", "--model", model, "--data", noColumn}, `nocol.csv:1: missing column "spend" that the model was trained on`},
		{[]string{"predict", "--model", model}, "retain: give --data, --log or --builtin-users\n"},
		{[]string{"eval", "--data", data}, "retain: give --model, --cv or --folds\n"},
		{[]string{"eval", "--model", model, "--data", data, "--layers", "4"}, "--layers describes training and applies to --cv, not to --model"},
		{[]string{"eval", "--model", model}, "--model needs labelled rows to score: give --data"},
		{[]string{"eval", "--cv", "1"}, "--cv 1: want at least 2 folds"},
		{[]string{"predict", "--model", model, "--data", data, "--explain", "-1"}, "--explain -1: want a number of reasons ≥ 0"},
	}
	for _, tc := range cases {
		c := newCLI(t)
		if code := c.run(context.Background(), tc.args...); code != exitUsage {
			t.Errorf("%v: exit %d, want 2 (stderr %q)", tc.args[:1], code, c.stderr.String())
		}
		if !strings.Contains(c.stderr.String(), tc.want) {
			t.Errorf("%v: stderr %q, want %q", tc.args, c.stderr.String(), tc.want)
		}
	}
}

func TestEvalCrossValidates(t *testing.T) {
	c := newCLI(t)
	code := c.run(context.Background(), "eval", "--cv", "3", "--builtin-users", "900", "--epochs", "3", "--json")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, c.stderr.String())
	}
	var res experiment.CVResult
	if err := json.Unmarshal(c.stdout.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	if res.K != 3 || len(res.Folds) != 3 {
		t.Fatalf("k %d with %d folds, want 3", res.K, len(res.Folds))
	}
	var sum float64
	tests := 0
	aucs := make([]float64, 0, 3)
	for _, f := range res.Folds {
		sum += f.Scores.ROCAUC
		tests += f.TestRows
		aucs = append(aucs, f.Scores.ROCAUC)
	}
	sort.Float64s(aucs)
	if tests != 900 {
		t.Errorf("held-out folds cover %d rows, want all 900", tests)
	}
	if math.Abs(res.Mean.ROCAUC-sum/3) > 1e-12 || aucs[0] <= 0.5 {
		t.Errorf("mean roc_auc %v, folds %v", res.Mean.ROCAUC, aucs)
	}
	if !strings.Contains(c.stderr.String(), "fold 3/3 done") {
		t.Errorf("no fold progress on stderr: %q", c.stderr.String())
	}
}

// orderLog writes a year of orders: customer c orders every 7+c%40 days
// from day c%30, spending 10+c%7 each time, so recent and frequent buyers
// order again and both classes occur at any cutoff.
func orderLog(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("customer,date,amount\n")
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for c := range 120 {
		gap := 7 + c%40
		stop := 365 - (c%5)*60 // some customers lapse early
		for day := c % 30; day < stop; day += gap {
			fmt.Fprintf(&b, "c%03d,%s,%d\n", c, start.AddDate(0, 0, day).Format(time.DateOnly), 10+c%7)
		}
	}
	return writeFile(t, "orders.csv", b.String())
}

func TestEvalModelOnALaterCutoffOfAnOrderLog(t *testing.T) {
	log := orderLog(t)
	model := filepath.Join(t.TempDir(), "model.json")
	c := newCLI(t)
	code := c.run(context.Background(), "train", "--log", log, "--cutoff", "2024-06-30", "--horizon", "30d",
		"--epochs", "3", "--val", "0.25", "--out", model)
	if code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
	}
	c = newCLI(t)
	code = c.run(context.Background(), "eval", "--model", model, "--log", log, "--cutoff", "2024-09-30", "--json")
	if code != exitOK {
		t.Fatalf("eval: exit %d, stderr %q", code, c.stderr.String())
	}
	var doc struct {
		Rows      int     `json:"rows"`
		Positives float64 `json:"positives"`
		ROCAUC    float64 `json:"roc_auc"`
	}
	if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	// Every one of the 120 customers has ordered by 2024-09-30 (first orders
	// fall on days 0–29).
	if doc.Rows != 120 || doc.Positives == 0 || doc.Positives == 120 || !(doc.ROCAUC >= 0 && doc.ROCAUC <= 1) {
		t.Errorf("eval on the later cutoff: %+v", doc)
	}
	if !strings.Contains(c.stderr.String(), "cutoff 2024-09-30, horizon 30 days") {
		t.Errorf("stderr does not name the cohort: %q", c.stderr.String())
	}
}
