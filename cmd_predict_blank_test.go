package main

import (
	"context"
	"encoding/csv"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
)

// A blank cell of a numeric column the model has no was-missing input for
// (usersCSV has no blank spend) is read as the training fill. predict
// --explain wrote its reason "spend=<fill> (+0.0123)", the fill as if the
// user had spent it; it says the cell was blank and what it was read as,
// while a value sent keeps "spend=<value>".
func TestPredictReasonOnABlankCellSaysSo(t *testing.T) {
	model := trainModel(t, usersCSV(t, 300))
	spend := pipelineColumn(t, readModel(t, model), "spend")
	if spend.Indicator {
		t.Fatal("spend has a was-missing input: the case wants none")
	}
	// The fill is the model's own statistic (its fitting is tested in
	// package data), written as reasons write values.
	fill := experiment.FormatValue(spend.Fill)
	next := writeFile(t, "next.csv", "user_id,visits,spend,plan\na,3,,basic\nb,3,NA,basic\nc,3,"+fill+",basic\n")
	c := newCLI(t)
	if code := c.run(context.Background(), "predict", "--model", model, "--data", next, "--explain", "3"); code != exitOK {
		t.Fatalf("predict: exit %d, stderr %q", code, c.stderr.String())
	}
	recs, err := csv.NewReader(strings.NewReader(c.stdout.String())).ReadAll()
	if err != nil || len(recs) != 4 {
		t.Fatalf("stdout %q: %d records, %v; want a header and 3 rows", c.stdout.String(), len(recs), err)
	}
	attribution := ` \([+-][0-9]\.[0-9]{4}\)$`
	for i, want := range []string{
		`^spend \(blank, read as ` + regexp.QuoteMeta(fill) + `\)` + attribution,
		`^spend \(blank, read as ` + regexp.QuoteMeta(fill) + `\)` + attribution,
		`^spend=` + regexp.QuoteMeta(fill) + attribution,
	} {
		var got string
		for _, cell := range recs[i+1][3:] {
			if strings.HasPrefix(cell, "spend") {
				got = cell
			}
		}
		if !regexp.MustCompile(want).MatchString(got) {
			t.Errorf("row %s: spend's reason %q, want /%s/ (row %q)", strconv.Itoa(i+1), got, want, recs[i+1])
		}
	}
}
