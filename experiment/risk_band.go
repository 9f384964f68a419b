package experiment

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// BandShares are the cumulative shares, in percent, that end the bands of
// the "shares" scheme: top 5 %, 5–10 %, 10–20 %, 20–50 %, then the rest.
var BandShares = []int{5, 10, 20, 50}

// BandScheme says how users ranked by their target score (Target.Score) are
// cut into bands: by share (BandShares, the zero value) or by a contact
// capacity (the top Capacity users, then the rest).
type BandScheme struct {
	// Capacity is the number of users the team can contact; 0 means bands
	// by share.
	Capacity int
}

// ParseBands reads a --bands value: "shares" or "capacity:N" with N ≥ 1.
func ParseBands(s string) (BandScheme, error) {
	v := strings.ToLower(strings.TrimSpace(s))
	if v == "shares" {
		return BandScheme{}, nil
	}
	if n, ok := strings.CutPrefix(v, "capacity:"); ok {
		c, err := strconv.Atoi(strings.TrimSpace(n))
		if err != nil || c < 1 {
			return BandScheme{}, fmt.Errorf("--bands %q: the capacity must be a whole number of users ≥ 1", s)
		}
		return BandScheme{Capacity: c}, nil
	}
	return BandScheme{}, fmt.Errorf("--bands %q: want shares or capacity:N (N users to contact)", s)
}

// String is the --bands value of the scheme.
func (b BandScheme) String() string {
	if b.Capacity > 0 {
		return fmt.Sprintf("capacity:%d", b.Capacity)
	}
	return "shares"
}

// PercentCount is the number of users the top pct percent of n holds:
// ⌈pct·n/100⌉, so that a share of a few users still holds one (the top
// 5 % of 10 users is 1). Risk bands end there (CutBands), and so do a
// plan's rows by share and its P levels (Plan.AtPercent, Levels).
func PercentCount(pct, n int) int { return (pct*n + 99) / 100 }

// Band is one band of users: ranks From (inclusive) to To (exclusive),
// 0 being the user with the highest score.
type Band struct {
	// UpToPercent is the cumulative share, in percent, that ends a band of
	// the shares scheme (5, 10, 20, 50, and 100 for the rest); 0 with a
	// capacity.
	UpToPercent int
	// Rest is true for the last band: everyone after the cuts.
	Rest     bool
	From, To int
	// MinScore and MaxScore bound the band's target scores (NaN when the
	// band is empty).
	MinScore, MaxScore float64
}

// Users is the number of users in the band.
func (b Band) Users() int { return b.To - b.From }

// Banding is the bands of a set of users and each user's band.
type Banding struct {
	Scheme BandScheme
	Bands  []Band
	// Of is each user's band index (into Bands), in input order.
	Of []int
	// Rank is each user's rank, 0 for the highest score, in input order.
	Rank []int
}

// AssignBands ranks users by decreasing target score and cuts the ranking
// into the scheme's bands. A share band ends after ⌈share·n⌉ users (so
// with 10 users the top 5 % holds one user); a capacity band holds
// min(Capacity, n) users. Ties are broken by input order: of two users
// with the same score the one that comes first in the input ranks higher,
// so a cut inside a run of equal scores splits it deterministically and
// every band holds exactly its count. NaN scores rank last.
func AssignBands(scores []float64, s BandScheme) Banding {
	return AssignBandsInOrder(scores, nil, s)
}

// AssignBandsInOrder is AssignBands with ties broken by each user's place
// in ties (every user once, as IDOrder lists them) instead of by input
// order; nil ties is input order. Under --pseudonymise a file sorted by
// id would otherwise give the ids back by which of two equal scores lands
// in the higher band.
func AssignBandsInOrder(scores []float64, ties []int, s BandScheme) Banding {
	n := len(scores)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	if ties != nil {
		if len(ties) != n {
			panic(fmt.Sprintf("experiment: %d ties for %d scores", len(ties), n))
		}
		copy(order, ties)
	}
	RankByScore(order, scores)
	return CutBands(order, scores, s)
}

