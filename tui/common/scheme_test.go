package common

import (
	"testing"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// A training cohort with too few customers of a class is named with its
// counts and the minimum, in both languages.
func TestFallbackReasonTooFewOfAClass(t *testing.T) {
	cut := time.Date(2024, 2, 10, 0, 0, 0, 0, time.UTC)
	e := &experiment.OutOfTimeError{HorizonDays: 10, Few: true,
		Report: data.CohortReport{Cutoff: cut, Customers: 1235, Positives: 5}}
	for _, c := range []struct{ lang, want string }{
		{"en", "out of time is impossible here: the training cohort at 2024-02-10 has 1,235 customers and 5 who order again within 10 days, and a model needs at least 10 customers of each class to learn from; split at random instead"},
		{"zh", "此处无法跨时间验证：训练客户群（截止 2024-02-10）有 1,235 位客户，其中 5 位在 10 天内再次下单，而模型每一类至少需要 10 位客户才能学习；已改用随机划分"},
	} {
		if got := (Common{Lang: c.lang}).FallbackReason(e); got != c.want {
			t.Errorf("%s: %q\nwant %q", c.lang, got, c.want)
		}
	}
}
