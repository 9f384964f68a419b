package experiment

import (
	"fmt"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/pseudonym"
)

// PersonalValues says which columns of a model hold values that name
// people under --pseudonymise, and shows such a value as its pseudonym.
// Commands that score rows with a saved model (predict --explain, plan and
// its contact list, the scoring API) quote the rows' values in reasons,
// lever moves and notes; with the ids pseudonymised, those values follow
// the rule loaded data follows (Data.Pseudonymise), so that no e-mail
// address, phone number or other text that names people is shown in
// clear. A nil *PersonalValues shows every value as it is.
type PersonalValues struct {
	key *pseudonym.Key
	// personal, why (it names people) and names are indexed by pipeline
	// column.
	personal []bool
	why      []data.Reason
	names    []string
}

// NewPersonalValues returns the personal values of pipeline p under key k,
// nil when k is nil or off. A categorical column of p names people when
//
//   - at least 9 in 10 of its levels (but the catch-all) are written like
//     e-mail addresses or phone numbers (data.ReasonContact), which the
//     model file alone tells: an address on ten training rows is kept as a
//     level and still names its person; or
//   - cols (the scored rows' columns by name; nil or without the column
//     when not known) holds a column of its name that Pseudonymise
//     replaces: an identifier, or text that PersonalText reads as naming
//     people (nearly every value distinct, or contact-like values).
func NewPersonalValues(k *pseudonym.Key, p *data.Pipeline, cols map[string]*data.Column) *PersonalValues {
	if !k.Enabled() || p == nil {
		return nil
	}
	v := &PersonalValues{key: k, personal: make([]bool, len(p.Columns)), why: make([]data.Reason, len(p.Columns)),
		names: make([]string, len(p.Columns))}
	for i := range p.Columns {
		pc := &p.Columns[i]
		v.names[i] = pc.Name
		if pc.Kind != data.Categorical {
			continue
		}
		levels := make(map[string]struct{}, len(pc.Levels))
		for j, l := range pc.Levels {
			if !(pc.Other && j == len(pc.Levels)-1) {
				levels[l] = struct{}{}
			}
		}
		switch c := cols[pc.Name]; {
		case writtenLikeContacts(levels):
			v.personal[i], v.why[i] = true, data.Reason{Kind: data.ReasonContact}
		case c != nil && c.Kind == data.ID && c.Strings != nil:
			v.personal[i], v.why[i] = true, c.Why
		case c != nil:
			v.why[i], v.personal[i] = PersonalText(c)
		}
	}
	return v
}

// TextColumns turns the text cells of columns (data.Pipeline.ReadTexts:
// "" for a missing cell) into the categorical columns NewPersonalValues
// reads.
func TextColumns(texts map[string][]string) map[string]*data.Column {
	cols := make(map[string]*data.Column, len(texts))
	for name, cells := range texts {
		c := &data.Column{Name: name, Kind: data.Categorical, Strings: cells}
		for _, s := range cells {
			if s == "" {
				c.Missing++
			}
		}
		cols[name] = c
	}
	return cols
}

// TableColumns returns t's columns by name, for NewPersonalValues.
func TableColumns(t *data.Table) map[string]*data.Column {
	if t == nil {
		return nil
	}
	cols := make(map[string]*data.Column, len(t.Columns))
	for _, c := range t.Columns {
		cols[c.Name] = c
	}
	return cols
}

// Personal reports whether pipeline column ci names people.
func (v *PersonalValues) Personal(ci int) bool {
	return v != nil && ci >= 0 && ci < len(v.personal) && v.personal[ci]
}

// Notes says, one line per personal column (without "note: "), that its
// values are shown as pseudonyms, and why.
func (v *PersonalValues) Notes() []string {
	if v == nil {
		return nil
	}
	var notes []string
	for i, ok := range v.personal {
		if !ok {
			continue
		}
		why := ""
		if s := v.why[i].String(); s != "" {
			why = " (" + s + ")"
		}
		notes = append(notes, fmt.Sprintf("--pseudonymise: column %q names people%s: its values are shown as pseudonyms",
			v.names[i], why))
	}
	return notes
}

// Show returns value s of pipeline column ci as an output shows it: its
// pseudonym when the column names people, else s. The catch-all level
// "(other)", a blank and no level (BlankLevel, NoLevel) stay as they
// are: they name no one.
func (v *PersonalValues) Show(ci int, s string) string {
	if !v.Personal(ci) || s == "" || s == data.OtherLevel || s == BlankLevel || s == NoLevel {
		return s
	}
	return v.key.ID(s)
}

// Cell returns a cell sent for pipeline column ci as a message about it
// quotes it: its pseudonym when the column names people or the cell itself
// is written like an e-mail address or a phone number (a cell sent alone,
// whose column's other values are not known), else the cell.
func (v *PersonalValues) Cell(ci int, cell string) string {
	if v != nil && cell != "" && (v.Personal(ci) || contactLike(cell)) {
		return v.key.ID(cell)
	}
	return cell
}

// Unknown returns a cell sent for a column that has no such level as a
// message about it quotes it: its pseudonym whenever v is on, whatever the
// column. A value that is none of a column's levels is no known category
// and may be anything a client keys its rows by (an id sent in the wrong
// field); unknown, the cell gives no clue that it names no one. Without v
// (no pseudonyms) the cell itself.
func (v *PersonalValues) Unknown(cell string) string {
	if v == nil || cell == "" {
		return cell
	}
	return v.key.ID(cell)
}

// UnseenNotes returns s's notes on levels the model has no input for
// (data.UnseenLevels, read from name), the first cell of a personal
// column's quoted as its pseudonym, without its line.
func (v *PersonalValues) UnseenNotes(s *Scored, p *data.Pipeline, name string) []string {
	if v == nil {
		return s.Notes
	}
	notes := make([]string, len(s.Unseen))
	for i, u := range s.Unseen {
		var id func(string) string
		if v.Personal(u.Column) {
			id = v.key.ID
		}
		notes[i] = u.Note(name, &p.Columns[u.Column], id)
	}
	return notes
}
