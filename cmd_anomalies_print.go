package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/retainlab/retain/anomaly"
	"github.com/retainlab/retain/data"
)

// printAnomalies writes the top users with their reasons, aligned by
// terminal width (ids and reasons may hold wide characters).
func printAnomalies(w io.Writer, res *anomaly.Result, top int) error {
	var t textTable
	header := []string{"rank", "user", "score", "error", "baseline"}
	if res.Archetype != nil {
		header = append(header, "archetype")
	}
	t.add(append(header, "reasons")...)
	for i, row := range res.Order[:min(top, len(res.Order))] {
		cells := []string{strconv.Itoa(i + 1), res.IDs[row], fmt.Sprintf("%.3f", res.Score[row]),
			fmt.Sprintf("%.3f", res.Error[row]), fmt.Sprintf("%.1f", res.Baseline[row])}
		if res.Archetype != nil {
			cells = append(cells, res.Archetype[row])
		}
		var reasons []string
		for _, r := range res.Reasons(row, anomaly.DefaultReasons) {
			reasons = append(reasons, r.String())
		}
		t.add(append(cells, strings.Join(reasons, "; "))...)
	}
	return t.write(w)
}

// printAnomalyEvaluation writes the metrics of the network and the baseline.
func printAnomalyEvaluation(w io.Writer, ev *anomaly.Evaluation) error {
	fmt.Fprintf(w, "Against %s: %s abusive of %s users (k = %s)\n", ev.Truth,
		data.Thousands(ev.Positives), data.Thousands(ev.Rows), data.Thousands(ev.Positives))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	header := "score\troc_auc\tavg_precision\tprecision@k\t"
	for _, r := range ev.Network.Recall {
		header += "recall@2k " + r.Archetype + "\t"
	}
	fmt.Fprintln(tw, header)
	type named struct {
		name string
		m    anomaly.Metrics
	}
	rows := []named{{"autoencoder", ev.Network}}
	if ev.Error != nil {
		rows = append(rows, named{"raw error", *ev.Error})
	}
	for _, m := range append(rows, named{"baseline", ev.Baseline}) {
		line := fmt.Sprintf("%s\t%.4f\t%.4f\t%.4f\t", m.name, m.m.AUC, m.m.AveragePrecision, m.m.PrecisionAtK)
		for _, r := range m.m.Recall {
			line += fmt.Sprintf("%.3f\t", r.Recall)
		}
		fmt.Fprintln(tw, line)
	}
	return tw.Flush()
}

// anomaliesJSON is the JSON document of `retain anomalies --json`.
type anomaliesJSON struct {
	Source     string `json:"source"`
	Users      int    `json:"users"`
	Network    string `json:"network"`
	Members    int    `json:"members"`
	Epochs     int    `json:"epochs"`     // of the last member
	TrainRows  int    `json:"train_rows"` // of the last member
	Neighbours int    `json:"neighbours"` // averaged in the score (0: the raw error)
	// AsOf is the date an order log's customers were scored as of
	// (YYYY-MM-DD; --log only).
	AsOf string `json:"as_of,omitempty"`
	// ScoreCutoff is the default cut-off on the score (Tukey's fence), not
	// a date, and Above the users above it.
	ScoreCutoff float64             `json:"score_cutoff"`
	Above       int                 `json:"above_score_cutoff"`
	Evaluation  *anomaly.Evaluation `json:"evaluation,omitempty"`
	// ConstantColumns are the feature columns left out of the model
	// because every user has the same value (never a reason).
	ConstantColumns []string `json:"constant_columns,omitempty"`
	// ClippedColumns are those left out because fewer than 10 users
	// differ from the common value, which the preprocessing reads them as.
	ClippedColumns []string          `json:"clipped_columns,omitempty"`
	Top            []anomalyUserJSON `json:"top"`
}

// constantNames reads `column "frequency" is` or `columns "frequency",
// "distinct_items" are`.
func constantNames(names []string) string {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = strconv.Quote(n)
	}
	if len(names) == 1 {
		return "column " + quoted[0] + " is"
	}
	return "columns " + strings.Join(quoted, ", ") + " are"
}

type anomalyUserJSON struct {
	Rank      int              `json:"rank"`
	ID        string           `json:"id"`
	Score     float64          `json:"score"`
	Error     float64          `json:"error"` // the raw reconstruction error
	Baseline  float64          `json:"baseline"`
	Archetype string           `json:"archetype,omitempty"`
	Reasons   []anomaly.Reason `json:"reasons"`
}

// newAnomaliesJSON builds the document of res; asOf is the date an order
// log's customers were scored as of ("" for other data).
func newAnomaliesJSON(res *anomaly.Result, run *anomaly.Run, top int, evaluate bool, asOf string) anomaliesJSON {
	out := anomaliesJSON{Source: res.Source, Users: len(res.Score), Network: describeNetwork(run.Net.Arch),
		Members: run.Members(), Epochs: len(run.Trainer.History()), TrainRows: len(run.TrainRows), Neighbours: res.Neighbours,
		AsOf: asOf, ScoreCutoff: res.Cutoff, Above: res.Above(res.Cutoff), ConstantColumns: res.Constant, ClippedColumns: res.Clipped}
	if evaluate {
		out.Evaluation = res.Evaluation
	}
	for i, row := range res.Order[:min(top, len(res.Order))] {
		u := anomalyUserJSON{Rank: i + 1, ID: res.IDs[row], Score: res.Score[row], Error: res.Error[row], Baseline: res.Baseline[row],
			Reasons: res.Reasons(row, anomaly.DefaultReasons)}
		if res.Archetype != nil {
			u.Archetype = res.Archetype[row]
		}
		out.Top = append(out.Top, u)
	}
	return out
}
