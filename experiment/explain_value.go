package experiment

import (
	"fmt"
	"strings"
)

// ValueWant says what a column's value must be.
type ValueWant int

// What a what-if value must be.
const (
	WantNumber  ValueWant = iota // a finite number
	WantDate                     // a date the column reads
	WantLevel                    // one of Levels
	WantBoolean                  // one of the two spellings in Levels, or 0/1
)

// ValueError is a value Explainer.Set cannot give a column: Value is what
// was typed, Levels the column's levels (WantLevel, WantBoolean) and Err
// the date parser's reason (WantDate). The TUI words it in either
// language from these fields.
type ValueError struct {
	Column, Value string
	Want          ValueWant
	Levels        []string
	Err           error
}

// Error is the refusal in English.
func (e *ValueError) Error() string {
	switch e.Want {
	case WantLevel:
		return fmt.Sprintf("%s has no level %q (levels: %s)", e.Column, e.Value, strings.Join(e.Levels, ", "))
	case WantBoolean:
		return fmt.Sprintf("%s takes %s", e.Column, strings.Join(e.Levels, " or "))
	case WantDate:
		return e.Err.Error()
	}
	return fmt.Sprintf("%s needs a number, got %q", e.Column, e.Value)
}

// Unwrap returns the date parser's reason, if any.
func (e *ValueError) Unwrap() error { return e.Err }
