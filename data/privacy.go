package data

import (
	"fmt"
	"slices"
	"strings"
)

// MinGroup is the fewest training customers any statistic of a fitted
// Pipeline comes from, so that nothing in a saved model belongs to one
// customer or to a handful:
//
//   - Min and Max are the means of the MinGroup sorted values at ranks
//     MinGroup to 2·MinGroup−1 from the bottom and from the top (the 10th
//     to 19th smallest and largest), so at least MinGroup customers lie at
//     or beyond each and a bound is one customer's value only when all
//     MinGroup of its window share it; every scaling clips to them first.
//     Both windows fit without crossing, so that Min ≤ Max, for n ≥
//     3·MinGroup−2 present values; below that the windows shrink to
//     ⌊(n+2)/3⌋ values (a column of 10 to 27 present values has bounds of
//     4 to 9 customers);
//   - Fill (a median or a mean), Center and Scale (a mean and standard
//     deviation, a median and interquartile range, or the range Max − Min)
//     are aggregates of every present value of the clipped column; a median
//     or quartile is the mean of the MinGroup sorted values around it, so
//     it is one customer's value only when at least MinGroup share it;
//   - one-hot levels are the levels seen at least MinGroup times; the rarer
//     ones fold into one "other" level;
//   - a yes/no column whose rarer value fewer than MinGroup customers hold
//     reads every value as its common one (PipelineColumn.RareFlag);
//   - a was-missing input is added only for MinGroup or more missing
//     cells, and a saved file records a count of 1 to MinGroup−1 missing
//     cells only as "fewer than MinGroup" (PipelineColumn.FewMissing).
//
// PrivacyCheck refuses a pipeline whose columns have fewer present values
// than MinGroup, where even an aggregate is a small group's, and a numeric
// column with fewer than MinNumeric, whose bounds could not both be means
// of MinGroup values.
const MinGroup = 10

// MinNumeric is the fewest present training values a numeric column needs:
// its bounds are means of the MinGroup values at ranks MinGroup to
// 2·MinGroup−1 from each end, and the two windows keep lo ≤ hi only from
// 3·MinGroup−2 values on (below that kAnonymousRange narrows them).
const MinNumeric = 3*MinGroup - 2

// OtherLevel is the name of the catch-all level of a categorical column
// (PipelineColumn.Other), unless a kept level is spelled so already.
const OtherLevel = "(other)"

// otherName returns OtherLevel, or OtherLevel with enough trailing "'"s to
// differ from every kept level.
func otherName(levels []string) string {
	name := OtherLevel
	for slices.Contains(levels, name) {
		name += "'"
	}
	return name
}

// kAnonymousRange returns the mean of the k sorted values at ranks k to
// 2k−1 from the bottom (sorted[k−1 : 2k−1]) and the mean of the k at ranks
// k to 2k−1 from the top (sorted[n−2k+1 : n−k+1]), each a value all k
// share when they do (windowMean); values are not changed. The windows
// start at k−1 and n−2k+1, so lo ≤ hi needs n ≥ 3k−2: for fewer values k
// is lowered to ⌊(n+2)/3⌋ (1 for n ≤ 3). values must not be empty.
func kAnonymousRange(values []float64, k int) (lo, hi float64) {
	sorted := slices.Clone(values)
	slices.Sort(sorted)
	n := len(sorted)
	k = max(min(k, (n+2)/3), 1)
	return windowMean(sorted[k-1 : 2*k-1]), windowMean(sorted[n-2*k+1 : n-k+1])
}

// PrivacyError reports a fitted pipeline some statistic of which comes from
// fewer than MinGroup training customers.
type PrivacyError struct {
	// Rows is the number of training rows the pipeline was fitted on.
	Rows int
	// Columns are the columns with fewer than MinGroup present values
	// (but some), each with its count.
	Columns []string
	Counts  []int
	// Group is set when the pipeline was fitted with a MinGroup option
	// below MinGroup.
	Group int
}

