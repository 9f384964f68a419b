package data

import (
	"fmt"
	"math"
	"slices"
)

// Imputation is how a Pipeline fills missing numeric cells.
type Imputation int

const (
	// ImputeMedian fills with the training median of the clipped values,
	// a group median of MinGroup customers (see MinGroup).
	ImputeMedian Imputation = iota
	// ImputeMean fills with the training mean of the clipped values.
	ImputeMean
)

// Scaling is how a Pipeline rescales numeric columns. Boolean columns are
// never scaled: they stay 0/1 under every Scaling. Under every Scaling a
// numeric value is first clipped to the k-anonymous training range
// [Min, Max] (PipelineColumn.Clip): Min is the mean of the 10th to 19th
// smallest training values and Max of the 10th to 19th largest (MinGroup
// of each, see MinGroup), so no single customer's extreme value is
// stored, and the fill and the scaling statistics are computed on the
// clipped values.
type Scaling int

const (
	// ScaleMinMax maps the k-anonymous training range [Min, Max] to [0, 1].
	ScaleMinMax Scaling = iota
	// ScaleZScore subtracts the training mean and divides by the population
	// standard deviation.
	ScaleZScore
	// ScaleNone leaves numeric values in their original units (clipped).
	ScaleNone
	// ScaleRobust subtracts the training median and divides by the
	// interquartile range, each quantile the mean of the MinGroup sorted
	// values around numpy's linear position (numpy's own with groups of
	// one). A column whose quartiles coincide (mostly one value) is divided
	// by its k-anonymous range Max − Min instead (in log units for a log
	// column).
	ScaleRobust
)

// PipelineOptions chooses the preprocessing steps. The zero value drops
// duplicate training rows, imputes medians without indicators and min-max
// scales.
type PipelineOptions struct {
	Impute Imputation `json:"impute"`
	// MissingIndicators adds a 0/1 "was missing" output for every numeric or
	// boolean column that had missing cells in the training rows.
	MissingIndicators bool    `json:"missing_indicators"`
	Scale             Scaling `json:"scale"`
	// KeepDuplicates keeps exact duplicate training rows.
	KeepDuplicates bool `json:"keep_duplicates"`
	// Log1p maps every numeric (not boolean) column whose k-anonymous
	// lower bound Min is ≥ 0 through log(1+v) after clipping and before
	// scaling, so the decision reveals nothing about any one customer (a
	// few negative values below Min are clipped to it).
	Log1p bool `json:"log1p,omitempty"`
	// MinGroup overrides MinGroup, the fewest training customers a
	// statistic may come from (0 means MinGroup). Only tests that check
	// exact statistics of a few hand-made rows lower it; a pipeline fitted
	// with less than MinGroup cannot be saved (PrivacyCheck).
	MinGroup int `json:"min_group,omitempty"`
}

// Group is the fewest training customers a statistic of a pipeline fitted
// with the options comes from: MinGroup unless a test lowered it.
func (o PipelineOptions) Group() int {
	if o.MinGroup <= 0 {
		return MinGroup
	}
	return o.MinGroup
}

