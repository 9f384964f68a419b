package main

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/retainlab/retain/experiment"
)

// editModel decodes the model file at path loosely, lets edit change it and
// writes the result beside it as name.
func editModel(t *testing.T, path, name string, edit func(m map[string]any)) string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	edit(m)
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(filepath.Dir(path), name)
	if err := os.WriteFile(dst, out, 0o600); err != nil {
		t.Fatal(err)
	}
	return dst
}

// field walks m along keys (string keys of objects, int indices of arrays).
func field(m any, keys ...any) any {
	for _, k := range keys {
		switch k := k.(type) {
		case string:
			m = m.(map[string]any)[k]
		case int:
			m = m.([]any)[k]
		}
	}
	return m
}

func TestPredictRefusesExtremeModels(t *testing.T) {
	csvPath := usersCSV(t, 200)
	model := trainModel(t, csvPath)
	// A scale of the smallest subnormal far from its centre: every value of
	// the column becomes a -Inf input.
	tinyScale := editModel(t, model, "tiny_scale.json", func(m map[string]any) {
		col := field(m, "pipeline", "columns", 0).(map[string]any)
		col["scale"], col["center"] = 5e-324, 1e308
	})
	// Every hidden unit gets 1e308 times the (positive) sum of the inputs;
	// the output adds +1e308 and -1e308 times two of them: Inf - Inf.
	hugeWeights := editModel(t, model, "huge_weights.json", func(m map[string]any) {
		w := field(m, "network", "layers", 0, "weights").([]any)
		for i := range w {
			w[i] = 1e308
		}
		out := field(m, "network", "layers", 1, "weights").([]any)
		for i := range out {
			out[i] = 0.0
		}
		out[0], out[1] = 1e308, -1e308
	})
	tail := ": its numbers are too extreme to score with\n"
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"predict", "--model", tinyScale, "--data", csvPath},
			"retain: experiment: model file " + tinyScale + " gives row 1 (id u0001) of " + csvPath +
				` an input "visits" of -Inf` + tail},
		{[]string{"predict", "--model", hugeWeights, "--data", csvPath},
			"retain: experiment: model file " + hugeWeights + " gives row 1 (id u0001) of " + csvPath +
				" a probability of NaN" + tail},
		{[]string{"predict", "--model", hugeWeights, "--data", csvPath, "--explain", "2"},
			"retain: experiment: model file " + hugeWeights + " gives row 1 (id u0001) of " + csvPath +
				" a probability of NaN" + tail},
		{[]string{"eval", "--model", tinyScale, "--data", csvPath},
			"retain: experiment: model file " + tinyScale + " gives row 1 (id u0001) of " + csvPath +
				` an input "visits" of -Inf` + tail},
	}
	for _, tc := range cases {
		c := newCLI(t)
		if code := c.run(context.Background(), tc.args...); code != exitUsage {
			t.Errorf("%v: exit %d, want 2 (stderr %q)", tc.args, code, c.stderr.String())
		}
		if got := c.stderr.String(); got != tc.want {
			t.Errorf("%v:\nstderr %q\nwant   %q", tc.args, got, tc.want)
		}
		if c.stdout.Len() != 0 {
			t.Errorf("%v: wrote %q on stdout", tc.args, c.stdout.String())
		}
	}
}

func TestCheckReasonsRefusesNonFiniteAttributions(t *testing.T) {
	b := &experiment.Bundle{File: "m.json"}
	ok := experiment.Explanation{Reasons: []experiment.Reason{{Column: "visits", Attribution: 0.25}}}
	if err := checkReasons(b, ok, []string{"u1", "u2"}, "users.csv", 1); err != nil {
		t.Errorf("finite reasons refused: %v", err)
	}
	bad := experiment.Explanation{Reasons: []experiment.Reason{
		{Column: "visits", Attribution: 0.25}, {Column: "spend", Attribution: math.NaN()}}}
	err := checkReasons(b, bad, []string{"u1", "u2"}, "users.csv", 1)
	want := `experiment: model file m.json gives row 2 (id u2) of users.csv a reason for column "spend" of NaN: ` +
		"its numbers are too extreme to score with"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	if exitCode(classify(err)) != exitUsage {
		t.Errorf("exit %d, want 2", exitCode(classify(err)))
	}
}
