package data

import (
	"slices"
	"testing"
)

// TestShopAbusersLeaveNormalUsersAlone checks that planting replaces only
// the chosen users: every other row equals GenerateShop's, and share 0
// plants nobody.
func TestShopAbusersLeaveNormalUsersAlone(t *testing.T) {
	plain, _ := GenerateShop(20000, 3)
	planted, err := GenerateShopWithAbusers(20000, 3, 0.01)
	if err != nil {
		t.Fatal(err)
	}
	flag := planted.Table.Column(AbuserColumnName).Values
	kind := planted.Table.Column(ArchetypeColumnName).Strings
	n := 0
	for i := range flag {
		if flag[i] == 1 {
			n++
			if kind[i] == NormalArchetype {
				t.Fatalf("row %d is flagged but its archetype is normal", i)
			}
			continue
		}
		for j, c := range plain.Table.Columns[1:] {
			if planted.Table.Columns[1+j].Values[i] != c.Values[i] {
				t.Fatalf("normal row %d column %s changed", i, c.Name)
			}
		}
	}
	// 1 % of 20,000 is 200; a binomial draw lies within ±4.5 sd (±63) of it.
	if n < 137 || n > 263 {
		t.Errorf("%d abusers planted among 20000 at 1 %%", n)
	}
	none, _ := GenerateShopWithAbusers(5000, 3, 0)
	if slices.Contains(none.Table.Column(AbuserColumnName).Values, 1) {
		t.Error("share 0 planted an abuser")
	}
	if _, err := GenerateShopWithAbusers(10, 1, 1.5); err == nil {
		t.Error("share 1.5 was accepted")
	}
}

// TestShopAbusersOverlapEveryColumn is the "no one-column rule" property.
// For each archetype and each feature column, let m be the archetype's
// median and M the normal users' median; the normal users at or beyond m
// (x ≥ m when m ≥ M, x ≤ m otherwise) must be at least one in 500 of the
// normal users (and at least 5). At 1 % planted an archetype is about 1 in
// 300 users, so a threshold on that column that flags half of the archetype
// (1 in 600) flags at least 1 in 500 normal users too: its precision is at
// most (1/600)/(1/600 + 1/500) ≈ 0.45, far below issue 16's 0.90.
func TestShopAbusersOverlapEveryColumn(t *testing.T) {
	for _, c := range []struct {
		users int
		seed  uint64
	}{{5000, 0}, {5000, 11}, {200000, 0}} {
		users := c.users
		shop, err := GenerateShopWithAbusers(users, c.seed, 0.01)
		if err != nil {
			t.Fatal(err)
		}
		tab := shop.Table
		kind := tab.Column(ArchetypeColumnName).Strings
		planted := 0
		for _, k := range kind {
			if k != NormalArchetype {
				planted++
			}
		}
		for _, arch := range Archetypes() {
			for _, name := range ShopFeatureNames() {
				col := tab.Column(name).Values
				var normal, abusers []float64
				for i, k := range kind {
					switch k {
					case NormalArchetype:
						normal = append(normal, col[i])
					case arch:
						abusers = append(abusers, col[i])
					}
				}
				m, M := Median(abusers), Median(normal)
				beyond := 0
				for _, v := range normal {
					if (m >= M && v >= m) || (m < M && v <= m) {
						beyond++
					}
				}
				if want := max(5, len(normal)/500); beyond < want {
					t.Errorf("%d users, %s, %s: median %g (normal %g): only %d normal users at or beyond it, want ≥ %d",
						users, arch, name, m, M, beyond, want)
				}
			}
		}
	}
}
