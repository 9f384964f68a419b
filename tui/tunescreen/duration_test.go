package tunescreen

import (
	"testing"
	"time"

	"github.com/retainlab/retain/tui/screentest"
)

// Durations are written to a tenth of a second, in Go's form in English
// and with Chinese units in Chinese.
func TestRoundDurInBothLanguages(t *testing.T) {
	for _, c := range []struct {
		d      time.Duration
		en, zh string
	}{
		{400 * time.Millisecond, "400ms", "0.4秒"},
		{9260 * time.Millisecond, "9.3s", "9.3秒"},
		{65 * time.Second, "1m5s", "1分5秒"},
		{90*time.Second + 450*time.Millisecond, "1m30.5s", "1分30.5秒"},
		{2*time.Hour + 3*time.Minute, "2h3m0s", "2时3分"},
	} {
		if got := roundDur(screentest.Common("en", 80, 24), c.d); got != c.en {
			t.Errorf("en %v: %q, want %q", c.d, got, c.en)
		}
		if got := roundDur(screentest.Common("zh", 80, 24), c.d); got != c.zh {
			t.Errorf("zh %v: %q, want %q", c.d, got, c.zh)
		}
	}
}
