package data

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// ActionKind names what happens to a column before training.
type ActionKind int

const (
	// ActionNone: no pipeline was given, so nothing is said.
	ActionNone ActionKind = iota
	// ActionID keeps an identifier to name rows; it is not a feature.
	ActionID
	// ActionDropped leaves out a constant column.
	ActionDropped
	// ActionUnused is a feature column the pipeline does not use.
	ActionUnused
	// ActionFeature is a feature the pipeline transforms (see Encoding).
	ActionFeature
	// ActionLabel is the label column.
	ActionLabel
	// ActionExcluded is a column the user left out of the features.
	ActionExcluded
)

// Encoding names how a feature column becomes model inputs.
type Encoding int

const (
	// EncodeAsIs uses the numbers unchanged.
	EncodeAsIs Encoding = iota
	// EncodeOneHot makes one 0/1 input per level (Width of them).
	EncodeOneHot
	// EncodeBoolean maps Levels[0] to 0 and Levels[1] to 1.
	EncodeBoolean
	// EncodeMinMax maps the training range [Min, Max] to [0, 1].
	EncodeMinMax
	// EncodeZScore subtracts Center and divides by Spread.
	EncodeZScore
	// EncodeRobust subtracts Center (the median) and divides by Spread (the
	// interquartile range, or the range when the quartiles coincide).
	EncodeRobust
)

// Treatment says in structure what preprocessing does to one column, so
// that programs can word it in any language; String gives the English of
// ColumnReport.Action (without the column's warning).
type Treatment struct {
	Action ActionKind
	// Why explains an identifier or a dropped constant.
	Why Reason
	// Missing counts the training rows without a value. A categorical
	// column encodes them as all zeros; others are filled with Fill, the
	// training mode (Boolean) or Impute; Indicator adds a was-missing input.
	Missing   int
	Impute    Imputation
	Fill      float64
	Indicator bool
	// FewMissing says a model file recorded 1 to MinGroup−1 missing cells
	// without their number (PipelineColumn.FewMissing); NoIndicator that
	// indicators were asked for but the column had too few missing cells
	// for one.
	FewMissing, NoIndicator bool
	// Kind is the column's kind (features).
	Kind     Kind
	Encoding Encoding
	// Width is the number of one-hot inputs.
	Width int
	// Other is true when the last one-hot input is the catch-all level of
	// the rare and unseen levels (PipelineColumn.Other).
	Other bool
	// Folded counts the rare levels folded into it (PipelineColumn.Folded;
	// 0 when unknown).
	Folded int
	// Levels are the boolean [false, true] spellings, or the label's
	// [negative, positive] classes.
	Levels []string
	// Log says log(1+v) is taken before scaling.
	Log bool
	// Clip says values are clipped to [Min, Max] first
	// (PipelineColumn.Clip).
	Clip bool
	// Min and Max are the k-anonymous range (the clipping bounds, scaled to
	// [0, 1] under EncodeMinMax), Center and Spread
	// the mean and standard deviation (EncodeZScore), in log units with Log.
	Min, Max, Center, Spread float64
	// Rate is the label's positive rate in [0, 1].
	Rate float64
	// Date says the column holds dates (PipelineColumn.Date): Fill, Min
	// and Max are day numbers, and the model sees the days before Max.
	Date bool
}

// fillText writes the fill of a numeric column: a date for a date column.
func (tr Treatment) fillText() string {
	if tr.Date {
		return FormatDay(tr.Fill)
	}
	return FormatStatistic(tr.Fill)
}

// Days is the treatment of a date column's days before its latest date
// Max, as the scaling sees them: the range [0, Max − Min], no clipping
// left to do.
func (tr Treatment) Days() Treatment {
	tr.Min, tr.Max, tr.Clip, tr.Date = 0, tr.Max-tr.Min, false, false
	return tr
}

