"""HTTP routes, grouped in Chalice blueprints that app.py registers. Routes stay thin."""
