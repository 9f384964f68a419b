package anomalyscreen

import (
	"testing"

	"github.com/retainlab/retain/anomaly"
	"github.com/retainlab/retain/tui/screentest"
)

// TestPairReasonWords checks the words of a pair reason (two strongly
// related columns that disagree, review 28's click bots) in English and
// Chinese, for a positive and a negative correlation.
func TestPairReasonWords(t *testing.T) {
	bot := anomaly.Reason{Column: "ProductRelated", Value: 1401, Whole: true,
		Pair: &anomaly.PairReason{Column: "ProductRelated_Duration", Value: 0, Correlation: 0.88}}
	exits := anomaly.Reason{Column: "ProductRelated", Value: 401, Whole: true,
		Pair: &anomaly.PairReason{Column: "ExitRates", Value: 0.2, Correlation: -0.53}}
	for _, c := range []struct {
		lang string
		r    anomaly.Reason
		want string
	}{
		{"en", bot, "ProductRelated 1,401 with ProductRelated_Duration 0 (rise together, r 0.88)"},
		{"zh", bot, "ProductRelated 1,401 而 ProductRelated_Duration 为 0（二者通常同增同减，r 0.88）"},
		{"en", exits, "ProductRelated 401 with ExitRates 0.2 (move oppositely, r −0.53)"},
		{"zh", exits, "ProductRelated 401 而 ExitRates 为 0.2（二者通常此增彼减，r −0.53）"},
	} {
		s := New(screentest.Common(c.lang, 80, 24))
		if got := s.reasonText(c.r); got != c.want { // through the screen's entry point: reasonParts must route a pair here
			t.Errorf("%s: %q, want %q", c.lang, got, c.want)
		}
	}
}
