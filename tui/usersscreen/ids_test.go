package usersscreen

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// writtenIDsCSV writes a 40-user table whose whole-number customer_id
// column holds ids a float64 does not write back: zero-padded ones
// (0000001, …, 0000067, …) and 19-digit ones past 2^53
// (2053922112303782042, …). It returns the file and the ids in file order.
func writtenIDsCSV(t *testing.T) (path string, ids []string) {
	t.Helper()
	var b strings.Builder
	b.WriteString("customer_id,visits,spend,churn\n")
	for i := range 40 {
		id := fmt.Sprintf("%07d", i*3+1)
		if i%2 == 1 {
			id = fmt.Sprint(uint64(2053922112303782042) + uint64(i/2)*7919)
		}
		ids = append(ids, id)
		churn := "no"
		if (i*31)%7 < 3 {
			churn = "yes"
		}
		fmt.Fprintf(&b, "%s,%d,%d.%02d,%s\n", id, (i*13)%30, 20+(i*17)%90, i%100, churn)
	}
	path = filepath.Join(t.TempDir(), "ids.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, ids
}

// writtenIDsScreen is the Users screen at w×h in lang over one epoch
// trained on writtenIDsCSV's table.
func writtenIDsScreen(t *testing.T, lang string, w, h int) (Model, []string) {
	t.Helper()
	path, ids := writtenIDsCSV(t)
	d, err := experiment.Load(experiment.Source{Kind: "csv", Path: path, Label: "churn"}, screentest.Open)
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs = 1
	e, err := experiment.New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Trainer.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	return shopScreen(t, common.Run{Number: 1, Exp: e, History: e.Trainer.History()}, lang, w, h), ids
}

// TestUsersShowIDsAsWritten: numeric ids were shown from their float64
// (User 2053922112303782100 for 2053922112303782042, 67 for 0000067).
// Every user is found by its id as written, its details are headed by
// it, the table lists it, and the export writes it.
func TestUsersShowIDsAsWritten(t *testing.T) {
	s, ids := writtenIDsScreen(t, "en", 160, 60)
	for _, id := range ids {
		s = selectID(t, s, id)
		screentest.MustContain(t, view(s), "User "+id+" · row ", " "+id+" ")
	}
	path := filepath.Join(t.TempDir(), "users.csv")
	s = exportTo(t, s, path)
	screentest.MustContain(t, view(s), "✓ wrote 40 users")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var exported []string
	for _, rec := range recs[1:] {
		exported = append(exported, rec[0])
	}
	slices.Sort(exported)
	if want := slices.Sorted(slices.Values(ids)); !slices.Equal(exported, want) {
		t.Errorf("exported ids %q, want the file's %q", exported, want)
	}
}

// TestGoldenUsersWrittenIDs is the Users screen over writtenIDsCSV's table
// with user 0000067 selected, in both languages at both sizes.
func TestGoldenUsersWrittenIDs(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s, _ := writtenIDsScreen(t, c.Lang, c.Width, c.Height)
		s = selectID(t, s, "0000067")
		screentest.Golden(t, s, c.Width, c.Height)
	})
}
