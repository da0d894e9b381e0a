"""German alphabetical order for names shown in lists (DIN 5007-1: Ä as A, ß as ss, any case)."""

_UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})


def german_key(text: str) -> tuple[str, str]:
    """Sort key: 'Förderzentrum' before 'Freiwilligendienst', 'adagio' among the A; the text
    itself breaks ties, so the order stays total and reproducible."""
    return (" ".join(str(text).casefold().translate(_UMLAUTS).split()), str(text))
