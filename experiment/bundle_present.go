package experiment

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// pipelineNumbers are the numeric fields every column of a model file's
// pipeline has (every version wrote them): JSON's null, or no field, would
// decode as 0, a different model, without a word.
var pipelineNumbers = []string{"fill", "center", "scale", "min", "max", "missing", "first", "width"}

// checkPipelineNumbers refuses a model file whose pipeline leaves one of
// pipelineNumbers, or an output's input, out or null, naming the field by
// its JSON path (pipeline.columns[0].center).
func checkPipelineNumbers(raw []byte) error {
	var shape struct {
		Pipeline *struct {
			Columns []map[string]json.RawMessage `json:"columns"`
			Outputs []map[string]json.RawMessage `json:"outputs"`
		} `json:"pipeline"`
	}
	if err := json.Unmarshal(raw, &shape); err != nil || shape.Pipeline == nil {
		return nil // the full decoding says what is wrong
	}
	check := func(path string, obj map[string]json.RawMessage, key, noun string) error {
		v, ok := obj[key]
		switch {
		case !ok:
			return fmt.Errorf("%s.%s is missing: every pipeline %s has it", path, key, noun)
		case bytes.Equal(bytes.TrimSpace(v), []byte("null")):
			return fmt.Errorf("%s.%s is null: want a number", path, key)
		}
		return nil
	}
	for i, c := range shape.Pipeline.Columns {
		if c == nil {
			return fmt.Errorf("pipeline.columns[%d] is null: want a column", i)
		}
		for _, key := range pipelineNumbers {
			if err := check(fmt.Sprintf("pipeline.columns[%d]", i), c, key, "column"); err != nil {
				return err
			}
		}
	}
	for j, o := range shape.Pipeline.Outputs {
		if o == nil {
			return fmt.Errorf("pipeline.outputs[%d] is null: want an output", j)
		}
		if err := check(fmt.Sprintf("pipeline.outputs[%d]", j), o, "input", "output"); err != nil {
			return err
		}
	}
	return nil
}
