"""The national Safeguarding Adults Collection (SAC) codes an invitation may carry, with their plain labels.

One place for the CLI, the staff forms and the bulk upload, so a code accepted by one is accepted by all.
"""
from __future__ import annotations

# SG2 type of risk, in the order the collection lists them.
RISK_TYPE_LABELS = {
    "physical": "Physical",
    "sexual": "Sexual",
    "psychological": "Psychological",
    "financial": "Financial or material",
    "discriminatory": "Discriminatory",
    "organisational": "Organisational",
    "neglect": "Neglect and acts of omission",
    "domestic_abuse": "Domestic abuse",
    "sexual_exploitation": "Sexual exploitation",
    "modern_slavery": "Modern slavery",
    "self_neglect": "Self-neglect",
}

# SG2 location of risk.
RISK_LOCATION_LABELS = {
    "own_home": "Own home",
    "community": "In the community",
    "community_service": "In a community service",
    "care_home": "Care home (nursing or residential)",
    "hospital": "Hospital (acute, mental health or community)",
    "other": "Other",
}

# models.WORK_KINDS in words.
WORK_KIND_LABELS = {
    "s42_enquiry": "Section 42 enquiry (adults)",
    "cp_conference": "Child protection conference",
    "cla_review": "Looked-after child (CLA) review",
}

SAC_RISK_TYPES = tuple(RISK_TYPE_LABELS)
SAC_RISK_LOCATIONS = tuple(RISK_LOCATION_LABELS)
