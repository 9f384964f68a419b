package experiment

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestReadBundleRefusesNullOrMissingPipelineNumbers: a pipeline number
// written null or left out decoded as 0 (a column's center 0: other
// probabilities, not a word); it is refused by its JSON path.
func TestReadBundleRefusesNullOrMissingPipelineNumbers(t *testing.T) {
	good := textbookBundle(t)
	const p = "model file m.json: "
	for _, c := range []struct {
		name string
		edit func(pipeline map[string]any)
		want string
	}{
		{"center null", func(pl map[string]any) { column(pl, "columns", 0)["center"] = nil },
			p + "pipeline.columns[0].center is null: want a number"},
		{"scale missing", func(pl map[string]any) { delete(column(pl, "columns", 1), "scale") },
			p + "pipeline.columns[1].scale is missing: every pipeline column has it"},
		{"max null", func(pl map[string]any) { column(pl, "columns", 2)["max"] = nil },
			p + "pipeline.columns[2].max is null: want a number"},
		{"output input missing", func(pl map[string]any) { delete(column(pl, "outputs", 0), "input") },
			p + "pipeline.outputs[0].input is missing: every pipeline output has it"},
	} {
		var m map[string]any
		if err := json.Unmarshal(good, &m); err != nil {
			t.Fatal(err)
		}
		c.edit(m["pipeline"].(map[string]any))
		raw, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ReadBundle(bytes.NewReader(raw), "m.json"); err == nil || err.Error() != c.want {
			t.Errorf("%s:\n got %v\nwant %s", c.name, err, c.want)
		}
	}
}

// column is element i of the pipeline's list key, as a JSON object.
func column(pipeline map[string]any, key string, i int) map[string]any {
	return pipeline[key].([]any)[i].(map[string]any)
}