// PipelineColumn is the fitted treatment of one original feature column.
// A numeric or boolean value v becomes (v-Center)/Scale after a missing v is
// replaced by Fill, clipped to [Min, Max] when Clip is set and mapped through
// log(1+v) when Log is set; a categorical column becomes one 0/1 output per
// level, and when Other is set its last level is the catch-all of the levels
// seen fewer than MinGroup times in training and of any level never seen.
//
// No statistic of a fitted column comes from fewer than MinGroup training
// customers (see MinGroup for what each one is).
type PipelineColumn struct {
	Name string `json:"name"`
	Kind Kind   `json:"kind"`
	// Fill replaces missing numeric or boolean cells (original units).
	Fill   float64 `json:"fill"`
	Center float64 `json:"center"`
	Scale  float64 `json:"scale"`
	// Levels are the one-hot levels of a categorical column (the levels seen
	// at least MinGroup times in the training rows, sorted, then OtherLevel
	// when Other is set) or the [false, true] spellings of a boolean.
	Levels []string `json:"levels,omitempty"`
	// Other is true when the last of Levels is the catch-all "other" level:
	// every non-missing value that is not one of the other Levels (rare in
	// training or never seen) encodes as that level.
	Other bool `json:"other,omitempty"`
	// Folded counts the distinct levels seen in training fewer than
	// MinGroup times, folded into the catch-all level, for the Data
	// screen; a model file does not hold it (a count of levels each held
	// by fewer than MinGroup customers), so it is 0 once read back.
	Folded int `json:"-"`
	// Codes is set for a categorical column of numbers read as codes
	// (Column.Codes): its levels are numbers written by FormatCode, in
	// numeric order, and a new cell is read as a number and written so
	// ("3.0" is level "3").
	Codes bool `json:"codes,omitempty"`
	// Log is true when values go through log(1+v) before Center and Scale,
	// which are then in log units (Fill, Min and Max stay in original units).
	Log bool `json:"log,omitempty"`
	// Indicator is true when the column has a "was missing" output.
	Indicator bool `json:"indicator,omitempty"`
	// Missing counts missing cells in the training rows. A saved file
	// records 1 to MinGroup−1 of them as 0 with FewMissing set, so that it
	// holds no count of fewer than MinGroup customers.
	Missing int `json:"missing"`
	// FewMissing is set, in a pipeline read from a file, for a column
	// with 1 to MinGroup−1 missing training cells (Missing is 0 there).
	FewMissing bool `json:"missing_few,omitempty"`
	// Min and Max are the k-anonymous training range in original units:
	// the mean of the present training values of a numeric column at
	// ranks k to 2k−1 from the bottom and from the top, with k =
	// min(MinGroup, ⌊(n+2)/3⌋) for n present values (see MinGroup); always
	// 0 and 1 for a boolean.
	Min float64 `json:"min"`
	Max float64 `json:"max"`
	// Whole is set for a numeric column whose present training values are
	// all whole numbers (counts, days): its bounds, means of 10 values, may
	// not be, but values suggested for it (levers) are.
	Whole bool `json:"whole,omitempty"`
	// Clip is true when values are clipped to [Min, Max] (original units)
	// before log(1+v) and scaling: every numeric column with present
	// training values, under every Scaling, fitted by this version. Files
	// written before it have no clipping, or clip min-max scaling only.
	Clip bool `json:"clip,omitempty"`
	// DecimalComma is set when the training file was semicolon-separated,
	// wrote decimal commas and read this column's points as thousands (see
	// Column.DecimalComma): new rows in a semicolon file then read them so
	// ("2.962" is 2962) even where they write no comma themselves.
	DecimalComma bool `json:"decimal_comma,omitempty"`
	// Marks is what the training file's cells of a numeric column were
	// read without (Column.Stripped: currency signs, thousands
	// separators, percent signs, accounting parentheses), so that the SQL
	// export removes the same; files written before it record none.
	Marks NumberMarks `json:"number_marks,omitempty"`
	// Date is set for a column of dates (Column.Date): Fill, Min and Max
	// are day numbers, and a value v, clipped, becomes the days Max − v
	// before the k-anonymous latest date Max (never negative) before
	// log(1+v) and scaling, so Center and Scale are in days (log days
	// with Log). DateOrder is the order the training table's dates
	// written with the year last were read in; new rows are read in it.
	Date      bool      `json:"date,omitempty"`
	DateOrder DateOrder `json:"date_order,omitempty"`
	// First is the index of the column's first output; Width the number of
	// outputs it owns.
	First int `json:"first"`
	Width int `json:"width"`
}

// Transformed maps a value in original units to the model's input scale:
// clipped to [Min, Max] when Clip is set, then, for a date column, made
// the days Max − v before its latest date, then through log(1+v) when Log
// is set (a log column's Min is ≥ 0, and a date column's days are, so a
// clipped value is never below 0; an unclipped one of an older file below
// 0 counts as 0), then (v-Center)/Scale.
func (c *PipelineColumn) Transformed(v float64) float64 {
	v = c.Measured(v)
	if c.Log {
		v = math.Log1p(max(v, 0))
	}
	d := v - c.Center
	if math.IsInf(d, 0) && finite(v) && finite(c.Center) {
		// v − Center overflowed (values near the float64 limit on both
		// sides of Center); the quotients of the terms do not.
		return v/c.Scale - c.Center/c.Scale
	}
	return d / c.Scale
}

// Clipped is v clipped to [Min, Max] when Clip is set, else v: the first
// step of Transformed.
func (c *PipelineColumn) Clipped(v float64) float64 {
	if c.Clip {
		return min(max(v, c.Min), c.Max)
	}
	return v
}

