"""Plain-language sentences about a diary analysis that never claim more than the intervals.

A difference is only described as "fewer" or "more" cramps when the 95% interval excludes 1;
every such sentence says it is an association, and one that does not survive the Holm
adjustment says it could be chance among the many factors checked.

Every sentence is translated whole and then filled in (word order differs between languages).
A count inside a sentence is a noun phrase with its plural forms ("{count} cramp"), used in
that one sentence only, so a translation can give it the case the sentence needs.
"""

from __future__ import annotations

from collections.abc import Sequence

from crampcheck.analysis.factors import FactorEffect, MultipleComparisons, amount_text
from crampcheck.analysis.medications import MedicationChange
from crampcheck.analysis.rates import NightDay, Trend
from crampcheck.i18n import Translator, gettext_noop
from crampcheck.i18n.formatting import format_number, format_percent

ASSOCIATION = gettext_noop("This is an association in your diary, not proof.")
CHANCE = gettext_noop("Given how many factors were checked, this could also be chance.")
# What the numeric factors are called in sentences.
NUMERIC_NOUNS = {
    "fluid_litres": gettext_noop("fluid"),
    "alcohol_units": gettext_noop("alcohol"),
    "caffeine_cups": gettext_noop("caffeine"),
    "exercise_minutes": gettext_noop("exercise"),
    "exercise_intensity": gettext_noop("exercise intensity"),
    "standing_hours": gettext_noop("time standing"),
    "sitting_hours": gettext_noop("time sitting"),
    "sleep_hours": gettext_noop("sleep"),
}
# True/false factors with a sentence of their own: (factor, lag, fewer?) -> sentence.
YES_NO_SENTENCES = {
    ("stretched_before_bed", 0, True): gettext_noop(
        "On days you stretched before bed you had fewer cramps "
        "(rate ratio {ratio}, 95% CI {low}–{high})."
    ),
    ("stretched_before_bed", 0, False): gettext_noop(
        "On days you stretched before bed you had more cramps "
        "(rate ratio {ratio}, 95% CI {low}–{high})."
    ),
    ("stretched_before_bed", 1, True): gettext_noop(
        "On days after you stretched before bed you had fewer cramps "
        "(rate ratio {ratio}, 95% CI {low}–{high})."
    ),
    ("stretched_before_bed", 1, False): gettext_noop(
        "On days after you stretched before bed you had more cramps "
        "(rate ratio {ratio}, 95% CI {low}–{high})."
    ),
}
# Any other factor: (relation to the threshold, lag, fewer?) -> sentence; "any" means the
# factor's median was 0 and the days with more than none were compared. {factor} is the noun
# of a known factor ("fluid") or the quoted name of the person's own factor.
FACTOR_SENTENCES = {
    ("true", 0, True): gettext_noop(
        "On days when {factor} was true you had fewer cramps "
        "(rate ratio {ratio}, 95% CI {low}–{high})."
    ),
    ("true", 0, False): gettext_noop(
        "On days when {factor} was true you had more cramps "
        "(rate ratio {ratio}, 95% CI {low}–{high})."
    ),
    ("true", 1, True): gettext_noop(
        "On days after {factor} was true you had fewer cramps "
        "(rate ratio {ratio}, 95% CI {low}–{high})."
    ),
    ("true", 1, False): gettext_noop(
        "On days after {factor} was true you had more cramps "
        "(rate ratio {ratio}, 95% CI {low}–{high})."
    ),
    ("any", 0, True): gettext_noop(
        "On days with any {factor} you had fewer cramps (rate ratio {ratio}, 95% CI {low}–{high})."
    ),
    ("any", 0, False): gettext_noop(
        "On days with any {factor} you had more cramps (rate ratio {ratio}, 95% CI {low}–{high})."
    ),
    ("any", 1, True): gettext_noop(
        "After days with any {factor} you had fewer cramps "
        "(rate ratio {ratio}, 95% CI {low}–{high})."
    ),
    ("any", 1, False): gettext_noop(
        "After days with any {factor} you had more cramps "
        "(rate ratio {ratio}, 95% CI {low}–{high})."
    ),
    ("above", 0, True): gettext_noop(
        "On days with {factor} above your median ({amount}) you had fewer cramps "
        "(rate ratio {ratio}, 95% CI {low}–{high})."
    ),
    ("above", 0, False): gettext_noop(
        "On days with {factor} above your median ({amount}) you had more cramps "
        "(rate ratio {ratio}, 95% CI {low}–{high})."
    ),
    ("above", 1, True): gettext_noop(
        "After days with {factor} above your median ({amount}) you had fewer cramps "
        "(rate ratio {ratio}, 95% CI {low}–{high})."
    ),
    ("above", 1, False): gettext_noop(
        "After days with {factor} above your median ({amount}) you had more cramps "
        "(rate ratio {ratio}, 95% CI {low}–{high})."
    ),
    ("at or above", 0, True): gettext_noop(
        "On days with {factor} at or above your median ({amount}) you had fewer cramps "
        "(rate ratio {ratio}, 95% CI {low}–{high})."
    ),
    ("at or above", 0, False): gettext_noop(
        "On days with {factor} at or above your median ({amount}) you had more cramps "
        "(rate ratio {ratio}, 95% CI {low}–{high})."
    ),
    ("at or above", 1, True): gettext_noop(
        "After days with {factor} at or above your median ({amount}) you had fewer cramps "
        "(rate ratio {ratio}, 95% CI {low}–{high})."
    ),
    ("at or above", 1, False): gettext_noop(
        "After days with {factor} at or above your median ({amount}) you had more cramps "
        "(rate ratio {ratio}, 95% CI {low}–{high})."
    ),
}


