package data

import (
	"fmt"
	"math"
	"strings"
)

// ColumnReport describes one column of a table and its treatment.
type ColumnReport struct {
	Name string
	Kind Kind
	// Role is "feature", "label", "id", "dropped" or "excluded".
	Role    string
	Missing int
	// Levels lists categorical levels, boolean [false, true] spellings, the
	// constant value, or the label's [negative, positive] classes.
	Levels []string
	// Min and Max are the range of numeric and boolean columns (NaN
	// otherwise); day numbers for a column of dates (Date).
	Min, Max float64
	Date     bool
	// Stripped is what was removed from the cells to read them as numbers
	// (Column.Stripped).
	Stripped NumberMarks
	// MissingWords counts the cells read as missing because they are words
	// such as "unknown" in a column of numbers (Column.MissingWords).
	MissingWords []MissingWord
	// Note explains the inferred kind when that is not obvious.
	Note string
	// Warning flags a column of mostly numbers read as text (Column.Warning).
	Warning string
	// Action says what preprocessing did to the column ("" when no pipeline
	// was given): Treatment in English, then the Warning.
	Action string
	// Why is Note in structure, Mixed is Warning in structure (nil when
	// there is none) and Treatment is Action in structure, for programs
	// that word them in another language.
	Why       Reason
	Mixed     *MixedText
	Treatment Treatment
	// Codes is set for a column of numbers read as categorical codes
	// (Column.Codes).
	Codes bool
}

// SchemaReport describes a table and, when a pipeline is given, what the
// pipeline does to each column.
type SchemaReport struct {
	Source       string
	Rows         int
	Label        LabelSpec
	PositiveRate float64
	// Positives is the number of rows whose label is the positive class.
	Positives int
	// Duplicates is the number of exact duplicate training rows dropped.
	Duplicates int
	// Features is the number of model inputs the pipeline produces.
	Features int
	Columns  []ColumnReport
}

// Schema reports every column of t, the label last. p may be nil.
func Schema(t *Table, p *Pipeline) SchemaReport {
	rep := SchemaReport{Source: t.Source, Rows: t.Rows, PositiveRate: math.NaN(),
		Label: LabelSpec{t.Label.Name, t.Label.Positive, t.Label.Negative}}
	fitted := map[string]*PipelineColumn{}
	if p != nil {
		rep.Duplicates, rep.Features = p.Duplicates, p.Width()
		for i := range p.Columns {
			fitted[p.Columns[i].Name] = &p.Columns[i]
		}
	}
	for _, c := range t.Columns {
		cr := ColumnReport{Name: c.Name, Kind: c.Kind, Missing: c.Missing, Levels: c.Levels,
			Note: c.Note, Warning: c.Warning, Why: c.Why, Mixed: c.Mixed, Min: math.NaN(), Max: math.NaN(), Date: c.Date,
			Stripped: c.Stripped, MissingWords: c.MissingWords, Codes: c.Codes}
		if c.Kind == Numeric || c.Kind == Boolean {
			cr.Min, cr.Max = valueRange(c.Values)
		}
		switch {
		case c.Excluded:
			cr.Role, cr.Treatment = "excluded", Treatment{Action: ActionExcluded}
		case c.Kind == ID && !c.NamesRows():
			cr.Role, cr.Treatment = "dropped", Treatment{Action: ActionDropped, Why: c.Why}
		case c.Kind == ID:
			cr.Role, cr.Treatment = "id", Treatment{Action: ActionID, Why: c.Why}
		case c.Kind == Constant:
			cr.Role, cr.Treatment = "dropped", Treatment{Action: ActionDropped, Why: c.Why}
		default:
			cr.Role = "feature"
			if pc := fitted[c.Name]; pc != nil {
				cr.Treatment = treatment(pc, p.Options)
			} else if p != nil {
				cr.Treatment = Treatment{Action: ActionUnused}
			}
		}
		cr.Action = cr.Treatment.String()
		if c.Warning != "" {
			cr.Action = strings.TrimPrefix(cr.Action+"; "+c.Warning, "; ")
		}
		rep.Columns = append(rep.Columns, cr)
	}
	if t.Label.Name != "" {
		rep.PositiveRate, rep.Positives = t.Label.PositiveRate(), t.Label.Positives()
		tr := Treatment{Action: ActionLabel, Levels: []string{t.Label.Negative, t.Label.Positive}, Rate: rep.PositiveRate}
		rep.Columns = append(rep.Columns, ColumnReport{Name: t.Label.Name, Kind: Boolean, Role: "label",
			Levels: []string{t.Label.Negative, t.Label.Positive}, Min: 0, Max: 1,
			Action: tr.String(), Treatment: tr})
	}
	return rep
}

