package scoreapi

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"runtime"
	"sync"

	"github.com/retainlab/retain/experiment"
)

// Response is the body of a successful POST /v1/predict.
type Response struct {
	// Model is the ID of the model file that scored the rows (also in the
	// X-Retain-Model header).
	Model string `json:"model"`
	// Label, Positive and Threshold say what the probability is of and
	// where the decision is cut.
	Label     string  `json:"label"`
	Positive  string  `json:"positive"`
	Threshold float64 `json:"threshold"`
	// Predictions has one entry per request row, in order.
	Predictions []Prediction `json:"predictions"`
}

// Prediction is one row's verdict.
type Prediction struct {
	// ID is the row's id column value, when it has one.
	ID string `json:"id,omitempty"`
	// Probability is P(label = positive class), calibrated as predict
	// prints it (full precision).
	Probability float64 `json:"probability"`
	// Decision is the predicted class: the positive one when Probability is
	// at or above the threshold; PositiveDecision says whether it is.
	Decision         string `json:"decision"`
	PositiveDecision bool   `json:"positive_decision"`
	// Reasons are the top columns of the prediction (request "explain").
	Reasons []Reason `json:"reasons,omitempty"`
	// Warnings name the row's cells scored as other than sent (an unknown
	// level, a value beyond the training range), in column order.
	Warnings []Warning `json:"warnings,omitempty"`
}

// Reason is one column's share of a prediction, as predict --explain gives
// it: Text is the CSV's "column=value (+0.1234)".
type Reason struct {
	Column string `json:"column"`
	// Value is the value the model took: the one sent, or, when Op is "≥"
	// or "≤", the bound of the column's training range that a value sent
	// beyond it was scored as (the row's "clipped" warning quotes the
	// value sent).
	Value string `json:"value"`
	// Op is how Value relates to the value sent: "=", "≥" (the value sent
	// is at or above the bound Value) or "≤".
	Op string `json:"op"`
	// Blank is set when the row's cell was blank (null) and the model, having no was-missing input for the
	// column, read it as Value, the column's training fill: Value is not a
	// value sent. Text then reads "column (blank, read as value) (+0.1234)".
	Blank       bool    `json:"blank,omitempty"`
	Attribution float64 `json:"attribution"`
	Text        string  `json:"text"`
}

// checkEvery is how many rows an explain worker explains between two
// looks at the request's context.
const checkEvery = 16

// errCancelled is score's answer to a request whose context ended (its
// client went) before its rows were
// scored: no one reads the answer, and the work stops so that the predict
// slot is freed.
var errCancelled = &apiError{Status: 499, Kind: "cancelled",
	Message: "the request was cancelled (its client went) before its rows were scored"}

// score answers a decoded request with model m. It stops, answering
// errCancelled, soon after ctx ends: between its stages, every 256 rows as
// it prepares them, and every checkEvery rows of each worker as it
// explains them.
func (m *Model) score(ctx context.Context, req *Request) (*Response, *apiError) {
	if req.Recommend > 0 {
		return nil, badRequest("no_recommendations",
			`"recommend": model %s carries no recommendations (a retain model file holds a scoring network only; `+
				"`retain recommend` ranks items from an order log)", m.ID)
	}
	if n := len(m.Bundle.Pipeline.Columns); req.Explain > n {
		return nil, badRequest("bad_json", `"explain" is %d: the model has %d columns`, req.Explain, n)
	}
	in, bad := m.prepare(ctx, req.Rows)
	if bad != nil {
		return nil, bad
	}
	sc, err := m.scorer.Score("request", in.x, nil, nil)
	if err != nil {
		// The model's numbers overflow on these inputs: the row is at
		// fault only in being extreme; say which.
		return nil, &apiError{Status: http.StatusUnprocessableEntity, Kind: "unscorable", Message: err.Error()}
	}
	sc.Beyond, sc.Blank = in.beyond, in.blank
	b := m.Bundle
	resp := &Response{Model: m.ID, Label: b.Label.Name, Positive: b.Label.Positive, Threshold: b.Threshold,
		Predictions: make([]Prediction, len(req.Rows))}
	for i, p := range sc.Probabilities {
		resp.Predictions[i] = Prediction{ID: in.ids[i], Probability: p, Decision: sc.Predicted[i],
			PositiveDecision: p >= b.Threshold}
		if in.warnings != nil {
			resp.Predictions[i].Warnings = in.warnings[i]
		}
	}
	if req.Explain > 0 {
		if ctx.Err() != nil {
			return nil, errCancelled
		}
		if bad := m.explain(ctx, sc, req.Explain, resp.Predictions); bad != nil {
			return nil, bad
		}
	}
	return resp, nil
}

// explain adds the top n reasons to every prediction, measured as predict
// --explain measures them: against the model file's training-mean user, or
// the mean of the scored rows for older files without one. Each worker
// looks at ctx every checkEvery rows and stops when it has ended
// (errCancelled).
func (m *Model) explain(ctx context.Context, sc *experiment.Scored, n int, preds []Prediction) *apiError {
	x, err := m.Bundle.ExplainerFor(sc)
	if err != nil {
		return &apiError{Status: http.StatusInternalServerError, Kind: "internal", Message: err.Error()}
	}
	x.Personal = m.personal
	errs := make([]error, len(preds))
	workers := min(runtime.GOMAXPROCS(0), len(preds))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for k, i := 0, w; i < len(preds); k, i = k+1, i+workers {
				if k%checkEvery == 0 && ctx.Err() != nil {
					return
				}
				errs[i] = explainRow(x, sc.X.RawRowView(i), sc.Own(i), n, &preds[i])
				if m.explained != nil {
					m.explained(i)
				}
			}
		})
	}
	wg.Wait()
	if ctx.Err() != nil {
		return errCancelled
	}
	for i, err := range errs {
		if err != nil {
			return &apiError{Status: http.StatusUnprocessableEntity, Kind: "unscorable",
				Message: fmt.Sprintf("rows[%d]: %v", i, err), Row: &i}
		}
	}
	return nil
}

// explainRow fills p's top n reasons of the prepared row, whose own
// values own gives (Scored.Own): a reason on a value sent beyond the
// training range reads "≥ bound" (or "≤"), the others "=", and one on a
// blank cell the model filled is marked blank, as predict --explain writes
// them (Explainer.SetOwn).
func explainRow(x *experiment.Explainer, row []float64, own func(ci int) float64, n int, p *Prediction) error {
	ex, err := x.Explain(row)
	if err != nil {
		return err
	}
	top := ex.Reasons[:min(n, len(ex.Reasons))]
	x.SetOwn(top, own)
	for _, r := range top {
		if math.IsNaN(r.Attribution) || math.IsInf(r.Attribution, 0) {
			return fmt.Errorf("the reason for column %q is %v: the model's numbers are too extreme", r.Column, r.Attribution)
		}
		p.Reasons = append(p.Reasons, Reason{Column: r.Column, Value: r.Value, Op: r.Op(), Blank: r.Blank,
			Attribution: r.Attribution, Text: experiment.FormatReason(r)})
	}
	return nil
}
