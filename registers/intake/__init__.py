"""What arrives at the register, whichever door it came through, and the one check of each.

Every door (a public journey, a staff form, the API, a school's notice, an import) maps what it
received to the plain data of a contract here, and the services and the forms check it with the
same functions and words (registers.validation).
"""
