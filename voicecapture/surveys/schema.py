"""JSON Schema for survey files and shared blocks. Cross-references are checked in loader.py."""

KEY = {"type": "string", "pattern": "^[a-z][a-z0-9_]{0,59}$"}
CODE = {"type": "string", "pattern": "^[A-Z0-9][A-Z0-9_]{0,59}$"}
PICTURE = {"type": "string", "pattern": "^[a-z0-9-]{1,40}$"}
SLUG = {"type": "string", "pattern": "^[a-z][a-z0-9-]{1,59}$"}

# A wording: one string, or one string per variant (e.g. self / representative, younger / older).
TEXT = {
    "oneOf": [
        {"type": "string", "minLength": 1, "maxLength": 500},
        {
            "type": "object",
            "minProperties": 1,
            "propertyNames": KEY,
            "additionalProperties": {"type": "string", "minLength": 1, "maxLength": 500},
        },
    ]
}

CONDITION = {
    "type": "object",
    "oneOf": [
        {
            "properties": {
                "question": KEY,
                "any_of": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                "none_of": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                "answered": {"type": "boolean"},
            },
            "required": ["question"],
            "additionalProperties": False,
            "minProperties": 2,
            "maxProperties": 2,
        },
        {
            "properties": {"variant": {"type": "array", "items": KEY, "minItems": 1}},
            "required": ["variant"],
            "additionalProperties": False,
        },
        {
            "properties": {"all": {"type": "array", "items": {"$ref": "#/$defs/condition"}, "minItems": 1}},
            "required": ["all"],
            "additionalProperties": False,
        },
        {
            "properties": {"any": {"type": "array", "items": {"$ref": "#/$defs/condition"}, "minItems": 1}},
            "required": ["any"],
            "additionalProperties": False,
        },
    ],
}

OPTION = {
    "type": "object",
    "properties": {
        "key": KEY,
        "code": CODE,
        "label": TEXT,
        "exclusive": {"type": "boolean"},
        "easy_read": {
            "type": "object",
            "properties": {"label": {"type": "string", "minLength": 1, "maxLength": 200}, "picture": PICTURE},
            "required": ["picture"],
            "additionalProperties": False,
        },
    },
    # Easy read shows a picture beside every answer, so every option names one.
    "required": ["key", "code", "label", "easy_read"],
    "additionalProperties": False,
}

QUESTION_TYPES = ["single_choice", "multiple_choice", "scale_0_10", "faces", "yes_no_unsure", "free_text"]

QUESTION = {
    "type": "object",
    "properties": {
        "key": KEY,
        "code": CODE,
        "type": {"enum": QUESTION_TYPES},
        "text": TEXT,
        "hint": TEXT,
        "required": {"type": "boolean"},
        "options": {"type": "array", "items": OPTION, "minItems": 2, "maxItems": 40},
        "dont_know": {"type": "boolean"},
        "prefer_not_to_say": {"type": "boolean"},
        "max_length": {"type": "integer", "minimum": 1, "maximum": 5000},
        "scale": {
            "type": "object",
            "properties": {"low": TEXT, "high": TEXT},
            "required": ["low", "high"],
            "additionalProperties": False,
        },
        "show_if": {"$ref": "#/$defs/condition"},
        "section": KEY,
        "easy_read": {
            "type": "object",
            "properties": {"text": TEXT, "picture": PICTURE},
            "required": ["text", "picture"],
            "additionalProperties": False,
        },
    },
    "required": ["key", "code", "type", "text", "easy_read"],
    "additionalProperties": False,
    "allOf": [
        {
            "if": {"properties": {"type": {"enum": ["single_choice", "multiple_choice"]}}},
            "then": {"required": ["options"]},
            "else": {"not": {"required": ["options"]}},
        },
        {
            "if": {"properties": {"type": {"const": "free_text"}}},
            "then": {"required": ["max_length"]},
            "else": {"not": {"required": ["max_length"]}},
        },
        {
            "if": {"properties": {"type": {"const": "scale_0_10"}}},
            "then": {"required": ["scale"]},
            "else": {"not": {"required": ["scale"]}},
        },
    ],
}

SURVEY = {
    "type": "object",
    "$defs": {"condition": CONDITION},
    "properties": {
        "kind": {"const": "survey"},
        "id": SLUG,
        "version": {"type": "integer", "minimum": 1},
        "status": {"enum": ["draft", "published"]},
        "audience": {"enum": ["adult", "child", "parent"]},
        "title": TEXT,
        "description": TEXT,
        "minutes": {"type": "integer", "minimum": 1, "maximum": 60},
        "variants": {
            "type": "object",
            "properties": {
                "question": KEY,
                "values": {"type": "array", "items": KEY, "minItems": 2, "uniqueItems": True},
                "default": KEY,
            },
            "required": ["question", "values", "default"],
            "additionalProperties": False,
        },
        "include": {"type": "array", "items": SLUG, "uniqueItems": True},
        "questions": {"type": "array", "items": QUESTION, "minItems": 1},
    },
    "required": ["kind", "id", "version", "status", "audience", "title", "description", "minutes", "questions"],
    "additionalProperties": False,
}

BLOCK = {
    "type": "object",
    "$defs": {"condition": CONDITION},
    "properties": {
        "kind": {"const": "block"},
        "id": SLUG,
        "questions": {"type": "array", "items": QUESTION, "minItems": 1},
    },
    "required": ["kind", "id", "questions"],
    "additionalProperties": False,
}