// Measured is v as Transformed measures it before log(1+v) and scaling:
// clipped, and for a date column the days Max − v before its latest date.
func (c *PipelineColumn) Measured(v float64) float64 {
	v = c.Clipped(v)
	if c.Date {
		v = c.Max - v
	}
	return v
}

// Clips reports whether Transformed moves the present numeric value v to
// a bound of [Min, Max] before anything else.
func (c *PipelineColumn) Clips(v float64) bool {
	return c.Clip && c.Kind == Numeric && !math.IsNaN(v) && (v < c.Min || v > c.Max)
}

// Original maps a model input back to original units; it inverts
// Transformed. A result within the rounding error of x·Scale + Center
// (a few ulps of its terms) of 0 is 0, so that a 0 comes back as 0 and not
// as 1.1e-16.
func (c *PipelineColumn) Original(x float64) float64 {
	y := x*c.Scale + c.Center
	if math.Abs(y) <= 4*epsilon*(math.Abs(x*c.Scale)+math.Abs(c.Center)) {
		y = 0
	}
	if c.Log {
		y = math.Expm1(y)
	}
	if c.Date {
		y = c.Max - y
	}
	return y
}

// epsilon is the float64 machine epsilon, 2⁻⁵².
const epsilon = 0x1p-52

// Output describes one column of the transformed matrix.
type Output struct {
	Name string `json:"name"`
	// Input is the index in Pipeline.Columns of the original column.
	Input int `json:"input"`
	// Level is the category a one-hot output stands for ("" otherwise).
	Level string `json:"level,omitempty"`
	// Indicator marks a "was missing" output.
	Indicator bool `json:"indicator,omitempty"`
}

// LabelSpec records the label a Pipeline was fitted with.
type LabelSpec struct {
	Name     string `json:"name"`
	Positive string `json:"positive"`
	Negative string `json:"negative"`
}

// Pipeline is fitted preprocessing: it turns table rows (or raw CSV rows with
// the same columns) into the matrix a model trains on. It holds only
// training statistics and round-trips through encoding/json.
type Pipeline struct {
	Options PipelineOptions  `json:"options"`
	Columns []PipelineColumn `json:"columns"`
	Outputs []Output         `json:"outputs"`
	// IDName is the identifier column of the fitted table ("" if none).
	IDName string `json:"id_name,omitempty"`
	// Ignored names the fitted table's other columns that are not inputs
	// (further identifiers, constants, text with too many levels, excluded
	// columns), so that rows carrying them can be scored as they come
	// (names only; nil in files written before it).
	Ignored []string  `json:"ignored,omitempty"`
	Label   LabelSpec `json:"label"`
	// Duplicates is how many exact duplicate training rows were dropped.
	Duplicates int `json:"duplicates_dropped"`
	// FitRows are the training rows the statistics came from (the training
	// rows without duplicates); train the model on these.
	FitRows []int `json:"-"`
}

// FeatureNames returns the name of every output column, in order.
func (p *Pipeline) FeatureNames() []string {
	names := make([]string, len(p.Outputs))
	for i, o := range p.Outputs {
		names[i] = o.Name
	}
	return names
}

// InputOf returns the original column that output j comes from; its
// Original and Transformed methods convert numeric values between units.
func (p *Pipeline) InputOf(j int) *PipelineColumn { return &p.Columns[p.Outputs[j].Input] }

// Width returns the number of output columns.
func (p *Pipeline) Width() int { return len(p.Outputs) }

// FitPipeline fits preprocessing on the given training rows of t (indices
// into the table). Nothing outside trainRows influences the fitted values.
func FitPipeline(t *Table, trainRows []int, opts PipelineOptions) (*Pipeline, error) {
	if err := checkRows(t, trainRows); err != nil {
		return nil, err
	}
	if len(trainRows) == 0 {
		return nil, fmt.Errorf("%w: %s: no training rows", ErrShape, t.Source)
	}
	p := newPipeline(t, opts)
	p.FitRows = trainRows
	if !opts.KeepDuplicates {
		p.FitRows, p.Duplicates = DropDuplicates(t, trainRows)
	}
	for _, c := range t.Features() {
		pc := p.newColumn(c)
		if c.Kind == Categorical {
			fitCategorical(&pc, c, p.FitRows, opts.Group())
			if pc.Codes {
				sortKept(&pc)
			}
		} else {
			if err := fitNumeric(&pc, c, p.FitRows, opts, t.Source); err != nil {
				return nil, err
			}
		}
		p.addColumn(pc)
	}
	if len(p.Outputs) == 0 {
		return nil, parseErr(t.Source, 0, 0, ErrNoFeatures, "no usable feature column")
	}
	for _, c := range t.Columns {
		if !c.IsFeature() && c.Name != p.IDName {
			p.Ignored = append(p.Ignored, c.Name)
		}
	}
	return p, nil
}

