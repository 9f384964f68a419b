package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

// shopModel trains a small model on 2,000 users of the built-in shop with
// the default seeds and the portable kernels (so the numbers are the same
// on every amd64 processor), recording two levers.
func shopModel(t *testing.T) string {
	t.Helper()
	engine.SetPortableKernels(true)
	t.Cleanup(func() { engine.SetPortableKernels(false) })
	out := filepath.Join(t.TempDir(), "shop.json")
	c := newCLI(t)
	// --calib 0: the report's figures here are about planning, and the
	// model is the one the golden and the lever test were written for.
	if code := c.run(context.Background(), "train", "--builtin-users", "2000", "--epochs", "15", "--layers", "8",
		"--calib", "0", "--levers", "coupon_share,SESSIONS_30D", "--out", out); code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
	}
	return out
}

// The whole report on the built-in shop, as a golden file
// (testdata/TestPlanReportGoldenBuiltin.golden; -update rewrites it).
func TestPlanReportGoldenBuiltin(t *testing.T) {
	model := shopModel(t)
	raw, err := os.ReadFile(model)
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Levers []string `json:"levers"`
	}
	if err := json.Unmarshal(raw, &m); err != nil || strings.Join(m.Levers, ",") != "coupon_share,sessions_30d" {
		t.Fatalf("levers in the model file: %v (%v)", m.Levers, err)
	}
	c := newCLI(t)
	code := c.run(context.Background(), "plan", "--model", model, "--budget", "30%", "--cost", "2", "--value", "avg_order_value",
		"--success", "0.25")
	if code != exitOK {
		t.Fatalf("plan: exit %d, stderr %q", code, c.stderr.String())
	}
	golden.RequireEqual(t, c.stdout.Bytes())
}

// --json carries the same plan: its headline and best point are the
// Markdown's.
func TestPlanJSONMatchesMarkdown(t *testing.T) {
	model := shopModel(t)
	args := []string{"plan", "--model", model, "--cost", "1", "--value", "30", "--success", "0.2"}
	md, js := newCLI(t), newCLI(t)
	if md.run(context.Background(), args...) != exitOK || js.run(context.Background(), append(args, "--json")...) != exitOK {
		t.Fatalf("stderr %q %q", md.stderr.String(), js.stderr.String())
	}
	var doc struct {
		Caveat string `json:"caveat"`
		Plan   struct {
			Headline string `json:"headline"`
			Target   string `json:"target"`
			Best     struct {
				Contacted int `json:"contacted"`
			} `json:"best"`
			Curve     []json.RawMessage `json:"curve"`
			ByPercent []json.RawMessage `json:"curve_by_percent"`
		} `json:"plan"`
	}
	if err := json.Unmarshal(js.stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.stdout.String(), "**"+doc.Plan.Headline+"**") || doc.Plan.Target != "encourage" ||
		len(doc.Plan.Curve) != 11 || len(doc.Plan.ByPercent) != 100 || !strings.Contains(doc.Caveat, "not a measured effect of the campaign") {
		t.Errorf("JSON %s\nMarkdown %s", js.stdout.String(), md.stdout.String())
	}
}