// RankByScore sorts order, a list of users (indices into scores), from
// the highest score to the lowest, NaN scores last; users of equal score
// (or both NaN) keep their order in the list. It is the ranking bands cut
// (AssignBands) and the Users screen lists: one rule for both.
func RankByScore[I int | int32](order []I, scores []float64) {
	// Ties by place in the list make the order total, so an unstable
	// sort gives the stable result, faster on a million users.
	place := make([]int, len(scores))
	for k, i := range order {
		place[i] = k
	}
	slices.SortFunc(order, func(a, b I) int {
		sa, sb := scores[a], scores[b]
		switch na, nb := math.IsNaN(sa), math.IsNaN(sb); {
		case na && !nb:
			return 1
		case nb && !na:
			return -1
		case sa > sb:
			return -1
		case sa < sb:
			return 1
		}
		return cmp.Compare(place[a], place[b])
	})
}

// CutBands cuts a ranking into the scheme's bands as AssignBands does:
// order lists every user (an index into scores) from the highest score
// to the lowest, ties already broken. It lets a caller that keeps users
// sorted (the TUI's Users screen) band a million users without sorting
// them again.
func CutBands[I int | int32](order []I, scores []float64, s BandScheme) Banding {
	n := len(order)
	var bands []Band
	from := 0
	add := func(to, pct int, rest bool) {
		bands = append(bands, Band{UpToPercent: pct, Rest: rest, From: from, To: to})
		from = to
	}
	if s.Capacity > 0 {
		add(min(s.Capacity, n), 0, false)
		add(n, 0, true)
	} else {
		for _, pct := range BandShares {
			add(max(PercentCount(pct, n), from), pct, false)
		}
		add(n, 100, true)
	}
	out := Banding{Scheme: s, Bands: bands, Of: make([]int, n), Rank: make([]int, n)}
	for bi := range bands {
		b := &bands[bi]
		b.MinScore, b.MaxScore = math.NaN(), math.NaN()
		for r := b.From; r < b.To; r++ {
			i := int(order[r])
			out.Of[i], out.Rank[i] = bi, r
			if v := scores[i]; !math.IsNaN(v) {
				if math.IsNaN(b.MaxScore) || v > b.MaxScore {
					b.MaxScore = v
				}
				if math.IsNaN(b.MinScore) || v < b.MinScore {
					b.MinScore = v
				}
			}
		}
	}
	return out
}

// Outcomes counts, per band, the users whose label is the target's outcome
// (labels are 1 for the positive class, 0 for the negative; NaN, a missing
// label, counts for neither).
func (b Banding) Outcomes(labels []float64, t Target) ([]int, error) {
	if len(labels) != len(b.Of) {
		return nil, errors.New("band outcomes: labels and users differ in number")
	}
	want := 0.0
	if t.OnPositive {
		want = 1
	}
	out := make([]int, len(b.Bands))
	for i, y := range labels {
		if y == want {
			out[b.Of[i]]++
		}
	}
	return out, nil
}

// Label names band i in English: "top 5 %", "5–10 %", "rest" for shares;
// "top 500", "rest" for a capacity. The TUI translates from the fields.
func (b Banding) Label(i int) string {
	band := b.Bands[i]
	switch {
	case band.Rest:
		return "rest"
	case b.Scheme.Capacity > 0:
		return fmt.Sprintf("top %d", b.Scheme.Capacity)
	case i == 0:
		return fmt.Sprintf("top %d %%", band.UpToPercent)
	}
	return fmt.Sprintf("%d–%d %%", b.Bands[i-1].UpToPercent, band.UpToPercent)
}

// GainsCountDecimals is how many decimals a gains table's count of users
// (or of users with the outcome) is written with: 0 when it is whole, 1
// where the cut counts users tied at it in part (metrics.Gains credits
// them pro rata), or in a model file written when the cut itself could
// fall inside a user.
func GainsCountDecimals(v float64) int {
	if math.Abs(v-math.Round(v)) < 1e-9 {
		return 0
	}
	return 1
}
