"""The set bits of a bit mask (of any width: the cited sources are one bit per source)."""

from __future__ import annotations

# The positions of the set bits of each byte value, lowest first.
_BITS_OF_BYTE = tuple(tuple(bit for bit in range(8) if value >> bit & 1) for value in range(256))


def set_bits(mask: int) -> list[int]:
    """The positions of the set bits of `mask` (not negative), lowest first.

    Byte by byte through a table: taking a big integer's lowest bit one at a time would
    make several new integers per bit.
    """
    positions: list[int] = []
    for offset, byte in enumerate(mask.to_bytes((mask.bit_length() + 7) // 8, "little")):
        if byte:
            base = offset * 8
            positions += [base + bit for bit in _BITS_OF_BYTE[byte]]
    return positions
