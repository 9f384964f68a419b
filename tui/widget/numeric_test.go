package widget

import (
	"math"
	"testing"
)

func TestRobustRangeIgnoresEarlySpike(t *testing.T) {
	// One early loss of 50, then 99 values cycling through 0.28…0.36.
	values := []float64{50}
	for i := range 99 {
		values = append(values, 0.28+0.01*float64(i%9))
	}
	lo, hi, ok := RobustRange(values)
	if !ok {
		t.Fatal("RobustRange reported no finite values")
	}
	if lo != 0.28 || math.Abs(hi-0.36) > 1e-12 {
		t.Fatalf("range = [%v, %v], want [0.28, 0.36] (the spike at 50 left out)", lo, hi)
	}
}

func TestRobustRangeKeepsSmoothDecline(t *testing.T) {
	// An exponential decline from 0.69 to about 0.3 has no outliers: the
	// whole curve must stay in view.
	var values []float64
	for i := range 100 {
		values = append(values, 0.3+0.39*math.Exp(-float64(i)/15))
	}
	lo, hi, _ := RobustRange(values)
	if lo != values[99] || hi != values[0] {
		t.Fatalf("range = [%v, %v], want the full [%v, %v]", lo, hi, values[99], values[0])
	}
}

func TestRobustRangeSkipsNonFinite(t *testing.T) {
	lo, hi, ok := RobustRange([]float64{math.NaN(), math.Inf(1), 0.5, math.Inf(-1), 0.25, 1e308})
	if !ok || lo != 0.25 || hi != 0.5 {
		t.Fatalf("got [%v, %v] ok=%v, want [0.25, 0.5] ok=true", lo, hi, ok)
	}
	if _, _, ok := RobustRange([]float64{math.NaN(), math.Inf(1)}); ok {
		t.Fatal("no finite value must give ok=false")
	}
}

func TestPadRange(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		name                   string
		lo, hi, frac, low, upp float64
		wantLo, wantHi         float64
	}{
		{"padding", 0, 1, 0.1, -inf, inf, -0.1, 1.1},
		// A flat accuracy of 1.0: span 0.02 around 1, then shifted under the limit 1.
		{"flat at the upper limit", 1, 1, 0, 0, 1, 0.98, 1},
		{"reversed bounds", 2, 1, 0, -inf, inf, 1, 2},
		{"wider than the limits", -5, 5, 0, 0, 1, 0, 1},
		{"non-finite falls back", math.NaN(), 1, 0, -inf, inf, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lo, hi := PadRange(tt.lo, tt.hi, tt.frac, tt.low, tt.upp)
			if math.Abs(lo-tt.wantLo) > 1e-12 || math.Abs(hi-tt.wantHi) > 1e-12 {
				t.Fatalf("PadRange = [%v, %v], want [%v, %v]", lo, hi, tt.wantLo, tt.wantHi)
			}
		})
	}
}

func TestNiceStep(t *testing.T) {
	for raw, want := range map[float64]float64{0.011: 0.02, 0.02: 0.02, 0.021: 0.025, 0.3: 0.5, 0.6: 1, 7: 10, 120: 200} {
		if got := NiceStep(raw); math.Abs(got-want) > 1e-12*want {
			t.Errorf("NiceStep(%v) = %v, want %v", raw, got, want)
		}
	}
	if got := NiceStep(math.NaN()); got != 1 {
		t.Errorf("NiceStep(NaN) = %v, want 1", got)
	}
}

func TestAlignTicksHandComputed(t *testing.T) {
	// [0, 1] over 11 cells with ticks about 2 cells apart (1 to 4 allowed):
	// one cell per 0.1 is the finest that fits; steps 0.1, 0.2, 0.25?, 0.5
	// give 1, 2, -, 5 cells per tick, so 0.2 (2 cells) is closest to 2.
	got := AlignTicks(0, 1, 11, 2, 0.25)
	want := Ticks{Lo: 0, Hi: 1, Delta: 0.1, Step: 0.2, First: 0, FirstCell: 0, CellsPer: 2, Count: 6}
	if math.Abs(got.Hi-want.Hi) > 1e-12 || math.Abs(got.Delta-want.Delta) > 1e-12 {
		t.Fatalf("AlignTicks = %+v, want %+v", got, want)
	}
	got.Hi, got.Delta = want.Hi, want.Delta
	if got != want {
		t.Fatalf("AlignTicks = %+v, want %+v", got, want)
	}
}

