package data

import (
	"math"
	"strings"
	"testing"
)

// netLog has the cancellations feature set 3 nets, and those it does not.
// Cutoff 2024-03-31 (day 0 = the cutoff; ages in days):
//   - a: order 1 of 100 (age 60) and order 2 of 40 (age 10, two lines 30
//     and 10); C3 returns 2 × 15 of order 1 (age 55, in the 30–59 window)
//     and C4 returns the 10 line of order 2 (age 9, in the 0–29 window).
//     total 140 − 30 − 10 = 100, avg 50; trend: recent 40 − 10 = 30,
//     earlier 0 (order 1 is 60 days old) − 30 floored at 0 → (30−0)/30 = 1.
//   - b: order 5 of 50 (age 20), cancelled in full by C6 (age 20):
//     total 0, trend 0 (both windows 0).
//   - c: C7 (age 41) before c's first order 8 of 20 (age 30): not netted,
//     total 20; C9 after the cutoff: not netted.
//   - d: order 10 of 70 (age 5) and a line of order 11 of 25 whose status
//     is "cancelled" (the order itself, never spend): total 70; C12
//     returns 100 (age 4), more than d bought: floored, total 0.
//   - e: order 13 of 80 (age 40), cancelled by a negative amount line
//     under its own id R14 (age 40, no sale with that id): total 0.
//   - f: order 16 of 0.1 + 0.2 (age 5), cancelled by C17's 0.3: the
//     residue 0.1 + 0.2 − 0.3 = 5.6e-17 is no spend, so the total is 0
//     and spend_trend 0, not (5.6e-17 − 0)/5.6e-17 = 1.
//
// Feature set 2 keeps the gross sums: a 140, b 50, c 20, d 70, e 80.
const netLog = `order,customer,date,item,qty,price,status
1,a,2024-01-31,X,4,25,done
C3,a,2024-02-05,X,-2,15,done
2,a,2024-03-21,Y,1,30,done
2,a,2024-03-21,Z,1,10,done
C4,a,2024-03-22,Z,-1,10,done
5,b,2024-03-11,X,2,25,done
C6,b,2024-03-11,X,-2,25,done
C7,c,2024-02-19,Y,-1,99,done
8,c,2024-03-01,Y,1,20,done
C9,c,2024-04-02,Y,-1,20,done
10,d,2024-03-26,X,1,70,done
11,d,2024-03-26,Y,1,25,cancelled
C12,d,2024-03-27,Y,-4,25,done
13,e,2024-02-20,W,1,80,done
R14,e,2024-02-20,W,1,-80,done
16,f,2024-03-26,X,1,0.1,done
16,f,2024-03-26,Y,1,0.2,done
C17,f,2024-03-26,X,-1,0.3,done
15,a,2024-04-10,X,1,5,done
`

func TestCohortMoneyNetOfCancellations(t *testing.T) {
	log, err := ReadOrderLog(strings.NewReader(netLog), "net.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	check := func(version int, want map[string][3]float64) {
		t.Helper()
		tab, _, err := BuildCohortWith(log, ymd(2024, 3, 31), 30, CohortOptions{Version: version})
		if err != nil {
			t.Fatal(err)
		}
		col := func(name string) []float64 {
			for _, c := range tab.Features() {
				if c.Name == name {
					return c.Values
				}
			}
			t.Fatalf("no column %s", name)
			return nil
		}
		total, avg, trend := col("monetary_total"), col("monetary_avg"), col("spend_trend")
		for r, id := range tab.IDs() {
			got := [3]float64{total[r], avg[r], trend[r]}
			w, ok := want[id]
			if !ok {
				t.Errorf("set %d: unexpected customer %s", version, id)
				continue
			}
			for k := range got {
				if math.Abs(got[k]-w[k]) > 1e-9 {
					t.Errorf("set %d: customer %s: total, avg, trend %v, want %v", version, id, got, w)
					break
				}
			}
		}
		if tab.Rows != len(want) {
			t.Errorf("set %d: %d customers, want %d", version, tab.Rows, len(want))
		}
	}
	check(3, map[string][3]float64{
		"a": {100, 50, 1},
		"b": {0, 0, 0},
		"c": {20, 20, -1}, // 20 at age 30: the earlier window alone
		"d": {0, 0, 0},
		"e": {0, 0, 0},
		"f": {0, 0, 0},
	})
	// Gross: a's trend (40 − 0)/40 = 1; b's 50 at age 20 → 1; d's 1;
	// e's 80 at age 40 → −1.
	check(2, map[string][3]float64{
		"a": {140, 70, 1},
		"b": {50, 50, 1},
		"c": {20, 20, -1},
		"d": {70, 70, 1},
		"e": {80, 80, -1},
		"f": {0.1 + 0.2, 0.1 + 0.2, 1},
	})
}

// Cohort revenue is net of the refunds, in the month the cancellation is
// dated in: a's February cell (its acquisition cohort's period 1) loses
// C3's 30 (a's cohort is January: 100 in period 0, 0 − 30 in period 1,
// 40 − 10 in period 2 and 5 in period 3); C7, before c's first order, is
// left out; d's C12 takes 100 from March and c's C9 (dated before the
// log's last order) 20 from April.
func TestCohortRevenueNetOfCancellations(t *testing.T) {
	log, err := ReadOrderLog(strings.NewReader(netLog), "net.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := CohortRetention(log, ByMonth)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]float64{}
	for _, c := range r.Cohorts {
		for _, cell := range c.Cells {
			got[c.Label] = append(got[c.Label], math.Round(cell.Revenue*100)/100)
		}
	}
	// January: a alone. February: e (80 − 80 = 0 in Feb), C7 of c is
	// before c's first order. March: b (50 − 50), c (20), d (70 − 100),
	// f (0.3 − 0.3):
	// −10 in March; April: c's C9, −20 (a's order 15 is in a's row).
	want := map[string][]float64{"2024-01": {100, -30, 30, 5}, "2024-02": {0, 0, 0}, "2024-03": {-10, -20}}
	for label, w := range want {
		g := got[label]
		if len(g) != len(w) {
			t.Errorf("%s: revenue %v, want %v", label, g, w)
			continue
		}
		for i := range w {
			if g[i] != w[i] {
				t.Errorf("%s: revenue %v, want %v", label, g, w)
				break
			}
		}
	}
}
