package scoreapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// A reason says "≥ bound" only for a value the model took at its bound
// because it lay beyond the training range (the row's clipped warning), and
// "=" for a value sent exactly at the bound, which the model's input alone
// cannot tell apart: visits at its upper bound reads "visits=B", visits at
// 1000 reads "visits≥B".
func TestReasonsMarkOnlyClippedCells(t *testing.T) {
	s, model := newTestServer(t, Config{})
	b := readBundle(t, model)
	var bound float64
	for _, pc := range b.Pipeline.Columns {
		if pc.Name == "visits" {
			bound = pc.Max
		}
	}
	if bound == 0 {
		t.Fatal("the test model has no visits bound")
	}
	at := strconv.FormatFloat(bound, 'g', -1, 64)
	body := fmt.Sprintf(`{"rows":[{"user_id":"u1","visits":%s,"spend":12.5,"plan":"pro","member":true},`+
		`{"user_id":"u2","visits":1000,"spend":12.5,"plan":"pro","member":true}],"explain":%d}`, at, len(b.Pipeline.Columns))
	rec := call(t, s, http.MethodPost, "/v1/predict", testToken, body)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var got Response
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	want := []string{"visits=", "visits≥"}
	// Both rows were scored at the bound: the reason's value is the bound
	// and its op says how the value sent relates to it.
	wantOp := []string{"=", "≥"}
	for i, p := range got.Predictions {
		var found Reason
		for _, r := range p.Reasons {
			if r.Column == "visits" {
				found = r
			}
		}
		if !strings.HasPrefix(found.Text, want[i]) {
			t.Errorf("row %d (visits %s): reason %q, want it to start %q", i, []string{at, "1000"}[i], found.Text, want[i])
		}
		if found.Op != wantOp[i] || found.Value != at {
			t.Errorf("row %d: reason op %q value %q, want op %q value %q", i, found.Op, found.Value, wantOp[i], at)
		}
	}
}
