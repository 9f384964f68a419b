package data

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// logColumnKeys are the --log-columns keys of the roles, in slots order.
var logColumnKeys = []string{"customer", "time", "amount", "price", "quantity", "order", "item", "description", "event", "status"}

// renameLogHeader renames the header names of a log that repeat an earlier
// one's, as a table's are (renameDuplicates), and refuses a log whose role
// was found by such a name: which of the columns is the customer id, the
// date or the amount cannot be told, and taking the first would be a
// silent guess. A role given with --log-columns (by number; a shared name
// given is refused by resolveRoles) is no guess. header is left as read;
// the renamed names are returned.
func renameLogHeader(file string, line int, header []string, roles logRoles, given LogColumns) ([]string, []RenamedColumn, error) {
	out := slices.Clone(header)
	renamed := renameDuplicates(out)
	if len(renamed) == 0 {
		return header, nil, nil
	}
	gave := givenNames(given)
	for k, slot := range roles.slots() {
		c := *slot + 1
		if c <= 0 || gave[k] != "" {
			continue
		}
		for _, r := range renamed {
			if c != r.First && c != r.Column {
				continue
			}
			var cols, ways []string
			for _, s := range renamed {
				if s.First == r.First {
					if len(cols) == 0 {
						cols = append(cols, strconv.Itoa(s.First))
						ways = append(ways, fmt.Sprintf("%s=%d", logColumnKeys[k], s.First))
					}
					cols = append(cols, strconv.Itoa(s.Column))
					ways = append(ways, fmt.Sprintf("%s=%d", logColumnKeys[k], s.Column))
				}
			}
			all := "both"
			if len(cols) > 2 {
				all = "all"
			}
			pe := parseErr(file, line, c, ErrLogColumns, fmt.Sprintf(
				"columns %s are %s named %q and the %s is found by that name: which one is meant is not clear; "+
					"name it by its number (--log-columns %s)",
				wordList(cols), all, r.Header, roleNames[k].role,
				strings.Join(ways[:len(ways)-1], ", ")+" or "+ways[len(ways)-1]))
			pe.Facts = LogColumnsUnknown{Header: out}
			return nil, nil, pe
		}
	}
	return out, renamed, nil
}

// RenamedNotes says, one note a column, which columns of the log repeat
// an earlier column's name and what they are read as (no file name).
func (l *OrderLog) RenamedNotes() []string {
	var notes []string
	for _, r := range l.Renamed {
		notes = append(notes, r.Note())
	}
	return notes
}
