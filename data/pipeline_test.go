package data

import (
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// trainCSV has a numeric column with a missing cell, a categorical, a
// boolean, an id and a label; row 5 (the sixth) duplicates row 1 exactly.
const trainCSV = `customerID,age,plan,promo,churn
c1,20,basic,Yes,no
c2,,pro,No,yes
c3,40,basic,No,no
c4,60,max,Yes,yes
c5,1000,max,No,no
c1,20,basic,Yes,no
`

func fitTrain(t *testing.T, opts PipelineOptions) (*Table, *Pipeline) {
	t.Helper()
	tab := mustRead(t, trainCSV, CSVOptions{})
	// Row 4 (age 1000, the only "max … No") is held out: it must not
	// influence any fitted value. Five rows: the exact statistics are
	// checked with groups of one (privacy_test.go checks the default).
	if opts.MinGroup == 0 {
		opts.MinGroup = 1
	}
	p, err := FitPipeline(tab, []int{0, 1, 2, 3, 5}, opts)
	if err != nil {
		t.Fatal(err)
	}
	return tab, p
}

func TestFitPipelineDefaults(t *testing.T) {
	tab, p := fitTrain(t, PipelineOptions{})
	if p.Duplicates != 1 || !slices.Equal(p.FitRows, []int{0, 1, 2, 3}) {
		t.Errorf("duplicates %d, fit rows %v", p.Duplicates, p.FitRows)
	}
	wantNames := []string{"age", "plan=basic", "plan=max", "plan=pro", "promo"}
	if !slices.Equal(p.FeatureNames(), wantNames) {
		t.Errorf("names %q, want %q", p.FeatureNames(), wantNames)
	}
	wantInputs := []int{0, 1, 1, 1, 2}
	for j, o := range p.Outputs {
		if o.Input != wantInputs[j] {
			t.Errorf("output %d input %d, want %d", j, o.Input, wantInputs[j])
		}
	}
	X, err := p.Transform(tab, []int{0, 1, 2, 3, 4})
	if err != nil {
		t.Fatal(err)
	}
	// Age over training rows {20, 40, 60} (row 1 missing): median 40,
	// min 20, max 60, so x' = (x-20)/40.
	want := mat.NewDense(5, 5, []float64{
		0, 1, 0, 0, 1,
		0.5, 0, 0, 1, 0, // missing age -> 40
		0.5, 1, 0, 0, 0,
		1, 0, 1, 0, 1,
		1, 0, 1, 0, 0, // held-out 1000 is clipped to the training range
	})
	if !mat.Equal(X, want) {
		t.Errorf("X =\n%v\nwant\n%v", mat.Formatted(X), mat.Formatted(want))
	}
	age := p.InputOf(0)
	if p.InputOf(2).Name != "plan" || age.Original(X.At(4, 0)) != 60 || age.Transformed(60) != 1 || age.Missing != 1 {
		t.Errorf("inverse %v, forward %v, missing %d", age.Original(X.At(4, 0)), age.Transformed(60), age.Missing)
	}
}

func TestFitPipelineOptions(t *testing.T) {
	tab, p := fitTrain(t, PipelineOptions{Impute: ImputeMean, MissingIndicators: true, Scale: ScaleZScore, KeepDuplicates: true})
	if p.Duplicates != 0 || len(p.FitRows) != 5 {
		t.Errorf("duplicates %d rows %d", p.Duplicates, len(p.FitRows))
	}
	// Training ages {20, missing, 40, 60, 20}: mean 35; imputed column
	// {20, 35, 40, 60, 20} has mean 35 and population sd sqrt(1850/5).
	age := p.Columns[0]
	sd := math.Sqrt((225.0 + 0 + 25 + 625 + 225) / 5)
	if age.Fill != 35 || age.Center != 35 || math.Abs(age.Scale-sd) > 1e-12 || !age.Indicator {
		t.Errorf("age %+v, want fill 35 center 35 scale %v", age, sd)
	}
	if got := p.FeatureNames()[:2]; !slices.Equal(got, []string{"age", "age (missing)"}) {
		t.Errorf("names %q", got)
	}
	X, err := p.Transform(tab, []int{1, 2})
	if err != nil {
		t.Fatal(err)
	}
	if X.At(0, 0) != 0 || X.At(0, 1) != 1 || math.Abs(X.At(1, 0)-5/sd) > 1e-12 || X.At(1, 1) != 0 {
		t.Errorf("rows 1,2 = %v", mat.Formatted(X))
	}
}

func TestPipelineJSONRoundTrip(t *testing.T) {
	tab, p := fitTrain(t, PipelineOptions{MissingIndicators: true, Scale: ScaleZScore, Impute: ImputeMean})
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"kind":"categorical"`) || !strings.Contains(string(b), `"scale":"zscore"`) {
		t.Errorf("JSON lacks readable enums: %s", b)
	}
	var back Pipeline
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	rows := []int{0, 1, 2, 3, 4, 5}
	x1, _ := p.Transform(tab, rows)
	x2, err := back.Transform(tab, rows)
	if err != nil || !mat.Equal(x1, x2) {
		t.Errorf("after round trip err %v, X differs", err)
	}
	var bad Pipeline
	if err := json.Unmarshal([]byte(`{"options":{"scale":"log"}}`), &bad); err == nil || !strings.Contains(err.Error(), `unknown scaling "log"`) {
		t.Errorf("bad scaling: %v", err)
	}
}

func TestPipelineReadRows(t *testing.T) {
	_, p := fitTrain(t, PipelineOptions{})
	// Columns reordered, an extra column, no label, an unseen plan, a blank
	// age, a decimal comma and a lower-case boolean spelling.
	rows, err := p.ReadRows(strings.NewReader("promo;extra;plan;age;customerID\nyes;z;gold;;n1\nNo;z;pro;80,0;n2\n"), "new.csv")
	if err != nil {
		t.Fatal(err)
	}
	// Age 80 lies beyond the training range [20, 60]: clipped to 1.
	want := mat.NewDense(2, 5, []float64{0.5, 0, 0, 0, 1, 1, 0, 0, 1, 0})
	if !mat.Equal(rows.X, want) || !slices.Equal(rows.IDs, []string{"n1", "n2"}) || rows.Labels != nil {
		t.Errorf("X =\n%v\nIDs %v labels %v", mat.Formatted(rows.X), rows.IDs, rows.Labels)
	}
	rows, err = p.ReadRows(strings.NewReader("age,plan,promo,churn\n20,basic,Yes,yes\n20,basic,Yes,\n"), "new.csv")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows.IDs, []string{"1", "2"}) || rows.Labels[0] != 1 || !math.IsNaN(rows.Labels[1]) {
		t.Errorf("IDs %v labels %v", rows.IDs, rows.Labels)
	}
	cases := []struct{ in, want string }{
		{"age,promo\n1,Yes\n", `new.csv:1: missing column "plan" that the model was trained on`},
		// Every missing column is named (before review30 #9, the first only).
		{"age\n1\n", `new.csv:1: missing columns "plan" and "promo" that the model was trained on`},
		{"Age,Plan\n1,basic\n", `new.csv:1: missing columns "age", "plan" and "promo" that the model was trained on: ` +
			`none of its 3 columns is in the file (is it the model for this file?)`},
		{"age,plan,promo\nold,basic,Yes\n", `new.csv:2:1: column "age": expected a finite number, got "old"`},
		// A long cell is cut to its first 40 bytes so the message stays one readable line.
		{"age,plan,promo\n" + strings.Repeat("9x", 5000) + ",basic,Yes\n",
			`new.csv:2:1: column "age": expected a finite number, got "` + strings.Repeat("9x", 20) + `"…`},
		{"age,plan,promo\n1,basic,maybe\n", `new.csv:2:3: column "promo": expected "No" or "Yes", got "maybe"`},
		{"age,plan,promo\n1,basic\n", `new.csv:2:3: row has 2 fields, header has 3`},
		{"age,plan,promo,churn\n1,basic,No,perhaps\n", `new.csv:2:4: label "churn": expected "yes" or "no", got "perhaps"`},
		{"age,plan,promo\n", `new.csv: only a header, no data rows`},
		{"", `new.csv: empty file (no header)`},
	}
	for _, c := range cases {
		_, err := p.ReadRows(strings.NewReader(c.in), "new.csv")
		if err == nil || err.Error() != c.want {
			t.Errorf("ReadRows(%q) error %v, want %q", c.in, err, c.want)
		}
	}
}

func TestPipelineErrors(t *testing.T) {
	tab, p := fitTrain(t, PipelineOptions{})
	if _, err := FitPipeline(tab, []int{0, 9}, PipelineOptions{}); !errors.Is(err, ErrShape) || err.Error() != "inconsistent shape: t.csv: row 9 outside [0, 6)" {
		t.Errorf("out of range: %v", err)
	}
	if _, err := FitPipeline(tab, nil, PipelineOptions{}); !errors.Is(err, ErrShape) {
		t.Errorf("no rows: %v", err)
	}
	other := mustRead(t, "customerID,age,promo,churn\na,1,Yes,no\nb,2,No,yes\n", CSVOptions{})
	if _, err := p.Transform(other, []int{0}); !errors.Is(err, ErrMissingColumn) || err.Error() != `t.csv: missing column "plan" that the pipeline was fitted on` {
		t.Errorf("missing column: %v", err)
	}
	ids := NewIDColumn("customerID", []string{"a"})
	only, _ := NewTable("ids", []*Column{ids}, Label{})
	if _, err := FitPipeline(only, []int{0}, PipelineOptions{}); !errors.Is(err, ErrNoFeatures) {
		t.Errorf("no features: %v", err)
	}
}

func TestTransformKindDrift(t *testing.T) {
	_, p := fitTrain(t, PipelineOptions{})
	// Two new rows: plan reads as boolean-free categorical, promo as a
	// constant "Yes", age as text with a blank.
	tab := mustRead(t, "customerID,age,plan,promo\nq,,pro,Yes\nr,20,basic,Yes\n", CSVOptions{NoLabel: true})
	X, err := p.Transform(tab, []int{0, 1})
	if err != nil {
		t.Fatal(err)
	}
	want := mat.NewDense(2, 5, []float64{0.5, 0, 0, 1, 1, 0, 1, 0, 0, 1})
	if !mat.Equal(X, want) {
		t.Errorf("X =\n%v", mat.Formatted(X))
	}
}

// TestPipelineExtremeValues keeps every output finite, the statistics
// right and the pipeline encodable when plain sums of the values overflow
// float64. Groups of one keep the three values unclipped (the default
// group, 2 of 3 values here, would clip all three to 1e308). In units of
// 1.5e308 the imputed column is 2/3, −2/3, 1 and the mean fill 1/3: mean
// 1/3 (5e307), deviations 1/3, −1, 2/3, 0, variance (1/9 + 1 + 4/9)/4 =
// 7/18. Min-max of the range [−1e308, 1.5e308], wider than a float64
// holds, is refused (ErrTooLarge) rather than left unscaled: inputs of
// 1e308 made training diverge.
func TestPipelineExtremeValues(t *testing.T) {
	tab := mustRead(t, "x,churn\n1e308,yes\n-1e308,no\n1.5e308,no\n,yes\n", CSVOptions{})
	opts := PipelineOptions{Impute: ImputeMean, Scale: ScaleZScore, MinGroup: 1}
	p, err := FitPipeline(tab, []int{0, 1, 2, 3}, opts)
	if err != nil {
		t.Fatal(err)
	}
	X, _ := p.Transform(tab, []int{0, 1, 2, 3})
	for _, v := range X.RawMatrix().Data {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("%+v: non-finite output %v", opts, v)
		}
	}
	if _, err := json.Marshal(p); err != nil {
		t.Errorf("%+v: %v", opts, err)
	}
	near := func(got, want float64) bool { return math.Abs(got-want) <= 1e-14*math.Abs(want) }
	if pc := p.Columns[0]; !near(pc.Fill, 5e307) || !near(pc.Center, 5e307) || !near(pc.Scale, math.Sqrt(7.0/18)*1.5e308) {
		t.Errorf("%+v: fill %v center %v scale %v, want 5e307, 5e307, %v", opts, pc.Fill, pc.Center, pc.Scale, math.Sqrt(7.0/18)*1.5e308)
	}
	if _, err := FitPipeline(tab, []int{0, 1, 2, 3}, PipelineOptions{MinGroup: 1}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("min-max of [-1e308, 1.5e308]: err %v, want ErrTooLarge", err)
	}
}

// TestPipelineLog1p checks log(1+v) before scaling against scikit-learn
// 1.2: MinMaxScaler and StandardScaler fitted on np.log1p of the training
// ages after median imputation ([20, 40, 40, 60]), applied to ages 20, 1000
// (held out, beyond the training range) and 0. Every scaling clips to the
// training range first (MinMaxScaler(clip=True) for min-max), so 1000 and 0
// land on the range's ends and come back as 60 and 20; the z-scores of 20
// and 60 are -1.569139299873246 and 1.2144552093696683 (Python's math over
// log1p of the four ages, population standard deviation).
func TestPipelineLog1p(t *testing.T) {
	cases := []struct {
		scale Scaling
		want  []float64
	}{
		{ScaleMinMax, []float64{0.0, 1, 0}},
		{ScaleZScore, []float64{-1.569139299873246, 1.2144552093696683, -1.569139299873246}},
	}
	for _, c := range cases {
		_, p := fitTrain(t, PipelineOptions{Log1p: true, Scale: c.scale})
		var age *PipelineColumn
		for i := range p.Columns {
			if p.Columns[i].Name == "age" {
				age = &p.Columns[i]
			}
		}
		if age == nil || !age.Log {
			t.Fatalf("%v: age column %+v not logged", c.scale, age)
		}
		for i, v := range []float64{20, 1000, 0} {
			got := age.Transformed(v)
			if math.Abs(got-c.want[i]) > 1e-12 {
				t.Errorf("%v: Transformed(%v) = %.17g, want %.17g", c.scale, v, got, c.want[i])
			}
			if !age.Clip {
				t.Fatalf("%v: age is not clipped", c.scale)
			}
			orig := min(max(v, 20), 60)
			if back := age.Original(got); math.Abs(back-orig) > 1e-9*max(1, orig) {
				t.Errorf("%v: Original(Transformed(%v)) = %v", c.scale, v, back)
			}

		}
		// Original's exact-zero rule, on the same centre and scale with a
		// range that reaches 0: x·Scale + Center rounds to about 1e-16.
		wide := *age
		wide.Min = 0
		if back := wide.Original(wide.Transformed(0)); back != 0 {
			t.Errorf("%v: Original(Transformed(0)) = %v, want exactly 0", c.scale, back)
		}
		if got := age.Transformed(-5); got != age.Transformed(0) {
			t.Errorf("%v: a negative value maps to %v, want the same as 0 (%v)", c.scale, got, age.Transformed(0))
		}
	}
}

// TestNameColumns: up to MaxNamedColumns names, then how many more.
func TestNameColumns(t *testing.T) {
	for _, c := range []struct {
		names []string
		want  string
	}{
		{[]string{"a"}, `"a"`},
		{[]string{"a", "b"}, `"a" and "b"`},
		{[]string{"a", "b", "c", "d", "e"}, `"a", "b", "c", "d" and "e"`},
		{[]string{"a", "b", "c", "d", "e", "f", "g"}, `"a", "b", "c", "d", "e" and 2 more`},
	} {
		if got := NameColumns(c.names); got != c.want {
			t.Errorf("NameColumns(%q) = %s, want %s", c.names, got, c.want)
		}
	}
}
