package data

import (
	"fmt"
	"slices"
	"strings"
)

// caseLevelsNote says which levels of a categorical feature column differ
// only in case ("Male", "male", "MALE"; cells are trimmed, so never in
// surrounding spaces): they are kept apart, each an input of its own, as
// the model file, predict and the SQL export read them (a cell matches its
// level exactly). "" when no two levels fold together.
func caseLevelsNote(source string, c *Column) string {
	if c.Kind != Categorical || !c.IsFeature() {
		return ""
	}
	groups := map[string][]string{}
	var keys []string
	for _, l := range c.Levels {
		k := strings.ToLower(l)
		if groups[k] == nil {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], l)
	}
	var parts []string
	for _, k := range keys {
		if g := groups[k]; len(g) > 1 {
			slices.Sort(g)
			parts = append(parts, quoteAnd(g))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return fmt.Sprintf("%s: column %q: levels that differ only in case are kept apart, each an input of its own: %s",
		source, c.Name, strings.Join(parts, "; "))
}

// quoteAnd quotes words and joins them: "a" and "b"; "a", "b" and "c".
func quoteAnd(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = fmt.Sprintf("%q", w)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}
