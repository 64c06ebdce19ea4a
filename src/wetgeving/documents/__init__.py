"""Documents: memorie van toelichting, consultatieverslag, bundle, HTML and Word exports."""
