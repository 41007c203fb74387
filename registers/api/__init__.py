"""The API door: LA systems read their register and send it notifications (docs/api.md).

Views are thin: they read the request's shape and call the same selectors and services as
every other door, with an Actor whose door is the API and whose token says who acted.
"""
