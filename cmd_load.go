package main

import (
	"fmt"

	"github.com/retainlab/retain/experiment"
)

// load reads a source and prints its load notes on stderr, one line each:
// warnings about the input (such as order lines dated after today) and
// every column that is not used as a feature, with why.
func (a *app) load(src experiment.Source) (*experiment.Data, error) {
	d, err := experiment.Load(src, a.open)
	if err != nil {
		return nil, err
	}
	for _, n := range d.Notes() {
		fmt.Fprintln(a.stderr, n)
	}
	return d, nil
}
