package data

import (
	"fmt"
	"math"
	"slices"
	"sort"
)

// Cell names one cell of prepared rows: its 0-based row and the index of
// its pipeline column.
type Cell struct{ Row, Column int }

// cellTally follows, while ReadRows reads a file (or TableCellNotes a
// table), the cells the model takes as something other than what they
// hold: missing cells it fills, and present values beyond a clipped
// column's training range, which it scores as the bound. A cell read again
// (a semicolon file's pending number regrouped) replaces what was recorded
// of it.
type cellTally struct {
	p *Pipeline
	// missing counts each column's missing cells; missingAt is the first
	// one (by before's order).
	missing   []int
	missingAt []Cell
	// beyond holds the raw value of every clipped cell; blank marks every
	// missing cell of a numeric column.
	beyond map[Cell]float64
	blank  map[Cell]bool
	// lines[row] and fields[column] place a cell of a file (ReadRows).
	lines  []int
	fields []int
	// before orders rows for the first cell of each note (nil: row
	// order), which the notes call firstWord ("" : "the first").
	before    func(a, b int) bool
	firstWord string
}

// earlier reports whether row a comes before row b for the notes.
func (t *cellTally) earlier(a, b int) bool {
	if t.before == nil {
		return a < b
	}
	return t.before(a, b)
}

func newCellTally(p *Pipeline, fields []int) *cellTally {
	return &cellTally{p: p, missing: make([]int, len(p.Columns)), missingAt: make([]Cell, len(p.Columns)),
		beyond: map[Cell]float64{}, blank: map[Cell]bool{}, fields: fields}
}

// row records the line of the next row.
func (t *cellTally) row(line int) { t.lines = append(t.lines, line) }

// inFile places a cell of the file ReadRows reads: "line 4, column 3".
func (t *cellTally) inFile(c Cell) string {
	return fmt.Sprintf("line %d, column %d", t.lines[c.Row], t.fields[c.Column]+1)
}

// missingCell counts a missing cell of column col in row.
func (t *cellTally) missingCell(row, col int) {
	if t.missing[col] == 0 || t.earlier(row, t.missingAt[col].Row) {
		t.missingAt[col] = Cell{row, col}
	}
	t.missing[col]++
	if t.p.Columns[col].Kind == Numeric {
		t.blank[Cell{row, col}] = true
	}
}

// value records the value v read for the cell of column col in row.
func (t *cellTally) value(row, col int, v float64) {
	pc := &t.p.Columns[col]
	if math.IsNaN(v) {
		t.missingCell(row, col)
		return
	}
	c := Cell{row, col}
	delete(t.blank, c)
	if pc.Clips(v) {
		t.beyond[c] = v
	} else {
		delete(t.beyond, c)
	}
}

// notes says, one note per column, how many cells were filled and with
// what, then how many were beyond the training range and scored as the
// bound, each with the first one's place (by before's order), as place
// words it ("line 4, column 3": inFile).
func (t *cellTally) notes(name string, place func(Cell) string) []string {
	firstWord := t.firstWord
	if firstWord == "" {
		firstWord = "the first"
	}
	var notes []string
	for i := range t.p.Columns {
		if t.missing[i] > 0 {
			notes = append(notes, fmt.Sprintf("%s: column %q: %s, %s at %s, %s",
				name, t.p.Columns[i].Name, cellCount(t.missing[i], "missing cell"), firstWord, place(t.missingAt[i]), t.p.FillText(i)))
		}
	}
	type beyondCells struct {
		first        Cell
		above, below int
	}
	per := map[int]*beyondCells{}
	for c := range t.beyond {
		b := per[c.Column]
		if b == nil {
			b = &beyondCells{first: c}
			per[c.Column] = b
		}
		if t.earlier(c.Row, b.first.Row) {
			b.first = c
		}
		if t.beyond[c] > t.p.Columns[c.Column].Max {
			b.above++
		} else {
			b.below++
		}
	}
	cols := make([]int, 0, len(per))
	for col := range per {
		cols = append(cols, col)
	}
	sort.Ints(cols)
	for _, col := range cols {
		b, pc := per[col], &t.p.Columns[col]
		lo, hi := FormatStatistic(pc.Min), FormatStatistic(pc.Max)
		first := FormatStatistic(t.beyond[b.first])
		if pc.Date {
			lo, hi, first = FormatDay(pc.Min), FormatDay(pc.Max), FormatDay(t.beyond[b.first])
		}
		var parts []string
		if b.above > 0 {
			parts = append(parts, fmt.Sprintf("%s above it scored as %s", cellCount(b.above, "value"), hi))
		}
		if b.below > 0 {
			parts = append(parts, fmt.Sprintf("%s below it scored as %s", cellCount(b.below, "value"), lo))
		}
		notes = append(notes, fmt.Sprintf("%s: column %q: outside the range the model keeps [%s, %s] %s: %s; %s is %s at %s",
			name, pc.Name, lo, hi, KeptRangeWhy, joinAnd(parts), firstWord, first, place(b.first)))
	}
	return notes
}

