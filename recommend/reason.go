package recommend

import (
	"fmt"
	"math"
)

// ReasonKind says why an item is offered.
type ReasonKind int

// The reasons.
const (
	// ReasonRepeat: the customer bought the item before.
	ReasonRepeat ReasonKind = iota
	// ReasonPopular: the customer never bought it; many others did lately.
	ReasonPopular
)

// reasonKindNames are the kinds as JSON writes them.
var reasonKindNames = [...]string{ReasonRepeat: "repeat", ReasonPopular: "popular"}

// MarshalText writes the kind as a word, "repeat" or "popular", so that
// JSON output says what it means.
func (k ReasonKind) MarshalText() ([]byte, error) {
	if k < 0 || int(k) >= len(reasonKindNames) {
		return nil, fmt.Errorf("unknown reason kind %d", int(k))
	}
	return []byte(reasonKindNames[k]), nil
}

// UnmarshalText reads a kind MarshalText wrote.
func (k *ReasonKind) UnmarshalText(b []byte) error {
	for i, name := range reasonKindNames {
		if string(b) == name {
			*k = ReasonKind(i)
			return nil
		}
	}
	return fmt.Errorf("unknown reason kind %q (want repeat or popular)", b)
}

// Reason is why an item is offered, as data a view can put in words in any
// language; String is the English.
type Reason struct {
	Kind ReasonKind `json:"kind"`
	// Invoices is, for ReasonRepeat, the customer's baskets holding the
	// item; for ReasonPopular, all customers' baskets holding it in the
	// WindowDays before the cutoff.
	Invoices int `json:"invoices"`
	// DaysAgo is, for ReasonRepeat, the days from the customer's last
	// purchase of the item to the cutoff.
	DaysAgo int `json:"days_ago,omitempty"`
	// WindowDays is, for ReasonPopular, the length of the recent period
	// (the horizon).
	WindowDays int `json:"window_days,omitempty"`
	// Trend is, for ReasonPopular with HasTrend, the relative change of
	// Invoices over the period of the same length before (0.4: +40 %);
	// without HasTrend nobody bought it in that earlier period.
	Trend    float64 `json:"trend,omitempty"`
	HasTrend bool    `json:"has_trend,omitempty"`
}

// String is the reason in English: "bought in 6 orders, last 12 days ago"
// or "popular: 120 orders in the last 30 days, +40 %".
func (r Reason) String() string {
	if r.Kind == ReasonRepeat {
		if r.Invoices == 1 {
			return fmt.Sprintf("bought in 1 order, %s", daysAgo(r.DaysAgo))
		}
		return fmt.Sprintf("bought in %d orders, last %s", r.Invoices, daysAgo(r.DaysAgo))
	}
	s := fmt.Sprintf("popular: %d %s in the last %d days", r.Invoices, plural(r.Invoices, "order"), r.WindowDays)
	if !r.HasTrend {
		return s + ", new"
	}
	return s + ", " + TrendPercent(r.Trend)
}

// TrendPercent writes a relative change as a signed whole percentage
// ("+40 %", "-12 %", "+0 %").
func TrendPercent(v float64) string {
	p := math.Round(v * 100)
	if p == 0 {
		p = 0 // a change that rounds to −0 is written +0, not "+-0"
	}
	if p < 0 {
		return fmt.Sprintf("%.0f %%", p)
	}
	return fmt.Sprintf("+%.0f %%", p)
}

func daysAgo(d int) string {
	if d == 1 {
		return "1 day ago"
	}
	return fmt.Sprintf("%d days ago", d)
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// reason explains a candidate pair of snapshot s.
func (s *snapshot) reason(p candidate) Reason {
	if p.own >= 0 {
		o := s.customers[p.customer].own[p.own]
		return Reason{Kind: ReasonRepeat, Invoices: int(o.count), DaysAgo: int(s.cutoff - o.last)}
	}
	it := s.items[p.item]
	r := Reason{Kind: ReasonPopular, Invoices: it.popHorizon, WindowDays: int(s.horizon)}
	if it.prevHorizon > 0 {
		r.HasTrend = true
		r.Trend = float64(it.popHorizon)/float64(it.prevHorizon) - 1
	}
	return r
}
