"""A loopback server that speaks every provider protocol, with faults on demand."""
