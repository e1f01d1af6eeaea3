"""The memory model: how well a card is known and when to ask it again (FSRS, through py-fsrs).

`rating` holds the four grades, `state` what is remembered of a card, `scheduler` the door to
py-fsrs with our settings.
"""