// newPipeline starts the pipeline of table t: options, label and id name.
func newPipeline(t *Table, opts PipelineOptions) *Pipeline {
	p := &Pipeline{Options: opts, Label: LabelSpec{t.Label.Name, t.Label.Positive, t.Label.Negative}}
	if t.IDColumn >= 0 {
		p.IDName = t.Columns[t.IDColumn].Name
	}
	return p
}

// newColumn starts the fitted column of feature c, its outputs next.
func (p *Pipeline) newColumn(c *Column) PipelineColumn {
	pc := PipelineColumn{Name: c.Name, Kind: c.Kind, Scale: 1, First: len(p.Outputs)}
	if c.Kind == Numeric && c.Date {
		pc.Date, pc.DateOrder = true, c.DateOrder
	}
	pc.Codes = c.Kind == Categorical && c.Codes
	return pc
}

// addColumn appends a fitted column and its outputs.
func (p *Pipeline) addColumn(pc PipelineColumn) {
	p.Columns = append(p.Columns, pc)
	in := len(p.Columns) - 1
	switch {
	case pc.Kind == Categorical:
		for _, level := range pc.Levels {
			p.Outputs = append(p.Outputs, Output{Name: pc.Name + "=" + level, Input: in, Level: level})
		}
	default:
		p.Outputs = append(p.Outputs, Output{Name: pc.Name, Input: in})
		if pc.Indicator {
			p.Outputs = append(p.Outputs, Output{Name: pc.Name + " (missing)", Input: in, Indicator: true})
		}
	}
	p.Columns[in].Width = len(p.Outputs) - pc.First
}

func checkRows(t *Table, rows []int) error {
	for _, r := range rows {
		if r < 0 || r >= t.Rows {
			return fmt.Errorf("%w: %s: row %d outside [0, %d)", ErrShape, t.Source, r, t.Rows)
		}
	}
	return nil
}

// fitCategorical keeps the levels seen at least k times, sorted, and folds
// the others into a last catch-all level (Other) when there are any.
func fitCategorical(pc *PipelineColumn, c *Column, rows []int, k int) {
	seen := make(map[string]int)
	for _, r := range rows {
		s := c.Strings[r]
		if s == "" {
			pc.Missing++
			continue
		}
		seen[s]++
	}
	rare := false
	for s, n := range seen {
		if n < k {
			rare = true
			pc.Folded++
			continue
		}
		pc.Levels = append(pc.Levels, s)
	}
	slices.Sort(pc.Levels)
	if rare {
		pc.Levels = append(pc.Levels, otherName(pc.Levels))
		pc.Other = true
	}
}

func fitNumeric(pc *PipelineColumn, c *Column, rows []int, opts PipelineOptions, source string) error {
	present := make([]float64, 0, len(rows))
	for _, r := range rows {
		if v := c.Values[r]; !math.IsNaN(v) {
			present = append(present, v)
		}
	}
	return fitPresent(pc, c, present, len(rows), opts, source)
}

