"""DynamoDB adapters (PynamoDB), one module per aggregate; tables are declared in ``tables.py``."""
