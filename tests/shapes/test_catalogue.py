"""The layer catalogue: every class ``keras.layers`` exports has one entry (modelled or
opaque, with its reason), and what the frontend and the rules know about a layer comes
from that entry."""

from __future__ import annotations

from seqlint.frontend.keras_api import LAYERS_EXPORTS, canonical_kind, positional, state_count
from seqlint.shapes.catalogue import Trait, spec, specs

# Names keras.layers exports that are not layer classes one applies to tensors.
NOT_LAYERS = frozenset({"Layer", "InputSpec", "Wrapper"})


def test_every_exported_class_is_catalogued():
    classes = {name for name in LAYERS_EXPORTS if name[:1].isupper()} - NOT_LAYERS
    missing = sorted(n for n in classes if spec(n) is None)
    assert not missing, f"not in the catalogue: {missing}"


def test_aliases_resolve_to_their_class():
    assert canonical_kind("MaxPool1D") == "MaxPooling1D"
    assert canonical_kind("Convolution1D") == "Conv1D"
    assert canonical_kind("GlobalAvgPool1D") == "GlobalAveragePooling1D"
    assert spec("MaxPool1D") is spec("MaxPooling1D")


def test_entries_carry_what_the_frontend_and_rules_ask():
    assert positional("LSTM") == ("units", "activation", "recurrent_activation", "use_bias")
    assert state_count("LSTM") == 2 and state_count("GRU") == 1 and state_count("Dense") is None
    lstm = spec("LSTM")
    assert lstm is not None and lstm.has(Trait.RECURRENT) and lstm.has(Trait.NEEDS_TIME_AXIS)
    assert lstm.states == ("h", "c")
    flatten = spec("Flatten")
    assert flatten is not None and "time axis" in flatten.drops_time_axis
    dense = spec("Dense")
    assert dense is not None and not dense.has(Trait.NEEDS_TIME_AXIS)


def test_opaque_entries_say_why_and_have_no_shape_function():
    for entry in specs():
        if entry.opaque:
            assert entry.shape is None and entry.params is None, entry.kind
        assert entry.kind not in entry.aliases


def test_the_families_table_names_what_each_family_declares():
    """``FAMILIES`` (what the catalogue imports on a lookup) lists exactly each family
    module's kinds and aliases: the ``family`` of their entries, the module of their shape
    function."""
    from seqlint.shapes.layers import FAMILIES

    declared: dict[str, set[str]] = {}
    for entry in specs():
        declared.setdefault(entry.family, set()).update((entry.kind, *entry.aliases))
        if entry.shape is not None:
            assert entry.shape.__module__ == f"seqlint.shapes.layers.{entry.family}"
    assert {family: set(kinds) for family, kinds in FAMILIES.items()} == declared
    assert sum(map(len, FAMILIES.values())) == sum(map(len, declared.values()))
