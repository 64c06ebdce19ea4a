"""Consultation responses: model, store, import, campaigns, dispositions, privacy."""
