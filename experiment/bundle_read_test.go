package experiment

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/engine/metrics"
)

// textbookBundle trains the textbook shop for one epoch and returns its
// model file.
func textbookBundle(t *testing.T) []byte {
	t.Helper()
	return encodeBundle(t, mustBundle(t, trainedOn(t, Source{Kind: "textbook"}, quickConfig(1)), 0.5))
}

func mustBundle(t *testing.T, e *Experiment, threshold float64) *Bundle {
	t.Helper()
	b, err := e.Bundle(threshold)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// decodeLoose reads a model file without validating it, so a test can
// break one thing and write it back.
func decodeLoose(t *testing.T, raw []byte) *Bundle {
	t.Helper()
	b := &Bundle{}
	if err := json.Unmarshal(raw, b); err != nil {
		t.Fatal(err)
	}
	return b
}

func TestReadBundleRefusals(t *testing.T) {
	good := textbookBundle(t)
	b0, err := ReadBundle(bytes.NewReader(good), "m.json")
	if err != nil {
		t.Fatalf("the unbroken file is refused: %v", err)
	}
	if len(b0.Baseline) != b0.Net.Architecture.Inputs {
		t.Fatalf("the file's baseline has %d values for %d inputs", len(b0.Baseline), b0.Net.Architecture.Inputs)
	}
	edit := func(f func(b *Bundle)) func(*testing.T) []byte {
		return func(t *testing.T) []byte {
			b := decodeLoose(t, good)
			f(b)
			return encodeBundle(t, b)
		}
	}
	text := func(f func(s string) string) func(*testing.T) []byte {
		return func(*testing.T) []byte { return []byte(f(string(good))) }
	}
	// replaceFirst swaps the first occurrence of old, which the test needs
	// to exist.
	replaceFirst := func(old, new string) func(*testing.T) []byte {
		return func(t *testing.T) []byte {
			if !strings.Contains(string(good), old) {
				t.Fatalf("the model file has no %q", old)
			}
			return []byte(strings.Replace(string(good), old, new, 1))
		}
	}
	const p = "model file m.json: "
	cases := []struct {
		name  string
		input func(*testing.T) []byte
		want  string
	}{
		{"empty file", text(func(string) string { return "" }),
			p + "not valid JSON at line 1, column 1: unexpected end of JSON input"},
		{"not JSON", text(func(string) string { return "hello" }),
			p + "not valid JSON at line 1, column 1: invalid character 'h' looking for beginning of value"},
		{"truncated", text(func(s string) string { return s[:halfCut([]byte(s))] }),
			p + "not valid JSON at line " + lineOfHalf(good) + ": unexpected end of JSON input"},
		{"JSON array", text(func(string) string { return "[1, 2]" }),
			p + "the file holds a JSON array, not an object"},
		{"no format", edit(func(b *Bundle) { b.Format = "" }),
			p + "format is \"\", want \"retain-model\""},
		{"other JSON", text(func(string) string { return `{"name": "retain", "version": 1}` }),
			p + "no \"format\" field: not a retain model file"},
		{"other format", edit(func(b *Bundle) { b.Format = "keras" }),
			p + "format is \"keras\", want \"retain-model\""},
		{"no version", replaceFirst(`"version": 2,`, ""),
			p + "no \"version\" field"},
		{"newer version", edit(func(b *Bundle) { b.Version = 3 }),
			p + "version 3 is newer than this build of retain reads (version 2); use a newer retain"},
		{"version zero", edit(func(b *Bundle) { b.Version = 0 }),
			p + "version 0 is not a valid version (this build reads version 2)"},
		{"version as text", replaceFirst(`"version": 2,`, `"version": "2",`),
			p + "near line 3, column 15: version: expected int, found a JSON string"},
		{"threshold 1", edit(func(b *Bundle) { b.Threshold = 1 }),
			p + "threshold 1 is outside (0, 1)"},
		{"threshold negative", edit(func(b *Bundle) { b.Threshold = -0.2 }),
			p + "threshold -0.2 is outside (0, 1)"},
		{"short baseline", edit(func(b *Bundle) { b.Baseline = b.Baseline[:2] }),
			p + "the baseline has 2 values but the network takes " + strconv.Itoa(len(b0.Baseline)) + " inputs"},
		{"bad time", edit(func(b *Bundle) { b.CreatedAt = "yesterday" }),
			p + "created_at \"yesterday\" is not an RFC 3339 time"},
		{"weight too large for float64", replaceFirst(`"weights": [`, `"weights": [1e999, `),
			p + "near line " + lineOf(good, `"weights": [`) + ", column 21: network.layers.weights: expected float64, found a JSON number 1e999"},
		{"missing weight", edit(func(b *Bundle) { l := &b.Net.Layers[1]; l.Weights = l.Weights[:len(l.Weights)-1] }),
			p + "layer 2 has 2047 weights, 64 inputs × 32 units need 2048"},
		{"extra bias", edit(func(b *Bundle) { l := &b.Net.Layers[2]; l.Biases = append(l.Biases, 0) }),
			p + "layer 3 has 2 biases, want 1 (one per unit)"},
		{"missing layer", edit(func(b *Bundle) { b.Net.Layers = b.Net.Layers[:2] }),
			p + "the network has 2 layers of parameters, its architecture needs 3"},
		{"layer shape", edit(func(b *Bundle) { b.Net.Layers[1].Inputs = 63 }),
			p + "layer 2 is 63→32, the architecture says 64→32"},
		{"activation differs", edit(func(b *Bundle) { b.Net.Layers[0].Activation = engine.Tanh }),
			p + "layer 1 has activation tanh, the architecture says relu"},
		{"unknown activation", replaceFirst(`"activation": "relu"`, `"activation": "swish"`),
			p + "unknown activation: \"swish\" (want relu, leaky_relu, tanh, sigmoid or linear)"},
		{"bad architecture", edit(func(b *Bundle) { b.Net.Architecture.Hidden[0].Units = 0 }),
			p + "network architecture: invalid configuration: hidden layer 1 must have at least 1 unit, got 0"},
		{"two outputs", edit(func(b *Bundle) { b.Net.Architecture.Outputs = 2 }),
			p + "the network has 2 bce outputs; a churn model has one sigmoid (bce) output"},
		{"no pipeline", edit(func(b *Bundle) { b.Pipeline = nil }),
			p + "no \"pipeline\": the model cannot prepare raw rows"},
		{"pipeline narrower than the network", edit(func(b *Bundle) { dropLastColumn(b.Pipeline) }),
			p + "the pipeline produces 9 columns but the network takes 10 inputs"},
		{"pipeline outputs inconsistent", edit(func(b *Bundle) { b.Pipeline.Outputs = b.Pipeline.Outputs[:9] }),
			p + "pipeline: the columns own 10 outputs, the pipeline lists 9"},
		{"pipeline column overlaps", edit(func(b *Bundle) { b.Pipeline.Columns[2].First = 1 }),
			p + "pipeline: column \"cart_adds_30d\" owns outputs 1..1, expected 1 output(s) from 2"},
		{"pipeline scale zero", edit(func(b *Bundle) { b.Pipeline.Columns[0].Scale = 0 }),
			p + "pipeline: column \"sessions_30d\" has scale 0; a scale must be positive"},
		{"pipeline scale negative", edit(func(b *Bundle) { b.Pipeline.Columns[1].Scale = -2.5 }),
			p + "pipeline: column \"pages_per_session\" has scale -2.5; a scale must be positive"},
		{"categorical level twice", edit(func(b *Bundle) {
			c := &b.Pipeline.Columns[0]
			c.Kind, c.Levels = data.Categorical, []string{"a", "b", "a"}
		}), p + "pipeline: column \"sessions_30d\" lists level \"a\" twice"},
		{"boolean spellings equal", edit(func(b *Bundle) {
			c := &b.Pipeline.Columns[3]
			c.Kind, c.Levels = data.Boolean, []string{"yes", "YES"}
		}), p + "pipeline: boolean column \"orders_90d\" lists level \"yes\" twice"},
		{"boolean one spelling", edit(func(b *Bundle) {
			c := &b.Pipeline.Columns[3]
			c.Kind, c.Levels = data.Boolean, []string{"yes"}
		}), p + "pipeline: boolean column \"orders_90d\" has 1 levels, want its 2 spellings (false, true)"},
		{"features differ", edit(func(b *Bundle) { b.Features[3] = "shoe_size" }),
			p + "\"features\" (10 names) differ from the pipeline's 10 output columns"},
		{"label differs", edit(func(b *Bundle) { b.Label.Positive = "YES" }),
			p + "the label \"purchases_next_30d\" (YES/no) differs from the pipeline's \"purchases_next_30d\" (yes/no)"},
		{"label classes equal", edit(func(b *Bundle) { b.Label.Negative = b.Label.Positive }),
			p + "the label's positive and negative class are both \"yes\""},
		// Tampered files of the trial of dec 4 (L3).
		{"every weight 1e200", edit(func(b *Bundle) {
			for i := range b.Net.Layers {
				for j := range b.Net.Layers[i].Weights {
					b.Net.Layers[i].Weights[j] = 1e200
				}
			}
		}), p + "layer 2 unit 1 overflows for inputs within the columns' clip ranges: its weights are too large to score with"},
		{"platt slope 1e308", edit(func(b *Bundle) {
			b.Calibration = &Calibration{Method: CalibPlatt, Platt: &metrics.Platt{A: 1e308, B: 0.5}, Rows: 100, Positives: 30}
		}), p + "calibration: platt a 1e+308, b 0.5 overflow for logits within ±745"},
		{"calibration and why it was not applied", edit(func(b *Bundle) {
			b.Calibration = &Calibration{Method: CalibPlatt, Platt: &metrics.Platt{A: -1}, Rows: 100, Positives: 30}
			b.CalibrationDropped = &CalibrationDropped{Method: CalibPlatt, FitPart: ValPart, Rows: 40, Positives: 12, MinClassRows: 20, MinRows: 323}
		}), p + `"calibration" and "calibration_not_applied" are both set: a file has one or neither`},
		{"clip min above max", edit(func(b *Bundle) {
			c := &b.Pipeline.Columns[0]
			c.Min, c.Max = 100, 1
		}), p + "pipeline: column \"sessions_30d\" has the clip range [100, 1]: min above max"},
		{"two columns one name", edit(func(b *Bundle) { b.Pipeline.Columns[1].Name = b.Pipeline.Columns[0].Name }),
			p + "pipeline: two columns are named \"sessions_30d\""},
		{"id column a feature", edit(func(b *Bundle) { b.Pipeline.IDName = "sessions_30d" }),
			p + "pipeline: the id column \"sessions_30d\" is also a feature"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, err := ReadBundle(bytes.NewReader(c.input(t)), "m.json")
			if err == nil {
				t.Fatalf("accepted: %+v", b.Net.Architecture)
			}
			if err.Error() != c.want {
				t.Errorf("got  %q\nwant %q", err, c.want)
			}
			if !errors.Is(err, ErrBundle) {
				t.Errorf("%v does not match ErrBundle", err)
			}
		})
	}
}

