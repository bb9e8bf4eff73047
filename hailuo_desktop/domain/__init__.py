"""Pure domain: catalog, states, errors, image rules. No Qt, no HTTP, no I/O."""
