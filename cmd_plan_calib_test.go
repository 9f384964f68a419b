package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A plan adds probabilities up; on a model whose Platt scaling was not
// applied (too few validation rows: the model file's
// calibration_not_applied) the report, its JSON and stderr say that they
// are the network's own. The figures of the sentence are the model file's
// record, read here from its JSON; a model whose map was applied gets no
// such note.
func TestPlanSaysTheProbabilitiesAreNotCalibrated(t *testing.T) {
	users := usersCSV(t, 300)
	model := trainModel(t, users)
	var file struct {
		Dropped *struct {
			Part         string `json:"fitted_on"`
			Rows         int    `json:"rows"`
			Positives    int    `json:"positives"`
			MinClassRows int    `json:"min_class_rows"`
			MinRows      int    `json:"min_rows"`
		} `json:"calibration_not_applied"`
	}
	if err := json.Unmarshal([]byte(mustRead(t, model)), &file); err != nil {
		t.Fatal(err)
	}
	d := file.Dropped
	if d == nil || d.Part != "validation" {
		t.Fatalf("the model's calibration was applied (%+v): the test needs one with too few validation rows", d)
	}
	want := fmt.Sprintf("The probabilities are the network's own, not calibrated (the %d validation rows hold %d positive and %d negative: "+
		"too few to fit Platt scaling, which needs at least %d of each class and %d rows at this positive rate): expected counts may be off.",
		d.Rows, d.Positives, d.Rows-d.Positives, d.MinClassRows, d.MinRows)

	c := newCLI(t)
	if code := c.run(context.Background(), "plan", "--model", model, "--data", users); code != exitOK {
		t.Fatalf("plan: exit %d, stderr %q", code, c.stderr.String())
	}
	if !strings.Contains(c.stdout.String(), "\n**Note:** "+want+"\n\n") {
		t.Errorf("the report lacks %q:\n%s", want, c.stdout)
	}
	if note := "note: t" + want[1:] + "\n"; !strings.Contains(c.stderr.String(), note) {
		t.Errorf("stderr lacks %q:\n%s", note, c.stderr)
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "plan", "--model", model, "--data", users, "--json"); code != exitOK {
		t.Fatalf("plan --json: exit %d, stderr %q", code, c.stderr.String())
	}
	var doc struct {
		NotCalibrated *string `json:"probabilities_not_calibrated"`
	}
	if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.NotCalibrated == nil || *doc.NotCalibrated != want {
		t.Errorf("probabilities_not_calibrated %v, want %q", doc.NotCalibrated, want)
	}

	// Without the record: no note, no field.
	var m map[string]any
	if err := json.Unmarshal([]byte(mustRead(t, model)), &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "calibration_not_applied")
	raw, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	none := filepath.Join(t.TempDir(), "none.json")
	if err := os.WriteFile(none, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "plan", "--model", none, "--data", users, "--json"); code != exitOK {
		t.Fatalf("plan --json without the record: exit %d, stderr %q", code, c.stderr.String())
	}
	if strings.Contains(c.stdout.String(), "probabilities_not_calibrated") || strings.Contains(c.stderr.String(), "not calibrated") {
		t.Errorf("a note without the record:\n%s\n%s", c.stdout, c.stderr)
	}
}
