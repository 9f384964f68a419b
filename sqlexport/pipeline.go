package sqlexport

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/retainlab/retain/data"
)

// isMissing is the condition that a raw column's cell is missing: NULL, or
// a cell the pipeline reads as missing (data.MissingCells).
func (d Dialect) isMissing(col string) string {
	return d.missingAmong(col, data.MissingCells())
}

// isMissingCell is isMissing for the cells of pipeline column pc: in a
// column that reads numbers (PipelineColumn.NumericCells) the numeric
// missing words ("unknown", "未知", …: data.NumericMissingWords) are
// missing too, as the pipeline reads them, and so, when table is set (the
// column is a table's, written by people, not a feature the SELECT
// computed from an orders table), are the cells of dashes only ("--", "—":
// data.MissingDashes).
func (d Dialect) isMissingCell(pc *data.PipelineColumn, col string, table bool) string {
	if !pc.NumericCells() {
		return d.isMissing(col)
	}
	among := d.missingAmong(col, append(data.MissingCells(), data.NumericMissingWords()...))
	if !table {
		return among
	}
	return strings.TrimSuffix(among, ")") + " OR " + d.onlyDashes(col) + ")"
}

// onlyDashes is the condition that col, trimmed, is dashes only (or
// empty, which isMissing already covers): nothing is left once every one
// of data.MissingDashes is replaced by nothing.
func (d Dialect) onlyDashes(col string) string {
	t := d.asText(col)
	for _, dash := range data.MissingDashes() {
		t = "REPLACE(" + t + ", " + d.str(dash) + ", '')"
	}
	return t + " = ''"
}

// missingAmong is the condition that col is NULL or, trimmed and in lower
// case, one of markers.
func (d Dialect) missingAmong(col string, markers []string) string {
	quoted := make([]string, len(markers))
	for i, m := range markers {
		quoted[i] = d.str(m)
	}
	return "(" + col + " IS NULL OR LOWER(" + d.asText(col) + ") IN (" + strings.Join(quoted, ", ") + "))"
}

// inputs returns the expression of every network input (the pipeline's
// outputs, in order), reading the raw columns of the CTE they come from,
// aliased src: a table's cells when table is set, else the features the
// SELECT computed from an orders table.
func (d Dialect) inputs(p *data.Pipeline, table bool) ([]string, error) {
	out := make([]string, p.Width())
	for ci := range p.Columns {
		pc := &p.Columns[ci]
		col := d.column(src, pc.Name)
		if pc.First < 0 || pc.First+pc.Width > len(out) {
			return nil, fmt.Errorf("pipeline column %q owns outputs %d..%d of %d", pc.Name, pc.First, pc.First+pc.Width, len(out))
		}
		switch pc.Kind {
		case data.Categorical:
			if pc.Width != len(pc.Levels) || (pc.Other && len(pc.Levels) == 0) {
				return nil, fmt.Errorf("pipeline column %q has %d levels and %d outputs", pc.Name, len(pc.Levels), pc.Width)
			}
			// ReadRows compares the trimmed cell with each level; a blank
			// category leaves every output 0, and so does an unseen one
			// unless the column has a catch-all level.
			kept := pc.Levels
			if pc.Other {
				kept = kept[:len(kept)-1]
			}
			if pc.Codes {
				if err := d.codes(pc, col, kept, table, out); err != nil {
					return nil, err
				}
				break
			}
			for k, level := range kept {
				out[pc.First+k] = "CASE WHEN " + d.asText(col) + " = " + d.str(level) + " THEN 1.0 ELSE 0.0 END"
			}
			if pc.Other {
				out[pc.First+len(kept)] = d.other(col, kept)
			}
		case data.Numeric, data.Boolean:
			v, err := d.value(pc, ci, col, table)
			if err != nil {
				return nil, err
			}
			out[pc.First] = v
			if pc.Indicator {
				if pc.Width != 2 {
					return nil, fmt.Errorf("pipeline column %q has a missing indicator but %d outputs", pc.Name, pc.Width)
				}
				missing := d.isMissingCell(pc, col, table)
				if pc.Date {
					// A cell that is no calendar date is missing too.
					missing = "(" + missing + " OR " + d.badName(ci) + " = 1)"
				}
				out[pc.First+1] = "CASE WHEN " + missing + " THEN 1.0 ELSE 0.0 END"
			}
		default:
			return nil, fmt.Errorf("pipeline column %q has kind %v, which cannot be scored", pc.Name, pc.Kind)
		}
	}
	for j, e := range out {
		if e == "" {
			return nil, fmt.Errorf("no pipeline column makes input %d", j)
		}
	}
	return out, nil
}

