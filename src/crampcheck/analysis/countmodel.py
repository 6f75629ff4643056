"""One count model for every rate ratio in the diary analysis.

A GLM with log link on one row per diary day, exposure 1 day (offset log 1 = 0), and one
covariate. It starts as Poisson; when the Cameron–Trivedi test (one-sided, 5%) finds
overdispersion, it is refitted as a negative binomial (NB2) with the dispersion `alpha`
estimated from that test's auxiliary regression. The result names the model used.

statsmodels is imported here lazily so that importing `crampcheck.analysis` stays fast.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np

from crampcheck.analysis.daytable import FloatArray

POISSON = "poisson"
NEGATIVE_BINOMIAL = "negative binomial"
Z_95 = 1.959963984540054
# One-sided 5% critical value for the overdispersion test.
Z_OVERDISPERSION = 1.6448536269514722


@dataclass(frozen=True)
class RateRatioFit:
    """exp(coefficient) of the covariate with its 95% Wald interval and two-sided p-value."""

    rate_ratio: float
    ci_low: float
    ci_high: float
    p_value: float
    model: str
    alpha: float | None


def fit_rate_ratio(counts: FloatArray, covariate: FloatArray) -> RateRatioFit | None:
    """Rate ratio per unit of `covariate`; None when the model cannot give a finite answer.

    Rows with a NaN covariate must already be removed. Never raises on degenerate data and
    never lets a statsmodels warning escape (callers treat None as "not enough data").
    """
    design = np.column_stack([np.ones_like(covariate), covariate])
    # Degenerate diaries (all zeros, separation) warn; we judge the result ourselves. Recording
    # (not just ignoring) is needed because statsmodels resets its own filters to "always".
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("ignore")
        try:
            return _fit(counts, design)
        except (ValueError, np.linalg.LinAlgError, FloatingPointError, OverflowError):
            return None


def _fit(counts: FloatArray, design: FloatArray) -> RateRatioFit | None:
    # Only the GLM parts: statsmodels.api imports everything (0.35 s more per report).
    from statsmodels.genmod import families
    from statsmodels.genmod.generalized_linear_model import GLM

    poisson = GLM(counts, design, family=families.Poisson()).fit()
    if not _usable(poisson):
        return None
    alpha = _overdispersion_alpha(counts, np.asarray(poisson.mu, dtype=float))
    if alpha is None:
        return _result(poisson, POISSON, None)
    family = families.NegativeBinomial(alpha=alpha)
    negbin = GLM(counts, design, family=family).fit()
    if not _usable(negbin):
        return _result(poisson, POISSON, None)
    return _result(negbin, NEGATIVE_BINOMIAL, alpha)


def _overdispersion_alpha(counts: FloatArray, mu: FloatArray) -> float | None:
    """NB2 alpha if the Cameron–Trivedi regression shows overdispersion, else None.

    Regresses ((y - mu)^2 - y) / mu on mu without intercept; the slope estimates alpha.
    """
    response = ((counts - mu) ** 2 - counts) / mu
    sum_squares = float(np.dot(mu, mu))
    if len(counts) < 3 or sum_squares <= 0:
        return None
    alpha = float(np.dot(mu, response)) / sum_squares
    residual = response - alpha * mu
    variance = float(np.dot(residual, residual)) / (len(counts) - 1) / sum_squares
    if alpha <= 0 or variance <= 0 or alpha / math.sqrt(variance) < Z_OVERDISPERSION:
        return None
    return alpha


def _usable(result: Any) -> bool:
    params = np.asarray(result.params, dtype=float)
    errors = np.asarray(result.bse, dtype=float)
    converged = bool(getattr(result, "converged", True))
    # A coefficient that runs off to |beta| > 20 (ratio e^20) is separation, not an estimate.
    return (
        converged
        and params.shape == (2,)
        and bool(np.all(np.isfinite(params)))
        and bool(np.all(np.isfinite(errors)))
        and abs(params[1]) < 20
        and errors[1] > 0
    )


def _result(result: Any, model: str, alpha: float | None) -> RateRatioFit:
    beta = float(np.asarray(result.params)[1])
    error = float(np.asarray(result.bse)[1])
    return RateRatioFit(
        rate_ratio=math.exp(beta),
        ci_low=math.exp(beta - Z_95 * error),
        ci_high=math.exp(beta + Z_95 * error),
        # Two-sided normal p-value: 2 * (1 - Phi(|z|)) = erfc(|z| / sqrt 2), no scipy.stats.
        p_value=math.erfc(abs(beta / error) / math.sqrt(2)),
        model=model,
        alpha=alpha,
    )
