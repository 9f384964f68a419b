package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
)

// datesCSV has a date column over 2023-01-01 (day 19358), 2023-01-11
// (19368) and 2023-01-31 (19388) and one blank cell.
const datesCSV = `id,d,churn
a,2023-01-01,yes
b,2023-01-11,no
c,2023-01-31,yes
d,,no
`

func fitDates(t *testing.T, opts PipelineOptions) (*Table, *Pipeline) {
	t.Helper()
	tab := mustRead(t, datesCSV, CSVOptions{Label: "churn"})
	opts.MinGroup = 1 // exact statistics of four hand-made rows
	p, err := FitPipeline(tab, []int{0, 1, 2, 3}, opts)
	if err != nil {
		t.Fatal(err)
	}
	return tab, p
}

// With groups of one the bounds are the earliest and latest dates, the
// fill the median day 19368; the model sees the days before 2023-01-31:
// 30, 20, 0 and the fill's 20. The z-scores of ln(1+days) were computed
// with Python's math module: mean 2.380758019982998, population sd
// 1.383696757721593.
func TestDatePipelineDaysBeforeLatest(t *testing.T) {
	tab, p := fitDates(t, PipelineOptions{Scale: ScaleZScore, Log1p: true})
	pc := &p.Columns[0]
	if !pc.Date || pc.Min != 19358 || pc.Max != 19388 || pc.Fill != 19368 || !pc.Log || !pc.Clip {
		t.Fatalf("fitted %+v", *pc)
	}
	if math.Abs(pc.Center-2.380758019982998) > 1e-12 || math.Abs(pc.Scale-1.383696757721593) > 1e-12 {
		t.Errorf("centre %v, scale %v", pc.Center, pc.Scale)
	}
	X, err := p.Transform(tab, []int{0, 1, 2, 3})
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{0.7611705228220701, 0.4797036735371015, -1.720577869896273, 0.4797036735371015}
	for i, w := range want {
		if got := X.At(i, 0); math.Abs(got-w) > 1e-12 {
			t.Errorf("row %d: %v, want %v", i, got, w)
		}
	}
	// Min-max without log: days before the latest over the range of 30.
	_, mm := fitDates(t, PipelineOptions{Scale: ScaleMinMax})
	if c := mm.Columns[0]; c.Log || c.Center != 0 || c.Scale != 30 || c.Transformed(19368) != 20.0/30 {
		t.Errorf("min-max: centre %v, scale %v, 2023-01-11 → %v; want 0, 30, 2/3", c.Center, c.Scale, c.Transformed(19368))
	}
	// Original inverts Transformed, clipping aside, under every scaling.
	for _, s := range []Scaling{ScaleMinMax, ScaleZScore, ScaleRobust, ScaleNone} {
		for _, log := range []bool{false, true} {
			_, q := fitDates(t, PipelineOptions{Scale: s, Log1p: log})
			c := &q.Columns[0]
			for _, v := range []float64{19358, 19360, 19368.5, 19388} {
				if back := c.Original(c.Transformed(v)); math.Abs(back-v) > 1e-9*v {
					t.Errorf("%v log %v: Original(Transformed(%v)) = %v", s, log, v, back)
				}
			}
		}
	}
}

func TestDatePipelineJSON(t *testing.T) {
	tab := mustRead(t, "d,churn\n13/1/2023,yes\n2/1/2023,no\n5/1/2023,yes\n", CSVOptions{Label: "churn"})
	p, err := FitPipeline(tab, []int{0, 1, 2}, PipelineOptions{MinGroup: 1})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"date":true,"date_order":"dmy"`) {
		t.Errorf("JSON %s lacks the date column's mark and order", b)
	}
	var back Pipeline
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if c := back.Columns[0]; !c.Date || c.DateOrder != DateDMY || c.Max != p.Columns[0].Max {
		t.Errorf("read back %+v", c)
	}
	// A numeric column writes neither.
	_, plain := fitTrain(t, PipelineOptions{})
	if b, _ := json.Marshal(plain); strings.Contains(string(b), `"date`) {
		t.Errorf("a pipeline without dates writes %s", b)
	}
}

func TestDateCellsScoredAsTrained(t *testing.T) {
	_, p := fitDates(t, PipelineOptions{Scale: ScaleZScore, Log1p: true})
	pc := &p.Columns[0]
	rows, err := p.ReadRows(strings.NewReader("id,d\nx,2023-01-11T09:00:00Z\ny,\n"), "new.csv")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rows.X.At(0, 0), pc.Transformed(19368); got != want || rows.X.At(1, 0) != want {
		t.Errorf("rows %v, want %v twice (the date, then the fill)", rows.X.RawMatrix().Data, want)
	}
	_, err = p.ReadRows(strings.NewReader("id,d\nx,2023-01-11\ny,soon\n"), "new.csv")
	if want := `new.csv:3:2: column "d": expected a date (YYYY-MM-DD), got "soon"`; err == nil || err.Error() != want || !errors.Is(err, ErrNotNumeric) {
		t.Errorf("ReadRows error %v, want %s", err, want)
	}
	row := make([]float64, p.Width())
	err = p.CellEncoder().Encode(0, []byte("31/1/2023"), row)
	var ce *CellError
	if want := `column "d": expected a date (YYYY-MM-DD), got "31/1/2023"`; !errors.As(err, &ce) || err.Error() != want {
		t.Errorf("Encode error %v, want %s", err, want)
	}
	if err := p.CellEncoder().Encode(0, []byte("2023-01-31"), row); err != nil || row[0] != pc.Transformed(19388) {
		t.Errorf("Encode 2023-01-31: %v, %v", err, row[0])
	}
	values, err := p.ReadValues(strings.NewReader("d,x\n2023-01-31,1\n,2\n"), "v.csv", "d")
	if err != nil || !sameFloats(values, []float64{19388, math.NaN()}) {
		t.Errorf("ReadValues %v, %v", values, err)
	}
}

