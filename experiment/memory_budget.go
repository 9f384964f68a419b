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

// HeldMemory estimates the bytes an ended run keeps while a session keeps
// its experiment (on the Runs screen, say): its network, the optimiser's
// state and the trainer's workspaces, as NetworkNeed counts them for one
// network. It is 0 for a nil experiment or one without a network.
func (e *Experiment) HeldMemory() float64 {
	if e == nil || e.Net == nil || e.Trainer == nil {
		return 0
	}
	return e.Net.Arch.TrainingMemory(e.Trainer.Config().BatchSize, e.Config.Train.Optimizer)
}
