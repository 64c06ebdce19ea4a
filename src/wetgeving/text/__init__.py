"""The legislative text model: draft format, parser, renderer, references, BWB import."""
