package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
)

// TestCalibrationFlagsRefused: bad --calib and --calibration values, and a
// share the user gave that leaves too few rows of a class, are usage errors
// with exact messages.
func TestCalibrationFlagsRefused(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"train", "--calib", "1"}, "retain: --calib \"1\": want \"val\" (the validation part), a share in (0, 1) of the rows outside the test part, or 0 (no calibration)\n"},
		{[]string{"train", "--calib", "NaN"}, "retain: --calib \"NaN\": want \"val\" (the validation part), a share in (0, 1) of the rows outside the test part, or 0 (no calibration)\n"},
		{[]string{"train", "--val", "0", "--calib", "val"}, "retain: too few rows: built-in shop: there is no validation part to calibrate on: " +
			"give --val a share, --calib F to carve a calibration part of that share, or --calib 0 (none)\n"},
		{[]string{"train", "--builtin-users", "60", "--calib", "val"}, "retain: too few rows: built-in shop: the validation part holds 1 positive rows of purchases_next_30d " +
			"to calibrate on (need at least 5): use more data, a larger --val, --calib F to carve a calibration part of that share, or --calib 0 (none)\n"},
		{[]string{"train", "--calibration", "beta"}, "retain: --calibration \"beta\": want platt, isotonic or none\n"},
		{[]string{"train", "--calibration", "none", "--calib", "0.2"}, "retain: --calib 0.2 chooses rows to calibrate on, but --calibration none fits no calibration: " +
			"drop --calib, or give --calibration platt or isotonic\n"},
		{[]string{"train", "--preset", "article-5", "--calibration", "none", "--calib", "val"}, "retain: --calib val chooses rows to calibrate on, but --calibration none fits no calibration: " +
			"drop --calib, or give --calibration platt or isotonic\n"},
		{[]string{"train", "--builtin-users", "100", "--calib", "0.95"}, "retain: too few rows: built-in shop: calibration share 0.95 " +
			"gives 66 negative rows of purchases_next_30d to calibrate on and leaves 0 to train on (need at least 5 to calibrate and 1 to train): " +
			"use more data, a smaller --calib, --calib val (the validation part), or --calib 0 (none)\n"},
		{[]string{"train", "--builtin-users", "100", "--calib", "0.02"}, "retain: too few rows: built-in shop: calibration share 0.02 " +
			"gives 1 negative rows of purchases_next_30d to calibrate on and leaves 65 to train on (need at least 5 to calibrate and 1 to train): " +
			"use more data, a larger --calib, --calib val (the validation part), or --calib 0 (none)\n"},
	} {
		c := newCLI(t)
		if code := c.run(context.Background(), tc.args...); code != exitUsage || !strings.HasSuffix(c.stderr.String(), tc.want) {
			t.Errorf("%v: exit %d, stderr %q\nwant %q", tc.args, code, c.stderr.String(), tc.want)
		}
	}
}

// TestTrainEvalCalibrated: train reports the expected calibration error
// before → after on its final part and the thresholds chosen on the part
// the map was fitted on (the validation part by default, a carved
// calibration part with --calib 0.2); the model file carries the calibration and eval
// reports the same comparison on the rows it scores.
func TestTrainEvalCalibrated(t *testing.T) {
	dir := t.TempDir()
	model := filepath.Join(dir, "m.json")
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--epochs", "3", "--test", "0.2", "--out", model); code != exitOK {
		t.Fatalf("train: exit %d: %s", code, c.stderr.String())
	}
	out := c.stdout.String()
	for _, want := range []string{"expected_calibration_error  ", "(platt, fitted on the 500 validation rows; 10 equal-width bins, weighted by count)",
		"against the true probabilities  ", "thresholds chosen on the validation part (500 rows): best F1 "} {
		if !strings.Contains(out, want) {
			t.Errorf("train output lacks %q:\n%s", want, out)
		}
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "train", "--epochs", "3", "--calibration", "isotonic", "--calib", "0.2", "--json"); code != exitOK {
		t.Fatalf("train --json: exit %d: %s", code, c.stderr.String())
	}
	var doc struct {
		Calibration struct {
			Method string   `json:"method"`
			Before *float64 `json:"expected_calibration_error_before"`
			After  *float64 `json:"expected_calibration_error_after"`
		} `json:"calibration"`
		Thresholds struct {
			Part string `json:"part"`
		} `json:"thresholds"`
	}
	if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Calibration.Method != "isotonic" || doc.Calibration.Before == nil || doc.Calibration.After == nil || doc.Thresholds.Part != "calibration" {
		t.Fatalf("train --json calibration %+v, thresholds %+v", doc.Calibration, doc.Thresholds)
	}
	csv := filepath.Join(dir, "shop.csv")
	f, err := os.Create(csv)
	if err != nil {
		t.Fatal(err)
	}
	if err := data.DefaultShop().WriteCSV(f); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "eval", "--model", model, "--data", csv); code != exitOK {
		t.Fatalf("eval: exit %d: %s", code, c.stderr.String())
	}
	if !strings.Contains(c.stdout.String(), "expected_calibration_error  ") {
		t.Errorf("eval output lacks the calibration line:\n%s", c.stdout.String())
	}
}

// TestTrainTooFewRowsForPlatt: on a validation part too small for Platt
// scaling, train says on stderr that none is applied and why, reports no
// calibration on stdout, and inspect reads the reason back from the model
// file. 40 validation rows with 12 positive: the least rows are
// (1.959964/0.05)²·0.3·0.7 = 322.68, so 323 (worked by hand).
func TestTrainTooFewRowsForPlatt(t *testing.T) {
	model := filepath.Join(t.TempDir(), "m.json")
	why := "the 40 validation rows hold 12 positive and 28 negative: too few to fit Platt scaling, which needs at least 20 of each class " +
		"(10 per parameter) and 323 rows at this positive rate (to know it within ±0.05 at 95 %), so the network's own probabilities are kept"
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--builtin-users", "400", "--epochs", "3", "--out", model); code != exitOK {
		t.Fatalf("train: exit %d: %s", code, c.stderr.String())
	}
	if want := "\nnote: calibration: none — " + why + "\n"; !strings.Contains(c.stderr.String(), want) {
		t.Errorf("train stderr %q\nwant it to hold %q", c.stderr.String(), want)
	}
	if strings.Contains(c.stdout.String(), "expected_calibration_error") {
		t.Errorf("train stdout reports a calibration: %s", c.stdout.String())
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "inspect", "--model", model); code != exitOK {
		t.Fatalf("inspect: exit %d: %s", code, c.stderr.String())
	}
	if want := "\nCalibration\nNone — " + why + ".\n"; !strings.Contains(c.stdout.String(), want) {
		t.Errorf("inspect %q\nwant it to hold %q", c.stdout.String(), want)
	}
}