// fitPresent fits a numeric or boolean column from the present (not
// missing) values of its rows training rows; present is reordered.
func fitPresent(pc *PipelineColumn, c *Column, present []float64, rows int, opts PipelineOptions, source string) error {
	pc.Missing = rows - len(present)
	// A was-missing input of fewer than MinGroup blank cells would be a
	// statistic (its weights, its baseline) of that handful of customers.
	pc.Indicator = opts.MissingIndicators && pc.Missing >= opts.Group()
	if c.Kind == Boolean {
		pc.Levels = c.Levels
		if len(pc.Levels) != 2 {
			pc.Levels = []string{"0", "1"}
		}
	}
	if len(present) == 0 {
		return nil // nothing to learn from: fill 0, identity scale
	}
	if c.Kind == Boolean {
		pc.Fill = math.Round(mean(present)) // the mode; a tie goes to true
		if pc.Presence() {
			// A blank is the absent state, whatever reads it as missing
			// (a model's fill, the SQL export's).
			pc.Fill = 0
		}
		pc.Min, pc.Max = 0, 1 // the domain, not a statistic
		foldRareFlag(pc, present, opts.Group())
		return nil
	}
	pc.DecimalComma = c.DecimalComma
	if c.Kind == Numeric && !pc.Date {
		pc.Marks = c.Stripped
	}
	pc.Whole = c.Kind == Numeric && allWhole(present)
	k := opts.Group()
	// Every statistic below is of the clipped column: no customer weighs
	// more than the k-th most extreme one.
	pc.Min, pc.Max = kAnonymousRange(present, k)
	pc.Clip = true
	for i, v := range present {
		present[i] = min(max(v, pc.Min), pc.Max)
	}
	if opts.Impute == ImputeMean {
		pc.Fill = stableMean(present)
	} else {
		pc.Fill = groupMedian(present, k)
	}
	if opts.Scale == ScaleNone {
		return checkInputs(pc, opts, source)
	}
	fill := pc.Fill
	lo, hi := pc.Min, pc.Max
	if pc.Date {
		// Days before the latest date: Max − v in [0, Max − Min].
		for i, v := range present {
			present[i] = pc.Max - v
		}
		fill, lo, hi = pc.Max-fill, 0, pc.Max-pc.Min
	}
	// log(1+v) is decided on the clipped range, not on any one value.
	if opts.Log1p && c.Kind == Numeric && lo >= 0 {
		pc.Log = true
		for i, v := range present {
			present[i] = math.Log1p(v)
		}
		fill = math.Log1p(fill)
	}
	if pc.Log {
		lo, hi = math.Log1p(lo), math.Log1p(hi)
	}
	// Statistics of the imputed training column, as a fitted imputer
	// followed by a scaler would see it.
	switch opts.Scale {
	case ScaleMinMax:
		pc.Center, pc.Scale = lo, hi-lo
	case ScaleZScore:
		pc.Center, pc.Scale = imputedStats(present, fill, pc.Missing)
	case ScaleRobust:
		pc.Center, pc.Scale = robustSpread(present, fill, pc.Missing, k)
		if pc.Scale == 0 {
			pc.Scale = hi - lo
		}
	}
	switch {
	case lo == hi:
		// Fewer than k customers differ from the rest: clipped, they all
		// transform to 0.
		pc.Center, pc.Scale = lo, 1
	case !finite(pc.Scale):
		// A clipped range wider than the largest float64 (from below
		// −9e307 to above 9e307): no finite scale maps it.
		return tooLarge(pc, opts, source)
	case pc.Scale == 0:
		pc.Center, pc.Scale = 0, 1
	}
	return checkInputs(pc, opts, source)
}

// MaxInput is the largest magnitude a fitted numeric column may give a
// model input: its square and its products with the weights stay finite
// in training (gradients, Adam's squared moments), 1e150 < √MaxFloat64.
const MaxInput = 1e150

// checkInputs refuses a column whose clipped training range [Min, Max]
// transforms to model inputs beyond ±MaxInput (Transformed is monotone,
// so the bounds give the extremes).
func checkInputs(pc *PipelineColumn, opts PipelineOptions, source string) error {
	lo, hi := pc.Transformed(pc.Min), pc.Transformed(pc.Max)
	if finite(lo) && finite(hi) && math.Abs(lo) <= MaxInput && math.Abs(hi) <= MaxInput {
		return nil
	}
	return tooLarge(pc, opts, source)
}

// tooLarge is the error of a column whose values no model input can hold.
func tooLarge(pc *PipelineColumn, opts PipelineOptions, source string) error {
	return parseErr(source, 0, 0, ErrTooLarge, fmt.Sprintf(
		"column %q: values too large to scale: its training range [%g, %g] cannot become model inputs within ±%g under scale %s; use --log1p or --scale zscore, or rescale the column",
		pc.Name, pc.Min, pc.Max, MaxInput, opts.Scale))
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

func mean(xs []float64) float64 {
	var sum float64
	for _, x := range xs {
		sum += x
	}
	return sum / float64(len(xs))
}

// Median sorts xs in place and returns its median (the mean of the middle
// two when len(xs) is even); xs must not be empty.
func Median(xs []float64) float64 {
	slices.Sort(xs)
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return xs[n/2-1]/2 + xs[n/2]/2 // halves first: the sum may overflow
}

// allWhole reports whether every value is a whole number.
func allWhole(vs []float64) bool {
	for _, v := range vs {
		if v != math.Trunc(v) {
			return false
		}
	}
	return true
}