// KeptRangeWhy says, in the notes on values beyond a column's range,
// what the range's ends are: not the training data's own minimum and
// maximum, which would be single customers' values, so a value seen in
// training can lie outside it.
const KeptRangeWhy = "(its ends are means of the 10th–19th most extreme training values, for privacy)"

// FillText says what a missing cell of column col becomes, for notes:
// "filled with the training median 1397.47; a was-missing input marks
// it" (or "…; no was-missing input: the training rows had none missing").
func (p *Pipeline) FillText(col int) string {
	pc := &p.Columns[col]
	var s string
	switch {
	case pc.Kind == Categorical:
		return "encoded as no level (all its inputs 0)"
	case pc.Presence():
		return "read as blank, the flag's absent state"
	case pc.Kind == Boolean && len(pc.Levels) == 2:
		s = fmt.Sprintf("filled with the training mode %s", pc.Levels[int(math.Round(min(max(pc.Fill, 0), 1)))])
	case pc.Kind == Boolean:
		s = fmt.Sprintf("filled with the training mode %s", FormatStatistic(pc.Fill))
	case pc.Date:
		s = fmt.Sprintf("filled with the training %s %s", p.Options.Impute, FormatDay(pc.Fill))
	default:
		s = fmt.Sprintf("filled with the training %s %s", p.Options.Impute, FormatStatistic(pc.Fill))
	}
	switch {
	case pc.Indicator:
		s += "; a was-missing input marks each"
	case pc.Missing == 0 && !pc.FewMissing:
		s += "; no was-missing input (the training rows had no missing cell here)"
	case p.Options.MissingIndicators:
		s += fmt.Sprintf("; no was-missing input (fewer than %d training cells were missing: it would single out so few customers)", MinGroup)
	default:
		s += "; no was-missing input (--missing-indicators adds one)"
	}
	return s
}

// cellCount is "1 <noun>" or "n <noun>s", n with thousands separators.
func cellCount(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return Thousands(n) + " " + noun + "s"
}

// joinAnd joins one or two parts with "and".
func joinAnd(parts []string) string {
	if len(parts) == 2 {
		return parts[0] + " and " + parts[1]
	}
	return parts[0]
}

// MissingNotes says, one note per feature column of t with missing cells,
// how many there are and what the model makes of them: p's fill, fitted
// on the training rows, or, with p nil (cross-validation fits one
// pipeline per fold), the fill opts give each fold. "t.csv: column
// "TotalCharges": 11 missing cells of 7,043, filled with the training mean
// 2283.3; a was-missing input marks each".
func MissingNotes(t *Table, p *Pipeline, opts PipelineOptions) []string {
	var notes []string
	for _, c := range t.Columns {
		n := countMissing(c)
		if !c.IsFeature() || n == 0 {
			continue
		}
		fill := ""
		switch {
		case p != nil:
			ci := slices.IndexFunc(p.Columns, func(pc PipelineColumn) bool { return pc.Name == c.Name })
			if ci < 0 {
				continue
			}
			fill = p.FillText(ci)
		case c.Kind == Categorical:
			fill = "encoded as no level (all its inputs 0)"
		case c.Kind == Boolean:
			fill = "filled with the mode of each fold's training rows"
		default:
			fill = fmt.Sprintf("filled with the %s of each fold's training rows", opts.Impute)
		}
		if p == nil && c.Kind != Categorical {
			switch {
			case opts.MissingIndicators && n < MinGroup:
				fill += fmt.Sprintf("; no was-missing input (fewer than %d cells are missing: it would single out so few customers)", MinGroup)
			case opts.MissingIndicators:
				fill += fmt.Sprintf("; a was-missing input marks each where the fold's training rows have at least %d missing", MinGroup)
			default:
				fill += "; no was-missing input (--missing-indicators adds one)"
			}
		}
		notes = append(notes, fmt.Sprintf("%s: column %q: %s of %s, %s", t.Source, c.Name, cellCount(n, "missing cell"),
			Thousands(t.Rows), fill))
	}
	return notes
}

// countMissing counts the missing cells of a column: NaN values, or ""
// strings of a categorical one.
func countMissing(c *Column) int {
	n := 0
	if c.Values != nil {
		for _, v := range c.Values {
			if math.IsNaN(v) {
				n++
			}
		}
		return n
	}
	for _, s := range c.Strings {
		if s == "" {
			n++
		}
	}
	return n
}
