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
// says the value is withheld instead, an order log without orders counts
// its event types without naming them when they name people
// (typesNamePeople), and a ScoreError withholds its row's id. Every other
// parse error quotes no value unless its facts are known to quote none
// (data.WithholdValues): a cell that failed to parse as a number or date
// may be an e-mail address or an id, and a label column the user chose may
// be the id column, so such errors say the kind of problem, the column and
// counts instead. The error is rewritten in place, and so is its text
// in the messages of errors that wrap it (fmt.Errorf caches them), which
// the returned error gives while unwrapping to err. Without k, err is
// returned as it is.
func WithholdCells(k *pseudonym.Key, err error) error {
	if !k.Enabled() || err == nil {
		return err
	}
	var pe *data.ParseError
	if errors.As(err, &pe) && pe.Withheld != "" && !namesNoOne(pe.Facts) {
		before := pe.Error()
		pe.Msg, pe.Withheld = pe.Withheld, ""
		switch f := pe.Facts.(type) {
		case data.NoFeatures:
			f.Withheld = true
			pe.Facts = f
		case data.NoOrders:
			f.Withheld = true
			pe.Facts = f
		case data.NotUTF8:
			f.Withheld = true
			pe.Facts = f
		case data.NULCell:
			f.Withheld = true
			pe.Facts = f
		}
		err = rewrite(err, before, pe.Error())
	} else if pe != nil {
		before := pe.Error()
		if data.WithholdValues(pe) {
			err = rewrite(err, before, pe.Error())
		}
	}
	var se *ScoreError
	if errors.As(err, &se) && !se.IDWithheld {
		before := se.Error()
		se.IDWithheld = true
		err = rewrite(err, before, se.Error())
	}
	return err
}

// namesNoOne reports whether the values an error's facts quote name no
// one: an order log's event types, unless they name people
// (typesNamePeople). Other errors with a Withheld text quote a cell that
// may name someone.
func namesNoOne(f data.Facts) bool {
	no, ok := f.(data.NoOrders)
	if !ok {
		return false
	}
	values, lines := make([]string, len(no.Events)), make([]int, len(no.Events))
	for i, e := range no.Events {
		values[i], lines[i] = e.Event, e.Lines
	}
	return !typesNamePeople(values, lines)
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
