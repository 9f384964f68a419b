package engine

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// Dataset is a design matrix X (Rows×Cols) with targets Y (Rows×Outs), both
// row-major and contiguous.
type Dataset struct {
	X, Y             []float64
	Rows, Cols, Outs int
}

// NewDataset checks shapes and finiteness and returns a Dataset over x and y.
// It shares their memory when they are contiguous *mat.Dense values.
func NewDataset(x, y mat.Matrix) (Dataset, error) {
	r, c := x.Dims()
	yr, yc := y.Dims()
	if r != yr {
		return Dataset{}, fmt.Errorf("%w: X has %d rows, Y has %d", ErrShape, r, yr)
	}
	return DatasetFromFlat(denseData(x), denseData(y), r, c, yc)
}

// DatasetFromFlat wraps row-major slices, checking their lengths and that
// every value is finite.
func DatasetFromFlat(x, y []float64, rows, cols, outs int) (Dataset, error) {
	if len(x) != rows*cols || len(y) != rows*outs {
		return Dataset{}, fmt.Errorf("%w: %d rows need %d inputs and %d targets, got %d and %d",
			ErrShape, rows, rows*cols, rows*outs, len(x), len(y))
	}
	for i, v := range x {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return Dataset{}, fmt.Errorf("%w: X row %d column %d is %v", ErrNotFinite, i/cols+1, i%cols+1, v)
		}
	}
	for i, v := range y {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return Dataset{}, fmt.Errorf("%w: Y row %d is %v", ErrNotFinite, i/outs+1, v)
		}
	}
	return Dataset{X: x, Y: y, Rows: rows, Cols: cols, Outs: outs}, nil
}
