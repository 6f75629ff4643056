"""A small German catalog of analysis and verdict sentences, and a fixture dropping it in.

The German texts are the tests' own: what matters is that the analysis uses them in place of
the English ones, with the numbers filled in and the right plural form chosen.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from crampcheck.i18n import Translator, load_translator
from crampcheck.i18n import translator as translator_module

GERMAN_PO = r"""
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "Over {days} you recorded {cramps} ({per_week} per week)."
msgstr "In {days} hast du {cramps} notiert ({per_week} pro Woche)."

msgid "{count} diary day with a check-in"
msgid_plural "{count} diary days with a check-in"
msgstr[0] "{count} Tagebuchtag mit Check-in"
msgstr[1] "{count} Tagebuchtagen mit Check-in"

msgid "{count} cramp"
msgid_plural "{count} cramps"
msgstr[0] "{count} Krampf"
msgstr[1] "{count} Krämpfe"

msgid ""
"On days you stretched before bed you had fewer cramps (rate ratio {ratio}, 95% CI "
"{low}–{high})."
msgstr ""
"An Tagen, an denen du vor dem Schlafen gedehnt hast, hattest du weniger Krämpfe "
"(Ratenverhältnis {ratio}, 95-%-KI {low}–{high})."

msgid "This is an association in your diary, not proof."
msgstr "Das ist ein Zusammenhang in deinem Tagebuch, kein Beweis."

msgid "not enough days without it yet ({days} of {needed} needed)"
msgstr "noch zu wenige Tage ohne ({days} von {needed} nötig)"

msgid ""
"Compared with {b}, {a} likely helps: fewer cramps on {a} days (95% credible interval of the rate "
"ratio {low}–{high}; probability that {a} has the lower cramp rate {probability})."
msgstr ""
"Verglichen mit {b} hilft {a} wahrscheinlich: weniger Krämpfe an {a}-Tagen "
"(95-%-Glaubwürdigkeitsintervall des Ratenverhältnisses {low}–{high}; Wahrscheinlichkeit, dass "
"{a} die niedrigere Krampfrate hat: {probability})."

msgid ""
"Compared with {b}, {a} may help (95% credible interval of the rate ratio {low}–{high}; "
"probability that {a} has the lower cramp rate {probability})."
msgstr ""
"Verglichen mit {b} hilft {a} vielleicht (95-%-Glaubwürdigkeitsintervall des "
"Ratenverhältnisses {low}–{high}; Wahrscheinlichkeit, dass {a} die niedrigere Krampfrate hat: "
"{probability})."

msgid ""
"Only {completed} of the {planned} planned blocks is complete, so this is an interim result."
msgid_plural ""
"Only {completed} of the {planned} planned blocks are complete, so this is an interim result."
msgstr[0] ""
"Erst {completed} der {planned} geplanten Blöcke ist abgeschlossen, also ist das ein "
"Zwischenergebnis."
msgstr[1] ""
"Erst {completed} der {planned} geplanten Blöcke sind abgeschlossen, also ist das ein "
"Zwischenergebnis."

msgid "Not enough data yet: {reason}."
msgstr "Noch zu wenige Daten: {reason}."

msgid "no complete block yet (one period of each option)"
msgstr "noch kein vollständiger Block (je ein Zeitraum jeder Option)"

msgid ""
"This result is about you only: one person's experiment says nothing about how it works for "
"others."
msgstr ""
"Dieses Ergebnis betrifft nur dich: das Experiment eines Menschen sagt nichts darüber, wie es "
"bei anderen wirkt."

msgid "Cramps per week"
msgstr "Krämpfe pro Woche"
"""


@pytest.fixture
def german_catalog(monkeypatch: pytest.MonkeyPatch) -> Iterator[Translator]:
    """`load_translator("de")` uses GERMAN_PO, as if locales/de.po had been added."""
    monkeypatch.setattr(
        translator_module, "_catalog_text", lambda language: GERMAN_PO if language == "de" else None
    )
    load_translator.cache_clear()
    yield load_translator("de")
    load_translator.cache_clear()