func TestAlignTicksProperties(t *testing.T) {
	// The planned 30 epochs over 86 columns: with 5 % slack the axis ends at
	// 30.36 (14 columns per 5 epochs), not at 35 as the 12 columns per tick
	// closest to the wanted gap of 10 would give.
	if tk := AlignTicks(0, 30, 86, 10, 0.05); tk.CellsPer != 14 || tk.Step != 5 {
		t.Fatalf("x axis for 30 epochs = %+v, want 5 epochs per 14 columns", tk)
	}
	ranges := [][2]float64{{0.18, 0.76}, {0.28, 0.36}, {0, 50}, {-3, 7}, {0.999, 1}, {1e-7, 3e-7}, {1e6, 3e6}, {0, 20}}
	for _, r := range ranges {
		for cells := 2; cells <= 120; cells += 7 {
			tk := AlignTicks(r[0], r[1], cells, 4, 0.25)
			if tol := 1e-9 * (r[1] - r[0]); tk.Lo > r[0]+tol || tk.Hi < r[1]-tol {
				t.Fatalf("%v over %d cells: axis [%v, %v] does not cover the data", r, cells, tk.Lo, tk.Hi)
			}
			if tk.Count < 1 || tk.Cell(tk.Count-1) > cells-1 {
				t.Fatalf("%v over %d cells: %+v puts a tick outside the cells", r, cells, tk)
			}
			for i := range tk.Count {
				// Each tick's value must be exactly the value of its cell.
				cellValue := tk.Lo + float64(tk.Cell(i))*tk.Delta
				if math.Abs(cellValue-tk.Value(i)) > 1e-9*tk.Step {
					t.Fatalf("%v over %d cells: tick %d = %v sits on a cell worth %v", r, cells, i, tk.Value(i), cellValue)
				}
			}
			if cells >= 8 && tk.Count < 2 {
				t.Fatalf("%v over %d cells: only %d tick", r, cells, tk.Count)
			}
		}
	}
}

func TestFormatTick(t *testing.T) {
	tests := []struct {
		v        float64
		decimals int
		want     string
	}{
		{0.25, 2, "0.25"},
		{0.3, 1, "0.3"},
		{-1e-17, 2, "0.00"},
		{12, 0, "12"},
		{1.5e7, 0, "1.5e+07"},
		{2.5e-7, 8, "2.5e-07"},
	}
	for _, tt := range tests {
		if got := FormatTick(tt.v, tt.decimals); got != tt.want {
			t.Errorf("FormatTick(%v, %d) = %q, want %q", tt.v, tt.decimals, got, tt.want)
		}
	}
	if d := (Ticks{Step: 0.25}).Decimals(); d != 2 {
		t.Errorf("decimals for step 0.25 = %d, want 2", d)
	}
	if d := (Ticks{Step: 5}).Decimals(); d != 0 {
		t.Errorf("decimals for step 5 = %d, want 0", d)
	}
}

func TestClipSegment(t *testing.T) {
	tests := []struct {
		name     string
		seg      [4]float64
		want     [4]float64
		wantSeen bool
	}{
		{"inside", [4]float64{0.2, 0.2, 0.8, 0.8}, [4]float64{0.2, 0.2, 0.8, 0.8}, true},
		{"through the top", [4]float64{0, 0.5, 1, 50.5}, [4]float64{0, 0.5, 0.01, 1}, true},
		{"left of the box", [4]float64{-2, 0, -1, 1}, [4]float64{}, false},
		// The true crossing is at x = 1 − 0.5/(1e300−0.5), which rounds to 1.
		{"huge values", [4]float64{0, 1e300, 1, 0.5}, [4]float64{1, 1, 1, 0.5}, true},
	}
	for _, tt := range tests {
		x1, y1, x2, y2, ok := clipSegment(tt.seg[0], tt.seg[1], tt.seg[2], tt.seg[3], 0, 1, 0, 1)
		if ok != tt.wantSeen {
			t.Fatalf("%s: visible = %v, want %v", tt.name, ok, tt.wantSeen)
		}
		got := [4]float64{x1, y1, x2, y2}
		for i := range got {
			if math.Abs(got[i]-tt.want[i]) > 1e-9 {
				t.Fatalf("%s: clipped to %v, want %v", tt.name, got, tt.want)
			}
		}
	}
}

func TestDecimateKeepsEnvelopeAndNeighbours(t *testing.T) {
	var pts []point
	for i := range 10000 {
		x := float64(i) / 1000 // 0 … 9.999
		pts = append(pts, point{x, math.Sin(x * 7)})
	}
	pts[5000].y = 9 // a spike must survive decimation
	out := decimate(pts, 1, 8, 10)
	if len(out) > 2*10+2 {
		t.Fatalf("decimated to %d points, want at most 22", len(out))
	}
	if out[0].x != 0.999 || out[len(out)-1].x != 8.001 {
		t.Fatalf("neighbours outside [1, 8] = %v and %v, want x 0.999 and 8.001", out[0], out[len(out)-1])
	}
	spike := false
	for i, p := range out {
		spike = spike || p.y == 9
		if i > 0 && p.x < out[i-1].x {
			t.Fatalf("points out of x order at %d: %v after %v", i, p, out[i-1])
		}
	}
	if !spike {
		t.Fatal("the spike at x=5 was lost")
	}
}

// TestFormatTickGroupsThousands: the Plan chart's axis read "1000" beside
// a table of "4,544", and "-10,000" with a hyphen beside the table's
// "−557": labels group thousands and write the minus sign (U+2212), also
// in scientific notation.
func TestFormatTickGroupsThousands(t *testing.T) {
	for _, c := range []struct {
		v        float64
		decimals int
		want     string
	}{{1000, 0, "1,000"}, {-12500, 0, "−12,500"}, {999, 0, "999"}, {2.5, 1, "2.5"}, {1234.5, 1, "1,234.5"},
		{-0.5, 1, "−0.5"}, {-2.5e7, 0, "−2.5e+07"}, {-1e-13, 0, "0"}} {
		if got := FormatTick(c.v, c.decimals); got != c.want {
			t.Errorf("FormatTick(%v, %d) = %q, want %q", c.v, c.decimals, got, c.want)
		}
	}
}