// dropLastColumn removes the pipeline's last (numeric) column consistently,
// so only the width check can catch it.
func dropLastColumn(p *data.Pipeline) {
	p.Columns = p.Columns[:len(p.Columns)-1]
	p.Outputs = p.Outputs[:len(p.Outputs)-1]
}

// lineOf returns the 1-based line of the first occurrence of s in raw.
func lineOf(raw []byte, s string) string {
	i := bytes.Index(raw, []byte(s))
	return itoa(bytes.Count(raw[:i], []byte{'\n'}) + 1)
}

// lineOfHalf returns "L, column C" for the end of the first half of raw,
// where a truncated file stops.
// halfCut is where the truncated file ends: just after the last comma of
// its first half, so that the decoder always meets the end of the input
// (a cut inside a number, as "0." could be, is another error).
func halfCut(raw []byte) int {
	return bytes.LastIndexByte(raw[:len(raw)/2], ',') + 1
}

func lineOfHalf(raw []byte) string {
	half := raw[:halfCut(raw)]
	line := bytes.Count(half, []byte{'\n'}) + 1
	col := len(half) - (bytes.LastIndexByte(half, '\n') + 1)
	return itoa(line) + ", column " + itoa(max(col, 1))
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestReadBundleRejectsNonFiniteBuiltInValues(t *testing.T) {
	// JSON cannot spell NaN, so a non-finite value can only come from a
	// bundle built in memory; validate must still catch it.
	b := decodeLoose(t, textbookBundle(t))
	b.Net.Layers[2].Biases[0] = math.Inf(1)
	if err := b.validate(); err == nil || err.Error() != "layer 3 bias 1 is +Inf" {
		t.Errorf("got %v", err)
	}
	b = decodeLoose(t, textbookBundle(t))
	b.Pipeline.Columns[4].Center = math.NaN()
	if err := b.validate(); err == nil || err.Error() != "pipeline: column \"days_since_last_visit\" has a non-finite center" {
		t.Errorf("got %v", err)
	}
}
