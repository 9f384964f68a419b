package datascreen

import (
	"testing"

	"github.com/retainlab/retain/tui/common"
)

// TestEncodedColumnsPlural: a one-hot encoding into one column said "1
// columns".
func TestEncodedColumnsPlural(t *testing.T) {
	s := New(common.New("en"))
	if got := s.columns(1); got != "1 column" {
		t.Errorf("columns(1) = %q", got)
	}
	if got := s.columns(3); got != "3 columns" {
		t.Errorf("columns(3) = %q", got)
	}
	if got := New(common.New("zh")).columns(1); got != "1 列" {
		t.Errorf("zh columns(1) = %q", got)
	}
}
