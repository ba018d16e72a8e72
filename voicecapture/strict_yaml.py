"""YAML as the project's hand-edited files need it: safe, and a key given twice is an error, not a silent
overwrite (surveys, blocks and the theme taxonomy all load through here)."""
from __future__ import annotations

import yaml


class StrictLoader(yaml.SafeLoader):
    """A safe loader that rejects a key given twice in one mapping."""


def _mapping_without_duplicates(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key {key!r} appears twice in the same mapping", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep)


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_duplicates)


def load(text: str):
    return yaml.load(text, Loader=StrictLoader)
