package tunescreen

import (
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/experiment"
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
		{2*time.Hour + 3*time.Minute, "2h3m0s", "2小时3分"},
	} {
		if got := roundDur(screentest.Common("en", 80, 24), c.d); got != c.en {
			t.Errorf("en %v: %q, want %q", c.d, got, c.en)
		}
		if got := roundDur(screentest.Common("zh", 80, 24), c.d); got != c.zh {
			t.Errorf("zh %v: %q, want %q", c.d, got, c.zh)
		}
	}
}

// TestBudgetInBothLanguages is `时间预算：5s` beside `用时 5秒`: the Chinese
// screen writes the budget with Chinese units too, and reads them typed.
func TestBudgetInBothLanguages(t *testing.T) {
	for _, c := range []struct {
		d      time.Duration
		en, zh string
	}{
		{5 * time.Second, "5s", "5秒"},
		// 分钟, not 分: a bare "1分" reads as a point or a cent (review29 #6).
		{90 * time.Second, "1m30s", "1分钟30秒"},
		{time.Minute, "1m", "1分钟"},
		{90 * time.Minute, "1h30m", "1小时30分钟"},
		{2 * time.Hour, "2h", "2小时"},
	} {
		if got := budgetText(screentest.Common("en", 80, 24), c.d); got != c.en {
			t.Errorf("en %v: %q, want %q", c.d, got, c.en)
		}
		if got := budgetText(screentest.Common("zh", 80, 24), c.d); got != c.zh {
			t.Errorf("zh %v: %q, want %q", c.d, got, c.zh)
		}
		if d, err := ParseBudget(c.zh); err != nil || d != c.d {
			t.Errorf("ParseBudget(%q) = %v, %v; want %v", c.zh, d, err, c.d)
		}
	}
	if d, err := ParseBudget("2分"); err != nil || d != 2*time.Minute {
		t.Errorf("ParseBudget(2分) = %v, %v", d, err)
	}
}

// TestSettingsInChinese is the settings column left in English on the
// Chinese screen ("log1p=false pos-weight=balanced"): names and words are
// the Model screen's, numbers, activations and optimisers as they are.
func TestSettingsInChinese(t *testing.T) {
	tr := experiment.Trial{OnBase: true, Settings: []experiment.Setting{{Name: "layers", Value: "64"}, {Name: "activation", Value: "tanh"},
		{Name: "optimizer", Value: "sgd"}, {Name: "lr", Value: "0.01"}, {Name: "l2", Value: "0.001"}, {Name: "batch", Value: "128"},
		{Name: "scale", Value: "zscore"}, {Name: "log1p", Value: "false"}, {Name: "pos-weight", Value: "balanced"}, {Name: "patience", Value: "20"}}}
	want := map[string]string{
		"en": "Model screen + layers=64 tanh sgd lr=0.01 l2=0.001 batch=128 zscore log1p=false pos-weight=balanced patience=20",
		"zh": "模型页 + 层=64 tanh sgd 学习率=0.01 L2=0.001 批大小=128 标准化 log(1+v)=关 正类权重=平衡 提前停止耐心=20",
	}
	for _, lang := range screentest.Langs {
		if got := strings.Join(settingsParts(screentest.Common(lang, 80, 24), tr), " "); got != want[lang] {
			t.Errorf("%s: %q, want %q", lang, got, want[lang])
		}
	}
}
