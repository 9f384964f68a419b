package tunescreen

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/tui/common"
)

// typingKey edits the budget: enter keeps a valid duration, esc the old
// one; a bad value is refused in place, saying why, and the field stays
// open.
func (s Model) typingKey(k tea.KeyPressMsg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	switch {
	case key.Matches(k, s.keys.Cancel):
		s.typing, s.refusal = false, common.Said{}
		s.input.Blur()
	case key.Matches(k, s.keys.Commit):
		text := strings.TrimSpace(s.input.Typed())
		d, err := ParseBudget(text)
		switch {
		case errors.Is(err, ErrBudgetRange):
			s.refusal = s.say(func(s Model) string {
				return s.Tf("✗ %s is out of range: a budget is from 5s to 24h", "✗ %s 超出范围：时间预算须在 5秒 到 24小时 之间", common.Short(text))
			})
		case err != nil:
			s.refusal = s.say(func(s Model) string {
				return s.Tf("✗ %q is not a duration: give one from 5s to 24h, such as 90s or 2m",
					"✗ “%s”不是时长：请输入 5秒 到 24小时 之间的时长，例如 90秒 或 2分钟", common.Short(text))
			})
		default:
			s.budget, s.typing, s.refusal = d, false, common.Said{}
			s.input.Blur()
		}
	default:
		s.input, cmd = s.input.Key(k)
	}
	s.render()
	return s, cmd
}

// ErrBudgetRange is a budget that is a duration, but not from 5 seconds to
// a day. ParseBudget's error reads "budget 2s: out of range (5s to 24h)".
var ErrBudgetRange = errors.New("out of range (5s to 24h)")

// ParseBudget reads a budget such as "90s" or "2m", or with Chinese units
// ("90秒", "2分", "1小时30分"): between 5 seconds and a day. A duration
// outside that range is refused with ErrBudgetRange.
func ParseBudget(text string) (time.Duration, error) {
	d, err := time.ParseDuration(zhUnits.Replace(strings.TrimSpace(text)))
	if err != nil {
		return 0, err
	}
	if d < 5*time.Second || d > 24*time.Hour {
		return 0, fmt.Errorf("budget %v: %w", d, ErrBudgetRange)
	}
	return d, nil
}

// zhUnits spells Chinese duration units as Go's.
var zhUnits = strings.NewReplacer("小时", "h", "时", "h", "分钟", "m", "分", "m", "秒", "s")

// FormatBudget writes a budget as a person would type it: "1m", "1h30m",
// "90s" as "1m30s", without Go's trailing zero units ("1m0s").
func FormatBudget(d time.Duration) string {
	text := d.String()
	if strings.HasSuffix(text, "m0s") {
		text = strings.TrimSuffix(text, "0s")
	}
	if strings.HasSuffix(text, "h0m") {
		text = strings.TrimSuffix(text, "0m")
	}
	return text
}
