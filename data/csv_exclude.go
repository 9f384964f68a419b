package data

import "strings"

// excludedColumns marks the columns of header that names (CSVOptions.Exclude)
// leaves out, matching a name as ExcludeColumns does: exactly, or failing
// that by a unique case-insensitive match. Names matching no column are
// left for ExcludeColumns to refuse.
func excludedColumns(header, names []string) []bool {
	out := make([]bool, len(header))
	for _, name := range names {
		name = strings.TrimSpace(name)
		found := -1
		for j, h := range header {
			if h == name {
				found = j
				break
			}
			if strings.EqualFold(h, name) {
				if found >= 0 {
					found = -2 // ambiguous
				} else if found == -1 {
					found = j
				}
			}
		}
		if found >= 0 {
			out[found] = true
		}
	}
	return out
}

// isExcluded reports whether column j is one CSVOptions.Exclude names.
func (p *tableParser) isExcluded(j int) bool { return j < len(p.excluded) && p.excluded[j] }
