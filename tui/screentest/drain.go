package screentest

import tea "charm.land/bubbletea/v2"

// Drain runs cmd and every Cmd the messages it yields lead to, in order and
// synchronously, as the program would: the Cmds of a tea.BatchMsg join the
// queue and every other message (nil included) goes to feed, which hands
// it to the screen under test and returns the Cmd that leads to and true,
// or returns false when the message is not the screen's. Drain returns the
// messages feed did not take, in order.
func Drain(cmd tea.Cmd, feed func(tea.Msg) (tea.Cmd, bool)) []tea.Msg {
	var left []tea.Msg
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := c()
		if batch, ok := msg.(tea.BatchMsg); ok {
			queue = append(queue, batch...)
			continue
		}
		if next, took := feed(msg); took {
			queue = append(queue, next)
		} else {
			left = append(left, msg)
		}
	}
	return left
}
