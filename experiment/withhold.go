package experiment

import (
	"errors"
	"strings"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/pseudonym"
)

// WithholdCells returns err as it is shown under --pseudonymise (k set):
// a load or score error that quotes a cell which may name someone
// (data.ParseError.Withheld: a line refused as not text, whose cells are
// not yet read as numbers or text) names its file, line and column and
// says the value is withheld instead, and a ScoreError withholds its row's
// id; errors about cells of numbers, dates or labels, which name no one,
// keep quoting them. The error is rewritten in place, and so is its text
// in the messages of errors that wrap it (fmt.Errorf caches them), which
// the returned error gives while unwrapping to err. Without k, err is
// returned as it is.
func WithholdCells(k *pseudonym.Key, err error) error {
	if !k.Enabled() || err == nil {
		return err
	}
	var pe *data.ParseError
	if errors.As(err, &pe) && pe.Withheld != "" {
		before := pe.Error()
		pe.Msg, pe.Withheld = pe.Withheld, ""
		if f, ok := pe.Facts.(data.NoFeatures); ok {
			f.Withheld = true
			pe.Facts = f
		}
		err = rewrite(err, before, pe.Error())
	}
	var se *ScoreError
	if errors.As(err, &se) && !se.IDWithheld {
		before := se.Error()
		se.IDWithheld = true
		err = rewrite(err, before, se.Error())
	}
	return err
}

// rewrite returns err with the text before, where its message holds it,
// replaced by after.
func rewrite(err error, before, after string) error {
	msg := err.Error()
	if msg == after || !strings.Contains(msg, before) {
		return err
	}
	return &withheldError{msg: strings.ReplaceAll(msg, before, after), err: err}
}

// withheldError is an error whose message WithholdCells rewrote.
type withheldError struct {
	msg string
	err error
}

func (e *withheldError) Error() string { return e.msg }
func (e *withheldError) Unwrap() error { return e.err }
