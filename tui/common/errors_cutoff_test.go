package common

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
)

// TestCutoffRefusalIsChinese: the Data screen's u with a cutoff past the
// log said "截止日或观察期超出范围（cutoff or horizon out of range: … choose
// a cutoff from 2010-12-01 to 2011-11-09, …）" — five lines of English in
// the Chinese panel (review29 #2). The refusal now carries its facts and
// is one Chinese sentence with the valid range; the log's name stays as
// it is. The log: orders on 2010-12-01 and 2011-01-10; 2011-01-10 less
// the 30-day horizon is 2010-12-11 (data's TestBuildCohortBounds).
func TestCutoffRefusalIsChinese(t *testing.T) {
	log, err := data.ReadOrderLog(strings.NewReader("user,date\na,2010-12-01\nb,2010-12-20\na,2011-01-10\n"), "retail.csv", data.LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	zh := Common{Lang: "zh"}
	ymd := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	for _, c := range []struct {
		cutoff  string
		horizon int
		want    string
	}{
		{"2099-01-01", 30, "retail.csv：截止日 2099-01-01 超出范围：不早于日志的最后日期 2011-01-10，之后没有订单可以给客户打标签；" +
			"观察期为 30 天时，请选 2010-12-01 至 2010-12-11 之间的截止日，使标签窗口在最后日期之前结束"},
		{"2010-11-30", 30, "retail.csv：截止日 2010-11-30 超出范围：早于日志的第一个日期 2010-12-01，客户还没有任何历史；" +
			"观察期为 30 天时，请选 2010-12-01 至 2010-12-11 之间的截止日，使标签窗口在最后日期之前结束"},
		// 41 days of log hold no 60-day window.
		{"2011-02-01", 60, "retail.csv：截止日 2011-02-01 超出范围：不早于日志的最后日期 2011-01-10，之后没有订单可以给客户打标签；" +
			"日志（2010-12-01 至 2011-01-10）比 60 天的标签窗口还短，请选更短的观察期"},
	} {
		_, _, err := data.BuildCohort(log, ymd(c.cutoff), c.horizon)
		var cut *data.CutoffRangeError
		if !errors.As(err, &cut) || !errors.Is(err, data.ErrCutoff) {
			t.Fatalf("cutoff %s: %v, want a CutoffRangeError", c.cutoff, err)
		}
		// Wrapped as the loader passes it on.
		wrapped := fmt.Errorf("loading: %w", err)
		if got := zh.ErrorText(wrapped); got != c.want {
			t.Errorf("cutoff %s:\n got %q\nwant %q", c.cutoff, got, c.want)
		}
		if got := (Common{Lang: "en"}).ErrorText(err); got != err.Error() {
			t.Errorf("en: %q, want the error's own %q", got, err.Error())
		}
	}
	_, _, err = data.BuildCurrent(log, ymd("2012-01-01"), data.CohortOptions{})
	if got, want := zh.ErrorText(err), "retail.csv：截止日 2012-01-01 不在日志的日期范围（2010-12-01 至 2011-01-10）之内"; got != want {
		t.Errorf("current customers:\n got %q\nwant %q", got, want)
	}
}