// A table to score whose date column read as text (one cell is not a
// date) is refused naming the row; one read as dates transforms as the
// training table.
func TestDateTransformOfOtherTables(t *testing.T) {
	tab, p := fitDates(t, PipelineOptions{Scale: ScaleZScore})
	bad := mustRead(t, "id,d,churn\na,2023-01-01,yes\nb,later,no\n", CSVOptions{Label: "churn"})
	_, err := p.Transform(bad, []int{0, 1})
	if want := `: row 2, column "d": column "d": expected a date (YYYY-MM-DD), got "later"`; err == nil || !strings.HasSuffix(err.Error(), want) {
		t.Errorf("error %v, want one ending %s", err, want)
	}
	same, err := p.Transform(tab, []int{0, 1, 2, 3})
	if err != nil {
		t.Fatal(err)
	}
	if got := same.At(1, 0); got != p.Columns[0].Transformed(19368) {
		t.Errorf("2023-01-11 → %v", got)
	}
}

// Parquet DATE and TIMESTAMP columns read as ISO text, so a table's are
// date columns, scored from the Parquet cells as from the table.
func TestParquetDatesAreDateColumns(t *testing.T) {
	cols := []pqCol{{"id", "string"}, {"signup", "date"}, {"seen", "timestamp"}, {"churn", "string"}}
	var rows [][]string
	for i := range 30 {
		day := 19358 + i*3 // from 2023-01-01
		rows = append(rows, []string{"u" + itoa(i), FormatDay(float64(day)), FormatDay(float64(day+i%4)) + " 10:00:00", []string{"yes", "no"}[i%2]})
	}
	pq := writeParquet(t, cols, rows, 0)
	tab, err := ReadCSV(bytes.NewReader(pq), "t.parquet", CSVOptions{Label: "churn"})
	if err != nil {
		t.Fatal(err)
	}
	// Row 2: signed up on day 19361 (2023-01-04), seen a day later.
	for name, want := range map[string]float64{"signup": 19361, "seen": 19362} {
		if c := tab.Column(name); c.Kind != Numeric || !c.Date || c.Values[1] != want {
			t.Errorf("%s: kind %v, date %v, row 2 %v; want numeric dates, day %v", name, c.Kind, c.Date, c.Values[1], want)
		}
	}
	p, err := FitPipeline(tab, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, PipelineOptions{Scale: ScaleZScore, MinGroup: 1})
	if err != nil {
		t.Fatal(err)
	}
	fromTable, err := p.Transform(tab, []int{0, 1, 2})
	if err != nil {
		t.Fatal(err)
	}
	fromCells, err := p.ReadRows(bytes.NewReader(pq), "t.parquet")
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		for j := range p.Width() {
			if fromTable.At(i, j) != fromCells.X.At(i, j) {
				t.Errorf("row %d input %d: %v from the table, %v from the cells", i, j, fromTable.At(i, j), fromCells.X.At(i, j))
			}
		}
	}
}

// A model fitted before dates were read as dates took a column of a few
// dates as categories; the table now reads it as days, which Transform
// spells back as ISO dates to find the levels.
func TestDateColumnForACategoricalPipelineColumn(t *testing.T) {
	tab := mustRead(t, datesCSV, CSVOptions{Label: "churn"})
	p, err := FitPipeline(tab, []int{0, 1, 2, 3}, PipelineOptions{MinGroup: 1})
	if err != nil {
		t.Fatal(err)
	}
	p.Columns[0].Kind, p.Columns[0].Date = Categorical, false
	p.Columns[0].Levels = []string{"2023-01-01", "2023-01-11", "2023-01-31"}
	p.Outputs = nil
	for k := range 3 {
		p.Outputs = append(p.Outputs, Output{Input: 0, Name: "d=" + p.Columns[0].Levels[k], Level: p.Columns[0].Levels[k]})
	}
	p.Columns[0].Width = 3
	x, err := p.Transform(tab, []int{0, 1, 2, 3})
	if err != nil {
		t.Fatal(err)
	}
	// Row i has its own date's level, the blank row none.
	for i, want := range [][]float64{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 0}} {
		for k := range 3 {
			if x.At(i, k) != want[k] {
				t.Fatalf("row %d: %v, want %v", i, x.RawRowView(i), want)
			}
		}
	}
}
