package common

import "strings"

// ListItems is the ids of a field that takes a list of them (the items to
// leave out), each trimmed, the empty left out. Commas and line breaks (a
// pasted column) separate them; text with neither is a list separated by
// spaces and tabs ("K11 A10", copied from a line of text). An id may hold
// a space (the online_retail log's item "BANK CHARGES"): a list with a
// comma keeps it whole, so a single such id is written with a comma after
// it ("BANK CHARGES,"), as ListText writes it.
func ListItems(text string) []string {
	var parts []string
	if strings.ContainsAny(text, ","+lineEnds) {
		parts = strings.FieldsFunc(text, func(r rune) bool { return r == ',' || strings.ContainsRune(lineEnds, r) })
	} else {
		parts = strings.Fields(text)
	}
	var ids []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			ids = append(ids, p)
		}
	}
	return ids
}

// ListText is ids as a list field is filled with them, which ListItems
// reads back as ids: joined by ", ", and a single id with a space or tab
// followed by a comma.
func ListText(ids []string) string {
	text := strings.Join(ids, ", ")
	if len(ids) == 1 && strings.ContainsAny(ids[0], " \t") {
		text += ","
	}
	return text
}
