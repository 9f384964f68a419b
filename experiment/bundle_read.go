package experiment

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
)

// MaxBundleBytes bounds what ReadBundle reads, so a wrong file (a video, a
// disk image) is refused instead of exhausting memory. A 1,000-input network
// with 1,024 hidden units is about 20 MB of JSON.
const MaxBundleBytes = 256 << 20

// maxBundleBytes is MaxBundleBytes.
const maxBundleBytes = MaxBundleBytes

// ReadBundle decodes and validates a model file; name is the file's name,
// used in errors. It refuses, with a *BundleError naming the file and the
// problem, anything that is not a retain model of a version this build
// reads, or whose shapes, numbers or threshold are inconsistent.
func ReadBundle(r io.Reader, name string) (*Bundle, error) {
	bad := func(format string, args ...any) error {
		return &BundleError{File: name, Reason: fmt.Sprintf(format, args...)}
	}
	raw, err := io.ReadAll(io.LimitReader(r, maxBundleBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading model file %s: %w", name, err)
	}
	if len(raw) > maxBundleBytes {
		return nil, bad("larger than %d MiB, not a model file", maxBundleBytes>>20)
	}
	// The header is read alone first, so a file of another format or a newer
	// version is refused for that reason and not for some field it spells
	// differently.
	var head struct {
		Format  *string `json:"format"`
		Version *int    `json:"version"`
	}
	if err := json.Unmarshal(raw, &head); err != nil {
		return nil, bad("%s", describeJSONError(raw, err))
	}
	switch {
	case head.Format == nil:
		return nil, bad("no \"format\" field: not a retain model file")
	case *head.Format != BundleFormat:
		return nil, bad("format is %q, want %q", *head.Format, BundleFormat)
	case head.Version == nil:
		return nil, bad("no \"version\" field")
	case *head.Version > BundleVersion:
		return nil, bad("version %d is newer than this build of retain reads (version %d); use a newer retain",
			*head.Version, BundleVersion)
	case *head.Version < 1:
		return nil, bad("version %d is not a valid version (this build reads version %d)", *head.Version, BundleVersion)
	}
	b := &Bundle{}
	if err := json.Unmarshal(raw, b); err != nil {
		return nil, bad("%s", describeJSONError(raw, err))
	}
	if err := checkPipelineNumbers(raw); err != nil {
		return nil, bad("%s", err)
	}
	if err := b.validate(); err != nil {
		return nil, bad("%s", err)
	}
	b.File = name
	return b, nil
}

// describeJSONError turns a decoding error into a sentence with the line and
// column where the decoder stopped.
func describeJSONError(raw []byte, err error) string {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		line, col := lineColumn(raw, syntax.Offset)
		return fmt.Sprintf("not valid JSON at line %d, column %d: %v", line, col, syntax)
	case errors.As(err, &typ):
		line, col := lineColumn(raw, typ.Offset)
		if typ.Field == "" {
			return fmt.Sprintf("the file holds a JSON %s, not an object", typ.Value)
		}
		return fmt.Sprintf("near line %d, column %d: %s: expected %v, found a JSON %s", line, col, typ.Field, typ.Type, typ.Value)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "not valid JSON: the file ends in the middle of the document"
	}
	return err.Error()
}

// lineColumn converts a byte offset into a 1-based line and column.
func lineColumn(raw []byte, offset int64) (line, col int) {
	offset = min(max(offset, 0), int64(len(raw)))
	before := raw[:offset]
	line = bytes.Count(before, []byte{'\n'}) + 1
	col = int(offset) - (bytes.LastIndexByte(before, '\n') + 1)
	return line, max(col, 1)
}

