package widget

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestAlignWholeTicksHandComputed(t *testing.T) {
	// 27 epochs over 180 columns, ticks about 10 apart (6 to 20 allowed),
	// 5 % slack: the data need 27/179 = 0.1508 epochs per column. A step of
	// 1 at its widest 6 columns gives 0.1667 (10.5 % over); 2 epochs per 13
	// columns give 0.1538 (2 % over); 5 or more need over 20 columns. So 2
	// per 13, ticks 0, 2, … 26 (AlignTicks would take 2.5 per 16).
	got := AlignWholeTicks(0, 27, 180, 10, 0.05)
	if got.Step != 2 || got.CellsPer != 13 || got.First != 0 || got.Count != 14 {
		t.Fatalf("AlignWholeTicks(0, 27, 180) = %+v, want 2 per 13 columns from 0, 14 ticks", got)
	}
	// Months 1 and 2 over 60 columns: no step of 1 within 20 columns fits
	// snugly (1/20 a column against 1/59 needed), so the two ticks are
	// spaced further apart than twice the gap instead of stretching the
	// axis to 3.95.
	got = AlignWholeTicks(1, 2, 60, 10, 0.05)
	if got.Step != 1 || got.Count != 2 || got.First != 1 || got.Hi > 2.05 {
		t.Fatalf("AlignWholeTicks(1, 2, 60) = %+v, want ticks 1 and 2 on an axis ending by 2.05", got)
	}
	// A range between two whole numbers keeps its short axis, with the one
	// tick it holds.
	got = AlignWholeTicks(0.3, 0.6, 20, 10, 0.05)
	if got.Count != 1 || got.First != 1 || got.Hi > 1.3 {
		t.Fatalf("AlignWholeTicks(0.3, 0.6, 20) = %+v, want the single tick 1 on a short axis", got)
	}
}

// TestAlignWholeTicksProperties: every tick is a distinct whole number on
// its own cell, the axis covers the data without stretching far beyond,
// and a range with two whole numbers gets at least two ticks.
func TestAlignWholeTicksProperties(t *testing.T) {
	ranges := [][2]float64{{0, 50}, {0, 47.5}, {0, 27}, {1, 17}, {1, 12}, {1, 2}, {0, 1}, {0, 3}, {3, 4}, {0, 200}, {0.3, 0.6}, {1, 105}}
	for _, r := range ranges {
		for cells := 8; cells <= 300; cells += 7 {
			tk := AlignWholeTicks(r[0], r[1], cells, 10, 0.05)
			if tol := 1e-9 * (r[1] - r[0]); tk.Lo > r[0]+tol || tk.Hi < r[1]-tol {
				t.Fatalf("%v over %d cells: axis [%v, %v] does not cover the data", r, cells, tk.Lo, tk.Hi)
			}
			if !isWhole(tk.Step) || tk.Step < 1 {
				t.Fatalf("%v over %d cells: step %v is not a whole number", r, cells, tk.Step)
			}
			var labels []string
			for i := range tk.Count {
				v := tk.Value(i)
				if !isWhole(v) {
					t.Fatalf("%v over %d cells: tick %d = %v is not whole", r, cells, i, v)
				}
				if c := tk.Cell(i); c < 0 || c > cells-1 {
					t.Fatalf("%v over %d cells: tick %d on cell %d", r, cells, i, c)
				}
				if cellValue := tk.Lo + float64(tk.Cell(i))*tk.Delta; math.Abs(cellValue-v) > 1e-9*tk.Step {
					t.Fatalf("%v over %d cells: tick %d = %v sits on a cell worth %v", r, cells, i, v, cellValue)
				}
				labels = append(labels, FormatTick(v, tk.Decimals()))
			}
			if len(slices.Compact(slices.Clone(labels))) != len(labels) || slices.ContainsFunc(labels, func(l string) bool { return strings.Contains(l, ".") }) {
				t.Fatalf("%v over %d cells: labels %v repeat or are not whole", r, cells, labels)
			}
			wholes := int(math.Floor(r[1]) - math.Ceil(r[0]) + 1)
			if wholes >= 2 && tk.Count < 2 {
				t.Fatalf("%v over %d cells: %d ticks for %d whole numbers", r, cells, tk.Count, wholes)
			}
			if r[1]-r[0] >= 1 && tk.Hi-tk.Lo > 1.6*(r[1]-r[0]) {
				t.Fatalf("%v over %d cells: axis [%v, %v] stretched far beyond the data", r, cells, tk.Lo, tk.Hi)
			}
		}
	}
}

// TestSeriesChartWholeXTicks: an epoch axis set whole reads 0 5 10 …, never
// 2.5 or 47.5, and a short range shows each whole number once.
func TestSeriesChartWholeXTicks(t *testing.T) {
	tickLine := func(c SeriesChart, w int) []string {
		c.SetSize(w, 12)
		c.Redraw()
		lines := strings.Split(ansi.Strip(c.View()), "\n")
		return strings.Fields(lines[len(lines)-1])
	}
	for _, w := range []int{40, 80, 120, 200} {
		c := lossCurves(48)
		c.SetXWhole(true)
		labels := tickLine(c, w)
		for _, l := range labels {
			if strings.Contains(l, ".") {
				t.Errorf("width %d: tick labels %v include a fraction", w, labels)
				break
			}
		}
	}
	// Without a caption (tick labels yield to one at the right end).
	c := NewSeriesChart("Retention", DefaultStyles(), "average")
	c.SetXCaption("")
	c.SetXWhole(true)
	c.SetXRange(1, 2)
	c.Push(0, 1, 40)
	c.Push(0, 2, 30)
	if got := strings.Join(tickLine(c, 80), " "); got != "1 2" {
		t.Errorf("months 1 and 2: tick labels %q, want \"1 2\"", got)
	}
}
