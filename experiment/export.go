package experiment

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// A scores CSV, written by WriteScoresCSV for `retain predict` and the
// Users screen's export alike, has one header line and one line per row:
//
//	user_id,probability_churn_yes,predicted_churn,reason_1,reason_2
//	U0001,0.734120,yes,tenure=1 (+0.2704),Contract=Month-to-month (+0.1012)
//
// The first column is named after the data's identifier column ("row", with
// 1-based row numbers, when there is none); the probability is P(label =
// positive class) with 6 decimals; the predicted class is the positive one
// when the probability is at or above the threshold. With N reasons, each
// line gets reason_1 … reason_N: the original columns that moved the row's
// probability most away from the baseline user's, largest first, each as
// "column=value (±attribution)" with the attribution, in points of the
// (calibrated) probability, to 4 decimals (FormatReason); a blank cell the
// model filled reads "column (blank, read as fill) (±attribution)". Cells are empty
// when the model has fewer columns than N. Scores of an order log's current customers (History)
// have a short_history column, true or false, between the predicted class
// and the reasons: true for a customer first seen fewer than
// data.ShortHistoryDays days before the cutoff. With bands (`predict
// --bands`), a band column ("top 5 %", "5–10 %", …, "rest"; or "top N",
// "rest") comes next.

// ProbabilityDecimals is how many decimals a probability_<label>_<class>
// column is written with, by predict's scores (WriteScoresCSV) and the
// plan's contact list (ContactList) alike.
const ProbabilityDecimals = 6

// ExportBlock is how many rows WriteScoresCSV explains before writing them:
// the memory it holds besides the rows themselves.
const ExportBlock = 2048

// ScoreRow is one row of a scores CSV before it is formatted.
type ScoreRow struct {
	// ID identifies the row; Row is its 1-based row in the data, for errors.
	ID  string
	Row int
	// Probability is P(positive class).
	Probability float64
	// Input is the row's prepared network input; WriteScoresCSV asks for
	// it only when it explains rows.
	Input []float64
	// ShortHistory marks a customer with a short history (written when
	// ExportOptions.History is set).
	ShortHistory bool
	// Own gives the row's own raw value of pipeline column ci (NaN when
	// blank), from which each reason's Beyond and Blank are set
	// (Explainer.SetOwn); nil when the row's raw values are not known:
	// the reasons then keep what Explain read from the input.
	Own func(ci int) float64
}

// ScoreRows is what WriteScoresCSV writes. Row may be called from several
// goroutines at once.
type ScoreRows interface {
	// Len returns the number of rows.
	Len() int
	// Row returns the i-th row (0-based), with its Input when input is set.
	Row(i int, input bool) (ScoreRow, error)
}

// ExportOptions say how WriteScoresCSV writes.
type ExportOptions struct {
	// IDName names the first column ("" writes "row").
	IDName string
	// Label names the label column and its classes.
	Label BundleLabel
	// Threshold cuts probabilities into predicted classes.
	Threshold float64
	// History adds the short_history column (ScoreRow.ShortHistory).
	History bool
	// Bands, when set, adds the band column: Bands[i] is row i's band
	// (Banding.BandLabels), written after the predicted class and
	// short_history.
	Bands []string
	// Order, when set, is the order the rows are written in: line k is row
	// Order[k] (IDOrder lists them by id, as predict --pseudonymise
	// writes them); Bands stay indexed by row. nil writes rows in order.
	Order []int
	// Reasons is the number of reason columns (0: none).
	Reasons int
	// Explainer explains each row; required when Reasons > 0.
	Explainer *Explainer
	// Model and Data name the model file ("" for a model in memory) and the
	// scored data in errors.
	Model, Data string
	// Progress, if set, is called from WriteScoresCSV's goroutine after
	// each written block with the rows written so far and the total.
	Progress func(done, total int)
}

// Header returns the CSV header the options give.
func (o ExportOptions) Header() []string {
	id := o.IDName
	if id == "" {
		id = "row"
	}
	h := []string{id, "probability_" + o.Label.Name + "_" + o.Label.Positive, "predicted_" + o.Label.Name}
	if o.History {
		h = append(h, ShortHistoryColumn)
	}
	if o.Bands != nil {
		h = append(h, "band")
	}
	for k := range max(o.Reasons, 0) {
		h = append(h, "reason_"+strconv.Itoa(k+1))
	}
	return h
}

// ShortHistoryColumn is the scores CSV's column of short-history marks.
const ShortHistoryColumn = "short_history"