// other is the catch-all level's input (PipelineColumn.Other): 1 for a
// present cell that is none of the kept levels (rare in training or never
// seen), 0 for a missing one or a kept level, as ReadRows encodes it.
func (d Dialect) other(col string, kept []string) string {
	var b strings.Builder
	b.WriteString("CASE WHEN " + d.isMissing(col) + " THEN 0.0")
	if len(kept) > 0 {
		quoted := make([]string, len(kept))
		for i, l := range kept {
			quoted[i] = d.str(l)
		}
		b.WriteString(" WHEN " + d.asText(col) + " IN (" + strings.Join(quoted, ", ") + ") THEN 0.0")
	}
	b.WriteString(" ELSE 1.0 END")
	return b.String()
}

// clip bounds v to the k-anonymous range [lo, hi] (PipelineColumn.Clip):
// SQLite's scalar MIN and MAX, LEAST and GREATEST elsewhere. v is never
// NULL for a numeric column (a missing cell is filled first, and a cell
// retain refuses is made NULL around the whole input: value), but a
// boolean's unknown spelling is: since Postgres, DuckDB and Spark skip
// NULL arguments, which would turn that NULL into a bound, a nullable v
// keeps its NULL explicitly.
func (d Dialect) clip(v, lo, hi string, nullable bool) string {
	c := d.least(d.greatest(v, lo), hi)
	if nullable {
		c = "(CASE WHEN " + v + " IS NULL THEN NULL ELSE " + c + " END)"
	}
	return c
}

// value is a numeric or boolean column's input: the cell (or the fill when
// missing) in original units, clipped to [Min, Max] when the column clips,
// for a date column made the days Max − v before its latest date, through
// ln(1+v) for a log column, then (v − centre) / scale, as
// PipelineColumn.Transformed computes it; NULL for a present cell that
// retain predict refuses (number, or a date cell in no form it reads). ci
// is pc's index in the pipeline, table is as for inputs.
func (d Dialect) value(pc *data.PipelineColumn, ci int, col string, table bool) (string, error) {
	fill, err := num(pc.Fill)
	if err != nil {
		return "", fmt.Errorf("column %q: %w", pc.Name, err)
	}
	center, err := num(pc.Center)
	if err != nil {
		return "", fmt.Errorf("column %q: %w", pc.Name, err)
	}
	scale, err := num(pc.Scale)
	if err != nil || pc.Scale == 0 {
		return "", fmt.Errorf("column %q: scale %v cannot divide", pc.Name, pc.Scale)
	}
	var raw, read string
	switch {
	case pc.Kind == data.Boolean:
		raw = d.boolean(pc, col)
	case pc.Date:
		if !table {
			return "", fmt.Errorf("column %q: a date column among the features of an orders table cannot be exported", pc.Name)
		}
		// The day number the date CTEs read (dateCells), the fill for a
		// cell that is no calendar date, as for a blank one; a cell in no
		// form retain reads has neither, and gives NULL.
		raw = "(CASE WHEN " + d.badName(ci) + " = 1 THEN " + fill + " ELSE " + d.dayName(ci) + " END)"
		read = "(" + d.badName(ci) + " = 1 OR " + d.dayName(ci) + " IS NOT NULL)"
	default:
		raw, read = d.number(pc, col, table)
	}
	// A missing cell is the fill, transformed in Go as retain predict
	// transforms it: one literal.
	filled, err := num(pc.Transformed(pc.Fill))
	if err != nil {
		return "", fmt.Errorf("column %q: %w", pc.Name, err)
	}
	v := raw
	if pc.Clip {
		lo, err := num(pc.Min)
		if err != nil {
			return "", fmt.Errorf("column %q: %w", pc.Name, err)
		}
		hi, err := num(pc.Max)
		if err != nil {
			return "", fmt.Errorf("column %q: %w", pc.Name, err)
		}
		v = d.clip(v, lo, hi, pc.Kind == data.Boolean)
	}
	if pc.Date {
		// Days before the latest date, as PipelineColumn.Transformed.
		latest, err := num(pc.Max)
		if err != nil {
			return "", fmt.Errorf("column %q: %w", pc.Name, err)
		}
		v = "(" + latest + " - " + v + ")"
	}
	if pc.Log {
		// Log1p(max(v, 0)): values below 0 were never seen and count as 0.
		// v is NULL only for a boolean's unknown spelling (0·v keeps it so
		// where GREATEST skips NULLs).
		if pc.Kind == data.Boolean {
			v = "LN(1.0 + (CASE WHEN " + v + " > 0.0 THEN " + v + " ELSE 0.0 * " + v + " END))"
		} else {
			v = "LN(1.0 + " + d.greatest(v, "0.0") + ")"
		}
	}
	v = "((" + v + " - " + center + ") / " + scale + ")"
	if read == "" {
		return "(CASE WHEN " + d.isMissingCell(pc, col, table) + " THEN " + filled + " ELSE " + v + " END)", nil
	}
	// A present cell retain predict refuses gives NULL, and so the row's
	// probability; the cast in v is reached only where read holds.
	return "(CASE WHEN " + d.isMissingCell(pc, col, table) + " THEN " + filled + " WHEN " + read + " THEN " + v + " END)", nil
}

