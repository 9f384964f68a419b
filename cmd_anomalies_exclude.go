package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine/metrics"
	"github.com/retainlab/retain/experiment"
)

// excludeFlags is --exclude-anomalies of train and eval --cv.
type excludeFlags struct{ share string }

func (f *excludeFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.share, "exclude-anomalies", "", "leave out the `TOP%` of users by anomaly score before training, e.g. 1% (see retain anomalies)")
	markTraining(cmd.Flags().Lookup("exclude-anomalies"))
}

// flag scores d's users and flags the top share by anomaly score, saying
// how many on stderr; without the flag it returns nil (nothing flagged).
// The flagged users are left out of the training part only: the caller
// still measures on every held-out user.
func (f *excludeFlags) flag(ctx context.Context, a *app, d *experiment.Data, seed uint64) ([]bool, error) {
	if f.share == "" {
		return nil, nil
	}
	s := strings.TrimSuffix(strings.TrimSpace(f.share), "%")
	pct, err := strconv.ParseFloat(s, 64)
	if err != nil || !(pct >= 0 && pct < 100) {
		return nil, usageError(fmt.Errorf("--exclude-anomalies %q: want a share of users such as 1%% (0 to under 100)", f.share))
	}
	flagged, ex, err := experiment.FlagAnomalies(ctx, d, pct/100, seed)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(a.stderr, "Flagged %s of %s users with the highest anomaly scores (%s%%, score ≥ %.3f): left out of training only, "+
		"measured on every held-out user and on those not flagged\n",
		data.Thousands(ex.Dropped), data.Thousands(d.Table.Rows), s, ex.Cutoff)
	return flagged, nil
}

// notFlaggedLine prints the figures on the held-out rows not flagged.
func notFlaggedLine(w io.Writer, rows, of int, r metrics.Report) {
	auc := fmt.Sprintf("%.4f", r.ROCAUC)
	if r.ROCAUCCI != nil {
		auc += fmt.Sprintf(" [%.4f, %.4f]", r.ROCAUCCI.Low, r.ROCAUCCI.High)
	}
	fmt.Fprintf(w, "Not flagged (%d of %d held-out rows): roc_auc %s, average_precision %.4f, accuracy %.4f\n",
		rows, of, auc, r.AveragePrecision, r.Accuracy)
}