func valueRange(values []float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range values {
		if !math.IsNaN(v) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if lo > hi {
		return math.NaN(), math.NaN()
	}
	return lo, hi
}

// LoadNotes lists, one line each, the columns of t that are not used as
// features and why (identifiers and constants), then the columns of dates
// and how they are used, then the columns read as numbers once their
// currency signs, percent signs, parentheses or thousands separators were
// removed or whose words such as "unknown" were read as missing, then the columns of mostly numbers that were read as text. Programs show them with the load summary
// so that no column leaves the features unannounced.
func LoadNotes(t *Table) []string {
	var notes []string
	if t.Workbook != nil {
		notes = append(notes, t.Source+": "+t.Workbook.Note())
	}
	if len(t.Titles) > 0 {
		notes = append(notes, t.Source+": "+titlesNote(t.Titles))
	}
	for _, r := range t.Renamed {
		notes = append(notes, t.Source+": "+r.Note())
	}
	if n := blankLabelNote(t); n != "" {
		notes = append(notes, n)
	}
	if n := labelSpellingsNote(t); n != "" {
		notes = append(notes, n)
	}
	if n := rowCounterNote(t); n != "" {
		notes = append(notes, n)
	}
	for _, c := range t.Columns {
		if c.Unnamed {
			notes = append(notes, fmt.Sprintf("%s: the header cell of column %s is blank: the column is called %q",
				t.Source, strings.TrimPrefix(c.Name, "column_"), c.Name))
		}
	}
	for _, c := range t.Columns {
		why := ""
		if c.Note != "" {
			why = " (" + c.Note + ")"
		}
		switch {
		case c.Excluded:
			notes = append(notes, fmt.Sprintf("%s: column %q is not a feature: excluded", t.Source, c.Name))
		case c.Kind == ID && c.Why.DecimalComma[0] != "":
			notes = append(notes, fmt.Sprintf("%s: column %q is not a feature: %s", t.Source, c.Name, c.Note))
		case c.Kind == ID && c.Why.Kind.namesPeople():
			notes = append(notes, fmt.Sprintf("%s: column %q is not a feature: text that names people, pseudonymised%s", t.Source, c.Name, why))
		case c.Kind == ID && !c.NamesRows():
			// Text such as a state or a city: not an identifier (its
			// values repeat, so it names no rows), but too wide to one-hot.
			notes = append(notes, fmt.Sprintf("%s: column %q is not a feature: text with too many levels to be a category%s", t.Source, c.Name, why))
		case c.Kind == ID:
			notes = append(notes, fmt.Sprintf("%s: column %q is not a feature: an identifier%s", t.Source, c.Name, why))
		case c.Kind == Constant:
			notes = append(notes, fmt.Sprintf("%s: column %q is not a feature: constant%s", t.Source, c.Name, why))
		case c.Presence():
			notes = append(notes, fmt.Sprintf("%s: column %q: %s", t.Source, c.Name, c.Note))
		case c.Kind == Categorical && c.Why.HasDates():
			// One-hot encoded as it is, but its values look like dates.
			notes = append(notes, fmt.Sprintf("%s: column %q is read as categories, not dates: %s", t.Source, c.Name, c.Note))
		}
	}
	for _, c := range t.Columns {
		if n := caseLevelsNote(t.Source, c); n != "" {
			notes = append(notes, n)
		}
	}
	for _, c := range t.Columns {
		if c.Date && c.IsFeature() {
			notes = append(notes, dateNote(t.Source, c))
		}
		if c.Date && c.DateInvalid > 0 {
			notes = append(notes, invalidDatesNote(t.Source, c))
		}
	}
	for _, c := range t.Columns {
		if c.Stripped != 0 && !c.Excluded {
			notes = append(notes, numberNote(t.Source, c))
		}
		if len(c.MissingWords) > 0 && !c.Excluded {
			notes = append(notes, missingWordsNote(t.Source, c))
		}
	}
	for _, c := range t.Columns {
		if c.Warning != "" {
			notes = append(notes, fmt.Sprintf("%s: column %q is %s: %s", t.Source, c.Name, c.KindName(), c.Warning))
		}
	}
	return notes
}
