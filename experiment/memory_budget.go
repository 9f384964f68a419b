package experiment

// RunsToForget chooses which kept runs to forget so that they and a new
// run needing need bytes fit in budget bytes: held[i] is what run i holds,
// oldest first; the oldest go first, never the run at index keep (-1:
// none). It returns the indices to forget, oldest first (none when budget
// is not positive or everything fits).
func RunsToForget(held []float64, keep int, need, budget float64) []int {
	if budget <= 0 {
		return nil
	}
	total := 0.0
	for _, h := range held {
		total += h
	}
	var forget []int
	for i, h := range held {
		if total+need > budget && i != keep {
			total -= h
			forget = append(forget, i)
		}
	}
	return forget
}
