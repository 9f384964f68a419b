package sqlexport

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

// A model trained with --categorical on online_shoppers' integer codes
// (its SOURCE.md calls OperatingSystems, Browser, Region and TrafficType
// categorical) scores the same in SQLite as retain predict, on cells
// written as the codes and around them: "3.0" and " 2 " are levels 3 and 2,
// "unknown", "NA" and "--" are missing, 99 and 0 were never seen (the
// catch-all input of a column that has one).
func TestSQLiteMatchesPredictWithCodes(t *testing.T) {
	path := datasetPath(t, "online_shoppers/online_shoppers_intention.csv")
	codes := []string{"OperatingSystems", "Browser", "Region", "TrafficType"}
	b := train(t, experiment.Source{Kind: "csv", Path: path, Categorical: codes}, func(c *experiment.Config) {
		c.Hidden = []engine.LayerSpec{{Units: 8, Activation: engine.ReLU}}
		c.CalibFrac, c.Calibration = 0.2, experiment.CalibPlatt
	})
	region := b.Pipeline.Columns[slices.IndexFunc(b.Pipeline.Columns, func(pc data.PipelineColumn) bool { return pc.Name == "Region" })]
	// Region holds the codes 1 to 9, each seen far more than 10 times.
	if !region.Codes || region.Kind != data.Categorical || !slices.Equal(region.Levels, []string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}) {
		t.Fatalf("Region: kind %v, codes %v, levels %q; want categorical codes 1..9", region.Kind, region.Codes, region.Levels)
	}
	if b.Source.Categorical == nil {
		t.Fatal("the model file does not record --categorical")
	}
	recs := readCSV(t, path)
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	odd := []string{"3.0", " 2 ", "unknown", "NA", "", "99", "0", "1e0", "--"}
	for r := 1; r < len(recs); r++ {
		if r%37 == 0 {
			recs[r][col[codes[r%len(codes)]]] = odd[(r/37)%len(odd)]
		}
	}
	recs[0] = append(recs[0], "row_id")
	for r := 1; r < len(recs); r++ {
		recs[r] = append(recs[r], fmt.Sprint(r))
	}
	var buf bytes.Buffer
	if err := csv.NewWriter(&buf).WriteAll(recs); err != nil {
		t.Fatal(err)
	}
	want, err := b.ScoreCSV(&buf, path)
	if err != nil {
		t.Fatal(err)
	}
	db := openSQLite(t)
	loadTable(t, db, SQLite, "users", recs[0], recs[1:])
	text, err := Build(b, Options{Dialect: SQLite, ID: "row_id"})
	if err != nil {
		t.Fatal(err)
	}
	compare(t, runSelect(t, db, text), want, nil)
}
