"""One adapter per provider API behind one Protocol; the only layer that talks to providers."""