func TestPlanBadInputExitsTwoWithASentence(t *testing.T) {
	model := shopModel(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--success", "1.5"}, "--success 1.5: want a share above 0 and at most 1, such as 0.2"},
		{[]string{"--success", "0"}, "--success 0: want a share above 0 and at most 1, such as 0.2"},
		{[]string{"--budget", "lots"}, "--budget lots: want an amount above 0, such as 5000, or a share of customers above 0 and at most 100%, such as 10%"},
		{[]string{"--budget", "150%"}, "--budget 150%: want an amount above 0, such as 5000, or a share of customers above 0 and at most 100%, such as 10%"},
		{[]string{"--budget", "0"}, "--budget 0: want an amount above 0, such as 5000, or a share of customers above 0 and at most 100%, such as 10%"},
		{[]string{"--budget", "0%"}, "--budget 0%: want an amount above 0, such as 5000, or a share of customers above 0 and at most 100%, such as 10%"},
		{[]string{"--cost", "-1"}, "--cost -1: want an amount ≥ 0, such as 2.5"},
		{[]string{"--value", "-3"}, "--value -3: want an amount ≥ 0 or a numeric column, such as 120"},
		{[]string{"--value", "margin"}, "--value margin: not an amount, nor a numeric column of built-in shop (2,000 users, seed 0); its numeric columns: sessions_30d, pages_per_session, cart_adds_30d, orders_90d, days_since_last_visit, days_since_last_order, avg_order_value, coupon_share, returns_90d, tenure_days"},
		{[]string{"--target", "keep"}, `--target "keep": want prevent or encourage (optionally :CLASS, one of "yes" and "no")`},
		{[]string{"--levers", "price"}, `--levers: unknown column: lever "price" is not a feature column of the model (its columns: sessions_30d, pages_per_session, cart_adds_30d, orders_90d, days_since_last_visit, days_since_last_order, avg_order_value, coupon_share, returns_90d, tenure_days)`},
		{[]string{"--cutoff", "1997-09-30"}, "--cutoff and --log-columns apply to --log, not --data"},
		{[]string{"--levers", "coupon_share:up,coupon_share:down"}, "--levers: lever coupon_share is given twice, as coupon_share:up and coupon_share:down: give it once"},
	} {
		cli := newCLI(t)
		code := cli.run(context.Background(), append([]string{"plan", "--model", model}, c.args...)...)
		if got := strings.TrimSpace(cli.stderr.String()); code != exitUsage || got != "retain: "+c.want {
			t.Errorf("%v: exit %d, stderr %q, want 2 and %q", c.args, code, got, c.want)
		}
	}
}

// A model trained on a file needs customers to plan for.
func TestPlanWithoutDataNamesTheTrainingFile(t *testing.T) {
	model := trainModel(t, usersCSV(t, 200))
	c := newCLI(t)
	code := c.run(context.Background(), "plan", "--model", model)
	want := "retain: plan needs --data or --log: " + model + " was trained on "
	if got := c.stderr.String(); code != exitUsage || !strings.HasPrefix(got, want) {
		t.Errorf("exit %d, stderr %q, want 2 and %q…", code, got, want)
	}
}

// plan --log segments an order log's customers by RFM cell: on CDNOW
// master at 1997-09-30 the segment sizes are those of the pandas reference
// (testdata/rfm/rfm.py's output, counted with uniq -c).
func TestPlanLogSegmentsByRFMCell(t *testing.T) {
	model := trainCDNOW(t)
	c := newCLI(t)
	code := c.run(context.Background(), "plan", "--model", model, "--log", cdnowMaster, "--cutoff", "1997-09-30",
		"--target", "prevent", "--value", "monetary_avg", "--json")
	if code != exitOK {
		t.Fatalf("plan: exit %d, stderr %q", code, c.stderr.String())
	}
	var doc struct {
		Plan struct {
			Kind     string `json:"segment_kind"`
			Outcome  string `json:"outcome"`
			Segments []struct {
				Segment   string `json:"segment"`
				Customers int    `json:"customers"`
			} `json:"segments"`
		} `json:"plan"`
	}
	if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"About to sleep": 3237, "At risk": 2212, "Can't lose them": 69, "Champions": 4142,
		"Hibernating": 5569, "Lost": 1501, "Loyal": 2846, "Need attention": 882, "Potential loyalist": 2517, "Promising": 595}
	got := map[string]int{}
	for _, s := range doc.Plan.Segments {
		got[s.Segment] = s.Customers
	}
	if doc.Plan.Kind != "rfm" || doc.Plan.Outcome != "orders_again_90d = no" || len(got) != len(want) {
		t.Fatalf("kind %q, outcome %q, segments %v", doc.Plan.Kind, doc.Plan.Outcome, got)
	}
	for name, n := range want {
		if got[name] != n {
			t.Errorf("%s: %d customers, pandas %d", name, got[name], n)
		}
	}
}