// treatment reads what the fitted pipeline does to one column.
func treatment(pc *PipelineColumn, opts PipelineOptions) Treatment {
	tr := Treatment{Action: ActionFeature, Kind: pc.Kind, Missing: pc.Missing, Impute: opts.Impute,
		Fill: pc.Fill, Indicator: pc.Missing > 0 && pc.Indicator, Log: pc.Log, Clip: pc.Clip,
		Min: pc.Min, Max: pc.Max, Center: pc.Center, Spread: pc.Scale, Date: pc.Date, FewMissing: pc.FewMissing}
	tr.NoIndicator = opts.MissingIndicators && pc.Kind != Categorical && (pc.FewMissing || pc.Missing > 0) && !pc.Indicator
	switch {
	case pc.Kind == Categorical:
		tr.Encoding, tr.Width, tr.Other, tr.Folded = EncodeOneHot, len(pc.Levels), pc.Other, pc.Folded
	case pc.Kind == Boolean:
		tr.Encoding, tr.Levels = EncodeBoolean, pc.Levels
	case opts.Scale == ScaleMinMax:
		tr.Encoding = EncodeMinMax
	case opts.Scale == ScaleZScore:
		tr.Encoding = EncodeZScore
	case opts.Scale == ScaleRobust:
		tr.Encoding = EncodeRobust
	default:
		tr.Encoding, tr.Log = EncodeAsIs, false
	}
	return tr
}

// String says in English what preprocessing does to the column.
func (tr Treatment) String() string {
	switch tr.Action {
	case ActionID:
		s := "kept to identify rows; not a feature"
		if why := tr.Why.String(); why != "" {
			s += " (" + why + ")"
		}
		return s
	case ActionDropped:
		return "dropped: " + tr.Why.String()
	case ActionUnused:
		return "not used by the pipeline"
	case ActionExcluded:
		return "excluded from the features"
	case ActionLabel:
		return fmt.Sprintf("label: %q = 1 (%.1f %% of rows), %q = 0", tr.Levels[1], 100*tr.Rate, tr.Levels[0])
	case ActionFeature:
		return tr.featureString()
	}
	return ""
}

// RareFlag reports a yes/no feature whose rarer value fewer than MinGroup
// training customers held (PipelineColumn.RareFlag): every value reaches
// the model as the common one, Min.
func (tr Treatment) RareFlag() bool {
	return tr.Action == ActionFeature && rareFlag(tr.Kind, tr.Clip, tr.Min, tr.Max)
}

// Constant reports a numeric feature whose clipping bounds meet
// (Pipeline.ConstantColumns): every value reaches the model as one number.
func (tr Treatment) Constant() bool {
	return tr.Action == ActionFeature && tr.Kind == Numeric && tr.Clip && tr.Min == tr.Max
}

