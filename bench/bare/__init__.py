"""A bare Django project (no apps, no middleware, no database): the floor of what Django costs."""
