package mapscreen

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// trainedRun is a two-epoch run on the textbook data, trained once for
// every test of the package (runs are read-only once ended).
var trainedRun common.Run

func run(t *testing.T) common.Run {
	t.Helper()
	if trainedRun.Exp != nil {
		return trainedRun
	}
	d, err := experiment.Load(experiment.Source{Kind: "textbook"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs = 2
	e, err := experiment.New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Trainer.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	trainedRun = common.Run{Number: 1, Exp: e, History: e.Trainer.History()}
	return trainedRun
}

// mapped returns the screen at the context's size showing the map of row,
// its Cmd run synchronously as the program would.
func mapped(t *testing.T, c common.Common, row int) Model {
	t.Helper()
	s := New(c)
	s.SetSize(c.Width, c.Height)
	return want(t, s, row)
}

// want asks for the map of row and feeds the screen the answer.
func want(t *testing.T, s Model, row int) Model {
	t.Helper()
	cmd := s.Want(run(t), row)
	if cmd == nil {
		return s
	}
	msg := cmd().(ReadyMsg)
	if msg.Err != nil {
		t.Fatal(msg.Err)
	}
	s, _ = s.step(msg)
	return s
}

func TestMapCellsAreTheNetworkAtTheCellCentres(t *testing.T) {
	s := mapped(t, screentest.Common("en", 100, 30), 3)
	g := s.grid
	if g == nil {
		t.Fatal("no map")
	}
	e := run(t).Exp
	cols, rows := plotSize(100, 30, false)
	if g.Cols != cols || g.Rows != rows || len(g.Prob) != rows || len(g.Prob[0]) != cols {
		t.Fatalf("grid %d×%d (%d rows of probabilities) for a %d×%d plot", g.Cols, g.Rows, len(g.Prob), cols, rows)
	}
	// One cell recomputed by hand: its centre values set on the user's row.
	x, err := e.Row(3)
	if err != nil {
		t.Fatal(err)
	}
	pcs := e.Pipeline.Columns
	xc, yc := pcs[s.features[s.xi]], pcs[s.features[s.yi]]
	if g.X != xc.Name || g.Y != yc.Name {
		t.Fatalf("map over %s, %s; chosen %s, %s", g.X, g.Y, xc.Name, yc.Name)
	}
	r, c := 3, 7
	xv := g.XLo + (float64(c)+0.5)/float64(cols)*(g.XHi-g.XLo)
	yv := g.YHi - (float64(r)+0.5)/float64(rows)*(g.YHi-g.YLo)
	in := append([]float64(nil), x...)
	in[xc.First] = xc.Transformed(xv)
	in[yc.First] = yc.Transformed(yv)
	if want := e.Net.Predict(in)[0]; math.Abs(g.Prob[r][c]-want) > 1e-9 {
		t.Fatalf("cell (%d,%d) %g, direct %g", r, c, g.Prob[r][c], want)
	}
	// x picks another feature than both axes; s swaps them.
	x0, y0 := s.Axes()
	s, _ = s.step(screentest.Press("x"))
	s = want(t, s, 3)
	if nx, ny := s.Axes(); nx == x0 || nx == ny || ny != y0 {
		t.Fatalf("x: axes %s, %s after %s, %s", nx, ny, x0, y0)
	}
	x1, y1 := s.Axes()
	s, _ = s.step(screentest.Press("s"))
	s = want(t, s, 3)
	if nx, ny := s.Axes(); nx != y1 || ny != x1 {
		t.Fatalf("s: axes %s, %s after %s, %s", nx, ny, x1, y1)
	}
}

func TestAnswersForAnotherRequestAreDropped(t *testing.T) {
	s := mapped(t, screentest.Common("en", 100, 30), 3)
	shown := s.grid
	stale := &grid{req: s.want, DecisionMap: shown.DecisionMap}
	stale.req.run = 99
	s, _ = s.step(ReadyMsg{grid: stale})
	if s.grid != shown {
		t.Fatal("a map for another run replaced the shown one")
	}
}

// lowUser shows the map with every probability below 0.2, as for a user
// the model gives little chance, by answering the screen's own request.
func lowUser(t *testing.T, c common.Common) Model {
	t.Helper()
	s := mapped(t, c, 3)
	dm := *s.grid.DecisionMap
	dm.Prob = make([][]float64, dm.Rows)
	for r := range dm.Rows {
		dm.Prob[r] = make([]float64, dm.Cols)
		for col := range dm.Cols {
			// 0.02 at the bottom left rising to 0.12 at the top right.
			dm.Prob[r][col] = 0.02 + 0.05*float64(col)/float64(dm.Cols-1) + 0.05*float64(dm.Rows-1-r)/float64(dm.Rows-1)
		}
	}
	s, _ = s.step(ReadyMsg{grid: &grid{req: s.want, DecisionMap: &dm, self: point{col: -1}}})
	return s
}

// TestShadingIsAbsoluteUntilAsked: the map shaded the range shown, so a
// map wholly below 0.2 was solid █ at its top right. It shades 0…1 now,
// with the range in the legend (every cell of 0.02…0.12 is in the lowest
// band, ·), and a shades the range shown again.
func TestShadingIsAbsoluteUntilAsked(t *testing.T) {
	s := lowUser(t, screentest.Common("en", 100, 30))
	plot := func(view string) string {
		var rows []string
		for _, l := range strings.Split(view, "\n") {
			if _, cells, ok := strings.Cut(l, "┤"); ok {
				rows = append(rows, cells)
			}
		}
		return strings.Join(rows, "\n")
	}
	view := screentest.Render(s, 100, 30)
	if p := plot(view); strings.ContainsAny(p, "░▒▓█") || !strings.Contains(p, "·") {
		t.Errorf("absolute shading of a map from 0.02 to 0.12 is not all ·:\n%s", view)
	}
	if !strings.Contains(view, "shade 0 [·░▒▓█] 1, on this map 0.02–0.12") {
		t.Errorf("the legend does not give the scale 0–1 and the range 0.02–0.12:\n%s", view)
	}
	s, _ = s.step(screentest.Press("a"))
	view = screentest.Render(s, 100, 30)
	for _, shade := range []string{"░", "▒", "▓", "█"} {
		if !strings.Contains(plot(view), shade) {
			t.Errorf("a: no %q on a map from 0.02 to 0.12 shaded by its range:\n%s", shade, view)
		}
	}
	if !strings.Contains(view, "shade 0.02 [·░▒▓█] 0.12 (range shown)") {
		t.Errorf("a: the legend does not show the range 0.02–0.12:\n%s", view)
	}
}

// TestGoldenEmpty is the Map screen before any run ended.
func TestGoldenEmpty(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		screentest.Golden(t, New(c), c.Width, c.Height)
	})
}

