package widget

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// denseMatrix is a minimal row-major Matrix, standing in for gonum's mat.Dense.
type denseMatrix struct {
	rows, cols int
	data       []float64
}

func (d denseMatrix) Dims() (int, int)    { return d.rows, d.cols }
func (d denseMatrix) At(i, j int) float64 { return d.data[i*d.cols+j] }

// weights returns a deterministic rows×cols matrix in about [-1, 1] with
// a NaN, an Inf and an exact zero planted in it.
func weights(rows, cols int) denseMatrix {
	m := denseMatrix{rows, cols, make([]float64, rows*cols)}
	for i := range m.data {
		m.data[i] = math.Sin(float64(i)*0.7) * float64(i%7) / 6
	}
	m.data[1] = math.NaN()
	m.data[2] = math.Inf(1)
	m.data[3] = 0
	return m
}

func TestHeatmapEverySize(t *testing.T) {
	h := NewHeatmap(DefaultStyles(), "W1", englishHeatmap)
	h.SetMatrix(weights(16, 12))
	h.SetHighlight(9, 7)
	for w := 0; w <= 100; w += 3 {
		for ht := 0; ht <= 20; ht++ {
			h.SetSize(w, ht)
			checkBlock(t, h.View(), w, ht)
		}
	}
}

func TestHeatmapScaleAndCells(t *testing.T) {
	h := NewHeatmap(DefaultStyles(), "W", englishHeatmap)
	h.SetRows([][]float64{{0.5, -2}, {math.NaN()}, {0.001, 1.2}})
	if got := h.Scale(); got != 2 {
		t.Fatalf("Scale = %v, want 2 (the largest finite |value|)", got)
	}
	h.SetScale(4)
	if got := h.Scale(); got != 4 {
		t.Fatalf("fixed Scale = %v, want 4", got)
	}
	h.SetScale(0)
	h.SetSize(40, 5)
	want := []string{
		"W  −2 █▓▒░·░▒▓█ +2",
		"        0     1",
		"0   +0.50 −2.00",
		"1       ?     ?", // the short row is padded with NaN
		"2       0 +1.20", // 0.001 prints as 0
	}
	lines := strings.Split(ansi.Strip(h.View()), "\n")
	for i, l := range lines {
		if strings.TrimRight(l, " ") != want[i] {
			t.Fatalf("line %d = %q, want %q", i, strings.TrimRight(l, " "), want[i])
		}
	}
}

func TestHeatmapCompactKeepsSignWithoutColour(t *testing.T) {
	h := NewHeatmap(DefaultStyles(), "W", englishHeatmap)
	// Scale 1: levels round |v|·4 → 1 (░) for 0.25, 2 (▒) for -0.5, 4 (█) for 1, 0 (·) for 0.1.
	h.SetRows([][]float64{{0.25, -0.5, 1, 0.1}})
	h.SetSize(14, 3) // too narrow for numbers: two cells per value
	lines := strings.Split(ansi.Strip(h.View()), "\n")
	if got := strings.TrimRight(lines[2], " "); got != "0  +░−▒+█ ·" {
		t.Fatalf("compact row = %q, want %q", got, "0  +░−▒+█ ·")
	}
}

func TestHeatmapScrollsToHighlight(t *testing.T) {
	h := NewHeatmap(DefaultStyles(), "W", englishHeatmap)
	h.SetMatrix(weights(40, 3))
	h.SetHighlight(30, 1)
	h.SetSize(40, 8) // six matrix rows fit
	view := ansi.Strip(h.View())
	if !strings.Contains(view, "30▸") || !strings.Contains(view, "rows 27–32/40") {
		t.Fatalf("row 30 is not in view or the scroll note is wrong:\n%s", view)
	}
	if !strings.Contains(view, "▾1") {
		t.Fatalf("highlighted column not marked:\n%s", view)
	}
}

