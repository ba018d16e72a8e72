"""Board members read their boards' pages; board officers set targets and record "you said, we did"."""
