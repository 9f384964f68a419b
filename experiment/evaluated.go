package experiment

// Evaluated returns the experiment as it applies to the customers its
// figures are measured on (Evaluate(MainPart())), so that the row-level
// views of a run (ScoreAll, Row, ExportRows, DecisionMap) list the same
// customers the evaluation counts.
//
// For a random split that is e itself: its validation rows are rows of
// its table. For an out-of-time experiment it is a view whose Data is the
// cohort at the cutoff (Later.Data, labels from the horizon after it),
// every row in LaterPart (RowLater), sharing e's pipeline, network,
// training matrix and trainer. Its TrainRows are nil, as none of its rows
// is a training row; the training rows are Trained().TrainRows, rows of
// Trained().Data. The map's axis ranges (AxisRange) and the explanation
// baseline stay those of the rows the network trained on. The view is
// made once by NewOutOfTime, so callers may compare it by pointer; the
// view's own Evaluated is itself.
func (e *Experiment) Evaluated() *Experiment {
	if e.Later == nil || e.trained != nil {
		return e
	}
	if e.Later.view == nil {
		return e.laterView() // a Later not made by NewOutOfTime
	}
	return e.Later.view
}

// Trained returns the experiment whose training rows the network learnt
// from: for the view Evaluated returns the experiment it views, else e.
func (e *Experiment) Trained() *Experiment {
	if e.trained != nil {
		return e.trained
	}
	return e
}

// laterView builds the view Evaluated returns.
func (e *Experiment) laterView() *Experiment {
	return &Experiment{Data: e.Later.Data, Config: e.Config, Pipeline: e.Pipeline,
		Train: e.Train, Net: e.Net, Trainer: e.Trainer,
		Later: e.Later, trained: e, calibratedBy: e.calibrationOwner()}
}

// calibrationOwner is the experiment whose calibration map e's scores
// take (see Calibration).
func (e *Experiment) calibrationOwner() *Experiment {
	if e.calibratedBy != nil {
		return e.calibratedBy
	}
	return e
}

// trainedData returns the data the network trained on and its training
// rows.
func (e *Experiment) trainedData() (*Data, []int) {
	t := e.Trained()
	return t.Data, t.TrainRows
}
