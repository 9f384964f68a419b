package common

import (
	"testing"

	"github.com/retainlab/retain/experiment"
)

func TestNetworkLimitsText(t *testing.T) {
	l := experiment.Limits{MaxRows: 10, MaxParams: 1_000_000, MaxTrainMemory: 256 << 20}
	if got, want := (Common{Lang: "en"}).NetworkLimits(l), "1,000,000 params · 256 MiB to train"; got != want {
		t.Errorf("en %q, want %q", got, want)
	}
	if got, want := (Common{Lang: "zh"}).NetworkLimits(l), "1,000,000 个参数 · 训练内存 256 MiB"; got != want {
		t.Errorf("zh %q, want %q", got, want)
	}
	if got := (Common{Lang: "en"}).NetworkLimits(experiment.Limits{MaxEpochs: 5}); got != "" {
		t.Errorf("no network limits: %q, want nothing", got)
	}
}
