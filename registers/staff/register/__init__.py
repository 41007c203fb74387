"""The register: the LA's children not in school, a page at a time."""
