package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
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
	hugeTail := ": layer 1 unit 1 overflows for inputs within the columns' clip ranges: its weights are too large to score with\n"
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"predict", "--model", tinyScale, "--data", csvPath},
			"retain: model file " + tinyScale + " gives row 1 (id u0001) of " + csvPath +
				` an input "visits" of -Inf` + tail},
		// Refused on reading since trial dec 4 (L3): its first layer
		// overflows for inputs within the clip ranges.
		{[]string{"predict", "--model", hugeWeights, "--data", csvPath},
			"retain: model file " + hugeWeights + hugeTail},
		{[]string{"predict", "--model", hugeWeights, "--data", csvPath, "--explain", "2"},
			"retain: model file " + hugeWeights + hugeTail},
		{[]string{"eval", "--model", tinyScale, "--data", csvPath},
			"retain: model file " + tinyScale + " gives row 1 (id u0001) of " + csvPath +
				` an input "visits" of -Inf` + tail},
	}
	for _, tc := range cases {
		mustRefuse(t, tc.args, tc.want)
	}
}

// TestPredictWritesTheSharedScoresFormat checks predict's lines cell by
// cell against the model file scored directly, with and without an id
// column in the file.
func TestPredictWritesTheSharedScoresFormat(t *testing.T) {
	csvPath := usersCSV(t, 120)
	model := trainModel(t, csvPath)
	// The same users without their id column.
	noID := filepath.Join(t.TempDir(), "noid.csv")
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(mustRead(t, csvPath)), "\n") {
		b.WriteString(line[strings.Index(line, ",")+1:] + "\n")
	}
	if err := os.WriteFile(noID, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(model)
	if err != nil {
		t.Fatal(err)
	}
	bundle, err := experiment.ReadBundle(f, model)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		data, idName string
		id           func(i int) string
	}{
		{csvPath, "user_id", func(i int) string { return fmt.Sprintf("u%04d", i+1) }},
		{noID, "row", func(i int) string { return strconv.Itoa(i + 1) }},
	} {
		c := newCLI(t)
		if code := c.run(context.Background(), "predict", "--model", model, "--data", tc.data); code != exitOK {
			t.Fatalf("%s: exit %d, stderr %q", tc.data, code, c.stderr.String())
		}
		scored, err := bundle.ScoreCSV(strings.NewReader(mustRead(t, tc.data)), tc.data)
		if err != nil {
			t.Fatal(err)
		}
		want := []string{tc.idName + ",probability_churn_yes,predicted_churn"}
		for i, p := range scored.Probabilities {
			class := "no"
			if p >= bundle.Threshold {
				class = "yes"
			}
			want = append(want, tc.id(i)+","+strconv.FormatFloat(p, 'f', 6, 64)+","+class)
		}
		if got := strings.Split(strings.TrimSuffix(c.stdout.String(), "\n"), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: stdout\n%s\nwant\n%s", tc.data, strings.Join(got[:min(4, len(got))], "\n"), strings.Join(want[:4], "\n"))
		}
	}
}
