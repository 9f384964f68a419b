package scoreapi

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// pathReasons are one path's reason texts, by row id, in the path's order.
type pathReasons map[string][]string

// reasonColumn is the column a reason text names: the text before its
// "=", "≥" or "≤".
func reasonColumn(s string) string {
	i := strings.IndexAny(s, "=≥≤")
	if i < 0 {
		return ""
	}
	return s[:i]
}

// reasonOf returns the text of column's reason among texts ("" if none).
func reasonOf(texts []string, column string) string {
	for _, s := range texts {
		if reasonColumn(s) == column {
			return s
		}
	}
	return ""
}

// csvReasons reads a CSV's reason columns (from column first on) by id.
func csvReasons(t *testing.T, text []byte, first int) pathReasons {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(text)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	out := pathReasons{}
	for _, rec := range recs[1:] {
		out[rec[0]] = slices.DeleteFunc(slices.Clone(rec[first:]), func(s string) bool { return s == "" })
	}
	return out
}

// Every path that explains a scored row reads "≥"/"≤"/"=" for a clipped
// column by one rule, from the row's own value: predict --explain
// (Bundle.ScoreCSV, then WriteScoresCSV), the API (POST /v1/predict), the
// Users screen (Experiment.ExplainRow) and its export (ExportRows), and a
// plan's contact list. Four rows of the same file go through all of them,
// spend set relative to the model's own bounds: 100 above the upper one
// (≥ upper), 5 below the lower one (≤ lower), exactly the upper one, which
// is not a whole number (=, where the model's input alone, Explain, reads
// ≥), and the whole number nearest the middle of the range (=). visits is
// the baseline user's, so that its reason is ≈ 0 and spend is among the
// contact list's three reasons.
func TestEveryPathGivesTheSameReasons(t *testing.T) {
	dir := t.TempDir()
	model := trainModel(t, dir, "model.json", 1)
	srv, err := New(model, Config{Token: []byte(testToken), Poll: -1})
	if err != nil {
		t.Fatal(err)
	}
	b := readBundle(t, model)
	x, err := b.Explainer(nil)
	if err != nil {
		t.Fatal(err)
	}
	var spend, visits *data.PipelineColumn
	for i := range b.Pipeline.Columns {
		switch pc := &b.Pipeline.Columns[i]; pc.Name {
		case "spend":
			spend = pc
		case "visits":
			visits = pc
		}
	}
	if spend == nil || visits == nil || !spend.Clip || spend.Max == math.Trunc(spend.Max) {
		t.Fatalf("the test model's spend is %+v: want a clipped column with an upper bound that is not whole", spend)
	}
	g := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	inside := math.Round((spend.Min + spend.Max) / 2)
	vis := g(visits.Original(x.Baseline[visits.First]))
	file := "user_id,visits,spend,plan,member,churn\n" +
		fmt.Sprintf("above,%s,%s,pro,true,yes\n", vis, g(spend.Max+100)) +
		fmt.Sprintf("below,%s,%s,basic,false,no\n", vis, g(spend.Min-5)) +
		fmt.Sprintf("at,%s,%s,plus,true,yes\n", vis, g(spend.Max)) +
		fmt.Sprintf("inside,%s,%s,pro,false,no\n", vis, g(inside))
	path := filepath.Join(dir, "rows.csv")
	if err := os.WriteFile(path, []byte(file), 0o600); err != nil {
		t.Fatal(err)
	}
	upper, lower := experiment.FormatValue(spend.Max), experiment.FormatValue(spend.Min)
	want := map[string]string{"above": "spend≥" + upper + " (", "below": "spend≤" + lower + " (",
		"at": "spend=" + upper + " (", "inside": "spend=" + g(inside) + " ("}
	ctx := context.Background()
	n := len(b.Pipeline.Columns)
	paths := map[string]pathReasons{}

	// predict --explain: the scores CSV of the file.
	sc, err := b.ScoreCSV(bytes.NewReader([]byte(file)), path)
	if err != nil {
		t.Fatal(err)
	}
	opts := experiment.ExportOptions{IDName: sc.IDName, Label: b.Label, Threshold: b.Threshold, Reasons: n, Explainer: x, Data: path}
	var out bytes.Buffer
	if err := experiment.WriteScoresCSV(ctx, &out, sc, opts); err != nil {
		t.Fatal(err)
	}
	paths["predict"] = csvReasons(t, out.Bytes(), 3)

	// The API, sent the file's rows as a client sends them.
	rows, err := RowsFromCSV(strings.NewReader(file), b.Pipeline)
	if err != nil {
		t.Fatal(err)
	}
	body, err := json.Marshal(Request{Rows: rows, Explain: n})
	if err != nil {
		t.Fatal(err)
	}
	rec := call(t, srv, http.MethodPost, "/v1/predict", testToken, string(body))
	var resp Response
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil || rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s (%v)", rec.Code, rec.Body, err)
	}
	paths["api"] = pathReasons{}
	for _, p := range resp.Predictions {
		for _, r := range p.Reasons {
			paths["api"][p.ID] = append(paths["api"][p.ID], r.Text)
		}
	}

	// The Users screen and its export, on the file as the table it shows.
	d, err := experiment.Load(experiment.Source{Kind: "csv", Path: path, Label: "churn"},
		func(p string) (io.ReadCloser, error) { return os.Open(p) })
	if err != nil {
		t.Fatal(err)
	}
	view := &experiment.Experiment{Data: d, Pipeline: b.Pipeline, Net: x.Net}
	ids := d.Table.IDs()
	paths["users"] = pathReasons{}
	for row := range d.Table.Rows {
		ex, err := view.ExplainRow(x, row)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range ex.Reasons {
			paths["users"][ids[row]] = append(paths["users"][ids[row]], experiment.FormatReason(r))
		}
	}
	out.Reset()
	scores := &experiment.TableScores{IDs: ids, Probabilities: sc.Probabilities}
	if err := experiment.WriteScoresCSV(ctx, &out, view.ExportRows(scores, []int{0, 1, 2, 3}), opts); err != nil {
		t.Fatal(err)
	}
	paths["users export"] = csvReasons(t, out.Bytes(), 3)

	// A plan's contact list that contacts all four (3 reasons each), their
	// own values read from the table as the Plan screen reads them.
	seg, err := experiment.ValueSegments(sc.Probabilities, nil)
	if err != nil {
		t.Fatal(err)
	}
	own := func(i int, pc *data.PipelineColumn) float64 { return experiment.OwnValue(d.Table, i, pc) }
	target := experiment.NewTarget(data.LabelSpec{Name: "churn", Positive: "yes", Negative: "no"}, experiment.Prevent)
	rep, err := experiment.NewPlanReport(experiment.PlanInput{IDs: sc.IDs, Probs: sc.Probabilities, Segments: seg,
		Explainer: x, Row: sc.X.RawRowView, Own: own, Positive: true},
		experiment.PlanRequest{Assumptions: experiment.PlanAssumptions{CostPerContact: 0.01, Value: 100, Success: 0.5},
			Prevent: true, Outcome: target.Outcome()})
	if err != nil {
		t.Fatal(err)
	}
	list := experiment.ContactList{Report: rep, Segments: seg, Target: target, IDs: sc.IDs, Explainer: x,
		Row: sc.X.RawRowView, Own: own}
	out.Reset()
	if err := list.Write(ctx, &out, nil); err != nil {
		t.Fatal(err)
	}
	// The reasons come after the list's other columns (value and
	// expected_gain among them): found by the header's reason_1.
	head, _, _ := bytes.Cut(out.Bytes(), []byte("\n"))
	first := slices.Index(strings.Split(string(head), ","), "reason_1")
	if first < 0 {
		t.Fatalf("the contact list's header %q has no reason_1", head)
	}
	contacts := csvReasons(t, out.Bytes(), first)
	if len(contacts) != 4 {
		t.Fatalf("the plan contacts %d of the 4 rows, want all", len(contacts))
	}

	ref := paths["predict"]
	for id, prefix := range want {
		if got := reasonOf(ref[id], "spend"); !strings.HasPrefix(got, prefix) {
			t.Errorf("%s: predict's spend reason %q, want it to start %q", id, got, prefix)
		}
		for name, p := range paths {
			if !slices.Equal(p[id], ref[id]) {
				t.Errorf("%s: %s's reasons\n%q\npredict's\n%q", id, name, p[id], ref[id])
			}
		}
		if len(contacts[id]) != 3 || reasonOf(contacts[id], "spend") == "" {
			t.Errorf("%s: contact reasons %q: want 3, spend among them", id, contacts[id])
		}
		for _, s := range contacts[id] {
			if reasonOf(ref[id], reasonColumn(s)) != s {
				t.Errorf("%s: contact reason %q is not predict's %q", id, s, ref[id])
			}
		}
	}

	// From the model's input alone, the row at the bound reads "≥" (a bound
	// that is not whole is taken for a clipped value): the case the own
	// value settles.
	at := slices.Index(sc.IDs, "at")
	ex, err := x.Explain(sc.X.RawRowView(at))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range ex.Reasons {
		if r.Column == "spend" && r.Op() != "≥" {
			t.Errorf("Explain alone reads spend %s%s at the bound, want ≥ (the guess the own value corrects)", r.Op(), r.Value)
		}
	}
}