def interval_values(ratio: float, low: float, high: float, language: str = "en") -> dict[str, str]:
    """The {ratio}, {low} and {high} of a sentence, two decimals each, written the way
    `language` writes numbers (0.80, 0,80)."""
    return {
        "ratio": format_number(ratio, 2, language),
        "low": format_number(low, 2, language),
        "high": format_number(high, 2, language),
    }


def overview(days: int, episodes: int, per_week: float | None, translator: Translator) -> str:
    if per_week is None:
        return translator.gettext("There are no diary days with a check-in in this period yet.")
    ngettext = translator.ngettext
    diary_days = ngettext(
        "{count} diary day with a check-in", "{count} diary days with a check-in", days
    )
    cramps = ngettext("{count} cramp", "{count} cramps", episodes)
    return translator.gettext("Over {days} you recorded {cramps} ({per_week} per week).").format(
        days=diary_days.format(count=days),
        cramps=cramps.format(count=episodes),
        per_week=format_number(per_week, 1, translator.text_language),
    )


def night_sentence(night_day: NightDay, translator: Translator) -> str | None:
    if night_day.night_share is None:
        return None
    total = night_day.night_episodes + night_day.day_episodes
    return translator.ngettext(
        "{night} of {total} cramp ({share}) started at night or woke you.",
        "{night} of {total} cramps ({share}) started at night or woke you.",
        total,
    ).format(
        night=night_day.night_episodes,
        total=total,
        share=format_percent(night_day.night_share, translator.text_language),
    )


def trend_sentence(trend: Trend, translator: Translator) -> str | None:
    if trend.rate_ratio_per_4_weeks is None or trend.ci_low is None or trend.ci_high is None:
        return None
    _ = translator.gettext
    numbers = interval_values(
        trend.rate_ratio_per_4_weeks, trend.ci_low, trend.ci_high, translator.text_language
    )
    if trend.ci_high < 1:
        text = _(
            "Your cramps became less frequent over this period "
            "(rate ratio {ratio}, 95% CI {low}–{high} per 4 weeks)."
        )
    elif trend.ci_low > 1:
        text = _(
            "Your cramps became more frequent over this period "
            "(rate ratio {ratio}, 95% CI {low}–{high} per 4 weeks)."
        )
    else:
        text = _(
            "The diary shows no clear change in cramp frequency over time "
            "(rate ratio {ratio}, 95% CI {low}–{high} per 4 weeks)."
        )
    return text.format(**numbers)


def factor_sentence(row: FactorEffect, translator: Translator) -> str | None:
    """Sentences for a factor whose interval excludes 1; None otherwise."""
    if row.rate_ratio is None or row.ci_low is None or row.ci_high is None:
        return None
    if row.ci_low <= 1 <= row.ci_high:
        return None
    _ = translator.gettext
    fewer, lag = row.ci_high < 1, min(row.lag, 1)
    template = YES_NO_SENTENCES.get((row.factor, lag, fewer)) if row.kind == "true/false" else None
    if template is None:
        template = FACTOR_SENTENCES[_relation(row), lag, fewer]
    sentence = _(template).format(
        factor=factor_name(row.factor, translator),
        amount=amount_text(row.factor, row.threshold or 0.0, translator),
        **interval_values(row.rate_ratio, row.ci_low, row.ci_high, translator.text_language),
    )
    sentences = [sentence, _(ASSOCIATION)]
    if row.significant_after_adjustment is False:
        sentences.append(_(CHANCE))
    return " ".join(sentences)


def factor_name(factor: str, translator: Translator) -> str:
    """A factor as a sentence names it: "fluid", or the person's own name for it in quotes."""
    _ = translator.gettext
    if factor in NUMERIC_NOUNS:
        return _(NUMERIC_NOUNS[factor])
    return _("'{name}'").format(name=factor)


