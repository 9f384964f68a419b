package experiment

import (
	"fmt"
	"io"
	"math"
	"runtime"
	"strconv"

	"gonum.org/v1/gonum/mat"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/engine/metrics"
)

// Scored holds a model's verdict on new rows, in file order.
type Scored struct {
	// IDs are the identifier column's values, or 1-based row numbers when
	// the file has no identifier column.
	IDs []string
	// IDName is the identifier column's name, "" when the rows had none.
	IDName string
	// Probabilities are P(positive class) per row.
	Probabilities []float64
	// Predicted holds the predicted class name per row: the positive class
	// when the probability is at or above Threshold.
	Predicted []string
	Threshold float64
	// Positive and Negative are the class names; LabelName the label column.
	LabelName, Positive, Negative string
	// Actual holds the file's 0/1 labels (NaN where blank) when it has the
	// label column, else nil.
	Actual []float64
	// Uncalibrated holds the network's own probabilities when the model
	// calibrates them (Calibration), else nil.
	Uncalibrated []float64
	Calibration  *Calibration
	// Notes and IDNote say what the user should know about how the rows
	// were read (data.Rows.Notes and IDNote), in English without "note: ".
	Notes  []string
	IDNote string
	// Unseen are the levels Notes tell of, in structure
	// (PersonalValues.UnseenNotes tells them under --pseudonymise).
	Unseen []data.UnseenLevels
	// CellNotes say which cells were scored as other than they read
	// (data.Rows.CellNotes): missing ones filled, values beyond the
	// training range taken at its bound.
	CellNotes []string
	// MarkNotes say what was removed from numeric cells to read them
	// (data.Rows.MarkNotes), in English without "note: ".
	MarkNotes []string
	// X holds the prepared model inputs, one row per scored row, for
	// explaining them without reading the file again.
	X *mat.Dense
	// Beyond holds the value of every cell beyond the training range of a
	// clipped column, which the model scored as the bound (data.Rows.Beyond),
	// by row and pipeline column, so that a reason says "≥ bound" for
	// exactly those (Own); nil when the raw values are not known.
	Beyond map[data.Cell]float64
	// Blank marks every blank cell of a numeric column, which the model
	// read as the column's fill (data.Rows.Blank), so that a reason says
	// the cell was blank (Own); nil when not known.
	Blank map[data.Cell]bool
	// pipeline prepared X (Own reads the values the model took from it).
	pipeline *data.Pipeline
}

// ScoreCSV scores raw rows shaped like the training CSV: the feature
// columns the model was trained on, in any order, with extra columns
// ignored, missing cells imputed, unseen categories encoded as all zeros and
// the label column optional. name is used in errors.
func (b *Bundle) ScoreCSV(r io.Reader, name string) (*Scored, error) {
	rows, err := b.Pipeline.ReadRows(r, name)
	if err != nil {
		return nil, err
	}
	s, err := b.score(name, rows.X, rows.IDs, rows.Labels)
	if err != nil {
		return nil, err
	}
	s.IDName, s.Notes, s.IDNote, s.Beyond, s.Blank = rows.IDName, rows.Notes, rows.IDNote, rows.Beyond, rows.Blank
	s.CellNotes, s.Unseen, s.MarkNotes = rows.CellNotes, rows.Unseen, rows.MarkNotes
	return s, nil
}

// ScoreTable scores every row of a table that has the columns the model was
// trained on (an order log's cohort at another cutoff, say); its label, if
// any, becomes Actual.
func (b *Bundle) ScoreTable(t *data.Table) (*Scored, error) {
	rows := make([]int, t.Rows)
	for i := range rows {
		rows[i] = i
	}
	x, err := b.Pipeline.Transform(t, rows)
	if err != nil {
		return nil, err
	}
	var labels []float64
	if t.Label.Name != "" {
		labels = t.Label.Values
	}
	s, err := b.score(t.Source, x, t.IDs(), labels)
	if err != nil {
		return nil, err
	}
	if t.IDColumn >= 0 {
		s.IDName = t.Columns[t.IDColumn].Name
	}
	s.Beyond, s.Blank = b.Pipeline.TableCells(t)
	return s, nil
}

// score runs the bundle's network over prepared rows and cuts the
// probabilities at the threshold.
func (b *Bundle) score(name string, x *mat.Dense, ids []string, labels []float64) (*Scored, error) {
	sc, err := b.Scorer()
	if err != nil {
		return nil, fmt.Errorf("model for %s: %w", name, err)
	}
	return sc.Score(name, x, ids, labels)
}

// Scorer scores prepared rows with a bundle's network, built once: the
// scoring path of `retain predict` (ScoreCSV, ScoreTable) kept ready for
// a service that scores many small batches. It may be used by many
// goroutines at once.
type Scorer struct {
	b   *Bundle
	net *engine.Network
	// predictors holds idle predictors (each owns scratch buffers for
	// 1,024 rows). A channel, not a sync.Pool: a pool is emptied by the
	// garbage collector, and a service would then rebuild megabytes of
	// buffers after every collection.
	predictors chan *engine.Predictor
}

// Scorer builds the bundle's network once for scoring many batches.
func (b *Bundle) Scorer() (*Scorer, error) {
	net, err := b.Network()
	if err != nil {
		return nil, err
	}
	return &Scorer{b: b, net: net, predictors: make(chan *engine.Predictor, 2*runtime.GOMAXPROCS(0))}, nil
}

// Network returns the scorer's network (read-only).
func (s *Scorer) Network() *engine.Network { return s.net }

