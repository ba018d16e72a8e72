"""Advocates and workers enter feedback on someone's behalf, and key in paper returns."""
