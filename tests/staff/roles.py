"""Who may open a route, for the route tables."""
PUBLIC = "public"
ADMIN = {"administrator"}
STAFF = {"administrator", "board_officer", "board_member", "safeguarding_lead", "practitioner", "advocate"}
