"""Diary and experiment analyses as terminal text: the sentences first, then the numbers.

The analyses decide the wording of their sentences and what has enough data; this module only
lays them out (in the translator's language) for `diary analyze` and `experiment analyze`.
"""

from __future__ import annotations

import textwrap

from crampcheck.analysis.diary import DiaryAnalysis
from crampcheck.analysis.experiment import ExperimentAnalysis
from crampcheck.i18n import Translator
from crampcheck.i18n.formatting import format_day, format_number

WIDTH = 88
LABEL_WIDTH = 58


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent)


def _interval(ratio: float, low: float, high: float, language: str) -> str:
    numbers = [format_number(value, 2, language) for value in (ratio, low, high)]
    return "{}  ({}–{})".format(*numbers)


def _row(label: str, value: str) -> list[str]:
    """A label and its value on one line; a long label gets its own line above the value."""
    if len(label) <= LABEL_WIDTH:
        return [f"  {label:<{LABEL_WIDTH}} {value}"]
    return [_wrap(label, "  "), f"  {'':<{LABEL_WIDTH}} {value}"]


def render_diary_analysis(analysis: DiaryAnalysis, translator: Translator) -> str:
    """The diary analysis as text (summary, rates, factors, medicines, methods)."""
    _ = translator.gettext
    lines = [_("DIARY ANALYSIS")]
    if analysis.first_day and analysis.last_day:
        period = _("Diary days {first} to {last}")
        first, last = (
            format_day(day, translator.text_language)
            for day in (analysis.first_day, analysis.last_day)
        )
        lines.append(period.format(first=first, last=last))
    lines += [""] + [_wrap(sentence) for sentence in analysis.summary]
    lines += ["", _("FACTORS: rate ratio (95% interval); below 1 means fewer cramps on those days")]
    if not analysis.factors:
        lines.append(_wrap(_("No factors recorded yet."), "  "))
    for row in analysis.factors:
        if row.rate_ratio is None or row.ci_low is None or row.ci_high is None:
            value = _("not enough data yet: {reason}").format(reason=row.reason or "")
        else:
            value = _interval(row.rate_ratio, row.ci_low, row.ci_high, translator.text_language)
            if row.significant_after_adjustment:
                value += " *"
        lines += _row(row.comparison, value)
    if analysis.multiple_comparisons.significant_after_adjustment:  # the note is in the summary
        lines.append(_wrap(_("* still stands after the Holm correction.")))
    if analysis.medications:
        lines += ["", _("MEDICINES: rate ratio after vs before (95% interval)")]
        for change in analysis.medications:
            label = _("{medication}: {event} on {date}, {days} days each side").format(
                medication=change.medication,
                event=_("started") if change.event == "start" else _("stopped"),
                date=change.date,
                days=change.window_days,
            )
            if change.rate_ratio is None or change.ci_low is None or change.ci_high is None:
                value = _("not enough data yet: {reason}").format(reason=change.reason or "")
            else:
                value = _interval(
                    change.rate_ratio, change.ci_low, change.ci_high, translator.text_language
                )
            lines += _row(label, value)
    lines += ["", _("HOW THIS WAS CALCULATED"), _wrap(analysis.methods)]
    return "\n".join(lines)


def render_experiment_analysis(
    analysis: ExperimentAnalysis, translator: Translator, a_label: str, b_label: str
) -> str:
    """The experiment's verdict and the numbers behind it, as text (A and B named by their
    labels)."""
    _ = translator.gettext
    lines = [_("EXPERIMENT RESULT"), "", _wrap(analysis.verdict), ""]
    if analysis.rate_ratio is not None and analysis.ci_low is not None:
        assert analysis.ci_high is not None and analysis.probability_a_better is not None
        ratio = _interval(
            analysis.rate_ratio, analysis.ci_low, analysis.ci_high, translator.text_language
        )
        lines += _row(_("Rate ratio, A days vs B days (95% credible interval)"), ratio)
        chance = f"{analysis.probability_a_better:.2f}"
        lines += _row(_("Probability that A has the lower cramp rate"), chance)
    counts = _("{days} days, {cramps} cramps")
    for name, days, cramps, per_week in (
        (f"A ({a_label})", analysis.days_a, analysis.episodes_a, analysis.rate_per_week_a),
        (f"B ({b_label})", analysis.days_b, analysis.episodes_b, analysis.rate_per_week_b),
    ):
        value = counts.format(days=days, cramps=cramps)
        if per_week is not None:
            value += " · " + _("{rate} per week").format(rate=f"{per_week:.1f}")
        lines += _row(_("Option {name}, days with a check-in").format(name=name), value)
    blocks = _("{done} of {planned}").format(
        done=analysis.blocks_completed, planned=analysis.blocks_planned
    )
    lines += _row(_("Blocks complete"), blocks)
    lines += _row(_("Wash-out days (not counted)"), str(analysis.washout_days))
    lines += _row(
        _("Scheduled days without a check-in"), str(analysis.scheduled_days_without_checkin)
    )
    lines += ["", _wrap(_("Prior: {prior}").format(prior=analysis.prior.description))]
    return "\n".join(lines)
