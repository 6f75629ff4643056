"""The assessment contract (../shared/spec/assessment-contract.md): its vocabulary and the
kinds of answer a condition can test. Imports nothing else of crampcheck."""
