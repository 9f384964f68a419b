package experiment

import (
	"math"

	"github.com/retainlab/retain/engine/metrics"
)

// z95 is the standard normal quantile of a two-sided 95 % interval.
const z95 = 1.959963984540054

// Figure is a validation metric with a 95 % interval.
type Figure struct {
	Name  string  `json:"name"`
	Value float64 `json:"value"`
	Low   float64 `json:"low"`
	High  float64 `json:"high"`
	// Method names the interval: "DeLong", "Hanley-McNeil" or "Wilson".
	Method string `json:"method"`
	// Of is the count the figure is measured on (rows, predicted
	// positives, actual positives).
	Of int `json:"of"`
}

// ValidationFigures turns a model file's validation metrics into figures
// with 95 % intervals: ROC AUC with the DeLong interval the file records
// (metrics.Report.ROCAUCCI, the one train and eval print), or with the
// Hanley & McNeil (1982) standard error when it records none (a file
// written before it did, or a class of one row); accuracy, precision and
// recall with Wilson score intervals on their confusion counts. nil when
// there are no metrics.
func ValidationFigures(r *metrics.Report) []Figure {
	if r == nil {
		return nil
	}
	c := r.Confusion
	auc := hanleyMcNeil(r.ROCAUC, r.Positives, r.Negatives)
	if iv := r.ROCAUCCI; iv != nil {
		auc.Low, auc.High, auc.Method = iv.Low, iv.High, iv.Method
	}
	figs := []Figure{auc}
	for _, w := range []struct {
		name         string
		hits, trials float64
	}{
		{"accuracy", c.TP + c.TN, c.TP + c.TN + c.FP + c.FN},
		{"precision", c.TP, c.TP + c.FP},
		{"recall", c.TP, c.TP + c.FN},
	} {
		if w.trials > 0 {
			figs = append(figs, wilson(w.name, w.hits, w.trials))
		}
	}
	return figs
}

// wilson is the Wilson score interval of hits in trials.
func wilson(name string, hits, trials float64) Figure {
	p := hits / trials
	z2 := z95 * z95
	centre := (p + z2/(2*trials)) / (1 + z2/trials)
	half := z95 / (1 + z2/trials) * math.Sqrt(p*(1-p)/trials+z2/(4*trials*trials))
	return Figure{Name: name, Value: p, Low: max(centre-half, 0), High: min(centre+half, 1), Method: "Wilson",
		Of: int(math.Round(trials))}
}

// hanleyMcNeil is ROC AUC ± 1.96 × its Hanley & McNeil standard error,
// from nPos positives and nNeg negatives.
func hanleyMcNeil(auc, nPos, nNeg float64) Figure {
	q1 := auc / (2 - auc)
	q2 := 2 * auc * auc / (1 + auc)
	v := (auc*(1-auc) + (nPos-1)*(q1-auc*auc) + (nNeg-1)*(q2-auc*auc)) / (nPos * nNeg)
	se := math.Sqrt(max(v, 0))
	return Figure{Name: "ROC AUC", Value: auc, Low: max(auc-z95*se, 0), High: min(auc+z95*se, 1),
		Method: "Hanley-McNeil", Of: int(math.Round(nPos + nNeg))}
}