// --levers on plan replaces the model file's levers.
func TestPlanLeversFlagOverridesTheModelFile(t *testing.T) {
	model := shopModel(t)
	c := newCLI(t)
	if code := c.run(context.Background(), "plan", "--model", model, "--levers", "Coupon_Share", "--json"); code != exitOK {
		t.Fatalf("plan: exit %d, stderr %q", code, c.stderr.String())
	}
	var doc struct {
		Plan struct {
			Levers   []string `json:"levers"`
			Contacts []struct {
				Lever *struct {
					Column string `json:"column"`
				} `json:"lever"`
			} `json:"contacts"`
		} `json:"plan"`
	}
	if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	moved := 0
	for _, ct := range doc.Plan.Contacts {
		if ct.Lever != nil {
			moved++
			if ct.Lever.Column != "coupon_share" {
				t.Errorf("lever %q, want coupon_share only", ct.Lever.Column)
			}
		}
	}
	if strings.Join(doc.Plan.Levers, ",") != "coupon_share" || moved == 0 {
		t.Errorf("levers %v, %d contacts with a lever", doc.Plan.Levers, moved)
	}
}

// plan --value COLUMN reads the column's raw values, not the model's
// inputs: min-max scaling clips them to the 10th smallest and largest
// training values, which would cut the top customers' value down. Two
// customers spend far beyond the range; each listed contact's value must be
// its spend in the file (a blank spend is the model's fill).
func TestPlanValueColumnReadsRawValues(t *testing.T) {
	raw, err := os.ReadFile(usersCSV(t, 200))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	spend := map[string]string{}
	for i, line := range lines[1:] {
		f := strings.Split(line, ",")
		switch i {
		case 0:
			f[2] = "250000"
		case 1:
			f[2] = "99999.5"
		}
		lines[i+1] = strings.Join(f, ",")
		spend[f[0]] = f[2]
	}
	path := writeFile(t, "whales.csv", strings.Join(lines, "\n")+"\n")
	model := filepath.Join(t.TempDir(), "model.json")
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--data", path, "--label", "churn", "--epochs", "2", "--layers", "8",
		"--scale", "minmax", "--out", model); code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "plan", "--model", model, "--data", path, "--value", "SPEND", "--budget", "100%",
		"--cost", "1", "--success", "0.2", "--json"); code != exitOK {
		t.Fatalf("plan: exit %d, stderr %q", code, c.stderr.String())
	}
	var doc struct {
		Plan struct {
			ValueColumn string `json:"value_column"`
			Contacts    []struct {
				ID    string  `json:"id"`
				Value float64 `json:"value"`
			} `json:"contacts"`
		} `json:"plan"`
	}
	if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Plan.ValueColumn != "spend" || len(doc.Plan.Contacts) == 0 {
		t.Fatalf("value column %q, %d contacts", doc.Plan.ValueColumn, len(doc.Plan.Contacts))
	}
	whales := 0
	for _, ct := range doc.Plan.Contacts {
		want, err := strconv.ParseFloat(spend[ct.ID], 64)
		if err != nil {
			t.Fatalf("contact %q: %v", ct.ID, err)
		}
		if ct.Value != want {
			t.Errorf("contact %s: value %v, the file says %v", ct.ID, ct.Value, want)
		}
		if want > 1000 {
			whales++
		}
	}
	if whales != 2 {
		t.Errorf("%d of the two big spenders among the contacts %+v", whales, doc.Plan.Contacts)
	}
}

