package data

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// writtenIDsCSV builds rows keyed by 19-digit ids (above 2^53, 7919 apart
// so their float64s stay distinct) and by 7-digit ids, zero-padded from
// the 51st row on except every fifth, with delim between the cells, and
// returns the file and both id columns as written.
func writtenIDsCSV(rows int, delim string) (file string, userIDs, accountIDs []string) {
	var b strings.Builder
	b.WriteString(strings.Join([]string{"user_id", "account_id", "visits", "churned"}, delim) + "\n")
	for i := range rows {
		user := fmt.Sprint(uint64(2053013555631882655) + uint64(i)*7919)
		account := fmt.Sprintf("%07d", i*3+1)
		if i < 50 || i%5 == 0 {
			// Unpadded, so blocks and stretches of rows have no zeros.
			account = fmt.Sprint(9000000 + i)
		}
		userIDs, accountIDs = append(userIDs, user), append(accountIDs, account)
		fmt.Fprintf(&b, "%s%s%s%s%d%s%d\n", user, delim, account, delim, i%17, delim, i%3%2)
	}
	return b.String(), userIDs, accountIDs
}

// TestNumericIDsAsWritten checks that whole-number ids a float64 cannot
// write back (19 digits, leading zeros) keep their text, whether the
// cells are read in the inference sample, in parsing blocks joined
// afterwards, or as a semicolon file's (decimal comma) cells.
func TestNumericIDsAsWritten(t *testing.T) {
	for _, c := range []struct {
		name, delim string
		inferRows   int
		blockSize   int
	}{
		{"sample only", ",", 1000, 1 << 20},
		{"tiny blocks", ",", 10, 64},
		{"semicolon tiny blocks", ";", 10, 64},
	} {
		t.Run(c.name, func(t *testing.T) {
			withBlockSize(t, c.blockSize)
			in, users, accounts := writtenIDsCSV(300, c.delim)
			tab, err := ReadCSV(strings.NewReader(in), "ids.csv", CSVOptions{Label: "churned", InferRows: c.inferRows})
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []struct {
				column string
				ids    []string
			}{{"user_id", users}, {"account_id", accounts}} {
				col := tab.Column(want.column)
				if col == nil || col.Kind != ID {
					t.Fatalf("%s: %+v, want an ID column", want.column, col)
				}
				if !slices.Equal(col.Strings, want.ids) {
					i := slices.IndexFunc(want.ids, func(s string) bool { return !slices.Contains(col.Strings, s) })
					t.Errorf("%s: ids differ from the file's; first missing %d: %q", want.column, i, want.ids[max(i, 0)])
				}
			}
			if got := tab.IDs(); !slices.Equal(got, users) {
				t.Errorf("IDs() = %q…, want the user_id cells %q…", got[:2], users[:2])
			}
		})
	}
}

// TestPlainNumericIDsUnchanged checks that ids a float64 writes back as
// they were keep their text and that a numeric feature column with
// zero-padded cells still holds their numbers.
func TestPlainNumericIDsUnchanged(t *testing.T) {
	in := "customer_id,code,churned\n"
	var want []string
	for i := range 30 {
		id := fmt.Sprint(15565701 + i*13)
		want = append(want, id)
		in += fmt.Sprintf("%s,%03d,%d\n", id, i%4, i%2)
	}
	tab, err := ReadCSV(strings.NewReader(in), "plain.csv", CSVOptions{Label: "churned"})
	if err != nil {
		t.Fatal(err)
	}
	if got := tab.IDs(); !slices.Equal(got, want) {
		t.Errorf("IDs() = %q, want %q", got, want)
	}
	code := tab.Column("code")
	if code.Kind != Numeric || code.Strings != nil || !slices.Equal(code.Values[:5], []float64{0, 1, 2, 3, 0}) {
		t.Errorf("code: kind %v, strings %q, values %v; want numeric 0 1 2 3 0 …", code.Kind, code.Strings, code.Values[:5])
	}
}

func TestLostText(t *testing.T) {
	for _, c := range []struct {
		text  string
		zeros int
		whole bool
	}{
		{"2058466726881502778", 0, true}, // no float64: writes back as …700
		{"9007199254740993", 0, true},    // 2^53+1: writes back as …992
		{"1234567890123456", 0, true},    // 16 digits: kept though exact
		{"0000000000000067", 0, true},    // 16 digits
		{"123456789012345", 0, false},    // 15 digits: exact
		{"0003676", 3, false},            // writes back as 3676
		{"-007", 2, false},               // writes back as -7
		{"00", 1, false},                 // writes back as 0
		{"+42", 0, true},                 // writes back as 42
		{"0", 0, false},
		{"-5", 0, false},
		{"15634602", 0, false},
		{"0.5", 0, false}, // not a whole number
		{"00012.50", 0, false},
		{"1e19", 0, false},
		{"", 0, false},
		{"-", 0, false},
	} {
		if zeros, whole := lostText([]byte(c.text)); zeros != c.zeros || whole != c.whole {
			t.Errorf("lostText(%q) = %d, %v; want %d, %v", c.text, zeros, whole, c.zeros, c.whole)
		}
		if (c.zeros > 0 || c.whole) && !mayLoseText([]byte(c.text)) {
			t.Errorf("mayLoseText(%q) = false for a cell lostText keeps", c.text)
		}
	}
}
