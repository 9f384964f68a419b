package mapscreen

import (
	"testing"

	"github.com/retainlab/retain/tui/screentest"
)

// BenchmarkMap200x60 computes the decision map of a 200×60 screen (190 ×
// 53 cells, each a forward pass, and the users placed on it) for the
// built-in data after one epoch: the cost of each redraw while a run
// trains, paid off the UI goroutine.
//
//	go test ./tui/mapscreen -run '^$' -bench Map200x60
func BenchmarkMap200x60(b *testing.B) {
	e := screentest.Train(b, "builtin", 1, nil).Exp
	s := New(screentest.Common("en", 200, 60))
	s.SetSize(200, 60)
	if !s.setExp(e) {
		b.Fatal("no two numeric features")
	}
	req, ok := s.base(1, 0)
	if !ok {
		b.Fatal("no room for a map")
	}
	b.ReportMetric(float64(req.cols*req.rows), "cells")
	b.ResetTimer()
	for range b.N {
		if _, err := compute(e, req); err != nil {
			b.Fatal(err)
		}
	}
}
