package common

// ModelValueNote says what "(model: …)" after a user's value is, where a
// screen shows one: the end of the range the model keeps, which the model
// counts a value beyond it as. The range is not the training data's own
// minimum and maximum (a privacy bound), so even a value seen in training
// can lie beyond it, which the bare "(model: 0.9)" after a 0 does not say.
func (c Common) ModelValueNote() string {
	return c.T("(model: …): the value lies beyond the range the model keeps, so the model counts it as the range's end; the ends are means of the 10th–19th most extreme training values (for privacy), so even a value seen in training can lie beyond them.",
		"（模型按 …）：该值超出模型保留的范围，模型按范围的端点计算；端点是第 10 到第 19 个最极端训练值的均值（出于隐私），所以即使训练中出现过的值也可能超出范围。")
}
