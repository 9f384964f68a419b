package scoreapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// A cell sent blank (null) in a numeric column the
// model has no was-missing input for (the training table has no blank
// visits) is read as the column's training fill. Its reason said
// "visits=<fill>", as if the fill had been sent; it keeps the fill as its
// value and says the cell was blank, in the field and in the text. A
// value sent keeps no blank field at all.
func TestReasonOnABlankCellSaysSo(t *testing.T) {
	s, model := newTestServer(t, Config{})
	b := readBundle(t, model)
	ci := slices.IndexFunc(b.Pipeline.Columns, func(c data.PipelineColumn) bool { return c.Name == "visits" })
	if ci < 0 || b.Pipeline.Columns[ci].Indicator {
		t.Fatalf("visits at %d: want a column without a was-missing input", ci)
	}
	// The fill is the training statistic the model file stores, written as
	// reasons write values.
	fill := experiment.FormatValue(b.Pipeline.Columns[ci].Fill)
	body := fmt.Sprintf(`{"explain":4,"rows":[{"user_id":"u1","visits":null,"spend":12.5,"plan":"pro","member":true},`+
		`{"user_id":"u2","visits":%s,"spend":12.5,"plan":"pro","member":true}]}`, fill)
	rec := call(t, s, http.MethodPost, "/v1/predict", testToken, body)
	if rec.Code != http.StatusOK {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	var got struct {
		Predictions []struct {
			Reasons []map[string]any `json:"reasons"`
		} `json:"predictions"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	for row, wantBlank := range []bool{true, false} {
		k := slices.IndexFunc(got.Predictions[row].Reasons, func(r map[string]any) bool { return r["column"] == "visits" })
		if k < 0 {
			t.Fatalf("row %d has no reason on visits: %s", row, rec.Body)
		}
		r := got.Predictions[row].Reasons[k]
		text := fmt.Sprintf("visits=%s (%+.4f)", fill, r["attribution"])
		if wantBlank {
			text = fmt.Sprintf("visits (blank, read as %s) (%+.4f)", fill, r["attribution"])
		}
		blank, has := r["blank"]
		if r["value"] != fill || r["op"] != "=" || r["text"] != text || has != wantBlank || (has && blank != true) {
			t.Errorf("row %d: reason %v; want value %q, op =, text %q, blank %v", row, r, fill, text, wantBlank)
		}
	}
}