def _relation(row: FactorEffect) -> str:
    if row.kind == "true/false":
        return "true"
    # More than none vs none reads better as "any fluid" than "fluid above your median (0)".
    if row.relation == "above" and row.threshold == 0:
        return "any"
    return row.relation or "above"


def no_difference_sentence(rows: Sequence[FactorEffect], translator: Translator) -> str | None:
    _ = translator.gettext
    unclear = {
        _(NUMERIC_NOUNS[row.factor])
        if row.factor in NUMERIC_NOUNS
        else row.factor.replace("_", " ")
        for row in rows
        if row.enough_data and factor_sentence(row, translator) is None
    }
    if not unclear:
        return None
    names = ", ".join(sorted(unclear))
    return _("For {factors} the diary shows no clear difference so far.").format(factors=names)


def medication_sentence(change: MedicationChange, translator: Translator) -> str | None:
    if change.rate_ratio is None or change.ci_low is None or change.ci_high is None:
        return None
    ngettext = translator.ngettext
    days = change.window_days
    start = change.event == "start"
    if change.ci_low <= 1 <= change.ci_high:
        if start:
            text = ngettext(
                "In the {days} day after starting {medication} the diary shows no clear change "
                "in cramps (rate ratio {ratio}, 95% CI {low}–{high}).",
                "In the {days} days after starting {medication} the diary shows no clear change "
                "in cramps (rate ratio {ratio}, 95% CI {low}–{high}).",
                days,
            )
        else:
            text = ngettext(
                "In the {days} day after stopping {medication} the diary shows no clear change "
                "in cramps (rate ratio {ratio}, 95% CI {low}–{high}).",
                "In the {days} days after stopping {medication} the diary shows no clear change "
                "in cramps (rate ratio {ratio}, 95% CI {low}–{high}).",
                days,
            )
    else:
        text = _medication_difference(start, change.ci_high < 1, days, translator)
    return text.format(
        days=days,
        medication=change.medication,
        **interval_values(
            change.rate_ratio, change.ci_low, change.ci_high, translator.text_language
        ),
    )


def _medication_difference(start: bool, fewer: bool, days: int, translator: Translator) -> str:
    ngettext = translator.ngettext
    if start and fewer:
        return ngettext(
            "In the {days} day after starting {medication} you had fewer cramps than in the "
            "{days} day before (rate ratio {ratio}, 95% CI {low}–{high}). Cramps come and go "
            "on their own, so this is not proof.",
            "In the {days} days after starting {medication} you had fewer cramps than in the "
            "{days} days before (rate ratio {ratio}, 95% CI {low}–{high}). Cramps come and go "
            "on their own, so this is not proof.",
            days,
        )
    if start:
        return ngettext(
            "In the {days} day after starting {medication} you had more cramps than in the "
            "{days} day before (rate ratio {ratio}, 95% CI {low}–{high}). Cramps come and go "
            "on their own, so this is not proof.",
            "In the {days} days after starting {medication} you had more cramps than in the "
            "{days} days before (rate ratio {ratio}, 95% CI {low}–{high}). Cramps come and go "
            "on their own, so this is not proof.",
            days,
        )
    if fewer:
        return ngettext(
            "In the {days} day after stopping {medication} you had fewer cramps than in the "
            "{days} day before (rate ratio {ratio}, 95% CI {low}–{high}). Cramps come and go "
            "on their own, so this is not proof.",
            "In the {days} days after stopping {medication} you had fewer cramps than in the "
            "{days} days before (rate ratio {ratio}, 95% CI {low}–{high}). Cramps come and go "
            "on their own, so this is not proof.",
            days,
        )
    return ngettext(
        "In the {days} day after stopping {medication} you had more cramps than in the "
        "{days} day before (rate ratio {ratio}, 95% CI {low}–{high}). Cramps come and go "
        "on their own, so this is not proof.",
        "In the {days} days after stopping {medication} you had more cramps than in the "
        "{days} days before (rate ratio {ratio}, 95% CI {low}–{high}). Cramps come and go "
        "on their own, so this is not proof.",
        days,
    )


def summarise(
    overview_line: str,
    night_day: NightDay,
    trend: Trend,
    factors: Sequence[FactorEffect],
    comparisons: MultipleComparisons,
    medications: Sequence[MedicationChange],
    translator: Translator,
) -> list[str]:
    """The summary sentences in `translator`'s language (`overview_line` is already worded)."""
    lines: list[str | None] = [
        overview_line,
        night_sentence(night_day, translator),
        trend_sentence(trend, translator),
    ]
    lines += [factor_sentence(row, translator) for row in factors]
    lines.append(no_difference_sentence(factors, translator))
    if comparisons.factors_tested > 1:
        lines.append(comparisons.note)
    lines += [medication_sentence(change, translator) for change in medications]
    return [line for line in lines if line]
