"""User control over actors: ``--aliases FILE`` (YAML or JSON).

Example (YAML)::

    merge:                       # these names are one actor (the key is its label)
      Imomali Rahmon: [Emomali Rahmon, President Rahmon]
    separate:                    # never merge these across articles
      - [Moazzam Begg, Azmat Begg]
    rename:                      # change a label (the IRI follows the new label)
      CIS Institute: Institute of CIS Countries
    types:                       # force a class
      Roshan: Organization
    drop: [Internet]             # remove an actor and its relations

Names are matched case-insensitively against labels and aliases. Merges, renames
and types apply to the finished graph; ``separate`` stops the cross-document
merges of :func:`kg.graph.consolidate` (a surname joining a full name, places
sharing a GeoNames id).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from .errors import InputError
from .model import ENTITY_TYPES

__all__ = ["Aliases", "load_aliases", "parse_aliases"]


def _key(name: str) -> str:
    return " ".join(str(name).casefold().split())


@dataclass
class Aliases:
    merge: dict[str, list[str]] = field(default_factory=dict)
    separate: list[tuple[str, ...]] = field(default_factory=list)
    rename: dict[str, str] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)
    drop: list[str] = field(default_factory=list)

    def forbids(self, a: set[str], b: set[str]) -> bool:
        """Whether two nodes with these names must stay apart."""
        a_keys, b_keys = {_key(n) for n in a}, {_key(n) for n in b}
        for group in self.separate:
            keys = [_key(n) for n in group]
            if any(k in a_keys for k in keys) and any(k in b_keys for k in keys):
                hits_a = {k for k in keys if k in a_keys}
                hits_b = {k for k in keys if k in b_keys}
                if hits_a != hits_b or len(hits_a) < len(keys):
                    return True
        return False

    def apply(self, G: nx.MultiDiGraph) -> None:
        """Apply merges, renames, types and drops to a finished graph, in that order."""
        from .entities.resolve import slugify
        from .graph import merge_nodes, rekey_node

        def find(name: str) -> list[str]:
            k = _key(name)
            return sorted(n for n, d in G.nodes(data=True) if _key(d["label"]) == k or k in {_key(a) for a in d["aliases"]})

        for label, names in self.merge.items():
            nodes = []
            for name in [label, *names]:
                nodes += [n for n in find(name) if n not in nodes]
            if len(nodes) < 2 and not nodes:
                continue
            keep = nodes[0]
            for other in nodes[1:]:
                if other in G and keep in G and other != keep:
                    merge_nodes(G, keep, other)
            G.nodes[keep]["aliases"] = tuple(sorted((set(G.nodes[keep]["aliases"]) | {G.nodes[keep]["label"]}) - {label}))
            G.nodes[keep]["label"] = label
            rekey_node(G, keep, slugify(label))
        for old, new in self.rename.items():
            for node in find(old):
                data = G.nodes[node]
                data["aliases"] = tuple(sorted((set(data["aliases"]) | {data["label"]}) - {new}))
                data["label"] = new
                rekey_node(G, node, slugify(new))
        for name, type_ in self.types.items():
            for node in find(name):
                G.nodes[node]["type"] = type_
                G.nodes[node]["collective"] = False
        for name in self.drop:
            for node in find(name):
                G.remove_node(node)


def parse_aliases(data: object, source: str = "aliases") -> Aliases:
    if not isinstance(data, dict):
        raise InputError(f"{source}: expected a mapping with merge/separate/rename/types/drop")
    unknown = set(data) - {"merge", "separate", "rename", "types", "drop"}
    if unknown:
        raise InputError(f"{source}: unknown section(s) {', '.join(sorted(unknown))}")
    merge = data.get("merge") or {}
    separate = data.get("separate") or []
    rename = data.get("rename") or {}
    types = data.get("types") or {}
    drop = data.get("drop") or []
    if not isinstance(merge, dict) or not all(isinstance(v, list) for v in merge.values()):
        raise InputError(f"{source}: 'merge' maps a label to a list of names")
    if not isinstance(separate, list) or not all(isinstance(g, list) and len(g) >= 2 for g in separate):
        raise InputError(f"{source}: 'separate' is a list of lists of two or more names")
    if not isinstance(rename, dict) or not isinstance(types, dict) or not isinstance(drop, list):
        raise InputError(f"{source}: 'rename' and 'types' are mappings, 'drop' is a list")
    for name, type_ in types.items():
        if type_ not in ENTITY_TYPES:
            raise InputError(f"{source}: type of {name!r} must be one of {', '.join(ENTITY_TYPES)}")
    return Aliases(
        merge={str(k): [str(n) for n in v] for k, v in merge.items()},
        separate=[tuple(str(n) for n in g) for g in separate],
        rename={str(k): str(v) for k, v in rename.items()},
        types={str(k): str(v) for k, v in types.items()},
        drop=[str(n) for n in drop],
    )


def load_aliases(path: str | Path) -> Aliases:
    """Read an aliases file (``.yaml``/``.yml`` or ``.json``)."""
    path = Path(path)
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such aliases file") from None
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read the aliases file ({err})") from None
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(text)
        else:
            import yaml

            data = yaml.safe_load(text)
    except Exception as err:  # yaml and json raise their own error types
        raise InputError(f"{path}: not valid {'JSON' if path.suffix.lower() == '.json' else 'YAML'} ({type(err).__name__})") from None
    return parse_aliases(data, str(path))
