package planscreen

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// For a calibrated run validated out of time, the screen's calibration
// error is the one the Evaluate screen shows after its arrow (ECE of the
// calibrated probabilities of the customers at the cutoff), not the
// network's own before calibration.
func TestCheckIsCalibratedOutOfTime(t *testing.T) {
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs, cfg.Validation = 30, experiment.OutOfTime
	cfg.Hidden = cfg.Hidden[:1]
	cfg.Hidden[0].Units = 4
	// Isotonic: the small log's validation part is too small for Platt
	// scaling (experiment.MinPlattClassRows).
	cfg.Calibration, cfg.CalibFrac, cfg.ValFrac = experiment.CalibIsotonic, 0, 0.4
	e, err := experiment.Prepare(screentest.LoadLog(t, ""), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	run := common.Run{Number: 1, Exp: e, History: e.Trainer.History()}
	ch, err := e.CheckCalibration(e.MainPart())
	if err != nil || ch == nil {
		t.Fatalf("calibration check %v, %v", ch, err)
	}
	if fmt.Sprintf("%.3f", ch.ECEBefore) == fmt.Sprintf("%.3f", ch.ECEAfter) {
		t.Fatalf("ECE %.3f before and after: the test cannot tell them apart", ch.ECEAfter)
	}
	s := planned(t, screentest.Common("en", 160, 48), run)
	if s.check == nil || s.check.Customers != 80 {
		t.Fatalf("check %+v: want the 80 customers at 2024-02-20", s.check)
	}
	if s.check.ECE != ch.ECEAfter {
		t.Errorf("plan's calibration error %v, want Evaluate's after calibration %v (before %v)", s.check.ECE, ch.ECEAfter, ch.ECEBefore)
	}
	// The table when the screen is large, the sentence when it is small.
	want := fmt.Sprintf("%.3f", ch.ECEAfter)
	if v := screentest.Render(s, 160, 48); !regexp.MustCompile(`calibration error +` + want).MatchString(v) {
		t.Errorf("160x48 lacks calibration error %s:\n%s", want, v)
	}
	// 80x36, not 24: the break-even and the extrapolation warning take
	// the rows above the check there (the page scrolls to it).
	small := planned(t, screentest.Common("en", 80, 36), run)
	screentest.MustContain(t, screentest.Render(small, 80, 36), "calibration error "+want)
}

// TestShortCheckNamesTheIntervalsMethod: at 80 columns the sentence gave
// "ROC AUC 0.85 (95 % CI 0.63–1.00)" without saying which method made the
// interval; only the wide table named it. It is DeLong's, as on the
// Evaluate screen (it was Hanley–McNeil's).
func TestShortCheckNamesTheIntervalsMethod(t *testing.T) {
	run := screentest.TextbookRun(t)
	// Spaces are left out of both: the sentence wraps anywhere.
	for lang, want := range map[string]string{"en": `95%CI\d\.\d\d–\d\.\d\d,DeLong\)`, "zh": `95%置信区间\d\.\d\d–\d\.\d\d，DeLong）`} {
		s := planned(t, screentest.Common(lang, 80, 24), run)
		if s.check == nil {
			t.Fatalf("%s: no check on the textbook run", lang)
		}
		if v := screentest.Render(s, 80, 24); !regexp.MustCompile(want).MatchString(strings.Join(strings.Fields(v), "")) {
			t.Errorf("%s: the short check does not name the method (%s):\n%s", lang, want, v)
		}
	}
}
