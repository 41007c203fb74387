"""The API as LA staff see it: an LA admin's tokens, and the API's documentation."""
