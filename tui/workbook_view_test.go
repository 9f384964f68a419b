package tui

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestGoldenWorkbookDataScreen: the Data screen of an Excel workbook with
// a title and a date line above its header and a hidden backup sheet
// (data/testdata/xlsx/titled.xlsx, written by make_fixtures.py), in both
// languages, at 80×24 and at 160×48, where the Sheets line shows what was
// read and left out.
func TestGoldenWorkbookDataScreen(t *testing.T) {
	goldenDataScreens(t, "../data/testdata/xlsx/titled.xlsx")
}

// TestGoldenTitledCSVDataScreen: the Data screen of a CSV report whose
// header sits under a title line, an export-date line and a blank line
// (data/testdata/titled.csv, the rows of titled.xlsx's sheet as Excel
// saves them as CSV), in both languages, at 80×24 and 160×48: the Titles
// line names the lines left out.
func TestGoldenTitledCSVDataScreen(t *testing.T) {
	goldenDataScreens(t, "../data/testdata/titled.csv")
}

// goldenDataScreens checks the Data screen of the table at path against
// golden files, in English and Chinese, at 80×24 and 160×48.
func goldenDataScreens(t *testing.T, path string) {
	for _, lang := range []string{"en", "zh"} {
		for _, size := range [][2]int{{80, 24}, {160, 48}} {
			w, h := size[0], size[1]
			t.Run(fmt.Sprintf("%s_%dx%d", lang, w, h), func(t *testing.T) {
				opts := Options{Source: experiment.Source{Kind: "csv", Path: path},
					Config: experiment.DefaultConfig(), Open: screentest.Open, Lang: lang}
				m := loadedModel(t, opts, w, h)
				if m.data == nil {
					t.Fatalf("%s did not load: %v", path, m.err)
				}
				view := screen(m)
				checkFrame(t, view, w, h)
				golden.RequireEqual(t, []byte(view))
			})
		}
	}
}
