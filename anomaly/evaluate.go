package anomaly

import (
	"fmt"
	"slices"
	"strings"

	"github.com/retainlab/retain/engine/metrics"
)

// Evaluation measures the network's score and the baseline against a truth
// column.
type Evaluation struct {
	// Truth names the truth column.
	Truth string `json:"truth"`
	// Positives is the number of abusive rows, and K (= Positives) the
	// cut of precision@k; recall per archetype is counted in the top 2K.
	Positives int `json:"positives"`
	Rows      int `json:"rows"`
	// Network and Baseline are the two scores' figures.
	Network  Metrics `json:"network"`
	Baseline Metrics `json:"baseline"`
	// Error is the raw reconstruction error's figures when the network's
	// score is smoothed over neighbours (see Options.Neighbours), nil
	// otherwise.
	Error *Metrics `json:"error,omitempty"`
}

// Metrics are one score's figures against the truth.
type Metrics struct {
	// AUC is the ROC AUC and AveragePrecision scikit-learn's
	// average_precision_score (engine/metrics).
	AUC              float64 `json:"roc_auc"`
	AveragePrecision float64 `json:"average_precision"`
	// PrecisionAtK is the share of abusive rows among the K highest scores.
	PrecisionAtK float64 `json:"precision_at_k"`
	// Recall lists, per archetype (or "all" without an archetype column),
	// the share of its abusive rows found in the top 2K.
	Recall []ArchetypeRecall `json:"recall_top_2k"`
}

// ArchetypeRecall is the recall of one archetype in the top 2K.
type ArchetypeRecall struct {
	Archetype string  `json:"archetype"`
	Count     int     `json:"count"`
	Found     int     `json:"found"`
	Recall    float64 `json:"recall"`
}

// Evaluate measures score and baseline against 0/1 truth; archetype (nil
// allowed) names each abusive row's kind. Both classes must be present.
func Evaluate(score, baseline, truth []float64, archetype []string) (*Evaluation, error) {
	pos := 0
	for _, v := range truth {
		if v == 1 {
			pos++
		}
	}
	if pos == 0 || pos == len(truth) {
		return nil, fmt.Errorf("%w: the truth marks %d of %d rows as abusive; evaluating needs both kinds", ErrColumn, pos, len(truth))
	}
	ev := &Evaluation{Positives: pos, Rows: len(truth)}
	var err error
	if ev.Network, err = measure(score, truth, archetype, pos); err != nil {
		return nil, err
	}
	if ev.Baseline, err = measure(baseline, truth, archetype, pos); err != nil {
		return nil, err
	}
	return ev, nil
}

// measure computes one score's Metrics; k is the number of positives.
func measure(score, truth []float64, archetype []string, k int) (Metrics, error) {
	var m Metrics
	var err error
	if m.AUC, err = metrics.AUC(score, truth, nil); err != nil {
		return m, err
	}
	if m.AveragePrecision, err = metrics.AveragePrecision(score, truth, nil); err != nil {
		return m, err
	}
	order, _ := rank(score)
	hits := 0
	for _, row := range order[:k] {
		if truth[row] == 1 {
			hits++
		}
	}
	m.PrecisionAtK = float64(hits) / float64(k)
	top := make([]bool, len(score))
	for _, row := range order[:min(2*k, len(order))] {
		top[row] = true
	}
	byKind := map[string]*ArchetypeRecall{}
	for row, v := range truth {
		if v != 1 {
			continue
		}
		kind := "all"
		if archetype != nil {
			kind = archetype[row]
		}
		r := byKind[kind]
		if r == nil {
			r = &ArchetypeRecall{Archetype: kind}
			byKind[kind] = r
		}
		r.Count++
		if top[row] {
			r.Found++
		}
	}
	for _, r := range byKind {
		r.Recall = float64(r.Found) / float64(r.Count)
		m.Recall = append(m.Recall, *r)
	}
	slices.SortFunc(m.Recall, func(a, b ArchetypeRecall) int {
		return strings.Compare(a.Archetype, b.Archetype)
	})
	return m, nil
}
