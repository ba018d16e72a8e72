"""Administrators manage boards: branding, help contacts, agencies, areas, surveys, languages."""
