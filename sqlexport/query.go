package sqlexport

import (
	"io"
	"strings"
)

// query is a WITH list of common table expressions and a final SELECT.
type query struct {
	names, bodies []string
	// hint precedes each CTE's body (Dialect.materialized) and tail
	// follows it (Dialect.unmerged).
	hint, tail string
}

// cte appends one common table expression.
func (q *query) cte(name, body string) {
	q.names = append(q.names, name)
	q.bodies = append(q.bodies, body)
}

// write prints the statement, the CTEs in order, then final and a ";".
func (q *query) write(w io.Writer, header, final string) error {
	var b strings.Builder
	b.WriteString(header)
	for i, name := range q.names {
		if i == 0 {
			b.WriteString("WITH ")
		} else {
			b.WriteString(",\n")
		}
		b.WriteString(name + " AS " + q.hint + "(\n  " + q.bodies[i] + q.tail + "\n)")
	}
	b.WriteString("\n" + final + ";\n")
	_, err := io.WriteString(w, b.String())
	return err
}
