package datascreen

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// dayNumberLog is an order log dated in day numbers, as a spreadsheet's
// dates exported without their format are: 30 customers over days
// 43,000–43,300 (spreadsheet serial dates of 2017–2018, which the Dates
// line says), and two lines without an amount. Its header has a long
// Dates line and a warning, more than 80×24 holds in full.
func dayNumberLog() string {
	var b strings.Builder
	b.WriteString("customer_id,day,amount\n")
	for c := range 30 {
		for k := range 1 + c%4 {
			fmt.Fprintf(&b, "c%02d,%d,%d.50\n", c, 43000+c*5+k*40, 10+c+k)
		}
	}
	return b.String() + "c03,43100,\nc04,43110,\nc01,43290,5.50\n"
}

// dayNumberScreen is the Data screen over dayNumberLog, opened from a
// long path as a user's would be.
func dayNumberScreen(t *testing.T, c common.Common) Model {
	t.Helper()
	src := experiment.Source{Kind: "log", Path: "/home/analyst/exports/2024/spreadsheet_orders_export.csv"}
	return loaded(t, c, src, dayNumberLog())
}

// TestGoldenHeaderTooTall: at 80×24 the header of a log whose fields
// take more lines than it has keeps its warnings and its Dates line whole
// and shortens the other fields to a line ending in "…"; at 160×48 all is
// shown in full.
func TestGoldenHeaderTooTall(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := dayNumberScreen(t, c)
		view := ansi.Strip(s.View())
		mustContain(t, view, c.T("day numbers, not dates", "日序号而非日期"), c.T("have no amount, price or quantity", "没有金额、单价或数量"))
		if c.Width >= 160 {
			mustContain(t, view, c.T("spreadsheet serial dates", "电子表格的日期序号"), c.T("43,000 would be 2017-09-22", "43,000 即 2017-09-22"))
		}
		screentest.Golden(t, s, c.Width, c.Height)
	})
}

// TestGoldenHeaderLeftOut: in a window shorter still, whole fields are
// left out, the least important first, and the last line names them.
func TestGoldenHeaderLeftOut(t *testing.T) {
	for _, lang := range screentest.Langs {
		t.Run(lang, func(t *testing.T) {
			c := screentest.Common(lang, 80, 16)
			s := dayNumberScreen(t, c)
			mustContain(t, ansi.Strip(s.View()), c.T("… not shown, enlarge the window to see: ", "… 未显示，放大窗口可看到："), c.T("have no amount", "没有金额"))
			screentest.Golden(t, s, c.Width, c.Height)
		})
	}
}

// TestHeaderNeverCutSilently: at every height, every warning is shown
// whole or named as left out, and every field either shows all its lines
// or ends its last line shown in "…": the header used to be cut after
// room lines, in the middle of a field and before the warnings.
func TestHeaderNeverCutSilently(t *testing.T) {
	for _, lang := range screentest.Langs {
		for h := 6; h <= 30; h++ {
			c := screentest.Common(lang, 80, h)
			s := dayNumberScreen(t, c)
			fields := s.header()
			shown := s.fitHeader(s.header(), h-2-(schemaRows+3), max(h-8, 4))
			view := ansi.Strip(strings.Join(shown, "\n"))
			left := strings.Contains(view, c.T("… not shown, enlarge the window to see: ", "… 未显示，放大窗口可看到："))
			for _, f := range fields {
				first := ansi.Strip(f.lines[0])
				switch {
				case f.rank == rankWarning && !strings.Contains(view, ansi.Strip(strings.Join(f.lines, "\n"))) && !left:
					t.Errorf("%s, height %d: warning neither shown whole nor said to be left out:\n%s", lang, h, view)
				case len(f.lines) > 1 && strings.Contains(view, first) && !strings.Contains(view, ansi.Strip(f.lines[1])) &&
					!strings.Contains(view, strings.TrimRight(ansi.Strip(f.short[0]), " ")):
					t.Errorf("%s, height %d: the %s field is cut without …:\n%s", lang, h, f.key, view)
				}
			}
		}
	}
}
