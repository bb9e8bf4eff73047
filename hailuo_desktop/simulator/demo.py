"""The failures the demo's Demo menu shows, armed on demand for one provider.

Each is what that provider would really do, in its own words and codes (providers.md):
- balance     the account is emptied: the next submit is refused (402 / MiniMax 1008);
- content     the next task is created, then fails with the provider's content code
              (APIXO SensitiveContent, MiniMax 1027 "output new_sensitive", API in One
              content_policy_violation; kie/Apikley document no code, so a free-form one);
- timeout     the next submit creates the task, then its answer never comes back;
- slow        the next status answers trickle in slowly;
- slow_task   the next task takes three minutes to generate;
- unreadable  the next status answers are cut in half (six of them: past the client's budget);
- expired     the next video link answers 403, as an expired signed URL does.
`topped_up` puts the starting balance back; `clear` disarms everything.

From Python: `arm(core, name, provider)`; over HTTP: `POST /_sim/demo {"failure", "provider"}`.
"""

from __future__ import annotations

from .config import SimConfig
from .core import SimCore
from .faults import Fault

CONTENT_CODES = {
    "apixo": ("SensitiveContent", "Content violates provider policy, please adjust the prompt"),
    "kie": ("sensitive_content", "The content did not pass the safety review"),
    "apikley": ("sensitive_content", "The content did not pass the safety review"),
    "apiinone": ("content_policy_violation", "The input was rejected by the content policy."),
    "minimax": ("1027", "output new_sensitive"),
}
FAILURES = ("balance", "content", "timeout", "slow", "slow_task", "unreadable", "expired", "topped_up", "clear")
SLOW_TASK_SECONDS = 180.0


def faults_for(name: str, provider: str) -> list[Fault]:
    """The faults one demo failure arms (none for the balance, which is set instead)."""
    code, message = CONTENT_CODES.get(provider, ("content_policy", "Rejected by the content filter."))
    return {
        "content": [Fault(op="submit", kind="fail", provider=provider, fail_code=code, fail_message=message)],
        "timeout": [Fault(op="submit", kind="hang", provider=provider, after_create=True)],
        "slow": [Fault(op="poll", kind="slow", provider=provider, chunk=8, delay=2.0, times=3)],
        "unreadable": [Fault(op="poll", kind="malformed", provider=provider, times=6)],
        "expired": [Fault(op="download", kind="expired", provider=provider)],
    }.get(name, [])


def arm(core: SimCore, name: str, provider: str) -> dict:
    """Arm one demo failure; what was done, as JSON. ValueError for an unknown name or provider."""
    if name not in FAILURES:
        raise ValueError(f"unknown demo failure {name!r}; one of {', '.join(FAILURES)}")
    if provider not in core.config.balances and provider not in CONTENT_CODES:
        raise ValueError(f"unknown provider {provider!r}")
    if name == "clear":
        core.faults.clear()
        core.demo_timing.pop(provider, None)
    elif name == "balance":
        core.ledger.set_balance(provider, 0.0, core.now())
    elif name == "topped_up":
        core.ledger.set_balance(provider, SimConfig().balances.get(provider, 0.0), core.now())
    elif name == "slow_task":
        core.demo_timing[provider] = (5.0, SLOW_TASK_SECONDS)
    for fault in faults_for(name, provider):
        core.faults.add(fault)
    return {"failure": name, "provider": provider, "balance": core.ledger.balance(provider, core.now())}
