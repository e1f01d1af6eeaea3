"""What quiz reports: figures read from the store, shaped as plain data for the terminal or JSON.

`stats` (today's reviews, streak, what is due, mastery per deck, and the progress figures it
loads), `progress` (the heatmap, forecast, true retention, time per day and hardest cards, pure),
`scores` (the history of exam scores, pure), `browse` (the card browser's rows).
"""
