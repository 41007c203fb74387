"""The LA's own settings, kept by its admin: staff accounts, periods and thresholds, footer
pages; and the pages a new member of staff sets up their account on."""
