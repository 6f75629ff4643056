"""`analyze_experiment`: a Bayesian Gamma-Poisson analysis of one person's A/B experiment.

Counted days are the schedule's A and B days that have a check-in (washout days never count).
Each option's cramp rate (per day) gets an independent Gamma(shape, rate) prior; with E cramps
on D days the posterior is Gamma(shape + E, rate + D). For X ~ Gamma(a1, 1) and Y ~ Gamma(a2,
1), X/Y is Beta-prime(a1, a2), so the ratio of rates lambda_a / lambda_b = (X/Y) * beta_b /
beta_a has exact quantiles and P(lambda_a < lambda_b) = BetaPrimeCDF(beta_a / beta_b) — no
Monte Carlo, fully deterministic.

Default prior: shape 0.5 and rate chosen so that the prior mean is the pooled rate of both
options (shape / pooled rate per day): a weak prior worth half a cramp of information, the
same for A and B, so it pulls neither option ahead.

`verdict`, `reason`, `interval` and the prior's `description` are sentences in the language of
the translator passed in; `unit` and `rate_ratio_estimate` are fixed identifiers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

from pydantic import BaseModel

from crampcheck.analysis.blocks import check_schedule, count_blocks
from crampcheck.analysis.inputs import DiaryData
from crampcheck.analysis.verdict import verdict
from crampcheck.i18n import Translator

FALLBACK_RATE_PER_DAY = 1.0 / 7.0  # prior centre when no cramps were recorded at all


class GammaPrior(BaseModel):
    shape: float
    rate: float
    unit: str
    mean_per_week: float
    description: str


class ExperimentAnalysis(BaseModel):
    """The experiment answer; the first four fields are the JSON contract."""

    rate_ratio: float | None
    ci_low: float | None
    ci_high: float | None
    probability_a_better: float | None
    rate_ratio_estimate: str | None
    interval: str
    enough_data: bool
    days_a: int
    days_b: int
    episodes_a: int
    episodes_b: int
    rate_per_week_a: float | None
    rate_per_week_b: float | None
    washout_days: int
    scheduled_days_without_checkin: int
    period_days: int
    blocks_planned: int
    blocks_completed: int
    prior: GammaPrior
    verdict: str
    reason: str | None = None


def analyze_experiment(
    schedule: Sequence[tuple[date, str]],
    data: DiaryData,
    prior_shape: float = 0.5,
    prior_rate: float | None = None,
    *,
    a_label: str = "a",
    b_label: str = "b",
    period_days: int | None = None,
    as_of: date | None = None,
    translator: Translator,
) -> ExperimentAnalysis:
    """Compare the cramp rate on A days with B days (rate_ratio = rate A / rate B), worded in
    the language of `translator`.

    `prior_rate` is in days (Gamma rate for cramps per day); None centres the prior on the
    pooled rate. `period_days` defaults to what the schedule shows. A block is complete when
    both its periods ended on or before `as_of` (default: the latest check-in). Enough data
    means at least one complete block and check-ins on both options; otherwise the numbers
    are null. InputError for a malformed schedule.
    """
    days = check_schedule(schedule)
    checked_in = {checkin.day for checkin in data.checkins}
    cramps = Counter(episode.diary_day for episode in data.episodes)
    counted = {
        option: [day for day, o in days if o == option and day in checked_in] for option in "ab"
    }
    episodes = {option: sum(cramps[day] for day in counted[option]) for option in "ab"}
    blocks = count_blocks(days, as_of or max(checked_in, default=None), period_days)
    prior = _prior(prior_shape, prior_rate, episodes, counted, translator)
    reason = _shortage(blocks.completed, len(counted["a"]), len(counted["b"]), translator)
    answer = ExperimentAnalysis(
        rate_ratio=None,
        ci_low=None,
        ci_high=None,
        probability_a_better=None,
        rate_ratio_estimate=None,
        interval=translator.gettext(
            "95% credible interval (equal-tailed) of the posterior rate ratio"
        ),
        enough_data=False,
        days_a=len(counted["a"]),
        days_b=len(counted["b"]),
        episodes_a=episodes["a"],
        episodes_b=episodes["b"],
        rate_per_week_a=_per_week(episodes["a"], len(counted["a"])),
        rate_per_week_b=_per_week(episodes["b"], len(counted["b"])),
        washout_days=sum(1 for _, option in days if option == "washout"),
        scheduled_days_without_checkin=sum(
            1 for day, option in days if option != "washout" and day not in checked_in
        ),
        period_days=blocks.period_days,
        blocks_planned=blocks.planned,
        blocks_completed=blocks.completed,
        prior=prior,
        verdict=verdict(None, None, None, a_label, b_label, blocks, reason, translator),
        reason=reason,
    )
    if reason is not None:
        return answer
    ratio, estimate, low, high, probability = _posterior(prior, episodes, counted)
    return answer.model_copy(
        update={
            "rate_ratio": ratio,
            "ci_low": low,
            "ci_high": high,
            "probability_a_better": probability,
            "rate_ratio_estimate": estimate,
            "enough_data": True,
            "verdict": verdict(probability, low, high, a_label, b_label, blocks, None, translator),
        }
    )


def _posterior(
    prior: GammaPrior, episodes: dict[str, int], counted: dict[str, list[date]]
) -> tuple[float, str, float, float, float]:
    # scipy.special rather than scipy.stats.betaprime: the same functions, a much lighter import.
    # If X ~ Beta-prime(a, b) then X / (1 + X) ~ Beta(a, b).
    from scipy.special import betainc, betaincinv

    shape_a, shape_b = prior.shape + episodes["a"], prior.shape + episodes["b"]
    rate_a, rate_b = prior.rate + len(counted["a"]), prior.rate + len(counted["b"])
    # lambda_a / lambda_b = (X / Y) * rate_b / rate_a with X / Y ~ Beta-prime(shape_a, shape_b).
    scale = rate_b / rate_a
    quantiles = (float(betaincinv(shape_a, shape_b, q)) for q in (0.025, 0.5, 0.975))
    low, median, high = (u / (1.0 - u) * scale for u in quantiles)
    threshold = 1.0 / scale
    probability = float(betainc(shape_a, shape_b, threshold / (1.0 + threshold)))
    if episodes["b"] > 0:
        observed = (episodes["a"] / len(counted["a"])) / (episodes["b"] / len(counted["b"]))
        return observed, "observed", low, high, probability
    # No cramps on B days: the observed ratio is infinite or undefined; report the median.
    return median, "posterior median", low, high, probability


def _prior(
    shape: float,
    rate: float | None,
    episodes: dict[str, int],
    counted: dict[str, list[date]],
    translator: Translator,
) -> GammaPrior:
    _ = translator.gettext
    days = len(counted["a"]) + len(counted["b"])
    pooled = (episodes["a"] + episodes["b"]) / days if days else 0.0
    centre = pooled if pooled > 0 else FALLBACK_RATE_PER_DAY
    # The numbers are rarely whole (0.5 cramps, 3.5 days), so these sentences have no plural.
    if rate is None:
        rate = shape / centre
        description = _(
            "weak prior centred on the pooled rate of both options ({per_week} cramps per "
            "week), worth about {cramps} cramps and {days} days of diary; the same for both "
            "options"
        ).format(per_week=f"{7 * centre:.1f}", cramps=f"{shape:g}", days=f"{rate:.1f}")
    else:
        description = _("Gamma prior on cramps per day with mean {per_week} per week").format(
            per_week=f"{7 * shape / rate:.1f}"
        )
    return GammaPrior(
        shape=shape,
        rate=rate,
        unit="cramps per day",
        mean_per_week=7 * shape / rate,
        description=description,
    )


def _shortage(
    blocks_completed: int, days_a: int, days_b: int, translator: Translator
) -> str | None:
    if blocks_completed < 1:
        return translator.gettext("no complete block yet (one period of each option)")
    if days_a == 0 or days_b == 0:
        return translator.gettext("no check-ins on one of the options yet")
    return None


def _per_week(episodes: int, days: int) -> float | None:
    return None if days == 0 else 7.0 * episodes / days
