package widget

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

func attributions() []Bar {
	return []Bar{
		{"days since last visit", 0.41},
		{"orders in 90 days", -0.23},
		{"average basket value", 0.05},
		{"coupon used", -0.004},
		{"region = north", 0.11},
		{"broken feature", math.NaN()},
		{"overflowing feature", math.Inf(-1)},
		{"no effect", 0},
	}
}

func TestSignedBarsOrderAndDropped(t *testing.T) {
	b := NewSignedBars(DefaultStyles(), englishBars)
	b.SetBars(attributions())
	var labels []string
	for _, bar := range b.Bars() {
		labels = append(labels, bar.Label)
	}
	want := []string{"days since last visit", "orders in 90 days", "region = north", "average basket value", "coupon used", "no effect"}
	if !slices.Equal(labels, want) {
		t.Fatalf("order = %q, want %q", labels, want)
	}
	if b.Dropped() != 2 {
		t.Fatalf("Dropped = %d, want 2 (NaN and -Inf)", b.Dropped())
	}
}

func TestSignedBarsGeometry(t *testing.T) {
	b := NewSignedBars(DefaultStyles(), englishBars)
	b.SetBars([]Bar{{"up", 3}, {"down", -1}})
	b.SetSize(24, 2)
	// Labels are 4 wide, values 2 ("+3", "−1"): 24−4−2−3 = 15 cells of bars.
	// The axis splits them 1:3 → round(3.75) = 4 cells left, 11 right;
	// 15 cells cover 4 units (7.5 half cells each), so 3 → 22.5, rounded to 23
	// and capped at the 22 halves of its side; 1 → 7.5 → 8 halves.
	want := []string{
		"up       │███████████ +3",
		"down ████│            −1",
	}
	got := strings.Split(ansi.Strip(b.View()), "\n")
	if !slices.Equal(got, want) {
		t.Fatalf("view =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSignedBarsHalfBlocksAndTinyValues(t *testing.T) {
	b := NewSignedBars(DefaultStyles(), englishBars)
	b.SetBars([]Bar{{"a", 1}, {"b", -0.5}, {"c", 1e-9}})
	b.SetFormat(func(v float64) string { return "x" })
	b.SetSize(14, 3)
	// 14−1−1−3 = 9 cells: split round(9·0.5/1.5) = 3 left, 6 right; 9 cells per
	// 1.5 units → 12 half cells per unit: 1 → 12 halves (6 cells), −0.5 → 6
	// halves (3 cells), 1e-9 → 0, shown as the minimum of one half cell.
	want := []string{
		"a    │██████ x",
		"b ███│       x",
		"c    │▌      x",
	}
	if got := strings.Split(ansi.Strip(b.View()), "\n"); !slices.Equal(got, want) {
		t.Fatalf("view =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSignedBarsMoreThanFit(t *testing.T) {
	b := NewSignedBars(DefaultStyles(), englishBars)
	b.SetBars(attributions())
	b.SetSize(60, 3)
	lines := strings.Split(ansi.Strip(b.View()), "\n")
	if !strings.HasPrefix(lines[2], "… 4 more with smaller |value|") {
		t.Fatalf("last line = %q, want the count of hidden bars", lines[2])
	}
	if !strings.Contains(lines[1], "−0.23") || !strings.Contains(lines[0], "+0.41") {
		t.Fatalf("values lack their sign marker:\n%s", strings.Join(lines, "\n"))
	}
}

func TestSignedBarsEverySize(t *testing.T) {
	b := NewSignedBars(DefaultStyles(), englishBars)
	b.SetBars(attributions())
	for w := 0; w <= 90; w++ {
		for h := 0; h <= 10; h++ {
			b.SetSize(w, h)
			checkBlock(t, b.View(), w, h)
		}
	}
	b.SetBars(nil)
	b.SetSize(20, 2)
	if got := strings.TrimRight(ansi.Strip(b.View()), " \n"); got != "no values" {
		t.Fatalf("empty chart = %q", got)
	}
}

func TestFormatSigned(t *testing.T) {
	for v, want := range map[float64]string{0.41234: "+0.412", -0.004: "−0.004", 0: "+0", -1.3e-5: "−1.3e-05", 1234: "+1.23e+03"} {
		if got := FormatSigned(v); got != want {
			t.Errorf("FormatSigned(%v) = %q, want %q", v, got, want)
		}
	}
}

func TestSignedBarsGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 8}, {44, 5}} {
		t.Run(itoa(size[0])+"x"+itoa(size[1]), func(t *testing.T) {
			b := NewSignedBars(DefaultStyles(), englishBars)
			b.SetBars(attributions())
			b.SetSize(size[0], size[1])
			golden.RequireEqual(t, ansi.Strip(b.View()))
		})
	}
}

// TestSignedBarsSpeakTheScreensLanguage: the chart's own lines (the count
// of bars left out, the empty and too-narrow notices) were English on the
// Chinese screens; SetText translates them and empty fields keep the
// wording given before. A zero SignedBars has no wording of its own (no
// English to inherit): it counts the bars left out with "… N".
func TestSignedBarsSpeakTheScreensLanguage(t *testing.T) {
	b := NewSignedBars(DefaultStyles(), englishBars)
	b.SetText(BarsText{More: "… 另有 %d 项", NoValues: "没有数值"})
	b.SetBars(attributions())
	b.SetSize(60, 3)
	if last := strings.Split(ansi.Strip(b.View()), "\n")[2]; !strings.HasPrefix(last, "… 另有 4 项") {
		t.Errorf("last line = %q, want the translated count", last)
	}
	b.SetSize(8, 3)
	if v := ansi.Strip(b.View()); !strings.Contains(v, "enlarge") {
		t.Errorf("an empty TooSmall should keep the notice given before:\n%s", v)
	}
	b.SetBars(nil)
	b.SetSize(30, 3)
	if v := ansi.Strip(b.View()); !strings.Contains(v, "没有数值") {
		t.Errorf("no bars:\n%s", v)
	}
	var zero SignedBars // not made by NewSignedBars
	zero.SetBars(attributions())
	zero.SetSize(60, 3)
	if last := strings.Split(ansi.Strip(zero.View()), "\n")[2]; strings.TrimSpace(last) != "… 4" {
		t.Errorf("zero value: last line = %q", last)
	}
}

// TestSignedBarsKeepTheGivenOrder: the Evaluate screen's importance is
// ranked by signed value (a column that hurts below every one that
// helps), but the chart re-sorted it by |value|, ranking a harmful
// column above helpful ones. AsGiven keeps the order; the values share
// one number of decimals ("+0.316", "+0.0873", "+0.00394" did not line
// up); the count left out no longer claims a smaller |value|.
func TestSignedBarsKeepTheGivenOrder(t *testing.T) {
	b := NewSignedBars(DefaultStyles(), englishBars)
	b.SetOrder(AsGiven)
	b.SetBars([]Bar{{"a", 0.316}, {"b", 0.0873}, {"c", 0.00394}, {"d", -0.2}, {"e", -0.3}})
	b.SetSize(30, 4)
	var labels []string
	for _, bar := range b.Bars() {
		labels = append(labels, bar.Label)
	}
	if want := []string{"a", "b", "c", "d", "e"}; !slices.Equal(labels, want) {
		t.Errorf("order %q, want %q", labels, want)
	}
	lines := strings.Split(ansi.Strip(b.View()), "\n")
	for i, want := range []string{"+0.316", "+0.087", "+0.004"} {
		if !strings.HasSuffix(lines[i], " "+want) {
			t.Errorf("line %d %q, want it to end %q", i, lines[i], want)
		}
	}
	if last := strings.TrimRight(lines[3], " "); last != "… 2 more" {
		t.Errorf("last line %q, want %q", last, "… 2 more")
	}
}

// TestBarRoomLetsLongLabelsShowWhole: labels are capped at a third of the
// width, which cut one-hot names into look-alikes on a wide walkthrough;
// with SetBarRoom they take what the bars leave.
func TestBarRoomLetsLongLabelsShowWhole(t *testing.T) {
	name := "PaymentMethod=Electronic check" // 30 cells
	b := NewSignedBars(DefaultStyles(), englishBars)
	b.SetBars([]Bar{{Label: name, Value: 1}, {Label: "tenure", Value: -0.5}})
	b.SetSize(60, 3)
	if strings.Contains(ansi.Strip(b.View()), name) {
		t.Fatalf("without bar room the label was not cut at 20 cells:\n%s", ansi.Strip(b.View()))
	}
	b.SetBarRoom(16) // 60 − 16 − 3 − the value's 5 cells leaves 36 for labels
	if v := ansi.Strip(b.View()); !strings.Contains(v, name+" ") {
		t.Fatalf("with bar room the label is cut:\n%s", v)
	}
}