// validate checks everything a decoded bundle must satisfy before it is
// used: the errors are reasons, ReadBundle adds the file name.
func (b *Bundle) validate() error {
	if _, err := time.Parse(time.RFC3339, b.CreatedAt); err != nil {
		return fmt.Errorf("created_at %q is not an RFC 3339 time", b.CreatedAt)
	}
	if !(b.Threshold > 0 && b.Threshold < 1) {
		return fmt.Errorf("threshold %v is outside (0, 1)", b.Threshold)
	}
	if err := b.validateNetwork(); err != nil {
		return err
	}
	if b.Pipeline == nil {
		return errors.New("no \"pipeline\": the model cannot prepare raw rows")
	}
	if err := validatePipeline(b.Pipeline); err != nil {
		return fmt.Errorf("pipeline: %w", err)
	}
	arch := b.Net.Architecture
	if w := b.Pipeline.Width(); w != arch.Inputs {
		return fmt.Errorf("the pipeline produces %d columns but the network takes %d inputs", w, arch.Inputs)
	}
	if b.Baseline != nil {
		if len(b.Baseline) != arch.Inputs {
			return fmt.Errorf("the baseline has %d values but the network takes %d inputs", len(b.Baseline), arch.Inputs)
		}
		for i, v := range b.Baseline {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("baseline value %d is not finite", i+1)
			}
		}
	}
	if err := b.Calibration.validate(); err != nil {
		return fmt.Errorf("calibration: %w", err)
	}
	if b.Calibration != nil && b.CalibrationDropped != nil {
		return errors.New(`"calibration" and "calibration_not_applied" are both set: a file has one or neither`)
	}
	if err := b.validateBounds(); err != nil {
		return err
	}
	if err := b.TrainingRows.validate(); err != nil {
		return err
	}
	if names := b.Pipeline.FeatureNames(); !slices.Equal(names, b.Features) {
		return fmt.Errorf("\"features\" (%d names) differ from the pipeline's %d output columns", len(b.Features), len(names))
	}
	l := b.Label
	switch {
	case l.Name == "" || l.Positive == "" || l.Negative == "":
		return errors.New("the label needs a name and both class names")
	case l.Positive == l.Negative:
		return fmt.Errorf("the label's positive and negative class are both %q", l.Positive)
	case BundleLabel(b.Pipeline.Label) != l:
		return fmt.Errorf("the label %q (%s/%s) differs from the pipeline's %q (%s/%s)",
			l.Name, l.Positive, l.Negative, b.Pipeline.Label.Name, b.Pipeline.Label.Positive, b.Pipeline.Label.Negative)
	}
	return b.validateTarget()
}

// validateNetwork checks the architecture against the stored layers.
func (b *Bundle) validateNetwork() error {
	arch := b.Net.Architecture
	if err := arch.Validate(); err != nil {
		return fmt.Errorf("network architecture: %w", err)
	}
	if arch.Outputs != 1 || arch.Loss != engine.BCE {
		return fmt.Errorf("the network has %d %s outputs; a churn model has one sigmoid (bce) output", arch.Outputs, arch.Loss)
	}
	layers := b.Net.Layers
	if want := len(arch.Hidden) + 1; len(layers) != want {
		return fmt.Errorf("the network has %d layers of parameters, its architecture needs %d", len(layers), want)
	}
	in := arch.Inputs
	for i, l := range layers {
		out, act := arch.Outputs, arch.OutputActivation()
		if i < len(arch.Hidden) {
			out, act = arch.Hidden[i].Units, arch.Hidden[i].Activation
		}
		switch {
		case l.Inputs != in || l.Outputs != out:
			return fmt.Errorf("layer %d is %d→%d, the architecture says %d→%d", i+1, l.Inputs, l.Outputs, in, out)
		case l.Activation != act:
			return fmt.Errorf("layer %d has activation %s, the architecture says %s", i+1, l.Activation, act)
		case len(l.Weights) != in*out:
			return fmt.Errorf("layer %d has %d weights, %d inputs × %d units need %d", i+1, len(l.Weights), in, out, in*out)
		case len(l.Biases) != out:
			return fmt.Errorf("layer %d has %d biases, want %d (one per unit)", i+1, len(l.Biases), out)
		}
		if j := firstNonFinite(l.Weights); j >= 0 {
			return fmt.Errorf("layer %d weight %d is %v", i+1, j+1, l.Weights[j])
		}
		if j := firstNonFinite(l.Biases); j >= 0 {
			return fmt.Errorf("layer %d bias %d is %v", i+1, j+1, l.Biases[j])
		}
		in = out
	}
	return nil
}

