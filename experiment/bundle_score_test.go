package experiment

import (
	"bytes"
	"context"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/engine/metrics"
)

const telcoFile = "telco_churn/WA_Fn-UseC_-Telco-Customer-Churn.csv"

// telcoBundle trains briefly on the telco CSV and returns the experiment
// and its model read back from a file.
func telcoBundle(t *testing.T) (*Experiment, *Bundle) {
	t.Helper()
	needDatasets(t)
	path := filepath.Join(sharedDatasets, telcoFile)
	e := trainedOn(t, Source{Kind: "csv", Path: path, Label: "Churn"}, quickConfig(2))
	file := filepath.Join(t.TempDir(), "churn.model.json")
	if err := WriteFileAtomic(file, mustBundle(t, e, 0.5).Write); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := ReadBundle(f, file)
	if err != nil {
		t.Fatal(err)
	}
	return e, b
}

func TestScoreCSVMatchesTheTrainedModelOnTelco(t *testing.T) {
	e, b := telcoBundle(t)
	path := filepath.Join(sharedDatasets, telcoFile)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := b.ScoreCSV(f, path)
	if err != nil {
		t.Fatal(err)
	}
	tab := e.Data.Table
	all := make([]int, tab.Rows)
	for i := range all {
		all[i] = i
	}
	x, err := e.Pipeline.Transform(tab, all)
	if err != nil {
		t.Fatal(err)
	}
	want := make([]float64, tab.Rows)
	engine.NewPredictor(e.Net).PredictFlat(want, nil, x.RawMatrix().Data, tab.Rows)
	if len(s.Probabilities) != tab.Rows {
		t.Fatalf("%d rows scored, the file has %d", len(s.Probabilities), tab.Rows)
	}
	positives := 0
	for i, p := range want {
		if math.Float64bits(s.Probabilities[i]) != math.Float64bits(p) {
			t.Fatalf("row %d (%s): scored %v, the trained network gives %v", i+1, s.IDs[i], s.Probabilities[i], p)
		}
		if (s.Predicted[i] == "Yes") != (p >= 0.5) || (s.Predicted[i] != "Yes" && s.Predicted[i] != "No") {
			t.Fatalf("row %d: probability %v predicted %q", i+1, p, s.Predicted[i])
		}
		if p >= 0.5 {
			positives++
		}
	}
	if positives == 0 || positives == tab.Rows {
		t.Errorf("%d of %d rows predicted positive: the model did not learn", positives, tab.Rows)
	}
	if !slices.Equal(s.IDs, tab.IDs()) || s.IDs[0] != "7590-VHVEG" {
		t.Errorf("ids start %v, want the customerID column", s.IDs[:3])
	}
	if !slices.Equal(s.Actual, tab.Label.Values) {
		t.Error("the file's labels differ from the table's")
	}
	got, err := s.Report()
	if err != nil {
		t.Fatal(err)
	}
	ref, err := metrics.NewReport(want, tab.Label.Values, nil, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	if got.ROCAUC != ref.ROCAUC || got.Confusion != ref.Confusion {
		t.Errorf("report AUC %v confusion %+v, want %v %+v", got.ROCAUC, got.Confusion, ref.ROCAUC, ref.Confusion)
	}
}

func TestScoreCSVHandlesMissingCellsUnseenCategoriesAndNoLabel(t *testing.T) {
	_, b := telcoBundle(t)
	header := "customerID,gender,SeniorCitizen,Partner,Dependents,tenure,PhoneService,MultipleLines,InternetService," +
		"OnlineSecurity,OnlineBackup,DeviceProtection,TechSupport,StreamingTV,StreamingMovies,Contract," +
		"PaperlessBilling,PaymentMethod,MonthlyCharges,TotalCharges"
	known := "A-1,Female,0,Yes,No,1,No,No phone service,DSL,No,Yes,No,No,No,No,Month-to-month,Yes,Electronic check,29.85,29.85"
	odd := "B-2,Martian,0,Yes,No,,No,No phone service,DSL,No,Yes,No,No,No,No,Month-to-month,Yes,Electronic check,29.85,29.85"
	s, err := b.ScoreCSV(strings.NewReader(header+"\n"+known+"\n"+odd+"\n"), "new.csv")
	if err != nil {
		t.Fatal(err)
	}
	if s.Actual != nil || !slices.Equal(s.IDs, []string{"A-1", "B-2"}) {
		t.Fatalf("ids %v, labels %v", s.IDs, s.Actual)
	}
	// The odd row is the known row with gender's one-hot outputs all zero
	// and tenure at the training median, both in model units.
	rows, err := b.Pipeline.ReadRows(strings.NewReader(header+"\n"+known+"\n"), "known.csv")
	if err != nil {
		t.Fatal(err)
	}
	x := append([]float64(nil), rows.X.RawMatrix().Data...)
	x = append(x, x...)
	odd2 := x[len(x)/2:]
	for _, c := range b.Pipeline.Columns {
		switch c.Name {
		case "gender":
			clear(odd2[c.First : c.First+c.Width])
		case "tenure":
			odd2[c.First] = c.Transformed(c.Fill)
		}
	}
	net, err := b.Network()
	if err != nil {
		t.Fatal(err)
	}
	want := make([]float64, 2)
	engine.NewPredictor(net).PredictFlat(want, nil, x, 2)
	for i := range want {
		if math.Float64bits(s.Probabilities[i]) != math.Float64bits(want[i]) {
			t.Errorf("row %d: scored %v, want %v", i+1, s.Probabilities[i], want[i])
		}
	}
	var out bytes.Buffer
	opts := ExportOptions{IDName: s.IDName, Label: b.Label, Threshold: b.Threshold}
	if err := WriteScoresCSV(context.Background(), &out, s, opts); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 || lines[0] != "customerID,probability_Churn_Yes,predicted_Churn" || !strings.HasPrefix(lines[2], "B-2,") {
		t.Errorf("CSV output:\n%s", out.String())
	}
}

func TestScoreCSVErrorsNameTheFile(t *testing.T) {
	_, b := telcoBundle(t)
	_, err := b.ScoreCSV(strings.NewReader("customerID,gender\nX,Female\n"), "new.csv")
	// Every missing column is named, the first five in the model's order
	// and then how many more: telco's 19 inputs less gender leave 18.
	const want = `new.csv:1: missing columns "SeniorCitizen", "Partner", "Dependents", "tenure", "PhoneService" and 13 more that the model was trained on`
	if err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
}