// Error implements error.
func (e *PrivacyError) Error() string {
	if e.Group > 0 {
		return fmt.Sprintf("the pipeline was fitted with groups of %d customers; a model file holds no statistic of fewer than %d",
			e.Group, MinGroup)
	}
	if e.Rows < MinGroup {
		return fmt.Sprintf("the pipeline was fitted on %d training rows; a model file holds no statistic of fewer than %d customers",
			e.Rows, MinGroup)
	}
	parts := make([]string, len(e.Columns))
	for i, c := range e.Columns {
		parts[i] = fmt.Sprintf("%q (%d values)", c, e.Counts[i])
	}
	return fmt.Sprintf("%s: too few present training values (at least %d for a numeric column, %d for a yes/no one), so its fill, bounds or scaling would describe fewer than %d customers; exclude it or train on more rows",
		strings.Join(parts, ", "), MinNumeric, MinGroup, MinGroup)
}

// PrivacyCheck returns a *PrivacyError when the pipeline was fitted on
// fewer than MinGroup rows, a boolean column had between 1 and MinGroup−1
// present values in them, or a numeric column between 1 and MinNumeric−1;
// nil otherwise. It needs FitRows,
// so only a pipeline fitted in this process can be checked.
func (p *Pipeline) PrivacyCheck() error {
	n := len(p.FitRows)
	if p.Options.Group() < MinGroup {
		return &PrivacyError{Rows: n, Group: p.Options.Group()}
	}
	if n < MinGroup {
		return &PrivacyError{Rows: n}
	}
	e := &PrivacyError{Rows: n}
	for _, c := range p.Columns {
		if c.Kind == Categorical {
			continue
		}
		least := MinGroup
		if c.Kind == Numeric {
			least = MinNumeric
		}
		if present := n - c.Missing; present > 0 && present < least {
			e.Columns, e.Counts = append(e.Columns, c.Name), append(e.Counts, present)
		}
	}
	if len(e.Columns) > 0 {
		return e
	}
	return nil
}

// foldRareFlag folds a yes/no column's rarer value into its common one
// when fewer than k training customers hold it, as a categorical level
// seen fewer than k times folds into the catch-all level: the column
// clips to [v, v] for its common value v, so every value, present or
// filled, reaches the model as v, and neither its weights nor the
// explanations' baseline learn anything of that handful. present holds
// the column's present training values (0 or 1; a presence flag's blanks
// are its 0s).
func foldRareFlag(pc *PipelineColumn, present []float64, k int) {
	ones := 0
	for _, v := range present {
		if v == 1 {
			ones++
		}
	}
	zeros := len(present) - ones
	if min(ones, zeros) >= k {
		return
	}
	common := 0.0
	if ones > zeros {
		common = 1
	}
	pc.Fill, pc.Min, pc.Max, pc.Clip = common, common, common, true
}

// RareFlag reports a yes/no column whose rarer value fewer than MinGroup
// training customers held (see foldRareFlag): it is read as its common
// value, Min, whatever a row holds, so the model cannot use it.
func (pc *PipelineColumn) RareFlag() bool { return rareFlag(pc.Kind, pc.Clip, pc.Min, pc.Max) }

// rareFlag is the mark foldRareFlag leaves on a column of kind: a yes/no
// column clipped to bounds that meet.
func rareFlag(kind Kind, clip bool, lo, hi float64) bool {
	return kind == Boolean && clip && lo == hi
}

// RareFlags lists the yes/no columns folded to their common value
// (PipelineColumn.RareFlag).
func (p *Pipeline) RareFlags() []string {
	var out []string
	for i := range p.Columns {
		if p.Columns[i].RareFlag() {
			out = append(out, p.Columns[i].Name)
		}
	}
	return out
}

// ConstantColumns lists the numeric (and date) columns whose clipping
// bounds meet: every value, present or filled, becomes the same number, so
// the model cannot use the column. It happens when fewer than MinGroup
// training customers differ from a column's common value (a count that is
// almost always 0), or when the column has just MinNumeric present values,
// whose two windows of MinGroup then hold the same customers.
func (p *Pipeline) ConstantColumns() []string {
	var out []string
	for i := range p.Columns {
		c := &p.Columns[i]
		if c.Kind == Numeric && c.Clip && c.Min == c.Max {
			out = append(out, c.Name)
		}
	}
	return out
}
