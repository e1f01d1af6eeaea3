"""The memory model: how well a card is known and when to ask it again (FSRS, through py-fsrs).

`rating` holds the four grades, `state` what is remembered of a card, `scheduler` the door to
py-fsrs with our settings, `settings` the learner's settings file, `recall` the forgetting curve,
`leech` when a card is forgotten too often, `examdate` scheduling for an exam day. Fitting the model to one
learner: `replay` (a card's memory and predictions from its history), `optimizer` (fsrs-rs's
fit and the time-series verdict), `metrics` (how good predictions are), `workload` (what each
desired retention costs, simulated).
"""
