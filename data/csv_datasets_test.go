package data

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// datasetsDir is ../shared/datasets seen from the module root.
const datasetsDir = "../../shared/datasets"

func openDataset(t *testing.T, rel string) *os.File {
	t.Helper()
	if _, err := os.Stat(datasetsDir); err != nil {
		t.Skipf("shared data sets not available at %s: %v", datasetsDir, err)
	}
	f, err := os.Open(filepath.Join(datasetsDir, rel))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// everyRowButThirds returns the rows i with i%3 != 0: a fixed training
// subset that the Python reference below reproduces exactly.
func everyRowButThirds(n int) []int {
	var rows []int
	for i := range n {
		if i%3 != 0 {
			rows = append(rows, i)
		}
	}
	return rows
}

func closeTo(a, b, tol float64) bool { return math.Abs(a-b) <= tol*math.Max(1, math.Abs(b)) }

// Reference values computed with pandas 1.5.3 and scikit-learn 1.2.1:
//
//	o = pd.read_csv("online_shoppers_intention.csv")
//	len(o)=12330, o.Revenue.sum()=1908, o.Weekend.sum()=2868, o.Month.nunique()=10,
//	o.VisitorType.value_counts(): Returning_Visitor 10551, New_Visitor 1694, Other 85,
//	o.duplicated().sum()=125, o.isna().sum().sum()=0
//	sub = o.iloc[[i for i in range(len(o)) if i%3]]: sub.duplicated().sum()=60,
//	d = sub[~sub.duplicated()]: len(d)=8160, d.PageValues.max()=361.7637419,
//	d.ExitRates.mean()=0.04184050261666667, d.ExitRates.std(ddof=0)=0.04662733478874701
func TestOnlineShoppers(t *testing.T) {
	f := openDataset(t, "online_shoppers/online_shoppers_intention.csv")
	tab, err := ReadCSV(f, "online_shoppers_intention.csv", CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if tab.Rows != 12330 || tab.Label.Name != "Revenue" || tab.Label.Positive != "TRUE" {
		t.Fatalf("rows %d label %+v", tab.Rows, tab.Label.Name)
	}
	if pos := tab.Label.PositiveRate() * 12330; math.Round(pos) != 1908 {
		t.Errorf("positives %v, want 1908", pos)
	}
	month, visitor, weekend := tab.Column("Month"), tab.Column("VisitorType"), tab.Column("Weekend")
	if month.Kind != Categorical || !slices.Equal(month.Levels, []string{"Aug", "Dec", "Feb", "Jul", "June", "Mar", "May", "Nov", "Oct", "Sep"}) {
		t.Errorf("Month %v %q", month.Kind, month.Levels)
	}
	if visitor.Kind != Categorical || len(visitor.Levels) != 3 {
		t.Errorf("VisitorType %v %q", visitor.Kind, visitor.Levels)
	}
	counts := map[string]int{}
	for _, s := range visitor.Strings {
		counts[s]++
	}
	if counts["Returning_Visitor"] != 10551 || counts["New_Visitor"] != 1694 || counts["Other"] != 85 {
		t.Errorf("VisitorType counts %v", counts)
	}
	if weekend.Kind != Boolean || math.Round(mean(weekend.Values)*12330) != 2868 {
		t.Errorf("Weekend %v, true count %v", weekend.Kind, mean(weekend.Values)*12330)
	}
	if _, dropped := DropDuplicates(tab, nil); dropped != 0 {
		t.Errorf("no rows, %d dropped", dropped)
	}
	all := make([]int, tab.Rows)
	for i := range all {
		all[i] = i
	}
	if _, dropped := DropDuplicates(tab, all); dropped != 125 {
		t.Errorf("duplicates in the whole file: %d, want 125", dropped)
	}

	p, err := FitPipeline(tab, everyRowButThirds(tab.Rows), PipelineOptions{Scale: ScaleZScore})
	if err != nil {
		t.Fatal(err)
	}
	if p.Duplicates != 60 || len(p.FitRows) != 8160 {
		t.Errorf("dropped %d kept %d, want 60 and 8160", p.Duplicates, len(p.FitRows))
	}
	// 14 numeric + 10 months + 3 visitor types + Weekend.
	if p.Width() != 28 {
		t.Errorf("width %d, want 28: %v", p.Width(), p.FeatureNames())
	}
	for _, pc := range p.Columns {
		switch pc.Name {
		case "PageValues":
			// The mean of the 10th to 19th largest of the 8,160 fit rows
			// (rows i%3 != 0, exact duplicate rows dropped; plain Python
			// over the CSV: sum(sorted(v)[-19:-9])/10 = 189.26478789), not
			// the largest 361.7637419 nor the 10th largest 218.3951915,
			// each one customer's.
			if !closeTo(pc.Max, 189.26478789, 1e-12) {
				t.Errorf("PageValues max %v", pc.Max)
			}
		case "ExitRates":
			if !closeTo(pc.Center, 0.04184050261666667, 1e-12) || !closeTo(pc.Scale, 0.04662733478874701, 1e-12) {
				t.Errorf("ExitRates z-score %v %v", pc.Center, pc.Scale)
			}
		}
	}
}

// Reference values computed with pandas 1.5.3 and scikit-learn 1.2.1:
//
//	t = pd.read_csv("WA_Fn-UseC_-Telco-Customer-Churn.csv"); tc = pd.to_numeric(t.TotalCharges, errors="coerce")
//	len(t)=7043, (t.Churn=="Yes").sum()=1869, tc.isna().sum()=11 (rows 488 753 936 1082 1340 3331 3826
//	4380 5218 6670 6754), tc.Median()=1397.475, t.duplicated().sum()=0
//	sub = rows i%3 != 0 (4,687 present values, 8 blank); the bounds are the means of the 10th to
//	19th smallest and largest present values (sum(sorted(v)[9:19])/10, sum(sorted(v)[-19:-9])/10,
//	plain Python over the CSV) -> 19.29, 8369.73 (the true min and max 18.8 and 8684.8 and the 10th
//	values 19.2 and 8443.7 are single customers'). Every statistic is of the values clipped to
//	them (plain Python over the CSV): the group median (mean of the 10 sorted clipped values from
//	floor(0.5·(n−1) − 4)) 1398.56; range 8350.44; min-max of rows 0, 1, 488 (blank, filled):
//	0.0012646040208659668, 0.22396544373709654, 0.16517333218369334; the clipped mean
//	2286.594320460853, the imputed column's population sd 2261.390470477893; z-scores of rows 0,
//	1, 488: -0.9979454454780394, -0.1755974147962767, 0 (to 4e-16)
func TestTelcoChurn(t *testing.T) {
	f := openDataset(t, "telco_churn/WA_Fn-UseC_-Telco-Customer-Churn.csv")
	tab, err := ReadCSV(f, "telco.csv", CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if tab.Rows != 7043 || tab.Label.Name != "Churn" || tab.Label.Positive != "Yes" || math.Round(tab.Label.PositiveRate()*7043) != 1869 {
		t.Fatalf("rows %d label %+v rate %v", tab.Rows, tab.Label.Name, tab.Label.PositiveRate())
	}
	if tab.IDColumn != 0 || tab.Columns[0].Name != "customerID" || tab.IDs()[488] != "4472-LVYGI" {
		t.Errorf("id column %d", tab.IDColumn)
	}
	total := tab.Column("TotalCharges")
	if total.Kind != Numeric || total.Missing != 11 || !math.IsNaN(total.Values[6754]) {
		t.Errorf("TotalCharges %v missing %d", total.Kind, total.Missing)
	}
	if got := Median(slices.DeleteFunc(slices.Clone(total.Values), math.IsNaN)); got != 1397.475 {
		t.Errorf("median %v", got)
	}
	train := everyRowButThirds(tab.Rows)
	check := []int{0, 1, 488}
	for _, c := range []struct {
		opts        PipelineOptions
		fill, scale float64
		want        []float64
	}{
		{PipelineOptions{}, 1398.56, 8369.73 - 19.29, []float64{0.0012646040208659668, 0.22396544373709654, 0.16517333218369334}},
		{PipelineOptions{Impute: ImputeMean, Scale: ScaleZScore}, 2286.594320460853, 2261.390470477893, []float64{-0.9979454454780394, -0.1755974147962767, 0}},
	} {
		p, err := FitPipeline(tab, train, c.opts)
		if err != nil {
			t.Fatal(err)
		}
		if p.Duplicates != 0 || p.Width() != 41 {
			t.Errorf("duplicates %d width %d, want 0 and 41", p.Duplicates, p.Width())
		}
		X, err := p.Transform(tab, check)
		if err != nil {
			t.Fatal(err)
		}
		var pc *PipelineColumn
		for i := range p.Columns {
			if p.Columns[i].Name == "TotalCharges" {
				pc = &p.Columns[i]
			}
		}
		if !closeTo(pc.Fill, c.fill, 1e-9) || !closeTo(pc.Scale, c.scale, 1e-9) {
			t.Errorf("%+v: fill %v scale %v", c.opts, pc.Fill, pc.Scale)
		}
		for i, want := range c.want {
			if got := X.At(i, pc.First); !closeTo(got, want, 1e-9) {
				t.Errorf("%+v: row %d TotalCharges %v, want %v", c.opts, check[i], got, want)
			}
		}
	}
}

// TestReadRowsMatchesTransform scores each real file as raw new rows and
// expects exactly the matrix, ids and labels the table path produces.
func TestReadRowsMatchesTransform(t *testing.T) {
	for _, rel := range []string{"online_shoppers/online_shoppers_intention.csv", "telco_churn/WA_Fn-UseC_-Telco-Customer-Churn.csv"} {
		tab, err := ReadCSV(openDataset(t, rel), rel, CSVOptions{})
		if err != nil {
			t.Fatal(err)
		}
		p, err := FitPipeline(tab, everyRowButThirds(tab.Rows), PipelineOptions{MissingIndicators: true})
		if err != nil {
			t.Fatal(err)
		}
		all := make([]int, tab.Rows)
		for i := range all {
			all[i] = i
		}
		want, err := p.Transform(tab, all)
		if err != nil {
			t.Fatal(err)
		}
		got, err := p.ReadRows(openDataset(t, rel), rel)
		if err != nil {
			t.Fatal(err)
		}
		if !mat.Equal(got.X, want) || !slices.Equal(got.IDs, tab.IDs()) || !slices.Equal(got.Labels, tab.Label.Values) {
			t.Errorf("%s: ReadRows differs from Transform", rel)
		}
	}
}
