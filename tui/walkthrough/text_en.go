package walkthrough

// textEN is the English text of every page element.
var textEN = map[string]string{
	// Header.
	"hdr.position": "user %s · step %d of %d",
	"hdr.layer":    "layer %d of %d",
	"hdr.neuron":   "neuron %d of %d",
	"hdr.weight":   "weight %d of %d",
	"hdr.more":     "more",

	// The phase each page belongs to, named, not numbered: the header's
	// "step 4 of 15" is the only numbering on the screen.
	"phase.collect":  "Collecting the data",
	"phase.prepare":  "Preparing the data",
	"phase.forward":  "Training · the forward pass",
	"phase.loss":     "Training · measuring the error",
	"phase.backward": "Training · backpropagation",
	"phase.update":   "Training · updating a weight",
	"phase.iterate":  "Training · and again",

	// Table headings and small words.
	"col.column":    "column",
	"col.kind":      "kind",
	"col.value":     "value",
	"col.input":     "input",
	"col.raw":       "raw",
	"col.rule":      "how it was scaled",
	"col.product":   "product",
	"col.user":      "user",
	"col.weight":    "weight",
	"kind.date":     "date",
	"kind.numeric":  "number",
	"kind.boolean":  "yes/no",
	"kind.category": "category",
	"missing":       "missing",
	"bias":          "plus the bias",
	"shape":         "(%s is a %d×%d matrix)",
	"sum.rest":      "… and %d smaller terms, which add up to %s",
	"sum.largest":   "(the %d largest of %d terms are listed, in order)",

	// Figures beside the text.
	"fig.rows":   "rows %d–%d/%d",
	"fig.cols":   "cols %d–%d/%d",
	"fig.x":      "x: the inputs, largest first",
	"fig.z":      "%s per neuron, largest first",
	"fig.z.relu": "%s per neuron; ReLU zeroes the left side",
	"fig.neuron": "neuron %d",
	"fig.more":   "… %d more with smaller |value|",
	"fig.none":   "no values",
	"fig.small":  "enlarge to see the bars",

	// Step 1: the raw user.
	"raw.title":    "The user, as the shop recorded them",
	"raw.body":     "Here is user %s exactly as the data holds them, in everyday units. The network cannot read a table like this; the next step turns it into a list of numbers on comparable scales.",
	"raw.textbook": "This is the built-in teaching example: 100 users, ten behaviour features each, and one question — will this user buy within the next 30 days?",
	"raw.label":    "What actually happened (the label, which the network never gets as an input): %s = %s.",

	// Step 2: the input vector x.
	"input.title":        "From raw values to the input vector x",
	"input.body":         "A weight can only be learned sensibly when the inputs have similar ranges, so each column is rescaled with statistics from the training users alone, and each category becomes one 0/1 entry per level. The result is x, a vector of %d numbers.",
	"input.num.plain":    "Numbers: %s.",
	"input.num.log.all":  "Numbers: every numeric column first goes through ln(1+v), then %s.",
	"input.num.log.some": "Numbers: %s first go through ln(1+v), then %s. The other numeric columns get %s.",
	"input.cols.many":    "%d long-tailed columns",
	"list.and":           " and ",
	"list.sep":           ", ",
	"input.date":         "A date counts as its day number, the days since 1970-01-01. The network gets d, the days before the column's latest training date: the mean of its 10th to 19th latest dates (no single user's), so possibly a fraction of a day. From there d is a number like any other.",
	"input.log":          "Counts, money and day counts in a shop are long-tailed: a few users have hundreds of sessions. Columns whose lower bound (the clipping below) is not negative therefore first go through ln(1+v), so that 0 stays 0 and the tail is pulled in, and only then are they rescaled.",
	"input.fit":          "Using only training users for these statistics keeps the evaluation honest: nothing about the held-out users leaks into the model.",
	"scale.minmax":       "min–max scaling, (v − min) / (max − min), which puts the training range on [0, 1]; min and max are the means of the 10th to 19th smallest and largest training values (no single user's), and values beyond them are clipped to them ([v→bound])",
	"scale.minmax.log":   "min–max scaling of the result, (ln(1+v) − min) / (max − min), with the min and max of ln(1+v) over the training users, which puts their range on [0, 1]; min and max come from the means of the 10th to 19th smallest and largest training values (no single user's), and values beyond them are clipped to them ([v→bound])",
	"scale.zscore":       "standardisation, (v − mean) / standard deviation, with the mean and standard deviation of the training users' clipped values; values beyond the means of the 10th to 19th smallest and largest training values (no single user's) are clipped to them first ([v→bound])",
	"scale.zscore.log":   "standardisation of the result, (ln(1+v) − mean) / standard deviation, with the mean and standard deviation of ln(1+v) over the training users; values beyond the means of the 10th to 19th smallest and largest training values (no single user's) are clipped to them before ln(1+v) ([v→bound])",
	"scale.robust":       "robust scaling, (v − median) / interquartile range, with the median and quartiles of the training users' clipped values; values beyond the means of the 10th to 19th smallest and largest training values (no single user's) are clipped to them first ([v→bound])",
	"scale.robust.log":   "robust scaling of the result, (ln(1+v) − median) / interquartile range, with the median and quartiles of ln(1+v) over the training users; values beyond the means of the 10th to 19th smallest and largest training values (no single user's) are clipped to them before ln(1+v) ([v→bound])",
	"scale.none":         "no rescaling, values stay in their units, but values beyond the means of the 10th to 19th smallest and largest training values (no single user's) are clipped to them ([v→bound])",
	"rule.indicator":     "1 if the value was missing",
	"rule.onehot":        "1 if the value is %s",
	"rule.filled":        "missing → %s",
	"rule.boolean":       "%s → 1, %s → 0",
	"rule.date":          "d = %s − %s = %s days",
	"rule.asis":          "kept as it is",

	// Steps 3…: the weighted sum of a layer.
	"affine.title":    "Layer %d: the weighted sum %s",
	"affine.body.one": "The output layer has a single neuron, which multiplies each of its %d inputs by its weight (the only row of %s) and adds up the products and the bias. Here is that sum worked out with %s, one product per line.",
	"affine.body":     "Each of the %d neurons in this layer reads all %d inputs, multiplies each by a weight of its own, adds the products up and adds a bias. Below, neuron %d is worked out: its row of %s times %s, one product per line.",

	// The activation of a hidden layer.
	"act.title":      "Layer %d: the activation %s",
	"act.relu":       "ReLU passes a positive sum through unchanged and replaces a negative one with 0, so each neuron either fires or stays silent for this user. Without such a bend, stacking layers would add nothing: a chain of weighted sums is still just one weighted sum.",
	"act.leaky_relu": "Leaky ReLU passes a positive sum through and shrinks a negative one to a hundredth of its size, so a neuron is never completely silent and can always learn.",
	"act.tanh":       "tanh squeezes every sum into the range −1 to 1: large sums saturate near ±1, small ones pass almost unchanged.",
	"act.sigmoid":    "The sigmoid squeezes every sum into the range 0 to 1: very negative sums give almost 0, very positive ones almost 1.",
	"act.linear":     "This layer has no activation: its output equals its weighted sum.",
	"act.all":        "every neuron of layer %d: z → a",
	"act.active":     "%d of the %d neurons fire for this user (a > 0); the silent ones contribute nothing to the next layer.",

	// The output.
	"out.title":              "The output: a probability",
	"out.body":               "The last layer has a single neuron. The sigmoid σ maps its sum to a number between 0 and 1, which we read as the network's estimate of the probability that %s = %s.",
	"out.body.linear":        "The last layer is linear: its weighted sum is the prediction itself.",
	"out.notation":           "(the output neuron applies the sigmoid to its sum z_out, here %s; the prediction is written ŷ because y stands for the true label)",
	"out.prob":               "P(%s)",
	"out.threshold":          "At the threshold %s, the one the Evaluate and Users screens judge at:",
	"out.predicts":           "%s, so the prediction is: %s.",
	"out.truth":              "The label is y = %s (%s).",
	"out.right":              "correct",
	"out.wrong":              "wrong",
	"out.uncalibrated":       "ŷ is the network's own output. The run does not calibrate it, so ŷ is also the probability P(%s) the Users, Evaluate and Plan screens show for this user, and the one the decision below is made on.",
	"out.calibrated":         "ŷ is the network's own output. The run reports it only after calibrating it with %s, fitted on %s: for this user that gives P(%s) = %s, the probability the Users, Evaluate and Plan screens show, and the one the decision below is made on.",
	"calib.part.calib":       "the %s calibration users, whom neither gradient descent nor early stopping used",
	"calib.part.val.watched": "the %s validation users, whom gradient descent never trained on but whose loss %s watched",
	"calib.part.val":         "the %s validation users, whom training never used",
	"calib.part.other":       "%s users held out from training",
	"watch.es":               "early stopping",
	"watch.plateau":          "the learning-rate schedule",
	"watch.both":             "early stopping and the learning-rate schedule",
	"calib.platt":            "Platt scaling",
	"calib.isotonic":         "isotonic regression",
	"out.next":               "That was the whole forward pass. Next: how training would change the weights so that predictions like this one get better.",

	// The loss of a mini-batch.
	"loss.title":      "Training: the loss of a mini-batch of %d users",
	"loss.body":       "Training never adjusts the weights for one user alone: it takes a mini-batch of %d users (this user plus %d others), runs the forward pass for each and scores every prediction with the binary cross-entropy ℓ, where confidently wrong costs a lot and confidently right almost nothing.",
	"loss.title.demo": "Training: the loss of a mini-batch of %d users (the run used %d)",
	"loss.body.demo":  "Training never adjusts the weights for one user alone: this run takes mini-batches of %d users. So that every row fits on screen, the step is shown here on a smaller mini-batch of %d users (this user plus %d others); it runs the forward pass for each and scores every prediction with the binary cross-entropy ℓ, where confidently wrong costs a lot and confidently right almost nothing.",
	"loss.mean":       "The loss L is the average of ℓ over the batch.",
	"loss.mean.l2":    "The loss L is the average of ℓ over the batch plus the L2 penalty (λ/2)·ΣW²: half of λ times the sum of every weight squared (the biases are not penalised), which keeps the weights small. Its gradient λ·W is the term the gradient step adds to each weight's gradient.",
	"loss.notrain":    "This user is not one of the training users (they were held out for validation or testing). They are put in this batch only to demonstrate the step.",
	"loss.posweight":  "The weight w = %[1]s makes each positive user (y = 1) count %[1]s times in the loss, to make up for their rarity.",
	"loss.copy":       "The whole training step runs on a copy of the network: walking through it changes nothing in your model.",

	// The error at the output.
	"dout.title":         "Backpropagation: the error at the output %s",
	"dout.body":          "Backpropagation asks, for every number in the network, how the loss would change if that number changed. It starts at the output, where the answer is short: for a sigmoid output with cross-entropy, ∂L/∂z is the prediction minus the label, divided by the batch size m.",
	"dout.body.weighted": "Backpropagation asks, for every number in the network, how the loss would change if that number changed. It starts at the output, where the answer is short: for a sigmoid output with cross-entropy, ∂L/∂z is the prediction minus the label, times the weight of that user's loss, divided by the batch size m.",
	"dout.weighted":      "(for a positive user, y = 1, that is w·(ŷ − y) / m; for a negative one, y = 0, it is (ŷ − y) / m: the column “weight” below)",
	"dout.body.mse":      "Backpropagation starts at the output: with a linear output and squared error, ∂L/∂z is twice the prediction minus the label, divided by the batch size m.",
	"dout.sign":          "A positive δ means the prediction was too high and the sum should shrink; a negative δ means it was too low. The larger |δ|, the more that user asks for a change.",

	// The error in a hidden layer.
	"delta.title": "Backpropagation: layer %d receives its error %s",
	"delta.body":  "The error flows back along the same connections the signal came through. Neuron %d of layer %d collects the errors of every neuron above it, each weighted by the connection between them — column %d of %s, transposed — and then scales the total by f′(z), how strongly its own output reacts to its sum.",
	"delta.user":  "Worked out for user %s (row 1 of the batch):",
	"delta.relu":  "For ReLU, f′(z) is 1 when the neuron fired (z > 0) and 0 when it was silent: a silent neuron passes no error back and its incoming weights do not change for that user.",
	"delta.batch": "%s for every user of the batch",

	// The gradient of one neuron's weights.
	"grad.title": "Layer %d: the gradient of neuron %d's weights",
	"grad.body":  "The gradient of the loss with respect to the weight %s adds up, over the users of the batch, the neuron's error δ times the input that this weight multiplies (here: %s). A large gradient means that nudging this weight would change the loss a lot; its sign says in which direction the loss grows.",
	"grad.row":   "the whole row %s",

	// The update of one weight.
	"adam.title":       "Adam updates the weight %s",
	"adam.body":        "Adam turns the gradient into a step with two running averages per weight, m of the gradient and v of its square; dividing one by the root of the other moves every weight by about the same small amount, steadily where the gradient keeps its sign and cautiously where it flips. This is update number t = %d.",
	"adam.textbook":    "Both averages start at zero, so early on they are too small. The textbook form corrects them first (m̂, v̂) and then moves the weight by lr·m̂ / (√v̂ + ε):",
	"adam.keras":       "retain computes the same update the way Keras does: both corrections are folded into one step size α, and ε sits beside √v instead of √v̂. Only that tiny ε differs; this is the update the engine applied:",
	"sgd.title":        "Gradient descent updates the weight %s",
	"sgd.body":         "Stochastic gradient descent moves the weight against its gradient, scaled by the learning rate; with momentum, the step also remembers a share of the previous steps.",
	"update.other":     "This optimiser's state cannot be shown step by step; the result below is the engine's own.",
	"update.clipped":   "Before the optimiser sees it, the gradient is clipped: the whole gradient (every ∂L/∂W and ∂L/∂b, the L2 term included) has length ‖∇L‖ = %s, above the limit %s, so every gradient is multiplied by c = limit / ‖∇L‖. The g below is that clipped gradient, c·∂L/∂w.",
	"update.unclipped": "The whole gradient (every ∂L/∂W and ∂L/∂b, the L2 term included) has length ‖∇L‖ = %s, within the clipping limit %s, so the optimiser receives it as it is: g = ∂L/∂w.",
	"update.restored":  "Early stopping kept the weights of epoch %d, but training ran %d epochs: the optimiser's state used here (%s) is the one it ended with after epoch %[2]d, not the one it had when these weights were current. Resuming training would go on from this pair.",
	"update.averaged":  "The network holds a moving average of the weights over training (--average-epochs), while the optimiser's state used here (%s) belongs to the last step's own weights.",
	"update.result":    "before → after:  %s → %s",
	"update.all":       "Every weight and bias of the network moves in the same step, each by its own rule of this form; the heatmap shows how far each weight of this layer moved, in units of the learning rate.",

	// After the step.
	"after.title":   "After one step, and what comes next",
	"after.body":    "The update has changed the network a little. Running the same user through the updated copy shows the effect of this single step:",
	"after.before":  "ŷ before the step:",
	"after.after":   "ŷ after the step: ",
	"after.toward":  "The prediction moved towards the label: the step did what it was meant to do, if only by a small amount.",
	"after.away":    "The prediction moved away from the label: the step follows the gradient of the whole batch, and the other users pulled harder than this one.",
	"after.notrain": "Because this user is not a training user, real training would never use their label; the change shown here is only a demonstration.",
	"after.next":    "Training repeats the forward pass, backpropagation and update for every mini-batch, epoch after epoch, until the validation loss stops improving. The finished model is then evaluated on users it never saw and, last, deployed to score new users.",
}
