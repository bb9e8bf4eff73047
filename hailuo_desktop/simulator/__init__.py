"""A loopback server that speaks every provider protocol, with faults on demand.

Entry points: `server` (Simulator, SimConfig, Fault, ManualClock), `thread` (SimulatorThread) and
`cli.run`. One module per protocol (apixo, market + uploads for kie/Apikley, apiinone,
minimax), `files` for the second origin, `control` for the /_sim API; `faults`,
`failcodes` and `directives` describe what can be made to go wrong.
"""
