package experiment

import (
	"cmp"
	"fmt"
	"slices"
)

// Level is a customer's place in the ranking of a score (the probability
// of the outcome the campaign acts on, or the customer's value): the top
// 20 % of customers are High, the next 30 % Medium, the other half Low.
// Ties keep row order, as in the plan's ranking.
type Level int

// The three levels, lowest first.
const (
	Low Level = iota
	Medium
	High
)

// String returns "low", "medium" or "high".
func (l Level) String() string { return [...]string{"low", "medium", "high"}[l] }

// MarshalText writes the level's name.
func (l Level) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// Levels ranks scores highest first and gives each its level: rank k
// (1-based) of n is High when k ≤ ⌈0.2·n⌉, Medium when k ≤ ⌈0.5·n⌉, else
// Low, cut where risk bands of those shares end (PercentCount): with 1
// to 5 customers the first is High.
func Levels(scores []float64) []Level {
	n := len(scores)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(scores[b], scores[a]) })
	out := make([]Level, n)
	high, medium := PercentCount(20, n), PercentCount(50, n)
	for k, i := range order {
		switch r := k + 1; {
		case r <= high:
			out[i] = High
		case r <= medium:
			out[i] = Medium
		default:
			out[i] = Low
		}
	}
	return out
}

// Segments assigns every customer to a segment and a risk level: the level
// of their probability of the outcome the campaign acts on.
type Segments struct {
	// Kind is "rfm" (order logs: RFM cells) or "value" (per-user tables:
	// the level of the customer's value, "High value" …; every customer is
	// "All customers" when all values are equal).
	Kind string `json:"kind"`
	// Names is each customer's segment.
	Names []Segment `json:"-"`
	// Risk is each customer's level of probability.
	Risk []Level `json:"-"`
	// RFM holds each customer's scores (Kind "rfm" only).
	RFM []RFMScore `json:"-"`
	// Order lists the segment names in the order reports show them.
	Order []Segment `json:"segments"`
}

// RFMSegments segments an order log's customers by their RFM cell (see
// RFMScores) and their risk level.
func RFMSegments(recency, frequency, monetary, probs []float64) (*Segments, error) {
	if len(probs) != len(recency) {
		return nil, fmt.Errorf("%w: %d probabilities for %d customers", ErrPlan, len(probs), len(recency))
	}
	scores, err := RFMScores(recency, frequency, monetary)
	if err != nil {
		return nil, err
	}
	s := &Segments{Kind: "rfm", Names: make([]Segment, len(scores)), Risk: Levels(probs), RFM: scores,
		Order: RFMSegmentNames}
	for i, sc := range scores {
		s.Names[i] = sc.Segment
	}
	return s, nil
}

// ValueSegments segments the customers of a per-user table by the level of
// their value (nil values, or all equal: one segment, "All customers") and
// their risk level.
func ValueSegments(probs, values []float64) (*Segments, error) {
	if values != nil && len(values) != len(probs) {
		return nil, fmt.Errorf("%w: %d values for %d customers", ErrPlan, len(values), len(probs))
	}
	s := &Segments{Kind: "value", Names: make([]Segment, len(probs)), Risk: Levels(probs)}
	if values == nil || slices.Min(values) == slices.Max(values) {
		for i := range s.Names {
			s.Names[i] = SegAll
		}
		s.Order = []Segment{SegAll}
		return s, nil
	}
	names := [...]Segment{SegLowValue, SegMediumValue, SegHighValue}
	for i, l := range Levels(values) {
		s.Names[i] = names[l]
	}
	s.Order = []Segment{SegHighValue, SegMediumValue, SegLowValue}
	return s, nil
}

// Cell is a group of customers: one segment at one risk level, or (Risk
// nil) a whole segment.
type Cell struct {
	Segment Segment `json:"segment"`
	Risk    *Level  `json:"p_level,omitempty"`
	// Customers is the group's size and Share its part of all customers.
	Customers int     `json:"customers"`
	Share     float64 `json:"share"`
	// HighRisk counts the group's customers at High risk.
	HighRisk int `json:"high_p"`
	// MeanProb is the mean probability of the outcome the campaign acts on.
	MeanProb float64 `json:"mean_probability"`
	// Value is Σv_i; ValueInPlay is Σq_i·v_i, the value of the outcomes a
	// contact can change, before the success rate: q_i = p_i to prevent
	// the outcome (the value a contact could save), 1 − p_i to encourage
	// it (the value a contact could win; a customer who would buy anyway
	// is no one's to win). It is the sum of the plan's ranking key.
	Value       float64 `json:"value"`
	ValueInPlay float64 `json:"value_in_play"`
	// Members are the group's customer indices, in row order.
	Members []int `json:"-"`
}

// Cells sums the customers of each segment (in s.Order, empty ones left
// out) when byRisk is false, or of each segment × risk level (High first)
// when it is true. values nil means a value of 1 each; d says whether the
// campaign prevents or encourages the outcome of probs, for ValueInPlay.
func (s *Segments) Cells(probs, values []float64, d Direction, byRisk bool) []Cell {
	type key struct {
		seg  Segment
		risk Level
	}
	groups := map[key]*Cell{}
	for i, name := range s.Names {
		k := key{seg: name}
		if byRisk {
			k.risk = s.Risk[i]
		}
		c := groups[k]
		if c == nil {
			c = &Cell{Segment: name}
			if byRisk {
				r := k.risk
				c.Risk = &r
			}
			groups[k] = c
		}
		v := 1.0
		if values != nil {
			v = values[i]
		}
		c.Customers++
		c.MeanProb += probs[i]
		c.Value += v
		q := probs[i]
		if d == Encourage {
			q = 1 - q
		}
		c.ValueInPlay += q * v
		if s.Risk[i] == High {
			c.HighRisk++
		}
		c.Members = append(c.Members, i)
	}
	var out []Cell
	for _, name := range s.Order {
		for _, r := range []Level{High, Medium, Low} {
			if !byRisk && r != High {
				break
			}
			k := key{seg: name}
			if byRisk {
				k.risk = r
			}
			if c := groups[k]; c != nil {
				c.MeanProb /= float64(c.Customers)
				c.Share = float64(c.Customers) / float64(len(s.Names))
				out = append(out, *c)
			}
		}
	}
	return out
}
