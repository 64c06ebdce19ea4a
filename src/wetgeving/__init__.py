"""wetgeving: drafting and consultation tool for Dutch legislative lawyers."""

__version__ = "0.1.0"
