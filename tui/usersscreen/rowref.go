package usersscreen

import "github.com/retainlab/retain/tui/common"

// rowRef is what separates a user's id from the rest of their title line:
// " · row 14,048 · ", or " · " with pseudonyms on, as a file sorted by id
// would give the id back from its row number (row 14,048 is customer
// 14048).
func (s Model) rowRef(row int) string {
	if s.Pseudonym.Enabled() {
		return " · "
	}
	return s.Tf(" · row %s · ", " · 第 %s 行 · ", common.Thousands(row+1))
}