// FormatReason writes a reason as "column=value (+0.1234)", or, for a
// value the model clipped to its k-anonymous range, "column≥bound
// (+0.1234)" ("≤" for the lower bound): the user's own value is beyond it;
// for a blank cell the model filled (Reason.Blank), "column (blank, read
// as fill) (+0.1234)"; for a categorical cell that took no level
// (Reason.NoLevel), "Gender (blank or unseen) (+0.0412)", or "Geography
// (blank) (+0.0334)" in a column with the catch-all (other).
func FormatReason(r Reason) string {
	if r.Blank {
		return fmt.Sprintf("%s (blank, read as %s) (%+.4f)", r.Column, r.Value, r.Attribution)
	}
	if r.NoLevel {
		return fmt.Sprintf("%s %s (%+.4f)", r.Column, r.Value, r.Attribution)
	}
	return fmt.Sprintf("%s%s%s (%+.4f)", r.Column, r.Op(), r.Value, r.Attribution)
}

// WriteScoresCSV writes rows as a scores CSV (see the format above),
// ExportBlock rows at a time: each block's explanations run on every core,
// then the block is written in order, so memory stays bounded and the first
// failing row is the one reported. It stops with ctx.Err() when ctx is
// cancelled, leaving the blocks written so far. A reason whose attribution
// is not finite is a *ScoreError.
func WriteScoresCSV(ctx context.Context, w io.Writer, rows ScoreRows, o ExportOptions) error {
	if o.Reasons < 0 {
		return fmt.Errorf("%d reasons: want a number ≥ 0", o.Reasons)
	}
	if o.Reasons > 0 && o.Explainer == nil {
		return errors.New("reasons need an explainer")
	}
	if o.Bands != nil && len(o.Bands) != rows.Len() {
		return fmt.Errorf("%d band names for %d rows", len(o.Bands), rows.Len())
	}
	if o.Order != nil && len(o.Order) != rows.Len() {
		return fmt.Errorf("an order of %d rows for %d rows", len(o.Order), rows.Len())
	}
	cw := csv.NewWriter(w)
	header := o.Header()
	if err := cw.Write(header); err != nil {
		return err
	}
	total := rows.Len()
	recs := make([][]string, min(ExportBlock, total))
	for i := range recs {
		recs[i] = make([]string, len(header))
	}
	nw := 1
	if o.Reasons > 0 {
		nw = max(runtime.GOMAXPROCS(0), 1)
	}
	workers := newExportWorkers(nw)
	for start := 0; start < total; start += ExportBlock {
		if err := ctx.Err(); err != nil {
			return err
		}
		block := recs[:min(ExportBlock, total-start)]
		if err := fillBlock(ctx, block, start, rows, o, workers); err != nil {
			return err
		}
		for _, rec := range block {
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return err
		}
		if o.Progress != nil {
			o.Progress(start+len(block), total)
		}
	}
	cw.Flush()
	return cw.Error()
}

// exportWorker is one goroutine of WriteScoresCSV: its share of a block
// is explained in one batch, in buffers kept from block to block.
type exportWorker struct {
	batch  *BatchExplainer
	rows   []ScoreRow
	inputs [][]float64
	exs    []Explanation
}

// newExportWorkers returns n workers; each makes its batch explainer when
// it first explains.
func newExportWorkers(n int) []*exportWorker {
	ws := make([]*exportWorker, n)
	for i := range ws {
		ws[i] = &exportWorker{}
	}
	return ws
}

