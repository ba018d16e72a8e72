"""Practitioners invite feedback: links, QR codes, printable slips and bulk uploads."""
