"""What partners tells the apps built on it, without importing them.

``organisation_changed`` is sent whenever what the public may read of an organisation can have
changed (its name, its locality, its verification, its visibility): the apps that copy an
organisation's name into their own search text (projects) refresh it then, so that a search
never finds a hidden organisation's name, nor misses a newly public one.
"""

from django.dispatch import Signal

organisation_changed = Signal()  # sender=Organisation, organisation=<Organisation>
