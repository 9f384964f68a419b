package datascreen

import (
	"testing"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// The warning of a date order shown by one line is worded in Chinese
// from its fields (review 38 #9).
func TestDateOrderWarningZh(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	w := &experiment.DateOrderWarning{WeakDateOrder: data.WeakDateOrder{Name: "a.csv", Order: data.DateDMY, Other: data.DateMDY,
		Shown: 1, Dates: 9546, ShownBy: `"13/12/2011" at line 9,547`,
		First: day("2010-01-12"), Last: day("2011-12-13"), OtherFirst: day("2010-12-01"), OtherLast: day("2011-12-09")}}
	const want = `a.csv：年份在后的日期全部按日在前（日/月/年）读取，因为 9,546 个日期中只有 1 个（"13/12/2011" at line 9,547）只能这样读：` +
		`这样读的范围是 2010-01-12 .. 2011-12-13，按月在前（月/日/年）读其余日期的范围是 2010-12-01 .. 2011-12-09；` +
		`如果那是笔误，请用 --date-order mdy 指定顺序（用 --date-order dmy 保持现在的读法）`
	if got := (Model{Common: common.Common{Lang: "zh"}}).warning(w); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := (Model{Common: common.Common{Lang: "en"}}).warning(w); got != w.String() {
		t.Errorf("en: %s", got)
	}
}