// Score runs the network over prepared rows x (Pipeline.Width() columns),
// calibrates the probabilities and cuts them at the threshold. ids (the
// identifiers, or nil for row numbers) and labels (or nil) are kept in the
// result; name is the data's name in errors.
func (s *Scorer) Score(name string, x *mat.Dense, ids []string, labels []float64) (*Scored, error) {
	b := s.b
	n, cols := x.Dims()
	raw := x.RawMatrix()
	if raw.Stride != cols || cols != s.net.Arch.Inputs {
		return nil, fmt.Errorf("%s: prepared %d columns, the model takes %d", name, cols, s.net.Arch.Inputs)
	}
	sc := &Scored{
		IDs: ids, Probabilities: make([]float64, n), Predicted: make([]string, n),
		Threshold: b.Threshold, LabelName: b.Label.Name, Positive: b.Label.Positive, Negative: b.Label.Negative,
		Actual: labels, X: x, pipeline: b.Pipeline,
	}
	// A scale far below its centre's magnitude turns finite cells into
	// ±Inf inputs, which relu layers can hide behind finite probabilities.
	if k := firstNonFinite(raw.Data[:n*cols]); k >= 0 {
		return nil, &ScoreError{Model: b.File, Data: name, Row: k/cols + 1, ID: idOf(ids, k/cols),
			What: fmt.Sprintf("an input %q", b.Pipeline.Outputs[k%cols].Name), Value: raw.Data[k]}
	}
	var p *engine.Predictor
	select {
	case p = <-s.predictors:
	default:
		p = engine.NewPredictor(s.net)
	}
	p.PredictFlat(sc.Probabilities, nil, raw.Data[:n*cols], n)
	select {
	case s.predictors <- p:
	default: // enough idle ones already
	}
	if b.Calibration != nil {
		sc.Uncalibrated = append([]float64(nil), sc.Probabilities...)
		sc.Calibration = b.Calibration
		b.Calibration.ApplyAll(sc.Probabilities)
	}
	if i := firstNonFinite(sc.Probabilities); i >= 0 {
		return nil, &ScoreError{Model: b.File, Data: name, Row: i + 1, ID: idOf(ids, i), What: "a probability",
			Value: sc.Probabilities[i]}
	}
	for i, p := range sc.Probabilities {
		sc.Predicted[i] = b.Label.Negative
		if p >= b.Threshold {
			sc.Predicted[i] = b.Label.Positive
		}
	}
	return sc, nil
}

// ScoreError reports a model whose numbers are finite but so extreme (huge
// weights, a tiny scale far from its centre) that a row's score overflows
// to NaN or ±Inf. It matches ErrBundle: the model file is at fault.
type ScoreError struct {
	// Model is the model file's name ("" for a model built in memory) and
	// Data the scored file's.
	Model, Data string
	// Row is the 1-based row of Data and ID its identifier.
	Row int
	ID  string
	// IDWithheld leaves the id out of the message (WithholdCells).
	IDWithheld bool
	// What names the score: "a probability", "an input \"x\"" (a prepared
	// network input) or "a reason for column \"x\"".
	What  string
	Value float64
}

// idOf returns ids[i], or the 1-based row number when there is none.
func idOf(ids []string, i int) string {
	if i < len(ids) {
		return ids[i]
	}
	return strconv.Itoa(i + 1)
}

// Error implements error.
func (e *ScoreError) Error() string {
	model := "the model"
	if e.Model != "" {
		model = "model file " + e.Model
	}
	id := "id " + e.ID
	if e.IDWithheld {
		id = "its id withheld"
	}
	return fmt.Sprintf("%s gives row %d (%s) of %s %s of %v: its numbers are too extreme to score with",
		model, e.Row, id, e.Data, e.What, e.Value)
}

// Is makes errors.Is(err, ErrBundle) true.
func (e *ScoreError) Is(target error) bool { return target == ErrBundle }

// Report computes the metrics of the scored rows against the file's labels,
// leaving out rows whose label is blank. It fails when the file had no
// label column or the labelled rows hold only one class.
func (s *Scored) Report() (metrics.Report, error) {
	if s.Actual == nil {
		return metrics.Report{}, fmt.Errorf("the scored file has no %q column to compare with", s.LabelName)
	}
	probs := make([]float64, 0, len(s.Actual))
	labels := make([]float64, 0, len(s.Actual))
	for i, y := range s.Actual {
		if !math.IsNaN(y) {
			probs = append(probs, s.Probabilities[i])
			labels = append(labels, y)
		}
	}
	return metrics.NewReport(probs, labels, nil, s.Threshold)
}

// Own returns row i's own raw values as far as the scoring kept them, for
// Explainer.SetOwn: the value of a cell beyond its column's training
// range (Beyond), NaN for a blank cell (Blank), and for any other cell the
// value the model took, which is the row's own (inside the range, where
// nothing was clipped); nil when Beyond is nil (the raw values are not
// known) or s was not scored by a Scorer (no pipeline to read X with).
func (s *Scored) Own(i int) func(ci int) float64 {
	if s.Beyond == nil || s.pipeline == nil {
		return nil
	}
	return func(ci int) float64 {
		c := data.Cell{Row: i, Column: ci}
		if v, ok := s.Beyond[c]; ok {
			return v
		}
		if s.Blank[c] {
			return math.NaN()
		}
		return s.took(i, ci)
	}
}

// took returns the value in original units the model took for row i's
// cell of pipeline column ci (a day number for a date column), from X.
func (s *Scored) took(i, ci int) float64 {
	pc := &s.pipeline.Columns[ci]
	return pc.Clipped(pc.Original(s.X.At(i, pc.First)))
}