// fillBlock formats rows start… into block, each worker taking one
// contiguous share, and returns the error of the first failing row, if any.
func fillBlock(ctx context.Context, block [][]string, start int, rows ScoreRows, o ExportOptions, workers []*exportWorker) error {
	errs := make([]error, len(block))
	share := (len(block) + len(workers) - 1) / len(workers)
	var wg sync.WaitGroup
	for w, wk := range workers {
		lo, hi := min(w*share, len(block)), min((w+1)*share, len(block))
		if lo == hi {
			continue
		}
		wg.Go(func() { wk.fill(ctx, block[lo:hi], errs[lo:hi], start+lo, rows, o) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// fill formats rows start… into block, stopping at the first failing row,
// whose error it leaves in errs.
func (wk *exportWorker) fill(ctx context.Context, block [][]string, errs []error, start int, rows ScoreRows, o ExportOptions) {
	if err := ctx.Err(); err != nil {
		errs[0] = err
		return
	}
	wk.rows, wk.inputs = wk.rows[:0], wk.inputs[:0]
	for i := range block {
		r, err := rows.Row(o.row(start+i), o.Reasons > 0)
		if err != nil {
			errs[i] = err
			break
		}
		wk.rows = append(wk.rows, r)
		wk.inputs = append(wk.inputs, r.Input)
	}
	if o.Reasons > 0 && len(wk.rows) > 0 {
		if wk.batch == nil {
			b, err := o.Explainer.Batch()
			if err != nil {
				errs[0] = err
				return
			}
			wk.batch = b
		}
		for len(wk.exs) < len(wk.rows) {
			wk.exs = append(wk.exs, Explanation{})
		}
		if err := wk.batch.Explain(wk.exs[:len(wk.rows)], wk.inputs); err != nil {
			errs[0] = fmt.Errorf("explaining rows %d… of %s: %w", wk.rows[0].Row, o.Data, err)
			return
		}
	}
	for i, r := range wk.rows {
		var ex Explanation
		if o.Reasons > 0 {
			ex = wk.exs[i]
		}
		if errs[i] = fillRecord(block[i], o.row(start+i), r, ex, o); errs[i] != nil {
			return
		}
	}
}

// row returns the row written on line k (0-based, header left out).
func (o ExportOptions) row(k int) int {
	if o.Order != nil {
		return o.Order[k]
	}
	return k
}

// IDOrder lists rows 0 … len(ids)−1 in the byte order of their ids, rows
// of one id in their own order: the order a scores CSV of pseudonymised
// ids is written in (ExportOptions.Order), so that a file sorted by id
// gives no id back by a line's position.
func IDOrder(ids []string) []int {
	order := make([]int, len(ids))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(ids[a], ids[b]) })
	return order
}

// fillRecord formats row i, r, with its explanation ex into rec.
func fillRecord(rec []string, i int, r ScoreRow, ex Explanation, o ExportOptions) error {
	rec[0] = r.ID
	rec[1] = strconv.FormatFloat(r.Probability, 'f', ProbabilityDecimals, 64)
	rec[2] = o.Label.Negative
	if r.Probability >= o.Threshold {
		rec[2] = o.Label.Positive
	}
	first := 3
	if o.History {
		rec[3] = strconv.FormatBool(r.ShortHistory)
		first = 4
	}
	if o.Bands != nil {
		rec[first] = o.Bands[i]
		first++
	}
	if o.Reasons == 0 {
		return nil
	}
	shown := ex.Reasons[:min(o.Reasons, len(ex.Reasons))]
	if o.Explainer != nil {
		o.Explainer.SetOwn(shown, r.Own)
	}
	for k := range o.Reasons {
		rec[first+k] = ""
		if k >= len(shown) {
			continue
		}
		reason := shown[k]
		if math.IsNaN(reason.Attribution) || math.IsInf(reason.Attribution, 0) {
			return &ScoreError{Model: o.Model, Data: o.Data, Row: r.Row, ID: r.ID,
				What: fmt.Sprintf("a reason for column %q", reason.Column), Value: reason.Attribution}
		}
		rec[first+k] = FormatReason(reason)
	}
	return nil
}

// Len implements ScoreRows.
func (s *Scored) Len() int { return len(s.Probabilities) }

// Row implements ScoreRows: row i of the scored file, with its prepared
// input from X.
func (s *Scored) Row(i int, input bool) (ScoreRow, error) {
	r := ScoreRow{ID: idOf(s.IDs, i), Row: i + 1, Probability: s.Probabilities[i]}
	if input {
		if s.X == nil {
			return ScoreRow{}, errors.New("the scored rows kept no inputs to explain")
		}
		r.Input, r.Own = s.X.RawRowView(i), s.Own(i)
	}
	return r, nil
}

// tableRows are chosen rows of an experiment's scored table.
type tableRows struct {
	e      *Experiment
	scores *TableScores
	rows   []int
}

// ExportRows returns the table rows rows (in that order) of the scores
// ScoreAll computed, for WriteScoresCSV; inputs are prepared on demand.
func (e *Experiment) ExportRows(scores *TableScores, rows []int) ScoreRows {
	return tableRows{e: e, scores: scores, rows: rows}
}

// Len implements ScoreRows.
func (t tableRows) Len() int { return len(t.rows) }

// Row implements ScoreRows.
func (t tableRows) Row(i int, input bool) (ScoreRow, error) {
	r := t.rows[i]
	out := ScoreRow{ID: t.scores.ID(r), Row: r + 1, Probability: t.scores.Probabilities[r]}
	if t.scores.Short != nil {
		out.ShortHistory = t.scores.Short[r]
	}
	if input {
		in, err := t.e.Row(r)
		if err != nil {
			return ScoreRow{}, err
		}
		out.Input = in
		out.Own = func(ci int) float64 { return OwnValue(t.e.Data.Table, r, &t.e.Pipeline.Columns[ci]) }
	}
	return out, nil
}

// ExportOptions returns the options that export the experiment's rows with
// reasons reasons each, cut at threshold, explained against the mean
// training user.
func (e *Experiment) ExportOptions(reasons int, threshold float64) ExportOptions {
	o := ExportOptions{
		IDName: e.Pipeline.IDName, Label: BundleLabel(e.Pipeline.Label), Threshold: threshold,
		Reasons: reasons, Data: e.Data.Table.Source,
	}
	if reasons > 0 {
		o.Explainer = e.Explainer()
	}
	return o
}
