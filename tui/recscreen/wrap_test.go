package recscreen

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// TestHeaderLinesWrapAt80Columns: at 80×24 the settings line cut the
// warning at its end ("without POST, ZZZZ (i; no…") and the title line
// its date range. Both wrap between their parts, each part whole.
func TestHeaderLinesWrapAt80Columns(t *testing.T) {
	for lang, want := range map[string][]string{
		"en": {"without K11, ZZ9 (i; no item ZZ9)", "11 items, 30 customers with a purchase not returned, 2024-01-01 to 2024-06-28"},
		"zh": {"排除 K11, ZZ9（i；无此商品：ZZ9）", "11 件商品，30 位有未退货购买的客户，2024-01-01 至 2024-06-28"},
	} {
		s := ready(t, screentest.Common(lang, 80, 24))
		s = press(s, "i")
		s = press(typeText(s, "K11, ZZ9"), "enter")
		v := ansi.Strip(s.View())
		for _, part := range want {
			if !strings.Contains(v, part) {
				t.Errorf("%s: no %q whole in\n%s", lang, part, v)
			}
		}
		for _, line := range strings.Split(v, "\n")[:4] {
			if strings.HasSuffix(strings.TrimRight(line, " "), "…") {
				t.Errorf("%s: a header line is cut: %q", lang, line)
			}
		}
	}
}

// TestColumnsStayPutFromCustomerToCustomer: the description column's
// width followed the selected customer's items, so the reasons moved
// left and right with ↓. They start at one place for every customer.
func TestColumnsStayPutFromCustomerToCustomer(t *testing.T) {
	s := ready(t, screentest.Common("en", 80, 24))
	s = press(s, "space", "v")
	if s.res == nil || len(s.res.Customers) < 3 {
		t.Fatal("no result")
	}
	// One customer's item gets a longer description than any other.
	s.res.Customers[2].Items[0].Description = "Hand-painted enamel teapot"
	s.cols = s.columnWidths(s.res)
	column := -1
	for range 5 {
		lines := s.itemLines(80, true)
		for _, line := range lines[1:] {
			plain := ansi.Strip(line)
			at := strings.Index(plain, "bought in")
			if at < 0 {
				at = strings.Index(plain, "popular:")
			}
			if at < 0 {
				continue
			}
			at = ansi.StringWidth(plain[:at])
			if column >= 0 && at != column {
				t.Fatalf("customer %d: a reason starts at %d, another at %d:\n%s", s.selected, at, column, strings.Join(lines, "\n"))
			}
			column = at
		}
		s = press(s, "down")
	}
}

// TestHelpNamesTheCustomerKeysOnce: the full help listed "↑/↓ customer"
// and "↓ next customer".
func TestHelpNamesTheCustomerKeysOnce(t *testing.T) {
	s := press(ready(t, screentest.Common("en", 80, 24)), "space")
	n := 0
	for _, group := range s.HelpGroups() {
		for _, b := range group {
			if strings.Contains(b.Help().Key, "↓") {
				n++
			}
		}
	}
	if n != 1 {
		t.Errorf("%d bindings show ↓ in the help, want 1", n)
	}
}

// TestGoldenCutoffRefusal is review 9's refusal (c, 2099-01-01, enter):
// at 80 columns it is wrapped under the settings, the allowed range and
// the reason whole, not cut to one line before the range.
func TestGoldenCutoffRefusal(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := press(ready(t, c), "c")
		s = press(typeText(s, "2099-01-01"), "enter")
		screentest.Golden(t, s, c.Width, c.Height)
	})
}