func TestHeatmapEmpty(t *testing.T) {
	h := NewHeatmap(DefaultStyles(), "W2", englishHeatmap)
	h.SetMatrix(nil)
	h.SetSize(30, 2)
	if got := strings.TrimRight(ansi.Strip(h.View()), " \n"); got != "W2: no values" {
		t.Fatalf("empty heatmap = %q", got)
	}
}

func TestHeatmapGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 12}, {36, 8}} {
		t.Run(itoa(size[0])+"x"+itoa(size[1]), func(t *testing.T) {
			h := NewHeatmap(DefaultStyles(), "W1 (hidden 1 × input)", englishHeatmap)
			h.SetMatrix(weights(8, 10))
			h.SetLabels([]string{"h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8"},
				[]string{"days", "orders", "basket", "coupon", "north", "south", "app", "web", "email", "age"})
			h.SetHighlight(2, 3)
			h.SetSize(size[0], size[1])
			golden.RequireEqual(t, ansi.Strip(h.View()))
		})
	}
}

func BenchmarkHeatmapRender(b *testing.B) {
	h := NewHeatmap(DefaultStyles(), "W1", englishHeatmap)
	h.SetMatrix(weights(64, 16))
	h.SetSize(120, 40)
	for b.Loop() {
		h.SetHighlight(3, 5) // every setter re-renders
	}
}

// HeatmapText words the scroll note for another language and SetFirst
// numbers it like labels that count from 1.
func TestHeatmapScrollNote(t *testing.T) {
	h := NewHeatmap(DefaultStyles(), "W", HeatmapText{Rows: "第 %d–%d 行，共 %d 行", Cols: "第 %d–%d 列，共 %d 列"})
	h.SetMatrix(weights(40, 3))
	labels := make([]string, 40)
	for i := range labels {
		labels[i] = strconv.Itoa(i + 1)
	}
	h.SetLabels(labels, nil)
	h.SetHighlight(30, 1)
	h.SetFirst(1)
	h.SetSize(60, 8) // six matrix rows fit: labels 28 to 33
	view := ansi.Strip(h.View())
	if !strings.Contains(view, "第 28–33 行，共 40 行") || !strings.Contains(view, "28 ") || !strings.Contains(view, "33 ") {
		t.Fatalf("the scroll note does not name the rows shown:\n%s", view)
	}
	if strings.Contains(view, "rows") {
		t.Fatalf("the note is still in English:\n%s", view)
	}
}

// numbered is the labels 1 … n, as the walkthrough numbers a hidden
// layer's columns.
func numbered(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = itoa(i + 1)
	}
	return out
}

// TestHeatmapNumbersWiderThanACell: column numbers of two digits in cells
// of two were cut to their first digit ("1 2 … 9 1 1 1"); every fifth
// number is shown whole instead, starting at its column, with the first
// column's and the highlighted one's.
func TestHeatmapNumbersWiderThanACell(t *testing.T) {
	h := NewHeatmap(DefaultStyles(), "W2", englishHeatmap)
	h.SetMatrix(weights(4, 16))
	h.SetLabels(numbered(4), numbered(16))
	h.SetSize(40, 6) // two cells per column
	header := strings.TrimRight(strings.Split(ansi.Strip(h.View()), "\n")[1], " ")
	if want := "   1       5         10        15"; header != want {
		t.Fatalf("header = %q, want %q", header, want)
	}
	h.SetHighlight(1, 11) // column 12
	header = strings.TrimRight(strings.Split(ansi.Strip(h.View()), "\n")[1], " ")
	if want := "   1       5         10  ▾12   15"; header != want {
		t.Fatalf("header = %q, want %q", header, want)
	}
	h.SetLabels(numbered(4), numbered(9)) // one digit fits its cell: every column numbered
	h.SetMatrix(weights(4, 9))
	h.SetHighlight(-1, -1)
	header = strings.TrimRight(strings.Split(ansi.Strip(h.View()), "\n")[1], " ")
	if want := "    1 2 3 4 5 6 7 8 9"; header != want {
		t.Fatalf("header = %q, want %q", header, want)
	}
}
