package datascreen

import (
	"fmt"
	"strings"

	"github.com/retainlab/retain/tui/common"
)

// headerField is one field of the header: its key, its lines as wrapped,
// the same on one line ending in "…" when it is cut, and its rank, the
// lower the longer it keeps its lines and its place.
type headerField struct {
	key          string
	lines, short []string
	rank         int
}

// The header fields' ranks. Warnings (and the reason a scheme could not
// be used) are the only place some facts are said, as is how an order
// log's dates were read; the columns, sheets and title rows are also seen
// on the schema, and give way first.
const (
	rankWarning = iota
	rankDates
	rankSource
	rankSize
	rankCohort
	rankSplit
	rankPlan
	rankFeatures
	rankExtra
)

// warningLines is the most lines a warning takes: enough for the longest
// at 80 columns, whose end says what was done.
const warningLines = 6

// fitHeader lays the header's fields out in at most room lines, in their
// order. When they take more than compact lines, fields are shortened to
// their short form (one line, abbreviated or ending in "…"), the least
// important first, until they fit in compact; warnings are never
// shortened, and the Dates line only to fit in room. When they still take
// more than room, the least important fields are left out, warnings last,
// and a last line names them and asks for a larger window. A field is
// never cut between its lines without "…". compact (at most room) is what
// a short window leaves the header so that the body below still shows a
// page of the schema; nothing is left out to fit it.
func (s Model) fitHeader(fields []headerField, compact, room int) []string {
	compact = min(compact, room)
	order := make([]int, 0, len(fields)) // field indices, the least important first
	for rank := rankExtra; rank >= rankWarning; rank-- {
		for i := len(fields) - 1; i >= 0; i-- {
			if fields[i].rank == rank {
				order = append(order, i)
			}
		}
	}
	used := 0
	for _, f := range fields {
		used += len(f.lines)
	}
	// To compact the header, the fields said elsewhere too are shortened;
	// how the dates were read only when the header does not fit at all.
	for _, pass := range []struct {
		fit  int
		keep int // this rank and the more important are kept whole
	}{{compact, rankDates}, {room, rankWarning}} {
		for _, i := range order {
			f := &fields[i]
			if used <= pass.fit {
				break
			}
			if f.rank <= pass.keep || len(f.lines) < 2 {
				continue
			}
			used -= len(f.lines) - len(f.short)
			f.lines = f.short
		}
	}
	left := map[int]bool{}
	for _, i := range order {
		note := 0 // the line naming what was left out
		if len(left) > 0 {
			note = 1
		}
		if used+note <= room {
			break
		}
		left[i] = true
		used -= len(fields[i].lines)
	}
	var lines, names []string
	for i, f := range fields {
		if !left[i] {
			lines = append(lines, f.lines...)
		}
	}
	// The most important first: a name cut off at the line's end is the
	// least missed.
	for j := len(order) - 1; j >= 0; j-- {
		if left[order[j]] {
			names = append(names, fields[order[j]].key)
		}
	}
	if len(names) > 0 {
		note := s.Tf("… not shown, enlarge the window to see: %s", "… 未显示，放大窗口可看到：%s",
			strings.Join(counted(names), s.T(", ", "、")))
		lines = append(lines, s.Styles.Muted.Render(common.Truncate(note, s.Width)))
	}
	return lines
}

// counted lists names once each, in order, with "×n" after one given n
// times: "Warning ×2".
func counted(names []string) []string {
	var out []string
	n := map[string]int{}
	for _, name := range names {
		if n[name] == 0 {
			out = append(out, name)
		}
		n[name]++
	}
	for i, name := range out {
		if n[name] > 1 {
			out[i] = fmt.Sprintf("%s ×%d", name, n[name])
		}
	}
	return out
}
