package usersscreen

// SetServed says whether the screen runs in a served (SSH) session and
// where such a session's exports go ("" shows them on screen instead).
func (s *Model) SetServed(served bool, exportDir string) {
	s.served, s.exportDir = served, exportDir
}

// ScoredRun returns the number of the run whose users are shown (0: none).
func (s Model) ScoredRun() int {
	if s.list.users == nil {
		return 0
	}
	return s.list.users.run
}

// ID returns table row r's user id ("" before any users).
func (s Model) ID(r int) string {
	if s.list.users == nil || r < 0 {
		return ""
	}
	return s.list.users.id(r)
}

// Err returns why scoring the users failed (nil: it did not).
func (m ReadyMsg) Err() error { return m.err }
