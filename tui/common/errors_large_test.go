package common

import (
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
)

// TestErrorTextWordsTooLargeInChinese: an order log's amount, or price
// times quantity, past 2^53 (refused since such amounts summed to +Inf) is
// said in Chinese from its facts; English keeps data's message.
func TestErrorTextWordsTooLargeInChinese(t *testing.T) {
	read := func(text string) error {
		_, err := data.ReadOrderLog(strings.NewReader(text), "o.csv", data.LogOptions{})
		if err == nil {
			t.Fatal("read without error")
		}
		return err
	}
	for _, c := range []struct {
		err    error
		en, zh string
	}{
		{read("customer_id,date,amount\nc1,2024-01-05,3\nc2,2024-01-06,1e308\n"),
			`o.csv:3:3: amount "1e308" is too large: numbers beyond ±9,007,199,254,740,992 (2^53) cannot be added up exactly`,
			`o.csv:3:3：数值太大（金额列的 "1e308" 太大：绝对值超过 9,007,199,254,740,992（2^53）的数无法精确相加）`},
		{read("customer_id,date,quantity,price\nc1,2024-01-05,1e9,1e9\n"),
			`o.csv:2:4: price "1e9" times quantity "1e9" is too large: numbers beyond ±9,007,199,254,740,992 (2^53) cannot be added up exactly`,
			`o.csv:2:4：数值太大（单价 "1e9" 乘以数量 "1e9" 太大：绝对值超过 9,007,199,254,740,992（2^53）的数无法精确相加）`},
	} {
		checkErrorText(t, c.err, c.en, c.zh)
	}
}