// With --value COLUMN the report says how the column's blank and negative
// cells were valued: the blank at the model file's fill for the column
// (read back from the file), the negative as 0; the JSON has no assumed
// value, as none is used.
func TestPlanValueColumnSaysHowBlanksCount(t *testing.T) {
	raw, err := os.ReadFile(usersCSV(t, 200))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	for i, v := range map[int]string{1: "", 2: "-5"} {
		f := strings.Split(lines[i], ",")
		f[2] = v
		lines[i] = strings.Join(f, ",")
	}
	path := writeFile(t, "gaps.csv", strings.Join(lines, "\n")+"\n")
	model := filepath.Join(t.TempDir(), "model.json")
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--data", path, "--label", "churn", "--epochs", "2", "--layers", "8",
		"--out", model); code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
	}
	file, err := os.ReadFile(model)
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Pipeline struct {
			Columns []struct {
				Name string  `json:"name"`
				Fill float64 `json:"fill"`
			} `json:"columns"`
		} `json:"pipeline"`
	}
	if err := json.Unmarshal(file, &m); err != nil {
		t.Fatal(err)
	}
	fill := math.NaN()
	for _, col := range m.Pipeline.Columns {
		if col.Name == "spend" {
			fill = col.Fill
		}
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "plan", "--model", model, "--data", path, "--value", "spend"); code != exitOK {
		t.Fatalf("plan: exit %d, stderr %q", code, c.stderr.String())
	}
	want := fmt.Sprintf("| value of a customer | per customer, column `spend`; blank cells: 1, valued at %s as the model filled them; negative values counted as 0: 1 |",
		experiment.Money(fill))
	if !strings.Contains(c.stdout.String(), want) {
		t.Errorf("report lacks %q:\n%s", want, c.stdout.String())
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "plan", "--model", model, "--data", path, "--value", "spend", "--json"); code != exitOK {
		t.Fatalf("plan --json: exit %d, stderr %q", code, c.stderr.String())
	}
	var doc struct {
		Plan struct {
			Assumptions map[string]float64 `json:"assumptions"`
			Blanks      int                `json:"value_blanks_filled"`
			Fill        float64            `json:"value_filled_with"`
			Zeroed      int                `json:"value_negatives_as_zero"`
		} `json:"plan"`
	}
	if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if _, ok := doc.Plan.Assumptions["value"]; ok || doc.Plan.Blanks != 1 || doc.Plan.Fill != fill || doc.Plan.Zeroed != 1 {
		t.Errorf("JSON %+v, want no assumed value, 1 blank at %v, 1 negative", doc.Plan, fill)
	}
}

// TestPlanGivesTrainsAUCInterval: plan's ROC AUC row gives the interval
// train printed for the same validation rows, DeLong's, and both name the
// method; plan gave Hanley–McNeil's (0.783 – 0.918 on this model against
// train's 0.789–0.913), which named it but train did not.
func TestPlanGivesTrainsAUCInterval(t *testing.T) {
	engine.SetPortableKernels(true)
	t.Cleanup(func() { engine.SetPortableKernels(false) })
	out := filepath.Join(t.TempDir(), "shop.json")
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--builtin-users", "2000", "--epochs", "15", "--layers", "8",
		"--calib", "0", "--out", out); code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
	}
	var m struct {
		Validation struct {
			ROCAUC float64 `json:"roc_auc"`
			CI     struct {
				Low, High float64
				Method    string
			} `json:"roc_auc_ci"`
		} `json:"validation_metrics"`
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &m); err != nil || m.Validation.CI.Method != "DeLong" {
		t.Fatalf("model file: %v, interval %+v", err, m.Validation.CI)
	}
	v := m.Validation
	// The built-in shop's Bayes limit follows, after "; ".
	trainLine := fmt.Sprintf("  roc_auc            %.4f  (95 %% CI %.3f–%.3f, DeLong; Bayes limit ", v.ROCAUC, v.CI.Low, v.CI.High)
	if !strings.Contains(c.stdout.String(), trainLine) {
		t.Errorf("train's output lacks %q:\n%s", trainLine, c.stdout)
	}
	p := newCLI(t)
	if code := p.run(context.Background(), "plan", "--model", out); code != exitOK {
		t.Fatalf("plan: exit %d, stderr %q", code, p.stderr.String())
	}
	// 201 validation rows (10 % of 2,000, as the golden report says).
	planRow := fmt.Sprintf("| ROC AUC | %.3f | %.3f – %.3f (DeLong) | 201 |\n", v.ROCAUC, v.CI.Low, v.CI.High)
	if !strings.Contains(p.stdout.String(), planRow) {
		t.Errorf("plan's report lacks %q:\n%s", planRow, p.stdout)
	}
}

