package data

// Quoting is a field whose quotes are malformed (ErrSyntax): a quoted
// field never closed before the end of the file (Unclosed), or the byte
// After that follows a field's closing quote where a delimiter or the
// end of the line should.
type Quoting struct {
	Unclosed bool
	After    byte
}

func (Quoting) parseFacts() {}

// quoting marks pe's message with its Quoting facts.
func quoting(pe *ParseError, q Quoting) *ParseError {
	pe.Facts = q
	return pe
}
