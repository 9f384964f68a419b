package anomaly

import (
	"context"
	"testing"

	"github.com/retainlab/retain/data"
)

// trainAndFinish prepares a run of t with opts, trains every member and
// scores every row.
func trainAndFinish(tb testing.TB, t *data.Table, opts Options) (*Run, *Result) {
	tb.Helper()
	run, err := Prepare(t, opts)
	if err != nil {
		tb.Fatal(err)
	}
	if err := run.Train(context.Background()); err != nil {
		tb.Fatal(err)
	}
	res, err := run.Finish(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	return run, res
}