// TestGoldenMap is the map of the fourth textbook user after two epochs.
func TestGoldenMap(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		screentest.Golden(t, mapped(t, c, 3), c.Width, c.Height)
	})
}

// TestGoldenLowUser is a map whose probabilities all lie below 0.2.
func TestGoldenLowUser(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		screentest.Golden(t, lowUser(t, c), c.Width, c.Height)
	})
}

// TestHelpListsEachKeyOnce: the help listed "x/X  x feature" and also
// "X  previous x feature" (the same for y and Y).
func TestHelpListsEachKeyOnce(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		s := New(screentest.Common(lang, 80, 24))
		seen := map[string]string{}
		for _, group := range s.HelpGroups() {
			for _, b := range group {
				for _, k := range strings.Split(b.Help().Key, "/") {
					if prev, ok := seen[k]; ok {
						t.Errorf("%s: key %q listed for %q and %q", lang, k, prev, b.Help().Desc)
					}
					seen[k] = b.Help().Desc
				}
			}
		}
		for _, k := range []string{"x", "X", "y", "Y", "s"} {
			if _, ok := seen[k]; !ok {
				t.Errorf("%s: key %q not in the help", lang, k)
			}
		}
	}
}

// TestAxesNameTheirFeatures: the title was the only place naming the y
// feature, and 80 and 100 columns cut it ("… over sessions_30d (→) and
// pages_per_…"). The axes name their features, and no line is cut.
func TestAxesNameTheirFeatures(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		for _, w := range []int{80, 100} {
			s := mapped(t, screentest.Common(lang, w, 24), 0)
			view := ansi.Strip(s.View())
			if !strings.Contains(view, "↑ "+s.grid.Y) || !strings.Contains(view, s.grid.X+" →") {
				t.Errorf("%s %d: the axes do not name %s and %s:\n%s", lang, w, s.grid.Y, s.grid.X, view)
			}
			for _, line := range strings.Split(view, "\n") {
				if strings.HasSuffix(strings.TrimRight(line, " "), "…") {
					t.Errorf("%s %d: a cut line %q", lang, w, line)
				}
			}
		}
	}
}
