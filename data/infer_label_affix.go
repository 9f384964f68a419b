package data

import (
	"slices"
	"strings"
)

// labelWords are the outcome words a label column's name may carry with a
// prefix or suffix (labelPrefixes, labelSuffixes): is_churn, Attrition_Flag,
// Churn Value, exited_flag. They name an event or a state, never an amount:
// nouns such as purchase, conversion or response are left out because
// "purchase_value" or "conversion_value" is money, and the generic words of
// labelNames (label, target, class, y, outcome, revenue) are left out
// because "target_value" or "class_label" says nothing of an outcome.
var labelWords = []string{
	"churn", "churned", "exited", "attrition", "attrited", "purchased", "converted", "retained", "bought",
	"repurchased", "responded", "subscribed", "cancelled", "canceled", "defaulted",
}

// labelPrefixes and labelSuffixes are the affixes that turn a label word
// into a label's name, compared like labelNames (lower case, without spaces,
// '_' and '-'). The suffixes are in priority order: when a table has both
// "Churn Value" (0/1) and "Churn Label" (Yes/No), the value is the label.
// A score, probability or reason ("Churn Score", "churn_probability",
// "Churn Reason") carries none of them, so it is never taken for the label.
var (
	labelPrefixes = []string{"is", "has"}
	labelSuffixes = []string{"flag", "value", "label", "status"}
)

// affixedLabel returns the index of the first header (by affix priority:
// prefixes, then suffixes in order) that is a label word with a label
// prefix or suffix, or -1. It runs after the exact names of labelNames, so
// a plain "Churn" column still wins over "churn_flag".
func affixedLabel(header []string) int {
	names := make([]string, len(header))
	for i, h := range header {
		names[i] = normalizeName(h)
	}
	for _, p := range labelPrefixes {
		for i, n := range names {
			if w, ok := strings.CutPrefix(n, p); ok && slices.Contains(labelWords, w) {
				return i
			}
		}
	}
	for _, s := range labelSuffixes {
		for i, n := range names {
			if w, ok := strings.CutSuffix(n, s); ok && slices.Contains(labelWords, w) {
				return i
			}
		}
	}
	return -1
}