// plan on the very rows a model was trained on ranks and counts on
// in-sample probabilities: it warns, as eval does, in any row order and
// from standard input, and is silent on other rows.
func TestPlanWarnsWhenItPlansOnTheTrainingRows(t *testing.T) {
	users := usersCSV(t, 300)
	model := trainModel(t, users)
	raw, err := os.ReadFile(users)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(raw), "\n"), "\n")
	reversed := []string{lines[0]}
	for i := len(lines) - 1; i > 0; i-- {
		reversed = append(reversed, lines[i])
	}
	shuffled := writeFile(t, "reversed.csv", strings.Join(reversed, "\n")+"\n")
	fewer := writeFile(t, "fewer.csv", strings.Join(lines[:201], "\n")+"\n")
	warning := func(name string) string {
		return "warning: " + name + " holds exactly the 300 rows " + model + " was trained on (in any order): their " +
			"probabilities are in-sample, surer than on customers it has not seen, and so are the plan's expected " +
			"figures; plan on customers it has not seen\n"
	}
	for _, tc := range []struct {
		data, stdin, want string
	}{
		{users, "", warning(users)},
		{shuffled, "", warning(shuffled)},
		{"-", string(raw), warning("<stdin>")},
		{fewer, "", ""},
	} {
		c := newCLI(t)
		c.app.stdin = strings.NewReader(tc.stdin)
		if code := c.run(context.Background(), "plan", "--model", model, "--data", tc.data); code != exitOK {
			t.Fatalf("%s: exit %d, stderr %q", tc.data, code, c.stderr.String())
		}
		got := c.stderr.String()
		if tc.want == "" && strings.Contains(got, "warning: ") || tc.want != "" && !strings.Contains(got, tc.want) {
			t.Errorf("%s: stderr %q, want the warning %q", tc.data, got, tc.want)
		}
	}
}

// The Markdown report says when customers have a short history, as stderr
// does (review 14, L5): CDNOW master's 23,570 customers all made their
// first order from 1 January to 25 March 1997, fewer than 90 days before
// 1997-03-31, so every one is short.
func TestPlanReportSaysShortHistory(t *testing.T) {
	model := trainCDNOW(t)
	c := newCLI(t)
	code := c.run(context.Background(), "plan", "--model", model, "--log", cdnowMaster, "--cutoff", "1997-03-31", "--target", "prevent")
	if code != exitOK {
		t.Fatalf("plan: exit %d, stderr %q", code, c.stderr.String())
	}
	want := "\nAll 23,570 customers have a short history (first order fewer than 90 days before the cutoff): the model sees " +
		"less of their behaviour, so their probabilities, and the plan's figures for them, are less sure.\n"
	if !strings.Contains(c.stdout.String(), want) {
		t.Errorf("report lacks %q:\n%s", want, c.stdout.String()[:min(1500, c.stdout.Len())])
	}
	if !strings.Contains(c.stderr.String(), "23,570 have a short history") {
		t.Errorf("stderr %q", c.stderr.String())
	}
}

// shortNote's wording for some, one and none of the customers.
func TestPlanShortNote(t *testing.T) {
	rep := &experiment.PlanReport{Customers: 300}
	for _, c := range []struct {
		short int
		want  string
	}{
		{0, ""},
		{1, "1 of the 300 customers has a short history"},
		{12, "12 of the 300 customers have a short history"},
		{300, "All 300 customers have a short history"},
	} {
		got := planDoc{report: rep, short: c.short}.shortNote()
		if c.want == "" && got != "" || !strings.HasPrefix(got, c.want) {
			t.Errorf("%d short: %q, want %q…", c.short, got, c.want)
		}
	}
}
