package trainscreen

import (
	"context"
	"io"
	"strings"
	"testing"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// fourRows is a table too small for a validation part.
const fourRows = "id,a,b,churn\n1,1,5,0\n2,2,6,1\n3,3,7,0\n4,4,8,1\n"

// TestEarlyStopNamesTheTrainingLossWithoutValidation: a run with no
// validation rows stops on its training loss (engine.EpochStats.Monitored),
// but the outcome said "the validation loss had not improved".
func TestEarlyStopNamesTheTrainingLossWithoutValidation(t *testing.T) {
	open := func(string) (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(fourRows)), nil }
	d, err := experiment.Load(experiment.Source{Kind: "csv", Path: "four.csv"}, open)
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	cfg.Train.EarlyStop.Patience = 3
	exp, err := experiment.New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := exp.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	h := exp.Trainer.History()
	if exp.Trainer.State() != engine.StoppedEarly || h[len(h)-1].HasVal {
		t.Fatalf("want an early stop without validation, got state %v, HasVal %v", exp.Trainer.State(), h[len(h)-1].HasVal)
	}
	for lang, want := range map[string][2]string{
		"en": {"the training loss had not improved for 3 epochs", "validation"},
		"zh": {"训练损失已连续 3 轮没有改善", "验证"},
	} {
		got, _ := describeOutcome(common.New(lang), exp, engine.Progress{State: engine.StoppedEarly}, nil)
		if !strings.Contains(got, want[0]) || strings.Contains(got, want[1]) {
			t.Errorf("%s: %q, want %q and no %q", lang, got, want[0], want[1])
		}
	}
}

// TestFinishedNamesTheMonitoredLoss: a run that used every epoch names the
// loss its best epoch was chosen on.
func TestFinishedNamesTheMonitoredLoss(t *testing.T) {
	c := common.New("en")
	if got := monitoredLoss(c, []engine.EpochStats{{HasVal: true}}); got != "validation loss" {
		t.Errorf("with validation: %q", got)
	}
	if got := monitoredLoss(common.New("zh"), []engine.EpochStats{{}}); got != "训练损失" {
		t.Errorf("without validation: %q", got)
	}
}
