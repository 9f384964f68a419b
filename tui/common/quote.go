package common

import (
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// A long value is quoted by its first quoteHead cells, "…" and its last
// quoteTail cells: a pasted page is known by its start, a number by its
// last digits.
const (
	quoteHead = 30
	quoteTail = 9
	// QuoteWidth is the most cells of a value a message quotes (Short).
	QuoteWidth = quoteHead + 1 + quoteTail
	// PathQuoteWidth is the most cells of a file's path a message quotes
	// whole (ShortPath): two lines of an 80-column screen.
	PathQuoteWidth = 160
)

// Short is a value typed or pasted into a field as a message quotes it
// (a refusal, a search that found nothing): whole when it is at most
// QuoteWidth cells wide, else its first 30 cells, "…" and its last 9, so a
// refusal of a 4,096-character paste takes a line, not the screen. It cuts
// between characters (a Chinese character is two cells, and is left out
// rather than halved where it would straddle the cut).
func Short(v string) string { return shortAbove(v, QuoteWidth) }

// ShortPath is Short for a file's path typed or pasted into a field: one
// of at most PathQuoteWidth cells is quoted whole (its typo may be
// anywhere), a longer one (a page pasted as a path) as Short quotes it.
func ShortPath(p string) string { return shortAbove(p, PathQuoteWidth) }

// shortAbove is v whole when at most limit cells wide, else as Short cuts
// it.
func shortAbove(v string, limit int) string {
	w := ansi.StringWidth(v)
	if w <= limit {
		return v
	}
	return ansi.Truncate(v, quoteHead, "") + "…" + lastCells(v, w, quoteTail)
}

// lastCells is the end of v (w cells wide) of at most n cells.
func lastCells(v string, w, n int) string {
	tail := ansi.TruncateLeft(v, w-n, "")
	if ansi.StringWidth(tail) > n {
		// TruncateLeft keeps a wide character across the cut whole: cut
		// one cell further to leave it out.
		tail = ansi.TruncateLeft(v, w-n+1, "")
	}
	return tail
}

// ShortIn is msg with every value of values in it that Short would cut
// quoted as Short quotes it, also where msg quotes it as Go does ("%q"):
// for a refusal whose words come from elsewhere (a check of another
// package). Shorter values and the rest of msg are left as they are.
func ShortIn(msg string, values ...string) string { return shortIn(msg, Short, values) }

// ShortPathIn is ShortIn for paths, quoted as ShortPath quotes them (a
// file's error names its path whole).
func ShortPathIn(msg string, paths ...string) string { return shortIn(msg, ShortPath, paths) }

func shortIn(msg string, short func(string) string, values []string) string {
	values = slices.Clone(values)
	// The longest first: a shorter value inside it would break it up.
	slices.SortFunc(values, func(a, b string) int { return len(b) - len(a) })
	for _, v := range values {
		s := short(v)
		if s == v {
			continue
		}
		msg = strings.ReplaceAll(msg, v, s)
		if q := strconv.Quote(v); q[1:len(q)-1] != v {
			sq := strconv.Quote(s)
			msg = strings.ReplaceAll(msg, q[1:len(q)-1], sq[1:len(sq)-1])
		}
	}
	return msg
}
