"""The local authority's Children Not in School register."""
