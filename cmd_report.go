package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/engine/metrics"
	"github.com/retainlab/retain/experiment"
)

// bayesJSON is the Bayes limit with scikit-learn metric names.
type bayesJSON struct {
	ROCAUC   float64 `json:"roc_auc"`
	Accuracy float64 `json:"accuracy"`
}

func bayesOf(b *data.BayesLimit) *bayesJSON {
	if b == nil {
		return nil
	}
	return &bayesJSON{ROCAUC: b.AUC, Accuracy: b.Accuracy}
}

// writeJSON prints one indented JSON document.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// describeNetwork writes "10 → 64 relu → 32 relu → 1 sigmoid (2,817 parameters)".
func describeNetwork(a engine.Architecture) string {
	parts := []string{fmt.Sprint(a.Inputs)}
	for _, h := range a.Hidden {
		parts = append(parts, fmt.Sprintf("%d %s", h.Units, h.Activation))
	}
	parts = append(parts, fmt.Sprintf("%d %s", a.Outputs, a.OutputActivation()))
	return fmt.Sprintf("%s (%s parameters)", strings.Join(parts, " → "), data.Thousands(a.ParamCount()))
}

// printMetrics writes the scalar metrics of a report, one per line, with
// the Bayes limit beside the figures it bounds.
func printMetrics(w io.Writer, title string, r metrics.Report, bayes *data.BayesLimit) {
	fmt.Fprintf(w, "%s (%s rows, %s positive, threshold %.2f):\n", title, data.Thousands(r.Rows),
		percent(r.Positives/float64(r.Rows)), r.Threshold)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	line := func(name string, v float64, note string) {
		if note != "" {
			note = "\t" + note
		}
		fmt.Fprintf(tw, "  %s\t%.4f%s\n", name, v, note)
	}
	var aucNotes, accNotes []string
	if ci := aucInterval(r.ROCAUCCI); ci != "" {
		aucNotes = append(aucNotes, ci)
	}
	// Accuracy means something only above predicting the more common
	// class for every row.
	if m := experiment.MajorityRate(&r); m == m {
		accNotes = append(accNotes, fmt.Sprintf("majority class %.4f", m))
	}
	if bayes != nil {
		aucNotes = append(aucNotes, fmt.Sprintf("Bayes limit %.4f", bayes.AUC))
		accNotes = append(accNotes, fmt.Sprintf("Bayes limit %.4f", bayes.Accuracy))
	}
	accNote := ""
	if len(accNotes) > 0 {
		accNote = "(" + strings.Join(accNotes, "; ") + ")"
	}
	aucNote := ""
	if len(aucNotes) > 0 {
		aucNote = "(" + strings.Join(aucNotes, "; ") + ")"
	}
	line("roc_auc", r.ROCAUC, aucNote)
	line("average_precision", r.AveragePrecision, "")
	line("accuracy", r.Accuracy, accNote)
	line("precision", r.Precision, "")
	line("recall", r.Recall, "")
	line("f1", r.F1, "")
	line("log_loss", r.LogLoss, "")
	line("brier_score_loss", r.BrierScoreLoss, "")
	tw.Flush()
	fmt.Fprintf(w, "  best F1 %.4f at threshold %.4f (precision %.4f, recall %.4f)\n",
		r.BestF1.F1, r.BestF1.Threshold, r.BestF1.Precision, r.BestF1.Recall)
}

// printConfusion writes the confusion matrix at the report's threshold.
func printConfusion(w io.Writer, c metrics.Confusion) {
	fmt.Fprintln(w, "Confusion matrix:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "\t\tpredicted 0\tpredicted 1\t\n")
	n := func(v float64) string { return data.Thousands(int(math.Round(v))) }
	fmt.Fprintf(tw, "\tactual 0\t%s\t%s\t\n", n(c.TN), n(c.FP))
	fmt.Fprintf(tw, "\tactual 1\t%s\t%s\t\n", n(c.FN), n(c.TP))
	tw.Flush()
}

// percent writes a share as "12.3%".
func percent(v float64) string { return fmt.Sprintf("%.1f%%", 100*v) }

// aucInterval writes ROC AUC's interval with its method, as "95 % CI
// 0.831–0.862, DeLong" ("" for none), so that it is not mistaken for
// another method's interval of the same AUC.
func aucInterval(iv *metrics.Interval) string {
	if iv == nil {
		return ""
	}
	s := fmt.Sprintf("%.0f %% CI %.3f–%.3f", 100*iv.Level, iv.Low, iv.High)
	if iv.Method != "" {
		s += ", " + iv.Method
	}
	return s
}