func (tr Treatment) featureString() string {
	var steps []string
	if tr.Missing > 0 {
		switch tr.Kind {
		case Categorical:
			steps = append(steps, fmt.Sprintf("%d missing in training encode as all zeros", tr.Missing))
		case Boolean:
			steps = append(steps, fmt.Sprintf("%d missing in training filled with the mode %s", tr.Missing, FormatStatistic(tr.Fill)))
		default:
			steps = append(steps, fmt.Sprintf("%d missing in training filled with the %s %s", tr.Missing, tr.Impute, tr.fillText()))
		}
		if tr.Indicator {
			steps = append(steps, "plus a was-missing indicator")
		}
	}
	if tr.FewMissing && tr.Missing == 0 {
		steps = append(steps, fmt.Sprintf("fewer than %d missing in training", MinGroup))
	}
	if tr.NoIndicator {
		steps = append(steps, fmt.Sprintf("no was-missing indicator: fewer than %d missing in training", MinGroup))
	}
	if tr.Date {
		steps = append(steps, fmt.Sprintf("dates clipped to [%s, %s] and counted in days before %s (the training rows' k-anonymous latest date)",
			FormatDay(tr.Min), FormatDay(tr.Max), FormatDay(tr.Max)))
		tr = tr.Days()
	}
	switch {
	case tr.Encoding == EncodeOneHot && tr.Other && tr.Folded > 0:
		steps = append(steps, fmt.Sprintf("one-hot encoded into %s (%s seen < %d times, and unseen ones: %s)", encodedColumns(tr.Width), levelWord(tr.Folded), MinGroup, OtherLevel))
	case tr.Encoding == EncodeOneHot && tr.Other:
		steps = append(steps, fmt.Sprintf("one-hot encoded into %s (levels seen < %d times and unseen ones: %s)", encodedColumns(tr.Width), MinGroup, OtherLevel))
	case tr.Encoding == EncodeOneHot:
		steps = append(steps, fmt.Sprintf("one-hot encoded into %s (unseen levels: all zeros)", encodedColumns(tr.Width)))
	case tr.Encoding == EncodeBoolean:
		if tr.Levels[0] == "" { // a presence flag
			steps = append(steps, fmt.Sprintf("encoded blank = 0, %s = 1", tr.Levels[1]))
			break
		}
		steps = append(steps, fmt.Sprintf("encoded %s = 0, %s = 1", tr.Levels[0], tr.Levels[1]))
	case tr.Log && tr.Encoding == EncodeMinMax:
		steps = append(steps, fmt.Sprintf("log(1+v), then min-max scaled from [%s, %s] to [0, 1]", FormatStatistic(tr.Min), FormatStatistic(tr.Max)))
	case tr.Log && tr.Encoding == EncodeZScore:
		steps = append(steps, fmt.Sprintf("log(1+v), then z-scored (mean %.4g, sd %.4g in log units)", tr.Center, tr.Spread))
	case tr.Log && tr.Encoding == EncodeRobust:
		steps = append(steps, fmt.Sprintf("log(1+v), then robust-scaled (median %.4g, spread %.4g in log units)", tr.Center, tr.Spread))
	case tr.Encoding == EncodeRobust:
		steps = append(steps, fmt.Sprintf("robust-scaled (median %.4g, spread %.4g)", tr.Center, tr.Spread))
	case tr.Encoding == EncodeMinMax:
		steps = append(steps, fmt.Sprintf("min-max scaled from [%s, %s] to [0, 1]", FormatStatistic(tr.Min), FormatStatistic(tr.Max)))
	case tr.Encoding == EncodeZScore:
		steps = append(steps, fmt.Sprintf("z-scored (mean %.4g, sd %.4g)", tr.Center, tr.Spread))
	default:
		steps = append(steps, "used as is")
	}
	if tr.Clip && tr.Encoding != EncodeMinMax && tr.Encoding != EncodeBoolean {
		steps = append(steps, fmt.Sprintf("values clipped to [%s, %s] first", FormatStatistic(tr.Min), FormatStatistic(tr.Max)))
	}
	if tr.RareFlag() {
		steps = append(steps, fmt.Sprintf("its rarer value is held by fewer than %d training customers, so it folds into the common one (%s), as a rare level folds into %s: the model cannot use the column",
			MinGroup, FormatStatistic(tr.Min), OtherLevel))
	}
	if tr.Constant() {
		steps = append(steps, "its bounds meet, so every value is the same to the model: it cannot use the column")
	}
	return strings.Join(steps, "; ")
}

// FormatStatistic prints a fitted statistic in original units (a fill, a
// range bound): whole numbers in full, others to six significant digits,
// as retain inspect does. A bound is the mean of ten values and a fill a
// mean, whose full float64 spelling carries rounding noise
// (1669.7289428000001).
func FormatStatistic(v float64) string { return FormatDigits(v, 6) }

// FormatDigits prints a value in original units, in plain decimal (never
// an exponent such as 2.154e+04, which a spreadsheet or a reader of a
// CSV file does not expect): whole numbers in full, others to digits
// significant digits, except that a value with digits or more whole
// digits is rounded to a whole number (21540.37 at 4 digits: 21540).
// Only magnitudes beyond 1e15 or below 1e-15 keep the exponent.
func FormatDigits(v float64, digits int) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	a := math.Abs(v)
	if math.IsNaN(v) || math.IsInf(v, 0) || a >= 1e15 || a < 1e-15 {
		return strconv.FormatFloat(v, 'g', digits, 64)
	}
	// Rounding first gives the exponent of the printed value: 9.99996
	// to four digits is 10.
	exp := int(math.Floor(math.Log10(a)))
	if r, err := strconv.ParseFloat(strconv.FormatFloat(a, 'g', digits, 64), 64); err == nil && r > 0 {
		exp = int(math.Floor(math.Log10(r)))
	}
	s := strconv.FormatFloat(v, 'f', max(digits-1-exp, 0), 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// encodedColumns is "1 column" or "n columns".
func encodedColumns(n int) string {
	if n == 1 {
		return "1 column"
	}
	return fmt.Sprintf("%d columns", n)
}

// levelWord is "1 level" or "N levels".
func levelWord(n int) string {
	if n == 1 {
		return "1 level"
	}
	return Thousands(n) + " levels"
}
