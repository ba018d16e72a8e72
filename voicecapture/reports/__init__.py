"""Published reports: the tables, percentages and charts boards publish each quarter, made safe to publish."""