// boolean is a boolean cell as 0 or 1: the fitted levels first, then the
// usual spellings, case-insensitively; any other text gives NULL, so the
// row's probability is NULL (retain predict refuses such a cell).
func (d Dialect) boolean(pc *data.PipelineColumn, col string) string {
	var b strings.Builder
	b.WriteString("(CASE LOWER(" + d.asText(col) + ")")
	seen := map[string]bool{}
	add := func(spelling string, v int) {
		s := strings.ToLower(spelling)
		if seen[s] {
			return
		}
		seen[s] = true
		fmt.Fprintf(&b, " WHEN %s THEN %d.0", d.str(s), v)
	}
	if len(pc.Levels) == 2 {
		add(pc.Levels[0], 0)
		add(pc.Levels[1], 1)
	}
	for _, pair := range data.BooleanSpellings() {
		add(pair[0], 0)
		add(pair[1], 1)
	}
	// A level that is a number takes the same number written otherwise
	// ("10.0" is the flag "10"), as retain predict reads it after the
	// spellings: a cell that is a plain number is compared as a number.
	var numbers strings.Builder
	if len(pc.Levels) == 2 {
		for i, l := range pc.Levels {
			if v, ok := data.DecimalNumber([]byte(l)); ok {
				fmt.Fprintf(&numbers, " WHEN %s THEN %d.0", mustNum(v), i)
			}
		}
	}
	if numbers.Len() == 0 {
		b.WriteString(" ELSE NULL END)")
		return b.String()
	}
	t := d.asText(col)
	b.WriteString(" ELSE (CASE WHEN " + d.isDecimal(t) + " THEN (CASE " + d.asDouble(t) + numbers.String() + " END) END) END)")
	return b.String()
}

// codes writes the one-hot inputs of a column of numbers read as codes
// (PipelineColumn.Codes), comparing the cell as a number with each kept
// level, as ReadRows reads "3.0" as level "3": a missing cell (numeric
// missing words included) leaves every input 0, and a number that is no
// kept level sets the catch-all input when there is one. A cell that is
// no number (a table's: cellNumber, marks read; a computed feature's:
// isDecimal) makes every input NULL, and so the row's
// probability: retain predict refuses a code that is no number ("abc"),
// which SQLite's cast would read as 0 and other engines refuse with the
// whole query. table is as isMissingCell takes it.
func (d Dialect) codes(pc *data.PipelineColumn, col string, kept []string, table bool, out []string) error {
	missing := d.isMissingCell(pc, col, table)
	t := d.asText(col)
	// A table's code is read as its numbers are, marks and all ("$3",
	// "1,000"): data's codeCell parses it as parseCell does.
	raw, read := d.asDouble(t), d.isDecimal(t)
	if table {
		raw, read = d.cellNumber(col)
	}
	notNumber := " WHEN NOT " + read + " THEN NULL"
	values := make([]string, len(kept))
	for k, level := range kept {
		v, err := strconv.ParseFloat(level, 64)
		if err != nil {
			return fmt.Errorf("column %q: level %q is not a code", pc.Name, level)
		}
		if values[k], err = num(v); err != nil {
			return fmt.Errorf("column %q: %w", pc.Name, err)
		}
		out[pc.First+k] = "CASE WHEN " + missing + " THEN 0.0" + notNumber + " WHEN " + raw + " = " + values[k] + " THEN 1.0 ELSE 0.0 END"
	}
	if pc.Other {
		e := "CASE WHEN " + missing + " THEN 0.0" + notNumber
		if len(values) > 0 {
			e += " WHEN " + raw + " IN (" + strings.Join(values, ", ") + ") THEN 0.0"
		}
		out[pc.First+len(kept)] = e + " ELSE 1.0 END"
	}
	return nil
}
