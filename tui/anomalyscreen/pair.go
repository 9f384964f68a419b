package anomalyscreen

import (
	"github.com/retainlab/retain/anomaly"
	"github.com/retainlab/retain/tui/common"
)

// pairParts are a pair reason (anomaly.Reason.Pair: two strongly related
// columns that disagree) in the pieces a row may be cut after:
// "ProductRelated 401", " with ProductRelated_Duration 0",
// " (rise together, r 0.88)". reasonParts (view.go) is to call it for a
// reason whose Pair is set; until then such a reason reads as the column's
// own ("ProductRelated 401 exp 20 (typ 18)"), which is true but does not
// name the other column.
func (s Model) pairParts(r anomaly.Reason) []string {
	v, o := r.PairTexts()
	num := func(text string) string { return common.WithMinus(common.GroupDigits(text)) }
	if !r.Date && !r.Year {
		v = num(v)
	}
	if !r.Pair.Date {
		o = num(o)
	}
	rho := common.WithMinus(anomaly.FormatValues(r.Pair.Correlation)[0])
	rel := s.Tf(" (rise together, r %s)", "（二者通常同增同减，r %s）", rho)
	if r.Pair.Correlation < 0 {
		rel = s.Tf(" (move oppositely, r %s)", "（二者通常此增彼减，r %s）", rho)
	}
	return []string{r.Column + " " + v, s.Tf(" with %s %s", " 而 %s 为 %s", r.Pair.Column, o), rel}
}
