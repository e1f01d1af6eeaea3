"""Drawing for the terminal: `draw` (styled text and boxed tables as rich draws them, without
loading rich's console), `render` (the tables and summaries of stats, decks, the dashboard and
the card browser), `charts` (the heatmap, bars and trend lines).
"""
