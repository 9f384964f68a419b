package experiment

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// RFM segmentation of an order log's customers.
//
// Scores are quintiles of ranks: a row's rank r is 1 plus the number of
// rows with a smaller value, so equal values share a rank and a score
// (pandas' rank(method="min")), and rank r falls in quintile j, the
// smallest j in 1 … 5 with r ≤ 1 + j·(n−1)/5 — for distinct values the
// quintiles of pandas' qcut(x.rank(), 5). Identical customers thus get
// identical segments: the half of a log's customers who ordered once all
// get F 1, rather than F 1, 2 or 3 by their place in the file.
//
//	R  recency_days, fewer days is better: R = 6 − quintile (most recent = 5)
//	F  frequency (orders): F = quintile
//	M  monetary_total (spend): M = quintile
//	FM = ⌈(F + M)/2⌉, frequency and spend together
//
// The named cells are the R × FM grid of the segment map widely reproduced
// in RFM tutorials (R score × F score, written as regular expressions over
// the two-digit score: 5[4-5] Champions, [3-4][4-5] Loyal, [4-5][2-3]
// Potential loyalist, 51 New, 41 Promising, 33 Need attention, 3[1-2] About
// to sleep, [1-2][3-4] At risk, [1-2]5 Can't lose them, [1-2][1-2]
// Hibernating; see e.g. the "RFM segmentation" notebooks on Kaggle), read
// with FM in place of F so that spend counts, and with the corner R 1,
// FM 1 named Lost, the eleventh name of the rfm R package (Hebbali,
// "rfm: Recency, Frequency and Monetary Value Analysis", CRAN):
//
//	        FM 1            FM 2            FM 3            FM 4         FM 5
//	R 5     New             Potential loy.  Potential loy.  Champions    Champions
//	R 4     Promising       Potential loy.  Potential loy.  Loyal        Loyal
//	R 3     About to sleep  About to sleep  Need attention  Loyal        Loyal
//	R 2     Hibernating     Hibernating     At risk         At risk      Can't lose them
//	R 1     Lost            Hibernating     At risk         At risk      Can't lose them

// Segment is a stable code for a group of customers: one of the eleven
// RFM cells or one of the value levels of a per-user table. String gives
// its English name (the CLI's reports and JSON); the TUI translates by code,
// so rewording a name never breaks a translation.
type Segment int

// The eleven RFM segments, then the value segments (see segments_cells.go).
// The zero value is no segment.
const (
	SegChampions Segment = iota + 1
	SegLoyal
	SegPotentialLoyalist
	SegNew
	SegPromising
	SegNeedAttention
	SegAboutToSleep
	SegAtRisk
	SegCantLose
	SegHibernating
	SegLost
	SegHighValue
	SegMediumValue
	SegLowValue
	SegAll
)

// segmentNames are the English names, indexed by Segment.
var segmentNames = [...]string{"", "Champions", "Loyal", "Potential loyalist", "New", "Promising",
	"Need attention", "About to sleep", "At risk", "Can't lose them", "Hibernating", "Lost",
	"High value", "Medium value", "Low value", "All customers"}

// String returns the segment's English name ("" for no segment).
func (s Segment) String() string {
	if s < 0 || int(s) >= len(segmentNames) {
		return fmt.Sprintf("Segment(%d)", int(s))
	}
	return segmentNames[s]
}

// MarshalText writes the English name, as reports have always shown it.
func (s Segment) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// RFMSegmentNames lists the RFM segments in the order reports show them:
// the best customers first.
var RFMSegmentNames = []Segment{SegChampions, SegLoyal, SegPotentialLoyalist, SegNew, SegPromising,
	SegNeedAttention, SegAboutToSleep, SegAtRisk, SegCantLose, SegHibernating, SegLost}

// rfmGrid is the table above: rfmGrid[5−R][FM−1].
var rfmGrid = [5][5]Segment{
	{SegNew, SegPotentialLoyalist, SegPotentialLoyalist, SegChampions, SegChampions},
	{SegPromising, SegPotentialLoyalist, SegPotentialLoyalist, SegLoyal, SegLoyal},
	{SegAboutToSleep, SegAboutToSleep, SegNeedAttention, SegLoyal, SegLoyal},
	{SegHibernating, SegHibernating, SegAtRisk, SegAtRisk, SegCantLose},
	{SegLost, SegHibernating, SegAtRisk, SegAtRisk, SegCantLose},
}

// RFMScore is one customer's scores and segment.
type RFMScore struct {
	R, F, M, FM int
	Segment     Segment
}

// RFMSegment names the cell of scores r and fm (each 1 … 5).
func RFMSegment(r, fm int) Segment { return rfmGrid[5-r][fm-1] }

// RFMScores scores every customer from their recency in days, frequency and
// monetary total (one entry per customer). NaN is refused: every customer
// of a cohort has all three.
func RFMScores(recency, frequency, monetary []float64) ([]RFMScore, error) {
	n := len(recency)
	if len(frequency) != n || len(monetary) != n {
		return nil, fmt.Errorf("%w: RFM needs as many frequencies and amounts as recencies", ErrPlan)
	}
	for i := range n {
		for _, v := range []float64{recency[i], frequency[i], monetary[i]} {
			if math.IsNaN(v) {
				return nil, fmt.Errorf("%w: customer %d has no recency, frequency or spend", ErrPlan, i+1)
			}
		}
	}
	r, f, m := Quintiles(recency), Quintiles(frequency), Quintiles(monetary)
	out := make([]RFMScore, n)
	for i := range out {
		s := RFMScore{R: 6 - r[i], F: f[i], M: m[i], FM: (f[i] + m[i] + 1) / 2}
		s.Segment = RFMSegment(s.R, s.FM)
		out[i] = s
	}
	return out, nil
}

// Quintiles returns the quintile (1 … 5) of each value: with r its rank
// (1 plus the number of smaller values; pandas' rank(method="min")), the
// smallest j with r ≤ 1 + j·(n−1)/5, which is pandas'
// cut(ranks, [1 + j·(n−1)/5 for j in 0 … 5], include_lowest=True).
// Equal values share a quintile: the lowest when a tie straddles an edge.
func Quintiles(values []float64) []int {
	n := len(values)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(values[a], values[b]) })
	q := make([]int, n)
	r := 0
	for k, i := range order {
		if k == 0 || values[i] != values[order[k-1]] {
			r = k + 1
		}
		// r ≤ 1 + j(n−1)/5  ⇔  5(r−1) ≤ j(n−1), in integers.
		j := 1
		for j < 5 && 5*(r-1) > j*(n-1) {
			j++
		}
		q[i] = j
	}
	return q
}
