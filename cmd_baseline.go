package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/retainlab/retain/engine/metrics"
	"github.com/retainlab/retain/experiment"
)

// bgnbdBaseline measures the BG/NBD scores against the labels the network
// was measured on (nil when there is no baseline).
func bgnbdBaseline(bg *experiment.BGNBDScores, labels []float64, threshold float64) (*baselinesJSON, error) {
	if bg == nil {
		return nil, nil
	}
	rep, err := bg.Report(labels, threshold)
	if err != nil {
		return nil, err
	}
	return &baselinesJSON{BGNBD: bgnbdJSON{Fit: &bg.Fit, Report: &rep}}, nil
}

// printBeside writes the network's ranking and probability figures beside
// BG/NBD's on the same customers, and the BG/NBD fit.
func printBeside(w io.Writer, net metrics.Report, bg bgnbdJSON) {
	fmt.Fprintln(w, "Beside BG/NBD on the same customers (scored by P(at least one order in the horizon)):")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "\tnetwork\tBG/NBD\t\n")
	line := func(name string, a, b float64) { fmt.Fprintf(tw, "  %s\t%.4f\t%.4f\t\n", name, a, b) }
	line("roc_auc", net.ROCAUC, bg.ROCAUC)
	line("average_precision", net.AveragePrecision, bg.AveragePrecision)
	line("log_loss", net.LogLoss, bg.LogLoss)
	line("brier_score_loss", net.BrierScoreLoss, bg.BrierScoreLoss)
	line("top-decile lift", topLift(net), topLift(*bg.Report))
	tw.Flush()
	fmt.Fprintf(w, "  roc_auc 95 %% CI (DeLong): network %s, BG/NBD %s\n", ciRange(net.ROCAUCCI), ciRange(bg.ROCAUCCI))
	fmt.Fprintf(w, "  BG/NBD fitted on %s\n", describeBGNBD(*bg.Fit))
}

// topLift is the lift of the top-scored decile.
func topLift(r metrics.Report) float64 {
	return experiment.BacktestScoresOf(r).TopDecileLift
}

// ciRange writes an interval as "0.831–0.862" ("–" for none).
func ciRange(iv *metrics.Interval) string {
	if iv == nil {
		return "–"
	}
	return fmt.Sprintf("%.3f–%.3f", iv.Low, iv.High)
}
