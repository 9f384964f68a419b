package data

import "strings"

// Names recognised loosely when no header name is one of roleNames': a
// customer column is named with a customer word and ends like an id
// ("household_key", "cust_nbr"; not "custom_field_id"); a date column
// contains "date", "datum" or "timestamp" or ends in "dt"
// ("TRANSACTION_DT", "Bestelldatum"), unless it names a date that is not
// the order's (birth, shipping, delivery, sign-up, …).
var (
	customerWords  = []string{"customer", "cust", "user", "client", "member", "household", "shopper", "buyer", "consumer", "account", "patron", "subscriber", "用户", "客户", "会员", "买家", "顾客"}
	idEndings      = []string{"id", "key", "no", "nbr", "num", "number", "identifier", "uuid", "guid", "编号", "号"}
	notCustomerIDs = []string{"zip", "post", "phone", "mobile", "email", "mail", "name", "city", "state", "country", "region", "type", "segment", "group", "age", "gender", "card", "bank"}
	notOrderDates  = []string{"birth", "dob", "ship", "deliver", "due", "expir", "return", "refund", "cancel", "estimat", "signup", "register", "registration", "created", "updated", "modified", "first", "last", "zone",
		"生日", "出生", "发货", "送达", "注册", "退"}
)

// looseRoles fills the customer and date roles, when the header names
// matched none, from columns named loosely like them (the first in header
// order). The columns read are said in OrderLog.RolesNote.
func looseRoles(header []string, used []bool, roles *logRoles) {
	if roles.customer < 0 {
		roles.customer = firstUnused(header, used, looseCustomer)
	}
	if roles.time < 0 {
		roles.time = firstUnused(header, used, looseDate)
	}
}

func firstUnused(header []string, used []bool, like func(key string) bool) int {
	for i, h := range header {
		if !used[i] && like(roleKey(h)) {
			used[i] = true
			return i
		}
	}
	return -1
}

// looseCustomer reports whether a header key names a customer id loosely.
func looseCustomer(key string) bool {
	if strings.Contains(key, "custom") && !strings.Contains(key, "customer") {
		return false // a custom field, not a customer
	}
	return containsAny(key, customerWords) && endsWithAny(key, idEndings) && !containsAny(key, notCustomerIDs)
}

// looseDate reports whether a header key names an order's date loosely.
func looseDate(key string) bool {
	// Not any name ending in "time": a time of day (dunnhumby's
	// TRANS_TIME, 1919) is no date.
	dateLike := strings.Contains(key, "date") || strings.Contains(key, "datum") || strings.Contains(key, "timestamp") ||
		strings.HasSuffix(key, "dt") ||
		strings.Contains(key, "日期") || strings.Contains(key, "时间")
	// A column of day numbers named as one (dunnhumby's DAY) is read as
	// days (dateParser.dayNumbers).
	dayNumber := key == "day" || key == "dayno" || key == "daynumber" || key == "dayindex" || key == "daynum"
	return dayNumber || dateLike && !containsAny(key, notOrderDates)
}

func containsAny(key string, words []string) bool {
	for _, w := range words {
		if strings.Contains(key, w) {
			return true
		}
	}
	return false
}

func endsWithAny(key string, endings []string) bool {
	for _, e := range endings {
		if strings.HasSuffix(key, e) {
			return true
		}
	}
	return false
}
