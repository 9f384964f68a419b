package data

import (
	"fmt"
	"strconv"
	"strings"
)

// RenamedColumn is a column whose header name repeats an earlier column's
// (Header, the name of column First), read under Name: "Besuche (2)" for
// the second "Besuche". Columns are numbered from 1.
type RenamedColumn struct {
	Column, First int
	Header, Name  string
}

// Note says the renaming in English: `columns 3 and 8 are both named
// "Besuche": column 8 is read as "Besuche (2)"`.
func (r RenamedColumn) Note() string {
	return fmt.Sprintf("columns %d and %d are both named %q: column %d is read as %q", r.First, r.Column, r.Header, r.Column, r.Name)
}

// renameDuplicates gives each header name that repeats an earlier one a
// name of its own, in place, and lists the renamings: the k-th column
// named "x" is called "x (k)", or "x (k+1)", … when the header already
// has that name (a name given earlier in this pass included). The names
// depend on the header alone, so a file with the same header (the rows to
// score with a model) is read under the same names.
func renameDuplicates(header []string) []RenamedColumn {
	taken := make(map[string]bool, len(header))
	for _, h := range header {
		taken[h] = true
	}
	first := make(map[string]int, len(header))
	count := make(map[string]int)
	var out []RenamedColumn
	for i, h := range header {
		j, dup := first[h]
		if !dup {
			first[h], count[h] = i, 1
			continue
		}
		count[h]++
		k := count[h]
		name := h + " (" + strconv.Itoa(k) + ")"
		for taken[name] {
			k++
			name = h + " (" + strconv.Itoa(k) + ")"
		}
		count[h] = k
		taken[name] = true
		header[i] = name
		out = append(out, RenamedColumn{Column: i + 1, First: j + 1, Header: h, Name: name})
	}
	return out
}

// ambiguousNames refuses a table whose label, named or detected, or a
// column named to leave out (CSVOptions.Exclude) is a name that several
// columns share: which of them is meant cannot be told, and renaming
// would pick one silently.
func ambiguousNames(file string, line int, renamed []RenamedColumn, opts CSVOptions) error {
	shared := func(name string) (RenamedColumn, bool) {
		name = strings.TrimSpace(name)
		for _, r := range renamed {
			if r.Header == name || strings.EqualFold(r.Header, name) {
				return r, true
			}
		}
		return RenamedColumn{}, false
	}
	refuse := func(r RenamedColumn, who string, use NameUse) error {
		pe := parseErr(file, line, r.Column, ErrSyntax, fmt.Sprintf(
			"columns %d and %d are both named %q and %s: which one is meant is not clear; "+
				"name column %d %q, as it is read, or give the columns different names in the header",
			r.First, r.Column, r.Header, who, r.Column, r.Name))
		pe.Facts = SharedName{RenamedColumn: r, Who: use}
		return pe
	}
	if !opts.NoLabel && opts.Label != "" {
		if r, ok := shared(opts.Label); ok {
			return refuse(r, "the label is named so", LabelNamed)
		}
	}
	for _, name := range opts.Exclude {
		if r, ok := shared(name); ok {
			return refuse(r, "a column to leave out is named so", ExcludeNamed)
		}
	}
	return nil
}

// ambiguousLabel refuses a detected label (column labelCol, 0-based) whose
// name several columns share.
func ambiguousLabel(file string, line int, renamed []RenamedColumn, labelCol int) error {
	for _, r := range renamed {
		if r.First == labelCol+1 || r.Column == labelCol+1 {
			pe := parseErr(file, line, r.Column, ErrSyntax, fmt.Sprintf(
				"columns %d and %d are both named %q and the label is found by that name: which one is the label is not clear; "+
					"name column %d %q, as it is read, or give the columns different names in the header",
				r.First, r.Column, r.Header, r.Column, r.Name))
			pe.Facts = SharedName{RenamedColumn: r, Who: LabelFound}
			return pe
		}
	}
	return nil
}
