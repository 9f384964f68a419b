package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/engine/metrics"
	"github.com/retainlab/retain/experiment"
)

// The BG/NBD line of eval and backtest writes its customer count with
// thousands separators, as the tables do, and says when the fit is
// degenerate (the review's a 1.3e-13, r 1.9e7, α 4.8e8).
func TestDescribeBGNBDText(t *testing.T) {
	start, end := time.Date(1997, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(1997, 9, 30, 0, 0, 0, 0, time.UTC)
	fit := experiment.BGNBDFit{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426, LogLikelihood: -9582.43, Customers: 2563,
		CalibrationStart: start, CalibrationEnd: end}
	if got, want := describeBGNBD(fit), "1997-01-01 .. 1997-09-30, 2,563 customers: r 0.243, alpha 4.414, a 0.793, b 2.426, log-likelihood -9582.4"; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	fit.R, fit.Alpha, fit.A, fit.B = 1.9e7, 4.8e8, 1.3e-13, 2e-4
	want := "1997-01-01 .. 1997-09-30, 2,563 customers: r 1.9e+07, alpha 4.8e+08, a 1.3e-13, b 0.0002, log-likelihood -9582.4" +
		" (a degenerate fit: a parameter is outside 1e-06 … 1e+06, at a limit of the model where it says little about the customers)"
	if got := describeBGNBD(fit); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// eval's metrics title writes the row count with thousands separators:
// CDNOW's 23,570 customers, 3,340 positive (14.2 %).
func TestPrintMetricsTitleThousands(t *testing.T) {
	var b bytes.Buffer
	printMetrics(&b, "Metrics", metrics.Report{Rows: 23570, Positives: 3340, Threshold: 0.5}, nil)
	first, _, _ := strings.Cut(b.String(), "\n")
	if want := "Metrics (23,570 rows, 14.2% positive, threshold 0.50):"; first != want {
		t.Errorf("got  %q\nwant %q", first, want)
	}
}
