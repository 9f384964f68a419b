package main

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// withLabelColumn is b reading its label from the column named label
// ("": reading no label at all); b itself is left as it is.
func withLabelColumn(b *experiment.Bundle, label string) *experiment.Bundle {
	p := *b.Pipeline
	p.Label.Name = label
	out := *b
	out.Pipeline = &p
	return &out
}

// scoreIgnoringLabel scores raw rows of name whose label column holds
// values other than the model's classes: predict needs no label, so the
// rows are scored without it and a note on stderr counts the cells that
// were not read as labels, from first, the error that found the first.
func scoreIgnoringLabel(a *app, b *experiment.Bundle, raw []byte, name string, first error) (*experiment.Scored, error) {
	s, err := withLabelColumn(b, "").ScoreCSV(bytes.NewReader(raw), name)
	if err != nil {
		return nil, err
	}
	where := ""
	var pe *data.ParseError
	if errors.As(first, &pe) && pe.Line > 0 {
		where = fmt.Sprintf(", the first at %s:%d:%d", name, pe.Line, pe.Column)
	}
	cells := "cells"
	n, err := b.Pipeline.CountLabelMisfits(bytes.NewReader(raw), name)
	if err != nil {
		n = 0 // the count is left out of the note
	}
	count := "some " + cells
	if n > 0 {
		if n == 1 {
			cells = "cell"
		}
		count = data.Thousands(n) + " " + cells
	}
	fmt.Fprintf(a.stderr, "note: %s: label column %q holds values other than %q and %q (%s%s): predict does not need the label, and did not read it\n",
		name, b.Label.Name, b.Label.Positive, b.Label.Negative, count, where)
	return s, nil
}