// validatePipeline checks that a decoded pipeline's columns and outputs
// agree, so that preparing rows with it cannot index out of range or divide
// by zero.
func validatePipeline(p *data.Pipeline) error {
	if len(p.Columns) == 0 || len(p.Outputs) == 0 {
		return errors.New("no feature columns")
	}
	next := 0
	names := make(map[string]bool, len(p.Columns))
	for i := range p.Columns {
		c := &p.Columns[i]
		if err := validateLevels(c); err != nil {
			return err
		}
		if names[c.Name] {
			return fmt.Errorf("two columns are named %q", c.Name)
		}
		names[c.Name] = true
		if c.Name == p.IDName {
			return fmt.Errorf("the id column %q is also a feature", c.Name)
		}
		want := 1
		switch {
		case c.Kind == data.Categorical:
			want = len(c.Levels)
		case c.Indicator:
			want = 2
		}
		if c.First != next || c.Width != want {
			return fmt.Errorf("column %q owns outputs %d..%d, expected %d output(s) from %d",
				c.Name, c.First, c.First+c.Width-1, want, next)
		}
		for j := c.First; j < c.First+c.Width && j < len(p.Outputs); j++ {
			if p.Outputs[j].Input != i {
				return fmt.Errorf("output %d (%q) does not belong to column %q", j+1, p.Outputs[j].Name, c.Name)
			}
		}
		next += want
		if c.Kind == data.Categorical {
			continue
		}
		if k := firstNonFinite([]float64{c.Fill, c.Center, c.Scale, c.Min, c.Max}); k >= 0 {
			return fmt.Errorf("column %q has a non-finite %s", c.Name, [...]string{"fill", "center", "scale", "min", "max"}[k])
		}
		// Fitting gives a positive scale (a range or a standard deviation,
		// 1 for constant columns); anything else flips or erases the column.
		if !(c.Scale > 0) {
			return fmt.Errorf("column %q has scale %v; a scale must be positive", c.Name, c.Scale)
		}
		if c.Clip && c.Min > c.Max {
			return fmt.Errorf("column %q has the clip range [%v, %v]: min above max", c.Name, c.Min, c.Max)
		}
	}
	if next != len(p.Outputs) {
		return fmt.Errorf("the columns own %d outputs, the pipeline lists %d", next, len(p.Outputs))
	}
	return nil
}

// validateLevels refuses a categorical column that lists a level twice (its
// first one-hot output could never be set) and a boolean column without two
// distinct spellings (matched case-insensitively).
func validateLevels(c *data.PipelineColumn) error {
	switch c.Kind {
	case data.Categorical:
		seen := make(map[string]bool, len(c.Levels))
		for _, l := range c.Levels {
			if seen[l] {
				return fmt.Errorf("column %q lists level %q twice", c.Name, l)
			}
			seen[l] = true
		}
	case data.Boolean:
		if len(c.Levels) != 2 {
			return fmt.Errorf("boolean column %q has %d levels, want its 2 spellings (false, true)", c.Name, len(c.Levels))
		}
		if strings.EqualFold(c.Levels[0], c.Levels[1]) {
			return fmt.Errorf("boolean column %q lists level %q twice", c.Name, c.Levels[0])
		}
	}
	return nil
}

// firstNonFinite returns the index of the first NaN or ±Inf in v, or -1.
func firstNonFinite(v []float64) int {
	for i, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return i
		}
	}
	return -1
}
