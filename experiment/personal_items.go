package experiment

import (
	"github.com/retainlab/retain/pseudonym"
	"github.com/retainlab/retain/recommend"
)

// PseudonymiseItems shows, under k, the item ids of res's lists as their
// pseudonyms when the log l's item ids are written like e-mail addresses
// or phone numbers (at least 9 in 10 of them: PersonalText's contact
// rule), and likewise the descriptions when l's are; it returns the
// columns so shown. Recommendations name items, not customers, so the
// rest of PersonalText does not apply to them: a catalogue's items are
// distinct by design. The customers' ids are the caller's to pseudonymise.
// A nil k or l does nothing.
func PseudonymiseItems(res *recommend.Result, l *recommend.Log, k *pseudonym.Key) []string {
	if !k.Enabled() || l == nil {
		return nil
	}
	items, descriptions := contactValues(l.Items), contactValues(l.Descriptions)
	if !items && !descriptions {
		return nil
	}
	for i := range res.Customers {
		for j := range res.Customers[i].Items {
			r := &res.Customers[i].Items[j]
			if items {
				r.ItemID = k.ID(r.ItemID)
			}
			if descriptions && r.Description != "" {
				r.Description = k.ID(r.Description)
			}
		}
	}
	var cols []string
	if items {
		cols = append(cols, l.ItemColumn)
	}
	if descriptions {
		cols = append(cols, l.DescriptionColumn)
	}
	return cols
}

// contactValues reports whether at least 9 in 10 of the distinct values
// of values that are not blank are written like e-mail addresses or phone
// numbers.
func contactValues(values []string) bool {
	levels := make(map[string]struct{}, len(values))
	for _, s := range values {
		if s != "" {
			levels[s] = struct{}{}
		}
	}
	return writtenLikeContacts(levels)
}
