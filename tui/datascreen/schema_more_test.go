package datascreen

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/tui/screentest"
)

// TestSchemaCountsTheColumnsBelow: when the schema table cannot show every
// column, its last line says how many are below ("↓ 2 more columns"), as
// the Model screen counts its settings; the count is the columns not among
// the rows shown (the built-in data has 12: 11 features and the label).
func TestSchemaCountsTheColumnsBelow(t *testing.T) {
	for lang, format := range map[string]string{"en": "↓ %d more columns", "zh": "↓ 下面还有 %d 列"} {
		s := builtinScreen(t, screentest.Common(lang, 80, 24))
		cols := s.info.Schema.Columns
		lines := s.schemaLines(80, 8, false) // the header and 7 lines
		shown := 0
		for _, l := range lines[1:] {
			for _, c := range cols {
				if strings.HasPrefix(ansi.Strip(l), c.Name+" ") {
					shown++
				}
			}
		}
		want := fmt.Sprintf(format, len(cols)-shown)
		if last := ansi.Strip(lines[len(lines)-1]); shown != 6 || !strings.HasPrefix(last, want) {
			t.Errorf("%s: %d columns shown, last line %q, want 6 shown and %q", lang, shown, last, want)
		}
		// At the last column, nothing is below and every line is a column.
		s.scroll[sectionSchema] = len(cols) - 1
		lines = s.schemaLines(80, 8, false)
		if last := ansi.Strip(lines[len(lines)-1]); !strings.HasPrefix(last, cols[len(cols)-1].Name) {
			t.Errorf("%s: at the last column the table ends with %q", lang, last)
		}
	}
}
