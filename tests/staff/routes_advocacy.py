"""Routes for entering feedback on someone's behalf (voicecapture/staff/advocacy.py)."""
ENTRY = {"administrator", "advocate", "practitioner", "safeguarding_lead"}
AUTHORS = {"advocate", "practitioner", "safeguarding_lead"}  # administrators may read entries, never correct them

ROUTES = {
    "staff.entries_list": ("/staff/entries", ENTRY),
    "staff.entry_start": ("/staff/entries/new", ENTRY),
    "staff.entry_new": ("/staff/entries/new/northvale-sab/msp-adult?mode=phone&language=en", ENTRY),
    "staff.entry": ("/staff/entries/1", ENTRY),
    "staff.entry_edit": ("/staff/entries/1/edit", AUTHORS),
}
