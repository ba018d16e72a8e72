"""The data layer: the only code that queries or changes the database. Views and tasks call these."""
