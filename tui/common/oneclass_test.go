package common

import (
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// The Train panel's reason for a one-class label points to the Data
// screen's h, which labels the log again in place, not to the command
// line, in both languages; a 1-day horizon has no shorter one to offer.
func TestOneClassReasonPointsToTheDataScreen(t *testing.T) {
	cut := time.Date(2024, 2, 18, 0, 0, 0, 0, time.UTC)
	every := &experiment.OneClassError{Log: "orders.csv", Report: data.CohortReport{Cutoff: cut, HorizonDays: 30, Customers: 1200, Positives: 1200}}
	none := &experiment.OneClassError{Log: "orders.csv", Report: data.CohortReport{Cutoff: cut, HorizonDays: 10, Customers: 25}}
	day := &experiment.OneClassError{Log: "orders.csv", Report: data.CohortReport{Cutoff: cut, HorizonDays: 1, Customers: 3, Positives: 3}}
	for _, c := range []struct {
		e    *experiment.OneClassError
		lang string
		want string
	}{
		{every, "en", "Every customer orders again within the 30-day horizon: 1,200 of the 1,200 customers at the cutoff 2024-02-18, so the label has one class and a model needs both. " +
			"Press h on the Data screen (1) for a horizon shorter than 30 days: the log is labelled again in place."},
		{every, "zh", "在 30 天的观察期内每位客户都再次下单：截止 2024-02-18 的 1,200 位客户中 1,200 位，所以标签只有一类，而模型需要两类都有。" +
			"可以在“数据”页（按 1）按 h 选短于 30 天的观察期：日志会就地重新标注。"},
		{none, "en", "No customer orders again within the 10-day horizon: 0 of the 25 customers at the cutoff 2024-02-18, so the label has one class and a model needs both. " +
			"Press h on the Data screen (1) for a horizon longer than 10 days: the log is labelled again in place."},
		{none, "zh", "在 10 天的观察期内没有客户再次下单：截止 2024-02-18 的 25 位客户中 0 位，所以标签只有一类，而模型需要两类都有。" +
			"可以在“数据”页（按 1）按 h 选长于 10 天的观察期：日志会就地重新标注。"},
		{day, "en", "Every customer orders again within the 1-day horizon: 3 of the 3 customers at the cutoff 2024-02-18, so the label has one class and a model needs both."},
	} {
		got := (Common{Lang: c.lang}).OneClassReason(c.e)
		if got != c.want {
			t.Errorf("%s, %d days:\n got %q\nwant %q", c.lang, c.e.Report.HorizonDays, got, c.want)
		}
		if strings.Contains(got, "--") || strings.Contains(got, "retain tui") {
			t.Errorf("%s: names the command line: %q", c.lang, got)
		}
	}
}
