package anomaly

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
)

// ringTable is a seeded table of sessions like review 28's Online Shoppers
// case: pages and seconds on them rise together (seconds ≈ 30 per page), a
// rare legitimate segment (1 % of users on channel "partner", with their
// own browser code), and a ring of bots at the end: many pages in 0
// seconds, every other column ordinary.
func ringTable(tb testing.TB, users, bots int, seed uint64) *data.Table {
	tb.Helper()
	rng := rand.New(rand.NewPCG(seed, 17))
	var b strings.Builder
	b.WriteString("user_id,visits,pages,seconds,spend,channel,browser\n")
	for i := range users + bots {
		visits := 1 + rng.IntN(8)
		pages := max(1, int(float64(visits)*(2+4*rng.Float64())))
		seconds := float64(pages) * 30 * math.Exp(0.5*rng.NormFloat64())
		spend := math.Round(100*rng.ExpFloat64()*20) / 100
		channel, browser := "web", 1+rng.IntN(4)
		if rng.Float64() < 0.4 {
			channel = "app"
		}
		if i%100 == 7 {
			channel, browser = "partner", 13
		}
		if i >= users {
			// A bot: many pages, no time on them.
			pages, seconds = 120+rng.IntN(60), 0
		}
		fmt.Fprintf(&b, "u%04d,%d,%d,%.1f,%.2f,%s,%d\n", i, visits, pages, seconds, spend, channel, browser)
	}
	tab, err := data.ReadCSV(strings.NewReader(b.String()), "ring.csv", data.CSVOptions{NoLabel: true})
	if err != nil {
		tb.Fatal(err)
	}
	return tab
}

// TestCoordinatedRingRanksFirst plants a ring of 8 bots (many pages in 0
// seconds) among 1,500 users with a rare legitimate segment of 15 and
// checks that the 8 are the first 8 of the ranking and that a bot's first
// reason names the two columns that disagree (and no later reason repeats
// its first column). Before the joint component
// and the 0/1 inputs' rarity scale (review 28, finding 2) the segment's
// rare channel level weighed about 1/p in the score and led the ranking,
// and the bots' pages and seconds, seen as ranks, counted as two ordinary
// errors: the bots ranked below the segment.
func TestCoordinatedRingRanksFirst(t *testing.T) {
	const users, bots = 1500, 8
	tab := ringTable(t, users, bots, 3)
	_, res := trainAndFinish(t, tab, Options{})
	for _, row := range res.Order[:12] {
		t.Logf("rank %d %s score %.3f joint %.1f %v", res.Rank[row], res.IDs[row], res.Score[row], res.Joint[row], res.Reasons(row, 2))
	}
	for row := users; row < users+bots; row++ {
		if res.Rank[row] > bots {
			t.Errorf("bot %s ranks %d, want within the first %d", res.IDs[row], res.Rank[row], bots)
		}
	}
	first := res.Reasons(users, 1)[0]
	if first.Pair == nil || first.Column != "pages" || first.Pair.Column != "seconds" {
		t.Errorf("bot's first reason %q, want pages with seconds", first.String())
	}
	for _, r := range res.Reasons(users, DefaultReasons)[1:] {
		if r.Column == "pages" {
			t.Errorf("bot's reasons repeat the pair's column: %v", res.Reasons(users, DefaultReasons))
		}
	}
	if want := "pages "; !strings.HasPrefix(first.String(), want) || !strings.Contains(first.String(), "with seconds 0, columns that rise together") {
		t.Errorf("bot's first reason reads %q", first.String())
	}
}
