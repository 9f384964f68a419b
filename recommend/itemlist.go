package recommend

import (
	"slices"
	"strings"
)

// itemListBreaks separate the ids of a list of items besides commas: the
// line breaks of a pasted column (LF, CR, and the Unicode line and
// paragraph separators).
const itemListBreaks = "\r\n\u2028\u2029"

// SplitItemList is the ids of a list of items as a person writes one,
// each trimmed, the empty left out. Commas and line breaks (a pasted
// column) separate them; text with neither is a list separated by spaces
// and tabs ("POST M", copied from a line of text). An id with a space in
// it (the online_retail log's item "BANK CHARGES") is kept whole in a list
// with a comma ("BANK CHARGES, POST", or "BANK CHARGES," alone); ItemList
// also keeps it whole written alone.
func SplitItemList(text string) []string {
	var parts []string
	if strings.ContainsAny(text, ","+itemListBreaks) {
		parts = strings.FieldsFunc(text, func(r rune) bool { return r == ',' || strings.ContainsRune(itemListBreaks, r) })
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

// ItemList is the ids of a list of items to leave out, as recommend
// --exclude-items and the Recommend screen's leave-out field both read
// it: SplitItemList, except that text that is, trimmed, as a whole one of
// items (the log's) is that item, not several ids ("BANK CHARGES").
func ItemList(text string, items []string) []string {
	ids := SplitItemList(text)
	if whole := strings.TrimSpace(text); len(ids) > 1 && slices.Contains(items, whole) {
		return []string{whole}
	}
	return ids
}

// ItemListWatch is the ids an order log read for ItemList(text, …) looks
// out for on the lines it leaves out (data.LogOptions.WatchItems), before
// its items are known: those of SplitItemList and, when it splits the
// text in several, the whole text.
func ItemListWatch(text string) []string {
	ids := SplitItemList(text)
	if len(ids) > 1 {
		ids = append(ids, strings.TrimSpace(text))
	}
	return ids
}
