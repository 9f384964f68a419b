package data

import (
	"errors"
	"fmt"
	"strings"
)

// ErrUnknownColumn reports a column name that the table does not have.
var ErrUnknownColumn = errors.New("unknown column")

// ExcludeColumns leaves the named columns out of the features (they keep
// their kind and their values); names not in t, or naming the label, are
// refused with the list of columns and nothing is changed. A column that
// is not a feature anyway (an identifier, a constant) may be named too.
func ExcludeColumns(t *Table, names []string) error {
	cols := make([]*Column, 0, len(names))
	for _, name := range names {
		c, err := t.columnNamed(name)
		if err != nil {
			return err
		}
		cols = append(cols, c)
	}
	for _, c := range cols {
		c.Excluded = true
	}
	return nil
}

// SetExcluded puts the named column in (excluded false) or out of the
// features. Leaving the table without any feature column is refused, as
// are unknown names and the label.
func SetExcluded(t *Table, name string, excluded bool) error {
	c, err := t.columnNamed(name)
	if err != nil {
		return err
	}
	was := c.Excluded
	c.Excluded = excluded
	if len(t.Features()) == 0 {
		c.Excluded = was
		return fmt.Errorf("%w: %s: excluding %q would leave no feature column", ErrNoFeatures, t.Source, name)
	}
	return nil
}

// ExcludedNames lists the excluded columns, in table order.
func (t *Table) ExcludedNames() []string {
	return t.namesWhere(func(c *Column) bool { return c.Excluded })
}

// namesWhere lists the names of the columns that keep holds for, in table
// order (nil when none does).
func (t *Table) namesWhere(keep func(*Column) bool) []string {
	var names []string
	for _, c := range t.Columns {
		if keep(c) {
			names = append(names, c.Name)
		}
	}
	return names
}

// columnNamed finds a column by its exact name or, failing that, by a
// unique case-insensitive match.
func (t *Table) columnNamed(name string) (*Column, error) {
	name = strings.TrimSpace(name)
	if c := t.Column(name); c != nil {
		return c, nil
	}
	var found *Column
	for _, c := range t.Columns {
		if strings.EqualFold(c.Name, name) {
			if found != nil {
				found = nil
				break
			}
			found = c
		}
	}
	if found != nil {
		return found, nil
	}
	if t.Label.Name != "" && strings.EqualFold(t.Label.Name, name) {
		return nil, fmt.Errorf("%w: %s: %q is the label, not a feature column", ErrUnknownColumn, t.Source, name)
	}
	names := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		names[i] = c.Name
	}
	return nil, fmt.Errorf("%w: %s: no column %q (columns: %s)", ErrUnknownColumn, t.Source, name, strings.Join(names, ", "))
}
