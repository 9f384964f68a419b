package common

import "strings"

// ListText is ids as a list field is filled with them, which
// recommend.ItemList reads back as ids: joined by ", ", and a single id
// with a space or tab followed by a comma.
func ListText(ids []string) string {
	text := strings.Join(ids, ", ")
	if len(ids) == 1 && strings.ContainsAny(ids[0], " \t") {
		text += ","
	}
	return text
}
