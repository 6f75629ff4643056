"""The assessment: contract input, rule evaluation, triage, advice and the result."""
