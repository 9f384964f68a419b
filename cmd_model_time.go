package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// sourceDateEpoch is the environment variable of the reproducible-builds
// convention (https://reproducible-builds.org/specs/source-date-epoch/):
// when set, a model file's created_at is that time instead of the clock's,
// so that the same data, settings and seed give byte-identical files.
const sourceDateEpoch = "SOURCE_DATE_EPOCH"

// modelTime returns the created_at a model file written now records, in
// RFC 3339 UTC: SOURCE_DATE_EPOCH's when it is set (a whole number of
// seconds since 1970-01-01 UTC), else the clock's. A malformed value is a
// usage error naming the variable.
func modelTime(a *app) (string, error) {
	v := a.env(sourceDateEpoch)
	if v == "" {
		return time.Now().UTC().Format(time.RFC3339), nil
	}
	n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil || n < 0 || n > 253402300799 { // 9999-12-31T23:59:59Z, RFC 3339's last second
		return "", usageError(fmt.Errorf("%s=%q: want a whole number of seconds since 1970-01-01 UTC, from 0 to 253402300799", sourceDateEpoch, v))
	}
	return time.Unix(n, 0).UTC().Format(time.RFC3339), nil
}
